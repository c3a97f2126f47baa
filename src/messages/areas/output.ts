/**
 * Messages about what the site publishes: addresses claimed twice, reserved
 * addresses, bad old URLs (src/plan/output-plan.ts) and a bad SITE_URL
 * (src/site-config.ts).
 */
import { message } from "../define.ts";

const URL_FORM_VI = "một đường dẫn bắt đầu bằng /, chỉ gồm chữ không dấu a–z, chữ số và - _ . ~ (ví dụ /tin-tuc/hoi-nghi-2016/)";
const URL_FORM_EN = "a path starting with / made of letters a–z, digits and - _ . ~ only (e.g. /tin-tuc/hoi-nghi-2016/)";

export const OUTPUT_MESSAGES = {
  "output.urlShape": message({
    sample: {},
    vi: { message: "không phải địa chỉ mà trang web có thể đăng", expected: URL_FORM_VI, fix: "sửa lại địa chỉ cho đúng dạng" },
    en: { message: "is not an address the site can publish", expected: URL_FORM_EN, fix: "correct the address" },
  }),
  "output.urlDots": message({
    sample: {},
    vi: { message: "có phần . hoặc .., tức là trỏ ra ngoài thư mục của nó", expected: URL_FORM_VI, fix: "viết đầy đủ địa chỉ cũ, không có phần . hoặc .." },
    en: { message: "has a . or .. part, which points outside its folder", expected: URL_FORM_EN, fix: "write the old address in full, without . or .. parts" },
  }),
  "output.urlTooLong": message({
    sample: { max: 1024 },
    vi: { message: (p) => `dài hơn ${p.max} ký tự`, expected: (p) => `một địa chỉ không quá ${p.max} ký tự, mỗi phần giữa hai dấu / không quá 200 ký tự`, fix: "rút ngắn địa chỉ" },
    en: { message: (p) => `is longer than ${p.max} characters`, expected: (p) => `an address of at most ${p.max} characters, at most 200 between two slashes`, fix: "shorten the address" },
  }),
  "output.reservedName": message({
    sample: { name: "/feed.xml", producer: "feeds" },
    vi: {
      message: (p) => `dùng tên ${p.name}, tên trang web dành cho tệp do chính nó tạo ra (${p.producer})`,
      expected: "một địa chỉ cũ không trùng với địa chỉ nào trang web tạo ra hoặc sẽ tạo ra",
      fix: "xóa địa chỉ này",
    },
    en: {
      message: (p) => `uses the name ${p.name}, which the site keeps for a file it generates (${p.producer})`,
      expected: "an old URL that is not, and will never be, an address the site generates",
      fix: "remove this address",
    },
  }),
  "output.reserved": message({
    sample: { prefix: "/q/", producer: "links" },
    vi: {
      message: (p) => `nằm trong ${p.prefix}, nơi trang web dành cho các tệp do chính nó tạo ra (${p.producer})`,
      expected: "một địa chỉ cũ không trùng với địa chỉ nào trang web tạo ra hoặc sẽ tạo ra",
      fix: (p) => `xóa địa chỉ này; mọi địa chỉ trong ${p.prefix} do trang web tự tạo`,
    },
    en: {
      message: (p) => `is under ${p.prefix}, which the site keeps for files it generates (${p.producer})`,
      expected: "an old URL that is not, and will never be, an address the site generates",
      fix: (p) => `remove this address; every address under ${p.prefix} is made by the site`,
    },
  }),
  "output.takenByGenerated": message({
    sample: { url: "/feed.xml", other: "feeds" },
    vi: {
      message: (p) => `là địa chỉ của ${p.url}, tệp do trang web tạo ra (${p.other})`,
      expected: "một địa chỉ cũ không trùng với tệp nào của trang web",
      fix: "xóa địa chỉ này: người đọc địa chỉ đó phải luôn nhận được tệp của trang web",
    },
    en: {
      message: (p) => `is the address of ${p.url}, which the site generates (${p.other})`,
      expected: "an old URL that no file of the site uses",
      fix: "remove this address: readers of it must keep getting the site's own file",
    },
  }),
  "output.takenByArticle": message({
    sample: { url: "/gia-lai/2016/hoi-nghi/", other: "content/gia-lai/2016-11-29-hoi-nghi.md" },
    vi: {
      message: (p) => `trùng tệp với trang của bài ${p.other} (${p.url})`,
      expected: "mỗi địa chỉ dẫn đến đúng một bài",
      fix: (p) => `xóa địa chỉ này, hoặc đổi tên tệp ${p.other}`,
    },
    en: {
      message: (p) => `is the same file as the page of ${p.other} (${p.url})`,
      expected: "each address to lead to exactly one article",
      fix: (p) => `remove this address, or rename ${p.other}`,
    },
  }),
  "output.takenByAlias": message({
    sample: { url: "/tin-tuc/hoi-nghi/", other: "content/gia-lai/2016-11-29-hoi-nghi.md" },
    vi: {
      message: (p) => `trùng tệp với địa chỉ cũ ${p.url} của bài ${p.other}`,
      expected: "mỗi địa chỉ cũ dẫn đến đúng một bài",
      fix: (p) => `chỉ giữ địa chỉ này ở một trong hai tệp (tệp này hoặc ${p.other})`,
    },
    en: {
      message: (p) => `is the same file as the old URL ${p.url} of ${p.other}`,
      expected: "each old URL to lead to exactly one article",
      fix: (p) => `keep the address in only one of this file and ${p.other}`,
    },
  }),
  "output.takenByImage": message({
    sample: { url: "/gia-lai/2016/hoi-nghi/anh.jpg", other: "content/gia-lai/2016-11-29-hoi-nghi.md" },
    vi: { message: (p) => `trùng tệp với ảnh ${p.url} của bài ${p.other}`, expected: "một địa chỉ cũ không trùng với ảnh nào", fix: "xóa địa chỉ này" },
    en: { message: (p) => `is the same file as the image ${p.url} of ${p.other}`, expected: "an old URL that no image uses", fix: "remove this address" },
  }),
  "output.folderConflict": message({
    sample: { url: "/sitemap.xml", other: "sitemap" },
    vi: {
      message: (p) => `không đăng được: ${p.url} (${p.other}) cần cùng một tên vừa làm tệp vừa làm thư mục`,
      expected: "một địa chỉ cũ không chứa và không nằm trong địa chỉ của tệp khác",
      fix: "xóa địa chỉ này hoặc chọn địa chỉ khác",
    },
    en: {
      message: (p) => `cannot be published: it and ${p.url} (${p.other}) would need one name as both a file and a folder`,
      expected: "an old URL that neither contains nor sits inside another file's address",
      fix: "remove this address or choose another one",
    },
  }),
  "output.siteUrlInvalid": message({
    sample: { example: "https://tongket.example.gov.vn" },
    vi: { message: "không phải địa chỉ web", expected: (p) => `địa chỉ công khai của trang, ví dụ ${p.example} hoặc https://example.gov.vn/tin/`, fix: "đặt SITE_URL là địa chỉ công khai của trang web" },
    en: { message: "is not a web address", expected: (p) => `the public address of the site, e.g. ${p.example} or https://example.gov.vn/tin/`, fix: "set SITE_URL to the site's public address" },
  }),
  "output.siteUrlScheme": message({
    sample: {},
    vi: { message: "phải bắt đầu bằng https:// (hoặc http:// khi xem thử trên máy)", fix: "viết https:// ở đầu địa chỉ" },
    en: { message: "must start with https:// (or http:// for local previews)", fix: "write https:// at the start" },
  }),
  "output.siteUrlCredentials": message({
    sample: {},
    vi: { message: "có tên đăng nhập hoặc mật khẩu: chúng sẽ bị in vào mọi trang và mã QR", fix: "xóa phần trước dấu @" },
    en: { message: "contains a user name or password, which would be printed in every page and QR code", fix: "remove the part before @" },
  }),
  "output.siteUrlQuery": message({
    sample: {},
    vi: { message: "có phần ? hoặc #", fix: "xóa phần từ dấu ? hoặc # trở đi" },
    en: { message: "has a ? or # part", fix: "remove everything from the ? or #" },
  }),
  "output.siteUrlPath": message({
    sample: {},
    vi: { message: "có đường dẫn với ký tự trang web không dùng được", expected: "các phần gồm chữ không dấu a–z, chữ số và - _ . ~, ví dụ https://example.gov.vn/tin/", fix: "sửa phần đường dẫn sau tên miền" },
    en: { message: "has a path with characters the site cannot use", expected: "path parts of letters a–z, digits and - _ . ~, e.g. https://example.gov.vn/tin/", fix: "correct the path after the host name" },
  }),
} as const;

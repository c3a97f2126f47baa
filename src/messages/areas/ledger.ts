/**
 * Messages about the published-URL record (published-urls.json): the file
 * itself (damaged, a symbolic link, too large, a bad entry) and the links it
 * protects (a published address that would stop working).
 *
 * Errors about the file never quote it beyond the one offending value: the
 * record comes from many hands, and an error message is not a place to
 * replay its contents.
 */
import { message } from "../define.ts";

const RESTORE_VI = "lấy lại tệp từ git: git checkout -- published-urls.json (tệp này do CI ghi; chỉ sửa tay trường \"withdrawn\")";
const RESTORE_EN = "restore it from git: git checkout -- published-urls.json (CI writes this file; only the \"withdrawn\" field is edited by hand)";

export const LEDGER_MESSAGES = {
  "ledger.about": message({
    sample: {},
    vi: { message: "Mọi địa chỉ trang web này đã đăng, kèm mã rút gọn in trong mã QR. Tệp do CI ghi khi đăng trang (npm run build -- --record-published) và tự commit lại; không cần sửa khi viết bài. Không bao giờ xóa mục nào: muốn gỡ bài, thêm \"withdrawn\": \"<lý do hiện cho người đọc>\" vào mục của bài đó." },
    en: { message: "Every URL this site has published, with the short code printed in its QR code. Written by CI when it deploys (npm run build -- --record-published) and committed back; editors never need to update it. Never delete entries: to remove an article on purpose, add \"withdrawn\": \"<reason shown to readers>\" to its entry." },
  }),
  "ledger.symlink": message({
    sample: {},
    vi: { message: "là một liên kết tượng trưng (symlink), không phải tệp thật", expected: "published-urls.json là một tệp bình thường trong thư mục dự án", fix: `xóa liên kết rồi ${RESTORE_VI}` },
    en: { message: "is a symbolic link, not a regular file", expected: "published-urls.json as a regular file in the project folder", fix: `delete the link, then ${RESTORE_EN}` },
  }),
  "ledger.notRegularFile": message({
    sample: {},
    vi: { message: "không phải tệp bình thường (là thư mục hoặc tệp đặc biệt)", expected: "published-urls.json là một tệp JSON", fix: RESTORE_VI },
    en: { message: "is not a regular file (it is a folder or a special file)", expected: "published-urls.json as a JSON file", fix: RESTORE_EN },
  }),
  "ledger.tooLarge": message({
    sample: { size: "300 MB", limit: "256 MB" },
    vi: { message: (p) => `quá lớn (${p.size}; tối đa ${p.limit})`, expected: "mỗi bài một mục, vài trăm byte mỗi mục", fix: RESTORE_VI },
    en: { message: (p) => `is too large (${p.size}; the limit is ${p.limit})`, expected: "one entry per article, a few hundred bytes each", fix: RESTORE_EN },
  }),
  "ledger.unreadable": message({
    sample: { reason: "EACCES" },
    vi: { message: (p) => `không đọc hoặc ghi được (${p.reason})`, fix: "kiểm tra quyền của tệp và thư mục dự án" },
    en: { message: (p) => `cannot be read or written (${p.reason})`, fix: "check the permissions of the file and the project folder" },
  }),
  "ledger.notUtf8": message({
    sample: {},
    vi: { message: "không phải văn bản UTF-8", fix: RESTORE_VI },
    en: { message: "is not UTF-8 text", fix: RESTORE_EN },
  }),
  "ledger.notJson": message({
    sample: { column: 7 },
    vi: { message: (p) => `không phải JSON hợp lệ (lỗi ở cột ${p.column})`, expected: "JSON đúng cú pháp: dấu phẩy giữa các mục, chuỗi trong dấu nháy kép", fix: RESTORE_VI },
    en: { message: (p) => `is not valid JSON (error at column ${p.column})`, expected: "well-formed JSON: commas between items, strings in double quotes", fix: RESTORE_EN },
  }),
  "ledger.notObject": message({
    sample: {},
    vi: { message: "không có danh sách \"entries\"", expected: "{ \"entries\": [ … ] }", fix: RESTORE_VI },
    en: { message: "has no \"entries\" list", expected: "{ \"entries\": [ … ] }", fix: RESTORE_EN },
  }),
  "ledger.unknownField": message({
    sample: { field: "titel" },
    vi: { message: (p) => `có trường không dùng đến: ${p.field}`, expected: "ở mỗi mục chỉ có code, urls, title, withdrawn", fix: RESTORE_VI },
    en: { message: (p) => `has a field the record does not use: ${p.field}`, expected: "only code, urls, title and withdrawn in an entry", fix: RESTORE_EN },
  }),
  "ledger.badEntry": message({
    sample: {},
    vi: { message: "không phải một mục hợp lệ", expected: "{ \"code\": …, \"urls\": [ … ] }", fix: RESTORE_VI },
    en: { message: "is not a valid entry", expected: "{ \"code\": …, \"urls\": [ … ] }", fix: RESTORE_EN },
  }),
  "ledger.badCode": message({
    sample: {},
    vi: { message: "không phải mã rút gọn", expected: "5 đến 12 ký tự gồm chữ số và chữ thường a–z, không có i, l, o, u (ví dụ 7kq2m)", fix: RESTORE_VI },
    en: { message: "is not a short code", expected: "5 to 12 digits and lower-case letters a–z without i, l, o, u (e.g. 7kq2m)", fix: RESTORE_EN },
  }),
  "ledger.badUrls": message({
    sample: { limit: 100 },
    vi: { message: (p) => `phải là danh sách từ 1 đến ${p.limit} địa chỉ`, expected: "\"urls\": [\"/gia-lai/2016/hoi-nghi/\"]", fix: RESTORE_VI },
    en: { message: (p) => `must be a list of 1 to ${p.limit} addresses`, expected: "\"urls\": [\"/gia-lai/2016/hoi-nghi/\"]", fix: RESTORE_EN },
  }),
  "ledger.badUrl": message({
    sample: { limit: 500 },
    vi: {
      message: "không phải địa chỉ an toàn",
      expected: (p) => `đường dẫn bắt đầu bằng /, chỉ gồm chữ không dấu, chữ số và - _ . ~ /; không có //, không có phần . hoặc .., không có dấu cách; tối đa ${p.limit} ký tự`,
      fix: "sửa lại đúng địa chỉ đã đăng, hoặc lấy lại mục này từ git (git log -p published-urls.json cho thấy lịch sử của nó)",
    },
    en: {
      message: "is not a safe address",
      expected: (p) => `a path starting with /, of unaccented letters, digits and - _ . ~ / only; no //, no . or .. parts, no spaces; at most ${p.limit} characters`,
      fix: "correct it to the address that was published, or restore this entry from git (git log -p published-urls.json shows its history)",
    },
  }),
  "ledger.badText": message({
    sample: { limit: 2000 },
    vi: { message: (p) => `phải là một đoạn chữ không rỗng, tối đa ${p.limit} ký tự`, fix: "viết ngắn gọn, trong một dòng, giữa hai dấu nháy kép" },
    en: { message: (p) => `must be non-empty text of at most ${p.limit} characters`, fix: "write it briefly, on one line, between double quotes" },
  }),
  "ledger.moreErrors": message({
    sample: { count: 120 },
    vi: { message: (p) => `và ${p.count} lỗi khác trong tệp này`, fix: RESTORE_VI },
    en: { message: (p) => `and ${p.count} more errors in this file`, fix: RESTORE_EN },
  }),
  "ledger.duplicateCode": message({
    sample: { code: "7kq2m", line: 12 },
    vi: { message: (p) => `ghi mã ${p.code} hai lần (lần kia ở dòng ${p.line})`, fix: RESTORE_VI },
    en: { message: (p) => `lists the code ${p.code} twice (also at line ${p.line})`, fix: RESTORE_EN },
  }),
  "ledger.duplicateUrl": message({
    sample: { url: "/gia-lai/2016/hoi-nghi/", line: 12 },
    vi: { message: (p) => `ghi địa chỉ ${p.url} trong hai mục (mục kia ở dòng ${p.line})`, fix: RESTORE_VI },
    en: { message: (p) => `lists the address ${p.url} in two entries (the other at line ${p.line})`, fix: RESTORE_EN },
  }),
  "ledger.urlWouldBreak": message({
    sample: { url: "/gia-lai/2016/hoi-nghi/", shortLink: "/q/7kq2m/", file: "content/gia-lai/2016-11-29-hoi-nghi-moi.md" },
    vi: {
      message: (p) => `địa chỉ đã đăng ${p.url} (mã QR ${p.shortLink}) sẽ không còn mở được`,
      expected: "các địa chỉ cũ của bài này được ghi trong aliases",
      fix: (p) => `thêm "${p.url}" vào aliases trong ${p.file}`,
    },
    en: {
      message: (p) => `the previously published URL ${p.url} (QR code ${p.shortLink}) would stop resolving`,
      expected: "old URLs of this article listed in aliases",
      fix: (p) => `add "${p.url}" to aliases in ${p.file}`,
    },
  }),
  "ledger.urlTaken": message({
    sample: { url: "/gia-lai/2016/hoi-nghi/", other: "content/gia-lai/2016-11-29-hoi-nghi.md", shortLink: "/q/7kq2m/" },
    vi: {
      message: (p) => `dùng địa chỉ ${p.url}, vốn đã đăng cho một bài khác (${p.other}, mã QR ${p.shortLink})`,
      expected: "một địa chỉ đã đăng luôn dẫn tới đúng bài cũ",
      fix: (p) => `bỏ "${p.url}" khỏi bài này (đổi tên tệp hoặc bỏ alias đó)`,
    },
    en: {
      message: (p) => `takes the URL ${p.url}, which was published for another article (${p.other}, QR code ${p.shortLink})`,
      expected: "a published URL to keep leading to the same article",
      fix: (p) => `remove "${p.url}" from this article (rename the file or drop the alias)`,
    },
  }),
  "ledger.articleGone": message({
    sample: { url: "/gia-lai/2016/hoi-nghi/", shortLink: "/q/7kq2m/", title: "Hội nghị tổng kết", candidates: "content/gia-lai/2016-11-29-hoi-nghi-moi.md" },
    vi: {
      message: (p) => `bài đã đăng ở ${p.url} (mã QR ${p.shortLink}${p.title ? `, "${p.title}"` : ""}) không còn trong content/`,
      expected: "mọi địa chỉ đã đăng vẫn dẫn tới bài của nó",
      fix: (p) =>
        `${p.candidates ? `nếu bài nay là ${p.candidates}, thêm vào phần đầu bài: aliases: ["${p.url}"]` : `nếu bạn đã đổi tên hoặc chuyển bài, thêm vào phần đầu bài đó: aliases: ["${p.url}"]`}; nếu cố ý gỡ bài, thêm "withdrawn": "<lý do cho người đọc>" vào mục này`,
    },
    en: {
      message: (p) => `the article published at ${p.url} (QR code ${p.shortLink}${p.title ? `, "${p.title}"` : ""}) no longer exists in content/`,
      expected: "every published URL to keep leading to its article",
      fix: (p) =>
        `${p.candidates ? `if it is now ${p.candidates}, add to its front matter: aliases: ["${p.url}"]` : `if you renamed or moved the article, add to its front matter: aliases: ["${p.url}"]`}; if it was removed on purpose, add "withdrawn": "<reason for readers>" to this entry`,
    },
  }),
  "ledger.wouldRecord": message({
    sample: { added: 2, moved: 1 },
    vi: { message: (p) => `Khi đăng trang, CI sẽ ghi vào published-urls.json: ${p.added} bài mới, ${p.moved} bài đổi địa chỉ. Bản dựng trên máy không ghi tệp này.` },
    en: { message: (p) => `When this is deployed, CI will record in published-urls.json: ${p.added} new and ${p.moved} moved article(s). A local build never writes this file.` },
  }),
  "ledger.recorded": message({
    sample: { added: 2, moved: 1 },
    vi: { message: (p) => `published-urls.json: đã ghi ${p.added} bài mới, ${p.moved} bài đổi địa chỉ.` },
    en: { message: (p) => `published-urls.json: recorded ${p.added} new and ${p.moved} moved article(s).` },
  }),
  "ledger.mergeKept": message({
    sample: { url: "/gia-lai/2016/hoi-nghi/", ours: "7kq2m", theirs: "8xz3n" },
    vi: { message: (p) => `địa chỉ ${p.url} đã được ghi trên nhánh main với mã ${p.theirs}; giữ mã đó, bỏ mã ${p.ours} của lần đăng này` },
    en: { message: (p) => `the address ${p.url} is already recorded on main with code ${p.theirs}; keeping it and dropping this deploy's code ${p.ours}` },
  }),
  "ledger.merged": message({
    sample: { added: 2, extended: 1 },
    vi: { message: (p) => `published-urls.json: thêm ${p.added} mục mới, bổ sung địa chỉ cho ${p.extended} mục.` },
    en: { message: (p) => `published-urls.json: ${p.added} new entries, ${p.extended} entries with new addresses.` },
  }),
} as const;

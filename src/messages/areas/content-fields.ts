/**
 * Help for each front-matter field: its plain name (`message`), what is
 * expected (`expected`) and an example line (`fix`), in both languages.
 * Content errors show `expected` and "write it like: <example>"; the CMS
 * shows the same text as hints. Read them through `fieldHelp(pattern)`
 * (src/messages/field-help.ts), keyed by field pattern with [] for list
 * items ("officials[].name").
 *
 * Examples are YAML lines: keys stay English (they are the file format),
 * values are Vietnamese in both languages. Multi-line examples are indented
 * for display under an error's "fix:" line.
 */
import { message } from "../define.ts";

/** One field's help; the example is the same in both languages. */
function field(vi: { name: string; expected: string }, en: { name: string; expected: string }, example: string) {
  return message({ sample: {}, vi: { message: vi.name, expected: vi.expected, fix: example }, en: { message: en.name, expected: en.expected, fix: example } });
}

/** Where an editor finds the province ids and the person id explained: their guide, in Vietnamese (the README is the developers'). */
export const GUIDE_PROVINCE_IDS_VI = "bảng mã tỉnh ở phần 10 của docs/huong-dan-bien-tap.md";
export const GUIDE_PERSON_ID_VI = "mã người: phần 2 của docs/huong-dan-bien-tap.md";

export const CONTENT_FIELD_MESSAGES = {
  "field.title": field({ name: "Tiêu đề", expected: "tiêu đề bài viết" }, { name: "Title", expected: "the headline as text" }, 'title: "Hội nghị tổng kết công tác năm 2016"'),
  "field.date": field(
    { name: "Ngày", expected: "ngày viết theo thứ tự năm-tháng-ngày, ví dụ 2016-11-29, hoặc có cả giờ: 2016-11-29T14:00 (có thể thêm giây và múi giờ như +07:00)" },
    { name: "Date", expected: "an ISO date such as 2016-11-29, or a date-time such as 2016-11-29T14:00 (seconds and an offset such as +07:00 optional)" },
    "date: 2016-11-29",
  ),
  "field.province": field(
    { name: "Tỉnh, thành phố", expected: `mã tỉnh, thành phố trong danh sách, ví dụ gia-lai, ha-tinh, ho-chi-minh (xem ${GUIDE_PROVINCE_IDS_VI})` },
    { name: "Province", expected: "a province id from the registry, e.g. gia-lai, ha-tinh, ho-chi-minh (README: Province ids)" },
    "province: gia-lai",
  ),
  "field.agency": field({ name: "Cơ quan", expected: "tên cơ quan tổ chức" }, { name: "Agency", expected: "the organising body as text" }, 'agency: "Sở Thông tin và Truyền thông"'),
  "field.reviewYear": field(
    { name: "Năm tổng kết", expected: "năm được tổng kết, một số nguyên từ 1945 đến 2100" },
    { name: "Year reviewed", expected: "a whole year between 1945 and 2100, the year reviewed" },
    "reviewYear: 2016",
  ),
  "field.planYear": field(
    { name: "Năm triển khai", expected: "năm triển khai nhiệm vụ, một số nguyên từ 1945 đến 2100" },
    { name: "Year planned", expected: "a whole year between 1945 and 2100, the year planned" },
    "planYear: 2017",
  ),
  "field.officials": field(
    { name: "Đại biểu", expected: "danh sách đại biểu, mỗi người có name (họ tên), có thể thêm role (chức vụ), honorific (danh xưng) và id (mã người)" },
    { name: "Officials", expected: "a list of officials, each with name (and optionally role, honorific, id)" },
    "officials:\n      - name: Nguyễn Dũng\n        role: Giám đốc Trung tâm CNTT&TT\n        honorific: Ông",
  ),
  "field.officials[]": field({ name: "Đại biểu", expected: "một đại biểu: { name, role, honorific, id }" }, { name: "Official", expected: "an official: { name, role, honorific, id }" }, "- name: Nguyễn Dũng"),
  "field.officials[].name": field({ name: "Họ tên", expected: "họ và tên đầy đủ của đại biểu" }, { name: "Name", expected: "the official's full name as text" }, "name: Nguyễn Dũng"),
  "field.officials[].role": field({ name: "Chức vụ", expected: "chức vụ của đại biểu" }, { name: "Role", expected: "the official's position as text" }, "role: Giám đốc Sở Thông tin và Truyền thông"),
  "field.officials[].honorific": field({ name: "Danh xưng", expected: "một trong: Ông, Bà, Đồng chí" }, { name: "Honorific", expected: "one of Ông, Bà, Đồng chí" }, "honorific: Ông"),
  "field.officials[].id": field(
    {
      name: "Mã người",
      expected: "mã của người này: chữ thường không dấu, chữ số và dấu gạch nối (thành địa chỉ /nhan-vat/<mã>/); cùng một mã trong nhiều bài là cùng một người, kể cả ở tỉnh khác",
    },
    {
      name: "Person id",
      expected: "a person id: lowercase letters without accents, digits and single hyphens (it becomes the address /nhan-vat/<id>/); the same id in several articles means the same person, also across provinces",
    },
    "id: nguyen-dung-gia-lai",
  ),
  "field.awards": field(
    { name: "Khen thưởng", expected: "danh sách khen thưởng, mỗi mục có title (danh hiệu), có thể thêm recipient (người nhận), count (số lượng), conferredBy (cấp khen)" },
    { name: "Awards", expected: "a list of awards, each with title (and optionally recipient, count, conferredBy)" },
    "awards:\n      - title: Lao động tiên tiến\n        count: 11\n        recipient: cá nhân",
  ),
  "field.awards[]": field({ name: "Khen thưởng", expected: "một khen thưởng: { title, recipient, count, conferredBy }" }, { name: "Award", expected: "an award: { title, recipient, count, conferredBy }" }, "- title: Giấy khen"),
  "field.awards[].title": field({ name: "Danh hiệu", expected: "tên danh hiệu hoặc hình thức khen thưởng" }, { name: "Award title", expected: "the award's name as text" }, "title: Cờ thi đua"),
  "field.awards[].recipient": field({ name: "Người nhận", expected: "cá nhân hoặc tập thể được khen" }, { name: "Recipient", expected: "who received it, as text" }, "recipient: Trung tâm CNTT&TT"),
  "field.awards[].count": field({ name: "Số lượng", expected: "số cá nhân, tập thể được khen: số nguyên từ 1 trở lên" }, { name: "Count", expected: "a whole number of recipients, 1 or more" }, "count: 12"),
  "field.awards[].conferredBy": field({ name: "Cấp khen", expected: "người hoặc cơ quan trao khen thưởng" }, { name: "Conferred by", expected: "who conferred it, as text" }, "conferredBy: Bộ TT&TT"),
  "field.author": field({ name: "Tác giả", expected: "tên người viết bài" }, { name: "Author", expected: "the byline as text" }, 'author: "Trần Thị Bích Thủy"'),
  "field.summary": field({ name: "Tóm tắt", expected: "một đoạn tóm tắt ngắn" }, { name: "Summary", expected: "a one-paragraph summary as text" }, 'summary: "Sở TT&TT tổng kết công tác năm 2016…"'),
  "field.image": field({ name: "Ảnh", expected: "ảnh đại diện: { src, alt, caption }" }, { name: "Image", expected: "an image: { src, alt, caption }" }, "image:\n      src: hoi-nghi.jpg\n      alt: Toàn cảnh hội nghị"),
  "field.image.src": field(
    { name: "Tệp ảnh", expected: "tên tệp ảnh đặt cùng thư mục với bài viết (hoi-nghi.jpg) hoặc địa chỉ bắt đầu bằng https://" },
    { name: "Image file", expected: "a file name next to the article (hoi-nghi.jpg) or an https:// address" },
    "src: hoi-nghi.jpg",
  ),
  "field.image.alt": field({ name: "Mô tả ảnh", expected: "lời mô tả ảnh cho người không xem được ảnh" }, { name: "Image description", expected: "a description of the image for readers who cannot see it" }, "alt: Toàn cảnh hội nghị"),
  "field.image.caption": field({ name: "Chú thích ảnh", expected: "chú thích hiện dưới ảnh" }, { name: "Caption", expected: "the caption shown under the image" }, "caption: Đại diện lãnh đạo Sở trao danh hiệu"),
  "field.tags": field({ name: "Chủ đề", expected: "danh sách tối đa 30 chủ đề ngắn" }, { name: "Tags", expected: "a list of at most 30 short topics" }, 'tags: ["tổng kết", "chuyển đổi số"]'),
  "field.tags[]": field({ name: "Chủ đề", expected: "một chủ đề ngắn, tối đa 100 ký tự" }, { name: "Tag", expected: "a short topic as text, at most 100 characters" }, "- tổng kết"),
  "field.draft": field({ name: "Bản nháp", expected: "true (bản nháp, chưa đăng) hoặc false" }, { name: "Draft", expected: "true or false" }, "draft: true"),
  "field.aliases": field(
    { name: "Địa chỉ cũ", expected: "danh sách tối đa 20 địa chỉ cũ của bài viết, mỗi địa chỉ bắt đầu bằng /" },
    { name: "Old addresses", expected: "a list of at most 20 old URL paths of this article, each starting with /" },
    "aliases:\n      - /tin-tuc/hoi-nghi-tong-ket-2016/",
  ),
  "field.aliases[]": field(
    { name: "Địa chỉ cũ", expected: "một địa chỉ cũ bắt đầu bằng /, chỉ gồm chữ không dấu, chữ số và - _ . ~ /" },
    { name: "Old address", expected: "an old URL path starting with /, letters, digits, - _ . ~ / only" },
    "- /tin-tuc/hoi-nghi-tong-ket-2016/",
  ),
} as const;

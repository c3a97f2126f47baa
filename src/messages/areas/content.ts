/**
 * What an editor reads when an article, an image or the content folder has
 * a problem: errors (the build stops), warnings (likely mistakes) and
 * notices (files under content/ that are not published). Vietnamese is
 * written for communication officers, not programmers; the English says the
 * same as the build said before the catalogue existed.
 *
 * Every error keeps the same structure: the file and line come from the
 * error itself, then what is wrong (`message`), what was expected
 * (`expected`) and how to fix it (`fix`), with the corrected value filled in
 * whenever it can be known ("write date: 2024-12-20").
 */
import { message } from "../define.ts";

const EN_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** "1.5 MiB" / "1,5 MiB": sizes in the unit the limit is documented in. */
function size(bytes: number, lang: "vi" | "en"): string {
  const mib = bytes / 1024 / 1024;
  const text = mib >= 1 ? `${(Math.floor(mib * 10) / 10).toFixed(1)} MiB` : `${Math.ceil(bytes / 1024)} KiB`;
  return lang === "vi" ? text.replace(".", ",") : text;
}

export const CONTENT_MESSAGES = {
  // ---- Labels -------------------------------------------------------------
  "content.warningLabel": message({ sample: {}, vi: { message: "cảnh báo" }, en: { message: "warning" } }),
  "content.warningSummary": message({
    sample: { warnings: 2, files: 1 },
    vi: { message: (p) => `${p.warnings} cảnh báo trong ${p.files} tệp (không ngăn việc đăng bài):` },
    en: { message: (p) => `${p.warnings} warning${p.warnings === 1 ? "" : "s"} in ${p.files} file${p.files === 1 ? "" : "s"} (these do not stop the build):` },
  }),
  "content.fix.honorific": message({
    sample: {},
    vi: { message: "bỏ dòng honorific (không bắt buộc), hoặc viết honorific: Ông, honorific: Bà hay honorific: Đồng chí" },
    en: { message: "leave the honorific line out (it is optional), or write honorific: Ông, honorific: Bà or honorific: Đồng chí" },
  }),
  "content.writeLike": message({
    sample: { example: "date: 2016-11-29" },
    vi: { message: (p) => `viết như sau: ${p.example}` },
    en: { message: (p) => `write it like: ${p.example}` },
  }),

  // ---- Reading files --------------------------------------------------------
  "content.read.link": message({
    sample: { name: "toan-canh.jpg" },
    vi: {
      message: (p) => `tệp ${p.name} là một liên kết (symlink) chứ không phải tệp thật: hệ thống không bao giờ đọc theo liên kết`,
      expected: "một tệp thật nằm trong thư mục content/",
      fix: "thay liên kết bằng chính tệp đó (chép tệp vào thư mục này rồi commit)",
    },
    en: {
      message: (p) => `the file ${p.name} is a link (symlink), not an ordinary file: links are never followed`,
      expected: "an ordinary file inside content/",
      fix: "replace the link with the file itself (copy the file into this folder and commit it)",
    },
  }),
  "content.read.changedDuringBuild": message({
    sample: {},
    vi: { message: "bài viết đã bị sửa trong lúc đang dựng trang, và bản mới có lỗi", expected: "bài không đổi cho đến khi dựng xong", fix: "sửa lỗi của bài (npm run check cho biết lỗi), rồi dựng lại" },
    en: { message: "the article changed while the site was being built, and the new version has errors", expected: "the article unchanged until the build ends", fix: "fix the article (npm run check lists its errors), then build again" },
  }),
  "content.read.folder": message({
    sample: { name: "anh.jpg" },
    vi: { message: (p) => `${p.name} là một thư mục, không phải tệp`, expected: "tên một tệp ảnh nằm cùng thư mục với bài viết", fix: "ghi tên tệp ảnh (ví dụ hoi-nghi.jpg), không ghi tên thư mục" },
    en: { message: (p) => `${p.name} is a folder, not a file`, expected: "the name of an image file next to the article", fix: "write the name of a file (e.g. hoi-nghi.jpg), not of a folder" },
  }),
  "content.read.special": message({
    sample: { name: "anh.jpg" },
    vi: { message: (p) => `${p.name} là một tệp đặc biệt của hệ thống (thiết bị, đường ống…), không phải tệp thường`, expected: "một tệp thường", fix: "thay bằng một tệp ảnh thật" },
    en: { message: (p) => `${p.name} is a device, pipe or other special file, not an ordinary file`, expected: "an ordinary file", fix: "replace it with a real image file" },
  }),
  "content.read.outside": message({
    sample: { name: "anh.jpg" },
    vi: {
      message: (p) => `tệp ${p.name} nằm ngoài thư mục content/ (qua một thư mục liên kết)`,
      expected: "bài viết và ảnh nằm trong các thư mục thật bên trong content/",
      fix: "chép tệp vào đúng thư mục của bài viết, không dùng liên kết (symlink)",
    },
    en: {
      message: (p) => `the file ${p.name} lies outside content/ (through a linked folder)`,
      expected: "articles and images in ordinary folders inside content/",
      fix: "copy the file into the article's folder instead of linking to it",
    },
  }),
  "content.read.unreadable": message({
    sample: { name: "anh.jpg", reason: "EACCES" },
    vi: { message: (p) => `không đọc được tệp ${p.name} (${p.reason})`, expected: "một tệp đọc được", fix: "kiểm tra quyền đọc của tệp, hoặc chép lại tệp" },
    en: { message: (p) => `the file ${p.name} cannot be read (${p.reason})`, expected: "a readable file", fix: "check the file's permissions, or copy it again" },
  }),
  "content.read.articleTooLarge": message({
    sample: { size: 2_000_000, limit: 1_048_576 },
    vi: {
      message: (p) => `tệp bài viết quá lớn: ${size(Number(p.size), "vi")}`,
      expected: (p) => `tối đa ${size(Number(p.limit), "vi")} cho một bài viết (một thông cáo báo chí thường dưới 50 KiB)`,
      fix: "xóa nội dung dán nhầm (ảnh, bảng chép từ Word), hoặc chia thành nhiều bài",
    },
    en: {
      message: (p) => `the article file is too large: ${size(Number(p.size), "en")}`,
      expected: (p) => `at most ${size(Number(p.limit), "en")} per article (a press release is usually under 50 KiB)`,
      fix: "remove pasted material (images, tables copied from Word), or split it into several articles",
    },
  }),
  "content.read.imageTooLarge": message({
    sample: { name: "anh.jpg", size: 30_000_000, limit: 20_971_520 },
    vi: {
      message: (p) => `ảnh ${p.name} quá lớn: ${size(Number(p.size), "vi")}`,
      expected: (p) => `ảnh tối đa ${size(Number(p.limit), "vi")}`,
      fix: "thu nhỏ ảnh (rộng khoảng 2000 điểm ảnh là đủ) hoặc lưu lại dạng JPEG",
    },
    en: {
      message: (p) => `the image ${p.name} is too large: ${size(Number(p.size), "en")}`,
      expected: (p) => `an image of at most ${size(Number(p.limit), "en")}`,
      fix: "make the image smaller (about 2000 pixels wide is plenty) or save it as JPEG",
    },
  }),
  "content.read.contentFolderLink": message({
    sample: {},
    vi: { message: "thư mục content là một liên kết (symlink) tới nơi khác", expected: "content/ là một thư mục thật trong dự án", fix: "thay liên kết bằng chính thư mục bài viết" },
    en: { message: "the content folder is a link (symlink) to another place", expected: "content/ to be an ordinary folder in the project", fix: "replace the link with the folder itself" },
  }),
  "content.read.contentFolderNotFolder": message({
    sample: {},
    vi: { message: "content không phải là một thư mục", expected: "content/ là thư mục chứa các bài viết", fix: "đổi tên tệp content, rồi tạo thư mục content/ cho bài viết" },
    en: { message: "content is not a folder", expected: "content/ to be the folder holding the articles", fix: "rename the file called content and create a content/ folder for the articles" },
  }),

  // ---- Encoding and size ---------------------------------------------------
  "content.encoding.invalidUtf8": message({
    sample: { line: 3 },
    vi: {
      message: (p) => `tệp không được lưu bằng bảng mã UTF-8: dòng ${p.line} có ký tự không đọc được (có thể tệp đã lưu bằng Windows-1258, TCVN3 hoặc VNI)`,
      expected: "tệp văn bản lưu bằng bảng mã UTF-8",
      fix: "lưu lại tệp bằng UTF-8 (Notepad hoặc Word: Lưu thành… > Mã hóa: UTF-8), rồi kiểm tra chữ tiếng Việt ở dòng đó",
    },
    en: {
      message: (p) => `the file is not saved as UTF-8: line ${p.line} has bytes that are not UTF-8 text (perhaps Windows-1258, TCVN3 or VNI)`,
      expected: "a text file saved as UTF-8",
      fix: "save the file as UTF-8 (Notepad or Word: Save As > Encoding: UTF-8), then check the Vietnamese letters on that line",
    },
  }),
  "content.encoding.utf16": message({
    sample: { encoding: "UTF-16" },
    vi: { message: (p) => `tệp được lưu bằng bảng mã ${p.encoding}, không phải UTF-8`, expected: "tệp văn bản lưu bằng bảng mã UTF-8", fix: "lưu lại tệp bằng UTF-8 (Notepad: Lưu thành… > Mã hóa: UTF-8)" },
    en: { message: (p) => `the file is saved as ${p.encoding}, not UTF-8`, expected: "a text file saved as UTF-8", fix: "save the file as UTF-8 (Notepad: Save As > Encoding: UTF-8)" },
  }),
  "content.encoding.zeroBytes": message({
    sample: { line: 1 },
    vi: {
      message: (p) => `dòng ${p.line} có byte 0: tệp có lẽ được lưu bằng UTF-16 hoặc không phải tệp văn bản`,
      expected: "tệp văn bản lưu bằng bảng mã UTF-8",
      fix: "lưu lại tệp bằng UTF-8 (Notepad: Lưu thành… > Mã hóa: UTF-8)",
    },
    en: {
      message: (p) => `line ${p.line} contains zero bytes: the file is probably saved as UTF-16 or is not a text file`,
      expected: "a text file saved as UTF-8",
      fix: "save the file as UTF-8 (Notepad: Save As > Encoding: UTF-8)",
    },
  }),
  "content.size.frontMatter": message({
    sample: { size: 100_000, limit: 65_536 },
    vi: {
      message: (p) => `phần thông tin đầu bài (giữa hai dòng ---) quá dài: ${size(Number(p.size), "vi")}`,
      expected: (p) => `tối đa ${size(Number(p.limit), "vi")}`,
      fix: "đưa nội dung dài (danh sách, đoạn văn) xuống phần thân bài, dưới dòng --- thứ hai",
    },
    en: {
      message: (p) => `the front matter (between the --- lines) is too long: ${size(Number(p.size), "en")}`,
      expected: (p) => `at most ${size(Number(p.limit), "en")}`,
      fix: "move long text (lists, paragraphs) into the body, below the second --- line",
    },
  }),
  "content.size.body": message({
    sample: { size: 600_000, limit: 524_288 },
    vi: { message: (p) => `phần thân bài quá dài: ${size(Number(p.size), "vi")}`, expected: (p) => `tối đa ${size(Number(p.limit), "vi")}`, fix: "xóa nội dung dán nhầm, hoặc chia thành nhiều bài" },
    en: { message: (p) => `the body is too long: ${size(Number(p.size), "en")}`, expected: (p) => `at most ${size(Number(p.limit), "en")}`, fix: "remove pasted material, or split it into several articles" },
  }),

  // ---- Front matter structure ------------------------------------------------
  "content.noFrontMatter": message({
    sample: {},
    vi: {
      message: "thiếu phần thông tin đầu bài (front matter)",
      expected: "tệp bắt đầu bằng một dòng chỉ có ---, tiếp theo là các trường thông tin, rồi một dòng --- nữa",
      fix: "thêm phần thông tin đầu bài có ít nhất title, date và province (xem phần 2 của docs/huong-dan-bien-tap.md)",
    },
    en: {
      message: "has no front matter",
      expected: "the file to start with a line containing only ---, then YAML fields, then ---",
      fix: "add a front matter block with at least title, date and province (see README.md)",
    },
  }),
  "content.frontMatterLanguage": message({
    sample: { language: "js" },
    vi: {
      message: (p) => `phần thông tin đầu bài viết bằng ngôn ngữ "${p.language}", điều này không được phép`,
      expected: "phần thông tin đầu bài dạng YAML, mở bằng dòng ---",
      fix: "thay dòng đầu tiên bằng --- (thông tin đầu bài chỉ là dữ liệu, không bao giờ là mã lệnh)",
    },
    en: {
      message: (p) => `front matter language "${p.language}" is not allowed`,
      expected: "plain YAML front matter opened by ---",
      fix: "replace the first line with --- (front matter is data, never code)",
    },
  }),
  "content.frontMatterUnclosed": message({
    sample: {},
    vi: {
      message: "phần thông tin đầu bài mở ở dòng này nhưng không có dòng --- đóng lại",
      expected: "một dòng chỉ có --- sau trường thông tin cuối cùng, trước phần thân bài",
      fix: "thêm một dòng chỉ có --- ngay sau trường thông tin cuối cùng",
    },
    en: {
      message: "the front matter opened here is never closed",
      expected: "a line containing only --- after the last field, before the text",
      fix: "add a line containing only --- right after the last field",
    },
  }),
  "content.frontMatterUnclosedAt": message({
    sample: { line: 6 },
    vi: {
      message: (p) => `phần thông tin đầu bài mở ở dòng này nhưng không được đóng lại: dòng ${p.line} đã là phần thân bài`,
      expected: "một dòng chỉ có --- sau trường thông tin cuối cùng, trước phần thân bài",
      fix: (p) => `thêm một dòng chỉ có --- trước dòng ${p.line}`,
    },
    en: {
      message: (p) => `the front matter opened here is never closed: line ${p.line} is already article text`,
      expected: "a line containing only --- after the last field, before the text",
      fix: (p) => `add a line containing only --- before line ${p.line}`,
    },
  }),
  "content.frontMatterNotFields": message({
    sample: {},
    vi: { message: "phần thông tin đầu bài phải gồm các dòng dạng tên: giá trị", expected: "các trường như title:, date:, province:", fix: "viết mỗi trường trên một dòng (xem phần 2 của docs/huong-dan-bien-tap.md)" },
    en: { message: "front matter must be key: value fields", expected: "fields such as title:, date:, province:", fix: "write one field per line (see README.md)" },
  }),

  // ---- YAML ---------------------------------------------------------------------
  "content.yaml.expected": message({
    sample: {},
    vi: { message: "các dòng YAML dạng tên: giá trị, danh sách bắt đầu bằng -, chữ có dấu \":\" hoặc \"#\" đặt trong ngoặc kép" },
    en: { message: "YAML key: value lines, lists with -, text with \":\" or \"#\" in double quotes" },
  }),
  "content.yaml.tab": message({
    sample: {},
    vi: { message: "dòng này thụt đầu dòng bằng phím Tab", expected: "thụt đầu dòng bằng dấu cách", fix: "dùng dấu cách thay cho Tab ở đầu dòng (YAML không chấp nhận Tab)" },
    en: { message: "this line is indented with a tab", expected: "indentation with spaces", fix: "use spaces instead of tabs at the start of the line (YAML does not allow tabs)" },
  }),
  "content.yaml.colon": message({
    sample: { key: "title", corrected: 'title: "Hội nghị: tổng kết"' },
    vi: {
      message: (p) => `giá trị của ${p.key} có dấu hai chấm và dấu cách (": "), nên bị hiểu nhầm là một trường mới`,
      expected: "chữ có dấu \":\" đặt trong ngoặc kép",
      fix: (p) => `đặt giá trị trong ngoặc kép: ${p.corrected}`,
    },
    en: {
      message: (p) => `the value of ${p.key} contains a colon and a space (": "), which YAML reads as a new field`,
      expected: "text with \":\" in double quotes",
      fix: (p) => `put the value in double quotes: ${p.corrected}`,
    },
  }),
  "content.yaml.unclosedQuote": message({
    sample: {},
    vi: { message: "dấu ngoặc kép mở ở dòng này không được đóng lại", expected: "mỗi dấu ngoặc mở có một dấu ngoặc đóng trên cùng dòng", fix: "thêm dấu ngoặc đóng ở cuối giá trị" },
    en: { message: "a quote opened on this line is never closed", expected: "every opening quote closed on the same line", fix: "add the closing quote at the end of the value" },
  }),
  "content.yaml.unclosedBracket": message({
    sample: { open: "[", close: "]" },
    vi: { message: (p) => `dấu ${p.open} mở ở dòng này không được đóng bằng ${p.close}`, expected: (p) => `danh sách viết trên một dòng, ví dụ tags: ${p.open}tổng kết, chuyển đổi số${p.close}`, fix: (p) => `thêm ${p.close} ở cuối dòng` },
    en: { message: (p) => `the ${p.open} opened on this line is not closed with ${p.close}`, expected: (p) => `a list on one line, e.g. tags: ${p.open}tổng kết, chuyển đổi số${p.close}`, fix: (p) => `add ${p.close} at the end of the line` },
  }),
  "content.yaml.duplicateKey": message({
    sample: { key: "title" },
    vi: { message: (p) => `trường ${p.key} xuất hiện hai lần`, expected: "mỗi trường chỉ ghi một lần", fix: (p) => `giữ lại một dòng ${p.key}: và xóa dòng còn lại` },
    en: { message: (p) => `the field ${p.key} appears twice`, expected: "each field written once", fix: (p) => `keep one ${p.key}: line and delete the other` },
  }),
  "content.yaml.indent": message({
    sample: {},
    vi: { message: "dòng này thụt đầu dòng không khớp với các dòng xung quanh", expected: "các trường cùng cấp thẳng hàng với nhau", fix: "dùng cùng số dấu cách đầu dòng như các trường cùng cấp" },
    en: { message: "the indentation of this line does not match the lines around it", expected: "fields at the same level lined up", fix: "indent the line with the same number of spaces as the fields at its level" },
  }),
  "content.yaml.tag": message({
    sample: { tag: "!!js/function" },
    vi: { message: (p) => `thẻ YAML ${p.tag} không được phép: thông tin đầu bài chỉ là dữ liệu`, expected: "giá trị thường (chữ, số, danh sách)", fix: (p) => `xóa ${p.tag}` },
    en: { message: (p) => `the YAML tag ${p.tag} is not allowed: front matter is data only`, expected: "plain values (text, numbers, lists)", fix: (p) => `remove ${p.tag}` },
  }),
  "content.yaml.other": message({
    sample: { detail: "bad indentation of a mapping entry" },
    vi: { message: (p) => `phần thông tin đầu bài không đúng cú pháp YAML (${p.detail})`, fix: "sửa dòng này (đặt chữ có dấu hai chấm trong ngoặc kép)" },
    en: { message: (p) => `front matter is not valid YAML: ${p.detail}`, fix: "correct the YAML at that line (quote text that contains a colon)" },
  }),
  "content.yaml.tooDeep": message({
    sample: { limit: 10 },
    vi: { message: (p) => `phần thông tin đầu bài lồng nhau quá ${p.limit} cấp`, expected: "các trường trong phần 2 của docs/huong-dan-bien-tap.md (nhiều nhất ba cấp, như officials > name)", fix: "xóa phần lồng nhau thừa" },
    en: { message: (p) => `the front matter is nested more than ${p.limit} levels deep`, expected: "the fields in README.md (at most three levels, as in officials > name)", fix: "remove the extra nesting" },
  }),
  "content.yaml.tooManyValues": message({
    sample: { limit: 10_000 },
    vi: {
      message: (p) => `phần thông tin đầu bài có quá ${p.limit} giá trị (có thể do dùng & và * của YAML để lặp lại dữ liệu)`,
      expected: "các trường trong phần 2 của docs/huong-dan-bien-tap.md",
      fix: "viết đầy đủ từng giá trị, không dùng & và *",
    },
    en: {
      message: (p) => `the front matter expands to more than ${p.limit} values (YAML anchors & and aliases * repeat data)`,
      expected: "the fields in README.md",
      fix: "write each value out in full, without & and *",
    },
  }),
  "content.yaml.reservedKey": message({
    sample: { key: "__proto__" },
    vi: { message: (p) => `tên trường "${p.key}" không được phép`, expected: "tên trường trong danh sách ở phần 2 của docs/huong-dan-bien-tap.md", fix: "xóa dòng này" },
    en: { message: (p) => `the field name "${p.key}" is not allowed`, expected: "field names from the list in README.md", fix: "remove this line" },
  }),

  // ---- Field shape ------------------------------------------------------------
  "content.unknownField": message({
    sample: { key: "titel", known: "title, date, province", suggestion: "title" },
    vi: { message: (p) => `không có trường "${p.key}"`, expected: (p) => `một trong: ${p.known}`, fix: (p) => `có phải ý bạn là "${p.suggestion}"? Sửa lại tên trường.` },
    en: { message: (p) => `unknown field "${p.key}"`, expected: (p) => `one of: ${p.known}`, fix: (p) => `did you mean "${p.suggestion}"? Rename the key.` },
  }),
  "content.unknownFieldNoMatch": message({
    sample: { key: "xyzzy", known: "title, date, province" },
    vi: { message: (p) => `không có trường "${p.key}"`, expected: (p) => `một trong: ${p.known}`, fix: "xóa dòng này, hoặc xem danh sách trường trong phần 2 của docs/huong-dan-bien-tap.md" },
    en: { message: (p) => `unknown field "${p.key}"`, expected: (p) => `one of: ${p.known}`, fix: "remove the line, or check the field list in README.md" },
  }),
  "content.required": message({ sample: {}, vi: { message: "bắt buộc phải có nhưng đang thiếu" }, en: { message: "is required but missing" } }),
  "content.wrongType": message({
    sample: { expectedType: "a whole number", foundType: "text" },
    vi: { message: (p) => `phải là ${p.expectedType}, không phải ${p.foundType}` },
    en: { message: (p) => `must be ${p.expectedType}, not ${p.foundType}` },
  }),
  "content.empty": message({ sample: {}, vi: { message: "không được để trống" }, en: { message: "must not be empty" } }),
  "content.invisible": message({
    sample: {},
    vi: { message: "chỉ có ký tự vô hình (như dấu cách độ rộng 0), người đọc không thấy gì", fix: "gõ lại nội dung này" },
    en: { message: "contains only invisible characters (such as zero-width spaces): readers would see nothing", fix: "type this text again" },
  }),
  "content.notAllowed": message({ sample: {}, vi: { message: "không phải giá trị được phép" }, en: { message: "is not an allowed value" } }),
  "content.outOfRange": message({ sample: {}, vi: { message: "nằm ngoài khoảng cho phép" }, en: { message: "is outside the allowed range" } }),
  "content.invalid": message({ sample: {}, vi: { message: "không hợp lệ" }, en: { message: "is not valid" } }),
  "content.type.text": message({ sample: {}, vi: { message: "chữ" }, en: { message: "text" } }),
  "content.type.number": message({ sample: {}, vi: { message: "một số" }, en: { message: "a number" } }),
  "content.type.wholeNumber": message({ sample: {}, vi: { message: "một số nguyên" }, en: { message: "a whole number" } }),
  "content.type.fraction": message({ sample: {}, vi: { message: "một số thập phân" }, en: { message: "a fraction" } }),
  "content.type.list": message({ sample: {}, vi: { message: "một danh sách" }, en: { message: "a list" } }),
  "content.type.mapping": message({ sample: {}, vi: { message: "một nhóm trường (tên: giá trị)" }, en: { message: "a mapping (key: value pairs)" } }),
  "content.type.fields": message({ sample: {}, vi: { message: "một nhóm trường (tên: giá trị)" }, en: { message: "a mapping (key: value fields)" } }),
  "content.type.trueFalse": message({ sample: {}, vi: { message: "true hoặc false" }, en: { message: "true or false" } }),
  "content.type.boolean": message({ sample: {}, vi: { message: "true/false" }, en: { message: "true/false" } }),
  "content.type.nothing": message({ sample: {}, vi: { message: "để trống" }, en: { message: "nothing" } }),

  // ---- Dates ------------------------------------------------------------------------
  "content.date.invalid": message({
    sample: {},
    vi: { message: "không phải ngày hợp lệ", fix: "viết ngày theo thứ tự năm-tháng-ngày, ví dụ date: 2016-11-29 (ngày và tháng đủ hai chữ số)" },
    en: { message: "is not a valid date", fix: "write the date as YYYY-MM-DD, e.g. date: 2016-11-29 (day and month with two digits)" },
  }),
  "content.date.dayMonthYear": message({
    sample: { iso: "2024-12-20" },
    vi: { message: "viết theo thứ tự ngày/tháng/năm", fix: (p) => `viết date: ${p.iso} (năm-tháng-ngày)` },
    en: { message: "is written day/month/year", fix: (p) => `write date: ${p.iso} (year-month-day)` },
  }),
  "content.date.padDigits": message({
    sample: { iso: "2016-01-02" },
    vi: { message: "ngày hoặc tháng chỉ có một chữ số", fix: (p) => `viết date: ${p.iso}` },
    en: { message: "has a day or month with one digit", fix: (p) => `write date: ${p.iso}` },
  }),
  "content.date.noSuchMonth": message({
    sample: { month: 13 },
    vi: { message: (p) => `không có tháng ${p.month}`, fix: "tháng viết từ 01 đến 12, theo thứ tự năm-tháng-ngày: date: 2016-11-29" },
    en: { message: (p) => `there is no month ${p.month}`, fix: "write the month as 01 to 12, in year-month-day order: date: 2016-11-29" },
  }),
  "content.date.noSuchDay": message({
    sample: { year: 2024, month: 2, day: 30, days: 29 },
    vi: { message: (p) => `tháng ${p.month} năm ${p.year} chỉ có ${p.days} ngày, không có ngày ${p.day}`, fix: "kiểm tra lại ngày" },
    en: { message: (p) => `${EN_MONTHS[Number(p.month) - 1] ?? p.month} ${p.year} has ${p.days} days, not ${p.day}`, fix: "check the day" },
  }),
  "content.date.noSuchTime": message({
    sample: { time: "25:00" },
    vi: { message: (p) => `không có giờ ${p.time}`, fix: "giờ viết từ 00 đến 23, phút từ 00 đến 59, ví dụ date: 2016-11-29T14:00" },
    en: { message: (p) => `there is no time ${p.time}`, fix: "write hours 00 to 23 and minutes 00 to 59, e.g. date: 2016-11-29T14:00" },
  }),
  "content.date.badOffset": message({
    sample: { offset: "+25:00" },
    vi: { message: (p) => `múi giờ ${p.offset} không tồn tại`, fix: "bỏ múi giờ (mặc định là giờ Việt Nam) hoặc viết +07:00" },
    en: { message: (p) => `the offset ${p.offset} does not exist`, fix: "leave the offset out (Vietnam time is the default) or write +07:00" },
  }),
  "content.date.outOfRange": message({
    sample: { year: 9999, min: 1945, max: 2027 },
    vi: {
      message: (p) => `năm ${p.year} nằm ngoài khoảng cho phép`,
      expected: (p) => `một ngày từ năm ${p.min} đến hết năm ${p.max}`,
      fix: "kiểm tra lại năm (thường là gõ nhầm)",
    },
    en: {
      message: (p) => `the year ${p.year} is outside the allowed range`,
      expected: (p) => `a date from ${p.min} to the end of ${p.max}`,
      fix: "check the year (usually a typo)",
    },
  }),

  // ---- Other fields ---------------------------------------------------------------
  "content.province.unknown": message({
    sample: { suggestions: '"gia-lai"' },
    vi: { message: "không phải mã tỉnh, thành phố nào", fix: (p) => `có phải ý bạn là ${p.suggestions}?` },
    en: { message: "is not a known province id", fix: (p) => `did you mean ${p.suggestions}?` },
  }),
  "content.province.unknownNoMatch": message({
    sample: {},
    vi: { message: "không phải mã tỉnh, thành phố nào", fix: "dùng mã không dấu của tỉnh, ví dụ gia-lai (bảng mã tỉnh ở phần 10 của docs/huong-dan-bien-tap.md có danh sách đầy đủ)" },
    en: { message: "is not a known province id", fix: "use the ASCII id of the province, e.g. gia-lai (README.md lists all ids)" },
  }),
  "content.province.merged": message({
    sample: { name: "Bình Dương", successorName: "Thành phố Hồ Chí Minh", since: "2025-07-01", day: "2025-08-01", successor: "ho-chi-minh" },
    vi: {
      message: (p) => `${p.name} đã sáp nhập vào ${p.successorName} từ ngày ${p.since}, trước ngày của bài viết ${p.day}`,
      expected: (p) => `đơn vị hành chính đang tồn tại vào ngày ${p.day}`,
      fix: (p) => `viết province: ${p.successor}`,
    },
    en: {
      message: (p) => `${p.name} became part of ${p.successorName} on ${p.since}, before this article's date ${p.day}`,
      expected: (p) => `the unit in force on ${p.day}`,
      fix: (p) => `write province: ${p.successor}`,
    },
  }),
  "content.province.renamed": message({
    sample: { name: "Thừa Thiên Huế", successorName: "Thành phố Huế", since: "2025-01-01", day: "2025-02-01", successor: "hue" },
    vi: {
      message: (p) => `${p.name} đã đổi tên thành ${p.successorName} từ ngày ${p.since}, trước ngày của bài viết ${p.day}`,
      expected: (p) => `đơn vị hành chính đang tồn tại vào ngày ${p.day}`,
      fix: (p) => `viết province: ${p.successor}`,
    },
    en: {
      message: (p) => `${p.name} was renamed ${p.successorName} on ${p.since}, before this article's date ${p.day}`,
      expected: (p) => `the unit in force on ${p.day}`,
      fix: (p) => `write province: ${p.successor}`,
    },
  }),
  "content.planBeforeReview": message({
    sample: { reviewYear: 2017 },
    vi: { message: (p) => `sớm hơn năm tổng kết reviewYear ${p.reviewYear}`, expected: "năm triển khai bằng hoặc sau năm tổng kết", fix: "kiểm tra cả hai năm (tổng kết năm 2016 thì triển khai năm 2017)" },
    en: { message: (p) => `is before reviewYear ${p.reviewYear}`, expected: "the year planned, the same as or after the year reviewed", fix: "check both years (a review of 2016 plans 2017)" },
  }),
  "content.aliasUnsafe": message({
    sample: {},
    vi: { message: "không phải đường dẫn an toàn", fix: "viết đường dẫn cũ không kèm tên miền, ví dụ /tin-tuc/hoi-nghi-2016/ (không dấu cách, không dấu tiếng Việt, không ? hoặc #)" },
    en: { message: "is not a safe URL path", fix: "write the old path without the domain, e.g. /tin-tuc/hoi-nghi-2016/ (no spaces, accents, ? or #)" },
  }),
  "content.imageSrcInvalid": message({
    sample: {},
    vi: { message: "không phải tên tệp ảnh hay địa chỉ https://", fix: "đặt ảnh cùng thư mục với bài viết và ghi tên tệp (chữ không dấu, số, - _ .; đuôi .jpg/.png/.webp), hoặc ghi địa chỉ https://" },
    en: { message: "is not an image file name or https:// address", fix: "put the image next to the article and write its file name (letters, digits, - _ .; .jpg/.png/.webp), or an https:// address" },
  }),
  "content.imageMissing": message({
    sample: { path: "content/gia-lai/toan-canh.jpg" },
    vi: { message: "ghi tên một tệp ảnh không có", expected: (p) => `một tệp tại ${p.path}`, fix: "đặt ảnh cùng thư mục với bài viết, hoặc sửa lại tên tệp (phân biệt chữ hoa, chữ thường)" },
    en: { message: "names an image file that does not exist", expected: (p) => `a file at ${p.path}`, fix: "add the image next to the article, or correct the file name (it is case-sensitive)" },
  }),
  "content.imageMissingSuggest": message({
    sample: { path: "content/gia-lai/Toan-Canh.png", suggestion: "toan-canh.png" },
    vi: { message: "ghi tên một tệp ảnh không có", expected: (p) => `một tệp tại ${p.path}`, fix: (p) => `có phải ý bạn là ${p.suggestion}? Viết src: ${p.suggestion} (tên tệp phải đúng cả chữ hoa, chữ thường)` },
    en: { message: "names an image file that does not exist", expected: (p) => `a file at ${p.path}`, fix: (p) => `did you mean ${p.suggestion}? Write src: ${p.suggestion} (file names must match exactly, capital letters included)` },
  }),
  "content.slugUnusable": message({
    sample: {},
    vi: { message: "tên tệp không tạo được đường dẫn cho bài viết", expected: "tên tệp có chữ hoặc số, ví dụ 2016-11-29-hoi-nghi-tong-ket.md", fix: "đổi tên tệp" },
    en: { message: "file name gives no usable URL slug", expected: "a file name with letters or digits, e.g. 2016-11-29-hoi-nghi-tong-ket.md", fix: "rename the file" },
  }),

  // ---- Across articles --------------------------------------------------------------
  "content.duplicateUrl": message({
    sample: { url: "/gia-lai/2016/hoi-nghi/", other: "content/gia-lai/b.md", file: "content/gia-lai/a.md" },
    vi: {
      message: (p) => `có cùng địa chỉ ${p.url} với bài ${p.other}`,
      expected: "mỗi địa chỉ một bài (tỉnh, năm và tên tệp không được trùng cả ba)",
      fix: (p) => `đổi tên một trong hai tệp (${p.file} hoặc ${p.other})`,
    },
    en: {
      message: (p) => `has the same URL ${p.url} as ${p.other}`,
      expected: "one article per URL (province, year and file name together must be unique)",
      fix: (p) => `rename one of the files (${p.file} or ${p.other})`,
    },
  }),
  "content.aliasOwnUrl": message({
    sample: {},
    vi: { message: "trùng với địa chỉ hiện tại của chính bài này", expected: "một địa chỉ cũ không bài nào đang dùng", fix: "xóa địa chỉ cũ này" },
    en: { message: "repeats the article's own URL", expected: "an old URL that no current article uses", fix: "remove this alias" },
  }),
  "content.aliasOtherArticle": message({
    sample: { other: "content/gia-lai/b.md" },
    vi: { message: (p) => `là địa chỉ của bài khác, ${p.other}`, expected: "một địa chỉ cũ không bài nào đang dùng", fix: (p) => `xóa địa chỉ cũ ở đây, hoặc đổi tên ${p.other}` },
    en: { message: (p) => `is the URL of another article, ${p.other}`, expected: "an old URL that no current article uses", fix: (p) => `remove the alias here, or rename ${p.other}` },
  }),
  "content.aliasShared": message({
    sample: { other: "content/gia-lai/b.md", file: "content/gia-lai/a.md" },
    vi: { message: (p) => `cũng là địa chỉ cũ của ${p.other}`, expected: "mỗi địa chỉ cũ chỉ dẫn tới một bài", fix: (p) => `chỉ giữ địa chỉ cũ này ở một trong hai bài ${p.file} và ${p.other}` },
    en: { message: (p) => `is also an alias of ${p.other}`, expected: "each old URL to lead to exactly one article", fix: (p) => `keep the alias in only one of ${p.file} and ${p.other}` },
  }),

  // ---- Warnings (the build goes on) ------------------------------------------------
  "content.warn.bidi": message({
    sample: { count: 1 },
    vi: {
      message: (p) => `có ${p.count} ký tự điều khiển hướng chữ vô hình (như U+202E), có thể làm chữ hiện ngược; hệ thống đã xóa chúng`,
      fix: "không cần làm gì; để hết cảnh báo, gõ lại đoạn chữ đó thay vì dán",
    },
    en: {
      message: (p) => `contained ${p.count} invisible text-direction character${p.count === 1 ? "" : "s"} (such as U+202E), which can make text display reversed; they were removed`,
      fix: "nothing to do; to silence this warning, type that text again instead of pasting it",
    },
  }),
  "content.warn.h1": message({
    sample: { corrected: "## Kết quả năm 2016" },
    vi: {
      message: "tiêu đề cấp 1 (#) trong thân bài: tiêu đề bài viết (title) đã là tiêu đề lớn của trang",
      expected: "các mục trong bài dùng ## (cấp 2) trở xuống",
      fix: (p) => `viết ${p.corrected}`,
    },
    en: {
      message: "a level-1 heading (#) in the body: the title is already the page's heading",
      expected: "section headings with ## (level 2) or below",
      fix: (p) => `write ${p.corrected}`,
    },
  }),

  // ---- Notices: files under content/ that are not published -----------------------
  "content.notice.readme": message({
    sample: {},
    vi: { message: "tệp README không phải bài viết nên không được đăng", fix: "không cần làm gì nếu đây là ghi chú cho người biên tập" },
    en: { message: "README files are not articles and are not published", fix: "nothing to do if this is a note for editors" },
  }),
  "content.notice.hidden": message({
    sample: {},
    vi: { message: "tệp ẩn (tên bắt đầu bằng dấu chấm) không được đọc và không được đăng", fix: "nếu đây là bài viết, bỏ dấu chấm ở đầu tên tệp" },
    en: { message: "hidden files (names starting with a dot) are not read or published", fix: "if this is an article, remove the dot at the start of its name" },
  }),
  "content.notice.hiddenFolder": message({
    sample: {},
    vi: { message: "thư mục ẩn (tên bắt đầu bằng dấu chấm) không được đọc; các tệp bên trong không được đăng", fix: "nếu trong đó có bài viết, bỏ dấu chấm ở đầu tên thư mục" },
    en: { message: "hidden folders (names starting with a dot) are not read; nothing in them is published", fix: "if it holds articles, remove the dot at the start of its name" },
  }),
  "content.notice.extension": message({
    sample: { suggestion: "2016-11-29-hoi-nghi.md" },
    vi: { message: "chỉ tệp có đuôi .md mới là bài viết; tệp này không được đăng", fix: (p) => `nếu đây là bài viết, đổi tên thành ${p.suggestion}` },
    en: { message: "only files ending in .md are articles; this file is not published", fix: (p) => `if this is an article, rename it to ${p.suggestion}` },
  }),
  "content.notice.link": message({
    sample: {},
    vi: { message: "là một liên kết (symlink): hệ thống không đọc theo liên kết nên không đăng gì từ đây", fix: "thay liên kết bằng chính tệp hoặc thư mục đó" },
    en: { message: "is a link (symlink): links are never followed, so nothing is published from it", fix: "replace the link with the file or folder itself" },
  }),
  "content.notice.special": message({
    sample: {},
    vi: { message: "là tệp đặc biệt của hệ thống (thiết bị, đường ống…): không được đọc", fix: "xóa tệp này khỏi thư mục content/" },
    en: { message: "is a device, pipe or other special file: it is not read", fix: "remove it from content/" },
  }),
  "content.notice.unusedImage": message({
    sample: {},
    vi: { message: "ảnh này không được bài viết nào dùng trong image.src nên không được đăng", fix: "ghi tên ảnh vào image.src của bài viết cùng thư mục, hoặc xóa ảnh nếu không cần" },
    en: { message: "no article names this image in image.src, so it is not published", fix: "name it in the image.src of an article in the same folder, or delete it if it is not needed" },
  }),
  "content.notice.fileName": message({
    sample: { name: "Hội nghị 2024.md", path: "content/ha-noi/2024-12-20-hoi-nghi-2024.md", url: "/ha-noi/2024/hoi-nghi-2024/" },
    vi: {
      message: (p) => `tên tệp "${p.name}" không theo quy ước đặt tên`,
      expected: "ngày đăng viết năm-tháng-ngày, dấu gạch ngang, rồi tên bài bằng chữ thường không dấu, các chữ nối bằng dấu gạch ngang, không có dấu cách (phần 1 của docs/huong-dan-bien-tap.md)",
      fix: (p) => `đổi tên tệp thành ${p.path}; địa chỉ bài vẫn là ${p.url}, không đổi`,
    },
    en: {
      message: (p) => `the file name "${p.name}" does not follow the naming convention`,
      expected: "the date as YYYY-MM-DD, then the name in lowercase letters without accents joined by hyphens, no spaces (README: Writing an article)",
      fix: (p) => `rename the file to ${p.path}; the article's address stays ${p.url}`,
    },
  }),
  "content.notice.stray": message({
    sample: {},
    vi: { message: "không phải bài viết (.md) hay ảnh của bài viết nên không được đăng", fix: "xóa tệp này nếu không cần, hoặc chuyển ra ngoài thư mục content/" },
    en: { message: "is neither an article (.md) nor an article's image, so it is not published", fix: "delete it if it is not needed, or move it out of content/" },
  }),
} as const;

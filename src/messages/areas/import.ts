/**
 * `npm run import`: the notes written into drafts (YAML comments for the
 * editor to confirm or fill in), progress, the summary and errors.
 */
import { message } from "../define.ts";
import { GUIDE_PROVINCE_IDS_VI } from "./content-fields.ts";

const CONFIRM_VI = "XÁC NHẬN:";
const CONFIRM_EN = "CONFIRM:";
const FILL_VI = "CẦN ĐIỀN:";
const FILL_EN = "FILL IN:";

export const IMPORT_MESSAGES = {
  // --- Markers the editor searches for -----------------------------------------
  "import.marker.confirm": message({ sample: {}, vi: { message: CONFIRM_VI }, en: { message: CONFIRM_EN } }),
  "import.marker.fill": message({ sample: {}, vi: { message: FILL_VI }, en: { message: FILL_EN } }),

  // --- Notes written into the draft -------------------------------------------
  "import.note.header": message({
    sample: { source: "000_55f457eac0504ad9.txt" },
    vi: { message: (p) => `Bản nháp nhập tự động từ "${p.source}". Kiểm tra các dòng có chữ "${CONFIRM_VI}" và "${FILL_VI}" bên dưới, sửa nếu cần, rồi xóa các dòng bắt đầu bằng #.` },
    en: { message: (p) => `Draft imported automatically from "${p.source}". Check the lines marked "${CONFIRM_EN}" and "${FILL_EN}" below, correct what is wrong, then delete the lines starting with #.` },
  }),
  "import.note.chromeRemoved": message({
    sample: { count: 7, examples: "Print, QR Code, Tin khác" },
    vi: { message: (p) => `Đã bỏ ${p.count} dòng của giao diện cổng thông tin (${p.examples}…).` },
    en: { message: (p) => `Removed ${p.count} lines of portal page furniture (${p.examples}…).` },
  }),
  "import.note.titleFromQr": message({
    sample: {},
    vi: { message: `${CONFIRM_VI} văn bản không có dòng tiêu đề; tiêu đề lấy từ nhãn mã QR của cổng thông tin.` },
    en: { message: `${CONFIRM_EN} the text has no headline line; the title comes from the portal's QR code label.` },
  }),
  "import.note.titleFromLead": message({
    sample: {},
    vi: { message: `${CONFIRM_VI} văn bản không có dòng tiêu đề; tiêu đề lấy từ câu mở đầu.` },
    en: { message: `${CONFIRM_EN} the text has no headline line; the title comes from the opening sentence.` },
  }),
  "import.note.titleMissing": message({
    sample: {},
    vi: { message: `${FILL_VI} không tìm thấy tiêu đề; viết tiêu đề bài.` },
    en: { message: `${FILL_EN} no headline found; write the article's headline.` },
  }),
  "import.note.datePortal": message({
    sample: { raw: "09/12/2016" },
    vi: { message: (p) => `Ngày đăng trên cổng thông tin (dòng "${p.raw}").` },
    en: { message: (p) => `Publication date on the portal (line "${p.raw}").` },
  }),
  "import.note.dateUpdated": message({
    sample: { raw: "Cập nhật: 09/12/2016 08:30" },
    vi: { message: (p) => `${CONFIRM_VI} ngày lấy từ dòng "${p.raw}" — đó là lần cập nhật cuối, có thể muộn hơn ngày đăng.` },
    en: { message: (p) => `${CONFIRM_EN} date from the line "${p.raw}" — the last update, which may be later than publication.` },
  }),
  "import.note.datePrint": message({
    sample: { raw: "Print Thứ Bảy, 26/01/2019 23:25" },
    vi: { message: (p) => `${CONFIRM_VI} ngày lấy từ dòng "${p.raw}" cạnh nút In — có thể là lúc in trang, không phải ngày đăng.` },
    en: { message: (p) => `${CONFIRM_EN} date from the line "${p.raw}" beside the Print button — it may be when the page was printed, not published.` },
  }),
  "import.note.dateWeekday": message({
    sample: { raw: "Thứ Hai, 26/01/2019" },
    vi: { message: (p) => `${CONFIRM_VI} thứ trong ngày "${p.raw}" không khớp với ngày tháng.` },
    en: { message: (p) => `${CONFIRM_EN} the weekday in "${p.raw}" does not match the date.` },
  }),
  "import.note.dateFromLead": message({
    sample: { raw: "Chiều 6-1" },
    vi: { message: (p) => `${CONFIRM_VI} không có dòng ngày đăng; ngày là ngày hội nghị trong câu mở đầu ("${p.raw}").` },
    en: { message: (p) => `${CONFIRM_EN} no publication date line; the date is the conference day in the opening sentence ("${p.raw}").` },
  }),
  "import.note.yearFromPublished": message({
    sample: { raw: "Chiều 29/11", year: 2016 },
    vi: { message: (p) => `${CONFIRM_VI} "${p.raw}" không ghi năm; năm ${p.year} suy ra từ ngày đăng.` },
    en: { message: (p) => `${CONFIRM_EN} "${p.raw}" gives no year; ${p.year} was inferred from the publication date.` },
  }),
  "import.note.yearFromYears": message({
    sample: { raw: "Chiều 6-1", year: 2017 },
    vi: { message: (p) => `${CONFIRM_VI} "${p.raw}" không ghi năm; năm ${p.year} suy ra từ năm tổng kết/năm kế hoạch.` },
    en: { message: (p) => `${CONFIRM_EN} "${p.raw}" gives no year; ${p.year} was inferred from the years reviewed and planned.` },
  }),
  "import.note.conferenceDate": message({
    sample: { raw: "Chiều 29/11/2016", day: "2016-11-29" },
    vi: { message: (p) => `Hội nghị diễn ra ${p.day} (câu mở đầu: "${p.raw}"); trường date là ngày đăng.` },
    en: { message: (p) => `The conference was held on ${p.day} (opening sentence: "${p.raw}"); date is the publication date.` },
  }),
  "import.note.dateMissing": message({
    sample: {},
    vi: { message: `${FILL_VI} không tìm thấy ngày; ghi ngày đăng dạng YYYY-MM-DD, ví dụ 2016-12-09.` },
    en: { message: `${FILL_EN} no date found; write the publication date as YYYY-MM-DD, e.g. 2016-12-09.` },
  }),
  "import.note.provinceBare": message({
    sample: { name: "Quảng Ngãi" },
    vi: { message: (p) => `${CONFIRM_VI} suy ra từ tên "${p.name}" trong bài (không có chữ "tỉnh"/"thành phố" đi kèm).` },
    en: { message: (p) => `${CONFIRM_EN} read from the name "${p.name}" in the text (not preceded by "tỉnh"/"thành phố").` },
  }),
  "import.note.provinceTag": message({
    sample: { tag: "BDO", name: "Bình Dương" },
    vi: { message: (p) => `${CONFIRM_VI} suy ra từ ký hiệu báo "(${p.tag})" của ${p.name}; bài không nêu tên tỉnh.` },
    en: { message: (p) => `${CONFIRM_EN} read from the newspaper tag "(${p.tag})" of ${p.name}; the text names no province.` },
  }),
  "import.note.provinceAmbiguous": message({
    sample: { other: "Kon Tum" },
    vi: { message: (p) => `${CONFIRM_VI} bài cũng nhắc đến ${p.other}.` },
    en: { message: (p) => `${CONFIRM_EN} the text also names ${p.other}.` },
  }),
  "import.note.provinceMoved": message({
    sample: { from: "Bình Dương", to: "Hồ Chí Minh", since: "2025-07-01" },
    vi: { message: (p) => `${CONFIRM_VI} bài nêu ${p.from}; từ ${p.since} đơn vị này thuộc ${p.to}, nên ghi mã của ${p.to}.` },
    en: { message: (p) => `${CONFIRM_EN} the text names ${p.from}; from ${p.since} it is part of ${p.to}, so the id of ${p.to} is used.` },
  }),
  "import.note.provinceBeforeRename": message({
    sample: { from: "Huế", to: "Thừa Thiên Huế" },
    vi: { message: (p) => `${CONFIRM_VI} bài nêu ${p.from}; vào ngày của bài đơn vị là ${p.to}.` },
    en: { message: (p) => `${CONFIRM_EN} the text names ${p.from}; on the article's date the unit was ${p.to}.` },
  }),
  "import.note.provinceFromOption": message({
    sample: { id: "ha-tinh" },
    vi: { message: (p) => `Lấy từ tùy chọn --province ${p.id} (bài không nêu tên tỉnh).` },
    en: { message: (p) => `From the option --province ${p.id} (the text names no province).` },
  }),
  "import.note.provinceDiffersFromOption": message({
    sample: { id: "ha-tinh", found: "gia-lai" },
    vi: { message: (p) => `${CONFIRM_VI} bài nêu ${p.found}, khác với --province ${p.id}; đã dùng ${p.found}.` },
    en: { message: (p) => `${CONFIRM_EN} the text names ${p.found}, not --province ${p.id}; ${p.found} is used.` },
  }),
  "import.note.provinceMissing": message({
    sample: {},
    vi: { message: `${FILL_VI} bài không nêu tỉnh/thành phố; ghi mã tỉnh, ví dụ gia-lai (${GUIDE_PROVINCE_IDS_VI}), hoặc nhập lại với --province.` },
    en: { message: `${FILL_EN} the text names no province; write its id, e.g. gia-lai (README: Province ids), or import again with --province.` },
  }),
  "import.note.agency": message({
    sample: { phrase: "Sở Thông tin và Truyền thông (TT-TT) tổ chức" },
    vi: { message: (p) => `${CONFIRM_VI} cơ quan tổ chức lấy từ "${p.phrase}".` },
    en: { message: (p) => `${CONFIRM_EN} organising body read from "${p.phrase}".` },
  }),
  "import.note.agencyMissing": message({
    sample: {},
    vi: { message: "Không tìm thấy cơ quan tổ chức; thêm dòng agency: nếu biết." },
    en: { message: "No organising body found; add an agency: line if you know it." },
  }),
  "import.note.yearsFrom": message({
    sample: { phrase: "tổng kết công tác năm 2016, triển khai nhiệm vụ năm 2017" },
    vi: { message: (p) => `Năm tổng kết và năm kế hoạch lấy từ "${p.phrase}".` },
    en: { message: (p) => `Years reviewed and planned read from "${p.phrase}".` },
  }),
  "import.note.reviewYearInferred": message({
    sample: { year: 2015, phrase: "triển khai nhiệm vụ năm 2016" },
    vi: { message: (p) => `${CONFIRM_VI} năm tổng kết ${p.year} suy ra từ "${p.phrase}".` },
    en: { message: (p) => `${CONFIRM_EN} year reviewed ${p.year} inferred from "${p.phrase}".` },
  }),
  "import.note.planYearInferred": message({
    sample: { year: 2017, phrase: "tổng kết công tác năm 2016" },
    vi: { message: (p) => `${CONFIRM_VI} năm kế hoạch ${p.year} suy ra từ "${p.phrase}".` },
    en: { message: (p) => `${CONFIRM_EN} year planned ${p.year} inferred from "${p.phrase}".` },
  }),
  "import.note.officials": message({
    sample: { count: 4 },
    vi: { message: (p) => `${CONFIRM_VI} ${p.count} người có tên trong bài: kiểm tra họ tên, chức vụ, danh xưng (chỉ lấy người được nêu tên trong văn bản).` },
    en: { message: (p) => `${CONFIRM_EN} ${p.count} ${p.count === 1 ? "person" : "people"} named in the text: check names, roles and honorifics (only people named in the text are listed).` },
  }),
  "import.note.officialRoleFirst": message({
    sample: { phrase: "Chủ tịch UBND huyện Trịnh Văn Ngọc" },
    vi: { message: (p) => `${CONFIRM_VI} chức vụ đứng trước tên: "${p.phrase}".` },
    en: { message: (p) => `${CONFIRM_EN} role written before the name: "${p.phrase}".` },
  }),
  "import.note.officialNoRole": message({
    sample: { phrase: "ông Nguyễn Văn A" },
    vi: { message: (p) => `${CONFIRM_VI} không thấy chức vụ sau "${p.phrase}"; thêm role: nếu biết.` },
    en: { message: (p) => `${CONFIRM_EN} no role after "${p.phrase}"; add role: if you know it.` },
  }),
  "import.note.awards": message({
    sample: { count: 5 },
    vi: { message: (p) => `${CONFIRM_VI} ${p.count} khen thưởng đọc từ bài: kiểm tra danh hiệu, người nhận, số lượng, cơ quan trao.` },
    en: { message: (p) => `${CONFIRM_EN} ${p.count} award${p.count === 1 ? "" : "s"} read from the text: check title, recipient, count and who conferred it.` },
  }),
  "import.note.awardConferredInferred": message({
    sample: { by: "Ban lãnh đạo Sở", phrase: "danh hiệu Chiến sĩ thi đua cơ sở cho 01 cá nhân" },
    vi: { message: (p) => `${CONFIRM_VI} "${p.by}" suy ra từ câu văn; cụm gốc: "${p.phrase}".` },
    en: { message: (p) => `${CONFIRM_EN} "${p.by}" inferred from the sentence; the words: "${p.phrase}".` },
  }),
  "import.note.author": message({
    sample: { raw: "PGĐ Trung tâm CNTT và TT / Trần Thị Bích Thủy" },
    vi: { message: (p) => `Tác giả lấy từ cuối bài: "${p.raw}".` },
    en: { message: (p) => `Byline from the end of the text: "${p.raw}".` },
  }),
  "import.note.captions": message({
    sample: { count: 2 },
    vi: { message: (p) => `${p.count} chú thích ảnh được giữ trong bài dưới dạng chữ nghiêng; ảnh không được nhập — nếu có tệp ảnh, đặt cạnh bài và thêm trường image:.` },
    en: { message: (p) => `${p.count} photo caption${p.count === 1 ? " is" : "s are"} kept in the text in italics; the photos were not imported — if you have the files, put them next to the article and add an image: field.` },
  }),
  "import.note.draft": message({
    sample: {},
    vi: { message: "Bài nháp không được đăng; đổi thành false (hoặc xóa dòng) khi bài đã sẵn sàng." },
    en: { message: "A draft is not published; set it to false (or delete the line) when the article is ready." },
  }),

  // --- Command line --------------------------------------------------------------
  "import.usage": message({
    sample: {},
    vi: {
      message: [
        "Cách dùng: npm run import -- [tùy chọn] TỆP|THƯ-MỤC…",
        "",
        "Chuyển văn bản thông cáo chép từ cổng thông tin (.txt, UTF-8) thành bài nháp Markdown.",
        "Bài đủ thông tin được ghi vào content/<mã-tỉnh>/<YYYY-MM-DD>-<tên>.md; bài còn thiếu tỉnh",
        "hoặc ngày được ghi vào ban-nhap/ (ngoài content/, để không làm hỏng bản dựng).",
        "Không bao giờ ghi đè tệp đã có.",
        "",
        "Tùy chọn:",
        "  --out THƯ-MỤC       ghi bài nháp vào THƯ-MỤC/<mã-tỉnh>/ thay cho content/",
        "  --root THƯ-MỤC      thư mục dự án (mặc định: thư mục hiện tại)",
        "  --province MÃ       mã tỉnh cho các bài không nêu tên tỉnh (ví dụ ha-tinh)",
        "  --dry-run           chỉ cho xem kết quả, không ghi tệp",
        "  --lang vi|en        ngôn ngữ thông báo (mặc định: tiếng Việt)",
        "  --help              hiện hướng dẫn này",
        "",
        "Ví dụ: npm run import -- ~/cong-thong-tin/2016/",
      ].join("\n"),
    },
    en: {
      message: [
        "Usage: npm run import -- [options] FILE|FOLDER…",
        "",
        "Turns press-release text copied from a portal (.txt, UTF-8) into draft Markdown articles.",
        "Complete drafts are written to content/<province-id>/<YYYY-MM-DD>-<name>.md; drafts that",
        "lack a province or date go to ban-nhap/ (outside content/, so the build is never broken).",
        "An existing file is never overwritten.",
        "",
        "Options:",
        "  --out DIR           write drafts under DIR/<province-id>/ instead of content/",
        "  --root DIR          the project folder (default: the current folder)",
        "  --province ID       province id for texts that name none (e.g. ha-tinh)",
        "  --dry-run           show what would be written, write nothing",
        "  --lang vi|en        language of messages (default: Vietnamese)",
        "  --help              show this help",
        "",
        "Example: npm run import -- ~/portal-export/2016/",
      ].join("\n"),
    },
  }),
  "import.error.badArgs": message({
    sample: { detail: "Unknown option '--fast'" },
    vi: { message: (p) => `Lệnh không hợp lệ: ${p.detail}` },
    en: { message: (p) => `Invalid command line: ${p.detail}` },
  }),
  "import.error.noInputs": message({
    sample: {},
    vi: { message: "Chưa nêu tệp hoặc thư mục nào để nhập." },
    en: { message: "No file or folder to import was given." },
  }),
  "import.error.unknownProvince": message({
    sample: { value: "gia-lia", suggestion: "gia-lai" },
    vi: { message: (p) => `--province "${p.value}" không phải mã tỉnh đã biết.`, fix: (p) => `có phải "${p.suggestion}"? (${GUIDE_PROVINCE_IDS_VI})` },
    en: { message: (p) => `--province "${p.value}" is not a known province id.`, fix: (p) => `did you mean "${p.suggestion}"? (README: Province ids)` },
  }),
  "import.error.noContent": message({
    sample: { root: "/home/bientap" },
    vi: { message: (p) => `${p.root} không có thư mục content/: đây không phải thư mục dự án.`, fix: "chạy lệnh trong thư mục dự án, chỉ đúng thư mục bằng --root, hoặc ghi ra chỗ khác bằng --out" },
    en: { message: (p) => `${p.root} has no content/ folder: it is not the project folder.`, fix: "run the command in the project folder, name it with --root, or write elsewhere with --out" },
  }),
  "import.error.notFound": message({
    sample: { file: "bai-viet.txt" },
    vi: { message: (p) => `${p.file}: không tìm thấy tệp hoặc thư mục.` },
    en: { message: (p) => `${p.file}: no such file or folder.` },
  }),
  "import.error.notRegular": message({
    sample: { file: "lien-ket.txt" },
    vi: { message: (p) => `${p.file}: không phải tệp thường (liên kết tắt, thiết bị…); bỏ qua.` },
    en: { message: (p) => `${p.file}: not a regular file (a symbolic link, a device…); skipped.` },
  }),
  "import.error.tooLarge": message({
    sample: { file: "lon.txt", size: "12.0 MB", limit: "1.0 MB" },
    vi: { message: (p) => `${p.file}: tệp ${p.size}, lớn hơn giới hạn ${p.limit} cho một bài; bỏ qua.`, fix: "một thông cáo chỉ vài chục KB; kiểm tra có chép nhầm cả trang hay tệp khác không" },
    en: { message: (p) => `${p.file}: ${p.size}, more than the ${p.limit} limit for one release; skipped.`, fix: "a release is a few tens of KB; check that the file is the release and not a whole site or another file" },
  }),
  "import.error.binary": message({
    sample: { file: "anh.jpg" },
    vi: { message: (p) => `${p.file}: không phải văn bản (có vẻ là tệp nhị phân: ảnh, PDF, Word…); bỏ qua.`, fix: "chép phần chữ của bài vào một tệp .txt" },
    en: { message: (p) => `${p.file}: not text (it looks like a binary file: an image, PDF, Word document…); skipped.`, fix: "copy the article's text into a .txt file" },
  }),
  "import.error.utf16": message({
    sample: { file: "bai.txt" },
    vi: { message: (p) => `${p.file}: lưu ở mã UTF-16; bỏ qua.`, fix: "lưu lại tệp với mã UTF-8 (Notepad: Lưu thành… → Mã hóa: UTF-8)" },
    en: { message: (p) => `${p.file}: saved as UTF-16; skipped.`, fix: "save the file again as UTF-8 (Notepad: Save as… → Encoding: UTF-8)" },
  }),
  "import.error.notUtf8": message({
    sample: { file: "bai.txt", offset: 120 },
    vi: { message: (p) => `${p.file}: không phải văn bản UTF-8 (byte thứ ${p.offset}); bỏ qua.`, fix: "lưu lại tệp với mã UTF-8 (tệp cũ dùng bảng mã TCVN3/VNI phải chuyển mã trước)" },
    en: { message: (p) => `${p.file}: not UTF-8 text (byte ${p.offset}); skipped.`, fix: "save the file again as UTF-8 (files in the old TCVN3/VNI encodings must be converted first)" },
  }),
  "import.error.empty": message({
    sample: { file: "trong.txt" },
    vi: { message: (p) => `${p.file}: không có nội dung bài (chỉ có khoảng trắng hoặc giao diện cổng thông tin); bỏ qua.` },
    en: { message: (p) => `${p.file}: no article text (only blanks or portal page furniture); skipped.` },
  }),
  "import.error.tooManyFiles": message({
    sample: { folder: "luu-tru/", limit: 10000 },
    vi: { message: (p) => `${p.folder}: có hơn ${p.limit} tệp; chỉ nhập ${p.limit} tệp đầu.`, fix: "nhập từng thư mục con" },
    en: { message: (p) => `${p.folder}: more than ${p.limit} files; only the first ${p.limit} are imported.`, fix: "import one subfolder at a time" },
  }),
  "import.error.readFailed": message({
    sample: { file: "bai.txt", reason: "EACCES" },
    vi: { message: (p) => `${p.file}: không đọc được (${p.reason}); bỏ qua.` },
    en: { message: (p) => `${p.file}: could not be read (${p.reason}); skipped.` },
  }),
  "import.error.unsafeTarget": message({
    sample: { path: "content/gia-lai" },
    vi: { message: (p) => `${p.path} trỏ ra ngoài thư mục đích (liên kết tắt?); không ghi vào đó.` },
    en: { message: (p) => `${p.path} leads outside the target folder (a symbolic link?); nothing is written there.` },
  }),
  "import.error.writeFailed": message({
    sample: { path: "content/gia-lai/2016-12-09-hoi-nghi.md", reason: "ENOSPC" },
    vi: { message: (p) => `không ghi được ${p.path} (${p.reason}).` },
    en: { message: (p) => `could not write ${p.path} (${p.reason}).` },
  }),
  "import.error.incompleteInContent": message({
    sample: { path: "content/nhap" },
    vi: { message: (p) => `bài còn thiếu thông tin không được ghi vào ${p.path} (nằm trong content/, sẽ làm hỏng bản dựng).`, fix: "dùng --out với một thư mục ngoài content/, hoặc nhập lại với --province" },
    en: { message: (p) => `an incomplete draft is not written to ${p.path} (inside content/, it would break the build).`, fix: "use --out with a folder outside content/, or import again with --province" },
  }),

  // --- Results, progress and summary ------------------------------------------------
  "import.result.written": message({
    sample: { file: "000.txt", path: "content/gia-lai/2016-12-09-hoi-nghi.md" },
    vi: { message: (p) => `${p.file} → ${p.path}` },
    en: { message: (p) => `${p.file} → ${p.path}` },
  }),
  "import.result.url": message({
    sample: { url: "https://tongket.example.gov.vn/gia-lai/2016/hoi-nghi/" },
    vi: { message: (p) => `    địa chỉ khi đăng: ${p.url}` },
    en: { message: (p) => `    address once published: ${p.url}` },
  }),
  "import.result.renamed": message({
    sample: { path: "content/gia-lai/2016-12-09-hoi-nghi.md", other: "content/gia-lai/2016-11-29-hoi-nghi.md" },
    vi: { message: (p) => `    đã có bài cùng địa chỉ (${p.other}); bài nháp được đặt tên ${p.path}` },
    en: { message: (p) => `    ${p.other} already has the same address; the draft is named ${p.path}` },
  }),
  "import.result.exists": message({
    sample: { file: "000.txt", path: "content/gia-lai/2016-12-09-hoi-nghi.md" },
    vi: { message: (p) => `${p.file}: ${p.path} đã có (đã nhập trước đây?); không ghi đè.` },
    en: { message: (p) => `${p.file}: ${p.path} already exists (imported before?); not overwritten.` },
  }),
  "import.result.toConfirm": message({
    sample: { count: 6 },
    vi: { message: (p) => `    ${p.count} giá trị cần xác nhận (tìm "${CONFIRM_VI}")` },
    en: { message: (p) => `    ${p.count} values to confirm (search for "${CONFIRM_EN}")` },
  }),
  "import.result.toFill": message({
    sample: { fields: "province, date" },
    vi: { message: (p) => `    còn phải điền: ${p.fields} (tìm "${FILL_VI}")` },
    en: { message: (p) => `    left to fill in: ${p.fields} (search for "${FILL_EN}")` },
  }),
  "import.result.loaderSays": message({
    sample: {},
    vi: { message: "    trình kiểm tra nội dung báo:" },
    en: { message: "    the content checker reports:" },
  }),
  "import.result.dryRun": message({
    sample: {},
    vi: { message: "Chạy thử (--dry-run): không ghi tệp nào." },
    en: { message: "Dry run (--dry-run): no file was written." },
  }),
  "import.progress": message({
    sample: { done: 3, total: 12, file: "003.txt" },
    vi: { message: (p) => `Đang nhập ${p.done}/${p.total} ${p.file}` },
    en: { message: (p) => `Importing ${p.done}/${p.total} ${p.file}` },
  }),
  "import.summary.columns": message({
    sample: {},
    vi: { message: "tệp nguồn|kết quả|xác nhận|bài nháp" },
    en: { message: "source file|result|to confirm|draft" },
  }),
  "import.status.ready": message({ sample: {}, vi: { message: "sẵn sàng duyệt" }, en: { message: "ready to review" } }),
  "import.status.incomplete": message({
    sample: { fields: "province" },
    vi: { message: (p) => `thiếu ${p.fields}` },
    en: { message: (p) => `missing ${p.fields}` },
  }),
  "import.status.exists": message({ sample: {}, vi: { message: "đã có, không ghi" }, en: { message: "exists, not written" } }),
  "import.status.failed": message({ sample: {}, vi: { message: "lỗi" }, en: { message: "failed" } }),
  "import.summary.totals": message({
    sample: { total: 5, ready: 4, incomplete: 1, exists: 0, failed: 0 },
    vi: { message: (p) => `${p.total} tệp: ${p.ready} bài nháp sẵn sàng duyệt, ${p.incomplete} bài còn thiếu thông tin, ${p.exists} đã có, ${p.failed} lỗi.` },
    en: { message: (p) => `${p.total} file${p.total === 1 ? "" : "s"}: ${p.ready} draft${p.ready === 1 ? "" : "s"} ready to review, ${p.incomplete} incomplete, ${p.exists} already there, ${p.failed} failed.` },
  }),
  "import.hint.review": message({
    sample: {},
    vi: { message: `Tiếp theo: mở từng bài nháp, kiểm tra các dòng "${CONFIRM_VI}", xóa các dòng chú thích #, xem trước bằng npm start; đổi draft: true thành false khi muốn đăng.` },
    en: { message: `Next: open each draft, check the "${CONFIRM_EN}" lines, delete the # comment lines, preview with npm start; change draft: true to false to publish.` },
  }),
  "import.hint.incomplete": message({
    sample: { dir: "ban-nhap/" },
    vi: { message: (p) => `Bài còn thiếu tỉnh hoặc ngày nằm trong ${p.dir}: điền các dòng "${FILL_VI}", rồi chuyển tệp vào content/<mã-tỉnh>/ (hoặc nhập lại với --province MÃ).` },
    en: { message: (p) => `Drafts that lack a province or date are in ${p.dir}: fill in the "${FILL_EN}" lines, then move each file into content/<province-id>/ (or import again with --province ID).` },
  }),
} as const;

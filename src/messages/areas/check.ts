/**
 * `npm run check`: the warnings for likely mistakes (the build still
 * publishes), the command's help, summaries and its own errors. Content
 * errors themselves are the loader's (area `content`): the check shows
 * exactly what the build would say.
 *
 * Warnings keep the structure of errors: what was found (`message`), what
 * is expected, how to fix it — with the values from the article filled in.
 */
import { message } from "../define.ts";

export const CHECK_MESSAGES = {
  // ---- Warnings: likely mistakes --------------------------------------------------
  "check.warn.titleReviewYear": message({
    sample: { phrase: "tổng kết công tác năm 2016", titleYear: "2016", written: "2017" },
    vi: {
      message: (p) => `tiêu đề nói “${p.phrase}” nhưng reviewYear (năm tổng kết) là ${p.written}`,
      expected: (p) => `reviewYear trùng với năm trong tiêu đề (${p.titleYear})`,
      fix: (p) => `nếu tiêu đề đúng, viết reviewYear: ${p.titleYear}; nếu năm ${p.written} đúng, sửa năm trong tiêu đề`,
    },
    en: {
      message: (p) => `the title says “${p.phrase}” but reviewYear (the year reviewed) is ${p.written}`,
      expected: (p) => `reviewYear to match the year in the title (${p.titleYear})`,
      fix: (p) => `if the title is right, write reviewYear: ${p.titleYear}; if ${p.written} is right, correct the year in the title`,
    },
  }),
  "check.warn.titlePlanYear": message({
    sample: { phrase: "triển khai nhiệm vụ năm 2017", titleYear: "2017", written: "2018" },
    vi: {
      message: (p) => `tiêu đề nói “${p.phrase}” nhưng planYear (năm kế hoạch) là ${p.written}`,
      expected: (p) => `planYear trùng với năm trong tiêu đề (${p.titleYear})`,
      fix: (p) => `nếu tiêu đề đúng, viết planYear: ${p.titleYear}; nếu năm ${p.written} đúng, sửa năm trong tiêu đề`,
    },
    en: {
      message: (p) => `the title says “${p.phrase}” but planYear (the year planned) is ${p.written}`,
      expected: (p) => `planYear to match the year in the title (${p.titleYear})`,
      fix: (p) => `if the title is right, write planYear: ${p.titleYear}; if ${p.written} is right, correct the year in the title`,
    },
  }),
  "check.warn.futureDate": message({
    sample: { date: "2031-11-29", today: "2026-11-27" },
    vi: {
      message: (p) => `ngày ${p.date} chưa tới (hôm nay là ${p.today}, giờ Việt Nam): bài sẽ đứng đầu trang chủ cho tới ngày đó`,
      expected: "ngày bài được đăng, không muộn hơn hôm nay",
      fix: "kiểm tra lại năm, tháng, ngày; nếu chưa muốn đăng bài, thêm dòng draft: true",
    },
    en: {
      message: (p) => `the date ${p.date} has not come yet (today is ${p.today}, Vietnam time): the article will top the home page until then`,
      expected: "the day the article is published, no later than today",
      fix: "check the year, month and day; if the article is not to be published yet, add the line draft: true",
    },
  }),
  "check.warn.bodyYear": message({
    sample: { phrase: "Chiều 29/11/2015", date: "2016-11-29", textYear: "2015", dateYear: "2016", corrected: "29/11/2016", correctedDate: "2015-11-29" },
    vi: {
      message: (p) => `đoạn mở đầu ghi “${p.phrase}” (năm ${p.textYear}) nhưng ngày của bài (date) là ${p.date} (năm ${p.dateYear})`,
      expected: "năm trong đoạn mở đầu khớp với ngày của bài",
      fix: (p) => `nếu hội nghị diễn ra năm ${p.dateYear}, sửa trong bài thành ${p.corrected}; nếu bài thuộc năm ${p.textYear}, sửa ngày, ví dụ date: ${p.correctedDate}`,
    },
    en: {
      message: (p) => `the opening paragraph says “${p.phrase}” (year ${p.textYear}) but the article's date is ${p.date} (year ${p.dateYear})`,
      expected: "the year in the opening paragraph to match the article's date",
      fix: (p) => `if the conference was in ${p.dateYear}, correct the text to ${p.corrected}; if the article belongs to ${p.textYear}, correct the date, e.g. date: ${p.correctedDate}`,
    },
  }),
  "check.warn.roleChanged": message({
    sample: { name: "Nguyễn Dũng", role: "Phó Giám đốc", otherRole: "Giám đốc Trung tâm CNTT&TT", otherFile: "content/gia-lai/2016-12-09-hoi-nghi.md", otherDate: "2016-12-09" },
    vi: {
      message: (p) => `chức vụ của ${p.name} là “${p.role}”, khác với chức vụ ghi ở bài gần nhất trước đó: “${p.otherRole}” (${p.otherFile}, ngày ${p.otherDate})`,
      expected: "cùng một người trong cùng tỉnh có chức vụ đúng vào ngày của bài",
      fix: (p) => `nếu ${p.name} đã đổi chức vụ thì không cần làm gì; nếu không, viết role: ${p.otherRole}`,
    },
    en: {
      message: (p) => `${p.name}'s role is “${p.role}”, not the one in the latest article before this one: “${p.otherRole}” (${p.otherFile}, ${p.otherDate})`,
      expected: "the same person in the same province to have the role they held on the article's date",
      fix: (p) => `if ${p.name}'s role changed, nothing to do; otherwise write role: ${p.otherRole}`,
    },
  }),
  "check.warn.imageCaption": message({
    sample: { example: "caption: Toàn cảnh hội nghị" },
    vi: {
      message: "ảnh của bài chưa có chú thích (image.caption)",
      expected: "một câu ngắn hiện dưới ảnh cho người đọc: ảnh chụp gì, ai, ở đâu",
      fix: (p) => `thêm một dòng trong phần image:, ví dụ ${p.example}`,
    },
    en: {
      message: "the article's photo has no caption (image.caption)",
      expected: "a short line shown under the photo for readers: what, who, where",
      fix: (p) => `add a line under image:, e.g. ${p.example}`,
    },
  }),
  "check.warn.summaryLong": message({
    sample: { length: 212, limit: 160, shown: "Trung tâm CNTT&TT tổng kết năm 2016…" },
    vi: {
      message: (p) => `phần tóm tắt (summary) dài ${p.length} ký tự; kết quả tìm kiếm chỉ hiện ${p.limit} ký tự đầu: “${p.shown}”`,
      expected: (p) => `tóm tắt không quá ${p.limit} ký tự`,
      fix: "viết tóm tắt ngắn hơn, đủ ý trong một hai câu",
    },
    en: {
      message: (p) => `the summary is ${p.length} characters long; search results show only the first ${p.limit}: “${p.shown}”`,
      expected: (p) => `a summary of at most ${p.limit} characters`,
      fix: "shorten the summary to a sentence or two",
    },
  }),
  "check.warn.duplicateTitle": message({
    sample: { others: "content/gia-lai/2016-12-09-hoi-nghi.md", province: "gia-lai", year: 2016 },
    vi: {
      message: (p) => `tiêu đề trùng với bài khác của cùng tỉnh (${p.province}), cùng năm ${p.year}: ${p.others}`,
      expected: "mỗi bài trong một tỉnh, một năm có tiêu đề riêng, để người đọc phân biệt được",
      fix: "nếu đây là hai hội nghị khác nhau, thêm vào tiêu đề tên cơ quan hoặc nội dung riêng; nếu cùng một bài được thêm hai lần, xóa một tệp",
    },
    en: {
      message: (p) => `the same title as another article of the same province (${p.province}) and year (${p.year}): ${p.others}`,
      expected: "each article of a province and year to have its own title, so readers can tell them apart",
      fix: "if these are two different conferences, add the agency or what sets it apart to the title; if the same release was added twice, delete one file",
    },
  }),

  // ---- Results -----------------------------------------------------------------------
  "check.summary.clean": message({
    sample: { files: 5 },
    vi: { message: (p) => `Đã kiểm tra ${p.files} bài viết: không có lỗi, không có cảnh báo.` },
    en: { message: (p) => `Checked ${p.files} article${p.files === 1 ? "" : "s"}: no errors, no warnings.` },
  }),
  "check.summary.warnings": message({
    sample: { files: 5, warnings: 2 },
    vi: { message: (p) => `Đã kiểm tra ${p.files} bài viết: không có lỗi, ${p.warnings} cảnh báo (không ngăn việc đăng bài).` },
    en: { message: (p) => `Checked ${p.files} article${p.files === 1 ? "" : "s"}: no errors, ${p.warnings} warning${p.warnings === 1 ? "" : "s"} (these do not stop publishing).` },
  }),
  "check.summary.errors": message({
    sample: { files: 5, errors: 3, warnings: 2 },
    vi: { message: (p) => `Đã kiểm tra ${p.files} bài viết: ${p.errors} lỗi, ${p.warnings} cảnh báo. Bài có lỗi sẽ không được đăng: hãy sửa các lỗi ở trên.` },
    en: {
      message: (p) =>
        `Checked ${p.files} article${p.files === 1 ? "" : "s"}: ${p.errors} error${p.errors === 1 ? "" : "s"}, ${p.warnings} warning${p.warnings === 1 ? "" : "s"}. Content with errors cannot be published: fix the errors above.`,
    },
  }),
  "check.summary.someFiles": message({
    sample: { named: 2, files: 5 },
    vi: { message: (p) => `(chỉ báo về ${p.named} tệp được nêu; các quy tắc giữa nhiều bài vẫn xét cả ${p.files} bài)` },
    en: { message: (p) => `(reporting on the ${p.named} file${p.named === 1 ? "" : "s"} named only; rules across articles still look at all ${p.files})` },
  }),
  "check.summary.staged": message({
    sample: { named: 2, files: 5 },
    vi: { message: (p) => `(chỉ báo về ${p.named} tệp trong lần commit này; các quy tắc giữa nhiều bài vẫn xét cả ${p.files} bài)` },
    en: { message: (p) => `(reporting on the ${p.named} file${p.named === 1 ? "" : "s"} of this commit only; rules across articles still look at all ${p.files})` },
  }),
  "check.staged.refused": message({
    sample: {},
    vi: { message: "Chưa commit. Sửa các lỗi trên, chạy lại git add với các tệp đã sửa rồi commit lại. (Muốn commit dù còn lỗi: git commit --no-verify)" },
    en: { message: "Nothing was committed. Fix the errors above, git add the files again and commit again. (To commit despite the errors: git commit --no-verify)" },
  }),
  "check.summary.otherErrors": message({
    sample: { errors: 3 },
    vi: { message: (p) => `Lưu ý: các tệp khác đang có ${p.errors} lỗi (chạy npm run check để xem).` },
    en: { message: (p) => `Note: other files have ${p.errors} error${p.errors === 1 ? "" : "s"} (run npm run check to see them).` },
  }),
  "check.staged.nothing": message({
    sample: {},
    vi: { message: "Không có bài viết nào trong lần commit này: không có gì để kiểm tra." },
    en: { message: "No article is part of this commit: nothing to check." },
  }),
  "check.annotation.error": message({ sample: {}, vi: { message: "Lỗi nội dung" }, en: { message: "Content error" } }),
  "check.annotation.warning": message({ sample: {}, vi: { message: "Cảnh báo" }, en: { message: "Warning" } }),

  // ---- Problems with the command itself -------------------------------------------------
  "check.file.notArticle": message({
    sample: { path: "ghi-chu.txt", contentDir: "content" },
    vi: {
      message: (p) => `${p.path} không phải một bài viết trong thư mục ${p.contentDir}/`,
      expected: (p) => `tên các tệp bài viết (.md) trong ${p.contentDir}/, ví dụ ${p.contentDir}/gia-lai/2016-11-29-hoi-nghi.md`,
      fix: "bỏ tệp này khỏi lệnh, hoặc chạy npm run check không kèm tên tệp để kiểm tra tất cả",
    },
    en: {
      message: (p) => `${p.path} is not an article in the ${p.contentDir}/ folder`,
      expected: (p) => `names of article files (.md) under ${p.contentDir}/, e.g. ${p.contentDir}/gia-lai/2016-11-29-hoi-nghi.md`,
      fix: "leave it out, or run npm run check without file names to check everything",
    },
  }),
  "check.staged.notRepository": message({
    sample: { root: "." },
    vi: {
      message: (p) => `--staged cần một kho git, nhưng ${p.root} không nằm trong kho git nào (hoặc máy chưa cài git)`,
      expected: "chạy lệnh trong thư mục dự án đã tải bằng git clone",
      fix: "bỏ --staged để kiểm tra mọi bài viết",
    },
    en: {
      message: (p) => `--staged needs a git repository, but ${p.root} is not inside one (or git is not installed)`,
      expected: "the command run inside the project as cloned with git",
      fix: "leave out --staged to check every article",
    },
  }),
  "check.staged.unstaged": message({
    sample: { file: "content/gia-lai/2016-11-29-hoi-nghi.md" },
    vi: {
      message: "tệp đã được sửa thêm sau khi chọn để commit (git add): bản được kiểm tra khác với bản sẽ được commit",
      expected: "bản trên máy giống bản sẽ được commit",
      fix: (p) => `chạy git add ${p.file} rồi commit lại (hoặc hoàn tác phần sửa chưa chọn)`,
    },
    en: {
      message: "the file was changed again after it was staged (git add): what would be checked differs from what would be committed",
      expected: "the file on disk to be the version being committed",
      fix: (p) => `run git add ${p.file} and commit again (or undo the unstaged changes)`,
    },
  }),
  "check.filesWithStaged": message({
    sample: {},
    vi: { message: "--staged tự lấy danh sách tệp từ git: không ghi thêm tên tệp" },
    en: { message: "--staged takes the files from git: do not name files as well" },
  }),
  "check.command.bench": message({
    sample: {},
    vi: { message: "Đo thời gian của npm run check trên các bài viết được tạo tự động: lần đầu, khi không có gì đổi, khi một bài đổi, và qua npm." },
    en: { message: "Measures npm run check over generated articles: cold, with nothing changed, with one article changed, and through npm." },
  }),
  "check.command.benchParse": message({
    sample: {},
    vi: { message: "Đo thời gian máy (CPU) để đọc và kiểm tra từng bài viết của một thư mục content/ có sẵn, theo từng cách đọc (khi dựng trang, khi kiểm tra)." },
    en: { message: "Measures the CPU time to parse each article of an existing content/ folder, for each parser (the build's, the check's)." },
  }),
  "check.option.limit": message({
    sample: {},
    vi: { message: "chỉ đo bấy nhiêu bài đầu tiên" },
    en: { message: "measure only this many articles (the first ones)" },
  }),
  "check.option.only": message({
    sample: {},
    vi: { message: "chỉ đo các cách đọc có tên chứa chữ này" },
    en: { message: "measure only the parsers whose name holds this text" },
  }),
  "check.option.runs": message({
    sample: {},
    vi: { message: "số lần chạy mỗi trường hợp (mặc định 5)" },
    en: { message: "runs of each situation (default 5)" },
  }),
  "check.command.editorGuide": message({
    sample: {},
    vi: { message: "Điền lại các ví dụ thông báo trong docs/huong-dan-bien-tap.md bằng chính kết quả của npm run check." },
    en: { message: "Fills in the message examples of docs/huong-dan-bien-tap.md from what npm run check prints." },
  }),
  "check.option.guideCheck": message({
    sample: {},
    vi: { message: "chỉ kiểm tra: thoát với mã 1 nếu ví dụ đã cũ, không ghi tệp" },
    en: { message: "only check: exit 1 when the examples are out of date, write nothing" },
  }),
  "check.guide.updated": message({
    sample: { file: "docs/huong-dan-bien-tap.md" },
    vi: { message: (p) => `${p.file}: đã cập nhật các ví dụ thông báo` },
    en: { message: (p) => `${p.file}: message examples updated` },
  }),
  // The table of province ids in the editor's guide (docs/huong-dan-bien-tap.md §10), made by src/check/editor-guide.ts.
  "check.guide.provinceHeader": message({
    sample: {},
    vi: { message: "| mã | tên | loại | tình trạng |" },
    en: { message: "| id | name | kind | status |" },
  }),
  "check.guide.provinceCity": message({ sample: {}, vi: { message: "thành phố" }, en: { message: "city" } }),
  "check.guide.provinceProvince": message({ sample: {}, vi: { message: "tỉnh" }, en: { message: "province" } }),
  "check.guide.provinceCurrent": message({ sample: {}, vi: { message: "đang dùng" }, en: { message: "in use" } }),
  "check.guide.provinceRenamed": message({
    sample: { successor: "hue", since: "01/01/2025" },
    vi: { message: (p) => `đổi thành \`${p.successor}\`${p.since ? ` từ ${p.since}` : ""}` },
    en: { message: (p) => `renamed \`${p.successor}\`${p.since ? ` on ${p.since}` : ""}` },
  }),
  "check.guide.provinceMerged": message({
    sample: { successor: "tuyen-quang", since: "01/07/2025" },
    vi: { message: (p) => `sáp nhập vào \`${p.successor}\`${p.since ? ` từ ${p.since}` : ""}` },
    en: { message: (p) => `merged into \`${p.successor}\`${p.since ? ` on ${p.since}` : ""}` },
  }),
  "check.guide.provinceGone": message({ sample: {}, vi: { message: "không còn dùng" }, en: { message: "no longer used" } }),
  "check.guide.outdated": message({
    sample: { file: "docs/huong-dan-bien-tap.md" },
    vi: { message: (p) => `${p.file}: các ví dụ thông báo đã cũ; chạy npx tsx scripts/editor-guide.ts` },
    en: { message: (p) => `${p.file}: message examples are out of date; run npx tsx scripts/editor-guide.ts` },
  }),
  "check.usage": message({
    sample: {},
    vi: {
      message: [
        "Cách dùng: npm run check -- [tùy chọn] [TỆP…]",
        "",
        "Kiểm tra mọi bài viết trong content/ mà không dựng trang: liệt kê mọi lỗi (bài có lỗi",
        "không được đăng) và cảnh báo (có thể là nhầm lẫn, bài vẫn được đăng). Kết thúc với mã 1",
        "khi có lỗi, mã 0 khi chỉ có cảnh báo hoặc không có gì.",
        "Nêu tên TỆP để chỉ báo về các tệp đó (các quy tắc giữa nhiều bài vẫn xét mọi bài).",
        "",
        "Tùy chọn:",
        "  --format text|github|json  cách in kết quả: danh sách dễ đọc (mặc định), chú thích",
        "                             GitHub Actions, hoặc mảng JSON (phần 5 của docs/huong-dan-bien-tap.md)",
        "  --staged                   chỉ các bài trong lần commit sắp tới (dùng cho git hook)",
        "  --root THƯ-MỤC             thư mục dự án (mặc định: thư mục hiện tại)",
        "  --no-cache                 không dùng kết quả đã lưu trong .cache/check/",
        "  --lang vi|en               ngôn ngữ thông báo",
        "  -h, --help                 hiện hướng dẫn này",
      ].join("\n"),
    },
    en: {
      message: [
        "Usage: npm run check -- [options] [FILE…]",
        "",
        "Checks every article under content/ without building the site: lists every error",
        "(articles with errors cannot be published) and warning (a likely mistake; the article",
        "is still published). Exits with 1 when there are errors, 0 with warnings only or none.",
        "Name FILEs to report on those files only (rules across articles still see every article).",
        "",
        "Options:",
        "  --format text|github|json  how to print: a readable list (default), GitHub Actions",
        "                             annotations, or a JSON array (README: npm run check)",
        "  --staged                   only the articles in the commit being made (for the git hook)",
        "  --root DIR                 the project folder (default: the current folder)",
        "  --no-cache                 do not use the results kept in .cache/check/",
        "  --lang vi|en               language of messages",
        "  -h, --help                 show this help",
      ].join("\n"),
    },
  }),
  "check.rootMissing": message({
    sample: { root: "/tmp/khong-co" },
    vi: {
      message: (p) => `không có thư mục dự án ${p.root}, hoặc trong đó không có thư mục content/`,
      expected: "thư mục dự án có thư mục content/ chứa các bài viết",
      fix: "kiểm tra đường dẫn sau --root, hoặc chạy lệnh trong thư mục dự án",
    },
    en: {
      message: (p) => `there is no project folder ${p.root}, or it has no content/ folder`,
      expected: "a project folder with a content/ folder holding the articles",
      fix: "check the path after --root, or run the command inside the project folder",
    },
  }),
  "check.noArticles": message({
    sample: { root: "content" },
    vi: {
      message: (p) => `thư mục ${p.root}/ không có bài viết nào (.md)`,
      expected: "ít nhất một bài viết, ví dụ content/gia-lai/2016-11-29-hoi-nghi.md",
      fix: "thêm bài viết (npm run new), hoặc kiểm tra đường dẫn sau --root",
    },
    en: {
      message: (p) => `the folder ${p.root}/ holds no article (.md)`,
      expected: "at least one article, e.g. content/gia-lai/2016-11-29-hoi-nghi.md",
      fix: "add an article (npm run new), or check the path after --root",
    },
  }),
  "check.failed": message({
    sample: { detail: "EACCES: permission denied, open '.cache/check/results.json'" },
    vi: { message: (p) => `Lệnh kiểm tra gặp sự cố: ${p.detail}` },
    en: { message: (p) => `The check failed: ${p.detail}` },
  }),
} as const;

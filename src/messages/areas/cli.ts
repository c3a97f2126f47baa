/**
 * Messages of the command-line tools (src/cli/ and scripts/): usage, option
 * descriptions, argument errors, the project-folder checks and what the
 * build and preview print.
 */
import { message } from "../define.ts";

const plain = (vi: string, en: string) => message({ sample: {}, vi: { message: vi }, en: { message: en } });

export const CLI_MESSAGES = {
  // Usage
  "cli.usage": message({
    sample: { invocation: "npm run build --" },
    vi: { message: (p) => `Cách dùng: ${p.invocation} [tùy chọn]` },
    en: { message: (p) => `Usage: ${p.invocation} [options]` },
  }),
  "cli.optionsHeading": plain("Tùy chọn:", "Options:"),
  "cli.defaultValue": message({
    sample: { value: "_site" },
    vi: { message: (p) => `(mặc định: ${p.value})` },
    en: { message: (p) => `(default: ${p.value})` },
  }),
  "cli.value.dir": plain("THƯ_MỤC", "DIR"),
  "cli.value.file": plain("TỆP", "FILE"),
  "cli.value.number": plain("SỐ", "N"),
  "cli.value.host": plain("ĐỊA_CHỈ", "HOST"),
  "cli.value.port": plain("CỔNG", "PORT"),

  // Options every command has
  "cli.option.help": plain("hiện hướng dẫn này rồi thoát", "show this help and exit"),
  "cli.option.lang": plain(
    "ngôn ngữ của thông báo: vi (tiếng Việt, mặc định) hoặc en; không ghi thì theo biến LANG",
    "language of messages: vi (Vietnamese, the default) or en; without it, from LANG",
  ),

  // Argument errors (exit code 2)
  "cli.errorLabel": plain("lỗi", "error"),
  "cli.unknownOption": message({
    sample: { option: "--outt" },
    vi: { message: (p) => `không có tùy chọn ${p.option}` },
    en: { message: (p) => `unknown option ${p.option}` },
  }),
  "cli.didYouMean": message({
    sample: { option: "--out" },
    vi: { message: (p) => `ý bạn là ${p.option}?` },
    en: { message: (p) => `did you mean ${p.option}?` },
  }),
  "cli.missingValue": message({
    sample: { option: "--out", example: "--out _site" },
    vi: { message: (p) => `tùy chọn ${p.option} cần một giá trị, ví dụ: ${p.example}` },
    en: { message: (p) => `option ${p.option} needs a value, e.g. ${p.example}` },
  }),
  "cli.noValueAllowed": message({
    sample: { option: "--drafts" },
    vi: { message: (p) => `tùy chọn ${p.option} không nhận giá trị: chỉ ghi ${p.option}` },
    en: { message: (p) => `option ${p.option} takes no value: write just ${p.option}` },
  }),
  "cli.badChoice": message({
    sample: { option: "--indexer", value: "fast", choices: "direct, pagefind" },
    vi: { message: (p) => `${p.option} không nhận "${p.value}": chọn một trong ${p.choices}` },
    en: { message: (p) => `${p.option} does not accept "${p.value}": choose one of ${p.choices}` },
  }),
  "cli.badNumber": message({
    sample: { option: "--count", value: "mười" },
    vi: { message: (p) => `${p.option} cần một số nguyên dương (đang ghi "${p.value}")` },
    en: { message: (p) => `${p.option} needs a whole number above 0 (got "${p.value}")` },
  }),
  "cli.badPort": message({
    sample: { option: "--port", value: "99999" },
    vi: { message: (p) => `${p.option} cần một cổng từ 0 đến 65535 (đang ghi "${p.value}")` },
    en: { message: (p) => `${p.option} needs a port from 0 to 65535 (got "${p.value}")` },
  }),
  "cli.unexpectedArgument": message({
    sample: { value: "content/bai.md" },
    vi: { message: (p) => `thừa "${p.value}": lệnh này chỉ nhận các tùy chọn bắt đầu bằng --` },
    en: { message: (p) => `unexpected "${p.value}": this command takes only options starting with --` },
  }),
  "cli.badLang": message({
    sample: { value: "fr" },
    vi: { message: (p) => `không có ngôn ngữ "${p.value}": dùng --lang vi hoặc --lang en` },
    en: { message: (p) => `no language "${p.value}": use --lang vi or --lang en` },
  }),
  "cli.seeHelp": message({
    sample: { command: "npm run build -- --help" },
    vi: { message: (p) => `Xem mọi tùy chọn: ${p.command}` },
    en: { message: (p) => `All options: ${p.command}` },
  }),
  "cli.removedFrozenLedger": plain(
    "tùy chọn --frozen-ledger không còn nữa: mọi bản dựng đều kiểm tra published-urls.json, và chỉ CI khi đăng trang (--record-published) mới ghi tệp này; bỏ --frozen-ledger đi",
    "the option --frozen-ledger no longer exists: every build checks published-urls.json, and only CI's deploying build (--record-published) writes it; drop --frozen-ledger",
  ),
  "cli.draftsNeverRecorded": plain(
    "--drafts và --record-published không dùng chung được: bài nháp không bao giờ được đăng, nên không được ghi vào published-urls.json",
    "--drafts and --record-published cannot be used together: drafts are never published, so they are never recorded in published-urls.json",
  ),
  "cli.siteUrlRequired": plain(
    "--record-published cần biến SITE_URL (địa chỉ công khai của trang, ví dụ https://tongket.gialai.gov.vn): mã QR in ra giấy sẽ mở địa chỉ này mãi mãi. Trong GitHub, đặt biến SITE_URL ở Settings → Secrets and variables → Actions → Variables",
    "--record-published needs SITE_URL (the site's public address, e.g. https://tongket.gialai.gov.vn): QR codes printed on paper will open it for years. On GitHub, set the SITE_URL variable under Settings → Secrets and variables → Actions → Variables",
  ),

  // The project folder (exit code 1)
  "cli.rootMissing": message({
    sample: {},
    vi: { message: "thư mục này không tồn tại", fix: "ghi --root là thư mục dự án (thư mục chứa content/)" },
    en: { message: "this folder does not exist", fix: "give --root the project folder (the one holding content/)" },
  }),
  "cli.rootNotFolder": message({
    sample: {},
    vi: { message: "không phải một thư mục", fix: "ghi --root là thư mục dự án (thư mục chứa content/), không phải một tệp" },
    en: { message: "is not a folder", fix: "give --root the project folder (the one holding content/), not a file" },
  }),
  "cli.noContentFolder": message({
    sample: {},
    vi: { message: "không có thư mục content/ ở đây", expected: "thư mục dự án, chứa content/<tỉnh>/<ngày>-<tên>.md", fix: "chạy lệnh trong thư mục dự án, hoặc ghi --root là thư mục chứa content/" },
    en: { message: "has no content/ folder", expected: "the project folder, holding content/<province>/<date>-<name>.md", fix: "run the command in the project folder, or give --root the folder that holds content/" },
  }),
  "cli.noArticles": message({
    sample: {},
    vi: { message: "không có bài nào (tệp .md)", expected: "ít nhất một bài: content/<tỉnh>/<ngày>-<tên>.md", fix: "thêm một bài (phần 1 và 2 của docs/huong-dan-bien-tap.md), hoặc kiểm tra --root" },
    en: { message: "has no articles (.md files)", expected: "at least one article: content/<province>/<date>-<name>.md", fix: "add an article (README: Writing an article), or check --root" },
  }),
  "cli.nothingToPublish": message({
    sample: {},
    vi: { message: "không có bài nào để đăng: mọi bài đều là bản nháp (draft: true)", fix: "bỏ draft: true ở bài đã sẵn sàng; xem trước bản nháp bằng npm start" },
    en: { message: "has no article to publish: every article is a draft (draft: true)", fix: "remove draft: true from the articles that are ready; preview drafts with npm start" },
  }),

  // What the build and the preview print
  "cli.build.contentFailed": plain(
    "Dựng trang không thành công: nội dung có lỗi. Chưa đăng gì; trang cũ giữ nguyên.",
    "Build failed: the content has errors. Nothing was published; the previous site is unchanged.",
  ),
  "cli.build.failed": message({
    sample: { reason: "ENOSPC: no space left on device" },
    vi: { message: (p) => `Dựng trang không thành công: ${p.reason}. Chưa đăng gì; trang cũ giữ nguyên.` },
    en: { message: (p) => `Build failed: ${p.reason}. Nothing was published; the previous site is unchanged.` },
  }),
  "cli.build.done": message({
    sample: { articles: 5, files: 120, out: "_site", seconds: "1.23" },
    vi: { message: (p) => `Đã dựng ${p.articles} bài, ${p.files} tệp vào ${p.out} trong ${p.seconds} giây` },
    en: { message: (p) => `Built ${p.articles} articles, ${p.files} files into ${p.out} in ${p.seconds} s` },
  }),

  // Commands
  "cli.command.build": plain(
    "Kiểm tra mọi bài trong content/ và dựng trang web (trang bài, trang tỉnh, nguồn tin, mã QR, tìm kiếm) vào một thư mục mới, rồi mới thay thư mục kết quả. Có lỗi thì không đăng gì, trang cũ giữ nguyên. Bản dựng này không bao giờ ghi published-urls.json: việc đó do CI làm khi đăng trang.",
    "Checks every article in content/ and builds the site (article pages, province pages, feeds, QR codes, search) into a fresh folder, then swaps it into place. On any error nothing is published and the previous site stays. This build never writes published-urls.json: CI does when it deploys.",
  ),
  "cli.command.preview": plain(
    "Xem trước trang web trên máy này: lưu bài là thấy ngay; hiện cả bản nháp. Cổng và địa chỉ cũng đặt được bằng PORT và HOST.",
    "Previews the site on this machine: a saved article shows at once; drafts included. PORT and HOST set the port and address too.",
  ),
  "cli.command.admin": plain(
    "Trình soạn bài trên web, ngay trên máy này: mở bản xem trước cùng máy chủ cục bộ của Decap CMS; bài lưu trong trình soạn được ghi thẳng vào content/ và hiện ngay trong bản xem trước.",
    "The web editor on this machine: starts the preview and Decap CMS's local server; articles saved in the editor are written straight into content/ and show at once in the preview.",
  ),
  "cli.command.bench": plain(
    "Đo tốc độ và bộ nhớ: sinh N bài, dựng hai lần (nguội và ấm), rồi đo thời gian từ lúc sửa bài đến khi bản xem trước hiện bài đã sửa.",
    "Speed and memory benchmark: generates N articles, builds twice (cold and warm), then measures the time from saving an article to the preview serving it.",
  ),
  "cli.command.benchFacts": plain(
    "Đo phần nhân vật, khen thưởng và dữ liệu mở làm tăng thời gian dựng trang: dựng cùng một bộ bài có và không có các trang đó.",
    "Measures what people, awards and open data add to the build: builds the same articles with and without them.",
  ),
  "cli.command.benchQr": plain(
    "Đo tốc độ tạo mã QR (10.000 đường dẫn ngắn) so với các bộ vẽ của thư viện qrcode.",
    "Benchmarks QR code rendering (10,000 short links) against the qrcode library's own renderers.",
  ),
  "cli.command.benchSearch": plain(
    "Đo bước tạo chỉ mục tìm kiếm trên một bộ bài đã sinh: thời gian, CPU và bộ nhớ.",
    "Benchmarks the search index step on a generated set of articles: time, CPU and memory.",
  ),
  "cli.command.generateArticles": plain(
    "Sinh N bài mẫu hợp lệ (cho đo tốc độ) vào <thư mục>/content/.",
    "Generates N valid sample articles (for benchmarks) into <dir>/content/.",
  ),
  "cli.command.mediaTimings": plain(
    "Đo bước ảnh và thẻ chia sẻ: N bài có ảnh chụp cỡ máy ảnh, M bài không ảnh (thẻ tự tạo), lần đầu và khi đã có bộ nhớ đệm.",
    "Measures the pictures and share-cards step: N articles with a camera-sized photo, M without (generated cards), cold and cached.",
  ),
  "cli.command.mergePublishedUrls": plain(
    "Dùng trong CI sau khi đăng trang: thêm các địa chỉ mà lần đăng vừa rồi đã ghi (TỆP) vào published-urls.json hiện có trên nhánh main, không xóa gì.",
    "Used by CI after a deploy: adds what the deploy recorded (FILE) to the published-urls.json now on the main branch, removing nothing.",
  ),

  // Command options
  "cli.option.out": plain("thư mục kết quả", "output folder"),
  "cli.option.root": plain("thư mục dự án, chứa content/ (mặc định: thư mục của công cụ này)", "project folder holding content/ (default: this tool's folder)"),
  "cli.option.drafts": plain("dựng cả bài nháp (draft: true), để xem; không bao giờ ghi vào published-urls.json", "include draft articles (draft: true), for review; never recorded in published-urls.json"),
  "cli.option.timings": plain("in thời gian từng bước (mili giây)", "print each phase's time (milliseconds)"),
  "cli.option.recordPublished": plain(
    "chỉ dành cho CI khi đăng trang: ghi địa chỉ của bài mới và bài đổi địa chỉ vào published-urls.json",
    "for CI's deploying build only: record the URLs of new and moved articles in published-urls.json",
  ),
  "cli.option.port": plain("cổng để mở bản xem trước (0: một cổng trống bất kỳ)", "port to serve the preview on (0: any free port)"),
  "cli.option.cmsPort": plain("cổng cho máy chủ cục bộ của trình soạn bài (0: một cổng trống bất kỳ)", "port for the web editor's local server (0: any free port)"),
  "cli.option.host": plain("địa chỉ để mở bản xem trước", "address to serve the preview on"),
  "cli.option.rounds": plain("số lần đo mỗi bên", "measured builds on each side"),
  "cli.option.count": plain("số bài", "number of articles"),
  "cli.option.edits": plain("số lần sửa bài để đo bản xem trước", "number of edits timed in the preview"),
  "cli.option.keep": plain("giữ lại thư mục bài đã sinh", "keep the generated articles"),
  "cli.option.indexer": plain("bộ tạo chỉ mục: direct (của dự án) hoặc pagefind (của Pagefind)", "indexer: direct (this project's) or pagefind (Pagefind's own)"),
  "cli.option.benchRoot": plain("thư mục chứa content/ đã sinh", "folder holding the generated content/"),
  "cli.option.generateRoot": plain("thư mục sẽ chứa content/ được sinh", "folder to generate content/ into"),
  "cli.option.photos": plain("số bài có ảnh", "articles with a photo"),
  "cli.option.cards": plain("số bài không ảnh (thẻ chia sẻ tự tạo)", "articles without a photo (generated share cards)"),
  "cli.option.width": plain("chiều rộng ảnh, điểm ảnh", "photo width in pixels"),
  "cli.option.from": plain("published-urls.json do lần đăng trang ghi", "the published-urls.json the deploy wrote"),
  "cli.option.mergeRoot": plain("thư mục dự án có published-urls.json cần bổ sung (mặc định: thư mục này)", "project folder whose published-urls.json is added to (default: the current folder)"),
} as const;

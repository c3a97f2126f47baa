/** What the live preview (npm start) tells the editor: its banner, its own pages, its console lines. */
import { message } from "../define.ts";

export const PREVIEW_MESSAGES = {
  "preview.banner": message({
    sample: { count: 2 },
    vi: { message: (p) => `${p.count} lỗi nội dung: bản xem trước đang hiện phiên bản đúng gần nhất của các tệp có lỗi. Xem chi tiết` },
    en: { message: (p) => `${p.count} content error${p.count === 1 ? "" : "s"}: the preview shows the last valid version of those files. Details` },
  }),
  "preview.warningBanner": message({
    sample: { count: 2 },
    vi: { message: (p) => `${p.count} cảnh báo: bài vẫn đăng được, nhưng có chỗ có thể là nhầm lẫn. Xem chi tiết` },
    en: { message: (p) => `${p.count} warning${p.count === 1 ? "" : "s"}: the articles still publish, but something may be a mistake. Details` },
  }),
  "preview.warningsTitle": message({ sample: {}, vi: { message: "Cảnh báo" }, en: { message: "Warnings" } }),
  "preview.errorsTitle": message({ sample: {}, vi: { message: "Lỗi nội dung" }, en: { message: "Content errors" } }),
  "preview.noErrors": message({ sample: {}, vi: { message: "Không có lỗi nội dung." }, en: { message: "No content errors." } }),
  "preview.backHome": message({ sample: {}, vi: { message: "Về trang chủ" }, en: { message: "Back to the home page" } }),
  "preview.notFound": message({
    sample: { path: "/gia-lai/2016/khong-co/" },
    vi: { message: (p) => `Bản xem trước: không có trang nào ở ${p.path}.` },
    en: { message: (p) => `Preview: there is no page at ${p.path}.` },
  }),
  "preview.searchUnavailable": message({
    sample: {},
    vi: { message: "Bản xem trước không có chỉ mục tìm kiếm: chạy npm run build rồi mở thư mục _site để thử tìm kiếm." },
    en: { message: "The preview has no search index: run npm run build and open _site to try search." },
  }),
  "preview.badRequest": message({
    sample: {},
    vi: { message: "Địa chỉ không hợp lệ (có ký tự % viết sai hoặc ký tự không được phép)." },
    en: { message: "Bad address (a wrongly written % sequence or a character that is not allowed)." },
  }),
  "preview.methodNotAllowed": message({ sample: {}, vi: { message: "Bản xem trước chỉ trả lời yêu cầu GET và HEAD." }, en: { message: "The preview answers GET and HEAD requests only." } }),
  "preview.internalError": message({
    sample: {},
    vi: { message: "Bản xem trước gặp lỗi khi tạo trang này. Chi tiết kỹ thuật ở cửa sổ dòng lệnh đang chạy npm start." },
    en: { message: "The preview failed to build this page. Technical details are in the terminal running npm start." },
  }),
  "preview.started": message({
    sample: { count: 5, url: "http://127.0.0.1:8080/" },
    vi: { message: (p) => `Đang xem trước ${p.count} bài tại ${p.url} (nhấn Ctrl+C để dừng)` },
    en: { message: (p) => `Preview of ${p.count} articles at ${p.url} (Ctrl+C to stop)` },
  }),
  "preview.stopped": message({ sample: {}, vi: { message: "Đã dừng bản xem trước." }, en: { message: "Preview stopped." } }),
  "preview.portInUse": message({
    sample: { port: 8080 },
    vi: { message: (p) => `Cổng ${p.port} đang được chương trình khác dùng (có thể là một bản xem trước khác).`, fix: "đóng chương trình đó, hoặc chọn cổng khác: PORT=8081 npm start" },
    en: { message: (p) => `Port ${p.port} is in use by another program (perhaps another preview).`, fix: "stop that program, or choose another port: PORT=8081 npm start" },
  }),
  // scripts/bench-preview.ts (a developer's tool, with a usage like every script's)
  "preview.command.bench": message({
    sample: {},
    vi: { message: "Đo thời gian từ lúc lưu bài đến khi bản xem trước hiện bài đã sửa, trên một bản sao dự án (các bài được sửa rồi trả lại như cũ)." },
    en: { message: "Times saving an article until the preview serves the edited page, on a copy of a project (the articles are edited, then put back)." },
  }),
  "preview.option.pause": message({
    sample: {},
    vi: { message: "chờ giữa hai lần sửa, tính bằng mili giây (không ghi: chờ đến khi cả trang web được lập lại)" },
    en: { message: "wait between edits, in milliseconds (without it: until the whole site is planned again)" },
  }),
  "preview.option.every": message({
    sample: {},
    vi: { message: "chạy bản xem trước trong tiến trình riêng và lưu một lần sửa sau mỗi chừng ấy mili giây, bất kể nó đang làm gì" },
    en: { message: "run the preview in its own process and save an edit every this many milliseconds, whatever it is doing" },
  }),
} as const;

/**
 * Messages of the benchmark scripts (scripts/bench*.ts, scripts/generate-articles.ts):
 * usage and option help. Developer tools, but they follow every command's
 * conventions (src/cli/): --help in Vietnamese and English.
 */
import { message } from "../define.ts";

const plain = (vi: string, en: string) => message({ sample: {}, vi: { message: vi }, en: { message: en } });

export const BENCH_MESSAGES = {
  "bench.command.bench": plain(
    "Đo tốc độ và bộ nhớ so với Hugo + Pagefind trong cùng một lần chạy: sinh N bài, dựng bằng Hugo rồi pagefind --site, rồi bằng công cụ này (nguội, ấm, sửa một bài, thêm một bài, xóa một bài), đo thời gian, CPU và bộ nhớ của cả cây tiến trình; sau cùng đo bản xem trước.",
    "Speed and memory against Hugo + Pagefind in the same run: generates N articles, builds them with Hugo then pagefind --site, then with this tool (cold, warm, one edited, one added, one deleted), measuring time, CPU and the whole process tree's memory; then the preview.",
  ),
  "bench.command.compare": plain(
    "So sánh thời gian dựng của nhiều bản checkout (thư mục) trên cùng một bộ bài, xen kẽ nhau để máy bận không làm lệch kết quả.",
    "Compares the build time of several checkouts (folders) on the same articles, interleaved so a busy machine does not skew the result.",
  ),
  "bench.command.files": plain(
    "Đo chi phí ghi một tệp nhỏ vào thư mục mới trên ổ đĩa này (so với ghi vào thư mục có sẵn).",
    "Measures the cost of writing one small file into a new folder on this disk (against writing into an existing one).",
  ),
  "bench.option.counts": plain("số bài; nhiều số cách nhau bằng dấu phẩy (1000,10000,30000)", "number of articles; several separated by commas (1000,10000,30000)"),
  "bench.option.repeat": plain("số lần đo mỗi cỡ", "runs per size"),
  "bench.option.seed": plain("hạt giống sinh bài (cùng số thì cùng bài)", "seed of the generated articles (same seed, same bytes)"),
  "bench.option.work": plain("thư mục làm việc (giữ bài đã sinh để dùng lại)", "work folder (keeps the generated articles for reuse)"),
  "bench.option.maxMemory": plain("dừng một lần dựng vượt quá số GiB này", "stop a build that goes over this many GiB"),
  "bench.option.noReference": plain("không chạy Hugo và Pagefind (không có tỷ lệ so sánh)", "do not run Hugo and Pagefind (no ratio)"),
  "bench.option.noPreview": plain("không đo bản xem trước", "do not measure the preview"),
  "bench.option.previewCount": plain("số bài khi đo bản xem trước (mặc định: số lớn nhất)", "articles for the preview measurement (default: the largest count)"),
  "bench.option.cards": plain("vẽ cả thẻ chia sẻ cho bài không ảnh (lần dựng nguội mất khoảng 65 ms CPU mỗi thẻ)", "also draw share cards for articles without a photo (about 65 ms of CPU each on a cold build)"),
  "bench.option.checkouts": plain("các thư mục checkout cần so sánh", "checkout folders to compare"),
  "bench.option.files": plain("số tệp", "number of files"),
  "bench.option.dir": plain("thư mục để ghi thử (trên ổ đĩa cần đo)", "folder to write into (on the disk to measure)"),
  "bench.option.warm": plain("đo cả lần dựng ấm (giữ .cache và kết quả trước)", "also time a warm build (.cache and the previous output kept)"),
  "bench.option.env": plain("biến môi trường cho lần dựng, dạng TÊN=GIÁ_TRỊ (dùng nhiều lần được)", "environment variable for the builds, NAME=VALUE (may be repeated)"),
} as const;

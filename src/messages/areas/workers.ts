/** Messages of the build's worker threads (src/workers/): what stopped the build when one failed. */
import { message } from "../define.ts";

const NOT_YOUR_CONTENT = {
  vi: "đây là lỗi của chương trình dựng trang, không phải của bài viết. Chạy lại lệnh; nếu vẫn lỗi, gửi nguyên thông báo này cho nhóm kỹ thuật",
  en: "this is a fault in the build program, not in your content. Run the command again; if it happens again, send this whole message to the technical team",
};

export const WORKERS_MESSAGES = {
  "workers.task.loadArticles": message({ sample: {}, vi: { message: "đọc và kiểm tra bài viết" }, en: { message: "reading and checking articles" } }),
  "workers.task.encodeQr": message({ sample: {}, vi: { message: "tạo mã QR" }, en: { message: "encoding QR codes" } }),
  "workers.task.walkOutput": message({ sample: {}, vi: { message: "đọc lại thư mục bản dựng trước" }, en: { message: "walking the previous output folder" } }),
  "workers.input.files": message({
    sample: { first: "content/gia-lai/2016-11-29-hoi-nghi.md", more: 39 },
    vi: { message: (p) => (p.more > 0 ? `${p.first} và ${p.more} tệp khác` : `${p.first}`) },
    en: { message: (p) => (p.more > 0 ? `${p.first} and ${p.more} more file${p.more === 1 ? "" : "s"}` : `${p.first}`) },
  }),
  "workers.input.links": message({
    sample: { first: "https://tongket.example.gov.vn/q/7kq2m/", more: 499 },
    vi: { message: (p) => (p.more > 0 ? `${p.first} và ${p.more} liên kết khác` : `${p.first}`) },
    en: { message: (p) => (p.more > 0 ? `${p.first} and ${p.more} more link${p.more === 1 ? "" : "s"}` : `${p.first}`) },
  }),
  "workers.exited": message({
    sample: { task: "reading and checking articles", input: "content/gia-lai/2016-11-29-hoi-nghi.md", code: 3 },
    vi: { message: (p) => `Dừng dựng trang: luồng xử lý song song (${p.task}: ${p.input}) đã thoát bất thường (mã thoát ${p.code}) mà không trả kết quả`, fix: NOT_YOUR_CONTENT.vi },
    en: { message: (p) => `Build stopped: a worker thread (${p.task}: ${p.input}) exited unexpectedly (exit code ${p.code}) without a result`, fix: NOT_YOUR_CONTENT.en },
  }),
  "workers.outOfMemory": message({
    sample: { task: "reading and checking articles", input: "content/gia-lai/2016-11-29-hoi-nghi.md", limit: 1536 },
    vi: {
      message: (p) => `Dừng dựng trang: luồng xử lý song song (${p.task}: ${p.input}) đã hết bộ nhớ (giới hạn ${p.limit} MB)`,
      fix: "giải phóng bộ nhớ trên máy, hoặc dựng với ít luồng hơn: BUILD_THREADS=1 npm run build",
    },
    en: {
      message: (p) => `Build stopped: a worker thread (${p.task}: ${p.input}) ran out of memory (limit ${p.limit} MB)`,
      fix: "free memory on this machine, or build with fewer threads: BUILD_THREADS=1 npm run build",
    },
  }),
  "workers.failed": message({
    sample: { task: "reading and checking articles", input: "content/gia-lai/2016-11-29-hoi-nghi.md", error: "TypeError: x is not a function" },
    vi: { message: (p) => `Dừng dựng trang: luồng xử lý song song (${p.task}: ${p.input}) gặp lỗi: ${p.error}`, fix: NOT_YOUR_CONTENT.vi },
    en: { message: (p) => `Build stopped: a worker thread (${p.task}: ${p.input}) failed: ${p.error}`, fix: NOT_YOUR_CONTENT.en },
  }),
  "workers.badThreads": message({
    sample: { value: "two" },
    vi: { message: (p) => `BUILD_THREADS="${p.value}" không phải số luồng hợp lệ`, expected: "một số nguyên từ 1 đến 64", fix: "xóa biến này để dùng mọi nhân CPU, hoặc đặt BUILD_THREADS=1" },
    en: { message: (p) => `BUILD_THREADS="${p.value}" is not a valid number of threads`, expected: "a whole number from 1 to 64", fix: "unset it to use every CPU core, or set BUILD_THREADS=1" },
  }),
} as const;

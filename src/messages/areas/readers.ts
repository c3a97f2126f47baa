/** Reader-facing extras the build computes (src/git-dates.ts): notices when last-updated dates fall back. */
import { message } from "../define.ts";

export const READERS_MESSAGES = {
  "readers.gitShallow": message({
    sample: {},
    vi: {
      message: "lịch sử git chưa đầy đủ (bản sao nông): ngày cập nhật chỉ biết được với các bài sửa trong những lần commit đã tải về; các bài khác chỉ ghi ngày đăng",
      fix: "trong GitHub Actions, thêm fetch-depth: 0 vào bước actions/checkout; trên máy, chạy git fetch --unshallow",
    },
    en: {
      message: "the git history is incomplete (a shallow clone): last-updated dates are known only for articles changed in the commits fetched; the others show their publication date only",
      fix: "in GitHub Actions, add fetch-depth: 0 to the actions/checkout step; on a computer, run git fetch --unshallow",
    },
  }),
  "readers.gitFailed": message({
    sample: { detail: "fatal: detected dubious ownership in repository" },
    vi: {
      message: (p) => `không đọc được lịch sử git (${p.detail}): các bài chỉ ghi ngày đăng, không ghi ngày cập nhật`,
      fix: "kiểm tra thư mục có phải bản sao git đọc được không (git log chạy được trong thư mục dự án)",
    },
    en: {
      message: (p) => `could not read the git history (${p.detail}): articles show their publication date only, no last-updated date`,
      fix: "check that the folder is a readable git checkout (git log works in the project folder)",
    },
  }),
  "readers.gitTooLarge": message({
    sample: { limit: "128 MiB" },
    vi: {
      message: (p) => `lịch sử git của content/ quá lớn để đọc (hơn ${p.limit}): các bài chỉ ghi ngày đăng, không ghi ngày cập nhật`,
      fix: "báo cho người quản trị kỹ thuật của trang",
    },
    en: {
      message: (p) => `the git history of content/ is too large to read (over ${p.limit}): articles show their publication date only, no last-updated date`,
      fix: "tell the site's technical maintainer",
    },
  }),
} as const;

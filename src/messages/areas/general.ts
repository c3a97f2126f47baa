/** Labels shared by every message list (error blocks, summaries). */
import { message } from "../define.ts";

export const GENERAL_MESSAGES = {
  "general.expectedLabel": message({ sample: {}, vi: { message: "cần" }, en: { message: "expected" } }),
  "general.fixLabel": message({ sample: {}, vi: { message: "cách sửa" }, en: { message: "fix" } }),
  "general.gotLabel": message({ sample: {}, vi: { message: "đang ghi" }, en: { message: "got" } }),
  "general.missingValue": message({ sample: {}, vi: { message: "(để trống)" }, en: { message: "(missing)" } }),
  "general.errorSummary": message({
    sample: { errors: 3, files: 2 },
    vi: { message: (p) => `${p.errors} lỗi trong ${p.files} tệp:` },
    en: { message: (p) => `${p.errors} error${p.errors === 1 ? "" : "s"} in ${p.files} file${p.files === 1 ? "" : "s"}:` },
  }),
} as const;

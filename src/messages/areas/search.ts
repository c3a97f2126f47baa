/** Messages of the search step (src/search/): what its compression workers were doing when one failed. */
import { message } from "../define.ts";

export const SEARCH_MESSAGES = {
  "search.task.compress": message({ sample: {}, vi: { message: "nén các tệp của chỉ mục tìm kiếm" }, en: { message: "compressing the search index's files" } }),
  "search.input.files": message({
    sample: { count: 412 },
    vi: { message: (p) => `${p.count} tệp của chỉ mục tìm kiếm` },
    en: { message: (p) => `${p.count} file${p.count === 1 ? "" : "s"} of the search index` },
  }),
} as const;

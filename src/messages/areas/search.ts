/**
 * Messages of the search index step (src/search/) that reach the build's
 * output: a deploy log an editor may read.
 */
import { message } from "../define.ts";

export const SEARCH_MESSAGES = {
  "search.pagefindVersion": message({
    sample: { version: "1.5.0", supported: "1.4.0" },
    vi: {
      message: (p) =>
        `Chỉ mục tìm kiếm: Pagefind ${p.version} không thuộc các phiên bản đã kiểm (${p.supported}); dùng bộ tạo chỉ mục của chính Pagefind (chậm hơn). Việc cho người phát triển: đối chiếu src/search/pagefind-bundle.ts với định dạng mới.`,
    },
    en: {
      message: (p) =>
        `Search index: Pagefind ${p.version} is not one of ${p.supported}; using its own (slower) indexer. Check src/search/pagefind-bundle.ts against the new format.`,
    },
  }),
};

/**
 * Entry of the search index's compression workers (bundled and started by
 * src/workers/pool.ts): a cold build compresses ~14,000 files at 10,000
 * articles, here off the main thread (no less CPU in all: the workers'
 * start adds some); compressed-cache.ts decides when.
 */
import { serveTasks } from "../workers/serve.ts";
import { GZIP_TASK, gzipBatch, type GzipBatch } from "./gzip-sized.ts";

serveTasks({
  [GZIP_TASK]: (batch: GzipBatch) => {
    const output = gzipBatch(batch);
    return { output, transfer: [output.data.buffer as ArrayBuffer] };
  },
});

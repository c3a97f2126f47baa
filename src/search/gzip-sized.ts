/**
 * gzip as the search index compresses its files, in a module of its own so
 * the compression workers (gzip-worker.ts) bundle nothing else.
 */
import { gzipSync } from "node:zlib";

/**
 * gzip with zlib's window and hash table sized to the input: the defaults
 * allocate and clear ~300 KB per call, 4 GB over 14,000 files, most of them
 * a few KB. A window at least as long as the input finds the same matches
 * (the same bytes on the 10,000-article corpus) with a fraction of the memory.
 */
export function gzipSized(payload: Uint8Array, level: number): Buffer {
  const windowBits = Math.max(9, Math.min(15, Math.ceil(Math.log2(payload.length + 262))));
  return gzipSync(payload, { level, windowBits, memLevel: Math.max(1, Math.min(8, windowBits - 6)) });
}

/** The compression workers' task (gzip-worker.ts). */
export const GZIP_TASK = "gzip-search-files";

/** Files to compress, packed in one buffer (one message to a worker, not thousands). */
export interface GzipBatch {
  /** The files' bytes, one after the other. */
  readonly data: Uint8Array;
  /** Where each file ends in `data`. */
  readonly ends: readonly number[];
  /** The gzip level of each file. */
  readonly levels: readonly number[];
}

/** Compresses every file of a batch; the result packed the same way (no levels). */
export function gzipBatch(batch: GzipBatch): { data: Uint8Array; ends: number[] } {
  const parts: Buffer[] = [];
  const ends: number[] = [];
  let start = 0;
  let total = 0;
  batch.ends.forEach((end, i) => {
    const gz = gzipSized(batch.data.subarray(start, end), batch.levels[i] ?? 6);
    parts.push(gz);
    total += gz.length;
    ends.push(total);
    start = end;
  });
  // A buffer of its own (not Node's shared pool): it is transferred to the parent thread.
  const data = new Uint8Array(total);
  let at = 0;
  for (const part of parts) {
    data.set(part, at);
    at += part.length;
  }
  return { data, ends };
}

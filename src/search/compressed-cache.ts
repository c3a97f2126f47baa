/**
 * The search index's compressed files kept between builds
 * (`.cache/search-gzip.bin`), keyed by what was compressed: an edit changes
 * a handful of the index's 14,000 files (search-index.ts, stable layout),
 * so an incremental build compresses only the files whose contents changed
 * (one body edited at 10,000 articles: 6 files compressed, the search step
 * 6.2 s cold against 2.9 s — `npm run bench -- --count 10000`). CI restores
 * `.cache/` like the parse cache (src/cache/parse-cache.ts).
 *
 * Never stale: an entry is the gzip of exactly the bytes whose SHA-256 (with
 * the level) is its key, made by this zlib version (the file's header names
 * it; another version's output could differ from a cold build's by a byte).
 * Never trusted: a file that is missing, a symbolic link, too large, not
 * in this format or whose CRC-32 (the file's last four bytes) does not match
 * is ignored; an entry is used only when its gzip trailer holds the CRC-32
 * and length of the bytes asked for, or (take: a file not compressed again)
 * when the whole file's CRC-32 held. A bad cache only makes a build slower;
 * a forged one, CRC recomputed, is the provenance question README's "What
 * the build trusts" answers (caches are scoped per branch in CI). One file,
 * rewritten (temporary file renamed into place) with exactly the entries
 * this build used, so it never grows past the index itself (~22 MB at
 * 10,000 articles).
 */
import { createHash } from "node:crypto";
import { closeSync, lstatSync, openSync, renameSync, rmSync, writeSync } from "node:fs";
import path from "node:path";
import { crc32 } from "node:zlib";
import { projectCacheDir, readCacheFile } from "../cache/real-dir.ts";
import { t } from "../messages/index.ts";
import { defaultThreads, runInWorkers } from "../workers/pool.ts";
import { GZIP_TASK, gzipSized, type GzipBatch } from "./gzip-sized.ts";

/** The compression workers' entry. */
const GZIP_WORKER = path.join(import.meta.dirname, "gzip-worker.ts");

/**
 * Below this many bytes to compress, this thread does it: starting workers
 * costs ~0.2 s of CPU each (src/workers/bundle.ts), compressing 4 MB about
 * as much.
 */
const WORKER_MIN_BYTES = 4 * 1024 * 1024;
/** Bytes per batch sent to a worker: enough batches for the pool to balance, few enough messages. */
const BATCH_BYTES = 2 * 1024 * 1024;

/** A file to compress. */
export interface GzipItem {
  readonly payload: Buffer;
  readonly level: number;
  /** Its {@link contentKey}, when the caller has it already. */
  readonly key?: string;
}

/**
 * The key of a file's compressed form: the first 16 bytes of the SHA-256 of
 * its level and bytes, as a latin1 string. The index's version is made of
 * these keys too (search-index.ts indexVersion).
 */
export function contentKey(payload: Uint8Array, level: number): string {
  return createHash("sha256").update(Buffer.of(level)).update(payload).digest().subarray(0, KEY_BYTES).toString("latin1");
}

/** File under the project root. */
export const COMPRESSED_CACHE_FILE = ".cache/search-gzip.bin";
const MAGIC = Buffer.from(`tong-ket-search-gzip-2 zlib ${process.versions.zlib}\n`);
/** A cache larger than this is not read (10,000 articles make ~22 MB). */
const MAX_BYTES = 1024 * 1024 * 1024;
const KEY_BYTES = 16;

/** True when `gz`'s trailer (CRC-32 and length mod 2^32) describes `payload`. */
function trailerMatches(gz: Buffer, payload: Buffer): boolean {
  return gz.length >= 18 && gz[0] === 0x1f && gz[1] === 0x8b && gz.readUInt32LE(gz.length - 4) === payload.length >>> 0 && gz.readUInt32LE(gz.length - 8) === crc32(payload);
}

/**
 * Writes `parts` one after the other into a new file `file` (it must not
 * exist), through one 1 MiB buffer: not concatenated first, which would hold
 * a second copy of the search state or cache (~20–30 MB at 10,000 articles)
 * at the search step's, and often the build's, highest memory.
 */
export function writeNewFile(file: string, parts: readonly Uint8Array[]): void {
  const fd = openSync(file, "wx");
  try {
    const chunk = Buffer.allocUnsafe(1 << 20);
    let used = 0;
    const flush = (bytes: Uint8Array, length: number): void => {
      for (let at = 0; at < length; ) at += writeSync(fd, bytes, at, length - at);
    };
    for (const part of parts) {
      if (used + part.length > chunk.length) {
        flush(chunk, used);
        used = 0;
      }
      if (part.length > chunk.length) flush(part, part.length);
      else {
        chunk.set(part, used);
        used += part.length;
      }
    }
    flush(chunk, used);
  } finally {
    closeSync(fd);
  }
}

/** Whether `payload` lies right after `previous` in the same buffer (search-index.ts FilePacker lays files out so). */
function follows(previous: Buffer, payload: Buffer): boolean {
  return previous.buffer === payload.buffer && previous.byteOffset + previous.length === payload.byteOffset;
}

/** Whether the files `batch` of `items` lie one after the other in one buffer (then the batch is a view of them). */
function contiguous(batch: readonly number[], items: readonly GzipItem[]): boolean {
  for (let k = 1; k < batch.length; k++) if (!follows(items[batch[k - 1]!]!.payload, items[batch[k]!]!.payload)) return false;
  return true;
}

/**
 * The batches compressed on worker threads. A function of its own so that
 * the pool's callbacks, which live until the workers have exited (after the
 * build has moved on), hold these batches and nothing of the caller's (the
 * files' uncompressed bytes); each batch's bytes are dropped as soon as its
 * output is in, not when the last worker exits.
 */
async function compressInWorkers(inputs: GzipBatch[], threads: number): Promise<{ data: Uint8Array; ends: number[] }[]> {
  const counts = inputs.map((input) => input.ends.length);
  return runInWorkers<GzipBatch, { data: Uint8Array; ends: number[] }>(GZIP_WORKER, GZIP_TASK, inputs, {
    threads,
    label: t("search.task.compress"),
    describeInput: (n) => t("search.input.files", { count: counts[n] ?? 0 }),
    onOutput: (_, n) => (inputs[n] = { data: new Uint8Array(0), ends: [], levels: [] }),
  });
}

/** Compressed files by the digest of their contents and level, read from and written back to one file. */
export class CompressedCache {
  private readonly previous = new Map<string, Buffer>();
  private readonly next = new Map<string, Buffer>();
  private reused = 0;

  /** @param file the cache file, or undefined for none (compress everything, keep nothing) */
  private constructor(private readonly file: string | undefined) {
    if (file) this.read(file);
  }

  /** The cache of a project (`rootDir/.cache/search-gzip.bin`); none when `.cache` cannot be used safely. */
  static forProject(rootDir: string | undefined): CompressedCache {
    if (rootDir === undefined) return new CompressedCache(undefined);
    return new CompressedCache(projectCacheDir(rootDir) ? path.join(rootDir, COMPRESSED_CACHE_FILE) : undefined);
  }

  /** No cache: every file compressed. */
  static none(): CompressedCache {
    return new CompressedCache(undefined);
  }

  /** How many files this build took from the cache. */
  get hits(): number {
    return this.reused;
  }

  /**
   * Every item gzip-compressed, in order: those the cache holds taken from
   * it, the others compressed on worker threads when there are many (a cold
   * build: both cores, the main thread free), else on this thread. The
   * bytes are the same either way (one zlib, the same settings).
   *
   * Not an async function: the items' bytes are copied into the workers'
   * batches before it returns, and nothing here holds `items` while the
   * workers compress, so a caller that drops its own references then lets
   * the uncompressed bytes go (a cold build's records, ~40 MB at 10,000
   * articles) instead of holding them beside their batched copies.
   */
  gzipAll(items: readonly GzipItem[], options: { readonly threads?: number; readonly minWorkerBytes?: number } = {}): Promise<Buffer[]> {
    const keys = items.map((item) => (this.file ? (item.key ?? contentKey(item.payload, item.level)) : undefined));
    const out: (Buffer | undefined)[] = items.map((item, i) => this.cached(keys[i], item.payload));
    const missing = out.flatMap((gz, i) => (gz ? [] : [i]));
    const bytes = missing.reduce((sum, i) => sum + items[i]!.payload.length, 0);
    const threads = options.threads ?? defaultThreads();
    if (threads > 1 && bytes >= (options.minWorkerBytes ?? WORKER_MIN_BYTES)) {
      // A run of files laid out one after the other in one buffer (search-index.ts FilePacker) is a
      // batch of its own, sent to a worker as a view of them, not a copy: a batch is also cut where
      // such a run of at least a quarter batch ends. Other files are copied into batches.
      const batches: number[][] = [[]];
      let batchBytes = 0;
      /** Whether the current batch's files lie one after the other. */
      let run = true;
      let previous: Buffer | undefined;
      for (const i of missing) {
        const payload = items[i]!.payload;
        const next = previous !== undefined && follows(previous, payload);
        if (batchBytes >= BATCH_BYTES || (run && !next && batchBytes >= BATCH_BYTES / 4)) {
          batches.push([]);
          batchBytes = 0;
          run = true;
        } else if (batchBytes > 0) run &&= next;
        batches[batches.length - 1]!.push(i);
        batchBytes += payload.length;
        previous = payload;
      }
      const inputs = batches.map((batch): GzipBatch => {
        const first = items[batch[0]!]!.payload;
        let end = 0;
        const ends = batch.map((i) => (end += items[i]!.payload.length));
        const data = contiguous(batch, items) ? Buffer.from(first.buffer, first.byteOffset, end) : Buffer.concat(batch.map((i) => items[i]!.payload));
        return { data, ends, levels: batch.map((i) => items[i]!.level) };
      });
      return compressInWorkers(inputs, threads).then((results) => {
        results.forEach((result, n) => {
          let start = 0;
          batches[n]!.forEach((i, k) => {
            const end = result.ends[k]!;
            out[i] = Buffer.from(result.data.buffer, result.data.byteOffset + start, end - start);
            start = end;
          });
        });
        return out.map((gz, i) => {
          this.keep(keys[i], gz!);
          return gz!;
        });
      });
    }
    return Promise.resolve(
      items.map((item, i) => {
        // A copy of its own size: zlib's synchronous output is a view into a 16 KB chunk, ~12 times a
        // shard's compressed size, which the index would hold until the build writes it.
        const gz = out[i] ?? Buffer.from(gzipSized(item.payload, item.level));
        this.keep(keys[i], gz);
        return gz;
      }),
    );
  }

  /**
   * The compressed file kept under `key` (a {@link contentKey}), kept for the
   * next build too; undefined when absent. For a file this build did not
   * make again (index-state.ts: unchanged since the build that compressed
   * it), so its trailer cannot be checked against the bytes: the cache file
   * as a whole is checked instead (MAGIC, lengths), and an entry must be a
   * gzip member.
   */
  take(key: string): Buffer | undefined {
    const cached = this.peek(key);
    if (!cached) return undefined;
    this.reused++;
    this.keep(key, cached);
    return cached;
  }

  /** Whether {@link take} would find `key` (nothing is kept). */
  has(key: string): boolean {
    return this.peek(key) !== undefined;
  }

  private peek(key: string): Buffer | undefined {
    if (!this.file) return undefined;
    const cached = this.next.get(key) ?? this.previous.get(key);
    return cached && cached.length >= 18 && cached[0] === 0x1f && cached[1] === 0x8b ? cached : undefined;
  }

  /** Whether the cache has a file: without one, nothing is kept between builds. */
  get enabled(): boolean {
    return this.file !== undefined;
  }

  private cached(key: string | undefined, payload: Buffer): Buffer | undefined {
    if (key === undefined) return undefined;
    const cached = this.next.get(key) ?? this.previous.get(key);
    if (!cached || !trailerMatches(cached, payload)) return undefined;
    this.reused++;
    return cached;
  }

  private keep(key: string | undefined, gz: Buffer): void {
    if (key !== undefined) this.next.set(key, gz);
  }

  /** Writes the entries this build used (when they differ from what was read). */
  save(): void {
    if (!this.file || (this.reused === this.next.size && this.next.size === this.previous.size)) return;
    const parts: Buffer[] = [MAGIC];
    let crc = crc32(MAGIC);
    for (const [key, gz] of this.next) {
      const head = Buffer.alloc(KEY_BYTES + 4);
      head.write(key, 0, "latin1");
      head.writeUInt32LE(gz.length, KEY_BYTES);
      parts.push(head, gz);
      crc = crc32(gz, crc32(head, crc));
    }
    // The whole file's CRC-32 last: an entry taken without its trailer checked (take) is at least undamaged.
    const trailer = Buffer.alloc(4);
    trailer.writeUInt32LE(crc);
    parts.push(trailer);
    const temporary = `${this.file}.${process.pid}.tmp`;
    try {
      const st = lstatSync(this.file, { throwIfNoEntry: false });
      if (st && !st.isFile()) return; // something planted where the cache goes: leave it alone
      writeNewFile(temporary, parts);
      renameSync(temporary, this.file);
    } catch {
      rmSync(temporary, { force: true });
      // A cache that cannot be written only makes the next build slower.
    }
  }

  private read(file: string): void {
    const bytes = readCacheFile(file, MAX_BYTES);
    if (!bytes) return; // absent (written after this build), or not a file of ours
    if (bytes.length < MAGIC.length + 4 || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) return;
    // Damaged anywhere (a flipped byte inside a gzip member leaves its trailer intact): use none of it.
    const end = bytes.length - 4;
    if (crc32(bytes.subarray(0, end)) !== bytes.readUInt32LE(end)) return;
    const entries = new Map<string, Buffer>();
    for (let at = MAGIC.length; at < end; ) {
      if (at + KEY_BYTES + 4 > end) return; // cut short: use none of it
      const key = bytes.toString("latin1", at, at + KEY_BYTES);
      const length = bytes.readUInt32LE(at + KEY_BYTES);
      at += KEY_BYTES + 4;
      if (at + length > end) return;
      entries.set(key, bytes.subarray(at, at + length));
      at += length;
    }
    for (const [key, gz] of entries) this.previous.set(key, gz);
  }
}

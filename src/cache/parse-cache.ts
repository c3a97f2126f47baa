/**
 * The persistent parse cache: each article's parse result (the checked,
 * rendered article and its search words) kept in `.cache/parse/` between
 * builds, so a rebuild re-parses only the files that changed. It is the
 * base of incremental builds (CI restores `.cache/` between runs).
 *
 * Never stale: an entry is used only when the file's bytes (SHA-256) and
 * the cache key both match. The key covers the worker code bundle (parser,
 * schema, province registry, Markdown renderer, message catalogue and every
 * dependency they load: any change to any of them changes the bundle, see
 * src/workers/bundle.ts), the message language, the Node.js and ICU versions
 * (Unicode normalisation) and the current year (dates are checked against
 * it). Only articles that parsed without errors are cached: errors are
 * always produced fresh, in the current language.
 *
 * Never trusted: a shard that is missing, too large, not JSON, of another
 * key or format is ignored; every entry is checked again by
 * cached-article.ts before use, its texts when they are read; a symlinked
 * `.cache`, `.cache/parse`, shard or blob is neither read nor written. A bad
 * cache only makes a build slower.
 *
 * Layout: 256 shards, a file's shard being the first byte of the SHA-256 of
 * its path. A shard is two files: `<xx>.json` holds each article's front
 * matter, digest and where its texts lie, and `<xx>-<id>.bin` (the blob)
 * holds the texts — body HTML, plain text and search words as UTF-8, ~90 %
 * of the bytes. A warm build parses the small JSON only and names the blob
 * to the loader, which opens it and reads a text when a page, feed or
 * search record asks for it (src/content/body-store.ts): at 10,000 articles
 * the shards' JSON with the texts inside was 163 MB to read, decode, parse
 * and check (`npx tsx` over /tmp/s6/c10k/.cache/parse, load ~12: read and
 * decode 1.7 CPU-s, JSON.parse 0.9, checks 1.4, writing the bodies again
 * 0.7) for the few articles an edit build renders.
 *
 * Content loading hands each worker whole shards, so every shard is read,
 * updated and rewritten by one thread, in parallel with the others, and a
 * rewritten shard holds exactly the shard's current files (deleted files
 * drop out). A rewrite writes a blob under a new name, then the JSON (to a
 * temporary file renamed into place), then removes the old blob: a killed
 * build leaves either shard whole, and a descriptor open on the old blob
 * still reads it.
 */
import { createHash } from "node:crypto";
import { randomBytes } from "node:crypto";
import { closeSync, constants, fstatSync, lstatSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, writeFileSync, writeSync } from "node:fs";
import path from "node:path";
import { threadId } from "node:worker_threads";
import { cachedTextsUsable, reviveCachedEntry, type BlobSpan, type CachedArticle, type CachedEntry, type CachedSpans, type CachedTexts } from "./cached-article.ts";
import { isRealDir, projectCacheDir, readAt, readCacheFile } from "./real-dir.ts";

/** Folder under the project root. */
export const PARSE_CACHE_DIR = ".cache/parse";
const FORMAT = "tong-ket-parse-cache-2";
/** A shard's JSON larger than this is not read (10,000 articles make ~70 KB each). */
const MAX_SHARD_BYTES = 64 * 1024 * 1024;
/** Nor a blob larger than this (10,000 articles make ~600 KB each). */
const MAX_BLOB_BYTES = 1024 * 1024 * 1024;
const BLOB_NAME = /^([0-9a-f]{2})-([0-9a-f]{12})\.bin$/;

/** Shard of a file path: "00" … "ff". */
export function shardOf(file: string): string {
  return createHash("sha256").update(file).digest("hex").slice(0, 2);
}

/** The cache key for this process and worker code version. */
export function parseCacheKey(codeVersion: string, language: string): string {
  const facts = [FORMAT, codeVersion, language, process.versions.node, process.versions.icu ?? "", process.versions.unicode ?? "", String(new Date().getFullYear())];
  return createHash("sha256").update(facts.join("\0")).digest("hex");
}

/** SHA-256 of a file's bytes, hex. */
export function contentHash(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/**
 * The cache folder of a project, created if needed; undefined when it
 * cannot be used safely (a symlink where a folder should be, no permission).
 */
export function parseCacheDir(rootDir: string): string | undefined {
  if (!projectCacheDir(rootDir)) return undefined;
  const dir = path.join(rootDir, PARSE_CACHE_DIR);
  try {
    if (!isRealDir(dir)) mkdirSync(dir);
  } catch {
    // exists as something else, or cannot be created
  }
  return isRealDir(dir) ? dir : undefined;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Removes shards that hold none of the current files (their files were all
 * deleted: no worker visits them to rewrite them) and temporary files left
 * by killed builds.
 * @returns the blob files of each remaining shard: the worker that rewrites
 *   a shard removes those it does not use (a killed build's leftovers too)
 */
export function pruneShards(dir: string, current: ReadonlySet<string>): Map<string, string[]> {
  const blobs = new Map<string, string[]>();
  for (const name of readdirSync(dir)) {
    const shard = /^([0-9a-f]{2})\.json$/.exec(name)?.[1] ?? BLOB_NAME.exec(name)?.[1];
    // Blobs are written under their final, new name (no temporary): a killed build's half blob is one of `blobs`.
    const temporary = /^[0-9a-f]{2}\.json\.(\d+)-\d+\.tmp$/.exec(name)?.[1];
    if ((shard && !current.has(shard)) || (temporary && !isAlive(Number(temporary)))) rmSync(path.join(dir, name), { force: true });
    else if (shard && name.endsWith(".bin")) blobs.set(shard, [...(blobs.get(shard) ?? []), name]);
  }
  return blobs;
}

/** What the loader keeps of a freshly parsed article (texts as strings). */
export interface FreshEntry {
  readonly article: CachedArticle;
  readonly digest: string;
  readonly texts: CachedTexts;
}

/** Where the texts of a shard's articles are once the group is done: one blob, a span per file. */
export interface ShardTexts {
  /** Open for reading in this thread (a worker's descriptors close when it exits: the loader opens the blob again by name). */
  readonly fd: number;
  /** The blob's file name in the cache folder, its size and inode (the loader opens the same file or none). */
  readonly name: string;
  readonly bytes: number;
  readonly ino: number;
  /** Whether every text in it was checked (written by this build, or read back and checked); else they are checked when read. */
  readonly checked: boolean;
  readonly spans: ReadonlyMap<string, CachedSpans>;
}

type Next = { readonly sha256: string; readonly hit: CachedEntry; readonly fresh?: undefined } | { readonly sha256: string; readonly fresh: FreshEntry; readonly hit?: undefined };

function openBlob(file: string): number | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(file, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0));
    const st = fstatSync(fd);
    if (st.isFile() && st.size <= MAX_BLOB_BYTES) return fd;
  } catch {
    // absent, a symlink, or unreadable
  }
  if (fd !== undefined) closeSync(fd);
  return undefined;
}

/**
 * Opens, in the loader's thread, a blob a load worker used (ShardTexts):
 * the same file (inode and size) or nothing. Descriptors a worker opens
 * close when it exits, so the loader opens the blob again by name.
 */
export function openCacheBlob(dir: string, blob: { readonly name: string; readonly bytes: number; readonly ino: number }): number | undefined {
  if (!BLOB_NAME.test(blob.name)) return undefined;
  const fd = openBlob(path.join(dir, blob.name));
  if (fd === undefined) return undefined;
  const st = fstatSync(fd);
  if (st.ino === blob.ino && st.size === blob.bytes) return fd;
  closeSync(fd);
  return undefined;
}

/**
 * The three texts at `spans` of a blob open as `fd`, checked for `article`
 * (cached-article.ts); undefined when unreadable or not what the parser
 * makes.
 */
export function readCachedTexts(fd: number, article: Pick<CachedArticle, "bodyImages">, spans: CachedSpans): CachedTexts | undefined {
  const [html, text, words] = [spans.html, spans.text, spans.words].map(([at, bytes]) => readAt(fd, at, bytes)?.toString("utf8"));
  if (html === undefined || text === undefined || words === undefined) return undefined;
  const texts = { bodyHtml: html, bodyText: text, words };
  return cachedTextsUsable(article, texts) ? texts : undefined;
}

/** One shard: read once, looked up per file, rewritten when it changed. */
export class ParseCacheShard {
  private readonly entries = new Map<string, { sha256: string; value: unknown }>();
  private readonly next = new Map<string, Next>();
  private changed = false;
  private readonly file: string;
  private blob: { fd: number; bytes: number; ino: number; name: string } | undefined;

  constructor(
    private readonly dir: string,
    private readonly shard: string,
    private readonly key: string,
    /** The shard's blob files on disk (pruneShards): a rewrite removes every one but its own. */
    private readonly blobFiles: readonly string[] = [],
  ) {
    this.file = path.join(dir, `${shard}.json`);
    this.read();
  }

  private read(): void {
    const text = readCacheFile(this.file, MAX_SHARD_BYTES)?.toString("utf8");
    if (text === undefined) return void (this.changed = true); // absent (written after this build), or not a file of ours
    try {
      const json: unknown = JSON.parse(text);
      if (json === null || typeof json !== "object") throw new Error("not an object");
      const { format, key, blob, entries } = json as Record<string, unknown>;
      if (format !== FORMAT || key !== this.key || entries === null || typeof entries !== "object" || Array.isArray(entries)) throw new Error("other format or key");
      const name = `${this.shard}-${String(blob)}.bin`;
      const fd = typeof blob === "string" && BLOB_NAME.test(name) ? openBlob(path.join(this.dir, name)) : undefined;
      if (fd === undefined) throw new Error("no blob");
      const st = fstatSync(fd);
      this.blob = { fd, bytes: st.size, ino: st.ino, name };
      for (const [file, entry] of Object.entries(entries as Record<string, unknown>)) {
        if (entry === null || typeof entry !== "object") continue;
        const { sha256, value } = entry as Record<string, unknown>;
        if (typeof sha256 === "string") this.entries.set(file, { sha256, value });
      }
    } catch {
      this.entries.clear();
      this.changed = true; // damaged or outdated: rebuilt from this build's results
    }
  }

  /** The cached, checked entry of `file` when its bytes hash to `sha256` (its texts are checked when read). */
  get(file: string, sha256: string): CachedEntry | undefined {
    const entry = this.entries.get(file);
    if (!entry || entry.sha256 !== sha256 || !this.blob) return undefined;
    const hit = reviveCachedEntry(file, entry.value, this.blob.bytes);
    if (hit) this.next.set(file, { sha256, hit });
    else this.changed = true;
    return hit;
  }

  /** Records this build's result for `file` (`undefined`: the file has errors or warnings, keep nothing). */
  set(file: string, sha256: string, fresh: FreshEntry | undefined): void {
    this.changed = true;
    if (fresh) this.next.set(file, { sha256, fresh });
    else this.next.delete(file);
  }

  /**
   * Ends the group. An unchanged shard keeps its blob, whose texts are
   * checked when read. A changed one is rewritten: each kept hit's texts
   * are read back and checked now (one that fails is dropped and returned
   * in `failed`: the caller parses its file again), then a new blob and
   * the JSON are written. `texts` is undefined when the cache cannot be
   * written: the caller keeps the texts itself (hits' are in `read`).
   */
  finish(): { texts: ShardTexts | undefined; failed: string[]; read: Map<string, CachedTexts> } {
    const blob = this.blob;
    if (blob && !this.changed && this.next.size === this.entries.size) {
      // Kept as it is; any other blob of the shard is a killed build's, written but never named by the JSON.
      this.removeOtherBlobs(blob.name);
      const spans = new Map<string, CachedSpans>();
      for (const [file, next] of this.next) if (next.hit) spans.set(file, next.hit.spans);
      this.blob = undefined;
      return { texts: { fd: blob.fd, name: blob.name, bytes: blob.bytes, ino: blob.ino, checked: false, spans }, failed: [], read: new Map() };
    }
    const failed: string[] = [];
    const read = new Map<string, CachedTexts>();
    const files = [...this.next.keys()].sort();
    const chunks: Buffer[] = [];
    const entries: Record<string, { sha256: string; value: { article: CachedArticle; digest: string; spans: CachedSpans } }> = {};
    let at = 0;
    const place = (text: string): BlobSpan => {
      const bytes = Buffer.from(text, "utf8");
      chunks.push(bytes);
      const span: BlobSpan = [at, bytes.length];
      at += bytes.length;
      return span;
    };
    for (const file of files) {
      const next = this.next.get(file)!;
      let texts: CachedTexts | undefined;
      let article: CachedArticle;
      let digest: string;
      if (next.hit) {
        texts = blob ? readCachedTexts(blob.fd, next.hit.article, next.hit.spans) : undefined;
        if (!texts) {
          failed.push(file);
          continue;
        }
        read.set(file, texts);
        ({ article, digest } = next.hit);
      } else ({ texts, article, digest } = next.fresh);
      const { bodyText: _text, ...rest } = article;
      entries[file] = { sha256: next.sha256, value: { article: rest as CachedArticle, digest, spans: { html: place(texts.bodyHtml), text: place(texts.bodyText), words: place(texts.words) } } };
    }
    if (blob) closeSync(blob.fd);
    this.blob = undefined;
    const written = this.write(entries, Buffer.concat(chunks, at));
    if (!written) return { texts: undefined, failed, read };
    const spans = new Map<string, CachedSpans>();
    for (const [file, entry] of Object.entries(entries)) spans.set(file, entry.value.spans);
    return { texts: { ...written, bytes: at, checked: true, spans }, failed, read };
  }

  /** Drops the shard's blob descriptor without handing it on (the group failed). */
  close(): void {
    if (this.blob) closeSync(this.blob.fd);
    this.blob = undefined;
  }

  /** Writes a new blob, then the JSON naming it; removes the shard's other blobs. Returns the new blob, open. */
  private write(entries: Record<string, unknown>, bytes: Buffer): { fd: number; name: string; ino: number } | undefined {
    const id = randomBytes(6).toString("hex");
    const name = `${this.shard}-${id}.bin`;
    const blobFile = path.join(this.dir, name);
    const temporary = `${this.file}.${process.pid}-${threadId}.tmp`;
    let fd: number | undefined;
    try {
      const st = lstatSync(this.file, { throwIfNoEntry: false });
      if (st && !st.isFile()) return undefined; // something planted where the shard goes: leave it alone
      fd = openSync(blobFile, constants.O_RDWR | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0), 0o644);
      let done = 0;
      while (done < bytes.length) done += writeSync(fd, bytes, done, bytes.length - done, done);
      writeFileSync(temporary, JSON.stringify({ format: FORMAT, key: this.key, blob: id, entries }), { flag: "wx" });
      renameSync(temporary, this.file);
    } catch {
      rmSync(temporary, { force: true });
      if (fd !== undefined) {
        closeSync(fd);
        rmSync(blobFile, { force: true });
      }
      return undefined; // a cache that cannot be written only makes the next build slower
    }
    this.removeOtherBlobs(name);
    return { fd, name, ino: fstatSync(fd).ino };
  }

  /** Removes the shard's blob files found at the start of the load (pruneShards) other than `kept`. */
  private removeOtherBlobs(kept: string): void {
    for (const other of this.blobFiles) if (other !== kept && BLOB_NAME.test(other)) rmSync(path.join(this.dir, other), { force: true });
  }
}

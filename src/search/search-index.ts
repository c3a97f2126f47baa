/**
 * The site's search index: ranked postings in word shards, one small record
 * per article for result cards and excerpts, and filter lists, read by the
 * search page's own script (layouts/assets/search.js). Written from data,
 * never by parsing the built pages.
 *
 * Why our own format and not Pagefind's (which this project wrote until
 * issue 10): one query must download at most 100 KB compressed at 10,000
 * articles, and Pagefind's browser runtime alone is ~80 KB (script, worker,
 * WebAssembly) before it loads a metadata file listing every page (84 KB at
 * 10,000 articles, measured with scripts/bench-search.ts) — over budget before
 * the first word. Here a query loads a ~1 KB manifest, one shard per query
 * word (a few KB), and one record per result shown.
 *
 * Files, under the bundle folder (all but the manifest gzip-compressed JSON,
 * named `.dat` so no server decides to decompress them on the way):
 * - `index.json`: {format, version, docs, buckets, k1, units: {name: file},
 *   years: {year: [first id, last id]}}. Not cached for long.
 * - `v/w/<bucket>.dat`: [[word, [doc id deltas], impacts], …]
 *   for the words whose FNV-1a hash falls in the bucket ({@link bucketOf}),
 *   impacts as one character per article ({@link IMPACT_DIGITS}).
 *   Words are folded (fold.ts) and include adjacent pairs ("_da_nang"): a
 *   pair is how a phrase and words side by side are matched without
 *   positions. An impact is the word's BM25 term weight in the document
 *   (weighted frequency, saturated, normalised by length), 64 levels; the
 *   page multiplies it by the word's IDF, computed from the postings' length.
 * - `v/d/<year>/<n>.dat`: the SearchDocument (search-document.ts) of the
 *   year's n-th article by date ({@link recordPath}).
 * - `v/f/<n>.dat`: doc id deltas of one unit's articles (province filter).
 *
 * A stable layout, so that an editor's one-article commit rewrites a few
 * files, not all 14,000 (issue 9: an unchanged file is linked, not written,
 * by the incremental build):
 * - Document ids are ranks by date, OLDEST first (ties by URL): "newest
 *   first" is descending id order and a year is a range of ids, and a new
 *   article (the usual commit: today's release) takes the next id, so no
 *   other article's id moves. An article dated between others (a back-dated
 *   release, a deletion) does move the ids after it, and then most shards
 *   change: their deltas are what keeps a query under 100 KB. Ids that do
 *   not move need room between them, paid in every posting list. Measured
 *   in session 8 (branch search-stable-ids-experiment, its
 *   scripts/tmp-query-bytes.ts: the twelve-word query of
 *   test/search-bytes.browser.test.ts over 10,000 synthetic records, files
 *   plus 700 bytes of headers each): 88.1 KiB with these ids; 132 KiB with
 *   ids from per-day slots at a load of 0.68, 177 KiB at 0.34; 90.4 / 92.6 KiB
 *   plus a 2.3 / 4.8 KB id list when the words on more than 1/8 of the
 *   articles keep rank ids. And slots still collide: adding one article
 *   moved 6.2 / 1.2 other articles' ids on average at those loads (each a
 *   third of the shards), so the gain was not worth the bytes.
 * - Nothing in a file depends on the corpus as a whole except through
 *   steps: BM25's average length is rounded to a quarter power of two
 *   ({@link stableAverage}), the bucket count to a power of two. An edit
 *   changes the shards of the words whose weight in that article changed
 *   (gained, lost, or another impact level), its record and the manifest.
 * - Paths carry no version: the page fetches `v/…?v=<version>` (the
 *   manifest's version, a hash of every file), so files under `v/` are still
 *   cached for good by URL while their bytes stay put from build to build.
 */
import { createHash } from "node:crypto";
import type { OutputFile } from "../build/output-files.ts";
import type { WeightedWords } from "./fold.ts";
import type { SearchDocument } from "./search-document.ts";
import { CompressedCache, contentKey } from "./compressed-cache.ts";
import { SEARCH_MANIFEST } from "./search-config.ts";

/** Folder of every file but the manifest (cached for good: the page asks for them with `?v=<version>`). */
export const SEARCH_FILES = "v/";

/** Format number; the page refuses a manifest of another format. */
export const SEARCH_FORMAT = 2;

/** BM25 parameters. k1 is higher than the usual 1.2 so that field weights survive saturation. */
export const BM25 = { k1: 2, b: 0.75 } as const;

/**
 * Impact levels 0…63 as one character each (the page reads level + 1 over
 * 64): a string of 10,000 characters compresses far better than a list of
 * numbers. No quote or backslash, so it needs no escaping in JSON.
 */
export const IMPACT_DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

const IMPACT_CODES = Uint8Array.from(IMPACT_DIGITS, (c) => c.charCodeAt(0));
const COMMA = 0x2c;

/** Appends ASCII and UTF-8 to one growing buffer (reused across files). */
export class AsciiWriter {
  private buffer = Buffer.allocUnsafe(1 << 20);
  private length = 0;

  reset(): void {
    this.length = 0;
  }

  private reserve(n: number): void {
    if (this.length + n <= this.buffer.length) return;
    const grown = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.length + n));
    this.buffer.copy(grown, 0, 0, this.length);
    this.buffer = grown;
  }

  byte(b: number): void {
    this.reserve(1);
    this.buffer[this.length++] = b;
  }

  /** A non-negative integer in decimal. */
  int(n: number): void {
    this.reserve(11);
    if (n < 10) {
      this.buffer[this.length++] = 48 + n;
      return;
    }
    let digits = 1;
    for (let x = n; x >= 10; x = Math.floor(x / 10)) digits++;
    for (let i = this.length + digits - 1, x = n; i >= this.length; i--, x = Math.floor(x / 10)) this.buffer[i] = 48 + (x % 10);
    this.length += digits;
  }

  /** Bytes as they are. */
  raw(bytes: Uint8Array, start: number, end: number): void {
    this.reserve(end - start);
    this.buffer.set(bytes.subarray(start, end), this.length);
    this.length += end - start;
  }

  ascii(s: string): void {
    this.reserve(s.length);
    for (let i = 0; i < s.length; i++) this.buffer[this.length++] = s.charCodeAt(i);
  }

  text(s: string): void {
    this.reserve(s.length * 3);
    this.length += this.buffer.write(s, this.length, "utf8");
  }

  /** A copy of what was written. */
  take(): Buffer {
    return Buffer.from(this.buffer.subarray(0, this.length));
  }

  /** What was written, not copied: valid until the next write or reset. */
  view(): Buffer {
    return this.buffer.subarray(0, this.length);
  }
}

/** Bytes of one buffer of {@link FilePacker}. */
const PACK_BYTES = 2 * 1024 * 1024;

/**
 * The index's files, uncompressed, one after the other in 2 MiB buffers,
 * each file a view into one: the compression batches are these buffers as
 * they are (compressed-cache.ts batches contiguous files without copying),
 * not a second copy of every file (~60 MB at 10,000 articles, beside the
 * files themselves, at the build's highest memory), and a file is not a
 * Buffer of its own (records are 2 KB each: Node's 8 KB pool slabs).
 */
class FilePacker {
  private buffer = Buffer.allocUnsafeSlow(PACK_BYTES);
  private used = 0;

  private room(bytes: number): void {
    if (this.used + bytes <= this.buffer.length) return;
    this.buffer = Buffer.allocUnsafeSlow(Math.max(PACK_BYTES, bytes));
    this.used = 0;
  }

  /** `bytes` copied in. */
  bytes(bytes: Uint8Array): Buffer {
    this.room(bytes.length);
    this.buffer.set(bytes, this.used);
    this.used += bytes.length;
    return this.buffer.subarray(this.used - bytes.length, this.used);
  }

  /** `text` written in as UTF-8. */
  text(text: string): Buffer {
    this.room(text.length * 3);
    const start = this.used;
    this.used += this.buffer.write(text, start, "utf8");
    return this.buffer.subarray(start, this.used);
  }
}

/** Words on more than 1/DENSE_SHARE of the articles keep 4 impact levels instead of 64. */
const DENSE_SHARE = 8;

/**
 * Target size of one word shard before compression (a query downloads one
 * per word and pair). What a shard costs a query is mostly the other words
 * in it: at 10,000 articles, a twelve-word query (23 words and pairs)
 * downloaded 137 KB with 24 KB shards (1,024 of them) and 80–85 KB with
 * 4 KB shards (4,096), whose overhead is ~1 KB a word
 * (test/search-bytes.browser.test.ts). Separate files for common words
 * were tried: each then costs a stub shard and a file, and a response's
 * headers (~700 bytes) ate the gain.
 */
const SHARD_TARGET_BYTES = 4 * 1024;
/** At most this many shards (files) whatever the site's size. */
const MAX_BUCKETS = 4096;

/**
 * FNV-1a over UTF-16 code units, the shard of a folded word among `buckets`
 * (a power of two). layouts/assets/search.js has the same function;
 * test/search.test.ts checks they agree.
 */
export function bucketOf(word: string, buckets: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 0x01000193);
  return (h >>> 0) & (buckets - 1);
}

/** One article for the index. */
export interface IndexedArticle {
  /** Its words and pairs with weighted frequencies, ids of the writer's vocabulary. */
  readonly words: WeightedWords;
  readonly document: SearchDocument;
  /** Instant, for the date order of ids. */
  readonly timestamp: number;
  /** Year of its date (Vietnam time). */
  readonly year: number;
  /** Names of the units it is listed under (province filter values). */
  readonly units: readonly string[];
  /**
   * Digest of everything the article's words and record are made from (the
   * build's articleDigest): with it on every article, the writer also
   * returns the {@link IndexState} a later build patches (index-state.ts).
   */
  readonly digest?: string;
}

/** The manifest (`index.json`). */
export interface SearchManifest {
  readonly format: number;
  readonly version: string;
  readonly docs: number;
  readonly buckets: number;
  readonly k1: number;
  readonly units: Readonly<Record<string, number>>;
  readonly years: Readonly<Record<string, readonly [number, number]>>;
}

/**
 * gzip levels, measured on the 10,000-article corpus: shards (24 MB of JSON)
 * 4.65 MB at 6 vs 4.60 MB at 9 for a quarter of the time (1.9 vs 8.2 CPU s);
 * records (53 MB of text) 2,038 bytes each at 4 vs 2,016 at 6, 4 being the
 * fastest level on them.
 */
export const GZIP_LEVEL = { shard: 6, other: 4 } as const;

/** The gzip level of a file under `v/` by its path there. */
export const levelOf = (path: string): number => (path.startsWith("w/") ? GZIP_LEVEL.shard : GZIP_LEVEL.other);

/** A file of the index before compression, with its {@link contentKey}. */
interface IndexItem {
  readonly path: string;
  readonly payload: Buffer;
  readonly key: string;
}

/**
 * Compresses every file (through `cache`: an incremental build compresses
 * only what changed, a cold one on worker threads; compressed-cache.ts).
 * zlib's own asynchronous API (libuv's thread pool, four at a time) was
 * tried first and cost 4.4 CPU seconds for the 14,000 files of 10,000
 * articles against 2.5 synchronously: each call builds a stream, its
 * buffers and callbacks in JavaScript on this thread, so the main thread was
 * busy about as long as the synchronous calls take (measured with
 * test/search-corpus.ts, load average ~10); the workers get a few large
 * messages instead.
 */
function compressAll(items: readonly IndexItem[], cache: CompressedCache): Promise<OutputFile[]> {
  const paths = items.map((item) => item.path);
  // Not async: the bytes are batched for the workers before this returns, and only the caller then holds `items`.
  return cache.gzipAll(items.map((item) => ({ payload: item.payload, level: levelOf(item.path), key: item.key }))).then((compressed) => paths.map((path, i) => ({ path, contents: compressed[i]! })));
}

/**
 * The manifest's version: a digest of every file's name and content key
 * (a digest of its bytes), in the index's order. Made of keys, not bytes, so
 * that a patched index (index-state.ts) names its unchanged files without
 * having their bytes, and gives the version a full build gives.
 */
export function indexVersion(paths: readonly string[], keys: readonly string[]): string {
  const hash = createHash("sha256");
  paths.forEach((name, i) => hash.update(name).update("\0").update(keys[i]!, "latin1").update("\0"));
  return hash.digest("hex").slice(0, 12);
}

/**
 * Where the record of document `id` is: `d/<year>/<id - the year's first id>.dat`,
 * the first year (by first id) whose range holds it. layouts/assets/search.js
 * finds records the same way from the manifest's years.
 */
export function recordPath(yearRanges: readonly (readonly [string, readonly [number, number]])[], id: number): string {
  const found = yearRanges.find(([, [first, last]]) => id >= first && id <= last);
  if (!found) throw new Error(`search index: document ${id} is in no year`);
  return `d/${found[0]}/${id - found[1][0]}.dat`;
}

/**
 * The average document length BM25 normalises by, rounded to the nearest
 * quarter power of two (steps of 19 %): the exact average moves with every
 * article added, and would move every impact level near a rounding edge,
 * i.e. rewrite most shards. Ranking barely notices (b·len/avg within 10 %).
 */
export function stableAverage(average: number): number {
  return 2 ** (Math.round(Math.log2(Math.max(1, average)) * 4) / 4);
}

/** The average BM25 normalises by, for `docs` documents of `totalLength` words in all. */
export function averageOf(totalLength: number, docs: number): number {
  return stableAverage(docs > 0 ? totalLength / docs : 1);
}

/** Impact level (0…63) of a word of weighted frequency `f` in a document of `length` words. */
export function impactLevel(f: number, length: number, averageLength: number): number {
  const { k1, b } = BM25;
  const norm = k1 * (1 - b + (b * length) / averageLength);
  return Math.min(63, Math.round(((f * (k1 + 1)) / (f + norm) / (k1 + 1)) * 63));
}

/** Shards for this many postings: enough buckets for about SHARD_TARGET_BYTES each (≈4 bytes a posting as JSON). */
export function bucketCount(postings: number): number {
  let buckets = 1;
  while (buckets < MAX_BUCKETS && (postings * 4) / buckets > SHARD_TARGET_BYTES) buckets *= 2;
  return buckets;
}

/** Whether a word on `count` of `docs` documents is written with 4 impact levels (see DENSE_SHARE). */
export const isDense = (count: number, docs: number): boolean => count * DENSE_SHARE > docs;

/** Ids by date, oldest first; equal instants by URL (then the order given), so ids do not depend on input order. */
export function dateOrder(articles: readonly { readonly timestamp: number; readonly url: string }[]): number[] {
  return articles
    .map((_, i) => i)
    .sort((a, b) => {
      const x = articles[a]!;
      const y = articles[b]!;
      return x.timestamp - y.timestamp || (x.url < y.url ? -1 : x.url > y.url ? 1 : a - b);
    });
}

/**
 * Writes one word's postings, `[word,[doc id deltas],"impacts"]`, documents
 * `docs[from…to)` ascending with their `levels`. `dense`: 4 levels (as
 * published); `exact`: the 64 levels whatever the word, as the index state
 * keeps them so that a word that stops being dense can be written again.
 */
export function writeEntry(out: AsciiWriter, word: string, docs: ArrayLike<number>, levels: ArrayLike<number>, from: number, to: number, dense: boolean): void {
  out.ascii("[");
  out.text(JSON.stringify(word));
  out.ascii(",[");
  let previous = 0;
  for (let i = from; i < to; i++) {
    if (i > from) out.byte(COMMA);
    out.int(docs[i]! - previous);
    previous = docs[i]!;
  }
  out.ascii('],"');
  for (let i = from; i < to; i++) {
    const level = levels[i]!;
    out.byte(IMPACT_CODES[dense ? (level >> 4) * 16 + 15 : level]!);
  }
  out.ascii('"]');
}

/**
 * What a later build needs to patch this index instead of writing it again
 * (index-state.ts): per document (id order) its URL, digest, length, number
 * of words and pairs, year and the shards its words fall in; per shard its
 * postings with exact impact levels; every compressed file's path and key
 * in the index's order.
 */
export interface IndexState {
  readonly buckets: number;
  /** Sum of the documents' lengths. */
  readonly total: number;
  /** Sum of the documents' word counts: the number of postings. */
  readonly postings: number;
  readonly urls: readonly string[];
  readonly digests: readonly string[];
  readonly lengths: readonly number[];
  readonly counts: readonly number[];
  readonly years: readonly number[];
  /** Per document, a bit per shard ({@link bitmapBytes} bytes each): the shards holding its words. */
  readonly bitmaps: Uint8Array;
  /** Per shard, its entries as JSON with every impact at 64 levels ({@link writeEntry} exact). */
  readonly exact: readonly Buffer[];
  /** Every compressed file (shards, records, unit lists), in the index's order, and its content key. */
  readonly paths: readonly string[];
  readonly keys: readonly string[];
}

/** Bytes of one document's shard bitmap. */
export const bitmapBytes = (buckets: number): number => Math.ceil(buckets / 8);

/** The index: its files (paths relative to the bundle folder), manifest, and the state to patch it from when the articles had digests. */
export interface WrittenIndex {
  readonly files: OutputFile[];
  readonly manifest: SearchManifest;
  readonly state?: IndexState;
  /** A patched index (index-state.ts): how many shards it read and wrote again (the rest were kept as they were). */
  readonly shardsRewritten?: number;
}

/**
 * Accumulates articles (any order) and writes the index. Postings are laid
 * out once at the end in typed arrays indexed by word (a counting sort), so
 * memory stays a few bytes per (article, word).
 */
export class SearchIndexWriter {
  private readonly articles: IndexedArticle[] = [];

  /** @param vocabulary the words the articles' ids refer to (a FoldedWordBag's or the loader's table). */
  constructor(private readonly vocabulary: readonly string[]) {}

  add(article: IndexedArticle): void {
    this.articles.push(article);
  }

  /** Every file of the index, paths relative to the bundle folder. */
  async finish(cache: CompressedCache = CompressedCache.none()): Promise<WrittenIndex> {
    const order = dateOrder(this.articles.map((a) => ({ timestamp: a.timestamp, url: a.document.u })));
    const docs = order.map((i) => this.articles[i]!);
    const words = this.vocabulary;
    const keepState = docs.every((d) => d.digest !== undefined);

    // Postings: counting sort by word id, documents ascending.
    const start = new Int32Array(words.length + 1);
    let totalLength = 0;
    for (const d of docs) {
      totalLength += d.words.length;
      for (const id of d.words.ids) start[id + 1]!++;
    }
    for (let w = 0; w < words.length; w++) start[w + 1]! += start[w]!;
    const fill = start.slice(0, words.length);
    const postingDocs = new Int32Array(start[words.length]!);
    const impacts = new Uint8Array(postingDocs.length);
    const averageLength = averageOf(totalLength, docs.length);
    docs.forEach((d, doc) => {
      const { ids, tf } = d.words;
      for (let i = 0; i < ids.length; i++) {
        const at = fill[ids[i]!]!++;
        postingDocs[at] = doc;
        impacts[at] = impactLevel(tf[i] ?? 0, d.words.length, averageLength);
      }
    });

    const buckets = bucketCount(postingDocs.length);
    const byBucket: number[][] = Array.from({ length: buckets }, () => []);
    const wordBucket = keepState ? new Int32Array(words.length) : undefined;
    for (let w = 0; w < words.length; w++) {
      if (start[w + 1]! <= start[w]!) continue;
      const bucket = bucketOf(words[w] ?? "", buckets);
      byBucket[bucket]!.push(w);
      if (wordBucket) wordBucket[w] = bucket;
    }
    // Words in code unit order within a shard: the files do not depend on the order articles came in.
    for (const ws of byBucket) ws.sort((x, y) => (words[x]! < words[y]! ? -1 : 1));

    const items: IndexItem[] = [];
    const packer = new FilePacker();
    const file = (name: string, payload: Buffer | string, level: number): void => {
      const bytes = typeof payload === "string" ? packer.text(payload) : payload;
      items.push({ path: name, payload: bytes, key: contentKey(bytes, level) });
    };
    // Shards are written as bytes: ~7 million postings as strings and arrays cost more in garbage collection than in work.
    const out = new AsciiWriter();
    const exact: Buffer[] = [];
    byBucket.forEach((ws, bucket) => {
      out.reset();
      out.ascii("[");
      let anyDense = false;
      ws.forEach((w, k) => {
        const from = start[w]!;
        const to = start[w + 1]!;
        // A word on more than one page in DENSE_SHARE weighs little (low IDF) and costs the most bytes: 4 levels.
        const dense = isDense(to - from, docs.length);
        anyDense ||= dense;
        if (k > 0) out.ascii(",");
        writeEntry(out, words[w]!, postingDocs, impacts, from, to, dense);
      });
      out.ascii("]");
      const payload = packer.bytes(out.view());
      file(`w/${bucket}.dat`, payload, GZIP_LEVEL.shard);
      if (!keepState) return;
      if (!anyDense) {
        exact.push(payload);
        return;
      }
      out.reset();
      out.ascii("[");
      ws.forEach((w, k) => {
        if (k > 0) out.ascii(",");
        writeEntry(out, words[w]!, postingDocs, impacts, start[w]!, start[w + 1]!, false);
      });
      out.ascii("]");
      exact.push(out.take());
    });
    // Filters: units as id lists, years as id ranges (ids are in date order).
    const unitDocs = new Map<string, number[]>();
    const years: Record<string, [number, number]> = {};
    docs.forEach((d, id) => {
      for (const unit of new Set(d.units)) {
        const list = unitDocs.get(unit);
        if (list) list.push(id);
        else unitDocs.set(unit, [id]);
      }
      const range = years[String(d.year)];
      if (range) range[1] = id;
      else years[String(d.year)] = [id, id];
    });
    // Records by year (recordPath): an article dated between others moves the ids after it, and
    // so renames the records after it in its own year only, not in every later year.
    const yearRanges = Object.entries(years).sort((x, y) => x[1][0] - y[1][0]);
    docs.forEach((d, id) => file(recordPath(yearRanges, id), JSON.stringify(d.document), GZIP_LEVEL.other));
    const units = unitFiles(unitDocs, file);

    const paths = items.map((item) => item.path);
    const keys = items.map((item) => item.key);
    const manifest: SearchManifest = { format: SEARCH_FORMAT, version: indexVersion(paths, keys), docs: docs.length, buckets, k1: BM25.k1, units, years };
    const compressing = compressAll(items, cache);
    // Their bytes are in the compression batches now (or compressed): the records' ~40 MB (10,000
    // articles) can go while the workers compress. The state keeps the shards' (`exact`).
    items.length = 0;
    const files = (await compressing).map((f) => ({ path: `${SEARCH_FILES}${f.path}`, contents: f.contents }));
    files.push({ path: SEARCH_MANIFEST, contents: JSON.stringify(manifest) });
    if (!keepState || !wordBucket) return { files, manifest };
    const rowBytes = bitmapBytes(buckets);
    const bitmaps = new Uint8Array(docs.length * rowBytes);
    docs.forEach((d, doc) => {
      const row = doc * rowBytes;
      for (const id of d.words.ids) {
        const bucket = wordBucket[id]!;
        bitmaps[row + (bucket >> 3)]! |= 1 << (bucket & 7);
      }
    });
    const state: IndexState = {
      buckets,
      total: totalLength,
      postings: postingDocs.length,
      urls: docs.map((d) => d.document.u),
      digests: docs.map((d) => d.digest ?? ""),
      lengths: docs.map((d) => d.words.length),
      counts: docs.map((d) => d.words.ids.length),
      years: docs.map((d) => d.year),
      bitmaps,
      exact,
      paths,
      keys,
    };
    return { files, manifest, state };
  }
}

/** Unit lists (`f/<n>.dat`, units in code unit order) through `file`; the manifest's units. */
export function unitFiles(unitDocs: ReadonlyMap<string, readonly number[]>, file: (name: string, payload: string, level: number) => void): Record<string, number> {
  const units: Record<string, number> = {};
  [...unitDocs.keys()].sort().forEach((unit, n) => {
    units[unit] = n;
    const ids = unitDocs.get(unit) ?? [];
    file(`f/${n}.dat`, `[${ids.map((id, i) => id - (i > 0 ? ids[i - 1]! : 0)).join(",")}]`, GZIP_LEVEL.other);
  });
  return units;
}

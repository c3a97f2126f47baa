/**
 * Writes a Pagefind bundle (index, filters, sort order, fragments) directly
 * from data, in Pagefind 1.6's file format, for Pagefind's own browser
 * runtime (pagefind.js, its worker and WebAssembly, taken from the installed
 * `pagefind` package at build time).
 *
 * Why not Pagefind's indexer: on 10,000 articles of ~800 words, its Node
 * API (the same Rust indexer as the CLI) took 26–47 s and 2.3–2.9 GiB on
 * this project's 2-core machine, whatever the input shape, while the build
 * must finish everything in 16.2 s under 1 GiB (DEVELOPERS.md). Its time
 * goes to indexing records one at a time, building the index twice per
 * write (service API), and gzip at the highest level, which is pathological
 * on the repetitive integer lists of the index. Writing the same files here
 * takes a few seconds and little memory; see scripts/bench-search.ts.
 *
 * The format is Pagefind's internal one, so it is pinned: the writer runs
 * only when the installed Pagefind reports a version in
 * {@link SUPPORTED_PAGEFIND_VERSIONS}, and test/search.test.ts decodes a
 * bundle from Pagefind's own indexer and one from this writer and requires
 * them to agree. Files (all gzip, beginning with the "pagefind_dcd" marker):
 * - `pagefind.<hash>.pf_meta`: CBOR [version, pages [[fragment key, word
 *   count, fragment file]], index chunks [[from, to, hash]], filters [[name,
 *   hash]], sorts [[name, page numbers in ascending order]], meta field names]
 * - `index/<hash>.pf_index`: CBOR [[[word, pages [[page number delta, locs,
 *   meta locs]], diacritic variants]]]; locs are [-(weight + 1), first
 *   position, position deltas…]
 * - `filter/<hash>.pf_filter`: CBOR [name, [[value, page numbers]]]
 * - `fragment/<hash>.pf_fragment`: JSON {key: {url, content, word_count, filters, meta, anchors}}
 * - `pagefind-entry.json`: version, language → meta hash, page count
 */
import { createHash } from "node:crypto";
import { promisify } from "node:util";
import { gzip as gzipCallback, gzipSync } from "node:zlib";
import * as pagefind from "pagefind";
import type { OutputFile } from "../build/output-files.ts";
import { CborWriter } from "./cbor.ts";

const gzip = promisify(gzipCallback);

/** Pagefind versions whose bundle format this writer produces. */
export const SUPPORTED_PAGEFIND_VERSIONS: readonly string[] = ["1.6.0"];

/** Every compressed Pagefind file starts with this, inside the gzip stream. */
const SIGNATURE = new TextEncoder().encode("pagefind_dcd");

/** Pagefind's weight marker for ordinary content words: -(24 + 1). */
const CONTENT_WEIGHT_MARKER = -25;

/**
 * Target size of one index chunk before compression, with and without
 * positions: what one search term downloads is about 10 KB compressed.
 */
const INDEX_CHUNK_BYTES = { positions: 16 * 1024, noPositions: 96 * 1024 } as const;

/** Pages per fragment file (see `finish`). */
const FRAGMENTS_PER_FILE = 4;

/**
 * A page's words as one string, separated by single spaces (no search word
 * contains one): what the content-loading workers produce and the parse
 * cache keeps (src/search/search-record.ts). Interned straight from the
 * string, without a string per word.
 */
export interface JoinedWords {
  readonly joined: string;
}

/**
 * A page's words as ids into a {@link WordTable}: what the content-loading
 * workers hand over (src/content/parallel-load.ts), so the writer that
 * shares the table interns nothing.
 */
export interface InternedWords {
  readonly ids: Int32Array;
  readonly table: WordTable;
}

/** A page's words as a list. */
export function wordList(words: BundlePage["words"]): readonly string[] {
  if ("ids" in words) return Array.from(words.ids, (id) => words.table.words[id] ?? "");
  return "joined" in words ? (words.joined === "" ? [] : words.joined.split(" ")) : words;
}

/** One page of the index. */
export interface BundlePage {
  readonly url: string;
  /** Searchable words in order, already normalised (lowercase, folded); position = index. */
  readonly words: readonly string[] | JoinedWords | InternedWords;
  /** Text Pagefind keeps for excerpts; "" when results show `meta` only. */
  readonly content: string;
  readonly meta: Readonly<Record<string, string>>;
  readonly filters: Readonly<Record<string, readonly string[]>>;
  readonly sort: Readonly<Record<string, string>>;
}

/** What the browser runtime needs from the installed Pagefind. */
export interface PagefindRuntime {
  readonly version: string;
  /** `wasm` of the entry file: a language with a stemmer, or null for the generic build. */
  readonly wasm: string | null;
  readonly includeCharacters: readonly string[];
  /** pagefind.js, pagefind-worker.js and the WebAssembly, paths relative to the bundle. */
  readonly files: readonly OutputFile[];
}

/** Pagefind's browser files that the site serves (its prebuilt UIs inject styles, against the CSP). */
const RUNTIME_FILE = /^(?:pagefind\.js|pagefind-worker\.js|wasm\.[a-z-]+\.pagefind)$/;

let runtimeJob: Promise<PagefindRuntime> | undefined;

/**
 * Pagefind's browser runtime, from the installed package: one tiny index
 * through the Node API (about 0.2 s), kept for the rest of the process.
 */
export function pagefindRuntime(language: string): Promise<PagefindRuntime> {
  runtimeJob ??= (async () => {
    try {
      const { index, errors } = await pagefind.createIndex({ forceLanguage: language });
      if (!index) throw new Error(`Pagefind did not start: ${errors.join("; ")}`);
      await index.addCustomRecord({ url: "/", content: "pagefind", language, meta: { title: "pagefind" } });
      const got = await index.getFiles();
      if (got.errors.length > 0) throw new Error(`Pagefind: ${got.errors.join("; ")}`);
      const entryFile = got.files.find((f) => f.path === "pagefind-entry.json");
      if (!entryFile) throw new Error("Pagefind's bundle has no pagefind-entry.json");
      const entry = JSON.parse(new TextDecoder().decode(entryFile.content)) as {
        version: string;
        languages: Record<string, { wasm: string | null }>;
        include_characters?: string[];
      };
      return {
        version: entry.version,
        wasm: entry.languages[language]?.wasm ?? null,
        includeCharacters: entry.include_characters ?? [],
        files: got.files.filter((f) => RUNTIME_FILE.test(f.path)).map((f) => ({ path: f.path, contents: f.content })),
      };
    } finally {
      await pagefind.close();
    }
  })();
  runtimeJob.catch(() => {
    runtimeJob = undefined;
  });
  return runtimeJob;
}

/** Compares strings by Unicode code point, as Rust orders `String`s (JavaScript's `<` compares UTF-16 units). */
export function compareCodePoints(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    // Surrogates (U+D800–DFFF) encode code points above U+FFFF: they sort after every other BMP unit.
    const xs = x >= 0xd800 && x <= 0xdfff;
    const ys = y >= 0xd800 && y <= 0xdfff;
    if (xs !== ys) return xs ? 1 : -1;
    return x - y;
  }
  return a.length - b.length;
}

/** Indexes of `words` in code point order of the words (fast path when no word leaves the BMP). */
function sortedIds(words: readonly string[]): number[] {
  const ids = words.map((_, i) => i);
  if (words.some((w) => /[\uD800-\uDFFF]/.test(w))) return ids.sort((a, b) => compareCodePoints(words[a] ?? "", words[b] ?? ""));
  return ids.sort((a, b) => {
    const x = words[a] ?? "";
    const y = words[b] ?? "";
    return x < y ? -1 : x > y ? 1 : 0;
  });
}

/** The first `n` code points. */
function takeChars(s: string, n: number): string {
  return Array.from(s).slice(0, n).join("");
}

/** Shortest prefixes that still tell two neighbouring chunk boundaries apart (Pagefind's `get_prefixes`). */
function boundaryPrefixes(a: string, b: string): [string, string] {
  const ac = Array.from(a);
  const bc = Array.from(b);
  let common = 0;
  while (common < ac.length && common < bc.length && ac[common] === bc[common]) common++;
  return [takeChars(a, common + 1), takeChars(b, common + 1)];
}

/** Pagefind's sort parsing: a key sorts numerically only when every value is a number. */
function sortValues(values: readonly string[]): (a: number, b: number) => number {
  const numeric = values.every((v) => /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/.test(v));
  if (numeric) {
    const nums = values.map((v) => Math.fround(Number(v)));
    return (a, b) => (nums[a] ?? 0) - (nums[b] ?? 0);
  }
  return (a, b) => compareCodePoints(values[a] ?? "", values[b] ?? "");
}

/** Stable short names for content-addressed files, lengthened on a collision. */
class HashNamer {
  private readonly used = new Set<string>();
  constructor(private readonly prefix: string, private readonly length: number) {}
  name(bytes: Uint8Array | string): string {
    const hex = createHash("sha256").update(bytes).digest("hex");
    let len = this.length;
    let candidate = `${this.prefix}${hex.slice(0, len)}`;
    while (this.used.has(candidate) && len < hex.length) candidate = `${this.prefix}${hex.slice(0, ++len)}`;
    this.used.add(candidate);
    return candidate;
  }
}

function withSignature(payload: Uint8Array): Uint8Array {
  const joined = new Uint8Array(SIGNATURE.length + payload.length);
  joined.set(SIGNATURE);
  joined.set(payload, SIGNATURE.length);
  return joined;
}

/**
 * Gzips every payload. Large ones go to libuv's thread pool a few at a time
 * (each zlib stream holds ~300 KB while it runs, so unbounded concurrency
 * over 10,000 files would cost gigabytes); small ones are cheaper inline.
 */
async function compressAll(items: readonly { path: string; payload: Uint8Array }[], level: number): Promise<OutputFile[]> {
  const out: OutputFile[] = new Array<OutputFile>(items.length);
  const large: number[] = [];
  items.forEach((item, i) => {
    if (item.payload.length >= INLINE_GZIP_BYTES) large.push(i);
    else out[i] = { path: item.path, contents: gzipSync(withSignature(item.payload), { level }) };
  });
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < large.length) {
      const i = large[next++] ?? 0;
      const item = items[i];
      if (item) out[i] = { path: item.path, contents: await gzip(withSignature(item.payload), { level }) };
    }
  };
  await Promise.all(Array.from({ length: GZIP_LANES }, lane));
  return out;
}

/** Payloads smaller than this are compressed on the main thread. */
const INLINE_GZIP_BYTES = 4096;
/** Concurrent compressions in the thread pool. */
const GZIP_LANES = 4;

export interface FinishOptions {
  /** gzip level (default 6; Pagefind uses 9, which is many times slower on index data for ~7% less). */
  readonly level?: number;
  /**
   * Record each word's position on its page (default true, as Pagefind
   * does). Positions only serve excerpts and quoted phrases; an index of
   * distinct words, whose results show metadata, has no use for them, and
   * without them (all 0) the index compresses to about a third.
   */
  readonly positions?: boolean;
}

/**
 * Word → id, by open addressing over typed arrays, that can look a word up
 * by its range in a longer string. Interning 10,000 articles × ~900 words
 * through `split(" ")` and a Map allocated nine million strings and took
 * most of the search step; hashing the ranges in place does not allocate.
 */
export class WordTable {
  readonly words: string[] = [];
  private hashes = new Int32Array(1024);
  private slots = new Int32Array(2048).fill(-1);

  private static hash(s: string, start: number, end: number): number {
    let h = 0x811c9dc5 | 0;
    for (let i = start; i < end; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
    return h;
  }

  /** The id of `s.slice(start, end)`, added when new. */
  idOf(s: string, start = 0, end = s.length): number {
    const h = WordTable.hash(s, start, end);
    const mask = this.slots.length - 1;
    const length = end - start;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const id = this.slots[slot]!;
      if (id === -1) {
        const added = this.words.length;
        this.words.push(start === 0 && end === s.length ? s : s.slice(start, end));
        if (added >= this.hashes.length) {
          const grown = new Int32Array(this.hashes.length * 2);
          grown.set(this.hashes);
          this.hashes = grown;
        }
        this.hashes[added] = h;
        this.slots[slot] = added;
        if (this.words.length * 2 > this.slots.length) this.grow();
        return added;
      }
      if (this.hashes[id] === h) {
        const word = this.words[id]!;
        if (word.length === length && (start === 0 && end === s.length ? word === s : WordTable.same(word, s, start))) return id;
      }
    }
  }

  private static same(word: string, s: string, start: number): boolean {
    for (let i = 0; i < word.length; i++) if (word.charCodeAt(i) !== s.charCodeAt(start + i)) return false;
    return true;
  }

  /** Ids of the space-separated words of `joined`, in order. */
  idsOfJoined(joined: string): Int32Array {
    if (joined === "") return new Int32Array(0);
    let count = 1;
    for (let i = joined.indexOf(" "); i !== -1; i = joined.indexOf(" ", i + 1)) count++;
    const ids = new Int32Array(count);
    let start = 0;
    for (let n = 0; n < count; n++) {
      let end = joined.indexOf(" ", start);
      if (end === -1) end = joined.length;
      ids[n] = this.idOf(joined, start, end);
      start = end + 1;
    }
    return ids;
  }

  private grow(): void {
    const slots = new Int32Array(this.slots.length * 2).fill(-1);
    const mask = slots.length - 1;
    for (let id = 0; id < this.words.length; id++) {
      let slot = this.hashes[id]! & mask;
      while (slots[slot] !== -1) slot = (slot + 1) & mask;
      slots[slot] = id;
    }
    this.slots = slots;
  }
}

/**
 * Accumulates pages (in order: the first page added is page 0) and writes
 * the bundle. Words are interned to numbers as pages arrive; the postings
 * are laid out once at the end in two typed arrays (page, position) indexed
 * by word, so 10,000 pages of ~260 words cost tens of megabytes, not hundreds.
 */
export class PagefindBundleWriter {
  private readonly words: string[];
  /** Per page: the ids of its words, in position order. */
  private readonly pageWords: Int32Array[] = [];
  private readonly fragments: { json: string; wordCount: number }[] = [];
  private readonly filters = new Map<string, Map<string, number[]>>();
  private readonly sorts = new Map<string, { pages: number[]; values: string[] }>();
  private readonly metaFields = new Set<string>();

  /**
   * @param table the vocabulary to intern into; pass the loader's (see
   *   InternedWords) so its pages need no interning. Words of the table that
   *   no page uses are left out of the index.
   */
  constructor(
    private readonly language: string,
    private readonly table = new WordTable(),
  ) {
    this.words = table.words;
  }

  get pageCount(): number {
    return this.fragments.length;
  }

  addPage(page: BundlePage): void {
    const number = this.fragments.length;
    const words = page.words;
    let ids: Int32Array;
    if ("ids" in words && words.table === this.table) ids = words.ids;
    else if ("joined" in words) ids = this.table.idsOfJoined(words.joined);
    else if ("ids" in words) ids = Int32Array.from(wordList(words), (word) => this.table.idOf(word));
    else {
      ids = new Int32Array(words.length);
      words.forEach((word, position) => (ids[position] = this.table.idOf(word)));
    }
    this.pageWords.push(ids);
    const sortedFilters: Record<string, string[]> = {};
    for (const name of Object.keys(page.filters).sort(compareCodePoints)) {
      const values = [...new Set(page.filters[name] ?? [])];
      sortedFilters[name] = values;
      let byValue = this.filters.get(name);
      if (!byValue) this.filters.set(name, (byValue = new Map()));
      for (const value of values) {
        let pages = byValue.get(value);
        if (!pages) byValue.set(value, (pages = []));
        pages.push(number);
      }
    }
    for (const [name, value] of Object.entries(page.sort)) {
      let sort = this.sorts.get(name);
      if (!sort) this.sorts.set(name, (sort = { pages: [], values: [] }));
      sort.pages.push(number);
      sort.values.push(value);
    }
    const meta: Record<string, string> = {};
    for (const name of Object.keys(page.meta).sort(compareCodePoints)) {
      meta[name] = page.meta[name] ?? "";
      this.metaFields.add(name);
    }
    const json = JSON.stringify({ url: page.url, content: page.content, word_count: ids.length, filters: sortedFilters, meta, anchors: [] });
    this.fragments.push({ json, wordCount: ids.length });
  }

  /** Postings by word id: for word w, entries start[w]…start[w+1]-1 of `pages`/`positions`, pages ascending. */
  private postings(): { start: Int32Array; pages: Int32Array; positions: Int32Array } {
    const start = new Int32Array(this.words.length + 1);
    for (const ids of this.pageWords) for (const id of ids) start[id + 1]!++;
    for (let w = 0; w < this.words.length; w++) start[w + 1]! += start[w]!;
    const fill = start.slice(0, this.words.length);
    const pages = new Int32Array(start[this.words.length]!);
    const positions = new Int32Array(pages.length);
    for (let page = 0; page < this.pageWords.length; page++) {
      const ids = this.pageWords[page] ?? new Int32Array(0);
      for (let position = 0; position < ids.length; position++) {
        const at = fill[ids[position]!]!++;
        pages[at] = page;
        positions[at] = position;
      }
    }
    return { start, pages, positions };
  }

  /** Encodes and compresses every file of the bundle except the runtime. */
  async finish(runtime: Pick<PagefindRuntime, "version" | "wasm" | "includeCharacters">, options: FinishOptions = {}): Promise<OutputFile[]> {
    const level = options.level ?? 6;
    const withPositions = options.positions ?? true;
    const chunkBytes = withPositions ? INDEX_CHUNK_BYTES.positions : INDEX_CHUNK_BYTES.noPositions;
    const lang = this.language;
    const items: { path: string; payload: Uint8Array }[] = [];
    const file = (path: string, payload: Uint8Array): void => {
      items.push({ path, payload });
    };
    const encoder = new TextEncoder();

    // Fragments, in files of FRAGMENTS_PER_FILE consecutive pages (Pagefind's "fragment groups"):
    // each page gets a short sequential key, each file a content-hash name. The metadata every
    // search loads first then carries a short key per page, and the build writes a quarter of the
    // files; a result costs a reader about 0.9 KB instead of 0.4 KB.
    const groupNames = new HashNamer(`${lang}_`, 7);
    const pageKeys = this.fragments.map((_, i) => i.toString(36));
    const pageGroups: string[] = [];
    for (let first = 0; first < this.fragments.length; first += FRAGMENTS_PER_FILE) {
      const members = this.fragments.slice(first, first + FRAGMENTS_PER_FILE);
      const json = `{${members.map((f, i) => `${JSON.stringify(pageKeys[first + i])}:${f.json}`).join(",")}}`;
      const hash = groupNames.name(json);
      file(`fragment/${hash}.pf_fragment`, encoder.encode(json));
      for (let i = 0; i < members.length; i++) pageGroups.push(hash);
    }

    // Word index: words in code point order, in chunks of about INDEX_CHUNK_BYTES.
    const { start, pages, positions } = this.postings();
    const order = sortedIds(this.words);
    const indexNames = new HashNamer(`${lang}_`, 7);
    const chunks: { from: string; to: string; hash: string }[] = [];
    let entries = new CborWriter();
    let chunkWords: string[] = [];
    const flush = (): void => {
      if (chunkWords.length === 0) return;
      const head = new CborWriter().array(1).array(chunkWords.length).bytes();
      const body = entries.bytes();
      const payload = new Uint8Array(head.length + body.length);
      payload.set(head);
      payload.set(body, head.length);
      const hash = indexNames.name(payload);
      file(`index/${hash}.pf_index`, payload);
      chunks.push({ from: chunkWords[0] ?? "", to: chunkWords[chunkWords.length - 1] ?? "", hash });
      entries = new CborWriter();
      chunkWords = [];
    };
    for (const id of order) {
      if (start[id] === start[id + 1]) continue; // in the table, on no page
      const word = this.words[id] ?? "";
      entries.array(3).text(word).pageList(pages, withPositions ? positions : null, start[id] ?? 0, start[id + 1] ?? 0, CONTENT_WEIGHT_MARKER);
      entries.array(0); // no diacritic variants: the words are folded already
      chunkWords.push(word);
      if (entries.size >= chunkBytes) flush();
    }
    flush();
    for (let i = 0; i + 1 < chunks.length; i++) {
      const [left, right] = [chunks[i]!, chunks[i + 1]!];
      const [to, from] = boundaryPrefixes(left.to, right.from);
      if (compareCodePoints(to, left.from) >= 0) left.to = to;
      right.from = from;
    }

    // Filters: one file per filter, values in code point order, page numbers ascending.
    const filterNames = new HashNamer(`${lang}_`, 7);
    const filterHashes: [string, string][] = [];
    for (const name of [...this.filters.keys()].sort(compareCodePoints)) {
      const byValue = this.filters.get(name) ?? new Map<string, number[]>();
      const w = new CborWriter().array(2).text(name);
      const values = [...byValue.keys()].sort(compareCodePoints);
      w.array(values.length);
      for (const value of values) w.array(2).text(value).ints(byValue.get(value) ?? []);
      const payload = w.bytes();
      const hash = filterNames.name(payload);
      file(`filter/${hash}.pf_filter`, payload);
      filterHashes.push([name, hash]);
    }

    // Metadata, loaded when search starts.
    const meta = new CborWriter().array(6).text(runtime.version);
    meta.array(this.fragments.length);
    this.fragments.forEach((f, i) => meta.array(3).text(pageKeys[i] ?? "").int(f.wordCount).text(pageGroups[i] ?? ""));
    meta.array(chunks.length);
    for (const c of chunks) meta.array(3).text(c.from).text(c.to).text(c.hash);
    meta.array(filterHashes.length);
    for (const [name, hash] of filterHashes) meta.array(2).text(name).text(hash);
    const sortNames = [...this.sorts.keys()].sort(compareCodePoints);
    meta.array(sortNames.length);
    for (const name of sortNames) {
      const sort = this.sorts.get(name) ?? { pages: [], values: [] };
      const sorted = sort.pages.map((_, i) => i).sort(sortValues(sort.values));
      meta.array(2).text(name).ints(sorted.map((i) => sort.pages[i] ?? 0));
    }
    const fields = [...this.metaFields].sort(compareCodePoints);
    meta.array(fields.length);
    for (const f of fields) meta.text(f);
    const metaPayload = meta.bytes();
    const metaHash = `${lang}_${createHash("sha256").update(metaPayload).digest("hex").slice(0, 10)}`;
    file(`pagefind.${metaHash}.pf_meta`, metaPayload);

    const entry = {
      version: runtime.version,
      languages: { [lang]: { hash: metaHash, wasm: runtime.wasm, page_count: this.fragments.length } },
      include_characters: runtime.includeCharacters,
    };
    const files = await compressAll(items, level);
    files.push({ path: "pagefind-entry.json", contents: JSON.stringify(entry) });
    return files;
  }
}

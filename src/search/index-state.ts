/**
 * The search index patched instead of written again (issue 9: an editor's
 * one-article commit must rebuild in a fraction of a full build).
 *
 * A full build (search-index.ts) merges every article's words into postings
 * and lays out 14,000 files at 10,000 articles: 3.3 s of a one-article edit
 * build went there, though an edit changes a handful of those files. The
 * build therefore keeps what it needs to patch the index in
 * `.cache/search-state.bin` ({@link IndexState}: per document its URL,
 * digest, length and the shards its words fall in; per shard its postings
 * with exact impact levels; every file's content key), and the next build,
 * when every kept document keeps its id (an edit; an article dated after
 * all others added, the usual commit; the newest deleted), only
 * - takes each changed article's words out of the shards they were in and
 *   puts its new words in (the shards of its old and new words, read from
 *   the state and written again as bytes, {@link rewriteShard}; after an
 *   edit most come out byte for byte as they were and keep their
 *   compressed file),
 * - when the number of articles changed, also writes again the shards
 *   holding a word that became dense or stopped being dense (found by a scan
 *   of every shard's posting counts, needed when the edge of 1/8 of the
 *   articles moves: every eighth article),
 * - writes the changed articles' records and the unit lists again,
 * - takes every other file's compressed bytes from the compressed-file
 *   cache (compressed-cache.ts) by the key the state names,
 * and gives exactly the files a full build of the same articles gives
 * (test/search-state.test.ts compares them byte for byte).
 *
 * An article added, deleted or re-dated among older ones moves the ids after
 * it: it is patched too, and the shards holding a word of an article whose
 * id moved are written again and compressed (their id deltas change; the
 * state's per-document shard bitmaps name them), and the records after it
 * in its year are renamed. Back-dated by a few days, that is the shards of
 * the few articles after it; in the middle of 10,000 articles, nearly every
 * shard (a common word is on articles after any date): byte-identity with a
 * full build, whose ids are ranks by date, requires it. Ids that never move would need room between them, which costs
 * every posting list bytes: over the 100 KB a query (measured in
 * session 8, see search-index.ts).
 * Anything else — the
 * bucket count or BM25's rounded average length moving, many articles
 * changed, another code version, a state or cache that is missing, damaged
 * or from elsewhere — is a full build, which writes a new state. The state
 * is checked as a whole (format, its own CRC-32, lengths and types) and is
 * never more than a way to be faster: a state that does not parse is
 * ignored.
 */
import { lstatSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import { crc32 } from "node:zlib";
import type { OutputFile } from "../build/output-files.ts";
import { codeDigest } from "../build/build-digest.ts";
import { digest } from "../build/stable-digest.ts";
import { projectCacheDir, readCacheFile } from "../cache/real-dir.ts";
import { CompressedCache, contentKey, writeNewFile } from "./compressed-cache.ts";
import type { WeightedWords } from "./fold.ts";
import type { SearchDocument } from "./search-document.ts";
import { SEARCH_MANIFEST } from "./search-config.ts";
import {
  AsciiWriter,
  BM25,
  GZIP_LEVEL,
  levelOf,
  IMPACT_DIGITS,
  SEARCH_FILES,
  SEARCH_FORMAT,
  averageOf,
  bitmapBytes,
  bucketCount,
  bucketOf,
  impactLevel,
  indexVersion,
  isDense,
  recordPath,
  unitFiles,
  writeEntry,
  type IndexState,
  type SearchManifest,
  type WrittenIndex,
} from "./search-index.ts";

/** File under the project root. */
export const INDEX_STATE_FILE = ".cache/search-state.bin";
const MAGIC = Buffer.from("tong-ket-search-state-1\n");
/** A state larger than this is not read (10,000 articles make 29.6 MB: `ls -l .cache/search-state.bin` of the bench's 10k corpus). */
const MAX_BYTES = 1024 * 1024 * 1024;
const KEY_BYTES = 16;

/**
 * More changed articles than this is a full build. Chosen, not measured:
 * each changed article's shards are parsed and rewritten (unchanged shards
 * only scanned), so the patch's cost grows with the number of changes
 * towards a full build's; `scripts/bench-search.ts` over several counts of
 * changed articles would place the crossing.
 */
export const MAX_PATCHED_ARTICLES = 64;

/** Level of each impact character (IMPACT_DIGITS), -1 for any other code unit. */
const LEVEL_OF = new Int8Array(128).fill(-1);
for (let i = 0; i < IMPACT_DIGITS.length; i++) LEVEL_OF[IMPACT_DIGITS.charCodeAt(i)] = i;

/**
 * What a state is valid for: the code (every file under src/ and layouts/,
 * build-digest.ts), the index format and the zlib and Node versions.
 */
function stateKey(): string {
  return digest(codeDigest(), String(SEARCH_FORMAT), `node ${process.versions.node} zlib ${process.versions.zlib}`);
}

/** One document as the patch takes it, in id (date) order. */
export interface PatchDocument {
  readonly url: string;
  readonly year: number;
  /** The article's digest (the build's articleDigest). */
  readonly digest: string;
  readonly units: readonly string[];
  /** Its words and pairs (ids of the vocabulary given to {@link patchIndex}); asked only when the digest changed. */
  words(): WeightedWords;
  /** Its record; asked only when the digest changed. */
  document(): SearchDocument;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA_CODE = 0x2c;
const OPEN = 0x5b;
const CLOSE = 0x5d;

/** Whether the string {@link stringEnd} last scanned holds an escape (then it is read with JSON.parse). */
let stringEscaped = false;

/**
 * The index just past the JSON string whose opening quote is at `at` in a
 * shard's bytes, or -1 when it does not end; sets {@link stringEscaped}.
 * The one scanner of a shard's words, for reading (postingsIn) and
 * rewriting (rewriteShard): a flag rather than a returned pair keeps the
 * loop over ~700 shards' words free of allocations.
 */
function stringEnd(bytes: Buffer, at: number): number {
  const end = bytes.length;
  let i = at + 1;
  stringEscaped = false;
  while (i < end && bytes[i] !== QUOTE) {
    if (bytes[i] === BACKSLASH) {
      stringEscaped = true;
      i++;
    }
    i++;
  }
  return i >= end ? -1 : i + 1;
}

/** The number {@link numberEnd} last read. */
let numberValue = 0;

/**
 * The index just past the decimal number (1 to 9 digits) at `at` in a
 * shard's bytes, or -1 when there is none; sets {@link numberValue}. A
 * shard's ids are gaps from the previous id: both readers add them up.
 */
function numberEnd(bytes: Buffer, at: number): number {
  const end = bytes.length;
  let i = at;
  let value = 0;
  while (i < end && bytes[i]! >= 0x30 && bytes[i]! <= 0x39) value = value * 10 + bytes[i++]! - 0x30;
  if (i === at || i - at > 9) return -1;
  numberValue = value;
  return i;
}

/** The word of a shard entry whose JSON string lies at `start`–`end` ({@link stringEnd}), or undefined when it is not one. */
function wordAt(bytes: Buffer, start: number, end: number, escaped: boolean): string | undefined {
  const text = bytes.toString("utf8", start, end);
  const word: unknown = escaped ? JSON.parse(text) : text.slice(1, -1);
  return typeof word === "string" ? word : undefined;
}

/**
 * The postings of documents `docs` in a shard's exact form, word → level per
 * document, read without parsing the shard (no array per entry): an edit
 * leaves most of the ~700 shards its words fall in as they were, and this
 * tells which. Undefined when the bytes are not what search-index.ts writes
 * (the caller then parses the shard, which checks it).
 */
function postingsIn(bytes: Buffer, docs: ReadonlySet<number>): Map<number, Map<string, number>> | undefined {
  const found = new Map<number, Map<string, number>>();
  for (const doc of docs) found.set(doc, new Map());
  let at = 0;
  const end = bytes.length;
  if (bytes[at++] !== OPEN) return undefined;
  if (bytes[at] === CLOSE) return at + 1 === end ? found : undefined;
  for (;;) {
    if (bytes[at++] !== OPEN || bytes[at] !== QUOTE) return undefined;
    const wordStart = at;
    at = stringEnd(bytes, at);
    if (at < 0) return undefined;
    const escaped = stringEscaped;
    const wordEnd = at;
    if (bytes[at++] !== COMMA_CODE || bytes[at++] !== OPEN) return undefined;
    let doc = 0;
    let count = 0;
    const hits: [number, number][] = [];
    for (;;) {
      at = numberEnd(bytes, at);
      if (at < 0) return undefined;
      doc += numberValue;
      if (docs.has(doc)) hits.push([doc, count]);
      count++;
      if (bytes[at] === COMMA_CODE) at++;
      else if (bytes[at] === CLOSE) break;
      else return undefined;
    }
    at++;
    if (bytes[at++] !== COMMA_CODE || bytes[at++] !== QUOTE || at + count >= end || bytes[at + count] !== QUOTE) return undefined;
    if (hits.length > 0) {
      const word = wordAt(bytes, wordStart, wordEnd, escaped);
      if (word === undefined) return undefined;
      for (const [d, k] of hits) {
        const code = bytes[at + k]!;
        const level = code < 128 ? LEVEL_OF[code]! : -1;
        if (level < 0) return undefined;
        found.get(d)!.set(word, level);
      }
    }
    at += count + 1;
    if (bytes[at++] !== CLOSE) return undefined;
    if (bytes[at] === COMMA_CODE) at++;
    else if (bytes[at] === CLOSE && at + 1 === end) return found;
    else return undefined;
  }
}

/** Impact character (IMPACT_DIGITS) of each level, exact and as published for a dense word (4 levels). */
const EXACT_CODE = Uint8Array.from({ length: 64 }, (_, level) => IMPACT_DIGITS.charCodeAt(level));
const DENSE_CODE = Uint8Array.from({ length: 64 }, (_, level) => IMPACT_DIGITS.charCodeAt((level >> 4) * 16 + 15));

/** Postings a patch puts into a shard: one word's documents, ids ascending, with exact levels. */
interface NewPostings {
  readonly word: string;
  readonly ids: number[];
  readonly levels: number[];
}

/**
 * A shard in its exact form with every document id `old` renumbered
 * `newOf[old]` (-1: gone) and the postings `fresh` (words in code unit
 * order) merged in, as search-index.ts would write it for `docs`
 * documents: its published bytes and its exact form. Read and written as
 * bytes, without parsing the shard into arrays (JSON.parse of the shards an
 * added article's ~700 words fall in, the common words' long lists among
 * them, was most of the patch's time). Kept ids keep their order (kept
 * articles keep their order by date). Undefined when the bytes are not what
 * search-index.ts writes.
 */
function rewriteShard(bytes: Buffer, newOf: Int32Array, identity: boolean, fresh: readonly NewPostings[], docs: number, out: AsciiWriter, exactOut: AsciiWriter): { payload: Buffer; exact: Buffer } | undefined {
  out.reset();
  exactOut.reset();
  out.byte(OPEN);
  exactOut.byte(OPEN);
  let written = 0;
  let anyDense = false;
  const ids: number[] = [];
  const levels: number[] = [];
  /** Writes one entry (`ids`, `levels`) to both forms; `word` as JSON bytes of `bytes` or a string. */
  const emit = (wordStart: number, wordEnd: number, word: string | undefined): void => {
    if (ids.length === 0) return;
    const dense = isDense(ids.length, docs);
    anyDense ||= dense;
    for (const [w, codes] of [
      [out, dense ? DENSE_CODE : EXACT_CODE],
      [exactOut, EXACT_CODE],
    ] as const) {
      if (written > 0) w.byte(COMMA_CODE);
      w.byte(OPEN);
      if (word === undefined) w.raw(bytes, wordStart, wordEnd);
      else w.text(JSON.stringify(word));
      w.byte(COMMA_CODE);
      w.byte(OPEN);
      let previous = 0;
      for (let k = 0; k < ids.length; k++) {
        if (k > 0) w.byte(COMMA_CODE);
        w.int(ids[k]! - previous);
        previous = ids[k]!;
      }
      w.byte(CLOSE);
      w.byte(COMMA_CODE);
      w.byte(QUOTE);
      for (const level of levels) w.byte(codes[level]!);
      w.byte(QUOTE);
      w.byte(CLOSE);
    }
    written++;
  };
  /** Writes the new postings of a word the shard does not have yet. */
  const emitNew = (p: NewPostings): void => {
    ids.length = 0;
    levels.length = 0;
    ids.push(...p.ids);
    levels.push(...p.levels);
    emit(0, 0, p.word);
  };
  let next = 0;
  let at = 0;
  const end = bytes.length;
  if (bytes[at++] !== OPEN) return undefined;
  if (bytes[at] === CLOSE) {
    if (at + 1 !== end) return undefined;
  } else {
    for (;;) {
      if (bytes[at++] !== OPEN || bytes[at] !== QUOTE) return undefined;
      const wordStart = at;
      at = stringEnd(bytes, at);
      if (at < 0) return undefined;
      const escaped = stringEscaped;
      const wordEnd = at;
      // New postings for words before this one, or for this one: the word is read only while some are left.
      let merge: NewPostings | undefined;
      if (next < fresh.length) {
        const word = wordAt(bytes, wordStart, wordEnd, escaped);
        if (word === undefined) return undefined;
        while (next < fresh.length && fresh[next]!.word < word) emitNew(fresh[next++]!);
        if (next < fresh.length && fresh[next]!.word === word) merge = fresh[next++];
      }
      if (bytes[at++] !== COMMA_CODE || bytes[at++] !== OPEN) return undefined;
      ids.length = 0;
      levels.length = 0;
      const idsStart = at;
      let count = 0;
      let last = 0;
      for (;;) {
        at = numberEnd(bytes, at);
        if (at < 0) return undefined;
        last += numberValue;
        count++;
        if (bytes[at] === COMMA_CODE) at++;
        else if (bytes[at] === CLOSE) break;
        else return undefined;
      }
      const idsEnd = at++;
      if (bytes[at++] !== COMMA_CODE || bytes[at++] !== QUOTE || at + count >= end || bytes[at + count] !== QUOTE) return undefined;
      const levelsAt = at;
      for (let k = levelsAt; k < levelsAt + count; k++) if (bytes[k]! >= 128 || LEVEL_OF[bytes[k]!]! < 0) return undefined;
      if (identity && (!merge || merge.ids[0]! > last)) {
        // No id renumbered, new ones (if any) after all: the entry's bytes again, the new postings appended
        // (an article added after all others: the common words' long lists are copied, not read).
        at += count + 1;
        if (bytes[at++] !== CLOSE || last >= newOf.length) return undefined;
        const added = merge?.ids.length ?? 0;
        const dense = isDense(count + added, docs);
        anyDense ||= dense;
        for (const [w, codes] of [
          [out, dense ? DENSE_CODE : EXACT_CODE],
          [exactOut, EXACT_CODE],
        ] as const) {
          if (written > 0) w.byte(COMMA_CODE);
          w.byte(OPEN);
          w.raw(bytes, wordStart, wordEnd);
          w.byte(COMMA_CODE);
          w.byte(OPEN);
          w.raw(bytes, idsStart, idsEnd);
          let previous = last;
          for (let k = 0; k < added; k++) {
            w.byte(COMMA_CODE);
            w.int(merge!.ids[k]! - previous);
            previous = merge!.ids[k]!;
          }
          w.byte(CLOSE);
          w.byte(COMMA_CODE);
          w.byte(QUOTE);
          if (codes === EXACT_CODE) w.raw(bytes, levelsAt, levelsAt + count);
          else for (let k = levelsAt; k < levelsAt + count; k++) w.byte(codes[LEVEL_OF[bytes[k]!]!]!);
          for (let k = 0; k < added; k++) w.byte(codes[merge!.levels[k]!]!);
          w.byte(QUOTE);
          w.byte(CLOSE);
        }
        written++;
        if (bytes[at] === COMMA_CODE) at++;
        else if (bytes[at] === CLOSE && at + 1 === end) break;
        else return undefined;
        continue;
      }
      // The ids again, renumbered, with their levels; the new postings merged in by id.
      let m = 0;
      let doc = 0;
      let k = 0;
      for (let i = idsStart; k < count; i++) {
        let value = 0;
        while (bytes[i]! !== COMMA_CODE && bytes[i]! !== CLOSE) value = value * 10 + bytes[i++]! - 0x30;
        doc += value;
        if (doc >= newOf.length) return undefined;
        const id = newOf[doc]!;
        const code = bytes[levelsAt + k]!;
        const level = code < 128 ? LEVEL_OF[code]! : -1;
        if (level < 0) return undefined;
        k++;
        if (id < 0) continue;
        while (merge && m < merge.ids.length && merge.ids[m]! < id) {
          ids.push(merge.ids[m]!);
          levels.push(merge.levels[m++]!);
        }
        if (ids.length > 0 && ids[ids.length - 1]! >= id) return undefined;
        ids.push(id);
        levels.push(level);
      }
      while (merge && m < merge.ids.length) {
        ids.push(merge.ids[m]!);
        levels.push(merge.levels[m++]!);
      }
      at += count + 1;
      if (bytes[at++] !== CLOSE) return undefined;
      emit(wordStart, wordEnd, undefined);
      if (bytes[at] === COMMA_CODE) at++;
      else if (bytes[at] === CLOSE && at + 1 === end) break;
      else return undefined;
    }
  }
  while (next < fresh.length) emitNew(fresh[next++]!);
  out.byte(CLOSE);
  exactOut.byte(CLOSE);
  const payload = out.take();
  return { payload, exact: anyDense ? exactOut.take() : payload };
}

/**
 * The posting counts [lo, hi] of the words that are dense among `before`
 * documents and not among `after`, or the other way round (isDense), or
 * undefined when there are none (the usual case: the edge moves every
 * eighth article).
 */
function denseEdge(before: number, after: number): [number, number] | undefined {
  let lo = -1;
  let hi = -1;
  // isDense is c·8 > docs: the counts between the two edges.
  for (let c = Math.floor(Math.min(before, after) / 8); c <= Math.ceil(Math.max(before, after) / 8) + 1; c++) {
    if (isDense(c, before) === isDense(c, after)) continue;
    if (lo < 0) lo = c;
    hi = c;
  }
  return lo < 0 ? undefined : [lo, hi];
}

/**
 * Whether a shard in its exact form has a word on between `lo` and `hi`
 * documents, read without parsing it; undefined when the bytes are not what
 * search-index.ts writes.
 */
function hasCountIn(bytes: Buffer, lo: number, hi: number): boolean | undefined {
  let at = 0;
  const end = bytes.length;
  if (bytes[at++] !== OPEN) return undefined;
  if (bytes[at] === CLOSE) return at + 1 === end ? false : undefined;
  for (;;) {
    if (bytes[at++] !== OPEN || bytes[at++] !== QUOTE) return undefined;
    while (at < end && bytes[at] !== QUOTE) at += bytes[at] === BACKSLASH ? 2 : 1;
    if (at++ >= end || bytes[at++] !== COMMA_CODE || bytes[at++] !== OPEN) return undefined;
    // The impact string has one character per document: its length is the count.
    while (at < end && bytes[at] !== CLOSE) at++;
    if (bytes[++at] !== COMMA_CODE || bytes[++at] !== QUOTE) return undefined;
    const first = ++at;
    while (at < end && bytes[at] !== QUOTE) at++;
    if (at >= end) return undefined;
    const count = at - first;
    if (count >= lo && count <= hi) return true;
    if (bytes[++at] !== CLOSE) return undefined;
    at++;
    if (bytes[at] === COMMA_CODE) at++;
    else if (bytes[at] === CLOSE && at + 1 === end) return false;
    else return undefined;
  }
}

/**
 * Whether a shard keeps its bytes when the documents `gone` are replaced,
 * at the same ids, by documents with the postings `added` (ids did not
 * move, so nothing else in the shard changes).
 */
function unchangedShard(bytes: Buffer, gone: ReadonlySet<number>, added: readonly { word: string; doc: number; level: number }[] | undefined): boolean {
  const old = postingsIn(bytes, gone);
  if (!old) return false;
  const fresh = new Map<number, Map<string, number>>();
  for (const { word, doc, level } of added ?? []) {
    let postings = fresh.get(doc);
    if (!postings) fresh.set(doc, (postings = new Map()));
    postings.set(word, level);
  }
  for (const doc of gone) {
    const before = old.get(doc)!;
    const after = fresh.get(doc) ?? new Map<string, number>();
    if (before.size !== after.size) return false;
    for (const [word, level] of before) if (after.get(word) !== level) return false;
  }
  // A posting of a document that was not gone would be a new document at a new id: ids moved.
  for (const doc of fresh.keys()) if (!gone.has(doc)) return false;
  return true;
}

/**
 * The index of `docs` (id order) patched from `state`, the index of the
 * previous build; undefined when it cannot be patched (see the header): then
 * the caller writes it in full. `vocabulary` names the ids of the documents'
 * words. Files unchanged since the state's build come from `cache`.
 */
export async function patchIndex(state: IndexState, docs: readonly PatchDocument[], vocabulary: readonly string[], cache: CompressedCache): Promise<WrittenIndex | undefined> {
  const n = docs.length;
  const before = state.urls.length;
  const { buckets } = state;
  if (n === 0 || !cache.enabled) return undefined;
  // Documents kept (same URL, digest and year): their old id; the others are new words and a new record.
  const oldIdOf = new Map<string, number>();
  state.urls.forEach((url, id) => oldIdOf.set(url, id));
  const oldOf = new Int32Array(n).fill(-1);
  const newOf = new Int32Array(before).fill(-1);
  const fresh: number[] = [];
  // Whether a kept document's id moved (an article added, deleted or re-dated before others):
  // then the shards of those documents' words change, their id deltas do. Not when only the
  // newest articles come or go.
  let moved = false;
  for (let id = 0; id < n; id++) {
    const d = docs[id]!;
    const old = oldIdOf.get(d.url);
    if (old !== undefined && state.digests[old] === d.digest && state.years[old] === d.year) {
      oldOf[id] = old;
      newOf[old] = id;
      moved ||= old !== id;
    } else fresh.push(id);
  }
  const gone: number[] = [];
  for (let old = 0; old < before; old++) if (newOf[old]! < 0) gone.push(old);
  if (fresh.length > MAX_PATCHED_ARTICLES || gone.length > MAX_PATCHED_ARTICLES) return undefined;
  const words = fresh.map((id) => docs[id]!.words());
  let total = state.total;
  let postings = state.postings;
  for (const old of gone) {
    total -= state.lengths[old]!;
    postings -= state.counts[old]!;
  }
  fresh.forEach((_, k) => {
    total += words[k]!.length;
    postings += words[k]!.ids.length;
  });
  // Every impact level, or the shards themselves, would move: a full build.
  const average = averageOf(total, n);
  if (bucketCount(postings) !== buckets || average !== averageOf(state.total, before)) return undefined;

  // The shards to parse: those of the old words of the documents gone and the words of the new
  // ones; when ids moved, those of the words of every kept document whose id moved (a posting
  // list holding none of them, nor a document gone or new, keeps its ids and so its bytes: an
  // article back-dated by a few days moves the ids of the few after it, and only their shards
  // change); and, when the number of documents changed, those with a word that becomes dense or
  // stops being dense (written with other levels).
  const rowBytes = bitmapBytes(buckets);
  const edge = n === before ? undefined : denseEdge(before, n);
  const bitmaps = new Uint8Array(n * rowBytes);
  for (let id = 0; id < n; id++) {
    const old = oldOf[id]!;
    if (old >= 0) bitmaps.set(state.bitmaps.subarray(old * rowBytes, (old + 1) * rowBytes), id * rowBytes);
  }
  const affected = new Uint8Array(rowBytes);
  const touch = (old: number): void => {
    for (let i = 0, row = old * rowBytes; i < rowBytes; i++) affected[i]! |= state.bitmaps[row + i]!;
  };
  for (const old of gone) touch(old);
  if (moved) for (let old = 0; old < before; old++) if (newOf[old]! >= 0 && newOf[old] !== old) touch(old);
  const added = new Map<number, { word: string; doc: number; level: number }[]>();
  fresh.forEach((id, k) => {
    const row = id * rowBytes;
    const { ids, tf, length } = words[k]!;
    for (let i = 0; i < ids.length; i++) {
      const word = vocabulary[ids[i]!];
      if (word === undefined) throw new Error(`search index: word id ${ids[i]} is not in the vocabulary`);
      const bucket = bucketOf(word, buckets);
      bitmaps[row + (bucket >> 3)]! |= 1 << (bucket & 7);
      affected[bucket >> 3]! |= 1 << (bucket & 7);
      const list = added.get(bucket);
      const posting = { word, doc: id, level: impactLevel(tf[i] ?? 0, length, average) };
      if (list) list.push(posting);
      else added.set(bucket, [posting]);
    }
  });

  const goneSet = new Set(gone);
  // The new postings by shard, word (code unit order, as shards are written) and id.
  const freshIn = new Map<number, NewPostings[]>();
  for (const [bucket, list] of added) {
    const byWord = new Map<string, NewPostings>();
    for (const { word, doc, level } of [...list].sort((x, y) => x.doc - y.doc)) {
      let p = byWord.get(word);
      if (!p) byWord.set(word, (p = { word, ids: [], levels: [] }));
      p.ids.push(doc);
      p.levels.push(level);
    }
    freshIn.set(bucket, [...byWord.values()].sort((x, y) => (x.word < y.word ? -1 : x.word > y.word ? 1 : 0)));
  }
  const exact = state.exact.slice();
  const paths: string[] = [];
  const keys: string[] = [];
  /** Files written again: index in `paths` → bytes. */
  const rewritten = new Map<number, Buffer>();
  const out = new AsciiWriter();
  const exactOut = new AsciiWriter();
  let shardsRewritten = 0;
  for (let bucket = 0; bucket < buckets; bucket++) {
    paths.push(`w/${bucket}.dat`);
    keys.push(state.keys[bucket]!);
    let flips = false;
    if (edge) {
      const found = hasCountIn(state.exact[bucket]!, edge[0], edge[1]);
      if (found === undefined) return undefined;
      flips = found;
    }
    if (!flips && (affected[bucket >> 3]! & (1 << (bucket & 7))) === 0) continue;
    // Ids did not move: a shard where every document gone had exactly the postings the new one at its id has is unchanged.
    if (!moved && !flips && unchangedShard(state.exact[bucket]!, goneSet, added.get(bucket))) continue;
    // Here the shard changes: ids moved, or unchangedShard found a posting not put back as it was.
    const shard = rewriteShard(state.exact[bucket]!, newOf, !moved && gone.length === 0, freshIn.get(bucket) ?? [], n, out, exactOut);
    if (!shard) return undefined;
    shardsRewritten++;
    exact[bucket] = shard.exact;
    const key = contentKey(shard.payload, GZIP_LEVEL.shard);
    if (key !== keys[bucket]) {
      keys[bucket] = key;
      rewritten.set(bucket, shard.payload);
    }
  }

  // Records: a kept document's record has the same bytes (its key), perhaps under a new name; new ones are written.
  const years: Record<string, [number, number]> = {};
  const unitDocs = new Map<string, number[]>();
  docs.forEach((d, id) => {
    const range = years[String(d.year)];
    if (range) range[1] = id;
    else years[String(d.year)] = [id, id];
    for (const unit of new Set(d.units)) {
      const list = unitDocs.get(unit);
      if (list) list.push(id);
      else unitDocs.set(unit, [id]);
    }
  });
  const yearRanges = Object.entries(years).sort((x, y) => x[1][0] - y[1][0]);
  for (let id = 0; id < n; id++) {
    const at = paths.length;
    paths.push(recordPath(yearRanges, id));
    const old = oldOf[id]!;
    if (old >= 0) {
      const key = state.keys[buckets + old];
      if (key === undefined) return undefined;
      keys.push(key);
      continue;
    }
    const payload = Buffer.from(JSON.stringify(docs[id]!.document()));
    keys.push(contentKey(payload, GZIP_LEVEL.other));
    rewritten.set(at, payload);
  }
  // Unit lists: a few small files, made again (a changed article may have changed its unit).
  const unitItems: { path: string; payload: Buffer; key: string }[] = [];
  const units = unitFiles(unitDocs, (name, text, level) => {
    const payload = Buffer.from(text);
    unitItems.push({ path: name, payload, key: contentKey(payload, level) });
  });
  const listed = paths.length;
  for (const item of unitItems) {
    paths.push(item.path);
    keys.push(item.key);
  }

  // Compressed bytes: unchanged files from the cache (all of them, or a full build), the rest compressed now.
  for (let i = 0; i < listed; i++) if (!rewritten.has(i) && !cache.has(keys[i]!)) return undefined;
  const contents: Buffer[] = new Array<Buffer>(paths.length);
  for (let i = 0; i < listed; i++) if (!rewritten.has(i)) contents[i] = cache.take(keys[i]!)!;
  const made = [...rewritten.keys()];
  const compressing = cache.gzipAll([
    ...made.map((i) => ({ payload: rewritten.get(i)!, level: levelOf(paths[i]!), key: keys[i]! })),
    ...unitItems.map((item) => ({ payload: item.payload, level: GZIP_LEVEL.other, key: item.key })),
  ]);
  // Batched for compression already (gzipAll): the uncompressed copies can go while it runs.
  rewritten.clear();
  const compressed = await compressing;
  made.forEach((i, k) => (contents[i] = compressed[k]!));
  unitItems.forEach((_, k) => (contents[listed + k] = compressed[made.length + k]!));

  const manifest: SearchManifest = { format: SEARCH_FORMAT, version: indexVersion(paths, keys), docs: n, buckets, k1: BM25.k1, units, years };
  const files: OutputFile[] = paths.map((p, i) => ({ path: `${SEARCH_FILES}${p}`, contents: contents[i]! }));
  files.push({ path: SEARCH_MANIFEST, contents: JSON.stringify(manifest) });
  const freshAt = new Map(fresh.map((id, k) => [id, k]));
  const from = <T>(kept: readonly T[], made: (k: number) => T): T[] =>
    docs.map((_, id) => {
      const old = oldOf[id]!;
      return old >= 0 ? kept[old]! : made(freshAt.get(id)!);
    });
  return {
    files,
    manifest,
    shardsRewritten,
    state: {
      buckets,
      total,
      postings,
      urls: docs.map((d) => d.url),
      digests: docs.map((d) => d.digest),
      lengths: from(state.lengths, (k) => words[k]!.length),
      counts: from(state.counts, (k) => words[k]!.ids.length),
      years: docs.map((d) => d.year),
      bitmaps,
      exact,
      paths,
      keys,
    },
  };
}

/** The header of the state file (the rest is binary: keys, bitmaps, shards). */
interface StateHeader {
  readonly key: string;
  readonly buckets: number;
  readonly total: number;
  readonly postings: number;
  readonly urls: string[];
  readonly digests: string[];
  readonly lengths: number[];
  readonly counts: number[];
  readonly years: number[];
  readonly paths: string[];
  /** Where each shard's exact form ends in its section. */
  readonly exactEnds: number[];
}

const isCount = (v: unknown): v is number => typeof v === "number" && Number.isSafeInteger(v) && v >= 0;
const strings = (v: unknown, n: number): v is string[] => Array.isArray(v) && v.length === n && v.every((s) => typeof s === "string");
/** Sum of counts already checked (isCount each, so no NaN; a sum past 2^53 is not a safe count and fails the comparison). */
const sum = (list: readonly number[]): number => list.reduce((x, y) => x + y, 0);
const counts = (v: unknown, n: number): v is number[] => Array.isArray(v) && v.length === n && v.every(isCount);

/** The header when `value` is one for this key, else undefined. */
function checkedHeader(value: unknown, key: string): StateHeader | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const h = value as Record<string, unknown>;
  if (h["key"] !== key || !isCount(h["buckets"]) || !isCount(h["total"]) || !isCount(h["postings"])) return undefined;
  const buckets = h["buckets"];
  const urls = h["urls"];
  if (buckets < 1 || buckets > 1 << 16 || !Array.isArray(urls)) return undefined;
  const n = urls.length;
  if (!strings(urls, n) || !strings(h["digests"], n) || !counts(h["lengths"], n) || !counts(h["counts"], n) || !counts(h["years"], n)) return undefined;
  const paths = h["paths"];
  if (!Array.isArray(paths) || paths.length < buckets + n || !strings(paths, paths.length) || !counts(h["exactEnds"], buckets)) return undefined;
  // The sums the patch starts from must be the sums of what the state lists: a forged `total`
  // would move BM25's average, and so the impact level of every article the patch writes.
  if (h["total"] !== sum(h["lengths"]) || h["postings"] !== sum(h["counts"])) return undefined;
  return value as StateHeader;
}

/** The index state of one project, read from and written to `.cache/search-state.bin`. */
export class IndexStateFile {
  private constructor(private readonly file: string | undefined) {}

  /** The state file of a project; none when `.cache` cannot be used safely. */
  static forProject(rootDir: string | undefined): IndexStateFile {
    if (rootDir === undefined) return new IndexStateFile(undefined);
    return new IndexStateFile(projectCacheDir(rootDir) ? path.join(rootDir, INDEX_STATE_FILE) : undefined);
  }

  /** No state: every index written in full, nothing kept. */
  static none(): IndexStateFile {
    return new IndexStateFile(undefined);
  }

  get enabled(): boolean {
    return this.file !== undefined;
  }

  /** The previous build's state, when there is a sound one for this code. */
  read(): IndexState | undefined {
    if (!this.file) return undefined;
    const bytes = readCacheFile(this.file, MAX_BYTES);
    if (!bytes) return undefined; // absent (written after this build), or not a file of ours
    try {
      if (bytes.length < MAGIC.length + 8 || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) return undefined;
      const body = bytes.subarray(MAGIC.length, bytes.length - 4);
      if (crc32(body) !== bytes.readUInt32LE(bytes.length - 4)) return undefined;
      const headerLength = body.readUInt32LE(0);
      if (4 + headerLength > body.length) return undefined;
      const header = checkedHeader(JSON.parse(body.toString("utf8", 4, 4 + headerLength)), stateKey());
      if (!header) return undefined;
      const n = header.urls.length;
      const rowBytes = bitmapBytes(header.buckets);
      let at = 4 + headerLength;
      const keysEnd = at + header.paths.length * KEY_BYTES;
      const bitmapsEnd = keysEnd + n * rowBytes;
      const exactEnd = bitmapsEnd + (header.exactEnds[header.buckets - 1] ?? 0);
      if (exactEnd !== body.length) return undefined;
      const keys = header.paths.map((_, i) => body.toString("latin1", at + i * KEY_BYTES, at + (i + 1) * KEY_BYTES));
      at = keysEnd;
      const bitmaps = new Uint8Array(body.subarray(at, bitmapsEnd));
      const exact: Buffer[] = [];
      let start = 0;
      for (const end of header.exactEnds) {
        if (end < start) return undefined;
        exact.push(body.subarray(bitmapsEnd + start, bitmapsEnd + end));
        start = end;
      }
      const { key: _key, exactEnds: _ends, ...rest } = header;
      return { ...rest, keys, bitmaps, exact };
    } catch {
      return undefined; // damaged: a full build
    }
  }

  /** Keeps `state` for the next build (none: the file is removed, so no stale state outlives its index). */
  save(state: IndexState | undefined): void {
    if (!this.file) return;
    try {
      const st = lstatSync(this.file, { throwIfNoEntry: false });
      if (st && !st.isFile()) return; // something planted where the state goes: leave it alone
      if (!state) {
        rmSync(this.file, { force: true });
        return;
      }
      const exactEnds: number[] = [];
      let end = 0;
      for (const shard of state.exact) exactEnds.push((end += shard.length));
      const header: StateHeader = {
        key: stateKey(),
        buckets: state.buckets,
        total: state.total,
        postings: state.postings,
        urls: [...state.urls],
        digests: [...state.digests],
        lengths: [...state.lengths],
        counts: [...state.counts],
        years: [...state.years],
        paths: [...state.paths],
        exactEnds,
      };
      const headerBytes = Buffer.from(JSON.stringify(header));
      const length = Buffer.alloc(4);
      length.writeUInt32LE(headerBytes.length);
      const keys = Buffer.alloc(state.keys.length * KEY_BYTES);
      state.keys.forEach((k, i) => keys.write(k, i * KEY_BYTES, KEY_BYTES, "latin1"));
      const body = [length, headerBytes, keys, state.bitmaps, ...state.exact];
      const crc = Buffer.alloc(4);
      crc.writeUInt32LE(body.reduce((value, part) => crc32(part, value), 0));
      const temporary = `${this.file}.${process.pid}.tmp`;
      try {
        writeNewFile(temporary, [MAGIC, ...body, crc]);
        renameSync(temporary, this.file);
      } catch {
        rmSync(temporary, { force: true });
      }
    } catch {
      // A state that cannot be written only makes the next build slower.
    }
  }
}

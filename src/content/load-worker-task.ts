/**
 * The content-loading task of the build's worker threads: reads, checks
 * and renders a group of article files (as loadArticleFile does), folds
 * each article's search words (src/search/search-record.ts), and keeps both
 * in the parse cache when the loader asks for it.
 *
 * SafeHtml does not survive structured cloning (its brand is a symbol), so
 * bodies travel as strings, or, when the loader gives a body store
 * (src/content/body-store.ts), are written there and travel as spans;
 * parallel-load.ts re-wraps them. Search words
 * travel as ids of this worker's vocabulary (one FoldedWordBag per worker),
 * with the words the parent has not seen yet: a few thousand strings per
 * reply instead of ~900 per article; a cached article's words travel as the
 * cache's line instead (LoadedArticle.line). Each article's digest is made
 * here and cached with it (LoadedArticle.digest).
 */
import { closeSync } from "node:fs";
import { articleDigest } from "../build/stable-digest.ts";
import { ParseCacheShard, contentHash, readCachedTexts, type ShardTexts } from "../cache/parse-cache.ts";
import type { CachedArticle, CachedSpans, CachedTexts } from "../cache/cached-article.ts";
import { BODY_FIELD } from "../images/body-images.ts";
import { FoldedWordBag } from "../search/fold.ts";
import { joinWords, searchWords } from "../search/search-record.ts";
import type { TaskOutput } from "../workers/protocol.ts";
import type { Article } from "./article.ts";
import { writeBody, type BodySpan, type SharedBodyStore } from "./body-store.ts";
import { problemError, tryReadContentFile } from "./content-files.ts";
import type { ContentError } from "./errors.ts";
import { LIMITS } from "./limits.ts";
import { checkArticleUses, parseArticleFile } from "./load-content.ts";
import type { FileUse, ParseResult } from "./parse-article.ts";

export interface LoadTaskInput {
  readonly rootDir: string;
  /** Content folder relative to rootDir (default "content"): every read stays inside it. */
  readonly contentDir?: string;
  /** Paths relative to rootDir, as scanContent gives them. */
  readonly files: readonly string[];
  /** Use the parse cache: its folder, the shard all `files` belong to, the key, and the shard's blob files on disk. */
  readonly cache?: { readonly dir: string; readonly shard: string; readonly key: string; readonly blobs?: readonly string[] };
  /** The loader's body store (src/content/body-store.ts): bodies are written there and travel as spans. */
  readonly bodies?: SharedBodyStore;
}

/** A parsed article on its way to the parent thread. */
export interface LoadedArticle {
  readonly article: CachedArticle;
  readonly bodyHtml: string;
  /** Search words and pairs: ids of this worker's vocabulary (search-record.ts); empty with `line`. */
  readonly ids: Int32Array;
  /** Their weighted frequencies, same positions as `ids`. */
  readonly tf: Uint16Array;
  /** Words in the article's searchable texts (document length for ranking). */
  readonly length: number;
  /** Its articleDigest (src/build/stable-digest.ts): made here, in parallel, and kept in the parse cache. */
  readonly digest: string;
  /**
   * An article from the parse cache: its search words as the cache keeps
   * them (search-record.ts joinWords), read only if the search step needs
   * them. An edit build's search step patches the previous index
   * (src/search/index-state.ts) and needs the words of changed articles
   * only: splitting and numbering every cached line here was a third of a
   * warm build's load workers' time.
   */
  readonly line?: string;
  /**
   * Where the body HTML and plain text were written in the loader's body
   * store, when it gave one: `bodyHtml` and `article.bodyText` are then
   * empty. Bodies go from this thread to the store, never through the
   * parent's heap.
   */
  readonly spans?: { readonly html: BodySpan; readonly text: BodySpan };
  /**
   * Where the texts lie in the group's parse-cache blob (LoadTaskOutput.blob):
   * `bodyHtml` and `article.bodyText` are then empty, and an article from the
   * cache (`line` and `ids` empty) has its search words there too.
   */
  readonly cached?: CachedSpans;
}

/** loadArticleFile's result, with the article as it travels between threads. */
export type LoadTaskResult =
  | { readonly ok: true; readonly value: LoadedArticle; readonly warnings: readonly ContentError[]; readonly uses: readonly FileUse[] }
  | Extract<ParseResult, { ok: false }>;

export interface LoadTaskOutput {
  /** One per input file, in order. */
  readonly results: readonly LoadTaskResult[];
  /** Files answered from the cache. */
  readonly hits: number;
  /** Words this worker's vocabulary gained since its previous reply, in id order. */
  readonly vocabulary: readonly string[];
  /**
   * The group's parse-cache blob when results have `cached` spans: the
   * loader opens it (parse-cache.ts openCacheBlob) for its body store. Its
   * texts are checked when read unless `checked`.
   */
  readonly blob?: { readonly name: string; readonly bytes: number; readonly ino: number; readonly checked: boolean };
}

/** The words of an article sent as a line (shared: nothing transfers an empty buffer). */
const NO_IDS = new Int32Array(0);
const NO_TF = new Uint16Array(0);

/** One per worker: it caches folded tokens across articles, and its ids are the worker's vocabulary. */
let bag: FoldedWordBag | undefined;
/** Words of `bag` already sent to the parent. */
let sent = 0;

/**
 * The files a cached article uses, as the parser lists them (the image of
 * the front matter, then pictures of the body next to the article): they are
 * not part of the article's bytes, so a hit checks them again.
 */
function usesOf(article: CachedArticle): FileUse[] {
  const uses: FileUse[] = [];
  const image = article.image;
  if (image?.sourceFile) uses.push({ path: image.sourceFile, field: "image.src", value: image.sourceFile.slice(image.sourceFile.lastIndexOf("/") + 1) });
  for (const picture of article.bodyImages) if (picture.sourceFile) uses.push({ path: picture.sourceFile, field: BODY_FIELD, value: picture.src, line: picture.line });
  return uses;
}

/**
 * Parses (or takes from the cache) each file of the group. Every read goes
 * through content-files.ts (regular files inside content/, size limits):
 * the bytes read are the bytes hashed and the bytes parsed. Only articles
 * without errors or warnings are cached (warnings and errors are produced
 * fresh, and a hit needs nothing but the article).
 *
 * With a body store, the texts of the cached articles stay in the shard's
 * blob (parse-cache.ts) and travel as spans with its descriptor; the rest
 * are written to the store. Without one, every text travels as a string.
 */
export function loadArticlesTask(input: LoadTaskInput): TaskOutput<LoadTaskOutput> {
  bag ??= new FoldedWordBag({ pairs: true });
  const words = bag;
  const contentDir = input.contentDir ?? "content";
  const shard = input.cache ? new ParseCacheShard(input.cache.dir, input.cache.shard, input.cache.key, input.cache.blobs) : undefined;
  let hits = 0;
  const parse = (file: string, bytes: Uint8Array, sha256: string | undefined): LoadTaskResult => {
    const result = parseArticleFile(input.rootDir, file, bytes, contentDir);
    if (!result.ok) {
      if (shard && sha256) shard.set(file, sha256, undefined);
      return result;
    }
    const value = loaded(result.article, words);
    if (shard && sha256) {
      const texts = { bodyHtml: value.bodyHtml, bodyText: value.article.bodyText, words: joinWords(value, (id) => words.word(id)) };
      shard.set(file, sha256, result.warnings.length === 0 ? { article: value.article, digest: value.digest, texts } : undefined);
    }
    return { ok: true, value, warnings: result.warnings, uses: result.uses };
  };
  /** `file` read and parsed, never cached: its cached texts failed their check. */
  const parseAgain = (file: string): LoadTaskResult => {
    hits--;
    const read = tryReadContentFile(input.rootDir, file, LIMITS.articleBytes, undefined, contentDir);
    return read.ok ? parse(file, read.bytes, undefined) : { ok: false, errors: [problemError(file, read.problem)], warnings: [], uses: [] };
  };
  let results: LoadTaskResult[];
  let blob: ShardTexts | undefined;
  try {
    results = input.files.map((file): LoadTaskResult => {
      const read = tryReadContentFile(input.rootDir, file, LIMITS.articleBytes, undefined, contentDir);
      if (!read.ok) return { ok: false, errors: [problemError(file, read.problem)], warnings: [], uses: [] };
      const sha256 = shard ? contentHash(read.bytes) : undefined;
      if (shard && sha256) {
        const hit = shard.get(file, sha256);
        const uses = hit ? usesOf(hit.article) : [];
        // A problem with a used file: parse again, which reports it.
        if (hit && checkArticleUses(input.rootDir, file, uses, contentDir).length === 0) {
          hits++;
          return { ok: true, value: { article: hit.article, bodyHtml: "", ids: NO_IDS, tf: NO_TF, length: 0, digest: hit.digest, cached: hit.spans }, warnings: [], uses };
        }
      }
      return parse(file, read.bytes, sha256);
    });
    if (shard) {
      const done = shard.finish();
      blob = done.texts;
      const reparse = new Set(done.failed);
      results = results.map((result, i) => {
        const file = input.files[i]!;
        if (reparse.has(file)) return parseAgain(file);
        if (!result.ok) return result;
        const spans = blob?.spans.get(file);
        if (spans) return { ...result, value: { ...result.value, article: { ...result.value.article, bodyText: "" }, bodyHtml: "", cached: spans } };
        // The cache could not be written: a hit's texts come as read back.
        const texts = done.read.get(file);
        return texts ? { ...result, value: withTexts(result.value, texts) } : result;
      });
    }
  } catch (error) {
    shard?.close();
    if (blob) closeSync(blob.fd);
    throw error;
  }
  if (blob && !input.bodies) {
    // No store to adopt the blob: every text travels as a string, checked here.
    const fd = blob.fd;
    results = results.map((result, i) => {
      if (!result.ok || !result.value.cached) return result;
      const texts = readCachedTexts(fd, result.value.article, result.value.cached);
      return texts ? { ...result, value: withTexts(result.value, texts) } : parseAgain(input.files[i]!);
    });
    closeSync(fd);
    blob = undefined;
  }
  const vocabulary: string[] = [];
  for (; sent < words.wordCount; sent++) vocabulary.push(words.word(sent));
  const transfer = results.flatMap((r) => (r.ok && r.value.ids.length > 0 ? [r.value.ids.buffer as ArrayBuffer, r.value.tf.buffer as ArrayBuffer] : []));
  const bodies = input.bodies;
  const answers = bodies ? results.map((r) => (r.ok && !r.value.cached ? { ...r, value: stored(r.value, bodies) } : r)) : results;
  if (blob) closeSync(blob.fd);
  return { output: { results: answers, hits, vocabulary, ...(blob ? { blob: { name: blob.name, bytes: blob.bytes, ino: blob.ino, checked: blob.checked } } : {}) }, transfer };
}

/**
 * `value` with its texts as strings, out of the blob; the search words as
 * the cache's line for an article from the cache (a fresh one has its ids).
 */
function withTexts(value: LoadedArticle, texts: CachedTexts): LoadedArticle {
  const fromCache = value.line === undefined && value.ids.length === 0;
  return { ...value, article: { ...value.article, bodyText: texts.bodyText }, bodyHtml: texts.bodyHtml, cached: undefined, ...(fromCache ? { line: texts.words } : {}) };
}

/** `value` with its body and text written to the store, as spans. */
function stored(value: LoadedArticle, bodies: SharedBodyStore): LoadedArticle {
  let spans: LoadedArticle["spans"];
  try {
    spans = { html: writeBody(bodies, value.bodyHtml), text: writeBody(bodies, value.article.bodyText) };
  } catch {
    // The scratch file cannot take it (a full disk, a quota): this body stays in the message, as without a
    // store. The build must not stop for a cache's sake (a full .cache only made builds slower before).
    return value;
  }
  return { ...value, article: { ...value.article, bodyText: "" }, bodyHtml: "", spans };
}

function loaded(article: Article, bag: FoldedWordBag): LoadedArticle {
  const { body, ...rest } = article;
  const w = searchWords(article, bag);
  return { article: rest, bodyHtml: body.value, ids: w.ids, tf: w.tf, length: w.length, digest: articleDigest(article) };
}

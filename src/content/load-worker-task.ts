/**
 * The content-loading task of the build's worker threads: reads, checks
 * and renders a group of article files (loadArticleFile, unchanged), folds
 * each article's search words (src/search/search-record.ts), and keeps both
 * in the parse cache when the loader asks for it.
 *
 * SafeHtml does not survive structured cloning (its brand is a symbol), so
 * bodies travel as strings; parallel-load.ts re-wraps them. Search words
 * travel as ids of this worker's vocabulary (one FoldedWordBag per worker),
 * with the words the parent has not seen yet: a few thousand strings per
 * reply instead of ~900 per article.
 */
import { existsSync, lstatSync, readFileSync } from "node:fs";
import path from "node:path";
import { ParseCacheShard, contentHash } from "../cache/parse-cache.ts";
import type { PlainArticle } from "../cache/cached-article.ts";
import { FoldedWordBag } from "../search/fold.ts";
import { joinWords, searchWordIds } from "../search/search-record.ts";
import type { TaskOutput } from "../workers/protocol.ts";
import type { Article } from "./article.ts";
import type { ContentError } from "./errors.ts";
import { loadArticleFile } from "./load-content.ts";

export interface LoadTaskInput {
  readonly rootDir: string;
  /** Paths relative to rootDir, as listArticleFiles gives them. */
  readonly files: readonly string[];
  /** Use the parse cache: its folder, the shard all `files` belong to, and the key. */
  readonly cache?: { readonly dir: string; readonly shard: string; readonly key: string };
}

/** A parsed article on its way to the parent thread. */
export interface LoadedArticle {
  readonly article: PlainArticle["article"];
  readonly bodyHtml: string;
  /** Search words: ids of this worker's vocabulary. */
  readonly ids: Int32Array;
}

export type LoadTaskResult = { readonly ok: true; readonly value: LoadedArticle } | { readonly ok: false; readonly errors: readonly ContentError[] };

export interface LoadTaskOutput {
  /** One per input file, in order. */
  readonly results: readonly LoadTaskResult[];
  /** Files answered from the cache. */
  readonly hits: number;
  /** Words this worker's vocabulary gained since its previous reply, in id order. */
  readonly vocabulary: readonly string[];
}

/** Files larger than this are never hashed for the cache (the loader applies its own limits). */
const MAX_CACHED_FILE_BYTES = 8 * 1024 * 1024;

/** One per worker: it caches folded tokens across articles, and its ids are the worker's vocabulary. */
let bag: FoldedWordBag | undefined;
/** Words of `bag` already sent to the parent. */
let sent = 0;

/** The file's bytes' hash, or undefined when it is not a plain file of a sensible size. */
function hashOf(rootDir: string, file: string): string | undefined {
  try {
    const full = path.join(rootDir, file);
    const st = lstatSync(full);
    if (!st.isFile() || st.size > MAX_CACHED_FILE_BYTES) return undefined;
    return contentHash(readFileSync(full));
  } catch {
    return undefined;
  }
}

/** Parses (or takes from the cache) each file of the group. */
export function loadArticlesTask(input: LoadTaskInput): TaskOutput<LoadTaskOutput> {
  bag ??= new FoldedWordBag({ pairs: true });
  const words = bag;
  const shard = input.cache ? new ParseCacheShard(input.cache.dir, input.cache.shard, input.cache.key) : undefined;
  let hits = 0;
  /** Parsed files to cache, written after the run (see TaskOutput.later): the ids are copied, the originals are transferred. */
  const toCache: { file: string; sha256: string; value: LoadedArticle | undefined }[] = [];
  const results = input.files.map((file): LoadTaskResult => {
    const before = shard ? hashOf(input.rootDir, file) : undefined;
    if (shard && before) {
      const hit = shard.get(file, before);
      // The image next to the article is checked again: it is not part of the article's bytes.
      if (hit && (!hit.article.image?.sourceFile || existsSync(path.join(input.rootDir, hit.article.image.sourceFile)))) {
        hits++;
        const ids = hit.words === "" ? new Int32Array(0) : Int32Array.from(hit.words.split(" "), (w) => words.wordId(w));
        return { ok: true, value: { article: hit.article, bodyHtml: hit.bodyHtml, ids } };
      }
    }
    const result = loadArticleFile(input.rootDir, file);
    const value = result.ok ? loaded(result.article, words) : undefined;
    // Cache only what was parsed from the bytes that were hashed (the file did not change meanwhile).
    if (shard && before && hashOf(input.rootDir, file) === before) toCache.push({ file, sha256: before, value: value && { ...value, ids: value.ids.slice() } });
    return value ? { ok: true, value } : { ok: false, errors: result.ok ? [] : result.errors };
  });
  const later = shard
    ? (): void => {
        for (const { file, sha256, value } of toCache) shard.set(file, sha256, value && { article: value.article, bodyHtml: value.bodyHtml, words: joinWords(value.ids, words) });
        shard.save();
      }
    : undefined;
  const vocabulary: string[] = [];
  for (; sent < words.wordCount; sent++) vocabulary.push(words.word(sent));
  const transfer = results.flatMap((r) => (r.ok ? [r.value.ids.buffer as ArrayBuffer] : []));
  return { output: { results, hits, vocabulary }, transfer, ...(later ? { later } : {}) };
}

function loaded(article: Article, bag: FoldedWordBag): LoadedArticle {
  const { body, ...rest } = article;
  return { article: rest, bodyHtml: body.value, ids: searchWordIds(article, bag) };
}

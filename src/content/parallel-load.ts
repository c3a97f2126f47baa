/**
 * Loads articles on all cores, with the parse cache. Parsing, rendering and
 * folding search words are pure per file, so files are handed to the
 * build's worker pool (src/workers/pool.ts) in groups — one parse-cache
 * shard per group (src/cache/parse-cache.ts), so each shard is read and
 * rewritten by one thread — and the results are put back in file order:
 * output is identical to a serial or one-worker load (BUILD_THREADS=1).
 * Small sites load in-process without the cache: starting a worker costs
 * more than parsing a few hundred files.
 */
import type { Article } from "./article.ts";
import { ContentValidationError } from "./errors.ts";
import { BodyStore, lazyProperty, storedProperty, type BodySource } from "./body-store.ts";
import { scanContent } from "./content-files.ts";
import { assembleLoad, loadArticleFile, loadContent, type LoadOptions, type LoadResult } from "./load-content.ts";
import type { ParseResult } from "./parse-article.ts";
import type { LoadedArticle, LoadTaskInput, LoadTaskOutput, LoadTaskResult } from "./load-worker-task.ts";
import { openCacheBlob, parseCacheDir, parseCacheKey, pruneShards, shardOf } from "../cache/parse-cache.ts";
import { cachedTextsUsable } from "../cache/cached-article.ts";
import { explain, getLanguage, t } from "../messages/index.ts";
import { getProvince } from "../provinces.ts";
import { rememberArticleDigest } from "../build/stable-digest.ts";
import { trustedHtml } from "../safe-html.ts";
import { WordTable } from "../search/word-table.ts";
import { rememberSearchWords } from "../search/search-record.ts";
import { workerBundle } from "../workers/bundle.ts";
import { BUILD_TASKS } from "../workers/build-tasks.ts";
import { BUILD_WORKER, runInWorkers, workersStopped } from "../workers/pool.ts";

/** Below this many files, load in-process. */
export const PARALLEL_THRESHOLD = 400;

export interface ParallelLoadOptions extends LoadOptions {
  /** Worker threads (default: BUILD_THREADS or every core). */
  readonly threads?: number;
  /** Load in-process below this many files (default {@link PARALLEL_THRESHOLD}). */
  readonly minFiles?: number;
  /** Use the parse cache in `<rootDir>/.cache/parse/` (default true). */
  readonly cache?: boolean;
}

export interface ParallelLoadResult extends LoadResult {
  /** Files whose parse result came from the cache. */
  readonly cacheHits: number;
  /**
   * Resolves when the parse cache is written and the workers have exited:
   * each worker writes a group's shard right after handing over its
   * articles. A build need not wait; a test that loads again right away does.
   */
  readonly cacheSaved: Promise<void>;
}

/** Where a worker's result lies: the store, and the group's adopted blob (with whether its texts still need their check). */
interface Sources {
  readonly store: BodyStore | undefined;
  /** Undefined for a worker's blob the loader could not open again: its articles' texts come from their files, parsed again. */
  readonly blob?: { readonly source: BodySource; readonly checked: boolean } | undefined;
  /** Parses a file again, in this thread: for a cached text that fails its check when read. */
  readonly reparse: (file: string) => Article;
}

/** Rebuilds a full Article from a worker's result (restores SafeHtml and registry identity). */
function revive(result: LoadTaskResult, table: WordTable, sources: Sources): ParseResult {
  if (!result.ok) return result;
  const loaded = result.value;
  const store = sources.store;
  const province = getProvince(loaded.article.province.id) ?? loaded.article.province;
  // The body is markdown-it output rendered with raw HTML disabled in the
  // worker, or a cached copy of it checked by cached-article.ts.
  const article: Article = { ...loaded.article, province, body: trustedHtml(loaded.bodyHtml) };
  if (loaded.spans) {
    if (!store) throw new Error("a load worker wrote a body to a store the loader did not give");
    storedProperty(article, "body", store, loaded.spans.html, trustedHtml);
    storedProperty(article, "bodyText", store, loaded.spans.text, (text) => text);
  }
  const words = loaded.cached ? cachedTexts(article, loaded, sources) : loaded.line;
  rememberArticleDigest(article, loaded.digest);
  // Ids were translated to `table` when the worker's reply arrived.
  rememberSearchWords(article, words ?? { ids: loaded.ids, tf: loaded.tf, length: loaded.length }, table);
  return { ok: true, article, warnings: result.warnings, uses: result.uses };
}

/**
 * Makes `article`'s body and text read from the group's parse-cache blob
 * (checked as they are read when the blob is not this build's; one that
 * fails comes from the file, parsed again) and returns how its search words
 * are read, when they are the cache's.
 */
function cachedTexts(article: Article, loaded: LoadedArticle, sources: Sources): string | (() => string) | undefined {
  const { store, blob, reparse } = sources;
  const cached = loaded.cached;
  if (!store || !cached) throw new Error("a load worker sent texts of a parse-cache file the loader was not given");
  const file = article.sourcePath;
  if (!blob) {
    // The blob is gone (another build on this folder replaced it): the file parsed again gives the texts; the search step folds them.
    lazyProperty(article, "body", () => reparse(file).body);
    lazyProperty(article, "bodyText", () => reparse(file).bodyText);
    return "";
  }
  const { source } = blob;
  // A text of a blob this build did not write is checked when read, until it has passed once.
  let htmlOk = blob.checked;
  let textOk = blob.checked;
  storedProperty(article, "body", store, cached.html, (html) => trustedHtml((htmlOk ||= cachedTextsUsable(article, { bodyHtml: html })) ? html : reparse(file).body.value), source);
  storedProperty(article, "bodyText", store, cached.text, (text) => ((textOk ||= cachedTextsUsable(article, { bodyText: text })) ? text : reparse(file).bodyText), source);
  // A fresh article's words came as ids; a cached one's are read if the search step asks. A line that fails its check is no line: the article is folded again.
  if (loaded.ids.length > 0 || loaded.line !== undefined) return loaded.line;
  return () => {
    const line = store.read(cached.words, source);
    return blob.checked || cachedTextsUsable(article, { words: line }) ? line : "";
  };
}

/** Like loadContent, on worker threads with the parse cache for sites of {@link PARALLEL_THRESHOLD} files or more. */
export async function loadContentParallel(options: ParallelLoadOptions): Promise<ParallelLoadResult> {
  const scan = scanContent(options.rootDir, options.contentDir);
  const files = scan.articles;
  if (files.length < (options.minFiles ?? PARALLEL_THRESHOLD)) return { ...loadContent(options), cacheHits: 0, cacheSaved: Promise.resolve() };
  const cacheDir = options.cache === false ? undefined : parseCacheDir(options.rootDir);
  const key = cacheDir ? parseCacheKey((await workerBundle(BUILD_WORKER)).version, getLanguage()) : "";
  const groups = new Map<string, string[]>();
  for (const file of files) {
    const shard = shardOf(file);
    const group = groups.get(shard);
    if (group) group.push(file);
    else groups.set(shard, [file]);
  }
  const blobs = cacheDir ? pruneShards(cacheDir, new Set(groups.keys())) : new Map<string, string[]>();
  // Bodies go from the workers to the store (off the heap) and wait there until a page, feed or search record asks for them.
  const store = BodyStore.open(options.rootDir);
  const inputs: LoadTaskInput[] = [...groups.keys()].sort().map((shard) => ({
    rootDir: options.rootDir,
    ...(options.contentDir !== undefined ? { contentDir: options.contentDir } : {}),
    files: groups.get(shard) ?? [],
    ...(cacheDir ? { cache: { dir: cacheDir, shard, key, blobs: blobs.get(shard) ?? [] } } : {}),
    ...(store ? { bodies: store.shared } : {}),
  }));
  // Each worker numbers search words in its own vocabulary; as its replies
  // arrive (in the order it wrote them), map its ids into one table.
  const table = new WordTable();
  const translations: number[][] = [];
  const translate = (output: LoadTaskOutput, _index: number, worker: number): void => {
    const map = (translations[worker] ??= []);
    for (const word of output.vocabulary) map.push(table.idOf(word));
    for (const result of output.results) {
      if (!result.ok) continue;
      const ids = result.value.ids;
      for (let i = 0; i < ids.length; i++) ids[i] = map[ids[i]!]!;
    }
  };
  const outputs = await runInWorkers<LoadTaskInput, LoadTaskOutput>(BUILD_WORKER, BUILD_TASKS.loadArticles, inputs, {
    ...(options.threads !== undefined ? { threads: options.threads } : {}),
    label: t("workers.task.loadArticles"),
    describeInput: (i) => t("workers.input.files", { first: inputs[i]?.files[0] ?? "", more: (inputs[i]?.files.length ?? 1) - 1 }),
    onOutput: translate,
  });
  // A cached text that fails its check when read: the file parsed again here, once.
  const reparsed = new Map<string, Article>();
  const reparse = (file: string): Article => {
    const known = reparsed.get(file);
    if (known) return known;
    const result = loadArticleFile(options.rootDir, file, options.contentDir);
    if (!result.ok) throw new ContentValidationError([{ file, ...explain("content.read.changedDuringBuild") }, ...result.errors]);
    reparsed.set(file, result.article);
    return result.article;
  };
  const byFile = new Map<string, { result: LoadTaskResult; sources: Sources }>();
  let cacheHits = 0;
  outputs.forEach((output, i) => {
    cacheHits += output.hits;
    const blob = output.blob;
    // The blob's descriptor is the store's from now on (closed with it); without a store, workers send no blob.
    const fd = blob && store && cacheDir ? openCacheBlob(cacheDir, blob) : undefined;
    const sources: Sources = { store, reparse, blob: fd !== undefined && blob && store ? { source: store.adopt(fd, blob.bytes), checked: blob.checked } : undefined };
    inputs[i]?.files.forEach((file, j) => {
      const result = output.results[j];
      if (result) byFile.set(file, { result, sources });
    });
  });
  // Back in file order, through the serial loader's own assembly: identical results.
  const results = files.map((file) => {
    const entry = byFile.get(file);
    if (!entry) throw new Error(`content loading returned no result for ${file}`);
    return revive(entry.result, table, entry.sources);
  });
  return { ...assembleLoad(scan, results, options), cacheHits, cacheSaved: workersStopped() };
}

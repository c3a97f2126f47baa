/**
 * Loads articles on all cores. Parsing and rendering is pure per file, so
 * the file list is split into contiguous shares, one worker thread each;
 * results come back in file order, so output is identical to a serial load.
 * Small sites load in-process: starting a worker costs more than it saves.
 */
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { compareNewestFirst, type Article } from "./article.ts";
import type { ContentError } from "./errors.ts";
import { crossCheck, listArticleFiles, loadContent, type LoadOptions, type LoadResult } from "./load-content.ts";
import { getProvince } from "../provinces.ts";
import { trustedHtml } from "../safe-html.ts";
import { getLanguage } from "../messages/index.ts";

/** What a worker sends back per file. */
export type WorkerResult = { readonly ok: true; readonly article: Omit<Article, "body">; readonly bodyHtml: string } | { readonly ok: false; readonly errors: readonly ContentError[] };

/** Below this many files, load in-process. */
export const PARALLEL_THRESHOLD = 400;

function runWorker(rootDir: string, files: readonly string[]): Promise<WorkerResult[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL("./load-worker.mjs", import.meta.url), { workerData: { rootDir, files, lang: getLanguage() } });
    worker.once("message", (results: WorkerResult[]) => {
      resolve(results);
      void worker.terminate();
    });
    worker.once("error", reject);
    worker.once("exit", (code) => {
      if (code !== 0) reject(new Error(`content worker exited with code ${code}`));
    });
  });
}

/** Rebuilds a full Article from a worker's result (restores SafeHtml and registry identity). */
function revive(result: Extract<WorkerResult, { ok: true }>): Article {
  const province = getProvince(result.article.province.id) ?? result.article.province;
  // The body is markdown-it output rendered with raw HTML disabled in the worker.
  return { ...result.article, province, body: trustedHtml(result.bodyHtml) };
}

/** Like loadContent, using worker threads for large sites. */
export async function loadContentParallel(options: LoadOptions & { readonly threads?: number; readonly minFilesPerThread?: number }): Promise<LoadResult> {
  const files = listArticleFiles(options.rootDir, options.contentDir);
  const perThread = options.minFilesPerThread ?? PARALLEL_THRESHOLD;
  const threads = Math.max(1, Math.min(options.threads ?? availableParallelism(), Math.floor(files.length / perThread)));
  if (threads <= 1) return loadContent(options);
  const articles: Article[] = [];
  const errors: ContentError[] = [];
  const share = Math.ceil(files.length / threads);
  const shares = Array.from({ length: threads }, (_, i) => files.slice(i * share, (i + 1) * share));
  for (const results of await Promise.all(shares.map((s) => runWorker(options.rootDir, s)))) {
    for (const result of results) {
      if (!result.ok) errors.push(...result.errors);
      else if (!result.article.draft || options.includeDrafts) articles.push(revive(result));
    }
  }
  errors.push(...crossCheck(articles));
  articles.sort(compareNewestFirst);
  return { articles, errors, fileCount: files.length };
}

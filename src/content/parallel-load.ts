/**
 * Loads articles on all cores. Parsing and rendering is pure per file, so
 * the file list is split into contiguous shares, one worker thread each;
 * results come back in file order, so output is identical to a serial load.
 * Small sites load in-process: starting a worker costs more than it saves.
 */
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { Article } from "./article.ts";
import { scanContent } from "./content-files.ts";
import { assembleLoad, loadContent, type LoadOptions, type LoadResult } from "./load-content.ts";
import type { ParseResult } from "./parse-article.ts";
import { getLanguage } from "../messages/index.ts";
import { getProvince } from "../provinces.ts";
import { trustedHtml } from "../safe-html.ts";

/** What a worker sends back per file. */
export type WorkerResult = (Omit<Extract<ParseResult, { ok: true }>, "article"> & { readonly article: Omit<Article, "body">; readonly bodyHtml: string }) | Extract<ParseResult, { ok: false }>;

/** Below this many files, load in-process. */
export const PARALLEL_THRESHOLD = 400;

function runWorker(rootDir: string, files: readonly string[], contentDir?: string): Promise<WorkerResult[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL("./load-worker.mjs", import.meta.url), { workerData: { rootDir, files, lang: getLanguage(), contentDir } });
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
function revive(result: WorkerResult): ParseResult {
  if (!result.ok) return result;
  const province = getProvince(result.article.province.id) ?? result.article.province;
  // The body is markdown-it output rendered with raw HTML disabled in the worker.
  return { ok: true, article: { ...result.article, province, body: trustedHtml(result.bodyHtml) }, warnings: result.warnings, uses: result.uses };
}

/** Like loadContent, using worker threads for large sites. */
export async function loadContentParallel(options: LoadOptions & { readonly threads?: number; readonly minFilesPerThread?: number }): Promise<LoadResult> {
  const scan = scanContent(options.rootDir, options.contentDir);
  const files = scan.articles;
  const perThread = options.minFilesPerThread ?? PARALLEL_THRESHOLD;
  const threads = Math.max(1, Math.min(options.threads ?? availableParallelism(), Math.floor(files.length / perThread)));
  if (threads <= 1) return loadContent(options);
  const share = Math.ceil(files.length / threads);
  const shares = Array.from({ length: threads }, (_, i) => files.slice(i * share, (i + 1) * share));
  const results = await Promise.all(shares.map((s) => runWorker(options.rootDir, s, options.contentDir)));
  return assembleLoad(scan, results.flat().map(revive), options);
}

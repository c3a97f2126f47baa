/**
 * Parses a share of the article files in a worker thread and posts the
 * results back. SafeHtml does not survive structured cloning (its brand is a
 * symbol), so the rendered body travels as a string and is re-wrapped by
 * the loader on the main thread. Messages are produced in the caller's
 * language (worker threads do not share its globals).
 */
import { parentPort, workerData } from "node:worker_threads";
import { setLanguage, type Lang } from "../messages/index.ts";
import { loadArticleFile } from "./load-content.ts";
import type { WorkerResult } from "./parallel-load.ts";

const { rootDir, files, lang, contentDir } = workerData as { rootDir: string; files: string[]; lang: Lang; contentDir?: string };
setLanguage(lang);
const results: WorkerResult[] = files.map((file) => {
  const result = loadArticleFile(rootDir, file, contentDir);
  if (!result.ok) return result;
  const { body, ...rest } = result.article;
  return { ok: true, article: rest, bodyHtml: body.value, warnings: result.warnings, uses: result.uses };
});
parentPort?.postMessage(results);

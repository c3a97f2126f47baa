/**
 * Parses a share of the article files in a worker thread and posts the
 * results back. SafeHtml does not survive structured cloning (its brand is a
 * symbol), so the rendered body travels as a string and is re-wrapped by
 * the loader on the main thread.
 */
import { parentPort, workerData } from "node:worker_threads";
import { loadArticleFile } from "./load-content.ts";
import type { WorkerResult } from "./parallel-load.ts";
import { setLanguage, type Lang } from "../messages/index.ts";

const { rootDir, files, lang } = workerData as { rootDir: string; files: string[]; lang: Lang };
// Worker threads do not share the main thread's globals: messages must come out in the caller's language.
setLanguage(lang);
const results: WorkerResult[] = files.map((file) => {
  const result = loadArticleFile(rootDir, file);
  if (!result.ok) return { ok: false, errors: result.errors };
  const { body, ...rest } = result.article;
  return { ok: true, article: rest, bodyHtml: body.value };
});
parentPort?.postMessage(results);

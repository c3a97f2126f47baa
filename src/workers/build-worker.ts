/**
 * Entry of the build's worker threads (bundled by bundle.ts, started by
 * pool.ts): content loading, QR encoding and walking the previous output. Keep it free of Eleventy,
 * Pagefind and the pool itself, so the bundle stays small.
 */
import { walkOutputTask } from "../build/walk-output.ts";
import { loadArticlesTask } from "../content/load-worker-task.ts";
import { encodeQrTask } from "../links/qr-worker-task.ts";
import { BUILD_TASKS } from "./build-tasks.ts";
import { serveTasks } from "./serve.ts";

serveTasks({
  [BUILD_TASKS.loadArticles]: loadArticlesTask,
  [BUILD_TASKS.encodeQr]: encodeQrTask,
  [BUILD_TASKS.walkOutput]: walkOutputTask,
});

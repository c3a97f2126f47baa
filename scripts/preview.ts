/**
 * `npm start`: live preview of the site at http://127.0.0.1:8080 (PORT and
 * HOST override). Edits under content/ appear in open browsers at once.
 *
 * Stopping it stops the server: Ctrl+C, SIGTERM or SIGHUP close it, and so
 * does the end of the process that started it (npm killed with SIGKILL, a
 * closed terminal), so no orphan keeps the port.
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { ContentValidationError, formatContentErrors } from "../src/content/errors.ts";
import { resolveLanguage, setLanguage, t } from "../src/messages/index.ts";
import { PreviewPortInUseError, startPreview } from "../src/preview/preview-server.ts";

const { values } = parseArgs({ options: { root: { type: "string" }, port: { type: "string" }, host: { type: "string" }, lang: { type: "string" } } });
setLanguage(resolveLanguage(values.lang));

const parent = process.ppid;
let preview: Awaited<ReturnType<typeof startPreview>>;
try {
  preview = await startPreview({
    ...(values.root ? { rootDir: path.resolve(values.root) } : {}),
    port: Number(values.port ?? process.env["PORT"] ?? 8080),
    host: values.host ?? process.env["HOST"] ?? "127.0.0.1",
  });
} catch (error) {
  if (error instanceof PreviewPortInUseError || error instanceof ContentValidationError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}

let stopping = false;
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  await preview.close();
  console.log(t("preview.stopped"));
  process.exit(0);
}
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, () => void stop());
// The process that started us is gone (its pid's child is now adopted by another process).
setInterval(() => {
  if (process.ppid !== parent) void stop();
}, 500).unref();

const site = preview.current();
console.log(t("preview.started", { count: site.data.model.articles.length, url: `${preview.url}${site.data.layout.config.basePath}/` }));
if (site.errors.length > 0) console.log(formatContentErrors(site.errors));

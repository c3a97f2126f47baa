/**
 * `npm run admin`: the web editor on this checkout. Starts the live preview
 * (http://127.0.0.1:8080) and Decap's local backend server next to it
 * (http://127.0.0.1:8081); the editor at http://127.0.0.1:8080/admin/ saves
 * straight into content/ and the preview shows it.
 *
 *   node --import tsx scripts/admin.ts [--port 8080] [--cms-port 8081] [--root .] [--lang en]
 *
 * Stops like `npm start` (scripts/preview.ts): Ctrl+C, SIGTERM or SIGHUP, or
 * the end of the process that started it, so no orphan keeps the ports.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { LocalServerError, startLocalServer, type LocalServer } from "../src/cms/local-server.ts";
import { adminSettingsFromEnv } from "../src/cms/settings.ts";
import { ContentValidationError, formatContentErrors } from "../src/content/errors.ts";
import { explain, resolveLanguage, setLanguage, t } from "../src/messages/index.ts";
import { PreviewPortInUseError, startPreview, type PreviewServer } from "../src/preview/preview-server.ts";

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

const USAGE = "npm run admin -- [--port 8080] [--cms-port 8081] [--root DIR] [--lang en]";
let values: { port?: string | undefined; "cms-port"?: string | undefined; root?: string | undefined; lang?: string | undefined };
try {
  ({ values } = parseArgs({ options: { port: { type: "string" }, "cms-port": { type: "string" }, root: { type: "string" }, lang: { type: "string" } } }));
} catch (error) {
  console.error(`${error instanceof Error ? error.message : String(error)}\n  ${USAGE}`);
  process.exit(2);
}
setLanguage(resolveLanguage(values.lang));

const port = Number(values.port ?? process.env["PORT"] ?? 8080);
const cmsPort = Number(values["cms-port"] ?? 8081);
for (const [name, value] of [["--port", port], ["--cms-port", cmsPort]] as const) {
  if (!Number.isInteger(value) || value < 0 || value > 65535) fail(`${name}: 0–65535\n  ${USAGE}`);
}
const rootDir = path.resolve(values.root ?? ".");

try {
  if (!adminSettingsFromEnv().enabled) {
    const e = explain("cms.local.disabled");
    fail(`${e.message}\n  ${e.fix ?? ""}`);
  }
} catch (error) {
  if (error instanceof ContentValidationError) fail(formatContentErrors(error.errors));
  throw error;
}

let preview: PreviewServer;
try {
  preview = await startPreview({ rootDir, port, host: "127.0.0.1" });
} catch (error) {
  if (error instanceof PreviewPortInUseError || error instanceof ContentValidationError) fail(error.message);
  throw error;
}
let local: LocalServer;
try {
  local = await startLocalServer({ rootDir, port: cmsPort, origin: preview.url });
} catch (error) {
  await preview.close();
  if (!(error instanceof LocalServerError)) throw error;
  const e = explain("cms.local.serverFailed", { detail: error.detail });
  fail(`${e.message}\n  ${e.fix ?? ""}`);
}
// The editor's configuration points at the local server (read when the preview makes /admin/).
process.env["CMS_LOCAL_BACKEND"] = local.url;

let stopping = false;
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  await Promise.all([local.close(), preview.close()]);
  console.log(t("preview.stopped"));
  process.exit(0);
}
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, () => void stop());

/** The parent of `pid` (Linux /proc), to notice npm going away behind the `sh -c` it runs us with. */
function parentOf(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
    return ppid > 1 ? ppid : undefined;
  } catch {
    return undefined;
  }
}
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
const parent = process.ppid;
const grandparent = parentOf(parent);
setInterval(() => {
  if (process.ppid !== parent || (grandparent !== undefined && !isAlive(grandparent))) void stop();
}, 500).unref();

const base = preview.current().data.layout.config.basePath;
console.log(t("cms.local.ready", { url: `${preview.url}${base}/admin/`, preview: `${preview.url}${base}/` }));
const { errors } = preview.current();
if (errors.length > 0) console.log(formatContentErrors(errors));

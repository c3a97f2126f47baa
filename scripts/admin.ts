/**
 * `npm run admin`: the web editor on this checkout. Starts the live preview
 * (http://127.0.0.1:8080) and Decap's local backend server next to it
 * (http://127.0.0.1:8081); the editor at http://127.0.0.1:8080/admin/ saves
 * straight into content/ and the preview shows it.
 *
 *   npm run admin -- [--port 8080] [--cms-port 8081] [--root DIR] [--lang en]   (--help lists them)
 *
 * Stops like `npm start` (scripts/preview.ts): Ctrl+C, SIGTERM or SIGHUP, or
 * the end of the process that started it, so no orphan keeps the ports.
 */
import path from "node:path";
import { LocalServerError, startLocalServer, type LocalServer } from "../src/cms/local-server.ts";
import { adminSettingsFromEnv } from "../src/cms/settings.ts";
import { ContentValidationError, formatContentErrors } from "../src/content/errors.ts";
import { defineCommand, exitWithErrors, runCommandLine } from "../src/cli/command-line.ts";
import { stopWithParent } from "../src/cli/process-lifetime.ts";
import { projectRootErrors } from "../src/cli/project-root.ts";
import { explain, t } from "../src/messages/index.ts";
import { PreviewPortInUseError, startPreview, type PreviewServer } from "../src/preview/preview-server.ts";

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

// The process that started us, captured before any await (see stopWithParent).
const parent = process.ppid;
const values = runCommandLine(
  defineCommand({
    invocation: "npm run admin --",
    summary: "cli.command.admin",
    options: {
      root: { type: "string", value: "dir", example: "../du-an", help: "cli.option.root" },
      port: { type: "string", value: "port", example: "8080", help: "cli.option.port" },
      "cms-port": { type: "string", value: "port", example: "8081", help: "cli.option.cmsPort" },
    },
  }),
);
const port = Number(values.port ?? process.env["PORT"] ?? 8080);
const cmsPort = Number(values["cms-port"] ?? 8081);
const rootDir = path.resolve(values.root ?? path.join(import.meta.dirname, ".."));
// A folder without content/ or without articles is an error, not an empty editor.
const rootErrors = projectRootErrors(rootDir);
if (rootErrors.length > 0) exitWithErrors(rootErrors);

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

stopWithParent(async () => {
  await Promise.all([local.close(), preview.close()]);
  console.log(t("preview.stopped"));
  process.exit(0);
}, parent);

const base = preview.current().data.layout.config.basePath;
console.log(t("cms.local.ready", { url: `${preview.url}${base}/admin/`, preview: `${preview.url}${base}/` }));
const { errors } = preview.current();
if (errors.length > 0) console.log(formatContentErrors(errors));

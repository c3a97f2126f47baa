/**
 * `npm start`: live preview of the site at http://127.0.0.1:8080 (PORT and
 * HOST override, as do --port and --host). Edits under content/ appear in
 * open browsers at once. `npm start -- --help` lists the options.
 *
 * Stopping it stops the server: Ctrl+C, SIGTERM or SIGHUP close it, and so
 * does the end of the process that started it or of that one's parent (npm
 * runs us through `sh -c`: npm killed with SIGKILL leaves the shell waiting),
 * so no orphan keeps the port.
 */
import path from "node:path";
import { defineCommand, exitWithErrors, runCommandLine } from "../src/cli/command-line.ts";
import { stopWithParent } from "../src/cli/process-lifetime.ts";
import { projectRootErrors } from "../src/cli/project-root.ts";
import { ContentValidationError, formatContentErrors } from "../src/content/errors.ts";
import { t } from "../src/messages/index.ts";
import { PreviewPortInUseError, startPreview } from "../src/preview/preview-server.ts";

const values = runCommandLine(
  defineCommand({
    invocation: "npm start --",
    summary: "cli.command.preview",
    options: {
      root: { type: "string", value: "dir", example: "../du-an", help: "cli.option.root" },
      port: { type: "string", value: "port", example: "8080", help: "cli.option.port" },
      host: { type: "string", value: "host", example: "127.0.0.1", help: "cli.option.host" },
    },
  }),
);
// A folder without content/ or without articles is an error, not an empty preview.
const rootErrors = projectRootErrors(path.resolve(values.root ?? path.join(import.meta.dirname, "..")));
if (rootErrors.length > 0) exitWithErrors(rootErrors);

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

stopWithParent(async () => {
  await preview.close();
  console.log(t("preview.stopped"));
  process.exit(0);
}, parent);

const site = preview.current();
console.log(t("preview.started", { count: site.data.model.articles.length, url: `${preview.url}${site.data.layout.config.basePath}/` }));
if (site.errors.length > 0) console.log(formatContentErrors(site.errors));

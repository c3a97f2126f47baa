/**
 * `npm run build`: validate all content, generate the site into a fresh
 * folder, and only then replace the output folder. A failed build leaves
 * the previous site untouched and no half-written folder behind.
 *
 *   npm run build -- [--out _site] [--root .] [--drafts] [--timings] [--record-published] [--lang vi|en]
 *
 * Every build checks the published-URL record; only `--record-published`
 * (CI's deploying build on the main branch) writes it. `npm run build -- --help`
 * lists the options.
 */
import path from "node:path";
import { defineCommand, describeFailure, exitWithErrors, exitWithUsageError, runCommandLine } from "../src/cli/command-line.ts";
import { displayPath, projectRootErrors } from "../src/cli/project-root.ts";
import { ContentValidationError, formatContentWarnings } from "../src/content/errors.ts";
import { OutputDirError } from "../src/build/output-dir.ts";
import { t } from "../src/messages/index.ts";

const BUILD_COMMAND = defineCommand({
  invocation: "npm run build --",
  summary: "cli.command.build",
  options: {
    out: { type: "string", value: "dir", default: "_site", help: "cli.option.out" },
    root: { type: "string", value: "dir", example: "../du-an", help: "cli.option.root" },
    drafts: { type: "boolean", help: "cli.option.drafts" },
    timings: { type: "boolean", help: "cli.option.timings" },
    "record-published": { type: "boolean", help: "cli.option.recordPublished" },
  },
  removed: { "frozen-ledger": "cli.removedFrozenLedger" },
});

const args = runCommandLine(BUILD_COMMAND);
if (args.drafts && args["record-published"]) exitWithUsageError(BUILD_COMMAND, t("cli.draftsNeverRecorded"));
// A deploy with the placeholder address would publish QR codes that lead nowhere.
if (args["record-published"] && !process.env["SITE_URL"]?.trim()) exitWithUsageError(BUILD_COMMAND, t("cli.siteUrlRequired"));
const rootDir = path.resolve(args.root ?? path.join(import.meta.dirname, ".."));
const rootErrors = projectRootErrors(rootDir);
if (rootErrors.length > 0) exitWithErrors(rootErrors);

const started = performance.now();
// Loaded once the arguments are known to be good: the build pulls in Eleventy, and --help should answer at once.
const { buildSite } = await import("../src/build/build-site.ts");
try {
  const result = await buildSite({
    outDir: path.resolve(args.out),
    rootDir,
    includeDrafts: args.drafts,
    ledger: args["record-published"] ? "record" : "check",
  });
  if (result.warnings.length > 0) console.warn(`${formatContentWarnings(result.warnings)}\n`);
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  if (args.timings) console.log(`${Object.entries(result.timings).map(([k, v]) => `${k} ${v} ms`).join(", ")}; outputs rendered ${result.outputs.rendered} (${Object.entries(result.outputs.renderedBy).map(([k, v]) => `${k} ${v}`).join(", ")}), reused ${result.outputs.reused} (${result.outputs.compared} by comparing bytes); put in place: ${result.commit}`);
  const { added, moved, written } = result.ledger;
  if (written) console.log(t("ledger.recorded", { added, moved }));
  else if (!args.drafts && added + moved > 0) console.log(t("ledger.wouldRecord", { added, moved }));
  console.log(t("cli.build.done", { articles: result.articleCount, files: result.fileCount, out: displayPath(result.outDir), seconds }));
} catch (error) {
  if (error instanceof ContentValidationError) console.error(`${t("cli.build.contentFailed")}

${error.message}`);
  // The output folder was refused before anything was written or deleted: its message says why and what to do.
  else if (error instanceof OutputDirError) console.error(error.message);
  else console.error(t("cli.build.failed", { reason: describeFailure(error) }));
  process.exitCode = 1;
}

/**
 * `npm run check`: validates every article without building the site and
 * lists every error and warning (src/check/). Exit code 1 when there are
 * errors, 0 with warnings only, 2 for a wrong command line.
 *
 *   npm run check -- [--format text|github|json] [--staged] [--root DIR] [--no-cache] [--lang vi|en] [FILE…]
 *
 * scripts/hooks/pre-commit runs it with --staged before every commit.
 */
import { statSync } from "node:fs";
import { isMainThread } from "node:worker_threads";
import type { Scope } from "../src/check/format.ts";
import type { CheckReport } from "../src/check/run-check.ts";
import type { RecordRead } from "../src/check/staged.ts";
import type { ContentError } from "../src/content/errors.ts";

const CONTENT_DIR = "content";

// Run as a bundle, this file is also the check's worker thread (src/check/parse-pool.ts).
// Modules are imported where they are used: a worker then loads only what parsing needs (in
// the bundle, a module imported this way is evaluated only when the import runs).
if (isMainThread) await main();
else (await import("../src/check/check-worker.ts")).serveCheckWorker();

async function main(): Promise<void> {
const [{ parseCheckCommandLine }, { annotation, formatJson, formatReport }, { projectPath, runCheck }, { stagedFiles, stagedRecord }, { formatContentErrors }, { explain, setLanguage, t }] = await Promise.all([
  import("../src/check/command.ts"),
  import("../src/check/format.ts"),
  import("../src/check/run-check.ts"),
  import("../src/check/staged.ts"),
  import("../src/content/errors.ts"),
  import("../src/messages/index.ts"),
]);
const parsed = parseCheckCommandLine(process.argv.slice(2));
setLanguage(parsed.lang);
if (!parsed.ok) {
  process.stdout.write(parsed.stdout);
  process.stderr.write(parsed.stderr);
  process.exit(parsed.exitCode);
}
const { command } = parsed;

/** Prints problems found before any article is read (no summary: nothing was checked), in the chosen format, and exits. */
function stop(problems: readonly ContentError[], exitCode: number): never {
  const report: CheckReport = { problems, articleCount: 0, otherErrors: 0, cacheHits: 0 };
  if (command.format === "text") process.stdout.write(`${formatContentErrors(problems)}\n${command.staged ? `\n${t("check.staged.refused")}\n` : ""}`);
  else process.stdout.write(command.format === "json" ? formatJson(report) : `${report.problems.map(annotation).join("\n")}\n`);
  process.exit(exitCode);
}

const isFolder = (dir: string): boolean => {
  try {
    return statSync(dir).isDirectory();
  } catch {
    return false;
  }
};

try {
  const root = command.rootDir;
  const shownRoot = projectPath(process.cwd(), root, ".") || ".";
  if (!isFolder(`${root}/${CONTENT_DIR}`)) stop([{ file: shownRoot, ...explain("check.rootMissing", { root: shownRoot }) }], 1);

  let files: string[] | undefined;
  let articles: ReadonlySet<string> | undefined;
  let record: RecordRead | undefined;
  if (command.staged) {
    const staged = stagedFiles(root, CONTENT_DIR);
    if (!staged.ok && staged.kind === "notRepository") stop([{ file: shownRoot, ...explain("check.staged.notRepository", { root: shownRoot }) }], 2);
    if (!staged.ok && staged.kind === "unstaged") stop(staged.files.map((file) => ({ file, ...explain("check.staged.unstaged", { file }) })), 1);
    if (staged.ok && staged.files.length === 0) {
      if (command.format === "json") process.stdout.write("[]\n");
      else process.stdout.write(`${t("check.staged.nothing")}\n`);
      process.exit(0);
    }
    if (staged.ok) {
      files = [...staged.files];
      articles = staged.articles;
      record = stagedRecord(root);
    }
  } else if (command.files.length > 0) {
    files = command.files.map((f) => projectPath(root, process.cwd(), f));
    const outside = files.filter((f) => !f.startsWith(`${CONTENT_DIR}/`));
    if (outside.length > 0) stop(outside.map((f) => ({ file: f, ...explain("check.file.notArticle", { path: f, contentDir: CONTENT_DIR }) })), 2);
  }

  const report = await runCheck({ rootDir: root, contentDir: CONTENT_DIR, cache: command.cache, ...(files ? { files } : {}), ...(articles ? { articles } : {}), ...(record ? { record } : {}) });
  if (report.articleCount === 0 && !command.staged) stop([{ file: `${CONTENT_DIR}/`, ...explain("check.noArticles", { root: CONTENT_DIR }) }], 1);
  const scope: Scope = !files ? { kind: "all" } : { kind: command.staged ? "staged" : "named", count: files.length };
  process.stdout.write(formatReport(report, command.format, scope));
  process.exitCode = report.problems.some((p) => p.severity !== "warning") ? 1 : 0;
} catch (error) {
  // Bad content never gets here (the report holds it); this is the machine or our code.
  const detail = error instanceof Error ? error.message : String(error);
  process.stderr.write(`${t("check.failed", { detail })}\n${process.env["DEBUG"] && error instanceof Error ? `${error.stack ?? ""}\n` : ""}`);
  process.exitCode = 1;
}
}

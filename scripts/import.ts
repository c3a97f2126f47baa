/**
 * `npm run import -- [options] FILE|FOLDER…`: press-release text copied from
 * provincial portals → draft articles.
 *
 * Complete drafts go to content/<province-id>/<YYYY-MM-DD>-<slug>.md (or
 * under --out DIR); a draft that lacks a province, a date or a title, or
 * that the content loader would reject, goes to ban-nhap/ instead — never
 * into content/, where it would stop every build. Inputs are untrusted:
 * size limit, UTF-8 check, regular files only (no links followed in
 * folders), output names built only from slugs and registry ids, folders
 * checked to stay inside the target, files created without overwriting
 * (an existing file at the draft's path is left alone and reported).
 *
 * The reading of each release is in src/import/ (pure); this file does the
 * file system and the terminal.
 */
import { closeSync, existsSync, fstatSync, lstatSync, openSync, readdirSync, readSync, statSync } from "node:fs";
import path from "node:path";
import { defineCommand, runCommandLineWithArguments } from "../src/cli/command-line.ts";
import { parseArticle } from "../src/content/parse-article.ts";
import { formatContentError } from "../src/content/errors.ts";
import { decodeInput, MAX_INPUT_BYTES } from "../src/import/decode-input.ts";
import { importPressRelease, type ImportDraft } from "../src/import/import-release.ts";
import { draftFileName, renderDraft } from "../src/import/render-draft.ts";
import { formatTable, progressBar } from "../src/import/summary.ts";
import { explain, t } from "../src/messages/index.ts";
import { addToIndex, displayPath, indexContent, isInside, prepareFolder, safeForTerminal, urlOwner, writeNewFile, type ContentIndex } from "../src/new-article/article-writer.ts";
import { getProvince, suggestProvinceIds } from "../src/provinces.ts";
import { absoluteUrl, siteConfigFromEnv } from "../src/site-config.ts";

const MAX_FILES = 10_000;
const INCOMPLETE_DIR = "ban-nhap";

// Shared argument handling (src/cli/): --help, --lang, unknown options and missing values reported in the editor's language.
const { values, positionals } = runCommandLineWithArguments(
  defineCommand({
    invocation: "npm run import --",
    summary: "import.usage",
    usageText: "import.usage",
    positionals: {},
    options: {
      out: { type: "string", value: "dir", help: "cli.option.out" },
      root: { type: "string", value: "dir", help: "cli.option.root" },
      province: { type: "string", example: "gia-lai" },
      "dry-run": { type: "boolean" },
    },
  }),
);
if (positionals.length === 0) {
  console.error(t("import.error.noInputs"));
  console.error(`\n${t("import.usage")}`);
  process.exit(2);
}
if (values.province !== undefined && !getProvince(values.province)) {
  const suggestion = suggestProvinceIds(values.province)[0] ?? "gia-lai";
  const e = explain("import.error.unknownProvince", { value: safeForTerminal(values.province), suggestion });
  console.error(`${e.message}\n    ${t("general.fixLabel")}: ${e.fix ?? ""}`);
  process.exit(2);
}

// npm runs scripts from the project folder; paths the editor typed are relative to where they typed them.
const callerDir = process.env["INIT_CWD"] ?? process.cwd();
const rootDir = path.resolve(callerDir, values.root ?? ".");
const contentDir = path.join(rootDir, "content");
const targetDir = values.out ? path.resolve(callerDir, values.out) : contentDir;
const incompleteDir = values.out ? path.join(targetDir, INCOMPLETE_DIR) : path.join(rootDir, INCOMPLETE_DIR);
const incompleteAllowed = !isInside(contentDir, incompleteDir);
const dryRun = values["dry-run"];
if (!values.out && !existsSync(contentDir)) {
  const e = explain("import.error.noContent", { root: displayPath(rootDir) });
  console.error(`${e.message}\n    ${t("general.fixLabel")}: ${e.fix ?? ""}`);
  process.exit(2);
}
const config = siteConfigFromEnv();

// ---------------------------------------------------------------------------
// Inputs
// ---------------------------------------------------------------------------

interface Row {
  readonly source: string;
  readonly status: "ready" | "incomplete" | "exists" | "failed";
  readonly detail: string;
  readonly confirm: string;
  readonly path: string;
}
const rows: Row[] = [];
const messages: string[] = [];

/** Regular .txt files under a folder (no links followed, hidden entries skipped), sorted. */
function listFolder(folder: string): string[] {
  const found: string[] = [];
  const walk = (dir: string): void => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      messages.push(t("import.error.readFailed", { file: displayPath(dir), reason: (error as NodeJS.ErrnoException).code ?? String(error) }));
      return;
    }
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (found.length > MAX_FILES) return;
      if (entry.name.startsWith(".")) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && entry.name.toLowerCase().endsWith(".txt")) found.push(full);
    }
  };
  walk(folder);
  if (found.length > MAX_FILES) {
    messages.push(t("import.error.tooManyFiles", { folder: displayPath(folder), limit: MAX_FILES }));
    found.length = MAX_FILES;
  }
  return found;
}

const inputs: string[] = [];
for (const given of positionals) {
  const full = path.resolve(callerDir, given);
  let stat;
  try {
    stat = lstatSync(full);
  } catch {
    rows.push({ source: safeForTerminal(given), status: "failed", detail: t("import.error.notFound", { file: safeForTerminal(given) }), confirm: "", path: "" });
    continue;
  }
  // A link named on the command line is the editor's own choice; inside folders, links are skipped.
  const target = stat.isSymbolicLink() ? statSync(full, { throwIfNoEntry: false }) : stat;
  if (target?.isDirectory()) inputs.push(...listFolder(full));
  else if (target?.isFile()) inputs.push(full);
  else rows.push({ source: safeForTerminal(given), status: "failed", detail: t("import.error.notRegular", { file: safeForTerminal(given) }), confirm: "", path: "" });
}

/** Reads at most MAX_INPUT_BYTES + 1 bytes, so a huge file is refused without reading it. */
function readLimited(file: string): Uint8Array {
  const fd = openSync(file, "r");
  try {
    if (!fstatSync(fd).isFile()) throw Object.assign(new Error("not a regular file"), { code: "ENOTFILE" });
    const buffer = Buffer.alloc(MAX_INPUT_BYTES + 1);
    let total = 0;
    for (let n = -1; n !== 0 && total < buffer.length; total += n) n = readSync(fd, buffer, total, buffer.length - total, null);
    return buffer.subarray(0, total);
  } finally {
    closeSync(fd);
  }
}

const megabytes = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

// ---------------------------------------------------------------------------
// Progress
// ---------------------------------------------------------------------------

const tty = process.stderr.isTTY === true;
let barShown = false;
function clearBar(): void {
  if (barShown) process.stderr.write("\r\u001b[2K");
  barShown = false;
}
function showProgress(done: number, total: number, file: string): void {
  if (tty) {
    process.stderr.write(`\r\u001b[2K${progressBar(done, total, file, process.stderr.columns ?? 80)}`);
    barShown = true;
  } else process.stderr.write(`${t("import.progress", { done, total, file })}\n`);
}
function say(line: string): void {
  clearBar();
  console.log(line);
}

// ---------------------------------------------------------------------------
// Import
// ---------------------------------------------------------------------------

let index: ContentIndex | undefined;
function contentIndex(): ContentIndex {
  // The target's existing articles, by slug: a draft must not take an address that is already published.
  index ??= values.out ? indexContent(targetDir, ".") : indexContent(rootDir, "content");
  return index;
}

/** Path of `file` as the loader names it: relative to the project root (or to --out), POSIX separators. */
function loaderPath(file: string): string {
  const base = values.out ? targetDir : rootDir;
  return path.relative(base, file).split(path.sep).join("/");
}

function importOne(file: string): void {
  const source = displayPath(file);
  const name = safeForTerminal(path.basename(file));
  let bytes: Uint8Array;
  try {
    bytes = readLimited(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    return failed(source, code === "ENOTFILE" ? t("import.error.notRegular", { file: source }) : t("import.error.readFailed", { file: source, reason: code }));
  }
  const decoded = decodeInput(bytes);
  if (!decoded.ok) {
    const detail =
      decoded.problem === "too-large"
        ? t("import.error.tooLarge", { file: source, size: megabytes(statSync(file).size), limit: megabytes(MAX_INPUT_BYTES) })
        : decoded.problem === "not-utf8"
          ? t("import.error.notUtf8", { file: source, offset: decoded.offset })
          : t(decoded.problem === "utf16" ? "import.error.utf16" : decoded.problem === "binary" ? "import.error.binary" : "import.error.empty", { file: source });
    rows.push({ source, status: "failed", detail, confirm: "", path: "" });
    return;
  }
  const draft = importPressRelease(decoded.text, { sourceName: name, ...(values.province ? { defaultProvince: values.province } : {}) });
  if (draft.body.trim() === "" && !draft.title) {
    rows.push({ source, status: "failed", detail: t("import.error.empty", { file: source }), confirm: "", path: "" });
    return;
  }
  place(draft, source);
}

function failed(source: string, detail: string): void {
  rows.push({ source, status: "failed", detail, confirm: "", path: "" });
}

function place(draft: ImportDraft, source: string): void {
  const text = renderDraft(draft);
  let complete = draft.missing.length === 0 && draft.province !== undefined;
  let dir = complete && draft.province ? path.join(targetDir, draft.province) : incompleteDir;
  // A draft the loader rejects (a date outside the accepted years, say) must not reach content/ either.
  if (complete && !parseArticle(loaderPath(path.join(dir, draftFileName(draft))), text).ok) {
    complete = false;
    dir = incompleteDir;
  }
  if (!complete && !incompleteAllowed) return failed(source, t("import.error.incompleteInContent", { path: displayPath(incompleteDir) }));
  const base = complete ? targetDir : path.dirname(incompleteDir);
  if (!dryRun && !prepareFolder(base, dir)) return failed(source, t("import.error.unsafeTarget", { path: displayPath(dir) }));

  // The convention's name; an existing file there is never replaced (imported before?). When another
  // article, with another date in its name, already has the same address, the first free "-2", "-3"… is used.
  let file: string | undefined;
  let takenBy: string | undefined;
  for (let n = 1; n < 100 && !file; n++) {
    const candidate = path.join(dir, draftFileName(draft, n === 1 ? "" : `-${n}`));
    if (existsSync(candidate) || lstatSync(candidate, { throwIfNoEntry: false })) {
      if (n === 1) {
        rows.push({ source, status: "exists", detail: t("import.result.exists", { file: source, path: displayPath(candidate) }), confirm: "", path: displayPath(candidate) });
        return;
      }
      continue;
    }
    const checked = complete ? parseArticle(loaderPath(candidate), text) : undefined;
    const owner = checked?.ok ? urlOwner(contentIndex(), checked.article.slug, checked.article.url) : undefined;
    if (owner) {
      takenBy ??= displayPath(path.join(values.out ? targetDir : rootDir, owner));
      continue;
    }
    file = candidate;
  }
  if (!file) return failed(source, t("import.error.writeFailed", { path: displayPath(dir), reason: "EEXIST" }));
  if (!dryRun) {
    const written = writeNewFile(file, text);
    if (!written.ok) return failed(source, t("import.error.writeFailed", { path: displayPath(file), reason: written.reason }));
    if (complete) addToIndex(contentIndex(), loaderPath(file));
  }
  const check = parseArticle(loaderPath(file), text);
  const lines = [t("import.result.written", { file: source, path: displayPath(file) })];
  if (takenBy) lines.push(t("import.result.renamed", { path: displayPath(file), other: takenBy }));
  if (complete && check.ok) lines.push(t("import.result.url", { url: absoluteUrl(config, check.article.url) }));
  if (draft.toConfirm > 0) lines.push(t("import.result.toConfirm", { count: draft.toConfirm }));
  if (!complete) {
    if (draft.missing.length > 0) lines.push(t("import.result.toFill", { fields: draft.missing.join(", ") }));
    else if (!check.ok) {
      lines.push(t("import.result.loaderSays"));
      for (const error of check.errors) lines.push(formatContentError(error).replace(/^/gm, "      "));
    }
  }
  say(lines.join("\n"));
  rows.push({ source, status: complete ? "ready" : "incomplete", detail: draft.missing.join(", ") || "?", confirm: String(draft.toConfirm), path: displayPath(file) });
}

for (const message of messages) console.error(message);
for (const row of rows) console.error(row.detail);
inputs.forEach((file, i) => {
  showProgress(i + 1, inputs.length, safeForTerminal(path.basename(file)));
  const before = rows.length;
  importOne(file);
  for (const row of rows.slice(before)) if (row.status === "failed" || row.status === "exists") say(row.detail);
});
clearBar();

// ---------------------------------------------------------------------------
// Summary
// ---------------------------------------------------------------------------

const statusText = (row: Row): string =>
  row.status === "ready" ? t("import.status.ready") : row.status === "incomplete" ? t("import.status.incomplete", { fields: row.detail }) : row.status === "exists" ? t("import.status.exists") : t("import.status.failed");
const header = t("import.summary.columns").split("|");
console.log("");
console.log(formatTable(header, rows.map((r) => [r.source, statusText(r), r.confirm, r.path])));
const count = (status: Row["status"]): number => rows.filter((r) => r.status === status).length;
console.log("");
console.log(t("import.summary.totals", { total: rows.length, ready: count("ready"), incomplete: count("incomplete"), exists: count("exists"), failed: count("failed") }));
if (dryRun) console.log(t("import.result.dryRun"));
if (count("ready") > 0) console.log(t("import.hint.review"));
if (count("incomplete") > 0) console.log(t("import.hint.incomplete", { dir: `${displayPath(incompleteDir)}/` }));
process.exitCode = count("failed") > 0 ? 1 : 0;

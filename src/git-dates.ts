/**
 * "Last updated" dates from git history: when each article file was last
 * changed after it was added, for the article page ("Cập nhật …"), the
 * sitemap's <lastmod> and the feeds' updated / date_modified.
 *
 * One `git log` over content/ for the whole tree (10,000 articles: one
 * process, not one per file), newest commit first, names with their status:
 * - M (modified), T, and a rename with changes (R < 100): a change; the
 *   newest one per file is its last update;
 * - A (added): the article's arrival, not an update (an imported 2016
 *   release committed in 2026 was not "updated in 2026");
 * - R100 (a pure rename or move): not a change of text; older entries of the
 *   old name count for the new one (one lookup: each old name maps straight
 *   to the file's current name).
 * Merge commits list no names (git log's default), the commits they bring
 * in do.
 *
 * The repository's history is untrusted content (commit dates, file names
 * with any byte): git runs through execFile with fixed arguments (no shell,
 * no pager, no external diff or text conversion, no signature checks),
 * names are NUL-separated (-z), dates are Unix seconds checked as digits,
 * the output is bounded (maxBuffer) and the run has a time limit.
 *
 * Fallbacks, each reported once as a notice naming what happened: content/
 * outside a git checkout (or no git), git failing, output over the limit:
 * no dates (every article shows its publication date only). A shallow
 * clone (CI's default fetch-depth 1) knows only the changes in the commits
 * it has: files last changed before its oldest commit look "added" there
 * and fall back to their publication date. A file that is not committed
 * (new, or edited since the last commit) keeps what its history says, or
 * its publication date. Either way the same commit builds the same bytes.
 */
import { execFile } from "node:child_process";
import type { Article } from "./content/article.ts";
import type { ContentError } from "./content/errors.ts";
import type { ArticleDate } from "./dates.ts";
import { parseArticleDate } from "./dates.ts";
import { explain } from "./messages/index.ts";

/** The most output one `git log` may produce (about 1.5 million file entries). */
export const GIT_LOG_MAX_BYTES = 128 * 1024 * 1024;
/** How long it may take. */
export const GIT_LOG_TIMEOUT_MS = 120_000;

/** Why the dates are missing or partial. */
export type GitDatesFallback = "no-git" | "failed" | "too-large" | "shallow";

export interface GitDates {
  /** Last change of a content file after it was added, by its path relative to the project root ("content/gia-lai/x.md"). */
  readonly updated: ReadonlyMap<string, ArticleDate>;
  /** Set when git could not give every date (see the header). */
  readonly fallback?: GitDatesFallback;
  /** git's own words when it failed (first line, bounded), for the notice. */
  readonly detail?: string;
}

const NO_DATES: ReadonlyMap<string, ArticleDate> = new Map();

/**
 * Fixed arguments: the config switches make sure nothing configured on the
 * machine runs a program or changes the format (pager, external diff, text
 * conversion, signature verification, rename detection settings, colour).
 * No transport may run either: in a partial clone, rename detection (-M)
 * fetches missing blobs from the "promisor" remote, and a repository config
 * allowing `ext::sh -c …` as its URL would run that command. GIT_NO_LAZY_FETCH
 * (gitEnv) stops the fetch; the protocol switches stop it on a git without
 * that variable (a command-line setting wins over the repository's own
 * `protocol.<name>.allow`).
 */
const NO_TRANSPORT = ["ext", "file", "ssh", "git", "http", "https", "ftp", "ftps"].flatMap((name) => ["-c", `protocol.${name}.allow=never`]);
const GIT_BASE = ["--no-pager", "-c", "core.fsmonitor=false", "-c", "log.showSignature=false", "-c", "diff.renames=true", "-c", "color.ui=never", "-c", "core.quotePath=true", "-c", "protocol.allow=never", ...NO_TRANSPORT];
const LOG_ARGS = ["log", "-z", "--format=%x01%ct", "--name-status", "-M", "--no-ext-diff", "--no-textconv", "--no-color", "--relative", "--", "content"];

/**
 * The environment git runs in: the build's own without any GIT_* variable
 * (a build started from a git hook inherits GIT_DIR, GIT_INDEX_FILE… of
 * another repository, and GIT_CONFIG_* can add settings), no prompts, no
 * optional locks, no lazy fetch of missing objects (see GIT_BASE), a fixed
 * language.
 */
function gitEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) if (!key.startsWith("GIT_")) env[key] = value;
  return { ...env, GIT_TERMINAL_PROMPT: "0", GIT_OPTIONAL_LOCKS: "0", GIT_NO_LAZY_FETCH: "1", LC_ALL: "C", LANGUAGE: "" };
}

function run(rootDir: string, args: readonly string[], maxBytes: number, timeoutMs: number): Promise<{ ok: true; stdout: string } | { ok: false; code: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile("git", ["-C", rootDir, ...GIT_BASE, ...args], { encoding: "utf8", maxBuffer: maxBytes, timeout: timeoutMs, env: gitEnv(), windowsHide: true }, (error, stdout, stderr) => {
      if (!error) return resolve({ ok: true, stdout });
      const code = (error as NodeJS.ErrnoException).code;
      resolve({ ok: false, code: typeof code === "string" ? code : String(code ?? ""), stderr: String(stderr ?? "") });
    });
  });
}

/** "2021-02-02T17:00:00+07:00" from Unix seconds. */
function dateOfSeconds(seconds: number): ArticleDate | undefined {
  return parseArticleDate(new Date(seconds * 1000).toISOString().replace(/\.\d{3}Z$/, "Z"));
}

/**
 * Reads `git log -z --format=%x01%ct --name-status -M` output (newest first)
 * into the last change of each file, by its current name. Pure: tested on
 * hand-written logs.
 */
export function parseGitLog(output: string): Map<string, ArticleDate> {
  const updatedSeconds = new Map<string, number>();
  /** Old name → current name, for files renamed in a newer commit. */
  const renamedTo = new Map<string, string>();
  const current = (name: string): string => renamedTo.get(name) ?? name;
  for (const record of output.split("\x01")) {
    if (record === "") continue;
    const fields = record.split("\0");
    const seconds = /^\d{1,12}$/.test(fields[0] ?? "") ? Number(fields[0]) : NaN;
    if (!Number.isFinite(seconds)) continue;
    // After the header: "\n" then status, name [, new name] …
    let i = 1;
    while (i < fields.length) {
      const status = (fields[i] ?? "").replace(/^\n/, "");
      if (status === "") {
        i++;
        continue;
      }
      const kind = status.charAt(0);
      if (kind === "R" || kind === "C") {
        const from = fields[i + 1] ?? "";
        const to = current(fields[i + 2] ?? "");
        i += 3;
        if (kind === "R") renamedTo.set(from, to);
        if (status !== "R100" && status !== "C100" && kind === "R" && !updatedSeconds.has(to)) updatedSeconds.set(to, seconds);
        continue;
      }
      const name = current(fields[i + 1] ?? "");
      i += 2;
      if ((kind === "M" || kind === "T") && (updatedSeconds.get(name) ?? -1) < seconds) updatedSeconds.set(name, seconds);
    }
  }
  const updated = new Map<string, ArticleDate>();
  for (const [name, seconds] of updatedSeconds) {
    const date = dateOfSeconds(seconds);
    if (date) updated.set(name, date);
  }
  return updated;
}

export interface ReadGitDatesOptions {
  readonly maxBytes?: number;
  readonly timeoutMs?: number;
}

/** The last-updated dates of every content file of a project, from one `git log` (see the header for fallbacks). */
export async function readGitDates(rootDir: string, options: ReadGitDatesOptions = {}): Promise<GitDates> {
  const maxBytes = options.maxBytes ?? GIT_LOG_MAX_BYTES;
  const timeoutMs = options.timeoutMs ?? GIT_LOG_TIMEOUT_MS;
  const probe = await run(rootDir, ["rev-parse", "--is-inside-work-tree", "--is-shallow-repository"], 4096, timeoutMs);
  if (!probe.ok || !probe.stdout.startsWith("true")) return { updated: NO_DATES, fallback: "no-git" };
  const shallow = /\ntrue/.test(probe.stdout);
  const log = await run(rootDir, LOG_ARGS, maxBytes, timeoutMs);
  if (!log.ok) {
    if (log.code === "ERR_CHILD_PROCESS_STDIO_MAXBUFFER") return { updated: NO_DATES, fallback: "too-large" };
    // An empty repository (no commit yet) has no dates to give, and nothing is wrong.
    if (/does not have any commits|bad default revision/.test(log.stderr)) return { updated: NO_DATES };
    return { updated: NO_DATES, fallback: "failed", detail: log.stderr.split("\n")[0]?.slice(0, 200) ?? "" };
  }
  const updated = parseGitLog(log.stdout);
  return shallow ? { updated, fallback: "shallow" } : { updated };
}

/** The notice a build prints when dates fell back (none when content/ is simply not in a git checkout: nothing to fall back from). */
export function gitDatesNotice(dates: GitDates): ContentError | undefined {
  const at = { file: "content/", severity: "warning" as const };
  switch (dates.fallback) {
    case "shallow":
      return { ...at, ...explain("readers.gitShallow") };
    case "failed":
      return { ...at, ...explain("readers.gitFailed", { detail: dates.detail || "git" }) };
    case "too-large":
      return { ...at, ...explain("readers.gitTooLarge", { limit: `${Math.round(GIT_LOG_MAX_BYTES / 1024 / 1024)} MiB` }) };
    default:
      return undefined;
  }
}

/**
 * When an article was last changed after its publication, or undefined
 * (never changed since it was added, no history, or a "change" dated before
 * the publication date, as an archive imported years later has).
 */
export function lastUpdated(updated: ReadonlyMap<string, ArticleDate> | undefined, article: Pick<Article, "sourcePath" | "date">): ArticleDate | undefined {
  const date = updated?.get(article.sourcePath);
  return date && date.timestamp > article.date.timestamp ? date : undefined;
}

/**
 * The files of the commit being made, for the pre-commit hook
 * (`npm run check -- --staged`).
 *
 * A commit holds what is in git's index, not what is on disk. The check
 * reads files from disk, so it makes the two agree where it matters:
 * - the articles that exist are the ones in the index (an article on disk
 *   that is not added, or not yet committed, takes no part: it is not in the
 *   commit), and
 * - every staged file under content/ must be on disk exactly as staged;
 *   a file changed again after `git add` is reported, because checking it
 *   would check something other than what is committed.
 * - the published-URL record is the one in the index too (stagedRecord).
 * During a commit git points GIT_INDEX_FILE at the index being committed
 * (`git commit -a`, `git commit FILE` use a temporary one); the git
 * commands here inherit it. Names are read NUL-separated (-z), so any file
 * name, however hostile, is read exactly.
 */
import { execFileSync } from "node:child_process";
import type { ContentError } from "../content/errors.ts";
import { EMPTY_LEDGER, LEDGER_FILE, LEDGER_MAX_BYTES, parseLedger, type Ledger } from "../links/ledger.ts";
import { explain } from "../messages/index.ts";

export type StagedFiles =
  | { readonly ok: true; readonly files: readonly string[]; readonly articles: ReadonlySet<string> }
  | { readonly ok: false; readonly kind: "notRepository" }
  | { readonly ok: false; readonly kind: "unstaged"; readonly files: readonly string[] };

/** NUL-separated output of a git command run in `cwd`, as a list; undefined when git fails or is missing. */
function git(cwd: string, args: readonly string[]): string[] | undefined {
  try {
    const out = execFileSync("git", [...args], { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"], maxBuffer: 256 * 1024 * 1024 });
    return out.split("\0").filter((s) => s !== "");
  } catch {
    return undefined;
  }
}

/**
 * The staged files under `contentDir` (added, copied, modified, renamed;
 * relative to `rootDir`), and every article file in the index there.
 */
export function stagedFiles(rootDir: string, contentDir = "content"): StagedFiles {
  const inside = git(rootDir, ["rev-parse", "--is-inside-work-tree"]);
  if (!inside || inside[0]?.trim() !== "true") return { ok: false, kind: "notRepository" };
  const staged = git(rootDir, ["diff", "--cached", "--name-only", "-z", "--relative", "--diff-filter=ACMR", "--no-renames", "--", contentDir]);
  const indexed = git(rootDir, ["ls-files", "-z", "--cached", "--", contentDir]);
  const changed = git(rootDir, ["diff", "--name-only", "-z", "--relative", "--", contentDir]);
  if (!staged || !indexed || !changed) return { ok: false, kind: "notRepository" };
  const changedSet = new Set(changed);
  const unstaged = staged.filter((f) => changedSet.has(f));
  if (unstaged.length > 0) return { ok: false, kind: "unstaged", files: unstaged };
  return { ok: true, files: staged, articles: new Set(indexed) };
}

/** The published-URL record as the check reads it (src/links/ledger-file.ts: readLedgerOrErrors). */
export interface RecordRead {
  readonly ledger: Ledger;
  readonly text: string;
  readonly errors: readonly ContentError[];
}

const mib = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

/**
 * The published-URL record of the commit being made: the one in git's index
 * (absent there: an empty record, as an absent file is), with the checks the
 * build makes of the file on disk — a regular file (not a link), at most
 * LEDGER_MAX_BYTES, UTF-8, a valid record. Undefined when git cannot tell.
 */
export function stagedRecord(rootDir: string): RecordRead | undefined {
  const entry = git(rootDir, ["ls-files", "-s", "-z", "--", LEDGER_FILE]);
  if (!entry) return undefined;
  const line = entry.find((e) => e.endsWith(`\t${LEDGER_FILE}`));
  if (!line) return { ledger: EMPTY_LEDGER, text: "", errors: [] };
  const [mode, object] = line.split(/\s+/);
  const fail = (error: ContentError): RecordRead => ({ ledger: EMPTY_LEDGER, text: "", errors: [error] });
  if (mode === "120000") return fail({ file: LEDGER_FILE, ...explain("ledger.symlink") });
  if ((mode !== "100644" && mode !== "100755") || !object || !/^[0-9a-f]+$/.test(object)) return fail({ file: LEDGER_FILE, ...explain("ledger.notRegularFile") });
  let bytes: Buffer;
  try {
    const size = Number(execFileSync("git", ["cat-file", "-s", object], { cwd: rootDir, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim());
    if (size > LEDGER_MAX_BYTES) return fail({ file: LEDGER_FILE, ...explain("ledger.tooLarge", { size: mib(size), limit: mib(LEDGER_MAX_BYTES) }) });
    bytes = execFileSync("git", ["cat-file", "blob", object], { cwd: rootDir, stdio: ["ignore", "pipe", "ignore"], maxBuffer: LEDGER_MAX_BYTES + 1 });
  } catch {
    return undefined;
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return fail({ file: LEDGER_FILE, ...explain("ledger.notUtf8") });
  }
  const parsed = parseLedger(text);
  return "errors" in parsed ? { ledger: EMPTY_LEDGER, text: "", errors: parsed.errors } : { ledger: parsed.ledger, text, errors: [] };
}

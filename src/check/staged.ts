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
 * During a commit git points GIT_INDEX_FILE at the index being committed
 * (`git commit -a`, `git commit FILE` use a temporary one); the git
 * commands here inherit it. Names are read NUL-separated (-z), so any file
 * name, however hostile, is read exactly.
 */
import { execFileSync } from "node:child_process";

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

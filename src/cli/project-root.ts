/**
 * The project folder a command works on (`--root`, or this repository):
 * it must exist, hold a content/ folder, and that folder must hold at least
 * one article. Otherwise the build would publish an empty site over the
 * real one, and the preview would show nothing without saying why.
 */
import { opendirSync, statSync } from "node:fs";
import path from "node:path";
import type { ContentError } from "../content/errors.ts";
import { explain } from "../messages/index.ts";

/** A path as the editor would recognise it: relative to where they are when inside it, else absolute. */
export function displayPath(dir: string): string {
  const relative = path.relative(process.cwd(), dir);
  return relative === "" ? "." : relative.startsWith("..") || path.isAbsolute(relative) ? dir : relative;
}

function kindOf(dir: string): "folder" | "other" | "missing" {
  try {
    return statSync(dir).isDirectory() ? "folder" : "other";
  } catch {
    return "missing";
  }
}

/**
 * True when the folder holds at least one article file, by the loader's rule
 * (src/content/load-content.ts: a .md file, not README.md, not hidden).
 * Stops at the first one instead of listing 100,000 files, and does not
 * load the content parser, so that a command's checks answer at once.
 */
function hasArticleFile(dir: string): boolean {
  const pending = [dir];
  while (pending.length > 0) {
    const current = pending.pop()!;
    const handle = opendirSync(current);
    try {
      for (let entry = handle.readSync(); entry; entry = handle.readSync()) {
        const name = entry.name.toLowerCase();
        if (entry.isDirectory()) pending.push(path.join(current, entry.name));
        else if (entry.isFile() && name.endsWith(".md") && name !== "readme.md" && !name.startsWith(".")) return true;
      }
    } finally {
      handle.closeSync();
    }
  }
  return false;
}

/** What is wrong with `rootDir` as a project folder (nothing: an empty list). */
export function projectRootErrors(rootDir: string): ContentError[] {
  const root = kindOf(rootDir);
  if (root === "missing") return [{ file: displayPath(rootDir), ...explain("cli.rootMissing") }];
  if (root === "other") return [{ file: displayPath(rootDir), ...explain("cli.rootNotFolder") }];
  const content = path.join(rootDir, "content");
  if (kindOf(content) !== "folder") return [{ file: displayPath(rootDir), ...explain("cli.noContentFolder") }];
  if (!hasArticleFile(content)) return [{ file: `${displayPath(content)}/`, ...explain("cli.noArticles") }];
  return [];
}

/**
 * The one test the caches under .cache/ use before reading or writing a
 * folder: it must be a real folder, not a symbolic link (a committed or
 * planted link would send cache writes, and reads, outside the project).
 */
import { lstatSync, mkdirSync } from "node:fs";
import path from "node:path";

/** True when `dir` exists and is a folder, not a symbolic link to one. */
export function isRealDir(dir: string): boolean {
  try {
    const st = lstatSync(dir);
    return st.isDirectory() && !st.isSymbolicLink();
  } catch {
    return false;
  }
}

/**
 * A project's cache folder (`<rootDir>/.cache`), made when `create` and
 * missing; undefined when it cannot be used safely (a link or a file where
 * the folder should be, no permission): the caches then only cost time.
 */
export function projectCacheDir(rootDir: string, create = true): string | undefined {
  const dir = path.join(rootDir, ".cache");
  if (create && !isRealDir(dir)) {
    try {
      mkdirSync(dir);
    } catch {
      // exists as something else, or cannot be created
    }
  }
  return isRealDir(dir) ? dir : undefined;
}

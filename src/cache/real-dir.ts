/**
 * The one test the caches under .cache/ use before reading or writing a
 * folder: it must be a real folder, not a symbolic link (a committed or
 * planted link would send cache writes, and reads, outside the project).
 */
import { lstatSync } from "node:fs";

/** True when `dir` exists and is a folder, not a symbolic link to one. */
export function isRealDir(dir: string): boolean {
  try {
    const st = lstatSync(dir);
    return st.isDirectory() && !st.isSymbolicLink();
  } catch {
    return false;
  }
}

/**
 * The one test the caches under .cache/ use before reading or writing a
 * folder: it must be a real folder, not a symbolic link (a committed or
 * planted link would send cache writes, and reads, outside the project);
 * and the one way they read a file of theirs ({@link readCacheFile}).
 */
import { closeSync, constants, fstatSync, lstatSync, mkdirSync, openSync, readSync } from "node:fs";
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
  return (create ? madeRealDir(dir) : isRealDir(dir)) ? dir : undefined;
}

/**
 * Makes `dir` (one level, its parent must exist) when nothing is there, and
 * says whether it is then a real folder: false for a link, a file or a
 * folder that could not be made.
 */
export function madeRealDir(dir: string): boolean {
  if (!lstatSync(dir, { throwIfNoEntry: false })) {
    try {
      mkdirSync(dir);
    } catch {
      // made meanwhile, or cannot be: checked below
    }
  }
  return isRealDir(dir);
}

/**
 * The bytes of a cache file, or undefined when it is absent, not a regular
 * file, a symbolic link (refused when opened, so one swapped in after any
 * earlier check is refused too) or larger than `maxBytes` (checked on the
 * opened file, before reading). O_NONBLOCK: a FIFO planted there cannot
 * hang the build.
 */
export function readCacheFile(file: string, maxBytes: number): Buffer | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(file, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0));
    const st = fstatSync(fd);
    if (!st.isFile() || st.size > maxBytes) return undefined;
    const buffer = Buffer.alloc(st.size);
    let read = 0;
    while (read < st.size) {
      const n = readSync(fd, buffer, read, st.size - read, read);
      if (n === 0) break;
      read += n;
    }
    return read === st.size ? buffer : buffer.subarray(0, read);
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * The `bytes` bytes at offset `at` of the file open as `fd` (reads until
 * done: a read may return fewer), or undefined when the file ends first.
 */
export function readAt(fd: number, at: number, bytes: number): Buffer | undefined {
  const buffer = Buffer.allocUnsafe(bytes);
  let read = 0;
  while (read < bytes) {
    const n = readSync(fd, buffer, read, bytes - read, at + read);
    if (n === 0) return undefined;
    read += n;
  }
  return buffer;
}

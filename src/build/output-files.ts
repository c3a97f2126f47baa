/**
 * The single door through which post-Eleventy steps (feeds, QR images,
 * redirects, search) write files. Every path is checked to stay inside the
 * output folder, so no content value can ever direct a write elsewhere.
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";

/** A file to write, path relative to the output folder with "/" separators (e.g. "feeds/rss.xml"). */
export interface OutputFile {
  readonly path: string;
  readonly contents: string | Uint8Array;
}

const SAFE_SEGMENT = /^[A-Za-z0-9._~-]+$/;

/**
 * Resolves `relative` inside `outDir`.
 * @throws Error when the path is absolute, has an empty, "." or ".." segment, or unsafe characters
 */
export function resolveOutputPath(outDir: string, relative: string): string {
  const segments = relative.split("/");
  if (relative.startsWith("/") || segments.some((s) => !SAFE_SEGMENT.test(s) || s === "." || s === "..")) {
    throw new Error(`Refusing to write "${relative}": output paths must be relative, with segments of letters, digits and . _ ~ - only`);
  }
  const target = path.resolve(outDir, ...segments);
  if (!target.startsWith(path.resolve(outDir) + path.sep)) throw new Error(`Refusing to write "${relative}" outside ${outDir}`);
  return target;
}

/**
 * Writes every file, creating folders as needed. Paths are all checked
 * before anything is written; writes then run with bounded concurrency,
 * because on a real disk tens of thousands of small files cost far more in
 * waiting on the file system than in CPU.
 */
export async function writeOutputFiles(outDir: string, files: Iterable<OutputFile>, concurrency = 32): Promise<number> {
  const jobs = [...files].map((file) => ({ target: resolveOutputPath(outDir, file.path), contents: file.contents }));
  const dirs = [...new Set(jobs.map((job) => path.dirname(job.target)))];
  await inParallel(dirs.length, concurrency, (i) => mkdir(dirs[i]!, { recursive: true }));
  await inParallel(jobs.length, concurrency, (i) => writeFile(jobs[i]!.target, jobs[i]!.contents));
  return jobs.length;
}

/** Runs task(0 … count-1) with at most `limit` in flight. */
async function inParallel(count: number, limit: number, task: (index: number) => Promise<unknown>): Promise<void> {
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < count) await task(next++);
  };
  await Promise.all(Array.from({ length: Math.min(limit, count) }, lane));
}

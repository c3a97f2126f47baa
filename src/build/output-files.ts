/**
 * The single door through which the build writes files other than Eleventy's
 * pages (the output plan's files, bundles). Every path is checked to stay
 * inside the output folder, every path is written at most once (two writes
 * to one file, or to two spellings of it, are refused before anything is
 * written), and a file is never overwritten (exclusive create): a file
 * Eleventy or an earlier step wrote can never be replaced or interleaved.
 */
import path from "node:path";
import { fileWriter, type FileWriter } from "./file-writer.ts";
import { SAFE_SEGMENT, type OutputBody } from "../plan/output-plan.ts";

/** A file to write, path relative to the output folder with "/" separators (e.g. "feeds/rss.xml"). */
export interface OutputFile {
  readonly path: string;
  readonly contents: OutputBody;
}

/** A file whose bytes are produced just before the write (memory holds only what is in flight). */
export interface LazyOutputFile {
  readonly path: string;
  readonly contents: () => OutputBody;
}

/**
 * Resolves `relative` inside `outDir`.
 * @throws Error when the path is absolute, has an empty, "." or ".." segment, or unsafe characters (a bug: the output plan checks paths from content)
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
 * (inside the folder, each once, case-insensitively) before anything is
 * written; the writer thread (src/build/file-writer.ts) then creates them.
 * @throws Error naming the path written twice, or EEXIST when a file already exists
 */
export function writeOutputFiles(outDir: string, files: Iterable<OutputFile | LazyOutputFile>, concurrency = 32): Promise<number> {
  const seen = new Map<string, string>();
  let jobs: { target: string; contents: OutputFile["contents"] | LazyOutputFile["contents"] }[];
  try {
    jobs = [...files].map((file) => {
      const key = file.path.toLowerCase();
      const other = seen.get(key);
      if (other !== undefined) throw new Error(`Refusing to write "${file.path}" twice (also as "${other}"): every output has one owner in the output plan`);
      seen.set(key, file.path);
      return { target: resolveOutputPath(outDir, file.path), contents: file.contents };
    });
  } catch (error) {
    return Promise.reject(error);
  }
  const writer = fileWriter();
  // Bytes already in memory go to the writer all at once (it works through them while this thread
  // renders on); lazy ones are produced `concurrency` ahead of it, so memory holds only those.
  const eager = jobs.filter((job) => typeof job.contents !== "function");
  const lazy = jobs.filter((job) => typeof job.contents === "function");
  const writes = [
    ...eager.map((job) => writer.write(job.target, job.contents as OutputBody)),
    inParallel(lazy.length, concurrency, (i) => {
      const { target, contents } = lazy[i]!;
      return writer.write(target, (contents as () => OutputBody)());
    }),
  ];
  // Not an async function: its frame (`files`, `jobs`: a whole batch of pages' text) would live
  // until the last write ends; what waits below holds only the promises.
  return settled(writes, writer, jobs.length);
}

async function settled(writes: readonly Promise<unknown>[], writer: FileWriter, count: number): Promise<number> {
  const outcomes = await Promise.allSettled(writes);
  // Every write settled first: nothing is still writing when the caller gives up on the folder.
  const failed = outcomes.find((o) => o.status === "rejected");
  if (failed) {
    await writer.idle();
    throw failed.reason;
  }
  return count;
}

/** Runs task(0 … count-1) with at most `limit` in flight. */
export async function inParallel(count: number, limit: number, task: (index: number) => Promise<unknown>): Promise<void> {
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < count) await task(next++);
  };
  await Promise.all(Array.from({ length: Math.min(limit, count) }, lane));
}

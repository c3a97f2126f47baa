/**
 * The single door through which post-Eleventy steps (feeds, QR images,
 * redirects, search) write files. Every path is checked to stay inside the
 * output folder, so no content value can ever direct a write elsewhere.
 */
import { mkdirSync, writeFileSync } from "node:fs";
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

/** Writes every file, creating folders as needed. */
export function writeOutputFiles(outDir: string, files: Iterable<OutputFile>): number {
  const made = new Set<string>();
  let count = 0;
  for (const file of files) {
    const target = resolveOutputPath(outDir, file.path);
    const dir = path.dirname(target);
    if (!made.has(dir)) {
      mkdirSync(dir, { recursive: true });
      made.add(dir);
    }
    writeFileSync(target, file.contents);
    count++;
  }
  return count;
}

/**
 * The one place image bytes are read from content/: through the project's
 * checked content reader (src/content/content-files.ts — regular file whose
 * real path is inside content/, opened without following links and checked
 * on the open descriptor, size capped while reading), so the build and the
 * preview publish exactly what the loader accepted and nothing swapped in
 * since. Problems other than a missing file come back worded by that reader
 * (a link, a folder, a device, too large…).
 */
import path from "node:path";
import type { ContentError } from "../content/errors.ts";
import { tryReadContentFile } from "../content/content-files.ts";

/** What an error about the file says (the caller adds where: article, field, line). */
export type ImageProblem = Pick<ContentError, "code" | "message" | "expected" | "fix">;

export type ImageRead = { readonly ok: true; readonly bytes: Buffer } | { readonly ok: false; readonly problem: "missing" } | { readonly ok: false; readonly problem: "refused"; readonly reason: ImageProblem };

/**
 * Reads an image file of an article.
 * @param rootDir project root
 * @param file path relative to rootDir, POSIX separators, under content/
 */
export function readImageFile(rootDir: string, file: string, maxBytes: number): ImageRead {
  const read = tryReadContentFile(rootDir, file, maxBytes, { article: file, field: "image.src", value: path.posix.basename(file) });
  if (read.ok) return read;
  if (read.problem.kind === "missing") return { ok: false, problem: "missing" };
  const { code, message, expected, fix } = read.problem.error;
  return { ok: false, problem: "refused", reason: { message, ...(code ? { code } : {}), ...(expected ? { expected } : {}), ...(fix ? { fix } : {}) } };
}

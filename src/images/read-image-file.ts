/**
 * The one place image bytes are read from content/. Every image the build
 * publishes comes through here, so switching to the project's checked
 * content reader (src/content/, being written) is a change to this file only.
 *
 * Until then it applies the same rules itself: the path must stay inside
 * content/ once symbolic links are resolved, name a regular file (not a
 * link, folder, device or FIFO), and be at most `maxBytes` long, checked
 * before reading (the size is checked again on the bytes read, in case the
 * file grew in between).
 */
import { lstatSync, readFileSync, realpathSync } from "node:fs";
import path from "node:path";

export type ImageRead =
  | { readonly ok: true; readonly bytes: Buffer }
  | { readonly ok: false; readonly problem: "missing" | "not-regular-file" | "too-large"; readonly size?: number };

/**
 * Reads an image file of an article.
 * @param rootDir project root
 * @param file path relative to rootDir, POSIX separators, under content/
 */
export function readImageFile(rootDir: string, file: string, maxBytes: number): ImageRead {
  const contentRoot = path.resolve(rootDir, "content");
  const target = path.resolve(rootDir, file);
  if (!target.startsWith(contentRoot + path.sep)) return { ok: false, problem: "not-regular-file" };
  let stats;
  try {
    stats = lstatSync(target);
  } catch {
    return { ok: false, problem: "missing" };
  }
  if (!stats.isFile()) return { ok: false, problem: "not-regular-file" };
  // A folder on the way may itself be a link out of content/.
  let real: string;
  let realRoot: string;
  try {
    real = realpathSync(target);
    realRoot = realpathSync(contentRoot);
  } catch {
    return { ok: false, problem: "missing" };
  }
  if (!real.startsWith(realRoot + path.sep)) return { ok: false, problem: "not-regular-file" };
  if (stats.size > maxBytes) return { ok: false, problem: "too-large", size: stats.size };
  const bytes = readFileSync(real);
  if (bytes.length > maxBytes) return { ok: false, problem: "too-large", size: bytes.length };
  return { ok: true, bytes };
}

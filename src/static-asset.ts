/**
 * Fingerprinted assets: files under layouts/assets/ published as
 * /assets/<name>-<hash>.<ext>, so `/assets/*` can be cached forever
 * (immutable in _headers) and a changed file always gets a new URL.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** layouts/assets/, found from this file so every loader agrees. */
export const ASSETS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../layouts/assets");

export interface StaticAsset {
  /** Root-relative fingerprinted URL, e.g. "/assets/reader-0123456789.js". */
  readonly url: string;
  readonly text: string;
}

/** The URL of `text` published as `name` with extension `ext`. */
export function fingerprintedUrl(name: string, ext: string, text: string): string {
  return `/assets/${name}-${createHash("sha256").update(text).digest("hex").slice(0, 10)}.${ext}`;
}

/** Reads layouts/assets/<file> (no caching: the preview picks up edits). */
export function readAsset(file: string): StaticAsset {
  const text = readFileSync(path.join(ASSETS_DIR, file), "utf8");
  const ext = path.extname(file).slice(1);
  return { url: fingerprintedUrl(path.basename(file, `.${ext}`), ext, text), text };
}

const cache = new Map<string, StaticAsset>();

/** {@link readAsset}, read once per process (scripts that only change with a release). */
export function cachedAsset(file: string): StaticAsset {
  let asset = cache.get(file);
  if (!asset) {
    asset = readAsset(file);
    cache.set(file, asset);
  }
  return asset;
}

/** The reading-tools script (layouts/assets/reader.js: text size, print button). */
export function readerScript(): StaticAsset {
  return cachedAsset("reader.js");
}

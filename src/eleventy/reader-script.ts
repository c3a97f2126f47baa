/**
 * The reading-tools script (layouts/assets/reader.js: text size, print
 * button), published under a content-hash name like the stylesheet so the
 * CDN and browsers can cache it forever (`/assets/*` is immutable in
 * _headers). Read once per process.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** layouts/assets/reader.js, found from this file so any loader agrees. */
export const READER_SCRIPT_FILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../layouts/assets/reader.js");

export interface StaticAsset {
  /** Root-relative fingerprinted URL, e.g. "/assets/reader-0123456789.js". */
  readonly url: string;
  readonly text: string;
}

let cached: StaticAsset | undefined;

/** The script's text and fingerprinted URL. */
export function readerScript(): StaticAsset {
  if (!cached) {
    const text = readFileSync(READER_SCRIPT_FILE, "utf8");
    cached = { url: `/assets/reader-${createHash("sha256").update(text).digest("hex").slice(0, 10)}.js`, text };
  }
  return cached;
}

/**
 * The search page's script (layouts/assets/search.js), published under a
 * content-hash name like the stylesheet, so `/assets/*` can be cached
 * forever. Read once per process.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { StaticAsset } from "../eleventy/reader-script.ts";

/** layouts/assets/search.js, found from this file so any loader agrees. */
export const SEARCH_SCRIPT_FILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../layouts/assets/search.js");

let cached: StaticAsset | undefined;

/** The script's text and fingerprinted URL ("/assets/search-0123456789.js"). */
export function searchScript(): StaticAsset {
  if (!cached) {
    const text = readFileSync(SEARCH_SCRIPT_FILE, "utf8");
    cached = { url: `/assets/search-${createHash("sha256").update(text).digest("hex").slice(0, 10)}.js`, text };
  }
  return cached;
}

/**
 * The reading-tools script (layouts/assets/reader.js: text size, print
 * button), published under a content-hash name like the stylesheet.
 */
import { cachedAsset, type StaticAsset } from "./static-asset.ts";

export type { StaticAsset };

/** The script's text and fingerprinted URL ("/assets/reader-0123456789.js"). */
export function readerScript(): StaticAsset {
  return cachedAsset("reader.js");
}

/**
 * The search page's script (layouts/assets/search.js), published under a
 * content-hash name like the stylesheet.
 */
import { cachedAsset, type StaticAsset } from "../static-asset.ts";

/** The script's text and fingerprinted URL ("/assets/search-0123456789.js"). */
export function searchScript(): StaticAsset {
  return cachedAsset("search.js");
}

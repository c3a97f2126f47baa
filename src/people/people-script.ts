/**
 * The people directory's filter script (layouts/assets/people-filter.js),
 * published under a content-hash name like the stylesheet.
 */
import { cachedAsset, type StaticAsset } from "../static-asset.ts";

/** The script's text and fingerprinted URL ("/assets/people-filter-0123456789.js"). */
export function peopleFilterScript(): StaticAsset {
  return cachedAsset("people-filter.js");
}

/**
 * Decap's interface in Vietnamese: decap-cms-locales' phrases, completed
 * with the ones it lacks from the message catalogue (cms.decap.* in
 * src/messages/areas/cms.ts). English stays registered underneath: Decap
 * falls back to it for any phrase still missing.
 */
import { en, vi, type Phrases } from "decap-cms-locales";
import { catalogueEntries } from "../../messages/catalogue.ts";
import { tIn, type MessageKey } from "../../messages/index.ts";

const PREFIX = "cms.decap.";

type MutablePhrases = { [key: string]: string | MutablePhrases };

function deepCopy(phrases: Phrases): MutablePhrases {
  return JSON.parse(JSON.stringify(phrases)) as MutablePhrases;
}

/** vi phrases plus the catalogue's cms.decap.* entries (which win). */
export function vietnamesePhrases(): MutablePhrases {
  const out = deepCopy(vi);
  for (const [key] of catalogueEntries()) {
    if (!key.startsWith(PREFIX)) continue;
    const path = key.slice(PREFIX.length).split(".");
    let node = out;
    for (const segment of path.slice(0, -1)) {
      const next = node[segment];
      node = typeof next === "object" ? next : (node[segment] = {});
    }
    node[path[path.length - 1] ?? ""] = tIn("vi", key as MessageKey & `cms.decap.${string}`);
  }
  return out;
}

export { en as englishPhrases };

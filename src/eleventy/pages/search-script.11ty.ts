/** The search page's script, under its fingerprinted name (see src/search/search-script.ts). */
import { searchScript } from "../../search/search-script.ts";

export const data = { permalink: () => searchScript().url, eleventyExcludeFromCollections: true };

export function render(): string {
  return searchScript().text;
}

/** The reading-tools script, under its fingerprinted name (see reader-script.ts). */
import { readerScript } from "../reader-script.ts";

export const data = { permalink: () => readerScript().url, eleventyExcludeFromCollections: true };

export function render(): string {
  return readerScript().text;
}

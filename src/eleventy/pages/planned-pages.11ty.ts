/**
 * The one Eleventy template: one page per entry of the `plannedPages` list
 * the build hands Eleventy (the output plan's pages, or a subset of them, see
 * src/build/render-pages.ts). Each entry carries its output path and renders
 * itself, so Eleventy decides nothing about URLs.
 */
import type { EleventyPage } from "../types.ts";

interface Data {
  readonly planned: EleventyPage;
}

export const data = {
  pagination: { data: "plannedPages", size: 1, alias: "planned" },
  permalink: (d: Data) => d.planned.permalink,
  eleventyExcludeFromCollections: true,
};

export function render(d: Data): string {
  return d.planned.render();
}

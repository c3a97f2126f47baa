/** The stylesheet, written under a content-hash name so the CDN can cache it forever. */
import type { SiteData } from "../site-data.ts";

export const data = { permalink: (d: { readonly site: SiteData }) => d.site.stylesheet.url, eleventyExcludeFromCollections: true };

export function render(d: { readonly site: SiteData }): string {
  return d.site.stylesheet.css;
}

/** /404.html: what the CDN answers for an unknown address. */
import { renderNotFoundPage } from "../../../layouts/not-found.ts";
import type { SiteData } from "../site-data.ts";

export const data = { permalink: "/404.html", eleventyExcludeFromCollections: true };

/** How many of the newest articles the 404 page offers. */
const LATEST = 5;

export function render(d: { readonly site: SiteData }): string {
  return renderNotFoundPage(d.site.layout, d.site.model.articles.slice(0, LATEST));
}

/** The search page, /tim-kiem/ (results come from the Pagefind bundle the search step writes). */
import { renderSearchPage } from "../../../layouts/search-page.ts";
import { searchScript } from "../../search/search-script.ts";
import type { SiteData } from "../site-data.ts";

export const data = { permalink: "/tim-kiem/", eleventyExcludeFromCollections: true };

export function render(d: { readonly site: SiteData }): string {
  return renderSearchPage(d.site.layout, d.site.model, searchScript().url);
}

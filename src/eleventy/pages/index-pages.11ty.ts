/** Home pages and province index pages, newest first. */
import { renderIndexPage } from "../../../layouts/index-page.ts";
import type { IndexPage } from "../../site-model.ts";
import type { SiteData } from "../site-data.ts";

interface Data {
  readonly site: SiteData;
  readonly indexPage: IndexPage;
}

export const data = {
  pagination: { data: "site.indexPages", size: 1, alias: "indexPage" },
  permalink: (d: Data) => d.indexPage.url,
  eleventyExcludeFromCollections: true,
};

export function render(d: Data): string {
  return renderIndexPage(d.site.layout, d.indexPage);
}

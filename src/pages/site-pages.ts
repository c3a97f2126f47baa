/** The site's single pages: the province directory, the search page, the 404 page. */
import { renderNotFoundPage } from "../../layouts/not-found.ts";
import { renderProvinceDirectory } from "../../layouts/province-directory.ts";
import { renderSearchPage } from "../../layouts/search-page.ts";
import { defineSinglePage } from "../plan/output-plan.ts";
import { SEARCH_PAGE_URL } from "../search/search-config.ts";
import type { SiteData } from "../site-data.ts";

/** How many of the newest articles the 404 page offers. */
const LATEST_ON_404 = 5;

export const provinceDirectoryPage = defineSinglePage<SiteData>({
  name: "province-directory",
  url: "/tinh-thanh/",
  render: (site) => renderProvinceDirectory(site.layout, site.model),
  reserves: () => [{ path: "tinh-thanh", shown: "/tinh-thanh/" }],
});

export const searchPage = defineSinglePage<SiteData>({
  name: "search-page",
  url: SEARCH_PAGE_URL,
  render: (site) => renderSearchPage(site.layout, site.model, site.assets.searchScript.url),
  reserves: () => [{ path: SEARCH_PAGE_URL.replaceAll("/", ""), shown: SEARCH_PAGE_URL }],
});

/** /404.html: what the CDN answers for an unknown address (and what the preview shows). */
export const notFoundPage = defineSinglePage<SiteData>({
  name: "not-found",
  url: "/404.html",
  reserves: () => [{ path: "404.html" }],
  render: (site) => renderNotFoundPage(site.layout, site.model.articles.slice(0, LATEST_ON_404)),
});

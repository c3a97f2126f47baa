/**
 * The open data as producers of the output plan: /du-lieu/ and the files
 * under /api/ (each dataset, its schema, its parts). Both folders are
 * reserved for these.
 */
import { renderOpenDataPage } from "../../layouts/open-data-page.ts";
import { defineFileStep, defineSinglePage } from "../plan/output-plan.ts";
import type { SiteData } from "../site-data.ts";
import { OPEN_DATA_PAGE, buildOpenDataFiles } from "./datasets.ts";
import { API_BASE } from "./schemas.ts";

export const openDataPage = defineSinglePage<SiteData>({
  name: "open-data-page",
  url: OPEN_DATA_PAGE,
  render: (site) => renderOpenDataPage(site.layout),
  reserves: () => [{ path: OPEN_DATA_PAGE.replaceAll("/", ""), shown: OPEN_DATA_PAGE }],
});

export const openDataFiles = defineFileStep<SiteData>({
  name: "open-data",
  reserves: () => [{ path: API_BASE.replaceAll("/", ""), shown: API_BASE }],
  *declare(site) {
    // The files are built together (one pass per dataset, split decided on sizes), on first use.
    let files: ReturnType<typeof buildOpenDataFiles> | undefined;
    const all = (): ReturnType<typeof buildOpenDataFiles> =>
      (files ??= buildOpenDataFiles({
        config: site.layout.config,
        articles: site.model.articles,
        provinces: site.model.provinces,
        people: site.people,
        awards: site.awards,
        shortUrlOf: (article) => site.links.shareOf(article).shortUrl,
      }));
    // Documents carry a digest of their items (made without joining them): an edit build reuses every part whose items did not change.
    for (const file of all()) yield { url: `/${file.path}`, body: () => file.contents, ...(file.fingerprint ? { fingerprint: file.fingerprint } : {}) };
  },
});

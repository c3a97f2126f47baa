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
    // Built together (one pass per dataset, the split decided on sizes). A file keeps its items' references and
    // digest, not their texts, from planning to writing (datasets.ts documentFile): an edit build reuses every
    // part whose digest is unchanged and serialises only the files it writes.
    const files = buildOpenDataFiles({
      config: site.layout.config,
      articles: site.model.articles,
      provinces: site.model.provinces,
      people: site.people,
      awards: site.awards,
      shortUrlOf: (article) => site.links.shareOf(article).shortUrl,
    });
    for (const file of files) yield { url: `/${file.path}`, body: () => file.contents, ...(file.fingerprint ? { fingerprint: file.fingerprint } : {}) };
  },
});

/** Home pages and province index pages (every unit, current and former), newest first. */
import { renderIndexPage } from "../../layouts/index-page.ts";
import { definePageType } from "../plan/output-plan.ts";
import { PROVINCES } from "../provinces.ts";
import type { SiteData } from "../site-data.ts";
import type { IndexPage } from "../site-model.ts";
import { stableDigest } from "../build/stable-digest.ts";

/** The folder of a list's later pages ("/trang/2/", "/gia-lai/trang/2/"): see src/site-model.ts pageUrl. */
const PAGES_FOLDER = "trang";

export const indexPages = definePageType<SiteData, IndexPage>({
  name: "index",
  items: (site) => site.indexPages,
  url: (page) => page.url,
  fingerprint: (page, site) => stableDigest(page, page.articles.map((a) => site.media?.of(a)?.thumbnail)),
  render: (page, site) => renderIndexPage(site.layout, page, { thumbnailOf: (a) => site.media?.of(a)?.thumbnail }),
  // Later pages appear as articles are added: keep their folders free now.
  *reserves() {
    yield { path: PAGES_FOLDER, shown: `/${PAGES_FOLDER}/` };
    for (const unit of PROVINCES) yield { path: `${unit.id}/${PAGES_FOLDER}`, shown: `/${unit.id}/${PAGES_FOLDER}/` };
  },
});

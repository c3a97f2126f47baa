/** Tag pages (/chu-de/<slug>/, paginated) and the tag index (/chu-de/): see src/tags.ts. */
import { renderTagIndex, renderTagPage } from "../../layouts/tag-pages.ts";
import { definePageType, defineSinglePage } from "../plan/output-plan.ts";
import type { SiteData } from "../site-data.ts";
import { TAGS_FOLDER, tagIndex, type TagPage } from "../tags.ts";
import { stableDigest } from "../build/stable-digest.ts";

export const tagPages = definePageType<SiteData, TagPage>({
  name: "tag",
  items: (site) => tagIndex(site.model).pages,
  url: (page) => page.url,
  // The tag itself by what the page shows of it (its name, address and count), not the tag's every article.
  fingerprint: (page, site) =>
    stableDigest({ ...page, tag: { name: page.tag.name, url: page.tag.url, count: page.tag.articles.length } }, page.articles.map((a) => site.media?.of(a)?.thumbnail)),
  render: (page, site) => renderTagPage(site.layout, page, (a) => site.media?.of(a)?.thumbnail),
  // Tags come and go with articles: the whole folder is theirs.
  reserves: () => [{ path: TAGS_FOLDER, shown: `/${TAGS_FOLDER}/`, allow: ["tag-index"] }],
});

export const tagIndexPage = defineSinglePage<SiteData>({
  name: "tag-index",
  url: `/${TAGS_FOLDER}/`,
  render: (site) => renderTagIndex(site.layout, tagIndex(site.model).tags),
});

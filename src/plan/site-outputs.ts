/**
 * The site's producers, in one list, and the plan of a site: what the build
 * writes and the preview serves. To add a kind of page, declare a page type
 * (definePageType, like src/pages/index-pages.ts) and list it here; to add
 * files, declare a file step (defineFileStep, like src/build/sitemap-step.ts)
 * and list it here. See src/plan/output-plan.ts for the design.
 */
import { articleImagesStep } from "../build/article-images.ts";
import { linksStep } from "../build/links-step.ts";
import { OUTPUT_MARKER } from "../build/output-dir.ts";
import { sitemapStep } from "../build/sitemap-step.ts";
import { assetsStep, staticFilesStep } from "../build/static-files-step.ts";
import type { ContentError } from "../content/errors.ts";
import { LEDGER_FILE } from "../links/ledger.ts";
import { feedsStep } from "../feeds.ts";
import { articlePages } from "../pages/article.ts";
import { indexPages } from "../pages/index-pages.ts";
import { sharePages } from "../pages/share.ts";
import { tagIndexPage, tagPages } from "../pages/tag-pages.ts";
import { notFoundPage, provinceDirectoryPage, searchPage } from "../pages/site-pages.ts";
import { adminProducer } from "../cms/admin-step.ts";
import { searchStep } from "../search/index-step.ts";
import type { SiteData } from "../site-data.ts";
import { FACTS_PRODUCERS } from "../open-data/facts-producers.ts";
import { defineFileStep, planOutputs, type OutputPlan, type Producer } from "./output-plan.ts";

/** The preview's own addresses (/__preview/…): no page may take them. */
export const PREVIEW_FOLDER = "__preview";

/** Addresses kept for parts of the site that are not producers here. */
const reservedElsewhere = defineFileStep<SiteData>({
  name: "preview",
  reserves: () => [{ path: PREVIEW_FOLDER, shown: `/${PREVIEW_FOLDER}/` }],
  declare: () => [],
});

/** The marker that tells the build an output folder is its own (src/build/output-dir.ts): no page may replace it. */
const outputMarker = defineFileStep<SiteData>({
  name: "build",
  reserves: () => [{ path: OUTPUT_MARKER, shown: `/${OUTPUT_MARKER}` }],
  declare: () => [],
});

/** Every producer of the site. Order only matters for timings and for listing. */
export const SITE_PRODUCERS: readonly Producer<SiteData>[] = [
  // Pages (Eleventy in the build)
  articlePages,
  indexPages,
  sharePages,
  provinceDirectoryPage,
  searchPage,
  notFoundPage,
  tagPages,
  tagIndexPage,
  // Files
  assetsStep,
  linksStep,
  sitemapStep,
  feedsStep,
  articleImagesStep,
  staticFilesStep,
  reservedElsewhere,
  outputMarker,
  // People, awards, open data (pages and files)
  ...FACTS_PRODUCERS,
  // Folders filled after planning
  searchStep,
  adminProducer,
];

/** The site data, its output plan, and every error, as the build and the preview both see them. */
export interface SitePlan {
  readonly data: SiteData;
  readonly plan: OutputPlan;
  /** Content errors, then published-URL record errors, then output conflicts. */
  readonly errors: readonly ContentError[];
}

/**
 * Plans the whole site. The build fails on any error; the preview shows them
 * in its banner. Both call this, so they report the same errors.
 * @param contentErrors errors found loading the content (invalid articles, damaged record)
 * @param previous the plan of an earlier version of the site, to reuse when no address changed (see planOutputs)
 */
export function planSite(data: SiteData, contentErrors: readonly ContentError[] = [], producers: readonly Producer<SiteData>[] = SITE_PRODUCERS, previous?: OutputPlan): SitePlan {
  const plan = planOutputs(data, producers, previous);
  return { data, plan, errors: siteErrors(data, contentErrors, plan) };
}

/**
 * Every error of a planned site, in the order planSite reports them.
 * Exported for the preview, which pairs fresh content errors with the
 * site data and plan of its last full plan while that plan is made again.
 */
export function siteErrors(data: SiteData, contentErrors: readonly ContentError[], plan: OutputPlan): readonly ContentError[] {
  // An article that does not load is absent from the site data, so the record
  // would also call it (and the people only it names) "no longer in content/"
  // and suggest aliases or withdrawing: a knock-on error, wrong advice. While
  // any article file has errors, the record's own errors wait; errors naming
  // an article file (a published URL it would break) still show.
  const articleFailed = contentErrors.some((e) => e.severity !== "warning" && e.file.endsWith(".md"));
  const recordErrors = [...data.links.plan.errors, ...data.people.errors].filter((e) => !articleFailed || e.file !== LEDGER_FILE);
  return [...contentErrors, ...recordErrors, ...plan.errors];
}

/**
 * The search index: a Pagefind bundle under /pagefind/, built from data
 * (never by parsing the generated pages again) and searched in the browser
 * by Pagefind's own runtime, driven by layouts/assets/search.js.
 *
 * What a page of the index holds, and why:
 * - its words are the article's *distinct folded words* (title, unit names,
 *   agency, officials, awards, tags, summary, body). Folding (fold.ts) is
 *   what makes "duong" find "đường"; the browser folds the query the same
 *   way. Distinct words rather than running text keep the index small (the
 *   download per search term) and cheap to build; the cost is no quoted-
 *   phrase search and no excerpt from the body, so results show the title,
 *   date, unit and summary, like the site's index pages;
 * - meta: what a result shows (title, day, unit label, short summary);
 * - filters: `province` (names of the units the article is listed under:
 *   its own and, for a former unit, the current one) and `year`;
 * - sort: `date`, the UTC instant in ISO 8601, so "newest first" is exact.
 *
 * The per-article part (folding the words, search-record.ts) is done by the
 * content-loading workers in parallel and cached with the parsed article;
 * this step only merges the records into the bundle.
 *
 * The bundle is written by pagefind-bundle.ts (seconds, little memory);
 * Pagefind's own indexer remains the fallback for a Pagefind version whose
 * format that writer does not know, and the reference the tests compare with.
 */
import * as pagefind from "pagefind";
import type { Article } from "../content/article.ts";
import { t } from "../messages/index.ts";
import type { OutputFile } from "../build/output-files.ts";
import { defineBundle } from "../plan/output-plan.ts";
import type { SiteData } from "../site-data.ts";
import { FoldedWordBag } from "./fold.ts";
import { SEARCH_BUNDLE_DIR } from "./search-config.ts";
import { PagefindBundleWriter, SUPPORTED_PAGEFIND_VERSIONS, pagefindRuntime, wordList, type BundlePage } from "./pagefind-bundle.ts";
import { rememberedTable, searchPage } from "./search-record.ts";

export { provinceFilterValues, searchPage, searchSortKey } from "./search-record.ts";

export { SEARCH_BUNDLE_DIR };

/** Index language: Vietnamese (Pagefind has no Vietnamese stemmer, so no stemming). */
export const SEARCH_LANGUAGE = "vi";

export interface SearchIndexResult {
  /** The bundle, paths under `pagefind/`. */
  readonly files: OutputFile[];
  readonly pageCount: number;
  /** Which indexer wrote it. */
  readonly indexer: "direct" | "pagefind";
}

export interface SearchIndexOptions {
  /** Force Pagefind's own indexer (slow: for comparison and as the fallback). */
  readonly indexer?: "direct" | "pagefind";
}

function underBundle(files: readonly OutputFile[]): OutputFile[] {
  return files.map((f) => ({ path: `${SEARCH_BUNDLE_DIR}/${f.path.replace(/\\/g, "/").replace(/^\/+/, "")}`, contents: f.contents }));
}

/**
 * The same pages through Pagefind's own indexer (its Node API), keeping
 * only the files the site serves. Records go in batches of 500: enough to
 * keep the service busy without queueing every message in memory at once.
 */
export async function buildWithPagefind(pages: Iterable<BundlePage>): Promise<OutputFile[]> {
  try {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: SEARCH_LANGUAGE });
    if (!index) throw new Error(`Search index: Pagefind did not start: ${errors.join("; ")}`);
    let batch: Promise<unknown>[] = [];
    for (const page of pages) {
      batch.push(
        index
          .addCustomRecord({
            url: page.url,
            content: wordList(page.words).join(" "),
            language: SEARCH_LANGUAGE,
            meta: { ...page.meta },
            filters: Object.fromEntries(Object.entries(page.filters).map(([k, v]) => [k, [...v]])),
            sort: { ...page.sort },
          })
          .then((r) => {
            if (r.errors.length > 0) throw new Error(`Search index: Pagefind rejected ${page.url}: ${r.errors.join("; ")}`);
          }),
      );
      if (batch.length >= 500) {
        await Promise.all(batch);
        batch = [];
      }
    }
    await Promise.all(batch);
    const got = await index.getFiles();
    if (got.errors.length > 0) throw new Error(`Search index: Pagefind failed: ${got.errors.join("; ")}`);
    return got.files
      .filter((f) => !/^(?:pagefind-(?:ui|modular-ui|component-ui|highlight)\.(?:js|css)|playground\/.*)$/.test(f.path))
      .map((f) => ({ path: f.path, contents: f.content }));
  } finally {
    await pagefind.close();
  }
}

/** Builds the search bundle for these articles (newest first, as the site lists them). */
export async function buildSearchIndex(articles: readonly Article[], options: SearchIndexOptions = {}): Promise<SearchIndexResult> {
  const bag = new FoldedWordBag({ pairs: true });
  const runtime = options.indexer === "pagefind" ? undefined : await pagefindRuntime(SEARCH_LANGUAGE);
  if (!runtime || !SUPPORTED_PAGEFIND_VERSIONS.includes(runtime.version)) {
    if (runtime) console.warn(t("search.pagefindVersion", { version: runtime.version, supported: SUPPORTED_PAGEFIND_VERSIONS.join(", ") }));
    const files = await buildWithPagefind(articles.map((a) => searchPage(a, bag)));
    return { files: underBundle(files), pageCount: articles.length, indexer: "pagefind" };
  }
  const writer = new PagefindBundleWriter(SEARCH_LANGUAGE, rememberedTable(articles));
  for (const article of articles) writer.addPage(searchPage(article, bag));
  const files = [...(await writer.finish(runtime, { positions: false })), ...runtime.files];
  return { files: underBundle(files), pageCount: writer.pageCount, indexer: "direct" };
}

/** The search bundle: the folder /pagefind/ of the output plan, filled by the build (the preview has none). */
export const searchStep = defineBundle<SiteData>({
  name: "search",
  folder: SEARCH_BUNDLE_DIR,
  async run(site) {
    const prefix = `${SEARCH_BUNDLE_DIR}/`;
    return (await buildSearchIndex(site.model.articles)).files.map((f) => ({ path: f.path.slice(prefix.length), contents: f.contents }));
  },
});

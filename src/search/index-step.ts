/**
 * The search index, built from data rather than from HTML: one Pagefind
 * custom record per article, sent to Pagefind's indexing service through
 * its Node API, so the 10,000+ generated pages are never parsed again.
 *
 * What a record holds, and why (measured on 10,000 articles of ~800 words,
 * see scripts/bench-search.ts):
 * - `content` is the article's *distinct folded words* (title, unit names,
 *   agency, officials, awards, tags, summary, body), not its running text.
 *   Folding (fold.ts) is what makes "duong" find "đường"; the browser folds
 *   the query the same way. Distinct words rather than the full text cut
 *   Pagefind's work (it compresses its index at the highest gzip level,
 *   which dominates its run time) and the bytes a reader downloads per result.
 *   The cost: no quoted-phrase search and no excerpt from the body, so the
 *   results show the article's summary instead, like the site's index pages.
 * - `meta` is only what a result shows: title, day, unit label, short summary.
 * - filters: `province` (unit names the article is listed under) and `year`.
 * - sort: `date`, the UTC instant in ISO 8601, so "newest first" is exact.
 */
import * as pagefind from "pagefind";
import type { CustomRecord, PagefindIndex } from "pagefind";
import type { Article } from "../content/article.ts";
import { truncateText } from "../markdown.ts";
import { getProvince, provinceLabel } from "../provinces.ts";
import type { OutputFile } from "../build/output-files.ts";
import type { BuildStep } from "../build/steps.ts";
import type { SiteData } from "../eleventy/site-data.ts";
import { FoldedWordBag } from "./fold.ts";

/** Output folder of the Pagefind bundle, relative to the site root. */
export const SEARCH_BUNDLE_DIR = "pagefind";

/** Filter names, shared with layouts/search-page.ts and layouts/assets/search.js. */
export const SEARCH_FILTERS = { province: "province", year: "year" } as const;

/** Characters of summary a search result shows. */
const RESULT_SUMMARY_LENGTH = 160;

/** Records sent to the Pagefind service per round trip; measured in scripts/bench-search.ts. */
export const DEFAULT_BATCH_SIZE = 500;

/**
 * Files of Pagefind's bundle the site never loads: the prebuilt UIs (which
 * inject inline styles, against the CSP) and the playground. The search page
 * uses pagefind.js, its worker, the WebAssembly and the index files only.
 */
const UNUSED_BUNDLE_FILE = /^(?:pagefind-(?:ui|modular-ui|component-ui|highlight)\.(?:js|css)|playground\/.*)$/;

/** Province filter values of an article: its own unit's name and, for a former unit, the current one's. */
export function provinceFilterValues(article: Article): string[] {
  return article.listedUnder.map((id) => getProvince(id)?.name ?? id);
}

/**
 * Sort key for "newest first": the UTC instant in ISO 8601, which orders
 * correctly as a string. (Pagefind reads all-numeric keys as 32-bit floats,
 * which would blur millisecond timestamps by hours.)
 */
export function searchSortKey(article: Article): string {
  return new Date(article.date.timestamp).toISOString();
}

/** Every piece of an article's text a reader might search for. */
function searchableTexts(article: Article, label: string): string[] {
  const texts = [article.title, label, article.summary, article.bodyText, ...article.tags];
  if (article.agency) texts.push(article.agency);
  if (article.author) texts.push(article.author);
  for (const o of article.officials) texts.push(o.name, o.role ?? "");
  for (const a of article.awards) texts.push(a.title, a.recipient ?? "", a.conferredBy ?? "");
  return texts;
}

/**
 * The Pagefind record for one article. Pass one `bag` for a whole build:
 * it caches folded tokens across articles.
 */
export function searchRecord(article: Article, bag: FoldedWordBag = new FoldedWordBag()): CustomRecord {
  const label = provinceLabel(article.province);
  return {
    url: article.url,
    content: bag.bag(searchableTexts(article, label)),
    language: "vi",
    meta: {
      title: article.title,
      date: article.date.day,
      province: label,
      summary: truncateText(article.summary, RESULT_SUMMARY_LENGTH),
    },
    filters: {
      [SEARCH_FILTERS.province]: provinceFilterValues(article),
      [SEARCH_FILTERS.year]: [String(article.date.year)],
    },
    sort: { date: searchSortKey(article) },
  };
}

export interface SearchIndexOptions {
  /** Records in flight per round trip to the Pagefind service. */
  readonly batchSize?: number;
}

export interface SearchIndexResult {
  /** The bundle, paths under `pagefind/`. */
  readonly files: OutputFile[];
  readonly recordCount: number;
}

function check(what: string, errors: readonly string[]): void {
  if (errors.length > 0) throw new Error(`Search index: ${what} failed: ${errors.join("; ")}`);
}

/**
 * Sends records batch by batch; the next batch is prepared while Pagefind
 * indexes the previous one, so both processes stay busy.
 */
async function addRecords(index: PagefindIndex, articles: readonly Article[], batchSize: number): Promise<void> {
  const bag = new FoldedWordBag();
  let inFlight: Promise<void> | undefined;
  for (let start = 0; start < articles.length; start += batchSize) {
    const batch = articles.slice(start, start + batchSize);
    const records = batch.map((article) => searchRecord(article, bag));
    await inFlight;
    inFlight = Promise.all(records.map((record) => index.addCustomRecord(record))).then((responses) =>
      responses.forEach((response, i) => check(`indexing ${records[i]?.url ?? "?"}`, response.errors)),
    );
  }
  await inFlight;
}

/**
 * Builds the Pagefind bundle for these articles, in memory. Starts the
 * Pagefind service and always stops it, also on failure.
 */
export async function buildSearchIndex(articles: readonly Article[], options: SearchIndexOptions = {}): Promise<SearchIndexResult> {
  const batchSize = Math.max(1, Math.floor(options.batchSize ?? DEFAULT_BATCH_SIZE));
  try {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: "vi" });
    check("starting Pagefind", errors);
    if (!index) throw new Error("Search index: Pagefind returned no index");
    await addRecords(index, articles, batchSize);
    const got = await index.getFiles();
    check("building the bundle", got.errors);
    const files: OutputFile[] = [];
    for (const file of got.files) {
      const relative = file.path.replace(/\\/g, "/").replace(/^\/+/, "");
      if (!UNUSED_BUNDLE_FILE.test(relative)) files.push({ path: `${SEARCH_BUNDLE_DIR}/${relative}`, contents: file.content });
    }
    return { files, recordCount: articles.length };
  } finally {
    await pagefind.close();
  }
}

const started = new WeakMap<SiteData, Promise<SearchIndexResult>>();

/**
 * Starts building the index for this build's data, once; later calls with
 * the same data share the result. The index needs only data, not pages, so
 * a build can call this before running Eleventy and let Pagefind (a separate
 * process) work while the pages render; {@link searchStep} then just waits.
 */
export function startSearchIndex(data: SiteData, options: SearchIndexOptions = {}): Promise<SearchIndexResult> {
  let job = started.get(data);
  if (!job) {
    job = buildSearchIndex(data.model.articles, options);
    job.catch(() => undefined); // reported by whoever awaits it (the build step)
    started.set(data, job);
  }
  return job;
}

/** Build step: the Pagefind bundle under /pagefind/. */
export const searchStep: BuildStep = {
  name: "search",
  async run({ data }) {
    return (await startSearchIndex(data)).files;
  },
};

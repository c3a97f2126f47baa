/**
 * The search index, built from data rather than from HTML: one Pagefind
 * custom record per article, sent to Pagefind's indexing service through
 * its Node API. This skips parsing the 10,000+ generated pages again (what
 * the Pagefind CLI would do) and is what keeps the search step fast.
 *
 * Diacritics: Pagefind folds tone marks on its own but not "đ" (see
 * fold.ts), so every record also carries the folded form of its đ-words in
 * a `fold` metadata field. Pagefind indexes metadata values as searchable
 * words without putting them into the excerpt text, so "duong" finds
 * "đường" and the page shows the original text.
 */
import * as pagefind from "pagefind";
import type { CustomRecord, PagefindIndex } from "pagefind";
import { rmSync } from "node:fs";
import path from "node:path";
import type { Article } from "../content/article.ts";
import { getProvince, provinceLabel } from "../provinces.ts";
import type { OutputFile } from "../build/output-files.ts";
import type { BuildStep } from "../build/steps.ts";
import { foldedExtraWords } from "./fold.ts";

/** Output folder of the Pagefind bundle, relative to the site root. */
export const SEARCH_BUNDLE_DIR = "pagefind";

/** Names of the Pagefind filters (also used by layouts/assets/search.js). */
export const SEARCH_FILTERS = { province: "province", year: "year" } as const;

/**
 * Files of Pagefind's bundle the site never loads: the prebuilt UIs (which
 * inject styles, against the CSP) and the playground. The search page uses
 * only pagefind.js, its worker, the WebAssembly and the index files.
 */
const UNUSED_BUNDLE_FILE = /^(?:pagefind-(?:ui|modular-ui|component-ui|highlight)\.(?:js|css)$|playground\/)/;

/** Names a province filter takes for an article: its own unit and, for a former unit, the current one. */
export function provinceFilterValues(article: Article): string[] {
  return article.listedUnder.map((id) => getProvince(id)?.name ?? id);
}

/**
 * Sort key for "newest first": the UTC instant in ISO 8601, which orders
 * correctly as a string (Pagefind sorts non-numeric keys as strings; a
 * millisecond timestamp would lose precision if it were read as a float).
 */
export function searchSortKey(article: Article): string {
  return new Date(article.date.timestamp).toISOString();
}

/** The Pagefind record for one article. */
export function searchRecord(article: Article): CustomRecord {
  const province = provinceLabel(article.province);
  const meta: Record<string, string> = { title: article.title, date: article.date.day, province };
  if (article.agency) meta["agency"] = article.agency;
  if (article.tags.length > 0) meta["tags"] = article.tags.join(", ");
  const people = article.officials.map((o) => o.name).join(", ");
  if (people) meta["people"] = people;
  const fold = foldedExtraWords(`${article.title}\n${province}\n${meta["agency"] ?? ""}\n${meta["tags"] ?? ""}\n${people}\n${article.bodyText}`);
  if (fold.length > 0) meta["fold"] = fold.join(" ");
  return {
    url: article.url,
    content: article.bodyText,
    language: "vi",
    meta,
    filters: { [SEARCH_FILTERS.province]: provinceFilterValues(article), [SEARCH_FILTERS.year]: [String(article.date.year)] },
    sort: { date: searchSortKey(article) },
  };
}

export interface SearchIndexOptions {
  /**
   * Records sent to the Pagefind service before waiting for its answers.
   * Bounds the memory of queued messages; see scripts/bench-search.ts.
   */
  readonly batchSize?: number;
  /**
   * Where the bundle goes: returned in memory as OutputFile[] (default), or
   * written by Pagefind itself into `<dir>/pagefind` (then nothing is returned).
   */
  readonly writeTo?: string;
}

export interface SearchIndexResult {
  readonly files: OutputFile[];
  readonly recordCount: number;
}

function check(what: string, errors: readonly string[]): void {
  if (errors.length > 0) throw new Error(`Search index: ${what} failed: ${errors.join("; ")}`);
}

async function addRecords(index: PagefindIndex, articles: readonly Article[], batchSize: number): Promise<void> {
  for (let start = 0; start < articles.length; start += batchSize) {
    const batch = articles.slice(start, start + batchSize);
    const responses = await Promise.all(batch.map((article) => index.addCustomRecord(searchRecord(article))));
    responses.forEach((response, i) => check(`indexing ${batch[i]?.url ?? "?"}`, response.errors));
  }
}

/** Builds the Pagefind bundle for these articles. Starts and always stops the Pagefind service. */
export async function buildSearchIndex(articles: readonly Article[], options: SearchIndexOptions = {}): Promise<SearchIndexResult> {
  const batchSize = Math.max(1, options.batchSize ?? DEFAULT_BATCH_SIZE);
  try {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: "vi" });
    check("starting Pagefind", errors);
    if (!index) throw new Error("Search index: Pagefind returned no index");
    await addRecords(index, articles, batchSize);
    if (options.writeTo !== undefined) {
      const bundle = path.join(options.writeTo, SEARCH_BUNDLE_DIR);
      const written = await index.writeFiles({ outputPath: bundle });
      check("writing the bundle", written.errors);
      for (const name of ["pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css", "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js"]) {
        rmSync(path.join(bundle, name), { force: true });
      }
      return { files: [], recordCount: articles.length };
    }
    const got = await index.getFiles();
    check("reading the bundle", got.errors);
    const files = got.files
      .filter((file) => !UNUSED_BUNDLE_FILE.test(file.path.replace(/^\/+/, "")))
      .map((file) => ({ path: `${SEARCH_BUNDLE_DIR}/${file.path.replace(/^\/+/, "")}`, contents: file.content }));
    return { files, recordCount: articles.length };
  } finally {
    await pagefind.close();
  }
}

/** Records in flight per round trip; measured in scripts/bench-search.ts. */
export const DEFAULT_BATCH_SIZE = 500;

/** Build step: the Pagefind bundle under /pagefind/. */
export const searchStep: BuildStep = {
  name: "search",
  async run({ data }) {
    return (await buildSearchIndex(data.model.articles)).files;
  },
};

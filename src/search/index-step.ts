/**
 * The search step of the build: every published article into the site's
 * search index (search-index.ts, format and reasons there), the folder
 * /du-lieu-tim-kiem/ of the output plan, searched in the browser by
 * layouts/assets/search.js.
 *
 * What the index holds per article, and why:
 * - its folded words and adjacent pairs (fold.ts: "duong" finds "đường",
 *   "da nang" finds "Đà Nẵng" side by side) with a BM25 impact each, the
 *   title, officials, agency and awards weighing more than the body
 *   (search-document.ts), so results are ordered by relevance;
 * - a small record for the result card and the excerpt: title, day, unit,
 *   the body text, and the fields that explain a match outside the body;
 * - its units (province filter) and, through its id, its date and year.
 *
 * The words are folded by the content-loading workers in parallel and
 * cached with the parsed article (search-record.ts); this step only merges
 * them into the index.
 */
import type { Article } from "../content/article.ts";
import type { OutputFile } from "../build/output-files.ts";
import { defineBundle } from "../plan/output-plan.ts";
import { articleDigest, digest } from "../build/stable-digest.ts";
import { getProvince } from "../provinces.ts";
import type { SiteData } from "../site-data.ts";
import { CompressedCache } from "./compressed-cache.ts";
import { FoldedWordBag } from "./fold.ts";
import { SEARCH_BUNDLE_DIR } from "./search-config.ts";
import { searchDocument } from "./search-document.ts";
import { SearchIndexWriter, type IndexedArticle, type SearchManifest } from "./search-index.ts";
import { rememberedTable, rememberedWords, searchWords } from "./search-record.ts";
import type { WordTable } from "./word-table.ts";

export { SEARCH_BUNDLE_DIR };

/** Province filter values of an article: its own unit's name and, for a former unit, the current one's. */
export function provinceFilterValues(article: Pick<Article, "listedUnder">): string[] {
  return article.listedUnder.map((id) => getProvince(id)?.name ?? id);
}

/**
 * One article as the index writer takes it. Pass one `bag` for a whole
 * build: its vocabulary is the writer's, and it caches folded tokens.
 */
export function indexedArticle(article: Article, bag: FoldedWordBag, table?: WordTable): IndexedArticle {
  return {
    words: (table && rememberedWords(article, table)) ?? searchWords(article, bag),
    document: searchDocument(article),
    timestamp: article.date.timestamp,
    year: article.date.year,
    units: provinceFilterValues(article),
  };
}

export interface SearchIndexResult {
  /** The index, paths under the bundle folder (`du-lieu-tim-kiem/…`). */
  readonly files: OutputFile[];
  readonly manifest: SearchManifest;
}

/**
 * Builds the search index for these articles (any order: ids follow the
 * date). With `cache`, files compressed by an earlier build are taken from it.
 */
export async function buildSearchIndex(articles: readonly Article[], cache: CompressedCache = CompressedCache.none()): Promise<SearchIndexResult> {
  // The loader's words when every article has them (search-record.ts), else folded here.
  const table = rememberedTable(articles);
  const bag = new FoldedWordBag({ pairs: true });
  const writer = new SearchIndexWriter(table ? table.words : bag.vocabulary);
  for (const article of articles) writer.add(indexedArticle(article, bag, table));
  const { files, manifest } = await writer.finish(cache);
  return { files: files.map((f) => ({ path: `${SEARCH_BUNDLE_DIR}/${f.path}`, contents: f.contents })), manifest };
}

/** The search bundle: the folder of the output plan, filled by the build (the preview has none). */
export const searchStep = defineBundle<SiteData>({
  name: "search",
  folder: SEARCH_BUNDLE_DIR,
  // The index is made of the articles alone (in their order); code and settings are in the build digest.
  fingerprint: (site) => digest(...site.model.articles.map(articleDigest)),
  async run(site) {
    const prefix = `${SEARCH_BUNDLE_DIR}/`;
    const cache = CompressedCache.forProject(site.rootDir);
    const { files } = await buildSearchIndex(site.model.articles, cache);
    cache.save();
    return files.map((f) => ({ path: f.path.slice(prefix.length), contents: f.contents }));
  },
});

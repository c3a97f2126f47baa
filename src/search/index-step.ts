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
 * them into the index, or, when a previous build left its state and only
 * some articles changed, patches that build's index (index-state.ts).
 */
import type { Article } from "../content/article.ts";
import type { OutputFile } from "../build/output-files.ts";
import { defineBundle } from "../plan/output-plan.ts";
import { articleDigest, digest } from "../build/stable-digest.ts";
import { getProvince } from "../provinces.ts";
import type { SiteData } from "../site-data.ts";
import { CompressedCache } from "./compressed-cache.ts";
import { FoldedWordBag, type WeightedWords } from "./fold.ts";
import { IndexStateFile, patchIndex, type PatchDocument } from "./index-state.ts";
import { SEARCH_BUNDLE_DIR } from "./search-config.ts";
import { searchDocument } from "./search-document.ts";
import { SearchIndexWriter, dateOrder, type IndexedArticle, type SearchManifest, type WrittenIndex } from "./search-index.ts";
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
 * `withDigest`: carry the article's digest, so the writer returns the state
 * a later build patches (index-state.ts).
 */
export function indexedArticle(article: Article, bag: FoldedWordBag, table?: WordTable, withDigest = false): IndexedArticle {
  return {
    words: wordsOf(article, bag, table),
    document: searchDocument(article),
    timestamp: article.date.timestamp,
    year: article.date.year,
    units: provinceFilterValues(article),
    ...(withDigest ? { digest: articleDigest(article) } : {}),
  };
}

/** The loader's words for `article` when it has them, else folded into `bag`. */
function wordsOf(article: Article, bag: FoldedWordBag, table: WordTable | undefined): WeightedWords {
  return (table && rememberedWords(article, table)) ?? searchWords(article, bag);
}

export interface SearchIndexResult {
  /** The index, paths under the bundle folder (`du-lieu-tim-kiem/…`). */
  readonly files: OutputFile[];
  readonly manifest: SearchManifest;
  /** Whether the previous build's index was patched (index-state.ts) rather than written in full. */
  readonly patched: boolean;
  /** When patched: how many word shards were read and written again. */
  readonly shardsRewritten?: number;
}

/**
 * Builds the search index for these articles (any order: ids follow the
 * date). With `cache`, files compressed by an earlier build are taken from
 * it; with `state` as well, the previous build's index is patched when only
 * some articles changed (index-state.ts), and the new state kept. The files
 * are the same either way.
 */
export async function buildSearchIndex(articles: readonly Article[], cache: CompressedCache = CompressedCache.none(), state: IndexStateFile = IndexStateFile.none()): Promise<SearchIndexResult> {
  // The loader's words when every article has them (search-record.ts), else folded here.
  const table = rememberedTable(articles);
  const bag = new FoldedWordBag({ pairs: true });
  const vocabulary = table ? table.words : bag.vocabulary;
  const keep = state.enabled && cache.enabled;
  const previous = keep ? state.read() : undefined;
  const inBundle = (written: WrittenIndex): OutputFile[] => written.files.map((f) => ({ path: `${SEARCH_BUNDLE_DIR}/${f.path}`, contents: f.contents }));
  if (previous) {
    const docs: PatchDocument[] = articles.map((article) => ({
      url: article.url,
      year: article.date.year,
      digest: articleDigest(article),
      units: provinceFilterValues(article),
      words: () => wordsOf(article, bag, table),
      document: () => searchDocument(article),
    }));
    const order = dateOrder(articles.map((a) => ({ timestamp: a.date.timestamp, url: a.url })));
    const patched = await patchIndex(
      previous,
      order.map((i) => docs[i]!),
      vocabulary,
      cache,
    );
    if (patched) {
      state.save(patched.state);
      return { files: inBundle(patched), manifest: patched.manifest, patched: true, shardsRewritten: patched.shardsRewritten ?? 0 };
    }
  }
  const writer = new SearchIndexWriter(vocabulary);
  for (const article of articles) writer.add(indexedArticle(article, bag, table, keep));
  const written = await writer.finish(cache);
  if (keep) state.save(written.state);
  return { files: inBundle(written), manifest: written.manifest, patched: false };
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
    const { files } = await buildSearchIndex(site.model.articles, cache, IndexStateFile.forProject(site.rootDir));
    cache.save();
    return files.map((f) => ({ path: f.path.slice(prefix.length), contents: f.contents }));
  },
});

/**
 * One article's record in the search index (what index-step.ts hands the
 * bundle writer), and the per-article part of it that is worth doing early.
 *
 * Folding an article's ~800 words and their pairs (fold.ts) and interning
 * them was most of the search step's work, and it depends on nothing but
 * the article, so the content-loading workers do it while they parse, in
 * parallel, and the parse cache keeps the words (src/cache/parse-cache.ts).
 * Workers send word ids of their own vocabulary, which the loader maps to
 * one table; it hands each article's ids over with {@link rememberSearchWords}
 * and buildSearchIndex writes with that table, interning nothing.
 * {@link searchPage} folds the article itself when nothing was remembered
 * (the preview, small sites loaded in-process, tests): the words, and the
 * bundle, are the same either way (test/build-workers.test.ts).
 *
 * Pure and free of Pagefind: workers bundle this module.
 */
import type { Article } from "../content/article.ts";
import { truncateText } from "../markdown.ts";
import { getProvince, provinceLabel } from "../provinces.ts";
import { FoldedWordBag } from "./fold.ts";
import type { BundlePage, InternedWords, WordTable } from "./pagefind-bundle.ts";
import { RESULT_SUMMARY_LENGTH, SEARCH_FILTERS } from "./search-config.ts";

/** Province filter values of an article: its own unit's name and, for a former unit, the current one's. */
export function provinceFilterValues(article: Pick<Article, "listedUnder">): string[] {
  return article.listedUnder.map((id) => getProvince(id)?.name ?? id);
}

/**
 * Sort key for "newest first": the UTC instant in ISO 8601, which orders
 * correctly as a string. (Pagefind reads all-numeric keys as 32-bit floats,
 * which would blur millisecond timestamps by hours.)
 */
export function searchSortKey(article: Pick<Article, "date">): string {
  return new Date(article.date.timestamp).toISOString();
}

/** The fields of an article the search words come from. */
export type SearchableArticle = Pick<Article, "title" | "province" | "summary" | "bodyText" | "tags" | "agency" | "author" | "officials" | "awards">;

/** Every piece of an article's text a reader might search for. */
function searchableTexts(article: SearchableArticle): string[] {
  const texts = [article.title, provinceLabel(article.province), article.summary, article.bodyText, ...article.tags];
  if (article.agency) texts.push(article.agency);
  if (article.author) texts.push(article.author);
  for (const o of article.officials) texts.push(o.name, o.role ?? "");
  for (const a of article.awards) texts.push(a.title, a.recipient ?? "", a.conferredBy ?? "");
  return texts;
}

/** The article's distinct folded search words and word pairs, as ids of `bag`'s vocabulary. */
export function searchWordIds(article: SearchableArticle, bag: FoldedWordBag): Int32Array {
  return bag.bagIds(searchableTexts(article));
}

/**
 * Search words as the parse cache keeps them: joined by single spaces (no
 * search word contains one), one string instead of ~900.
 */
export function joinWords(ids: Int32Array, bag: FoldedWordBag): string {
  const words = new Array<string>(ids.length);
  for (let i = 0; i < ids.length; i++) words[i] = bag.word(ids[i]!);
  return words.join(" ");
}

// Held on globalThis, like the site data: the loader and the search step may
// be loaded through different module graphs (tsx for Eleventy, vitest).
const KEY = Symbol.for("tong-ket.search-words");
function registry(): WeakMap<Article, InternedWords> {
  const holder = globalThis as unknown as Record<symbol, WeakMap<Article, InternedWords> | undefined>;
  holder[KEY] ??= new WeakMap();
  return holder[KEY];
}

/** Records the search words the loader computed for `article`: ids into `table`. */
export function rememberSearchWords(article: Article, ids: Int32Array, table: WordTable): void {
  registry().set(article, { ids, table });
}

/** The table the remembered words of `articles` use, when they all use one (else undefined). */
export function rememberedTable(articles: readonly Article[]): WordTable | undefined {
  const table = articles.length > 0 ? registry().get(articles[0]!)?.table : undefined;
  return table && articles.every((a) => registry().get(a)?.table === table) ? table : undefined;
}

/**
 * The index page of one article. Pass one `bag` for a whole build: it
 * caches folded tokens across articles.
 */
export function searchPage(article: Article, bag: FoldedWordBag = new FoldedWordBag({ pairs: true })): BundlePage {
  const label = provinceLabel(article.province);
  const remembered = registry().get(article);
  return {
    url: article.url,
    words: remembered ?? bag.bag(searchableTexts(article)),
    content: "",
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

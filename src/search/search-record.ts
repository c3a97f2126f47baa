/**
 * The per-article part of the search index that is worth doing early: the
 * article's folded words and adjacent pairs with their weighted frequencies
 * (fold.ts FoldedWordBag.weighted over search-document.ts searchFields).
 *
 * Folding an article's ~800 words and their pairs was most of the search
 * step's work, and it depends on nothing but the article, so the
 * content-loading workers do it while they parse, in parallel, and the
 * parse cache keeps the result (src/cache/parse-cache.ts). Workers send word
 * ids of their own vocabulary, which the loader maps to one table; it hands
 * each article's words over with {@link rememberSearchWords}, and the index
 * step (index-step.ts) writes with that table, interning nothing. Words
 * from the parse cache travel as the cache's line and are numbered only
 * when the index step asks for them (an edit build patches the previous
 * index and asks for the changed articles' only). Without
 * remembered words (the preview, small sites loaded in-process, tests) the
 * index step folds the article itself: the words, and the index, are the
 * same either way (test/build-workers.test.ts).
 *
 * Pure and free of I/O: workers bundle this module.
 */
import type { Article } from "../content/article.ts";
import type { FoldedWordBag, WeightedWords } from "./fold.ts";
import { searchFields, type SearchableArticle } from "./search-document.ts";
import type { WordTable } from "./word-table.ts";

/** The article's distinct folded words and pairs with weighted frequencies, as ids of `bag`'s vocabulary. */
export function searchWords(article: SearchableArticle, bag: FoldedWordBag): WeightedWords {
  return bag.weighted(searchFields(article));
}

/**
 * Search words as the parse cache keeps them, one line: the length, then
 * each word and its weighted frequency ("812 duong 8 _da_nang 3 …"; no search
 * word contains a space).
 */
export function joinWords(words: WeightedWords, word: (id: number) => string): string {
  const parts = new Array<string>(1 + words.ids.length * 2);
  parts[0] = String(words.length);
  for (let i = 0; i < words.ids.length; i++) {
    parts[1 + i * 2] = word(words.ids[i]!);
    parts[2 + i * 2] = String(words.tf[i]!);
  }
  return parts.join(" ");
}

/** The value of a count as {@link joinWords} writes it (decimal, no leading zero, at most 9 digits), or -1. */
function countOf(s: string): number {
  const length = s.length;
  if (length === 0 || length > 9 || (length > 1 && s.charCodeAt(0) === 48)) return -1;
  let n = 0;
  for (let i = 0; i < length; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/** Reads {@link joinWords}' line back, numbering words with `idOf`; undefined when it is not such a line. */
export function splitWords(joined: string, idOf: (word: string) => number): WeightedWords | undefined {
  const parts = joined.split(" ");
  const length = countOf(parts[0] ?? "");
  if (parts.length % 2 !== 1 || length < 0) return undefined;
  const n = (parts.length - 1) / 2;
  const ids = new Int32Array(n);
  const tf = new Uint16Array(n);
  for (let i = 0; i < n; i++) {
    const word = parts[1 + i * 2]!;
    const f = countOf(parts[2 + i * 2]!);
    if (word === "" || f < 0 || f > 65_535) return undefined;
    ids[i] = idOf(word);
    tf[i] = f;
  }
  return { ids, tf, length };
}

interface Remembered {
  /** The words, or the parse cache's line of them ({@link joinWords}, or where to read it), numbered when asked for. */
  readonly words: WeightedWords | string | (() => string);
  readonly table: WordTable;
}

// Held on globalThis, like the site data: the loader and the search step may
// be loaded through different module graphs (tsx for Eleventy, vitest).
const KEY = Symbol.for("tong-ket.search-words");
function registry(): WeakMap<Article, Remembered> {
  const holder = globalThis as unknown as Record<symbol, WeakMap<Article, Remembered> | undefined>;
  holder[KEY] ??= new WeakMap();
  return holder[KEY];
}

/**
 * Records the search words the loader computed for `article`: ids into
 * `table`, or the parse cache's line of them (or a function that reads it
 * from the cache's blob), numbered into `table` only if the search step
 * asks for them (an edit build asks for the changed articles' only:
 * src/search/index-state.ts).
 */
export function rememberSearchWords(article: Article, words: WeightedWords | string | (() => string), table: WordTable): void {
  registry().set(article, { words, table });
}

/** The table the remembered words of `articles` use, when they all use one (else undefined). */
export function rememberedTable(articles: readonly Article[]): WordTable | undefined {
  const table = articles.length > 0 ? registry().get(articles[0]!)?.table : undefined;
  return table && articles.every((a) => registry().get(a)?.table === table) ? table : undefined;
}

/**
 * The words remembered for `article` in `table`, if any (undefined also for
 * a line that is not search words: an older cache's; the caller folds the
 * article then). A line is numbered on each call, not kept as ids: the
 * search step asks once per article.
 */
export function rememberedWords(article: Article, table: WordTable): WeightedWords | undefined {
  const remembered = registry().get(article);
  if (remembered?.table !== table) return undefined;
  const { words } = remembered;
  if (typeof words === "function") return splitWords(words(), (word) => table.idOf(word));
  return typeof words === "string" ? splitWords(words, (word) => table.idOf(word)) : words;
}

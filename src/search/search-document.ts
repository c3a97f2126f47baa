/**
 * What the search index knows about one article: its texts with the weight
 * each carries in ranking, and the record a result is drawn from (title,
 * date, unit, the body text the excerpt is cut from, and the fields that
 * can explain a match that is not in the body).
 *
 * Weights are per occurrence and feed BM25's term frequency (search-index.ts):
 * a reader who types an official's name, an award or an agency is looking
 * for the article *about* them, so those fields count several times a word
 * of the body. The numbers were tuned on the known-item queries of
 * test/search-quality.browser.test.ts.
 *
 * Pure and free of I/O, so the content-loading workers can call it.
 */
import type { Article } from "../content/article.ts";
import { provinceLabel } from "../provinces.ts";
import type { WeightedText } from "./fold.ts";

/** Weight of one word of each field (body = 1). */
export const FIELD_WEIGHTS = {
  title: 6,
  official: 5,
  agency: 4,
  award: 4,
  unit: 3,
  tag: 3,
  role: 2,
  conferredBy: 2,
  author: 2,
  recipient: 1,
  summary: 1,
  body: 1,
} as const;

/**
 * Characters of body text kept for excerpts. An article's body is bounded by
 * the loader's file size limit; this bounds what one result downloads
 * (about 2 KB compressed for a typical 800-word article).
 */
export const EXCERPT_SOURCE_CHARS = 12_000;

/** The fields of an article the search words come from. */
export type SearchableArticle = Pick<Article, "title" | "province" | "summary" | "bodyText" | "tags" | "agency" | "author" | "officials" | "awards">;

/** Every text of an article a reader might search for, with its weight. */
export function searchFields(article: SearchableArticle): WeightedText[] {
  const w = FIELD_WEIGHTS;
  const fields: WeightedText[] = [
    { text: article.title, weight: w.title },
    { text: provinceLabel(article.province), weight: w.unit },
    { text: article.summary, weight: w.summary },
    { text: article.bodyText, weight: w.body },
  ];
  for (const tag of article.tags) fields.push({ text: tag, weight: w.tag });
  if (article.agency) fields.push({ text: article.agency, weight: w.agency });
  if (article.author) fields.push({ text: article.author, weight: w.author });
  for (const o of article.officials) {
    fields.push({ text: o.name, weight: w.official });
    if (o.role) fields.push({ text: o.role, weight: w.role });
  }
  for (const a of article.awards) {
    fields.push({ text: a.title, weight: w.award });
    if (a.recipient) fields.push({ text: a.recipient, weight: w.recipient });
    if (a.conferredBy) fields.push({ text: a.conferredBy, weight: w.conferredBy });
  }
  return fields;
}

/**
 * A result as the browser receives it (one small file per article, fetched
 * only when the result is shown). Short keys: 10,000 of these are written.
 * Every value is plain text; the page puts it in text nodes, never markup.
 */
export interface SearchDocument {
  /** Root-relative URL. */
  readonly u: string;
  /** Title. */
  readonly t: string;
  /** Day, YYYY-MM-DD. */
  readonly d: string;
  /** Unit label ("Bình Định, nay thuộc Gia Lai"). */
  readonly p: string;
  /** Body text (up to {@link EXCERPT_SOURCE_CHARS}), for the excerpt. */
  readonly x: string;
  /** Fields that explain a match outside the body: agency, officials, awards, tags (omitted when empty). */
  readonly a?: string;
  readonly o?: readonly string[];
  readonly k?: readonly string[];
  readonly g?: readonly string[];
}

/** Cuts text at a word boundary at most `max` characters in. */
function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.lastIndexOf(" ", max);
  return text.slice(0, cut > max / 2 ? cut : max);
}

/** The record a search result is drawn from. */
export function searchDocument(article: Pick<Article, "url" | "title" | "date" | "province" | "bodyText" | "agency" | "officials" | "awards" | "tags">): SearchDocument {
  const officials = article.officials.map((o) => [o.honorific, o.name].filter(Boolean).join(" ") + (o.role ? `, ${o.role}` : ""));
  const awards = article.awards.map((a) => [a.title, a.recipient, a.count !== undefined ? `(${a.count})` : undefined].filter(Boolean).join(" ") + (a.conferredBy ? ` — ${a.conferredBy}` : ""));
  return {
    u: article.url,
    t: article.title,
    d: article.date.day,
    p: provinceLabel(article.province),
    x: clip(article.bodyText, EXCERPT_SOURCE_CHARS),
    ...(article.agency ? { a: article.agency } : {}),
    ...(officials.length > 0 ? { o: officials } : {}),
    ...(awards.length > 0 ? { k: awards } : {}),
    ...(article.tags.length > 0 ? { g: [...article.tags] } : {}),
  };
}

/**
 * Tags ("Chủ đề"): one paginated page per tag at /chu-de/<slug>/ listing its
 * articles newest first, and an index of every tag at /chu-de/.
 *
 * - One tag, however it is typed: tags are the same when they are equal
 *   after NFC, collapsed spaces and Vietnamese lower case ("Chuyển đổi số"
 *   and "chuyển  đổi số"). The page shows the spelling its oldest article
 *   used.
 * - Slugs from Vietnamese text (src/slug.ts: "Chuyển đổi số" →
 *   "chuyen-doi-so"). Different tags whose slugs collide ("Tổng kết" and
 *   "Tổng két", or a tag of symbols only) get "-2", "-3"… in the order of
 *   their first use (oldest article first, then the text), so adding a
 *   newer article never moves an older tag's address.
 * - Cost: one pass over the articles (each tag of each article appended to
 *   its list), one sort of the distinct tags; computed once per site model
 *   and shared by every page.
 */
import type { Article } from "./content/article.ts";
import { slugify } from "./slug.ts";
import type { SiteModel } from "./site-model.ts";

/** The folder of tag pages ("/chu-de/"). */
export const TAGS_FOLDER = "chu-de";
/** The longest slug a tag gets (before a collision suffix). */
const TAG_SLUG_LENGTH = 60;
/** The slug of a tag whose text has no letter or digit left. */
const FALLBACK_SLUG = "chu-de";

export interface Tag {
  /** The spelling shown (the oldest article's). */
  readonly name: string;
  readonly slug: string;
  /** "/chu-de/<slug>/" */
  readonly url: string;
  /** Newest first. */
  readonly articles: readonly Article[];
}

/** One page of a tag's article list (the same shape as src/site-model.ts IndexPage, for the pager). */
export interface TagPage {
  readonly tag: Tag;
  readonly pageNumber: number;
  readonly pageCount: number;
  readonly url: string;
  readonly articles: readonly Article[];
  readonly previousUrl?: string;
  readonly nextUrl?: string;
}

export interface TagIndex {
  /** Every tag, in Vietnamese alphabetical order of its name. */
  readonly tags: readonly Tag[];
  /** Every page of every tag. */
  readonly pages: readonly TagPage[];
  /** The tag page of a tag as an article writes it (undefined for a tag no published article has). */
  urlOf(text: string): string | undefined;
}

/** What makes two tags the same tag. */
export function tagKey(text: string): string {
  return text.normalize("NFC").replace(/\s+/g, " ").trim().toLocaleLowerCase("vi");
}

/** URL of page `n` of a tag ("/chu-de/x/", "/chu-de/x/trang/2/"). */
function tagPageUrl(base: string, n: number): string {
  return n <= 1 ? base : `${base}trang/${n}/`;
}

interface Building {
  name: string;
  /** Oldest use (articles arrive newest first, so the last one seen). */
  firstUse: number;
  readonly articles: Article[];
}

const collator = new Intl.Collator("vi", { sensitivity: "base", numeric: true });

/** Builds the tag index of a list of articles sorted newest first (as the site model keeps them). */
export function buildTagIndex(articles: readonly Article[], pageSize: number): TagIndex {
  const byKey = new Map<string, Building>();
  for (const article of articles) {
    for (const text of article.tags) {
      const key = tagKey(text);
      if (key === "") continue;
      const entry = byKey.get(key);
      if (!entry) byKey.set(key, { name: text, firstUse: article.date.timestamp, articles: [article] });
      else if (entry.articles[entry.articles.length - 1] !== article) {
        entry.articles.push(article);
        // Older or as old: this spelling is the tag's first.
        if (article.date.timestamp <= entry.firstUse) {
          entry.firstUse = article.date.timestamp;
          entry.name = text;
        }
      }
    }
  }
  // Slugs in order of first use, so an older tag keeps its address when a newer one collides.
  const byAge = [...byKey.entries()].sort(([ka, a], [kb, b]) => a.firstUse - b.firstUse || (ka < kb ? -1 : ka > kb ? 1 : 0));
  const taken = new Set<string>();
  const urlByKey = new Map<string, string>();
  const tags: Tag[] = [];
  for (const [key, entry] of byAge) {
    const base = slugify(key, TAG_SLUG_LENGTH) || FALLBACK_SLUG;
    let slug = base;
    for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
    taken.add(slug);
    const url = `/${TAGS_FOLDER}/${slug}/`;
    urlByKey.set(key, url);
    tags.push({ name: entry.name, slug, url, articles: entry.articles });
  }
  tags.sort((a, b) => collator.compare(a.name, b.name) || (a.slug < b.slug ? -1 : 1));
  const pages: TagPage[] = [];
  for (const tag of tags) {
    const pageCount = Math.max(1, Math.ceil(tag.articles.length / pageSize));
    for (let n = 1; n <= pageCount; n++) {
      pages.push({
        tag,
        pageNumber: n,
        pageCount,
        url: tagPageUrl(tag.url, n),
        articles: tag.articles.slice((n - 1) * pageSize, n * pageSize),
        ...(n > 1 ? { previousUrl: tagPageUrl(tag.url, n - 1) } : {}),
        ...(n < pageCount ? { nextUrl: tagPageUrl(tag.url, n + 1) } : {}),
      });
    }
  }
  return { tags, pages, urlOf: (text) => urlByKey.get(tagKey(text)) };
}

const cache = new WeakMap<SiteModel, TagIndex>();

/** The tag index of a site model, built on first use and shared by every page of that model. */
export function tagIndex(model: SiteModel): TagIndex {
  let index = cache.get(model);
  if (!index) {
    index = buildTagIndex(model.articles, model.config.pageSize);
    cache.set(model, index);
  }
  return index;
}

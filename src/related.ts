/**
 * "Tin khác": the other articles an article page suggests. First the
 * articles of the same province listing (its own unit, then for a former
 * unit the current one), nearest in time first; then, if that leaves room,
 * the same year's articles from anywhere, nearest in time first.
 *
 * Cost: the lists are already sorted newest first (the site model keeps
 * them that way), so an article's neighbours in time sit next to it. An
 * index of each article's position in each list is built once per site
 * model (linear), after which one article's suggestions cost O(k): walk
 * outwards from its position, skipping at most the k already chosen. No
 * page ever scans all articles.
 */
import type { Article } from "./content/article.ts";
import type { SiteModel } from "./site-model.ts";

/** How many suggestions an article page shows. */
export const RELATED_LIMIT = 5;

/** A list sorted newest first with each article's position in it (by URL, which is unique). */
interface PositionedList {
  readonly articles: readonly Article[];
  readonly position: ReadonlyMap<string, number>;
}

export interface RelatedIndex {
  readonly byProvince: ReadonlyMap<string, PositionedList>;
  readonly byYear: ReadonlyMap<number, PositionedList>;
}

function positioned(articles: readonly Article[]): PositionedList {
  const position = new Map<string, number>();
  articles.forEach((a, i) => position.set(a.url, i));
  return { articles, position };
}

const cache = new WeakMap<SiteModel, RelatedIndex>();

/** The index for a site model, built on first use and then shared by every page of that model. */
export function relatedIndex(model: SiteModel): RelatedIndex {
  let index = cache.get(model);
  if (!index) {
    const byProvince = new Map<string, PositionedList>();
    for (const [id, articles] of model.byProvince) if (articles.length > 0) byProvince.set(id, positioned(articles));
    const years = new Map<number, Article[]>();
    for (const article of model.articles) {
      const list = years.get(article.date.year);
      if (list) list.push(article);
      else years.set(article.date.year, [article]);
    }
    const byYear = new Map<number, PositionedList>();
    for (const [year, articles] of years) byYear.set(year, positioned(articles));
    index = { byProvince, byYear };
    cache.set(model, index);
  }
  return index;
}

/** The list's other articles, nearest in time to the one at `from` first (ties: the newer). */
function* nearestInTime(list: readonly Article[], from: number, at: number): Generator<Article> {
  let newer = from - 1;
  let older = from + 1;
  while (newer >= 0 || older < list.length) {
    const a = list[newer];
    const b = list[older];
    if (a && (!b || a.date.timestamp - at <= at - b.date.timestamp)) {
      yield a;
      newer--;
    } else if (b) {
      yield b;
      older++;
    } else {
      return;
    }
  }
}

/** relatedArticles' answers at the default limit, per model: a build asks twice per article (its fingerprint, its page). */
const answers = new WeakMap<SiteModel, WeakMap<Article, readonly Article[]>>();

/** Up to `limit` other articles for `article`'s "Tin khác" box, best first. */
export function relatedArticles(model: SiteModel, article: Article, limit: number = RELATED_LIMIT): readonly Article[] {
  if (limit !== RELATED_LIMIT) return findRelated(model, article, limit);
  let known = answers.get(model);
  if (!known) answers.set(model, (known = new WeakMap()));
  let chosen = known.get(article);
  if (!chosen) known.set(article, (chosen = Object.freeze(findRelated(model, article, limit))));
  return chosen;
}

function findRelated(model: SiteModel, article: Article, limit: number): Article[] {
  if (limit <= 0) return [];
  const index = relatedIndex(model);
  const chosen: Article[] = [];
  const taken = new Set<string>([article.url]);
  const lists = [...article.listedUnder.map((id) => index.byProvince.get(id)), index.byYear.get(article.date.year)];
  for (const list of lists) {
    const from = list?.position.get(article.url);
    if (!list || from === undefined) continue;
    for (const other of nearestInTime(list.articles, from, article.date.timestamp)) {
      if (taken.has(other.url)) continue;
      taken.add(other.url);
      chosen.push(other);
      if (chosen.length >= limit) return chosen;
    }
  }
  return chosen;
}

/**
 * The newest articles other than `article`: what an article page shows when
 * it has no related article (alone in its province and year), so no page
 * ends with nothing to read next. O(limit): the list is newest first.
 */
export function latestArticles(model: SiteModel, article: Article, limit: number = RELATED_LIMIT): Article[] {
  const latest: Article[] = [];
  for (const other of model.articles) {
    if (latest.length >= limit) break;
    if (other.url !== article.url) latest.push(other);
  }
  return latest;
}

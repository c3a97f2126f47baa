/**
 * The preview's fast path for an edit: the edited article's page is rendered
 * from the new parse against the site data of the last full plan, so it is
 * served in milliseconds, while the full plan (site data and output plan for
 * every article: seconds at 10,000 articles) is made again in the
 * background (src/preview/preview-server.ts).
 *
 * That page is exactly what a full plan would serve only when the edit
 * leaves everything else the page reads unchanged: its address, date,
 * province, tags and officials (which decide its short link, the articles
 * it suggests, the person pages it links to) and everything that claims an
 * output (aliases, pictures). So an edit qualifies when it changed only
 * fields the page shows of the article itself (text, title, summary, agency,
 * author, review and plan years, awards); any other edit, or an added or
 * removed article, makes the preview plan the whole site before it answers,
 * as it always did. A field added to Article later counts as "everything
 * else" until listed here: slower, never wrong.
 */
import type { Article } from "../content/article.ts";
import { fileForUrl } from "../plan/output-plan.ts";
import type { SiteData } from "../site-data.ts";

/** Fields whose change shows on the article's own page only (other pages list some of them: they follow with the full plan). */
const PAGE_ONLY: ReadonlySet<string> = new Set<keyof Article>(["title", "summary", "body", "bodyText", "agency", "author", "reviewYear", "planYear", "awards"]);

/** Everything of an article except the fields its own page alone shows, as text (compared, never parsed). */
function contextOf(article: Article): string {
  // Top-level fields only: a nested "title" (of a picture, say) is context.
  return JSON.stringify(Object.entries(article).filter(([key]) => !PAGE_ONLY.has(key)));
}

/** Articles edited since the last full plan, whose pages the preview renders itself. */
export interface EditOverlay {
  /** Output path of the article page ("gia-lai/2016/x/index.html") → the article as parsed now. */
  readonly pages: ReadonlyMap<string, Article>;
  /** The last full plan's site data, which answers for the new articles as for the ones they replace. */
  readonly data: SiteData;
}

/**
 * The overlay that brings `planned` (the articles of the last full plan,
 * newest first) up to `now` (the articles as parsed now, newest first), or
 * undefined when some edit needs a full plan. Linear in the number of
 * articles, with an identity test for each unchanged one.
 */
export function editOverlay(data: SiteData, planned: readonly Article[], now: readonly Article[]): EditOverlay | undefined {
  if (planned.length !== now.length) return undefined;
  const pages = new Map<string, Article>();
  const replaced = new Map<Article, Article>();
  for (let i = 0; i < now.length; i++) {
    const after = now[i]!;
    const before = planned[i]!;
    if (after === before) continue;
    // Same position in a list sorted by date then URL, and the same context: the same place in the site.
    if (contextOf(after) !== contextOf(before)) return undefined;
    pages.set(fileForUrl(after.url), after);
    replaced.set(after, before);
  }
  return { pages, data: replacedData(data, replaced) };
}

/**
 * The site data, answering for each new article what it answers for the
 * one it replaces (short link, person pages: these are keyed by the article
 * object). Everything else is the same object, so caches keyed on it (the
 * related-articles index) keep working.
 */
function replacedData(data: SiteData, replaced: ReadonlyMap<Article, Article>): SiteData {
  if (replaced.size === 0) return data;
  const old = (article: Article): Article => replaced.get(article) ?? article;
  const { links, people } = data;
  return Object.freeze({
    ...data,
    links: Object.freeze({ ...links, shareOf: (article: Article) => links.shareOf(old(article)) }),
    people: Object.freeze({
      ...people,
      officialUrls: (article: Article) => people.officialUrls(old(article)),
      pageOf: (article: Article, index: number) => people.pageOf(old(article), index),
    }),
  });
}

/**
 * Small pieces shared by several layouts: article cards, pagination,
 * dates in <time>, province labels.
 */
import type { Article } from "../src/content/article.ts";
import type { ProcessedPicture } from "../src/images/article-media.ts";
import { thumbnailHtml } from "../src/images/picture-html.ts";
import { formatShortDay, formatVietnameseDate } from "../src/dates.ts";
import { provinceLabel } from "../src/provinces.ts";
import { html, type SafeHtml } from "../src/safe-html.ts";
import type { IndexPage } from "../src/site-model.ts";
import { sitePath, type SiteConfig } from "../src/site-config.ts";
import { UI } from "../src/ui-strings.ts";
import type { LinkConfig } from "./base.ts";

/** An article's list thumbnail (src/images/: ArticleMedia.thumbnail), when it has a photo of its own. */
export type ThumbnailOf = (article: Article) => ProcessedPicture | undefined;

/** <time> with the machine-readable +07:00 timestamp and a Vietnamese label. */
export function timeTag(article: Article, long = true): SafeHtml {
  return html`<time datetime="${article.date.iso}">${long ? formatVietnameseDate(article.date) : formatShortDay(article.date.day)}</time>`;
}

/**
 * One entry in an article list, with the article's thumbnail when it has a
 * photo (decorative next to the linked title: alt=""; 4:3, its box sized
 * by width/height before the file arrives).
 */
export function articleCard(config: SiteConfig, article: Article, showProvince: boolean, thumbnailOf?: ThumbnailOf): SafeHtml {
  const thumbnail = thumbnailOf?.(article);
  return html`<li class="card${thumbnail ? " with-thumb" : ""}">
${thumbnail ? html`<div class="card-thumb">${thumbnailHtml(config, thumbnail)}</div>` : ""}<h2><a href="${sitePath(config, article.url)}">${article.title}</a></h2>
<p class="meta">${timeTag(article, false)}${showProvince ? html` · <a href="${sitePath(config, `/${article.province.id}/`)}">${provinceLabel(article.province)}</a>` : ""}</p>
<p class="summary">${article.summary}</p>
</li>`;
}

/** The list of articles on an index page, or the empty-state text. */
export function articleList(config: SiteConfig, articles: readonly Article[], showProvince: boolean, thumbnailOf?: ThumbnailOf): SafeHtml {
  if (articles.length === 0) return html`<p class="empty">${UI.noArticles}</p>`;
  return html`<ol class="cards">${articles.map((a) => articleCard(config, a, showProvince, thumbnailOf))}</ol>`;
}

/** Previous/next links with the page position. */
export function pagination(config: LinkConfig, page: Pick<IndexPage, "pageCount" | "pageNumber" | "previousUrl" | "nextUrl">): SafeHtml {
  if (page.pageCount <= 1) return html``;
  return html`<nav class="pager" aria-label="${UI.pagination}">
${page.previousUrl ? html`<a rel="prev" href="${sitePath(config, page.previousUrl)}">${UI.previousPage}</a>` : ""}
<span>${UI.pageOf(page.pageNumber, page.pageCount)}</span>
${page.nextUrl ? html`<a rel="next" href="${sitePath(config, page.nextUrl)}">${UI.nextPage}</a>` : ""}
</nav>`;
}

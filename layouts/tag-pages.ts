/**
 * Tag pages: one paginated list per tag (/chu-de/<slug>/) and the index of
 * every tag with its article count (/chu-de/). See src/tags.ts.
 */
import { html } from "../src/safe-html.ts";
import { sitePath } from "../src/site-config.ts";
import type { Tag, TagPage } from "../src/tags.ts";
import { UI } from "../src/ui-strings.ts";
import { renderPage, type LayoutContext } from "./base.ts";
import { articleList, pagination, type ThumbnailOf } from "./components.ts";

/** Renders one page of a tag's article list. */
export function renderTagPage(ctx: LayoutContext, page: TagPage, thumbnailOf?: ThumbnailOf): string {
  const paged = page.pageNumber > 1 ? ` – ${UI.pageOf(page.pageNumber, page.pageCount)}` : "";
  const heading = UI.tagTitle(page.tag.name);
  return renderPage(ctx, {
    title: `${heading}${paged}`,
    description: UI.tagDescription(page.tag.name, page.tag.articles.length),
    url: page.url,
    breadcrumbs: [{ label: UI.home, url: "/" }, { label: UI.tagsTitle, url: "/chu-de/" }, { label: page.tag.name }],
    main: html`<h1>${heading}${paged}</h1>
${articleList(ctx.config, page.articles, true, thumbnailOf)}
${pagination(ctx.config, page)}`,
  });
}

/** Renders the list of every tag. */
export function renderTagIndex(ctx: LayoutContext, tags: readonly Tag[]): string {
  return renderPage(ctx, {
    title: UI.tagsTitle,
    description: UI.tagsDescription,
    url: "/chu-de/",
    breadcrumbs: [{ label: UI.home, url: "/" }, { label: UI.tagsTitle }],
    main: html`<h1>${UI.tagsTitle}</h1>
<p>${UI.tagsIntro}</p>
${tags.length === 0 ? html`<p class="empty">${UI.noArticles}</p>` : html`<ul class="tag-list">${tags.map((t) => html`<li><a href="${sitePath(ctx.config, t.url)}">${t.name}</a> <span class="count">${UI.articleCount(t.articles.length)}</span></li>`)}</ul>`}`,
  });
}

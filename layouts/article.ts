/**
 * The article page: title, date, province, agency, body, officials and
 * awards as structured sections, byline, figure with caption.
 */
import type { Article, Award, Official } from "../src/content/article.ts";
import { provinceLabel } from "../src/provinces.ts";
import { html, joinHtml, type SafeHtml } from "../src/safe-html.ts";
import { UI } from "../src/ui-strings.ts";
import { renderPage, type LayoutContext } from "./base.ts";
import { timeTag } from "./components.ts";

/** What else the article page shows around the article (filled by later features). */
export interface ArticlePageExtras {
  readonly head?: SafeHtml;
  readonly afterBody?: SafeHtml;
}

function official(o: Official): SafeHtml {
  return html`<li><span class="name">${o.honorific ? `${o.honorific} ` : ""}${o.name}</span>${o.role ? html`<span class="role"> – ${o.role}</span>` : ""}</li>`;
}

function award(a: Award): SafeHtml {
  const who = [a.count !== undefined ? String(a.count) : "", a.recipient ?? ""].filter(Boolean).join(" ");
  return html`<li><strong>${a.title}</strong>${who ? html`: ${who}` : ""}${a.conferredBy ? html` <span class="by">(${a.conferredBy} ${UI.conferredSuffix})</span>` : ""}</li>`;
}

function facts(article: Article): SafeHtml {
  const rows: [string, SafeHtml | string][] = [[UI.province, html`<a href="/${article.province.id}/">${provinceLabel(article.province)}</a>`]];
  if (article.agency) rows.push([UI.agency, article.agency]);
  if (article.reviewYear) rows.push([UI.reviewYear, String(article.reviewYear)]);
  if (article.planYear) rows.push([UI.planYear, String(article.planYear)]);
  return html`<dl class="facts">${rows.map(([k, v]) => html`<div><dt>${k}</dt><dd>${v}</dd></div>`)}</dl>`;
}

/** The <main> content of an article page (also used by previews). */
export function articleMain(article: Article, extras: ArticlePageExtras = {}): SafeHtml {
  return html`<article class="article">
<header>
<h1>${article.title}</h1>
<p class="meta">${timeTag(article)}</p>
${facts(article)}
</header>
${article.image ? html`<figure><img src="${article.image.src}" alt="${article.image.alt}" loading="eager" decoding="async">${article.image.caption ? html`<figcaption>${article.image.caption}</figcaption>` : ""}</figure>` : ""}
<div class="body">
${article.body}
</div>
${article.author ? html`<p class="byline"><span class="visually-hidden">${UI.author}: </span>${article.author}</p>` : ""}
${article.officials.length > 0 ? html`<section class="officials" aria-labelledby="dai-bieu"><h2 id="dai-bieu">${UI.officials}</h2><ul>${article.officials.map(official)}</ul></section>` : ""}
${article.awards.length > 0 ? html`<section class="awards" aria-labelledby="khen-thuong"><h2 id="khen-thuong">${UI.awards}</h2><ul>${article.awards.map(award)}</ul></section>` : ""}
${article.tags.length > 0 ? html`<p class="tags">${UI.tags}: ${joinHtml(article.tags, ", ")}</p>` : ""}
${extras.afterBody}
</article>`;
}

/** Renders the full article page. */
export function renderArticlePage(ctx: LayoutContext, article: Article, extras: ArticlePageExtras = {}): string {
  return renderPage(ctx, {
    title: article.title,
    description: article.summary,
    url: article.url,
    head: extras.head ?? html``,
    breadcrumbs: [
      { label: UI.home, url: "/" },
      { label: article.province.name, url: `/${article.province.id}/` },
      { label: article.title },
    ],
    main: articleMain(article, extras),
  });
}

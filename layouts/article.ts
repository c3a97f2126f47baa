/**
 * The article page: title, date, province, agency, body, officials and
 * awards as structured sections, byline, figure with caption; reading tools
 * (text size, print), share links, the printed address and QR code, and
 * "Tin khác".
 */
import { Buffer } from "node:buffer";
import type { Article, Award, Official } from "../src/content/article.ts";
import { formatShortDate, type ArticleDate } from "../src/dates.ts";
import { provinceLabel } from "../src/provinces.ts";
import { html, joinHtml, type SafeHtml } from "../src/safe-html.ts";
import type { ArticleMedia } from "../src/images/article-media.ts";
import { pageBody, pictureHtml } from "../src/images/picture-html.ts";
import { articleOpenGraph, newsArticleJsonLd } from "../src/seo.ts";
import { absoluteUrl, sitePath, type SiteConfig } from "../src/site-config.ts";
import { UI } from "../src/ui-strings.ts";
import { imageSrc, renderPage, type LayoutContext, type LinkConfig } from "./base.ts";
import { timeTag } from "./components.ts";

/** What else the article page shows around the article (filled by later features). */
export interface ArticlePageExtras {
  readonly head?: SafeHtml;
  readonly afterBody?: SafeHtml;
  /** Absolute short URL of the article: printed under the article and sent by e-mail. Default: the canonical URL. */
  readonly shareUrl?: string;
  /** QR code of `shareUrl` (inline SVG or <img>), shown only on paper. */
  readonly printQr?: SafeHtml;
  /** "Tin khác" (see src/related.ts: relatedArticles). */
  readonly related?: readonly Article[];
  /** Processed pictures and share card (src/images/article-media.ts); absent in the live preview. */
  readonly media?: ArticleMedia;
  /** Person page of each official, same positions as `article.officials` (src/people/: PeopleSite.officialUrls). */
  readonly officialUrls?: readonly (string | undefined)[];
  /** Tag page of each tag, same positions as `article.tags` (src/tags.ts); plain text without. */
  readonly tagUrls?: readonly (string | undefined)[];
  /** Last change after publication, from git history (src/git-dates.ts: lastUpdated). */
  readonly updated?: ArticleDate;
  /** The newest articles, shown under "Tin mới nhất" when `related` is empty, so no article ends without something to read next. */
  readonly latest?: readonly Article[];
}

function personLink(ctx: LayoutContext, url: string | undefined): string | undefined {
  return url === undefined ? undefined : sitePath(ctx.config, url);
}

/** One official as the feeds list them (no link). */
export function official(o: Official): SafeHtml {
  return officialItem(o, undefined);
}

/** One official as the page lists them, the name linked to their person page when they have one (src/people/). */
function officialItem(o: Official, personUrl: string | undefined): SafeHtml {
  const name = html`${o.honorific ? `${o.honorific} ` : ""}${o.name}`;
  return html`<li><span class="name">${personUrl ? html`<a href="${personUrl}">${name}</a>` : name}</span>${o.role ? html`<span class="role"> – ${o.role}</span>` : ""}</li>`;
}

/** One award as the page lists them (also the feeds' item content). */
export function award(a: Award): SafeHtml {
  const who = [a.count !== undefined ? String(a.count) : "", a.recipient ?? ""].filter(Boolean).join(" ");
  return html`<li><strong>${a.title}</strong>${who ? html`: ${who}` : ""}${a.conferredBy ? html` <span class="by">(${a.conferredBy} ${UI.conferredSuffix})</span>` : ""}</li>`;
}

function facts(config: LinkConfig, article: Article): SafeHtml {
  const rows: [string, SafeHtml | string][] = [[UI.province, html`<a href="${sitePath(config, `/${article.province.id}/`)}">${provinceLabel(article.province)}</a>`]];
  if (article.agency) rows.push([UI.agency, article.agency]);
  if (article.reviewYear) rows.push([UI.reviewYear, String(article.reviewYear)]);
  if (article.planYear) rows.push([UI.planYear, String(article.planYear)]);
  return html`<dl class="facts">${rows.map(([k, v]) => html`<div><dt>${k}</dt><dd>${v}</dd></div>`)}</dl>`;
}

/** A–, A, A+ and "print": buttons that need reader.js, so CSS shows them only once it ran (html.js). */
function readingTools(): SafeHtml {
  return html`<div class="tools" role="group" aria-label="${UI.articleTools}">
<span class="text-size" role="group" aria-label="${UI.textSize}"><button type="button" data-text-size="-">A−<span class="visually-hidden"> (${UI.textSmaller})</span></button><button type="button" data-text-size="0">A<span class="visually-hidden"> (${UI.textDefault})</span></button><button type="button" data-text-size="+">A+<span class="visually-hidden"> (${UI.textLarger})</span></button></span>
<button type="button" data-print>${UI.printArticle}</button>
</div>`;
}

/**
 * Zalo's own share button (its SDK) opens this page with the URL as base64
 * JSON in `d`; linking to it directly gives the same share dialog without
 * loading any third-party script.
 */
export function zaloShareUrl(url: string): string {
  const d = Buffer.from(JSON.stringify({ url }), "utf8").toString("base64");
  return `https://button-share.zalo.me/share_external?layout=1&color=blue&customize=false&d=${encodeURIComponent(d)}&shareType=0`;
}

export function facebookShareUrl(url: string): string {
  return `https://www.facebook.com/sharer/sharer.php?u=${encodeURIComponent(url)}`;
}

export function emailShareUrl(title: string, url: string): string {
  return `mailto:?subject=${encodeURIComponent(title)}&body=${encodeURIComponent(UI.emailBody(title, url))}`;
}

/**
 * Plain links, no scripts. Zalo and Facebook get the canonical address:
 * their crawlers build the preview card from that page's Open Graph tags,
 * which a short link's redirect page may not carry on every host.
 */
function shareLinks(article: Article, canonical: string, shareUrl: string): SafeHtml {
  return html`<p class="article-share">${UI.shareArticle}: <a href="${emailShareUrl(article.title, shareUrl)}">${UI.shareByEmail}</a> <a href="${zaloShareUrl(canonical)}">Zalo</a> <a href="${facebookShareUrl(canonical)}">Facebook</a></p>`;
}

/** Only on paper: where to read the article online, and its QR code. */
function printSource(url: string, qr: SafeHtml | undefined): SafeHtml {
  return html`<div class="print-source">${qr ? html`<div class="print-qr">${qr}</div>` : ""}<p>${qr ? html`${UI.printQrCaption}.<br>` : ""}${UI.printSource}:<br><span class="print-url">${url}</span></p></div>`;
}

/**
 * The lead photo: above the first screen, so loaded at once with high
 * priority, at its own aspect ratio (width/height from the file). In the
 * live preview (no processed media) the committed file is shown as it is.
 */
function leadFigure(config: SiteConfig, article: Article, media: ArticleMedia | undefined): SafeHtml {
  const image = article.image;
  if (!image) return html``;
  const lead = media?.lead;
  const picture = lead ? pictureHtml(config, lead, { eager: true }) : html`<img src="${imageSrc(config, image.src)}" alt="${image.alt}" loading="eager" decoding="async">`;
  const original = lead?.original ? html` <a class="original" href="${sitePath(config, lead.original.url)}" download>${UI.originalImage(lead.original.bytes)}</a>` : "";
  return html`<figure class="lead">${picture}${image.caption || original ? html`<figcaption>${image.caption ?? ""}${original}</figcaption>` : ""}</figure>`;
}

/**
 * "Tin khác": title, date and (when it differs) province of each
 * suggestion; without any, the latest news under its own heading.
 */
export function relatedSection(config: LinkConfig, current: Article, related: readonly Article[], latest: readonly Article[] = []): SafeHtml {
  if (related.length === 0 && latest.length > 0) return html`<section class="related" aria-labelledby="tin-moi"><h2 id="tin-moi">${UI.latest}</h2>${suggestionList(config, current, latest)}</section>`;
  if (related.length === 0) return html``;
  return html`<section class="related" aria-labelledby="tin-khac"><h2 id="tin-khac">${UI.related}</h2>${suggestionList(config, current, related)}</section>`;
}

function suggestionList(config: LinkConfig, current: Article, related: readonly Article[]): SafeHtml {
  return html`<ul>${related.map(
    (a) => html`<li><a href="${sitePath(config, a.url)}">${a.title}</a> <span class="meta">${timeTag(a, false)}${a.province.id === current.province.id ? "" : html` · ${provinceLabel(a.province)}`}</span></li>`,
  )}</ul>`;
}

/** "Cập nhật 02/02/2021, 17:00", only when the last change is on another day than the publication. */
function updatedTag(article: Article, updated: ArticleDate | undefined): SafeHtml {
  if (!updated || updated.day === article.date.day) return html``;
  return html`<span class="updated">${UI.updatedOn} <time datetime="${updated.iso}">${formatShortDate(updated)}, ${updated.iso.slice(11, 16)}</time></span>`;
}

/** The tags, each linked to its tag page when it has one. */
function tagList(config: LinkConfig, article: Article, urls: readonly (string | undefined)[] | undefined): SafeHtml {
  if (article.tags.length === 0) return html``;
  const items = article.tags.map((tag, i) => {
    const url = urls?.[i];
    return url ? html`<a href="${sitePath(config, url)}">${tag}</a>` : html`${tag}`;
  });
  return html`<p class="tags">${UI.tags}: ${joinHtml(items, ", ")}</p>`;
}

/** The <main> content of an article page (also used by previews). */
export function articleMain(ctx: LayoutContext, article: Article, extras: ArticlePageExtras = {}): SafeHtml {
  const canonical = absoluteUrl(ctx.config, article.url);
  const shareUrl = extras.shareUrl ?? canonical;
  return html`<article class="article">
<header>
<h1>${article.title}</h1>
<p class="meta">${timeTag(article)}${updatedTag(article, extras.updated)}</p>
${facts(ctx.config, article)}
</header>
${readingTools()}
${leadFigure(ctx.config, article, extras.media)}
<div class="body">
${pageBody(ctx.config, article.body, extras.media)}
</div>
${article.author ? html`<p class="byline"><span class="visually-hidden">${UI.author}: </span>${article.author}</p>` : ""}
${article.officials.length > 0 ? html`<section class="officials" aria-labelledby="dai-bieu"><h2 id="dai-bieu">${UI.officials}</h2><ul>${article.officials.map((o, i) => officialItem(o, personLink(ctx, extras.officialUrls?.[i])))}</ul></section>` : ""}
${article.awards.length > 0 ? html`<section class="awards" aria-labelledby="khen-thuong"><h2 id="khen-thuong">${UI.awards}</h2><ul>${article.awards.map(award)}</ul></section>` : ""}
${tagList(ctx.config, article, extras.tagUrls)}
${shareLinks(article, canonical, shareUrl)}
${printSource(shareUrl, extras.printQr)}
${extras.afterBody}
</article>
${relatedSection(ctx.config, article, extras.related ?? [], extras.latest)}`;
}

/** Renders the full article page. */
export function renderArticlePage(ctx: LayoutContext, article: Article, extras: ArticlePageExtras = {}): string {
  return renderPage(ctx, {
    title: article.title,
    description: article.summary,
    url: article.url,
    head: extras.head ?? html``,
    social: articleOpenGraph(ctx.config, article, extras.media),
    jsonLd: [extras.updated ? { ...newsArticleJsonLd(ctx.config, article, extras.media), dateModified: extras.updated.iso } : newsArticleJsonLd(ctx.config, article, extras.media)],
    breadcrumbs: [
      { label: UI.home, url: "/" },
      { label: article.province.name, url: `/${article.province.id}/` },
      { label: article.title },
    ],
    main: articleMain(ctx, article, extras),
  });
}

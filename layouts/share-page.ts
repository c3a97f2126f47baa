/**
 * The QR share page of an article: title, province and date, the QR code of
 * its permanent short link as inline SVG, downloads (SVG, PNG, as data: URLs
 * made by src/pages/share.ts), and a print
 * layout that fills whatever sheet is chosen (A4 poster, A6 card): the
 * print styles size the code from the page box, not from fixed millimetres.
 */
import { formatVietnameseDate } from "../src/dates.ts";
import type { SharePage } from "../src/links/site-links.ts";
import { provinceLabel } from "../src/provinces.ts";
import { html, trustedHtml, type SafeHtml } from "../src/safe-html.ts";
import { sitePath } from "../src/site-config.ts";
import { UI } from "../src/ui-strings.ts";
import { renderPage, type LayoutContext } from "./base.ts";

/**
 * The short URL as people read and type it: without "https://", the host
 * kept on one line (never broken mid-domain) and a line break allowed only
 * after a "/" of the path.
 */
export function shortUrlText(shortUrl: string): SafeHtml {
  const bare = shortUrl.replace(/^https?:\/\//, "").replace(/\/$/, "");
  const slash = bare.indexOf("/");
  const host = slash < 0 ? bare : bare.slice(0, slash);
  const path = slash < 0 ? [] : bare.slice(slash + 1).split("/");
  return html`<span class="short-host">${host}</span>${path.map((part) => html`/<wbr>${part}`)}`;
}

/** The QR code's downloads, as data: URLs ("data:image/png;base64,…"). */
export interface QrDownloads {
  readonly svg: string;
  readonly png: string;
}

/** Renders the share page; `svg` is generated QR markup (numbers only, label escaped by the generator). */
export function renderSharePage(ctx: LayoutContext, share: SharePage, svg: string, downloads: QrDownloads): string {
  const { article } = share;
  return renderPage(ctx, {
    title: `${UI.shareTitle}: ${article.title}`,
    description: `${UI.shareDescription} ${article.title}`,
    url: share.url,
    breadcrumbs: [
      { label: UI.home, url: "/" },
      { label: article.province.name, url: `/${article.province.id}/` },
      { label: article.title, url: article.url },
      { label: UI.shareTitle },
    ],
    main: html`<article class="share">
<p class="share-province">${provinceLabel(article.province)}</p>
<h1>${article.title}</h1>
<p class="meta"><time datetime="${article.date.iso}">${formatVietnameseDate(article.date)}</time></p>
<figure class="share-qr">${trustedHtml(svg)}<figcaption><span class="share-hint">${UI.shareScan}</span> <a class="short-url" href="${share.shortUrl}">${shortUrlText(share.shortUrl)}</a></figcaption></figure>
<div class="share-actions">
<p>${UI.shareDownload}: <a href="${downloads.svg}" download="ma-qr-${share.code}.svg">SVG</a> · <a href="${downloads.png}" download="ma-qr-${share.code}.png">PNG</a></p>
<p>${UI.sharePrintHint}</p>
<p><a href="${sitePath(ctx.config, article.url)}">${UI.shareBackToArticle}</a></p>
</div>
</article>`,
  });
}

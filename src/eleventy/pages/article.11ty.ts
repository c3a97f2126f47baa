/** One page per article, paginated over the loaded content. */
import { renderArticlePage } from "../../../layouts/article.ts";
import type { Article } from "../../content/article.ts";
import { relatedArticles } from "../../related.ts";
import { html, trustedHtml } from "../../safe-html.ts";
import { UI } from "../../ui-strings.ts";
import type { SiteData } from "../site-data.ts";

interface Data {
  readonly site: SiteData;
  readonly article: Article;
}

export const data = {
  pagination: { data: "site.model.articles", size: 1, alias: "article" },
  permalink: (d: Data) => d.article.url,
  eleventyExcludeFromCollections: true,
};

export function render(d: Data): string {
  const share = d.site.links.shareOf(d.article);
  return renderArticlePage(d.site.layout, d.article, {
    shareUrl: share.shortUrl,
    // Generated QR markup: numbers and an escaped label only.
    printQr: trustedHtml(d.site.qr.svg(share.shortUrl, `${UI.shareLink}: ${d.article.title}`)),
    afterBody: html`<p class="share-page-link"><a href="${share.url}">${UI.shareLink}</a></p>`,
    related: relatedArticles(d.site.model, d.article),
  });
}

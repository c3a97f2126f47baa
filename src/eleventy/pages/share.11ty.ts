/** One QR share page per article, at /ma-qr/<code>/. */
import { renderSharePage } from "../../../layouts/share-page.ts";
import type { SharePage } from "../../links/site-links.ts";
import { UI } from "../../ui-strings.ts";
import type { SiteData } from "../site-data.ts";

interface Data {
  readonly site: SiteData;
  readonly share: SharePage;
}

export const data = {
  pagination: { data: "site.links.sharePages", size: 1, alias: "share" },
  permalink: (d: Data) => d.share.url,
  eleventyExcludeFromCollections: true,
};

export function render(d: Data): string {
  return renderSharePage(d.site.layout, d.share, d.site.qr.svg(d.share.shortUrl, `${UI.shareLink}: ${d.share.article.title}`));
}

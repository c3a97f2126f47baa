/** One QR share page per article, at /ma-qr/<code>/ (its QR files come from the qr-files step). */
import { renderSharePage } from "../../layouts/share-page.ts";
import type { SharePage } from "../links/site-links.ts";
import { SHARE_FOLDER } from "../links/site-links.ts";
import { definePageType } from "../plan/output-plan.ts";
import type { SiteData } from "../site-data.ts";
import { UI } from "../ui-strings.ts";

export const sharePages = definePageType<SiteData, SharePage>({
  name: "share",
  items: (site) => site.links.sharePages,
  url: (share) => share.url,
  source: (share) => ({ file: share.article.sourcePath }),
  render: (share, site) => renderSharePage(site.layout, share, site.qr.svg(share.shortUrl, `${UI.shareLink}: ${share.article.title}`)),
  // Every code's folder, including codes of withdrawn and future articles.
  reserves: () => [{ path: SHARE_FOLDER, shown: `/${SHARE_FOLDER}/`, allow: ["qr-files"] }],
});

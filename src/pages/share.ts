/**
 * One QR share page per article, at /ma-qr/<code>/. Its downloads (SVG and
 * PNG) are data: URLs inside the page rather than two files beside it: a
 * QR code is a few KB (`ls -l _site/ma-qr/<code>/` of an earlier build:
 * PNG 1,031 bytes, SVG 4,278), and two more files per article were ~20,000
 * of the 83,547 files of a 10,000-article build (`npm run bench` prints the
 * file count), each costing a file creation on every build and an upload
 * on every deploy. The links still
 * work without JavaScript (an `<a download>` to a data: URL).
 */
import { renderSharePage, type QrDownloads } from "../../layouts/share-page.ts";
import type { SharePage } from "../links/site-links.ts";
import { SHARE_FOLDER } from "../links/site-links.ts";
import { definePageType } from "../plan/output-plan.ts";
import type { SiteData } from "../site-data.ts";
import { UI } from "../ui-strings.ts";
import { stableDigest } from "../build/stable-digest.ts";

/** The share page's downloads: the SVG (labelled with the title) and the PNG, as data: URLs. */
function qrDownloads(site: SiteData, share: SharePage): QrDownloads {
  return {
    svg: `data:image/svg+xml;base64,${Buffer.from(site.qr.svg(share.shortUrl, share.article.title)).toString("base64")}`,
    png: `data:image/png;base64,${site.qr.png(share.shortUrl).toString("base64")}`,
  };
}

export const sharePages = definePageType<SiteData, SharePage>({
  name: "share",
  items: (site) => site.links.sharePages,
  url: (share) => share.url,
  source: (share) => ({ file: share.article.sourcePath }),
  fingerprint: (share) => stableDigest(share),
  render: (share, site) => renderSharePage(site.layout, share, site.qr.svg(share.shortUrl, `${UI.shareLink}: ${share.article.title}`), qrDownloads(site, share)),
  // Every code's folder, including codes of withdrawn and future articles.
  reserves: () => [{ path: SHARE_FOLDER, shown: `/${SHARE_FOLDER}/` }],
});

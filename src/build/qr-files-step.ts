/**
 * The QR code downloads of each share page: /ma-qr/<code>/qr.svg and qr.png,
 * encoding the article's absolute short URL.
 */
import { defineFileStep } from "../plan/output-plan.ts";
import type { SiteData } from "../site-data.ts";

export const qrFilesStep = defineFileStep<SiteData>({
  name: "qr-files",
  *declare(site) {
    for (const share of site.links.sharePages) {
      const source = { file: share.article.sourcePath };
      const fingerprint = (): string => `${share.shortUrl}\n${share.article.title}`;
      yield { url: `${share.url}qr.svg`, source, fingerprint, body: () => site.qr.svg(share.shortUrl, share.article.title) };
      yield { url: `${share.url}qr.png`, source, fingerprint, body: () => site.qr.png(share.shortUrl) };
    }
  },
});

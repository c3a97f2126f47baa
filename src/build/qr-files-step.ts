/**
 * The QR code downloads of each share page: /ma-qr/<code>/qr.svg and qr.png,
 * encoding the article's absolute short URL.
 */
import type { SharePage } from "../links/site-links.ts";
import { defineFileStep, type ContentSource, type OutputDeclaration } from "../plan/output-plan.ts";
import type { SiteData } from "../site-data.ts";

/** One QR file (a class: two per article). */
class QrFile implements OutputDeclaration {
  readonly url: string;
  readonly source: ContentSource;
  constructor(
    private readonly site: SiteData,
    private readonly share: SharePage,
    private readonly format: "svg" | "png",
  ) {
    this.url = `${share.url}qr.${format}`;
    this.source = { file: share.article.sourcePath };
  }
  body(): string | Buffer {
    const { shortUrl, article } = this.share;
    return this.format === "svg" ? this.site.qr.svg(shortUrl, article.title) : this.site.qr.png(shortUrl);
  }
  /** What the file depends on: the short URL and, for the SVG's label, the title. */
  fingerprint(): string {
    return `${this.format}\n${this.share.shortUrl}\n${this.format === "svg" ? this.share.article.title : ""}`;
  }
}

export const qrFilesStep = defineFileStep<SiteData>({
  name: "qr-files",
  *declare(site) {
    for (const share of site.links.sharePages) {
      yield new QrFile(site, share, "svg");
      yield new QrFile(site, share, "png");
    }
  },
});

/**
 * Per-build link facts the layouts need: each article's short code, its
 * absolute short URL (what the QR code encodes) and its share page.
 */
import type { Article } from "../content/article.ts";
import { absoluteUrl, type SiteConfig } from "../site-config.ts";
import type { LinkPlan } from "./ledger.ts";
import { shortPath } from "./short-code.ts";

/** One article's share page, for pagination. */
export interface SharePage {
  readonly article: Article;
  readonly code: string;
  /** Absolute short URL encoded in the QR code. */
  readonly shortUrl: string;
  /** Root-relative URL of the share page. */
  readonly url: string;
}

export interface SiteLinks {
  readonly plan: LinkPlan;
  readonly sharePages: readonly SharePage[];
  /** The share page of an article (every published article has one). */
  shareOf(article: Article): SharePage;
}

/** The folder of share pages and their QR files. */
export const SHARE_FOLDER = "ma-qr";

/** "/ma-qr/<code>/": the share page of a code. */
export function sharePagePath(code: string): string {
  return `/${SHARE_FOLDER}/${code}/`;
}

export function createSiteLinks(config: SiteConfig, articles: readonly Article[], plan: LinkPlan): SiteLinks {
  const byArticle = new Map<Article, SharePage>();
  const sharePages = articles.map((article) => {
    const code = plan.codesOf.get(article)?.[0];
    if (!code) throw new Error(`no short code for ${article.sourcePath}`);
    const page: SharePage = { article, code, shortUrl: absoluteUrl(config, shortPath(code)), url: sharePagePath(code) };
    byArticle.set(article, page);
    return page;
  });
  return {
    plan,
    sharePages,
    shareOf(article) {
      const page = byArticle.get(article);
      if (!page) throw new Error(`no share page for ${article.sourcePath}`);
      return page;
    },
  };
}

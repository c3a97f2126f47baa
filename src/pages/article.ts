/** One page per article, at its canonical URL. */
import { renderArticlePage } from "../../layouts/article.ts";
import type { Article } from "../content/article.ts";
import { definePageType } from "../plan/output-plan.ts";
import { latestArticles, relatedArticles } from "../related.ts";
import { lastUpdated } from "../git-dates.ts";
import { tagIndex } from "../tags.ts";
import { html, trustedHtml } from "../safe-html.ts";
import { sitePath } from "../site-config.ts";
import type { SiteData } from "../site-data.ts";
import { UI } from "../ui-strings.ts";
import { articleDigest, digest, stableDigest } from "../build/stable-digest.ts";

/**
 * An article's page. Exported for the preview, which renders an article it
 * has just parsed again this way, against the site data of its last full
 * plan, while that plan is made again (src/preview/preview-server.ts).
 */
export function renderArticle(article: Article, site: SiteData): string {
  const share = site.links.shareOf(article);
  const related = relatedArticles(site.model, article);
  const tags = tagIndex(site.model);
  const updated = lastUpdated(site.updated, article);
  return renderArticlePage(site.layout, article, {
    shareUrl: share.shortUrl,
    // Generated QR markup: numbers and an escaped label only.
    printQr: trustedHtml(site.qr.svg(share.shortUrl, `${UI.shareLink}: ${article.title}`)),
    afterBody: html`<p class="share-page-link"><a href="${sitePath(site.layout.config, share.url)}">${UI.shareLink}</a></p>`,
    related,
    ...(related.length === 0 ? { latest: latestArticles(site.model, article) } : {}),
    ...(article.tags.length > 0 ? { tagUrls: article.tags.map((t) => tags.urlOf(t)) } : {}),
    ...(updated ? { updated } : {}),
    media: site.media?.of(article),
    officialUrls: site.people.officialUrls(article),
  });
}

export const articlePages = definePageType<SiteData, Article>({
  name: "article",
  items: (site) => site.model.articles,
  url: (article) => article.url,
  source: (article) => ({ file: article.sourcePath }),
  crossChecked: true,
  // Everything renderArticle reads: the article, its share link, the articles it suggests, tags, last change, pictures, people.
  fingerprint(article, site) {
    const share = site.links.shareOf(article);
    const related = relatedArticles(site.model, article);
    const latest = related.length === 0 ? latestArticles(site.model, article) : [];
    const tags = tagIndex(site.model);
    const more = stableDigest(
      article.tags.map((t) => tags.urlOf(t)),
      lastUpdated(site.updated, article),
      site.media?.of(article),
      site.people.officialUrls(article),
    );
    return more && digest(articleDigest(article), share.url, share.shortUrl, ...related.map(articleDigest), "latest", ...latest.map(articleDigest), more);
  },
  render: renderArticle,
});

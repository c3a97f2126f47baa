/** One page per article, paginated over the loaded content. */
import { renderArticlePage } from "../../../layouts/article.ts";
import type { Article } from "../../content/article.ts";
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
  return renderArticlePage(d.site.layout, d.article);
}

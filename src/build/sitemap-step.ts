/**
 * sitemap.xml: every canonical page (articles, home and province indexes,
 * the directory, share pages), never a redirect. The sitemap protocol allows
 * 50,000 URLs per file, so larger sites get numbered files and an index.
 */
import { absoluteUrl } from "../site-config.ts";
import { escapeHtml } from "../safe-html.ts";
import type { OutputFile } from "./output-files.ts";
import type { BuildStep } from "./steps.ts";

export const SITEMAP_LIMIT = 50_000;

interface Entry {
  readonly loc: string;
  readonly lastmod?: string;
}

function urlset(entries: readonly Entry[]): string {
  const items = entries.map((e) => `<url><loc>${escapeHtml(e.loc)}</loc>${e.lastmod ? `<lastmod>${e.lastmod}</lastmod>` : ""}</url>`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${items.join("\n")}\n</urlset>\n`;
}

export const sitemapStep: BuildStep = {
  name: "sitemap",
  run({ data }): OutputFile[] {
    const { config } = data.layout;
    const newest = data.model.articles[0]?.date.day;
    const at = (url: string, lastmod?: string): Entry => ({ loc: absoluteUrl(config, url), ...(lastmod ? { lastmod } : {}) });
    const entries: Entry[] = [];
    for (const page of data.indexPages) entries.push(at(page.url, page.articles[0]?.date.day ?? newest));
    entries.push(at("/tinh-thanh/", newest));
    for (const article of data.model.articles) entries.push(at(article.url, article.date.day));
    for (const share of data.links.sharePages) entries.push(at(share.url, share.article.date.day));
    if (entries.length <= SITEMAP_LIMIT) return [{ path: "sitemap.xml", contents: urlset(entries) }];
    const files: OutputFile[] = [];
    for (let i = 0; i * SITEMAP_LIMIT < entries.length; i++) files.push({ path: `sitemap-${i + 1}.xml`, contents: urlset(entries.slice(i * SITEMAP_LIMIT, (i + 1) * SITEMAP_LIMIT)) });
    const index = files.map((f) => `<sitemap><loc>${escapeHtml(absoluteUrl(config, `/${f.path}`))}</loc></sitemap>`).join("\n");
    files.push({ path: "sitemap.xml", contents: `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${index}\n</sitemapindex>\n` });
    return files;
  },
};

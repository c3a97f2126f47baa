/**
 * sitemap.xml: every canonical page (articles, home and province indexes,
 * the directory, share pages, tag pages), never a redirect. The sitemap protocol allows
 * 50,000 URLs per file, so larger sites get numbered files and an index.
 * Every name sitemap*.xml is reserved: the numbered files appear as the site grows.
 */
import { escapeHtml } from "../safe-html.ts";
import { defineFileStep, type OutputDeclaration } from "../plan/output-plan.ts";
import { absoluteUrl } from "../site-config.ts";
import type { SiteData } from "../site-data.ts";
import { factsPageCount, factsPages } from "../open-data/facts.ts";
import { lastUpdated } from "../git-dates.ts";
import { TAGS_FOLDER, tagIndex } from "../tags.ts";

export const SITEMAP_LIMIT = 50_000;

interface Entry {
  readonly loc: string;
  readonly lastmod?: string;
}

function urlset(entries: readonly Entry[]): string {
  const items = entries.map((e) => `<url><loc>${escapeHtml(e.loc)}</loc>${e.lastmod ? `<lastmod>${e.lastmod}</lastmod>` : ""}</url>`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${items.join("\n")}\n</urlset>\n`;
}

/** Every canonical page of the site with its last change. */
function sitemapEntries(site: SiteData): Entry[] {
  const { config } = site.layout;
  const newest = site.model.articles[0]?.date.day;
  const at = (url: string, lastmod?: string): Entry => ({ loc: absoluteUrl(config, url), ...(lastmod ? { lastmod } : {}) });
  const entries: Entry[] = [];
  for (const page of site.indexPages) entries.push(at(page.url, page.articles[0]?.date.day ?? newest));
  entries.push(at("/tinh-thanh/", newest));
  // An article's last change: from git history when it was edited after publication (src/git-dates.ts).
  const changed = (article: (typeof site.model.articles)[number]): string => (lastUpdated(site.updated, article) ?? article.date).day;
  for (const article of site.model.articles) entries.push(at(article.url, changed(article)));
  for (const share of site.links.sharePages) entries.push(at(share.url, changed(share.article)));
  const tags = tagIndex(site.model);
  entries.push(at(`/${TAGS_FOLDER}/`, newest));
  for (const page of tags.pages) entries.push(at(page.url, page.articles[0]?.date.day));
  for (const page of factsPages(site, newest)) entries.push(at(page.url, page.lastmod));
  return entries;
}

export const sitemapStep = defineFileStep<SiteData>({
  name: "sitemap",
  reserves: () => [{ pattern: /^sitemap[^/]*\.xml$/, shown: "/sitemap*.xml" }],
  *declare(site): Iterable<OutputDeclaration> {
    const { config } = site.layout;
    // The count is known without building the entries; the entries are built once, on first use.
    const count = site.indexPages.length + 1 + site.model.articles.length + site.links.sharePages.length + factsPageCount(site) + 1 + tagIndex(site.model).pages.length;
    let entries: Entry[] | undefined;
    const all = (): Entry[] => (entries ??= sitemapEntries(site));
    if (count <= SITEMAP_LIMIT) {
      yield { url: "/sitemap.xml", body: () => urlset(all()) };
      return;
    }
    const parts = Math.ceil(count / SITEMAP_LIMIT);
    for (let i = 0; i < parts; i++) yield { url: `/sitemap-${i + 1}.xml`, body: () => urlset(all().slice(i * SITEMAP_LIMIT, (i + 1) * SITEMAP_LIMIT)) };
    const index = Array.from({ length: parts }, (_, i) => `<sitemap><loc>${escapeHtml(absoluteUrl(config, `/sitemap-${i + 1}.xml`))}</loc></sitemap>`).join("\n");
    yield { url: "/sitemap.xml", body: () => `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${index}\n</sitemapindex>\n` };
  },
});

/**
 * The document shell every page shares: <head>, header, footer.
 * Pure function of typed data; escapes everything that is not SafeHtml.
 *
 * Nothing inline: one stylesheet and one small script, both external and
 * fingerprinted, so the Content-Security-Policy (src/security-headers.ts)
 * needs no 'unsafe-inline'. JSON-LD is a data block, not script.
 */
import { FAVICON_PATH } from "../src/build/static-files-step.ts";
import { html, type SafeHtml } from "../src/safe-html.ts";
import { SEARCH_PAGE_URL } from "../src/search/search-config.ts";
import { breadcrumbJsonLd, jsonLdScript, openGraphTags, type JsonLdNode, type OpenGraphArticle, type SocialImage } from "../src/seo.ts";
import { absoluteUrl, sitePath, type SiteConfig } from "../src/site-config.ts";
import { readerScript } from "../src/static-asset.ts";
import { UI } from "../src/ui-strings.ts";

/** Site-wide values every layout receives. */
export interface LayoutContext {
  readonly config: SiteConfig;
  /** Root-relative URL of the fingerprinted stylesheet. */
  readonly stylesheetUrl: string;
  /** Root-relative URL of the fingerprinted reading-tools script (default: readerScript() of src/static-asset.ts). */
  readonly scriptUrl?: string;
}

export interface Crumb {
  readonly label: string;
  readonly url?: string;
}

/** How the page looks when its link is pasted into Zalo or Facebook. */
export interface PageSocial {
  readonly type?: "website" | "article";
  readonly image?: SocialImage;
  readonly article?: OpenGraphArticle;
}

export interface PageShell {
  readonly title: string;
  readonly description: string;
  /** Root-relative canonical URL of this page. */
  readonly url: string;
  readonly main: SafeHtml;
  readonly breadcrumbs?: readonly Crumb[];
  /** Extra <head> elements (feeds…), already built with html``. */
  readonly head?: SafeHtml;
  /** Open Graph details beyond title, description and URL (default: a "website" card). */
  readonly social?: PageSocial;
  /** schema.org nodes for the page's JSON-LD block (a BreadcrumbList is added from `breadcrumbs`). */
  readonly jsonLd?: readonly JsonLdNode[];
  /** A page that is not a document of the site (404): no canonical link, no card, not indexed. */
  readonly noindex?: boolean;
}

/** What links need from the configuration: the path SITE_URL puts the site under. */
export type LinkConfig = Pick<SiteConfig, "basePath">;

/** An image address as written in a page: https:// addresses as they are, site paths under the base path. */
export function imageSrc(config: LinkConfig, src: string): string {
  return /^https?:\/\//i.test(src) ? src : sitePath(config, src);
}

function breadcrumbs(config: LinkConfig, crumbs: readonly Crumb[]): SafeHtml {
  return html`<nav class="crumbs" aria-label="${UI.breadcrumb}"><ol>${crumbs.map((c) =>
    c.url ? html`<li><a href="${sitePath(config, c.url)}">${c.label}</a></li>` : html`<li aria-current="page">${c.label}</li>`,
  )}</ol></nav>`;
}

function metadata(ctx: LayoutContext, page: PageShell): SafeHtml {
  if (page.noindex) return html`<meta name="robots" content="noindex">`;
  const canonical = absoluteUrl(ctx.config, page.url);
  const crumbs = page.breadcrumbs ?? [];
  const nodes = [...(page.jsonLd ?? []), ...(crumbs.length > 0 ? [breadcrumbJsonLd(ctx.config, crumbs, page.url)] : [])];
  return html`<link rel="canonical" href="${canonical}">
${openGraphTags({
  type: page.social?.type ?? "website",
  title: page.url === "/" ? UI.siteName : page.title,
  description: page.description,
  url: canonical,
  siteName: ctx.config.name,
  ...(page.social?.image ? { image: page.social.image } : {}),
  ...(page.social?.article ? { article: page.social.article } : {}),
})}
${jsonLdScript(nodes)}`;
}

/** The site's address as printed under its name on paper ("tongket.example.gov.vn/tin"). */
function printHost(config: SiteConfig): string {
  return absoluteUrl(config, "/").replace(/^https?:\/\//, "").replace(/\/$/, "");
}

/** Renders a complete HTML document. */
export function renderPage(ctx: LayoutContext, page: PageShell): string {
  const fullTitle = page.url === "/" ? UI.siteName : `${page.title} – ${UI.siteName}`;
  return html`<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${fullTitle}</title>
<meta name="description" content="${page.description}">
<link rel="stylesheet" href="${sitePath(ctx.config, ctx.stylesheetUrl)}">
<script src="${sitePath(ctx.config, ctx.scriptUrl ?? readerScript().url)}"></script>
<meta name="theme-color" content="#a3181d">
<link rel="icon" href="${sitePath(ctx.config, FAVICON_PATH)}" type="image/svg+xml">
${metadata(ctx, page)}
${page.head}
</head>
<body>
<a class="skip" href="#noi-dung">${UI.skipToContent}</a>
<p class="print-brand">${UI.siteName} · ${printHost(ctx.config)}</p>
<header class="site-header">
<a class="brand" href="${sitePath(ctx.config, "/")}">${UI.siteName}</a>
<a class="header-search" href="${sitePath(ctx.config, SEARCH_PAGE_URL)}">${UI.searchTitle}</a>
<nav aria-label="${UI.mainNav}"><ul>
<li><a href="${sitePath(ctx.config, "/")}">${UI.navLatest}</a></li>
<li><a href="${sitePath(ctx.config, "/tinh-thanh/")}">${UI.navProvinces}</a></li>
<li><a href="${sitePath(ctx.config, "/nhan-vat/")}">${UI.peopleTitle}</a></li>
<li><a href="${sitePath(ctx.config, "/khen-thuong/")}">${UI.awardsTitle}</a></li>
</ul></nav>
</header>
${page.breadcrumbs && page.breadcrumbs.length > 0 ? breadcrumbs(ctx.config, page.breadcrumbs) : ""}
<main id="noi-dung">
${page.main}
</main>
<footer class="site-footer"><p>${UI.footer}</p><p><a href="${sitePath(ctx.config, "/du-lieu/")}">${UI.footerData}</a></p></footer>
</body>
</html>
`.value;
}

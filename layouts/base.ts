/**
 * The document shell every page shares: <head>, header, footer.
 * Pure function of typed data; escapes everything that is not SafeHtml.
 */
import { html, type SafeHtml } from "../src/safe-html.ts";
import { absoluteUrl, type SiteConfig } from "../src/site-config.ts";
import { UI } from "../src/ui-strings.ts";

/** Site-wide values every layout receives. */
export interface LayoutContext {
  readonly config: SiteConfig;
  /** Root-relative URL of the fingerprinted stylesheet. */
  readonly stylesheetUrl: string;
}

export interface Crumb {
  readonly label: string;
  readonly url?: string;
}

export interface PageShell {
  readonly title: string;
  readonly description: string;
  /** Root-relative canonical URL of this page. */
  readonly url: string;
  readonly main: SafeHtml;
  readonly breadcrumbs?: readonly Crumb[];
  /** Extra <head> elements (feeds, Open Graph…), already built with html``. */
  readonly head?: SafeHtml;
}

function breadcrumbs(crumbs: readonly Crumb[]): SafeHtml {
  return html`<nav class="crumbs" aria-label="${UI.breadcrumb}"><ol>${crumbs.map((c) =>
    c.url ? html`<li><a href="${c.url}">${c.label}</a></li>` : html`<li aria-current="page">${c.label}</li>`,
  )}</ol></nav>`;
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
<link rel="canonical" href="${absoluteUrl(ctx.config, page.url)}">
<link rel="stylesheet" href="${ctx.stylesheetUrl}">
${page.head}
</head>
<body>
<a class="skip" href="#noi-dung">${UI.skipToContent}</a>
<header class="site-header">
<a class="brand" href="/">${UI.siteName}</a>
<nav aria-label="${UI.mainNav}"><ul>
<li><a href="/">${UI.latest}</a></li>
<li><a href="/tinh-thanh/">${UI.provinces}</a></li>
</ul></nav>
</header>
${page.breadcrumbs && page.breadcrumbs.length > 0 ? breadcrumbs(page.breadcrumbs) : ""}
<main id="noi-dung">
${page.main}
</main>
<footer class="site-footer"><p>${UI.footer}</p></footer>
</body>
</html>
`.value;
}

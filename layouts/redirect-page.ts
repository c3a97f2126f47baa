/**
 * Redirect pages for a static CDN: a short link (/q/<code>/) or an old URL
 * (an alias) leads to the article with a meta refresh, a canonical link and
 * a visible link for browsers that ignore the refresh. Hosts that read
 * `_redirects` answer with a real 301 instead. A withdrawn article's old
 * links lead to a page saying so, instead of a 404. Both name the site's
 * icon: without it a browser asks for /favicon.ico, outside a site that
 * lives under a path (SITE_URL with a path), and logs a 404.
 */
import { FAVICON_PATH } from "../src/build/static-files-step.ts";
import { html, type SafeHtml } from "../src/safe-html.ts";
import { absoluteUrl, sitePath, type SiteConfig } from "../src/site-config.ts";
import { UI } from "../src/ui-strings.ts";

/** The small standalone document both pages use (no site chrome: they are passed through, not read). */
function minimalDocument(config: Pick<SiteConfig, "basePath">, title: string, head: SafeHtml, main: SafeHtml): string {
  return html`<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<meta name="robots" content="noindex">
<link rel="icon" href="${sitePath(config, FAVICON_PATH)}" type="image/svg+xml">
${head}
</head>
<body>
<main>
${main}
</main>
</body>
</html>
`.value;
}

/** A minimal, valid HTML page that forwards to `target` (a site path, root-relative). */
export function renderRedirectPage(config: SiteConfig, target: string, title: string): string {
  const href = sitePath(config, target);
  return minimalDocument(
    config,
    title,
    html`<link rel="canonical" href="${absoluteUrl(config, target)}">
<meta http-equiv="refresh" content="0; url=${href}">`,
    html`<p>${UI.redirecting} <a href="${href}">${title}</a></p>`,
  );
}

/** The page an old link of a withdrawn article shows. */
export function renderWithdrawnPage(config: Pick<SiteConfig, "basePath">, title: string | undefined, reason: string): string {
  return minimalDocument(
    config,
    UI.withdrawnTitle,
    html``,
    html`<h1>${UI.withdrawnTitle}</h1>
${title ? html`<p>${title}</p>` : ""}
<p>${reason}</p>
<p><a href="${sitePath(config, "/")}">${UI.home}</a></p>`,
  );
}

/**
 * The page the CDN serves for an unknown address (/404.html, the Netlify and
 * Cloudflare Pages convention). Every link is a full site path, so it works
 * at any depth; it is not indexed and has no canonical address.
 */
import type { Article } from "../src/content/article.ts";
import { html } from "../src/safe-html.ts";
import { sitePath } from "../src/site-config.ts";
import { UI } from "../src/ui-strings.ts";
import { renderPage, type LayoutContext } from "./base.ts";
import { articleList } from "./components.ts";

/** The 404 page, with the newest articles as a way back in. */
export function renderNotFoundPage(ctx: LayoutContext, latest: readonly Article[]): string {
  return renderPage(ctx, {
    title: UI.notFoundTitle,
    description: UI.notFoundText,
    url: "/404.html",
    noindex: true,
    main: html`<h1>${UI.notFoundTitle}</h1>
<p>${UI.notFoundText}</p>
<p>${UI.notFoundHelp} <a href="${sitePath(ctx.config, "/")}">${UI.notFoundLatest}</a> ${UI.or} <a href="${sitePath(ctx.config, "/tinh-thanh/")}">${UI.notFoundDirectory}</a>.</p>
${latest.length > 0 ? articleList(ctx.config, latest, true) : ""}`,
  });
}

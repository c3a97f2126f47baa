/**
 * Paginated article lists: the home page and each province's index.
 */
import { formerUnitsOf, getProvince, provinceFullName, provinceLabel } from "../src/provinces.ts";
import { html, type SafeHtml } from "../src/safe-html.ts";
import type { IndexPage } from "../src/site-model.ts";
import { websiteJsonLd } from "../src/seo.ts";
import { sitePath } from "../src/site-config.ts";
import { UI } from "../src/ui-strings.ts";
import { renderPage, type LayoutContext } from "./base.ts";
import { articleList, pagination, type ThumbnailOf } from "./components.ts";
import { feedHeadLinks, feedVisibleLink } from "./feed-links.ts";

export interface IndexPageExtras {
  readonly head?: SafeHtml;
  readonly beforeList?: SafeHtml;
  /** List thumbnails (absent in the live preview, which processes no pictures). */
  readonly thumbnailOf?: ThumbnailOf;
}

/** Renders the home page or a province index page. */
export function renderIndexPage(ctx: LayoutContext, page: IndexPage, extras: IndexPageExtras = {}): string {
  const paged = page.pageNumber > 1 ? ` – ${UI.pageOf(page.pageNumber, page.pageCount)}` : "";
  if (page.kind === "home" || !page.province) {
    return renderPage(ctx, {
      title: `${UI.latest}${paged}`,
      description: UI.siteTagline,
      url: page.url,
      head: html`${feedHeadLinks(ctx.config)}${extras.head}`,
      ...(page.pageNumber === 1 ? { jsonLd: [websiteJsonLd(ctx.config)] } : {}),
      main: html`<h1>${UI.latest}${paged}</h1>
<p class="feed">${feedVisibleLink(ctx.config)}</p>
${extras.beforeList}
${articleList(ctx.config, page.articles, true, extras.thumbnailOf)}
${pagination(ctx.config, page)}`,
    });
  }
  const unit = page.province;
  const formers = formerUnitsOf(unit.id);
  const heading = UI.provinceIndexTitle(provinceFullName(unit));
  return renderPage(ctx, {
    title: `${heading}${paged}`,
    description: `${heading}: ${UI.siteTagline}`,
    url: page.url,
    head: html`${feedHeadLinks(ctx.config, unit.id)}${extras.head}`,
    breadcrumbs: [{ label: UI.home, url: "/" }, { label: UI.provinces, url: "/tinh-thanh/" }, { label: unit.name }],
    main: html`<h1>${heading}${paged}</h1>
<p class="feed">${feedVisibleLink(ctx.config, unit.id)}</p>
${unit.successor ? html`<p class="note">${provinceLabel(unit)}. <a href="${sitePath(ctx.config, `/${unit.successor}/`)}">${UI.seeCurrentUnit(getProvince(unit.successor)?.name ?? unit.successor)}</a></p>` : ""}
${formers.length > 0 ? html`<p class="note">${UI.formerUnitsOf}: ${formers.map((f, i) => html`${i > 0 ? ", " : ""}<a href="${sitePath(ctx.config, `/${f.id}/`)}">${f.name}</a>`)}.</p>` : ""}
${extras.beforeList}
${articleList(ctx.config, page.articles, formers.length > 0, extras.thumbnailOf)}
${pagination(ctx.config, page)}`,
  });
}

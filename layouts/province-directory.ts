/**
 * The province directory: the 34 current units as a compact grid grouped by
 * the six regions (src/province-regions.ts), each with its article count and
 * the former units merged into it. Units without articles stay listed (their
 * pages exist) but are de-emphasised: greyed, and their count says so.
 */
import { PROVINCE_REGIONS } from "../src/province-regions.ts";
import { html, type SafeHtml } from "../src/safe-html.ts";
import type { ProvinceListing, SiteModel } from "../src/site-model.ts";
import { sitePath } from "../src/site-config.ts";
import { UI } from "../src/ui-strings.ts";
import { renderPage, type LayoutContext, type LinkConfig } from "./base.ts";

function countText(n: number): string {
  return n === 0 ? UI.noArticlesShort : UI.articleCount(n);
}

function unitCell(config: LinkConfig, listing: ProvinceListing, count: ReadonlyMap<string, number>): SafeHtml {
  const formers = listing.formerUnits;
  return html`<li class="unit${listing.articleCount === 0 ? " empty" : ""}"><a href="${sitePath(config, listing.url)}">${listing.province.name}</a> <span class="count">${countText(listing.articleCount)}</span>${
    formers.length > 0
      ? html`<span class="visually-hidden">. ${UI.formerUnits}:</span><ul class="former">${formers.map((f) => {
          const n = count.get(f.id) ?? 0;
          return html`<li${n === 0 ? html` class="empty"` : ""}><a href="${sitePath(config, `/${f.id}/`)}">${f.name}</a> <span class="count">${countText(n)}</span></li>`;
        })}</ul>`
      : ""
  }</li>`;
}

export function renderProvinceDirectory(ctx: LayoutContext, model: SiteModel): string {
  const count = new Map(model.provinces.map((p) => [p.province.id, p.articleCount]));
  const byId = new Map(model.provinces.map((p) => [p.province.id, p]));
  const regions = PROVINCE_REGIONS.map((region) => {
    const units = region.units.flatMap((id) => byId.get(id) ?? []);
    const total = units.reduce((sum, u) => sum + u.articleCount, 0);
    return html`<section class="region" aria-labelledby="${region.id}"><h2 id="${region.id}">${region.name} <span class="count">${countText(total)}</span></h2>
<ul class="directory">${units.map((u) => unitCell(ctx.config, u, count))}</ul></section>`;
  });
  return renderPage(ctx, {
    title: UI.provinceDirectoryTitle,
    description: UI.provinceDirectoryIntro,
    url: "/tinh-thanh/",
    breadcrumbs: [{ label: UI.home, url: "/" }, { label: UI.provinces }],
    main: html`<h1>${UI.provinceDirectoryTitle}</h1>
<p>${UI.provinceDirectoryIntro}</p>
${regions}`,
  });
}

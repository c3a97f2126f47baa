/**
 * The province directory: the 34 current units with article counts, each
 * followed by the former units merged into it.
 */
import { provinceFullName } from "../src/provinces.ts";
import { html } from "../src/safe-html.ts";
import type { SiteModel } from "../src/site-model.ts";
import { sitePath } from "../src/site-config.ts";
import { UI } from "../src/ui-strings.ts";
import { renderPage, type LayoutContext } from "./base.ts";

export function renderProvinceDirectory(ctx: LayoutContext, model: SiteModel): string {
  const count = new Map(model.provinces.map((p) => [p.province.id, p.articleCount]));
  const current = model.provinces.filter((p) => p.province.current);
  return renderPage(ctx, {
    title: UI.provinceDirectoryTitle,
    description: UI.provinceDirectoryIntro,
    url: "/tinh-thanh/",
    breadcrumbs: [{ label: UI.home, url: "/" }, { label: UI.provinces }],
    main: html`<h1>${UI.provinceDirectoryTitle}</h1>
<p>${UI.provinceDirectoryIntro}</p>
<ul class="directory">${current.map(
      (p) => html`<li><a href="${sitePath(ctx.config, p.url)}">${provinceFullName(p.province)}</a> <span class="count">${UI.articleCount(p.articleCount)}</span>${
        p.formerUnits.length > 0
          ? html`<span class="visually-hidden">. ${UI.formerUnits}:</span><ul class="former">${p.formerUnits.map((f) => html`<li><a href="${sitePath(ctx.config, `/${f.id}/`)}">${provinceFullName(f)}</a> <span class="count">${UI.articleCount(count.get(f.id) ?? 0)}</span></li>`)}</ul>`
          : ""
      }</li>`,
    )}</ul>`,
  });
}

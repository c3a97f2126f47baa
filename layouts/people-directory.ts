/**
 * The people directory (/nhan-vat/): everyone named in the articles, by
 * province (registry order), in Vietnamese name order, with their latest
 * role. A filter box (layouts/assets/people-filter.js) narrows the list by
 * name, with or without diacritics; without JavaScript the box stays hidden
 * and the full list is there.
 */
import type { PeopleSite } from "../src/people/people-site.ts";
import { PEOPLE_BASE } from "../src/people/person-record.ts";
import { provinceLabel } from "../src/provinces.ts";
import { html } from "../src/safe-html.ts";
import { sitePath } from "../src/site-config.ts";
import { UI } from "../src/ui-strings.ts";
import { renderPage, type LayoutContext } from "./base.ts";

/** Renders the directory; `scriptUrl` is the fingerprinted people-filter.js. */
export function renderPeopleDirectory(ctx: LayoutContext, people: PeopleSite, scriptUrl: string): string {
  return renderPage(ctx, {
    title: UI.peopleTitle,
    description: UI.peopleDescription,
    url: PEOPLE_BASE,
    breadcrumbs: [{ label: UI.home, url: "/" }, { label: UI.peopleTitle }],
    head: html`<script type="module" src="${sitePath(ctx.config, scriptUrl)}"></script>`,
    main: html`<h1>${UI.peopleTitle}</h1>
<p>${UI.peopleIntro}</p>
${people.pages.length === 0
  ? html`<p class="empty">${UI.peopleNone}</p>`
  : html`<form id="loc-nhan-vat" class="people-filter" role="search" hidden aria-controls="danh-sach-nhan-vat" data-status="loc-nhan-vat-ket-qua" data-msg-count="${UI.peopleFilterCount}" data-msg-none="${UI.peopleFilterNone}">
<label for="loc-ten">${UI.peopleFilterLabel}</label>
<div class="people-filter-box"><input id="loc-ten" name="ten" type="search" autocomplete="off" spellcheck="false" aria-describedby="loc-ten-goi-y"><button type="submit">${UI.peopleFilterSubmit}</button></div>
<p id="loc-ten-goi-y" class="note">${UI.peopleFilterHint}</p>
</form>
<p id="loc-nhan-vat-ket-qua" class="note" role="status" aria-live="polite"></p>
<div id="danh-sach-nhan-vat">
${people.directory.map(
  (g) => html`<section class="people-group" data-group aria-labelledby="nv-${g.province.id}"><h2 id="nv-${g.province.id}">${provinceLabel(g.province)} <span class="count">(${UI.peopleCount(g.pages.length)})</span></h2>
<ul class="people">${g.pages.map((p) => html`<li><a href="${sitePath(ctx.config, p.url)}">${p.person.name}</a>${p.roles[0] ? html` <span class="meta">${p.roles[0].role}</span>` : ""}</li>`)}</ul></section>`,
)}
</div>`}`,
  });
}

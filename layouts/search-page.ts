/**
 * The search page (/tim-kiem/). The form works as a plain GET form, so a
 * search is a link (/tim-kiem/?q=da+nang&tinh=Gia+Lai&nam=2016); the
 * filter choices are rendered here from the site model (no extra request).
 * layouts/assets/search.js runs the search over the site's own index
 * (src/search/search-index.ts) and renders the results; its messages travel as data-* attributes, so every Vietnamese
 * string stays in src/ui-strings.ts and nothing inline reaches the CSP.
 */
import { html, type SafeHtml } from "../src/safe-html.ts";
import { SEARCH_BUNDLE_DIR, SEARCH_PAGE_URL, SEARCH_PARAMS, SEARCH_SORTS } from "../src/search/search-config.ts";
import type { ProvinceListing, SiteModel } from "../src/site-model.ts";
import { sitePath } from "../src/site-config.ts";
import { UI } from "../src/ui-strings.ts";
import { renderPage, type LayoutContext } from "./base.ts";

/** Filter choices: units and years that have articles, with their counts. */
export interface SearchFilterChoices {
  /** Units in force today, by name. */
  readonly currentUnits: readonly ProvinceListing[];
  /** Former units (before the 2025 mergers), by name. */
  readonly formerUnits: readonly ProvinceListing[];
  /** Newest year first. */
  readonly years: readonly { readonly year: number; readonly count: number }[];
}

/** The choices the page offers: only units and years with at least one article. */
export function searchFilterChoices(model: SiteModel): SearchFilterChoices {
  const withArticles = model.provinces.filter((p) => p.articleCount > 0);
  const years = new Map<number, number>();
  for (const article of model.articles) years.set(article.date.year, (years.get(article.date.year) ?? 0) + 1);
  return {
    currentUnits: withArticles.filter((p) => p.province.current),
    formerUnits: withArticles.filter((p) => !p.province.current),
    years: [...years].sort((a, b) => b[0] - a[0]).map(([year, count]) => ({ year, count })),
  };
}

function provinceOptions(units: readonly ProvinceListing[]): SafeHtml {
  return html`${units.map((p) => html`<option value="${p.province.name}">${UI.searchOption(p.province.name, p.articleCount)}</option>`)}`;
}

/** Renders the search page; `scriptUrl` is the fingerprinted search.js. */
export function renderSearchPage(ctx: LayoutContext, model: SiteModel, scriptUrl: string): string {
  const choices = searchFilterChoices(model);
  return renderPage(ctx, {
    title: UI.searchTitle,
    description: UI.searchDescription,
    url: SEARCH_PAGE_URL,
    breadcrumbs: [{ label: UI.home, url: "/" }, { label: UI.searchTitle }],
    head: html`<script type="module" src="${sitePath(ctx.config, scriptUrl)}"></script>`,
    main: html`<h1>${UI.searchTitle}</h1>
<p>${UI.searchIntro}</p>
<form id="tim-kiem" class="search-form" role="search" action="${sitePath(ctx.config, SEARCH_PAGE_URL)}" method="get"
 data-bundle="${sitePath(ctx.config, `/${SEARCH_BUNDLE_DIR}/`)}" data-base="${sitePath(ctx.config, "/")}"
 data-msg-searching="${UI.searchSearching}" data-msg-count="${UI.searchCount}" data-msg-partial="${UI.searchPartial}" data-msg-loose="${UI.searchLoose}" data-msg-none="${UI.searchNone}" data-msg-error="${UI.searchError}"
 data-field-agency="${UI.searchFieldAgency}" data-field-officials="${UI.searchFieldOfficials}" data-field-awards="${UI.searchFieldAwards}" data-field-tags="${UI.searchFieldTags}">
<div class="search-field">
<label for="tu-khoa">${UI.searchLabel}</label>
<div class="search-box">
<input id="tu-khoa" name="${SEARCH_PARAMS.query}" type="search" autocomplete="off" spellcheck="false" enterkeyhint="search" aria-describedby="tu-khoa-goi-y">
<button type="submit">${UI.searchSubmit}</button>
</div>
<p id="tu-khoa-goi-y" class="note">${UI.searchHint}</p>
</div>
<div class="search-filters">
<div class="search-field">
<label for="loc-tinh">${UI.searchProvince}</label>
<select id="loc-tinh" name="${SEARCH_PARAMS.province}">
<option value="">${UI.searchAllProvinces}</option>
${choices.currentUnits.length > 0 ? html`<optgroup label="${UI.currentUnits}">${provinceOptions(choices.currentUnits)}</optgroup>` : ""}
${choices.formerUnits.length > 0 ? html`<optgroup label="${UI.formerUnits}">${provinceOptions(choices.formerUnits)}</optgroup>` : ""}
</select>
</div>
<div class="search-field">
<label for="loc-nam">${UI.searchYear}</label>
<select id="loc-nam" name="${SEARCH_PARAMS.year}">
<option value="">${UI.searchAllYears}</option>
${choices.years.map((y) => html`<option value="${String(y.year)}">${UI.searchOption(String(y.year), y.count)}</option>`)}
</select>
</div>
<div class="search-field">
<label for="sap-xep">${UI.searchSort}</label>
<select id="sap-xep" name="${SEARCH_PARAMS.sort}">
<option value="">${UI.searchSortRelevance}</option>
<option value="${SEARCH_SORTS.newest}">${UI.searchSortNewest}</option>
</select>
</div>
</div>
</form>
<noscript><p class="note">${UI.searchNoScript} <a href="${sitePath(ctx.config, "/")}">${UI.notFoundLatest}</a> ${UI.or} <a href="${sitePath(ctx.config, "/tinh-thanh/")}">${UI.notFoundDirectory}</a>.</p></noscript>
<section class="search-results" aria-label="${UI.searchResults}">
<p id="search-status" class="search-status" role="status" aria-live="polite"></p>
<ol id="search-results" class="cards"></ol>
<button type="button" id="search-more" class="search-more" hidden>${UI.searchMore}</button>
</section>`,
  });
}

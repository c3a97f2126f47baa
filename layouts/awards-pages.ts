/**
 * Award tables: the overview (/khen-thuong/), the national overview of a
 * year (/khen-thuong/<year>/) and a province's year (/khen-thuong/<id>/<year>/)
 * with totals by title linked to the articles. Every table has its CSV
 * download (src/awards/awards-csv.ts writes them) and scrolls sideways on
 * a phone instead of overflowing the page.
 */
import type { AwardTotal, AwardsSite, CsvFile, NationalYear, ProvinceYearTable } from "../src/awards/awards.ts";
import { AWARDS_BASE } from "../src/awards/awards.ts";
import { formerUnitsOf, provinceFullName, provinceLabel } from "../src/provinces.ts";
import { html, joinHtml, type SafeHtml } from "../src/safe-html.ts";
import { sitePath, type SiteConfig } from "../src/site-config.ts";
import { UI } from "../src/ui-strings.ts";
import { renderPage, type LayoutContext } from "./base.ts";
import { timeTag } from "./components.ts";

/**
 * One formatter for every number: `toLocaleString("vi-VN")` looks the locale
 * up and builds a formatter on each call, and the award tables format tens
 * of thousands of counts. Same output (toLocaleString is specified as a new
 * Intl.NumberFormat with the same locale).
 */
const VI_NUMBER = new Intl.NumberFormat("vi-VN");
const number = (n: number): string => VI_NUMBER.format(n);

/** "Lao động tiên tiến: 11 cá nhân", "Giấy khen: Trung tâm CNTT&TT", "Cờ thi đua: 2 lần". */
export function totalLine(total: AwardTotal): string {
  if (total.counted) return `${total.title}: ${number(total.total)}${total.recipient ? ` ${total.recipient}` : ""}`;
  const times = total.total > 1 ? UI.awardsTimes(total.total) : "";
  if (total.recipient) return `${total.title}: ${total.recipient}${times ? ` (${times})` : ""}`;
  return times ? `${total.title}: ${times}` : total.title;
}

/**
 * A table in a focusable, labelled box, so keyboard users can scroll it on a
 * narrow screen (a group, not a region: the section around it is already
 * the landmark).
 */
export function scrollingTable(id: string, caption: string, head: SafeHtml, body: SafeHtml): SafeHtml {
  return html`<div class="table-scroll" role="group" tabindex="0" aria-labelledby="${id}"><table>
<caption id="${id}">${caption}</caption>
<thead><tr>${head}</tr></thead>
<tbody>${body}</tbody>
</table></div>`;
}

function csvLink(config: SiteConfig, file: CsvFile): SafeHtml {
  return html`<p class="download"><a href="${sitePath(config, file.url)}" download="${file.fileName}" type="text/csv">${UI.awardsDownload}</a> <span class="note">${file.fileName}</span></p>`;
}

function totalsList(config: SiteConfig, totals: readonly AwardTotal[]): SafeHtml {
  return html`<ul class="award-totals">${totals.map(
    (t) => html`<li><strong>${totalLine(t)}</strong> <span class="meta">(${joinHtml(
      t.articles.map((a) => html`<a href="${sitePath(config, a.url)}">${timeTag(a, false)}</a>`),
      ", ",
    )})</span></li>`,
  )}</ul>`;
}

/** Renders /khen-thuong/<id>/<year>/. */
export function renderProvinceYearAwards(ctx: LayoutContext, table: ProvinceYearTable): string {
  const { config } = ctx;
  const name = provinceLabel(table.unit);
  const title = UI.awardsProvinceYearTitle(table.unit.name, table.year);
  return renderPage(ctx, {
    title,
    description: UI.awardsProvinceYearDescription(provinceFullName(table.unit), table.year),
    url: table.url,
    breadcrumbs: [{ label: UI.home, url: "/" }, { label: UI.awardsTitle, url: AWARDS_BASE }, { label: String(table.year), url: `${AWARDS_BASE}${table.year}/` }, { label: table.unit.name }],
    main: html`<h1>${title}</h1>
<p class="meta">${name}</p>
<section aria-labelledby="tong-hop"><h2 id="tong-hop">${UI.awardsTotals}</h2>
${totalsList(config, table.totals)}
${csvLink(config, table.totalsCsv)}
</section>
<section aria-labelledby="danh-sach"><h2 id="danh-sach">${UI.awardsList}</h2>
${scrollingTable(
  "bang-khen-thuong",
  title,
  html`<th scope="col">${UI.awardsColTitle}</th><th scope="col">${UI.awardsColRecipient}</th><th scope="col" class="num">${UI.awardsColCount}</th><th scope="col">${UI.awardsColConferredBy}</th><th scope="col">${UI.awardsColArticle}</th>`,
  html`${table.rows.map(
    (r) => html`<tr><td>${r.award.title}</td><td>${r.award.recipient ?? ""}</td><td class="num">${r.award.count !== undefined ? number(r.award.count) : ""}</td><td>${r.award.conferredBy ?? ""}</td><td><a href="${sitePath(config, r.article.url)}">${r.article.title}</a> <span class="meta">${timeTag(r.article, false)}</span></td></tr>`,
  )}`,
)}
${csvLink(config, table.rowsCsv)}
</section>
<p><a href="${sitePath(config, `/${table.unit.id}/`)}">${UI.provinceIndexTitle(provinceFullName(table.unit))}</a></p>`,
  });
}

/** Renders /khen-thuong/<year>/: totals across the country, then by province. */
export function renderNationalYearAwards(ctx: LayoutContext, year: NationalYear): string {
  const { config } = ctx;
  const title = UI.awardsYearTitle(year.year);
  return renderPage(ctx, {
    title,
    description: UI.awardsYearDescription(year.year),
    url: year.url,
    breadcrumbs: [{ label: UI.home, url: "/" }, { label: UI.awardsTitle, url: AWARDS_BASE }, { label: String(year.year) }],
    main: html`<h1>${title}</h1>
<section aria-labelledby="ca-nuoc"><h2 id="ca-nuoc">${UI.awardsNationalTotals}</h2>
${scrollingTable(
  "bang-ca-nuoc",
  UI.awardsNationalTotals,
  html`<th scope="col">${UI.awardsColTitle}</th><th scope="col">${UI.awardsColRecipient}</th><th scope="col" class="num">${UI.awardsColTotal}</th><th scope="col" class="num">${UI.awardsColArticleCount}</th>`,
  html`${year.totals.map((t) => html`<tr><td>${t.title}</td><td>${t.recipient ?? ""}</td><td class="num">${t.counted ? number(t.total) : UI.awardsTimes(t.total)}</td><td class="num">${number(t.articles.length)}</td></tr>`)}`,
)}
${csvLink(config, year.totalsCsv)}
</section>
<section aria-labelledby="theo-tinh"><h2 id="theo-tinh">${UI.awardsProvinceTotals}</h2>
${scrollingTable(
  "bang-theo-tinh",
  UI.awardsProvinceTotals,
  html`<th scope="col">${UI.awardsColProvince}</th><th scope="col">${UI.awardsColTitle}</th><th scope="col">${UI.awardsColRecipient}</th><th scope="col" class="num">${UI.awardsColTotal}</th>`,
  html`${year.tables.map((table) =>
    table.totals.map(
      (t, i) => html`<tr>${i === 0 ? html`<th scope="rowgroup" rowspan="${table.totals.length}"><a href="${sitePath(config, table.url)}">${provinceLabel(table.unit)}</a></th>` : ""}<td>${t.title}</td><td>${t.recipient ?? ""}</td><td class="num">${t.counted ? number(t.total) : UI.awardsTimes(t.total)}</td></tr>`,
    ),
  )}`,
)}
${csvLink(config, year.provincesCsv)}
</section>`,
  });
}

/** Renders /khen-thuong/: years across the country, then each province's years. */
export function renderAwardsIndex(ctx: LayoutContext, awards: AwardsSite): string {
  const { config } = ctx;
  const hasTables = new Set(awards.byUnit.map((u) => u.unit.id));
  return renderPage(ctx, {
    title: UI.awardsTitle,
    description: UI.awardsDescription,
    url: AWARDS_BASE,
    breadcrumbs: [{ label: UI.home, url: "/" }, { label: UI.awardsTitle }],
    main: html`<h1>${UI.awardsTitle}</h1>
<p>${UI.awardsIntro}</p>
${awards.years.length === 0
  ? html`<p class="empty">${UI.awardsNone}</p>`
  : html`<section aria-labelledby="theo-nam"><h2 id="theo-nam">${UI.awardsByYear}</h2>
<ul class="year-links">${awards.years.map((y) => html`<li><a href="${sitePath(config, y.url)}">${String(y.year)}</a></li>`)}</ul>
</section>
<section aria-labelledby="theo-tinh"><h2 id="theo-tinh">${UI.awardsByProvince}</h2>
<ul class="directory">${awards.byUnit.map((u) => {
  const formers = formerUnitsOf(u.unit.id).filter((f) => hasTables.has(f.id));
  return html`<li>${provinceLabel(u.unit)}: ${joinHtml(
    u.tables.map((t) => html`<a href="${sitePath(config, t.url)}" aria-label="${UI.awardsProvinceYearTitle(u.unit.name, t.year)}">${String(t.year)}</a>`),
    ", ",
  )}${formers.length > 0 ? html` <span class="meta">(${UI.awardsSeeFormer}: ${formers.map((f) => f.name).join(", ")})</span>` : ""}</li>`;
})}</ul>
</section>`}`,
  });
}

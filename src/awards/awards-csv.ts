/**
 * The CSV download of every award table: each province-year table and its
 * totals, and each year's national totals and per-province totals. Column
 * names are the tables' own (src/ui-strings.ts); addresses are absolute, so
 * a saved file still points at the site.
 */
import { provinceLabel } from "../provinces.ts";
import { absoluteUrl, type SiteConfig } from "../site-config.ts";
import { UI } from "../ui-strings.ts";
import type { AwardsSite, AwardTotal } from "./awards.ts";
import { toCsv } from "./csv.ts";

const path = (url: string): string => url.replace(/^\//, "");

function totalsRows(config: SiteConfig, totals: readonly AwardTotal[]): (string | number | undefined)[][] {
  return totals.map((t) => [t.title, t.recipient, t.total, t.articles.length, t.articles.map((a) => absoluteUrl(config, a.url)).join(" ")]);
}

/** Every CSV file of the award tables. Linear in the number of awards. */
export function awardCsvFiles(config: SiteConfig, awards: AwardsSite): { path: string; contents: string }[] {
  const files: { path: string; contents: string }[] = [];
  const totalsHeader = [UI.awardsColTitle, UI.awardsColRecipient, UI.awardsColTotal, UI.awardsColArticleCount, UI.awardsColArticleUrls];
  for (const table of awards.tables) {
    const province = provinceLabel(table.unit);
    files.push({
      path: path(table.rowsCsv.url),
      contents: toCsv(
        [UI.awardsColProvince, UI.awardsColYear, UI.awardsColTitle, UI.awardsColRecipient, UI.awardsColCount, UI.awardsColConferredBy, UI.awardsColDate, UI.awardsColArticle, UI.awardsColUrl],
        table.rows.map(({ article, award }) => [province, table.year, award.title, award.recipient, award.count, award.conferredBy, article.date.day, article.title, absoluteUrl(config, article.url)]),
      ),
    });
    files.push({ path: path(table.totalsCsv.url), contents: toCsv(totalsHeader, totalsRows(config, table.totals)) });
  }
  for (const year of awards.years) {
    files.push({ path: path(year.totalsCsv.url), contents: toCsv(totalsHeader, totalsRows(config, year.totals)) });
    files.push({
      path: path(year.provincesCsv.url),
      contents: toCsv(
        [UI.awardsColProvinceId, UI.awardsColProvince, UI.awardsColTitle, UI.awardsColRecipient, UI.awardsColTotal, UI.awardsColArticleCount, UI.awardsColDetails],
        year.tables.flatMap((table) => table.totals.map((t) => [table.unit.id, provinceLabel(table.unit), t.title, t.recipient, t.total, t.articles.length, absoluteUrl(config, table.url)])),
      ),
    });
  }
  return files;
}

/**
 * The CSV download of every award table: each province-year table and its
 * totals, and each year's national totals and per-province totals. Column
 * names are the tables' own (src/ui-strings.ts); addresses are absolute, so
 * a saved file still points at the site.
 */
import { provinceLabel } from "../provinces.ts";
import { absoluteUrl, type SiteConfig } from "../site-config.ts";
import { UI } from "../ui-strings.ts";
import type { AwardsSite, AwardTotal, NationalYear, ProvinceYearTable } from "./awards.ts";
import { toCsv } from "./csv.ts";

const path = (url: string): string => url.replace(/^\//, "");

function totalsRows(config: SiteConfig, totals: readonly AwardTotal[]): (string | number | undefined)[][] {
  return totals.map((t) => [t.title, t.recipient, t.total, t.articles.length, t.articles.map((a) => absoluteUrl(config, a.url)).join(" ")]);
}

/** A CSV file: its path, what it is made from, and its text made when read. */
export interface AwardCsvFile {
  readonly path: string;
  /** The table or year overview the file is made from (with the configuration, which every build digests). */
  readonly from: ProvinceYearTable | NationalYear;
  readonly contents: string;
}

/** A file whose text is made on each read: the plan needs every path on every build, check and preview edit, but only a build writing it needs the text. */
function lazyFile(path: string, from: ProvinceYearTable | NationalYear, make: () => string): AwardCsvFile {
  return {
    path,
    from,
    get contents() {
      return make();
    },
  };
}

/** Every CSV file of the award tables. Linear in the number of awards; the texts are made when read (see lazyFile). */
export function awardCsvFiles(config: SiteConfig, awards: AwardsSite): AwardCsvFile[] {
  const files: AwardCsvFile[] = [];
  const totalsHeader = [UI.awardsColTitle, UI.awardsColRecipient, UI.awardsColTotal, UI.awardsColArticleCount, UI.awardsColArticleUrls];
  for (const table of awards.tables) {
    const province = provinceLabel(table.unit);
    files.push(
      lazyFile(path(table.rowsCsv.url), table, () =>
        toCsv(
          [UI.awardsColProvince, UI.awardsColYear, UI.awardsColTitle, UI.awardsColRecipient, UI.awardsColCount, UI.awardsColConferredBy, UI.awardsColDate, UI.awardsColArticle, UI.awardsColUrl],
          table.rows.map(({ article, award }) => [province, table.year, award.title, award.recipient, award.count, award.conferredBy, article.date.day, article.title, absoluteUrl(config, article.url)]),
        ),
      ),
    );
    files.push(lazyFile(path(table.totalsCsv.url), table, () => toCsv(totalsHeader, totalsRows(config, table.totals))));
  }
  for (const year of awards.years) {
    files.push(lazyFile(path(year.totalsCsv.url), year, () => toCsv(totalsHeader, totalsRows(config, year.totals))));
    files.push(
      lazyFile(path(year.provincesCsv.url), year, () =>
        toCsv(
          [UI.awardsColProvinceId, UI.awardsColProvince, UI.awardsColTitle, UI.awardsColRecipient, UI.awardsColTotal, UI.awardsColArticleCount, UI.awardsColDetails],
          year.tables.flatMap((table) => table.totals.map((t) => [table.unit.id, provinceLabel(table.unit), t.title, t.recipient, t.total, t.articles.length, absoluteUrl(config, table.url)])),
        ),
      ),
    );
  }
  return files;
}

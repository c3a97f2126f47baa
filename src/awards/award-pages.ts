/**
 * The award pages and CSV files as producers of the output plan: a page per
 * province and year, a national overview per year, the overview of
 * everything, and every table's CSV. /khen-thuong/ is reserved for these.
 */
import { renderAwardsIndex, renderNationalYearAwards, renderProvinceYearAwards } from "../../layouts/awards-pages.ts";
import { definePageType, defineFileStep, defineSinglePage } from "../plan/output-plan.ts";
import type { SiteData } from "../site-data.ts";
import { awardCsvFiles } from "./awards-csv.ts";
import { NO_VALUE, articleDigest, digest, joinedDigest } from "../build/stable-digest.ts";
import { AWARDS_BASE, type NationalYear, type ProvinceYearTable } from "./awards.ts";

/** Every field of a province-year table that {@link tableDigest} describes (a test fails when the table gains one it does not). */
export const TABLE_FINGERPRINT_FIELDS = ["unit", "year", "url", "rows", "totals", "rowsCsv", "totalsCsv"] as const;
/** Every field of an award (a row's) that {@link tableDigest} describes. */
export const AWARD_FINGERPRINT_FIELDS = ["title", "recipient", "count", "conferredBy"] as const;

const tableDigests = new WeakMap<ProvinceYearTable, string>();

/**
 * Digest of a province-year table, once per table: its page, its two CSV
 * files and its year's overview all depend on it. Its unit (a registry
 * unit, by id: the registry is code), year, addresses and rows — each
 * row's article by its digest and every field of its award. The totals are
 * made from the rows alone (awards.ts totalsOf), so describing them again
 * adds nothing. Written out field by field rather than with stableDigest
 * (the same reasoning and test as the person pages' fingerprint,
 * src/people/people-pages.ts): 1,240 tables cost 0.35 s CPU of every build
 * at 10,000 articles with the generic describer, 0.07 s written out
 * (`node --import tsx scripts/bench-facts.ts --rounds 1`, load 4–30).
 */
export function tableDigest(table: ProvinceYearTable): string {
  let value = tableDigests.get(table);
  if (value === undefined) {
    const { rowsCsv, totalsCsv } = table;
    const parts: string[] = ["award-table", table.unit.id, String(table.year), table.url, rowsCsv.url, rowsCsv.fileName, totalsCsv.url, totalsCsv.fileName, String(table.rows.length)];
    for (const { article, award } of table.rows) parts.push(articleDigest(article), award.title, award.recipient ?? NO_VALUE, award.count === undefined ? NO_VALUE : String(award.count), award.conferredBy ?? NO_VALUE);
    tableDigests.set(table, (value = joinedDigest(parts)));
  }
  return value;
}

/**
 * Digest of a year's overview: its tables (by their digests) and addresses;
 * the year's totals are made from its tables' totals alone (awards.ts), so
 * describing them again adds nothing.
 */
function yearDigest(year: NationalYear): string {
  const tables = year.tables.map(tableDigest);
  return digest("award-year", String(year.year), year.url, year.totalsCsv.url, year.provincesCsv.url, ...tables);
}

export const awardTablePages = definePageType<SiteData, ProvinceYearTable>({
  name: "award-table",
  items: (site) => site.awards.tables,
  url: (table) => table.url,
  fingerprint: (table) => tableDigest(table),
  render: (table, site) => renderProvinceYearAwards(site.layout, table),
  reserves: () => [{ path: AWARDS_BASE.replaceAll("/", ""), shown: AWARDS_BASE, allow: ["award-year", "awards-index", "award-csv"] }],
});

export const awardYearPages = definePageType<SiteData, NationalYear>({
  name: "award-year",
  items: (site) => site.awards.years,
  url: (year) => year.url,
  fingerprint: (year) => yearDigest(year),
  render: (year, site) => renderNationalYearAwards(site.layout, year),
});

export const awardsIndexPage = defineSinglePage<SiteData>({
  name: "awards-index",
  url: AWARDS_BASE,
  render: (site) => renderAwardsIndex(site.layout, site.awards),
});

export const awardCsvStep = defineFileStep<SiteData>({
  name: "award-csv",
  // Fingerprinted like the pages they come from: an edit build then reuses the CSV files of every
  // table it did not touch instead of making and comparing all of them (2,520 at 10,000 articles).
  declare: (site) =>
    awardCsvFiles(site.layout.config, site.awards).map((f) => ({
      url: `/${f.path}`,
      body: () => f.contents,
      fingerprint: () => {
        const from = "rows" in f.from ? tableDigest(f.from) : yearDigest(f.from);
        return from && digest("award-csv", f.path, from);
      },
    })),
});

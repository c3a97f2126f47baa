/**
 * The award pages and CSV files as producers of the output plan: a page per
 * province and year, a national overview per year, the overview of
 * everything, and every table's CSV. /khen-thuong/ is reserved for these.
 */
import { renderAwardsIndex, renderNationalYearAwards, renderProvinceYearAwards } from "../../layouts/awards-pages.ts";
import { definePageType, defineFileStep, defineSinglePage } from "../plan/output-plan.ts";
import type { SiteData } from "../site-data.ts";
import { awardCsvFiles } from "./awards-csv.ts";
import { stableDigest } from "../build/build-digest.ts";
import { AWARDS_BASE, type NationalYear, type ProvinceYearTable } from "./awards.ts";

export const awardTablePages = definePageType<SiteData, ProvinceYearTable>({
  name: "award-table",
  items: (site) => site.awards.tables,
  url: (table) => table.url,
  fingerprint: (table) => stableDigest(table),
  render: (table, site) => renderProvinceYearAwards(site.layout, table),
  reserves: () => [{ path: AWARDS_BASE.replaceAll("/", ""), shown: AWARDS_BASE, allow: ["award-year", "awards-index", "award-csv"] }],
});

export const awardYearPages = definePageType<SiteData, NationalYear>({
  name: "award-year",
  items: (site) => site.awards.years,
  url: (year) => year.url,
  fingerprint: (year) => stableDigest(year),
  render: (year, site) => renderNationalYearAwards(site.layout, year),
});

export const awardsIndexPage = defineSinglePage<SiteData>({
  name: "awards-index",
  url: AWARDS_BASE,
  render: (site) => renderAwardsIndex(site.layout, site.awards),
});

export const awardCsvStep = defineFileStep<SiteData>({
  name: "award-csv",
  declare: (site) => awardCsvFiles(site.layout.config, site.awards).map((f) => ({ url: `/${f.path}`, body: () => f.contents })),
});

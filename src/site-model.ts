/**
 * From the article list to everything the site generates: home pages,
 * province directory, province index pages. One pass over the articles
 * (each is appended to the lists of the provinces it is listed under), then
 * slicing into pages, so the cost is linear in the number of articles.
 */
import type { Article } from "./content/article.ts";
import { PROVINCES, formerUnitsOf, type ProvinceUnit } from "./provinces.ts";
import type { SiteConfig } from "./site-config.ts";

/** One page of a paginated article list (home or a province). */
export interface IndexPage {
  readonly kind: "home" | "province";
  /** Set for province pages. */
  readonly province?: ProvinceUnit;
  readonly pageNumber: number;
  readonly pageCount: number;
  readonly url: string;
  readonly articles: readonly Article[];
  readonly previousUrl?: string;
  readonly nextUrl?: string;
}

/** A province with its article count, for the directory. */
export interface ProvinceListing {
  readonly province: ProvinceUnit;
  /** Articles listed under this unit (its own, plus its former units' for a current unit). */
  readonly articleCount: number;
  readonly formerUnits: readonly ProvinceUnit[];
  readonly url: string;
}

export interface SiteModel {
  readonly config: SiteConfig;
  /** All published articles, newest first. */
  readonly articles: readonly Article[];
  readonly homePages: readonly IndexPage[];
  readonly provincePages: readonly IndexPage[];
  /** Every unit in the registry, registry order, with counts. */
  readonly provinces: readonly ProvinceListing[];
  /** Articles listed under each province id, newest first. */
  readonly byProvince: ReadonlyMap<string, readonly Article[]>;
}

/** "/gia-lai/" — the first index page of a province. */
export function provinceUrl(id: string): string {
  return `/${id}/`;
}

/** URL of page `n` of a list whose first page is `base` ("/" → "/trang/2/"). */
export function pageUrl(base: string, n: number): string {
  return n <= 1 ? base : `${base}trang/${n}/`;
}

function paginate(kind: IndexPage["kind"], base: string, articles: readonly Article[], pageSize: number, province?: ProvinceUnit): IndexPage[] {
  const pageCount = Math.max(1, Math.ceil(articles.length / pageSize));
  const pages: IndexPage[] = [];
  for (let n = 1; n <= pageCount; n++) {
    pages.push({
      kind,
      ...(province ? { province } : {}),
      pageNumber: n,
      pageCount,
      url: pageUrl(base, n),
      articles: articles.slice((n - 1) * pageSize, n * pageSize),
      ...(n > 1 ? { previousUrl: pageUrl(base, n - 1) } : {}),
      ...(n < pageCount ? { nextUrl: pageUrl(base, n + 1) } : {}),
    });
  }
  return pages;
}

/**
 * Builds the site model. `articles` must already be sorted newest first (as
 * the loader returns them); the per-province lists inherit that order.
 */
export function buildSiteModel(config: SiteConfig, articles: readonly Article[]): SiteModel {
  const byProvince = new Map<string, Article[]>();
  for (const unit of PROVINCES) byProvince.set(unit.id, []);
  for (const article of articles) {
    for (const id of article.listedUnder) byProvince.get(id)?.push(article);
  }
  const provinces: ProvinceListing[] = PROVINCES.map((province) => ({
    province,
    articleCount: byProvince.get(province.id)?.length ?? 0,
    formerUnits: formerUnitsOf(province.id),
    url: provinceUrl(province.id),
  }));
  const provincePages = PROVINCES.flatMap((province) => paginate("province", provinceUrl(province.id), byProvince.get(province.id) ?? [], config.pageSize, province));
  return {
    config,
    articles,
    homePages: paginate("home", "/", articles, config.pageSize),
    provincePages,
    provinces,
    byProvince,
  };
}

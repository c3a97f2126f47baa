/**
 * Awards as tables: per province and year every award given (title,
 * recipient, count, conferred by) with totals by title ("Lao động tiên
 * tiến: 11 cá nhân"), and per year a national overview across provinces.
 * One pass over the articles, then one over each table's rows.
 *
 * - The year of an award is the year the article reviews (`reviewYear`:
 *   awards at a review conference honour the year reviewed), else the year
 *   of its date.
 * - The province is the article's unit as it was at the time; a former
 *   unit's awards stay on its own tables (a current unit's overview links
 *   them), so nothing is counted twice.
 * - Totals group titles and recipients written the same way up to case and
 *   spacing (shown in their most used spelling); an award without a count
 *   counts once.
 */
import type { Article, Award } from "../content/article.ts";
import { compareVietnamese } from "../people/names.ts";
import { PROVINCES, type ProvinceUnit } from "../provinces.ts";

export const AWARDS_BASE = "/khen-thuong/";

/** "/khen-thuong/gia-lai/2016/". */
export function provinceYearPath(unitId: string, year: number): string {
  return `${AWARDS_BASE}${unitId}/${year}/`;
}

/** "/khen-thuong/2016/". */
export function nationalYearPath(year: number): string {
  return `${AWARDS_BASE}${year}/`;
}

/** One award in one article. */
export interface AwardRow {
  readonly article: Article;
  readonly award: Award;
}

/** The sum for one title and recipient. */
export interface AwardTotal {
  readonly title: string;
  readonly recipient?: string;
  /** Sum of counts (an award without a count counts 1); saturates at Number.MAX_SAFE_INTEGER. */
  readonly total: number;
  /** Whether any award of the group gave a count (else the total is how many times it was given). */
  readonly counted: boolean;
  /** The articles that report it, each once (newest first within a province's table). */
  readonly articles: readonly Article[];
}

/** Downloads of a table. */
export interface CsvFile {
  /** Root-relative path of the file. */
  readonly url: string;
  /** Name offered when saving it. */
  readonly fileName: string;
}

export interface ProvinceYearTable {
  readonly unit: ProvinceUnit;
  readonly year: number;
  readonly url: string;
  /** Newest article first, then the article's order. */
  readonly rows: readonly AwardRow[];
  /** By title (Vietnamese order), then recipient. */
  readonly totals: readonly AwardTotal[];
  readonly rowsCsv: CsvFile;
  readonly totalsCsv: CsvFile;
}

export interface NationalYear {
  readonly year: number;
  readonly url: string;
  /** The year's tables, provinces in registry (name) order. */
  readonly tables: readonly ProvinceYearTable[];
  /** Totals across all provinces. */
  readonly totals: readonly AwardTotal[];
  readonly totalsCsv: CsvFile;
  readonly provincesCsv: CsvFile;
}

export interface AwardsByUnit {
  readonly unit: ProvinceUnit;
  /** Newest year first. */
  readonly tables: readonly ProvinceYearTable[];
}

export interface AwardsSite {
  /** Every province-year table, by province (registry order) then newest year first. */
  readonly tables: readonly ProvinceYearTable[];
  /** Newest year first. */
  readonly years: readonly NationalYear[];
  readonly byUnit: readonly AwardsByUnit[];
  readonly rowCount: number;
}

/** The year an award belongs to. */
export function awardYear(article: Article): number {
  return article.reviewYear ?? article.date.year;
}

/** Grouping form of a title or recipient: case and spacing do not make a different award. */
function groupKey(text: string | undefined): string {
  return (text ?? "").normalize("NFC").replace(/\s+/gu, " ").trim().toLowerCase();
}

function saturatingAdd(a: number, b: number): number {
  return Math.min(Number.MAX_SAFE_INTEGER, a + b);
}

interface TotalDraft {
  titles: Map<string, number>;
  recipients: Map<string, number>;
  total: number;
  counted: boolean;
  articles: Article[];
  seen: Set<Article>;
}

/** The most used spelling; ties go to the first seen (the newest), or for titles to one starting with a capital letter. */
function spelling(counts: ReadonlyMap<string, number>, preferCapital: boolean): string | undefined {
  let best: string | undefined;
  let bestCount = 0;
  for (const [text, count] of counts) {
    const better = count > bestCount || (count === bestCount && preferCapital && best !== undefined && !startsCapital(best) && startsCapital(text));
    if (better) {
      best = text;
      bestCount = count;
    }
  }
  return best;
}

function startsCapital(text: string): boolean {
  const first = text.charAt(0);
  return first !== first.toLowerCase();
}

function bump(counts: Map<string, number>, text: string | undefined): void {
  if (text) counts.set(text, (counts.get(text) ?? 0) + 1);
}

/** groupKey of each distinct text, for one build (titles and recipients repeat across thousands of rows). */
type GroupKeys = Map<string, string>;

function groupKeyIn(keys: GroupKeys, text: string | undefined): string {
  if (text === undefined) return "";
  let key = keys.get(text);
  if (key === undefined) keys.set(text, (key = groupKey(text)));
  return key;
}

/** Totals of rows (or of other totals), by title then recipient. Linear plus sorting the distinct titles. */
function totalsOf(items: Iterable<{ title: string; recipient?: string; total: number; counted: boolean; articles: readonly Article[] }>, keys: GroupKeys): AwardTotal[] {
  const groups = new Map<string, TotalDraft>();
  for (const item of items) {
    const key = `${groupKeyIn(keys, item.title)}\u0000${groupKeyIn(keys, item.recipient)}`;
    const group = groups.get(key);
    if (!group) {
      const draft: TotalDraft = { titles: new Map(), recipients: new Map(), total: item.total, counted: item.counted, articles: [...item.articles], seen: new Set(item.articles) };
      bump(draft.titles, item.title);
      bump(draft.recipients, item.recipient);
      groups.set(key, draft);
      continue;
    }
    bump(group.titles, item.title);
    bump(group.recipients, item.recipient);
    group.total = saturatingAdd(group.total, item.total);
    group.counted ||= item.counted;
    for (const a of item.articles) {
      if (group.seen.has(a)) continue;
      group.seen.add(a);
      group.articles.push(a);
    }
  }
  return [...groups.values()]
    .map((g): AwardTotal => {
      const recipient = spelling(g.recipients, false);
      return Object.freeze({ title: spelling(g.titles, true) ?? "", ...(recipient ? { recipient } : {}), total: g.total, counted: g.counted, articles: Object.freeze(g.articles) });
    })
    .sort((a, b) => compareVietnamese(a.title, b.title) || compareVietnamese(a.recipient ?? "", b.recipient ?? ""));
}

/** The list `map` holds under `key`, created empty on first use. */
function listIn<K, V>(map: Map<K, V[]>, key: K): V[] {
  let list = map.get(key);
  if (!list) map.set(key, (list = []));
  return list;
}

function csvFile(dir: string, name: string): CsvFile {
  return { url: `${dir}${name}.csv`, fileName: `${name}.csv` };
}

/**
 * Builds every award table.
 * @param articles published articles, newest first (the tables keep that order)
 */
export function buildAwardsSite(articles: readonly Article[]): AwardsSite {
  const keys: GroupKeys = new Map();
  const rowsByTable = new Map<string, { unit: ProvinceUnit; year: number; rows: AwardRow[] }>();
  let rowCount = 0;
  for (const article of articles) {
    if (article.awards.length === 0) continue;
    const year = awardYear(article);
    const key = `${article.province.id}/${year}`;
    let table = rowsByTable.get(key);
    if (!table) rowsByTable.set(key, (table = { unit: article.province, year, rows: [] }));
    for (const award of article.awards) table.rows.push({ article, award });
    rowCount += article.awards.length;
  }

  const tablesOfUnit = new Map<string, ProvinceYearTable[]>();
  const tablesOfYear = new Map<number, ProvinceYearTable[]>();
  for (const { unit, year, rows } of rowsByTable.values()) {
    const url = provinceYearPath(unit.id, year);
    const table: ProvinceYearTable = Object.freeze({
      unit,
      year,
      url,
      rows: Object.freeze(rows),
      totals: Object.freeze(totalsOf(rows.map((r) => ({ title: r.award.title, ...(r.award.recipient ? { recipient: r.award.recipient } : {}), total: r.award.count ?? 1, counted: r.award.count !== undefined, articles: [r.article] })), keys)),
      rowsCsv: csvFile(url, `khen-thuong-${unit.id}-${year}`),
      totalsCsv: csvFile(url, `tong-hop-khen-thuong-${unit.id}-${year}`),
    });
    listIn(tablesOfUnit, unit.id).push(table);
    listIn(tablesOfYear, year).push(table);
  }

  const byUnit: AwardsByUnit[] = [];
  const tables: ProvinceYearTable[] = [];
  for (const unit of PROVINCES) {
    const list = tablesOfUnit.get(unit.id);
    if (!list) continue;
    list.sort((a, b) => b.year - a.year);
    byUnit.push(Object.freeze({ unit, tables: Object.freeze(list) }));
    tables.push(...list);
  }
  const unitOrder = new Map(PROVINCES.map((u, i) => [u.id, i]));
  const years: NationalYear[] = [...tablesOfYear]
    .sort((a, b) => b[0] - a[0])
    .map(([year, list]) => {
      const url = nationalYearPath(year);
      list.sort((a, b) => (unitOrder.get(a.unit.id) ?? 0) - (unitOrder.get(b.unit.id) ?? 0));
      return Object.freeze({
        year,
        url,
        tables: Object.freeze(list),
        totals: Object.freeze(totalsOf(list.flatMap((t) => t.totals), keys)),
        totalsCsv: csvFile(url, `tong-hop-khen-thuong-${year}`),
        provincesCsv: csvFile(url, `khen-thuong-theo-tinh-${year}`),
      });
    });
  return Object.freeze({ tables: Object.freeze(tables), years: Object.freeze(years), byUnit: Object.freeze(byUnit), rowCount });
}

/**
 * The open-data files: /api/articles.json, /api/provinces.json,
 * /api/people.json, /api/awards.json, each with its JSON Schema beside it,
 * and per-province parts (/api/<name>/<province>.json) when a file would
 * exceed 5 MB. Stable, documented JSON (schemas.ts): absolute URLs, dates in
 * ISO 8601 with +07:00, province ids that /api/provinces.json resolves,
 * including which former units became part of which current ones.
 *
 * Built from the same data as the pages, one pass per dataset. Each item is
 * serialised when the files are planned (its size decides the split, its
 * text goes into its file's digest) and again when its file is written: the
 * plan lives until the build ends, and holding every item's text in it cost
 * 78.8 MB of heap at 10,000 articles (heap after planning and a full
 * collection, 458.0 → 379.2 MB; /tmp/people/heap.mts, a copy of the bench's
 * 10k corpus, load ~8). The price is a second serialisation of the files a
 * build writes: all of them in a cold build, 0.31 → 0.92 s CPU for their
 * bodies at 10,000 articles (planning 1.16 → 1.38 s with the digests made
 * there; 3 rounds in one process, load ~9), one or two parts in an edit build.
 */
import type { Article } from "../content/article.ts";
import type { AwardsSite, ProvinceYearTable } from "../awards/awards.ts";
import type { PeopleSite, PersonPage } from "../people/people-site.ts";
import { PROVINCES, currentUnitOf, formerUnitsOf, provinceFullName, type ProvinceUnit } from "../provinces.ts";
import type { ProvinceListing } from "../site-model.ts";
import { absoluteUrl, type SiteConfig } from "../site-config.ts";
import { API_BASE, DATASETS, DATA_VERSION, datasetPath, datasetSchema, schemaPath, type DatasetName } from "./schemas.ts";
import { documentBytes, documentDigest, documentText, splitByProvince } from "./split.ts";

/** Above this size a file is split into per-province parts. */
export const SPLIT_LIMIT_BYTES = 5 * 1024 * 1024;

/** Where /du-lieu/ is. */
export const OPEN_DATA_PAGE = "/du-lieu/";

export interface OpenDataInput {
  readonly config: SiteConfig;
  /** Published articles, newest first. */
  readonly articles: readonly Article[];
  readonly provinces: readonly ProvinceListing[];
  readonly people: PeopleSite;
  readonly awards: AwardsSite;
  /** The article's permanent short URL (absolute), if it has one. */
  readonly shortUrlOf: (article: Article) => string | undefined;
}

/** A file to publish, path relative to the output folder. */
export interface DataFile {
  readonly path: string;
  readonly contents: string;
  /** A digest of the contents made without them (documents joined from items), for incremental builds. */
  readonly fingerprint?: () => string;
}

/**
 * A named array of a dataset: its items as references into the site data
 * (articles, person pages, award rows), serialised when asked. A planned
 * file keeps these and its digest, never its items' texts: a plan lives
 * from planning to the end of the build, and the texts of every item
 * (75 MB at 10,000 articles) would live with it.
 */
interface ItemList {
  readonly key: string;
  /** Each item's JSON text; `refs` caches article addresses and dates for one pass. */
  texts(refs: ArticleRefs): string[];
  /** The province ids each item belongs to. */
  provinces(): (readonly string[])[];
  /** The items at `positions`, in that order. */
  subset(positions: readonly number[]): ItemList;
}

function itemList<T>(key: string, items: readonly T[], value: (item: T, refs: ArticleRefs) => unknown, provincesOf: (item: T) => readonly string[]): ItemList {
  return {
    key,
    texts: (refs) => items.map((item) => JSON.stringify(value(item, refs))),
    provinces: () => items.map(provincesOf),
    subset: (positions) =>
      itemList(
        key,
        positions.map((i) => items[i]!),
        value,
        provincesOf,
      ),
  };
}

/**
 * A document whose items are serialised again when its text is read: the
 * plan needs every path (and so every item's size) on every build and
 * preview edit, and an incremental build every digest, but only a build
 * writing the file needs its text, and only for as long as it writes it.
 * The same functions over the same site data give the same texts, so the
 * digest made at planning describes them.
 */
function documentFile(path: string, config: SiteConfig, header: Record<string, unknown>, lists: readonly ItemList[], digest: string): DataFile {
  return {
    path,
    get contents() {
      const refs = new ArticleRefs(config);
      return documentText(
        header,
        lists.map((l) => ({ key: l.key, texts: l.texts(refs) })),
      );
    },
    fingerprint: () => digest,
  };
}

/** ISO 8601 at +07:00 for an instant: Vietnam time, whatever offset the date was written with. */
export function isoVietnam(timestamp: number): string {
  return `${new Date(timestamp + 7 * 3_600_000).toISOString().slice(0, 19)}+07:00`;
}

/**
 * The absolute address and Vietnam-time date of each article, made once per
 * set of files: the people and awards datasets name the same articles again
 * in every mention and row.
 */
class ArticleRefs {
  private readonly urls = new Map<Article, string>();
  private readonly dates = new Map<Article, string>();
  constructor(private readonly config: SiteConfig) {}
  url(article: Article): string {
    let url = this.urls.get(article);
    if (url === undefined) this.urls.set(article, (url = absoluteUrl(this.config, article.url)));
    return url;
  }
  date(article: Article): string {
    let date = this.dates.get(article);
    if (date === undefined) this.dates.set(article, (date = isoVietnam(article.date.timestamp)));
    return date;
  }
}

// Fields that are undefined are absent from the files: JSON.stringify leaves them out, so
// items are written as plain object literals (no copy per object to drop them first).

function articleItems(input: OpenDataInput): ItemList[] {
  const { config, people } = input;
  const abs = (path: string): string => absoluteUrl(config, path);
  const value = (a: Article, refs: ArticleRefs): unknown => {
    const personUrls = people.officialUrls(a);
    return {
      url: refs.url(a),
      shortUrl: input.shortUrlOf(a),
      title: a.title,
      date: refs.date(a),
      day: a.date.day,
      province: a.province.id,
      currentProvince: currentUnitOf(a.province.id).id,
      agency: a.agency,
      reviewYear: a.reviewYear,
      planYear: a.planYear,
      summary: a.summary,
      author: a.author,
      tags: a.tags,
      image: a.image ? { url: /^https?:\/\//.test(a.image.src) ? a.image.src : abs(a.image.src), alt: a.image.alt, caption: a.image.caption } : undefined,
      officials: a.officials.map((o, i) => {
        const person = personUrls[i];
        return { name: o.name, role: o.role, honorific: o.honorific, person: person ? abs(person) : undefined };
      }),
      awards: a.awards.map((w) => ({ title: w.title, recipient: w.recipient, count: w.count, conferredBy: w.conferredBy })),
    };
  };
  return [itemList("articles", input.articles, value, (a) => [a.province.id])];
}

function provinceItems(input: OpenDataInput): ItemList[] {
  const counts = new Map(input.provinces.map((p) => [p.province.id, p.articleCount]));
  const value = (p: ProvinceUnit): unknown => ({
    id: p.id,
    name: p.name,
    fullName: provinceFullName(p),
    kind: p.kind,
    current: p.current,
    in63: p.in63,
    successor: p.successor,
    successorSince: p.successorSince,
    change: p.change,
    currentUnit: currentUnitOf(p.id).id,
    formerUnits: formerUnitsOf(p.id).map((f) => f.id),
    url: absoluteUrl(input.config, `/${p.id}/`),
    articleCount: counts.get(p.id) ?? 0,
  });
  return [itemList("provinces", PROVINCES, value, (p) => [p.id])];
}

function peopleItems(input: OpenDataInput): ItemList[] {
  const abs = (path: string): string => absoluteUrl(input.config, path);
  const value = (page: PersonPage, refs: ArticleRefs): unknown => {
    const { person } = page;
    return {
      id: page.url.split("/").at(-2) ?? "",
      url: abs(page.url),
      formerUrls: page.formerUrls.map(abs),
      name: person.name,
      honorific: person.honorific,
      provinces: person.provinces.map((p) => p.id),
      roles: page.roles.map((r) => ({ role: r.role, province: r.province.id, from: r.from, to: r.to })),
      mentions: person.mentions.map((m) => ({ article: refs.url(m.article), title: m.article.title, date: refs.date(m.article), province: m.article.province.id, name: m.name, role: m.role, honorific: m.honorific })),
    };
  };
  return [itemList("people", input.people.pages, value, (page) => page.person.provinces.map((p) => p.id))];
}

function awardItems(input: OpenDataInput): ItemList[] {
  const abs = (path: string): string => absoluteUrl(input.config, path);
  // Each row and total with its table (a pair per item: the table gives the province and year).
  const rows: { readonly table: ProvinceYearTable; readonly row: ProvinceYearTable["rows"][number] }[] = [];
  const totals: { readonly table: ProvinceYearTable; readonly total: ProvinceYearTable["totals"][number] }[] = [];
  for (const table of input.awards.tables) {
    for (const row of table.rows) rows.push({ table, row });
    for (const total of table.totals) totals.push({ table, total });
  }
  return [
    itemList(
      "awards",
      rows,
      ({ table, row: { article, award } }, refs) => ({
        province: table.unit.id,
        year: table.year,
        title: award.title,
        recipient: award.recipient,
        count: award.count,
        conferredBy: award.conferredBy,
        article: refs.url(article),
        articleTitle: article.title,
        date: refs.date(article),
      }),
      ({ table }) => [table.unit.id],
    ),
    itemList(
      "totals",
      totals,
      ({ table, total: t }, refs) => ({
        province: table.unit.id,
        year: table.year,
        title: t.title,
        recipient: t.recipient,
        total: t.total,
        counted: t.counted,
        articles: t.articles.map((a) => refs.url(a)),
        table: abs(table.url),
        csv: abs(table.totalsCsv.url),
      }),
      ({ table }) => [table.unit.id],
    ),
  ];
}

const BUILDERS: Record<DatasetName, (input: OpenDataInput) => ItemList[]> = {
  articles: articleItems,
  provinces: provinceItems,
  people: peopleItems,
  awards: awardItems,
};

/** "/api/articles/gia-lai.json", "/api/articles/gia-lai-2.json". */
export function partPath(name: DatasetName, province: string, piece?: number): string {
  return `${API_BASE}${name}/${province}${piece !== undefined ? `-${piece}` : ""}.json`;
}

/**
 * Every open-data file: for each dataset its schema and its document, split
 * into parts when larger than `limit` bytes. Each dataset's items are
 * serialised once here (for their sizes and the files' digests) and the
 * texts dropped before the next dataset; a file serialises its own items
 * again when its contents are read (documentFile).
 */
export function buildOpenDataFiles(input: OpenDataInput, limit = SPLIT_LIMIT_BYTES): DataFile[] {
  const { config } = input;
  const files: DataFile[] = [];
  const provinceOrder = PROVINCES.map((p) => p.id);
  const refs = new ArticleRefs(config);
  for (const name of DATASETS) {
    const lists = BUILDERS[name](input);
    const texts = lists.map((l) => l.texts(refs));
    const sized = lists.map((l, a) => ({ key: l.key, bytes: texts[a]!.map((t) => Buffer.byteLength(t, "utf8")) }));
    const header = (count: number, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
      $schema: absoluteUrl(config, schemaPath(name)),
      version: DATA_VERSION,
      dataset: name,
      site: { name: config.name, url: absoluteUrl(config, "/") },
      licence: { name: config.dataLicence.name, url: config.dataLicence.url },
      documentation: absoluteUrl(config, OPEN_DATA_PAGE),
      count,
      ...extra,
    });
    files.push({ path: schemaPath(name).slice(1), contents: `${JSON.stringify(datasetSchema(config, name), null, 2)}\n` });
    const total = texts[0]?.length ?? 0;
    const whole = header(total);
    if (documentBytes(whole, sized) <= limit) {
      const digest = documentDigest(
        whole,
        lists.map((l, a) => ({ key: l.key, texts: texts[a]! })),
      );
      files.push(documentFile(datasetPath(name).slice(1), config, whole, lists, digest));
      continue;
    }
    const partHeader = (province: string, piece: number | undefined, n: number): Record<string, unknown> => header(n, { province, ...(piece !== undefined ? { piece } : {}) });
    const headerBytes = Buffer.byteLength(JSON.stringify(partHeader("ba-ria-vung-tau", 999, Number.MAX_SAFE_INTEGER), null, 2), "utf8");
    const parts = splitByProvince(
      lists.map((l, a) => ({ key: l.key, bytes: sized[a]!.bytes, provinces: l.provinces() })),
      provinceOrder,
      limit,
      headerBytes,
    );
    const listed = parts.map((part) => {
      const n = part.items[0]?.length ?? 0;
      const path = partPath(name, part.province, part.piece);
      const partHead = partHeader(part.province, part.piece, n);
      const digest = documentDigest(
        partHead,
        lists.map((l, a) => ({ key: l.key, texts: part.items[a]!.map((i) => texts[a]![i]!) })),
      );
      files.push(
        documentFile(
          path.slice(1),
          config,
          partHead,
          lists.map((l, a) => l.subset(part.items[a]!)),
          digest,
        ),
      );
      return { province: part.province, piece: part.piece, url: absoluteUrl(config, path), count: n };
    });
    files.push({ path: datasetPath(name).slice(1), contents: documentText(header(total, { parts: listed }), []) });
  }
  return files;
}

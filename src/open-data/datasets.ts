/**
 * The open-data files: /api/articles.json, /api/provinces.json,
 * /api/people.json, /api/awards.json, each with its JSON Schema beside it,
 * and per-province parts (/api/<name>/<province>.json) when a file would
 * exceed 5 MB. Stable, documented JSON (schemas.ts): absolute URLs, dates in
 * ISO 8601 with +07:00, province ids that /api/provinces.json resolves,
 * including which former units became part of which current ones.
 *
 * Built from the same data as the pages, one pass per dataset; each item is
 * serialised once (split.ts).
 */
import type { Article } from "../content/article.ts";
import type { AwardsSite } from "../awards/awards.ts";
import type { PeopleSite } from "../people/people-site.ts";
import { PROVINCES, currentUnitOf, formerUnitsOf, provinceFullName } from "../provinces.ts";
import type { ProvinceListing } from "../site-model.ts";
import { absoluteUrl, type SiteConfig } from "../site-config.ts";
import { API_BASE, DATASETS, DATA_VERSION, datasetPath, datasetSchema, schemaPath, type DatasetName } from "./schemas.ts";
import { documentBytes, documentDigest, documentText, serialItem, splitByProvince, type SerialArray } from "./split.ts";

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
 * A file whose text is joined from its serialised items when read: the plan
 * needs every path (and so every item's size) on every build, check and
 * preview edit, but only a build writing the file needs its text.
 */
function lazyFile(path: string, header: Record<string, unknown>, arrays: readonly SerialArray[]): DataFile {
  return {
    path,
    get contents() {
      return documentText(header, arrays);
    },
    fingerprint: () => documentDigest(header, arrays),
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

function articleItems(input: OpenDataInput, refs: ArticleRefs): SerialArray[] {
  const { config, people } = input;
  const abs = (path: string): string => absoluteUrl(config, path);
  const items = input.articles.map((a) => {
    const personUrls = people.officialUrls(a);
    const shortUrl = input.shortUrlOf(a);
    return serialItem(
      {
        url: refs.url(a),
        shortUrl,
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
      },
      [a.province.id],
    );
  });
  return [{ key: "articles", items }];
}

function provinceItems(input: OpenDataInput): SerialArray[] {
  const counts = new Map(input.provinces.map((p) => [p.province.id, p.articleCount]));
  const items = PROVINCES.map((p) =>
    serialItem(
      {
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
      },
      [p.id],
    ),
  );
  return [{ key: "provinces", items }];
}

function peopleItems(input: OpenDataInput, refs: ArticleRefs): SerialArray[] {
  const abs = (path: string): string => absoluteUrl(input.config, path);
  const items = input.people.pages.map((page) => {
    const { person } = page;
    return serialItem(
      {
        id: page.url.split("/").at(-2) ?? "",
        url: abs(page.url),
        formerUrls: page.formerUrls.map(abs),
        name: person.name,
        honorific: person.honorific,
        provinces: person.provinces.map((p) => p.id),
        roles: page.roles.map((r) => ({ role: r.role, province: r.province.id, from: r.from, to: r.to })),
        mentions: person.mentions.map((m) => ({ article: refs.url(m.article), title: m.article.title, date: refs.date(m.article), province: m.article.province.id, name: m.name, role: m.role, honorific: m.honorific })),
      },
      person.provinces.map((p) => p.id),
    );
  });
  return [{ key: "people", items }];
}

function awardItems(input: OpenDataInput, refs: ArticleRefs): SerialArray[] {
  const abs = (path: string): string => absoluteUrl(input.config, path);
  const rows = [];
  const totals = [];
  for (const table of input.awards.tables) {
    const province = [table.unit.id];
    for (const { article, award } of table.rows) {
      rows.push(
        serialItem(
          { province: table.unit.id, year: table.year, title: award.title, recipient: award.recipient, count: award.count, conferredBy: award.conferredBy, article: refs.url(article), articleTitle: article.title, date: refs.date(article) },
          province,
        ),
      );
    }
    for (const t of table.totals) {
      totals.push(
        serialItem(
          { province: table.unit.id, year: table.year, title: t.title, recipient: t.recipient, total: t.total, counted: t.counted, articles: t.articles.map((a) => refs.url(a)), table: abs(table.url), csv: abs(table.totalsCsv.url) },
          province,
        ),
      );
    }
  }
  return [
    { key: "awards", items: rows },
    { key: "totals", items: totals },
  ];
}

const BUILDERS: Record<DatasetName, (input: OpenDataInput, refs: ArticleRefs) => SerialArray[]> = {
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
 * into parts when larger than `limit` bytes.
 */
export function buildOpenDataFiles(input: OpenDataInput, limit = SPLIT_LIMIT_BYTES): DataFile[] {
  const { config } = input;
  const files: DataFile[] = [];
  const provinceOrder = PROVINCES.map((p) => p.id);
  const refs = new ArticleRefs(config);
  for (const name of DATASETS) {
    const arrays = BUILDERS[name](input, refs);
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
    const total = arrays[0]?.items.length ?? 0;
    const whole = header(total);
    if (documentBytes(whole, arrays) <= limit) {
      files.push(lazyFile(datasetPath(name).slice(1), whole, arrays));
      continue;
    }
    const partHeader = (province: string, piece: number | undefined, n: number): Record<string, unknown> => header(n, { province, ...(piece !== undefined ? { piece } : {}) });
    const headerBytes = Buffer.byteLength(JSON.stringify(partHeader("ba-ria-vung-tau", 999, Number.MAX_SAFE_INTEGER), null, 2), "utf8");
    const parts = splitByProvince(arrays, provinceOrder, limit, headerBytes);
    const listed = parts.map((part) => {
      const n = part.arrays[0]?.items.length ?? 0;
      const path = partPath(name, part.province, part.piece);
      files.push(lazyFile(path.slice(1), partHeader(part.province, part.piece, n), part.arrays));
      return { province: part.province, piece: part.piece, url: absoluteUrl(config, path), count: n };
    });
    files.push({ path: datasetPath(name).slice(1), contents: documentText(header(total, { parts: listed }), []) });
  }
  return files;
}

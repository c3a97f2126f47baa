/**
 * The JSON Schema (draft 2020-12) of every open-data file, published beside
 * it (/api/<name>.schema.json) with an absolute `$id`. The descriptions are
 * the field documentation; test/open-data.test.ts validates every file the
 * build writes against these with Ajv, so the documentation cannot drift
 * from the data.
 */
import { absoluteUrl, type SiteConfig } from "../site-config.ts";

export const DATASETS = ["articles", "provinces", "people", "awards"] as const;
export type DatasetName = (typeof DATASETS)[number];

/** The format version written in every file; fields keep their meaning within a version, new ones may be added. */
export const DATA_VERSION = 1;

export const API_BASE = "/api/";

/** "/api/articles.json". */
export function datasetPath(name: DatasetName): string {
  return `${API_BASE}${name}.json`;
}

/** "/api/articles.schema.json". */
export function schemaPath(name: DatasetName): string {
  return `${API_BASE}${name}.schema.json`;
}

type Schema = Readonly<Record<string, unknown>>;

const text = (description: string): Schema => ({ type: "string", minLength: 1, description });
const url = (description: string): Schema => ({ type: "string", format: "uri", pattern: "^https?://", description });
const dateTime: Schema = { type: "string", format: "date-time", pattern: "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\+07:00$", description: "ISO 8601 date and time in Vietnam time (+07:00)" };
const day: Schema = { type: "string", format: "date", description: "the calendar day in Vietnam, YYYY-MM-DD" };
const provinceId = (description: string): Schema => ({ type: "string", pattern: "^[a-z]+(?:-[a-z]+)*$", description: `${description} (an id of /api/provinces.json)` });
const year = (description: string): Schema => ({ type: "integer", minimum: 1900, maximum: 2200, description });
const count = (description: string): Schema => ({ type: "integer", minimum: 0, description });
const list = (items: Schema, description: string): Schema => ({ type: "array", items, description });
const object = (properties: Readonly<Record<string, Schema>>, required: readonly string[], description?: string): Schema => ({
  type: "object",
  ...(description ? { description } : {}),
  properties,
  required,
  additionalProperties: false,
});
const honorific: Schema = { type: "string", enum: ["Ông", "Bà", "Đồng chí"], description: "honorific used before the name" };

const ITEMS: Record<DatasetName, Readonly<Record<string, Schema>>> = {
  articles: {
    articles: list(
      object(
        {
          url: url("canonical address of the article"),
          shortUrl: url("permanent short address (the one in the article's QR code)"),
          title: text("headline"),
          date: dateTime,
          day,
          province: provinceId("the provincial unit of the article, as it was at the time"),
          currentProvince: provinceId("the unit in force today that `province` is or became part of"),
          agency: text("organising body"),
          reviewYear: year("the year reviewed"),
          planYear: year("the year planned"),
          summary: { type: "string", description: "one-paragraph summary (plain text)" },
          author: text("byline"),
          tags: list(text("topic"), "topics"),
          image: object({ url: url("image address"), alt: text("text alternative"), caption: text("caption") }, ["url", "alt"], "the article's picture"),
          officials: list(
            object({ name: text("name as written in the article"), role: text("role at the time"), honorific, person: url("the person's page (/api/people.json `url`)") }, ["name"]),
            "officials named, in the article's order",
          ),
          awards: list(object({ title: text("award or title"), recipient: text("who received it"), count: count("how many recipients"), conferredBy: text("who conferred it") }, ["title"]), "awards reported, in the article's order"),
        },
        ["url", "title", "date", "day", "province", "currentProvince", "summary", "tags", "officials", "awards"],
        "one published article",
      ),
      "articles, newest first",
    ),
  },
  provinces: {
    provinces: list(
      object(
        {
          id: provinceId("the unit's id"),
          name: text("Vietnamese name without Tỉnh/Thành phố"),
          fullName: text("official name with Tỉnh or Thành phố"),
          kind: { type: "string", enum: ["tinh", "thanh-pho"], description: "tinh: province; thanh-pho: centrally-run city" },
          current: { type: "boolean", description: "one of the 34 units in force since 2025-07-01" },
          in63: { type: "boolean", description: "one of the 63 units in force on 2025-06-30" },
          successor: provinceId("the unit it became part of or was renamed to"),
          successorSince: { type: "string", format: "date", description: "the day `successor` took effect" },
          change: { type: "string", enum: ["merged", "renamed"], description: "how the unit ended" },
          currentUnit: provinceId("the unit in force today (itself for a current unit)"),
          formerUnits: list(provinceId("a former unit"), "former units that are now part of this one"),
          url: url("the unit's article index"),
          articleCount: count("articles listed under the unit (a current unit's include its former units')"),
        },
        ["id", "name", "fullName", "kind", "current", "in63", "currentUnit", "formerUnits", "url", "articleCount"],
        "one provincial-level unit, current or former",
      ),
      "every unit, in Vietnamese alphabetical order",
    ),
  },
  people: {
    people: list(
      object(
        {
          id: { type: "string", pattern: "^[a-z0-9]+(?:-[a-z0-9]+)*$", description: "stable id: the last segment of `url`" },
          url: url("the person's page (permanent)"),
          formerUrls: list(url("earlier address"), "earlier addresses that redirect to `url`"),
          name: text("name, most used spelling"),
          honorific,
          provinces: list(provinceId("a unit the person was named in"), "units the person was named in, most recent first"),
          roles: list(object({ role: text("role"), province: provinceId("where"), from: year("first year named in it"), to: year("last year named in it") }, ["role", "province", "from", "to"]), "distinct roles, most recent first"),
          mentions: list(
            object(
              { article: url("the article"), title: text("the article's headline"), date: dateTime, province: provinceId("the article's unit"), name: text("the name as written there"), role: text("role given there"), honorific },
              ["article", "title", "date", "province", "name"],
            ),
            "every article naming the person, newest first",
          ),
        },
        ["id", "url", "formerUrls", "name", "provinces", "roles", "mentions"],
        "one person named in the articles",
      ),
      "people in Vietnamese name order (given name, family name)",
    ),
  },
  awards: {
    awards: list(
      object(
        {
          province: provinceId("the article's unit"),
          year: year("the year the award is for: the article's reviewYear, else the year of its date"),
          title: text("award or title"),
          recipient: text("who received it"),
          count: count("how many recipients"),
          conferredBy: text("who conferred it"),
          article: url("the article reporting it"),
          articleTitle: text("the article's headline"),
          date: dateTime,
        },
        ["province", "year", "title", "article", "articleTitle", "date"],
        "one award reported in one article",
      ),
      "awards by province and year, newest article first",
    ),
    totals: list(
      object(
        {
          province: provinceId("unit"),
          year: year("year"),
          title: text("award or title (grouped ignoring case and spacing)"),
          recipient: text("recipient"),
          total: count("sum of counts; an award without a count counts 1"),
          counted: { type: "boolean", description: "whether any award of the group gave a count (else total is the number of times given)" },
          articles: list(url("article"), "articles reporting it"),
          table: url("the province-year page"),
          csv: url("the province-year table as CSV"),
        },
        ["province", "year", "title", "total", "counted", "articles", "table", "csv"],
        "totals of one title and recipient in one province and year",
      ),
      "totals by province, year (newest first), title",
    ),
  },
};

/** The JSON Schema of dataset `name`, for files whose `$schema` points at it. */
export function datasetSchema(config: SiteConfig, name: DatasetName): Schema {
  const arrays = ITEMS[name];
  const part = object({ province: provinceId("the part's unit"), piece: { type: "integer", minimum: 1, description: "piece number when one unit's part is cut further" }, url: url("the part's file"), count: count("items in the part") }, ["province", "url", "count"]);
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    $id: absoluteUrl(config, schemaPath(name)),
    title: `${config.name}: ${name}`,
    description: `Open data of ${config.url}: ${name}. Documented at ${absoluteUrl(config, "/du-lieu/")}. A file holds the ${Object.keys(arrays).join(" and ")} inline, or, when the whole would exceed 5 MB, only \`parts\`: the same document per province (and piece).`,
    type: "object",
    properties: {
      $schema: { type: "string", const: absoluteUrl(config, schemaPath(name)) },
      version: { type: "integer", const: DATA_VERSION, description: "format version: fields keep their meaning within a version; new fields may be added" },
      dataset: { type: "string", const: name },
      site: object({ name: text("site name"), url: url("site address") }, ["name", "url"]),
      licence: object({ name: text("licence"), url: url("licence text") }, ["name", "url"]),
      documentation: url("the page describing the data"),
      count: count(`number of ${Object.keys(arrays)[0]} in this file, or in all parts for a split file`),
      province: provinceId("set in a part: its unit"),
      piece: { type: "integer", minimum: 1, description: "set in a piece of a part" },
      parts: list(part, "set when the data is split: every part file"),
      ...arrays,
    },
    required: ["$schema", "version", "dataset", "site", "licence", "documentation", "count"],
    // Either the data inline or the list of parts (the properties are repeated so strict validators see them declared).
    anyOf: [
      { properties: Object.fromEntries(Object.keys(arrays).map((k) => [k, true])), required: Object.keys(arrays) },
      { properties: { parts: true }, required: ["parts"] },
    ],
    additionalProperties: false,
  };
}

/**
 * What `npm run check` keeps of each valid article after its parse: the
 * article as the loader made it, minus its text (body, plain text, summary).
 * That is everything the build's steps after the loader read to find
 * problems — the cross-checks, the published-URL record, the people index,
 * the output plan (src/plan/site-outputs.ts) — and what this check's rules
 * across articles read. Plain data, so it is cached with the file's result
 * and revived without parsing the file again.
 */
import { z } from "zod";
import type { Article } from "../content/article.ts";
import { HONORIFICS } from "../content/schema.ts";
import { getProvince, listingProvinceIds } from "../provinces.ts";
import { trustedHtml } from "../safe-html.ts";

/** The article without its text; the province by id (a unit at the time). */
export type ArticleFacts = Omit<Article, "body" | "bodyText" | "summary" | "province" | "listedUnder"> & {
  /** Province id as written. */
  readonly province: string;
};

/**
 * What the rules run on every check read of an article (the loader's URL
 * cross-checks, duplicate titles, dates in the future): a few fields of its
 * facts, kept apart in the cache so that an unchanged site needs no more.
 */
export type ArticleSummary = Pick<ArticleFacts, "sourcePath" | "url" | "aliases" | "draft" | "title" | "province"> & {
  readonly date: Pick<ArticleFacts["date"], "timestamp" | "year" | "day" | "hasTime">;
  /** The officials as the role warning and the people rules read them (quick-site.ts). */
  readonly officials: readonly SummaryOfficial[];
  /** The content file of its image and of its body's pictures, which the site serves from the article's folder (quick-site.ts). */
  readonly imageFile?: string;
  readonly bodyFiles: readonly string[];
};

/** An official as the rules across articles read them. */
export interface SummaryOfficial {
  readonly name: string;
  readonly role?: string;
  readonly id?: string;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * The summary of a valid article's facts. Optional fields are set by
 * assignment where present, not by conditional spreads (`...(x ? { x } :
 * {})`, a copy each: with factsOf's rest copy, ~6 % of the check's parse of
 * an article, `node --no-turbo-inlining --cpu-prof` over the 10k corpus).
 */
export function summaryOf(facts: ArticleFacts): ArticleSummary {
  const { timestamp, year, day, hasTime } = facts.date;
  const officials = facts.officials.map(({ name, role, id }): SummaryOfficial => {
    const official: Mutable<SummaryOfficial> = { name };
    if (role !== undefined) official.role = role;
    if (id !== undefined) official.id = id;
    return official;
  });
  const bodyFiles: string[] = [];
  for (const picture of facts.bodyImages) if (picture.sourceFile !== undefined) bodyFiles.push(picture.sourceFile);
  const summary: Mutable<ArticleSummary> = { sourcePath: facts.sourcePath, url: facts.url, aliases: facts.aliases, draft: facts.draft, title: facts.title, province: facts.province, date: { timestamp, year, day, hasTime }, officials, bodyFiles };
  const imageFile = facts.image?.sourceFile;
  if (imageFile !== undefined) summary.imageFile = imageFile;
  return summary;
}

const isText = (v: unknown): v is string => typeof v === "string";

/** A summary read back from the cache, when it has the right shape and belongs to `sourcePath` (checked by hand: read for every article of every run). */
export function reviveSummary(value: unknown, sourcePath: string): ArticleSummary | undefined {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return undefined;
  const v = value as Record<string, unknown>;
  const date = v["date"];
  if (v["sourcePath"] !== sourcePath || !isText(v["url"]) || !isText(v["title"]) || !isText(v["province"]) || typeof v["draft"] !== "boolean") return undefined;
  if (!Array.isArray(v["aliases"]) || !v["aliases"].every(isText)) return undefined;
  if (date === null || typeof date !== "object" || Array.isArray(date)) return undefined;
  const d = date as Record<string, unknown>;
  if (!Number.isFinite(d["timestamp"]) || !Number.isInteger(d["year"]) || !isText(d["day"]) || typeof d["hasTime"] !== "boolean") return undefined;
  const imageFile = v["imageFile"];
  if ((imageFile !== undefined && !isText(imageFile)) || !Array.isArray(v["bodyFiles"]) || !v["bodyFiles"].every(isText) || !Array.isArray(v["officials"])) return undefined;
  const officials: SummaryOfficial[] = [];
  for (const o of v["officials"] as unknown[]) {
    if (o === null || typeof o !== "object" || Array.isArray(o)) return undefined;
    const { name, role, id } = o as Record<string, unknown>;
    if (!isText(name) || (role !== undefined && !isText(role)) || (id !== undefined && !isText(id))) return undefined;
    officials.push({ name, ...(role !== undefined ? { role } : {}), ...(id !== undefined ? { id } : {}) });
  }
  return {
    sourcePath,
    url: v["url"],
    aliases: v["aliases"] as string[],
    draft: v["draft"],
    title: v["title"],
    province: v["province"],
    date: { timestamp: d["timestamp"] as number, year: d["year"] as number, day: d["day"], hasTime: d["hasTime"] },
    officials,
    ...(imageFile !== undefined ? { imageFile } : {}),
    bodyFiles: v["bodyFiles"] as string[],
  };
}

/**
 * Every field of the facts, once: a field added to Article does not compile
 * here until it is kept (FACT_FIELDS, and set in factsOf) or left out
 * (FACTS_LEFT_OUT) — never cached or lost unnoticed.
 */
const FACT_FIELDS = {
  sourcePath: true,
  slug: true,
  url: true,
  title: true,
  date: true,
  agency: true,
  reviewYear: true,
  planYear: true,
  officials: true,
  awards: true,
  author: true,
  image: true,
  tags: true,
  draft: true,
  aliases: true,
  bodyImages: true,
  province: true,
} as const satisfies Record<keyof ArticleFacts, true>;
/** What the facts leave out of an article: its text, and what follows from the province (a check at compile time only; test/check-fast-parse.test.ts holds factsOf to both lists). */
const FACTS_LEFT_OUT = { body: true, bodyText: true, summary: true, listedUnder: true } as const satisfies Record<Exclude<keyof Article, keyof typeof FACT_FIELDS>, true>;

/**
 * The facts of a valid article: every field but FACTS_LEFT_OUT, the
 * province by its id. Built field by field rather than by an object rest
 * copy, which went through V8's generic path (see summaryOf). The order of
 * the fields in the JSON text is not the article's: nothing reads it, and
 * the cache's key has the code version in it.
 */
export function factsOf(article: Article): ArticleFacts {
  const a = article;
  const facts: Mutable<ArticleFacts> = { sourcePath: a.sourcePath, slug: a.slug, url: a.url, title: a.title, date: a.date, officials: a.officials, awards: a.awards, tags: a.tags, draft: a.draft, aliases: a.aliases, bodyImages: a.bodyImages, province: a.province.id };
  if (a.agency !== undefined) facts.agency = a.agency;
  if (a.reviewYear !== undefined) facts.reviewYear = a.reviewYear;
  if (a.planYear !== undefined) facts.planYear = a.planYear;
  if (a.author !== undefined) facts.author = a.author;
  if (a.image !== undefined) facts.image = a.image;
  return facts;
}

const EMPTY_BODY = trustedHtml("");

/**
 * The Article the facts stand for, for the build's steps after the loader:
 * the same fields, with an empty body and summary (those steps never read
 * them when they only look for problems). Never for output.
 */
export function standInArticle(facts: ArticleFacts): Article | undefined {
  const province = getProvince(facts.province);
  if (!province) return undefined;
  return { ...facts, province, listedUnder: listingProvinceIds(province.id), summary: "", body: EMPTY_BODY, bodyText: "" };
}

// The shape of cached facts. A damaged or forged cache is a miss, never a crash.
const text = z.string();
const FACTS = z.strictObject({
  sourcePath: text,
  slug: text,
  url: text,
  title: text,
  date: z.strictObject({ iso: text, timestamp: z.number().finite(), year: z.number().int(), day: text, hasTime: z.boolean() }),
  province: text,
  agency: text.optional(),
  reviewYear: z.number().int().optional(),
  planYear: z.number().int().optional(),
  officials: z.array(z.strictObject({ name: text, role: text.optional(), honorific: z.enum(HONORIFICS).optional(), id: text.optional() })),
  awards: z.array(z.strictObject({ title: text, recipient: text.optional(), count: z.number().int().optional(), conferredBy: text.optional() })),
  author: text.optional(),
  image: z.strictObject({ src: text, alt: text, caption: text.optional(), sourceFile: text.optional() }).optional(),
  tags: z.array(text),
  draft: z.boolean(),
  aliases: z.array(text),
  bodyImages: z.array(z.strictObject({ src: text, alt: text, title: text.optional(), line: z.number().int(), sourceFile: text.optional() })),
});

/** Facts read back from their JSON text in the cache, when they have the right shape and belong to `sourcePath`. */
export function reviveFacts(json: string, sourcePath: string): ArticleFacts | undefined {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return undefined;
  }
  const parsed = FACTS.safeParse(value);
  if (!parsed.success || parsed.data.sourcePath !== sourcePath || !getProvince(parsed.data.province)) return undefined;
  // The value itself: plain JSON, now known to have the shape (and no field present but undefined).
  return value as ArticleFacts;
}

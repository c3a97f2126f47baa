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

/** The facts of a valid article. */
export function factsOf(article: Article): ArticleFacts {
  // Listed field by field, so that a field added to Article is a decision here, not silently cached.
  const { body: _body, bodyText: _bodyText, summary: _summary, province, listedUnder: _listed, ...rest } = article;
  return { ...rest, province: province.id };
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

/** Facts read back from the cache, when they have the right shape and belong to `sourcePath`. */
export function reviveFacts(value: unknown, sourcePath: string): ArticleFacts | undefined {
  const parsed = FACTS.safeParse(value);
  if (!parsed.success || parsed.data.sourcePath !== sourcePath || !getProvince(parsed.data.province)) return undefined;
  // The value itself (plain JSON, now known to have the shape): its fields in
  // the order they were written, as fresh facts have them, so the site
  // phase's key (run-check.ts) is the same whether facts are fresh or cached.
  return value as ArticleFacts;
}

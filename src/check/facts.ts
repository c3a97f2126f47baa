/**
 * What `npm run check` keeps of each valid article after its parse: the
 * little the rules across articles read — URLs for the loader's
 * cross-checks; title, province, date and officials for the warnings and
 * for the people index (src/people/identity.ts). Plain data, so it is
 * cached with the file's result and revived without parsing the file again.
 */
import type { Article, Official } from "../content/article.ts";
import { HONORIFICS, type Honorific } from "../content/schema.ts";
import { getProvince, listingProvinceIds } from "../provinces.ts";
import { trustedHtml } from "../safe-html.ts";

export interface ArticleFacts {
  /** Path relative to the project root ("content/gia-lai/x.md"). */
  readonly sourcePath: string;
  readonly slug: string;
  readonly url: string;
  readonly aliases: readonly string[];
  readonly draft: boolean;
  readonly title: string;
  /** Province id as written (the unit at the time). */
  readonly province: string;
  /** The date as the loader gave it (src/dates.ts ArticleDate). */
  readonly date: Article["date"];
  readonly officials: readonly Official[];
}

/** The facts of a valid article. */
export function factsOf(article: Article): ArticleFacts {
  return {
    sourcePath: article.sourcePath,
    slug: article.slug,
    url: article.url,
    aliases: [...article.aliases],
    draft: article.draft,
    title: article.title,
    province: article.province.id,
    date: { ...article.date },
    officials: article.officials.map((o) => ({ name: o.name, ...(o.role ? { role: o.role } : {}), ...(o.honorific ? { honorific: o.honorific } : {}), ...(o.id ? { id: o.id } : {}) })),
  };
}

const EMPTY_BODY = trustedHtml("");

/**
 * An Article made of the facts, for the functions the build runs over whole
 * articles that read only these fields (the people index groups officials
 * by name, id and province). Everything else is empty: never for output.
 */
export function standInArticle(facts: ArticleFacts): Article | undefined {
  const province = getProvince(facts.province);
  if (!province) return undefined;
  return {
    sourcePath: facts.sourcePath,
    slug: facts.slug,
    url: facts.url,
    title: facts.title,
    date: facts.date,
    province,
    listedUnder: listingProvinceIds(province.id),
    officials: facts.officials,
    awards: [],
    summary: "",
    tags: [],
    draft: facts.draft,
    aliases: facts.aliases,
    body: EMPTY_BODY,
    bodyImages: [],
    bodyText: "",
  };
}

const isString = (v: unknown): v is string => typeof v === "string";
const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);
const optionalString = (v: unknown): boolean => v === undefined || isString(v);

function reviveOfficial(v: unknown): Official | undefined {
  if (!isObject(v) || !isString(v["name"]) || !optionalString(v["role"]) || !optionalString(v["id"])) return undefined;
  const honorific = v["honorific"];
  if (honorific !== undefined && !(HONORIFICS as readonly unknown[]).includes(honorific)) return undefined;
  return { name: v["name"], ...(isString(v["role"]) ? { role: v["role"] } : {}), ...(honorific !== undefined ? { honorific: honorific as Honorific } : {}), ...(isString(v["id"]) ? { id: v["id"] } : {}) };
}

/** Facts read back from the cache, when they have the right shape (a damaged cache is a miss, never a crash). */
export function reviveFacts(value: unknown, sourcePath: string): ArticleFacts | undefined {
  if (!isObject(value) || value["sourcePath"] !== sourcePath) return undefined;
  const { slug, url, aliases, draft, title, province, date, officials } = value;
  if (!isString(slug) || !isString(url) || !isString(title) || !isString(province) || typeof draft !== "boolean" || !getProvince(province)) return undefined;
  if (!isObject(date) || !isString(date["iso"]) || !isString(date["day"]) || typeof date["year"] !== "number" || typeof date["timestamp"] !== "number" || !Number.isFinite(date["timestamp"]) || typeof date["hasTime"] !== "boolean") return undefined;
  if (!Array.isArray(aliases) || !aliases.every(isString) || !Array.isArray(officials)) return undefined;
  const revived = officials.map(reviveOfficial);
  if (revived.some((o) => o === undefined)) return undefined;
  return {
    sourcePath,
    slug,
    url,
    aliases,
    draft,
    title,
    province,
    date: { iso: date["iso"], day: date["day"], year: date["year"], timestamp: date["timestamp"], hasTime: date["hasTime"] },
    officials: revived as Official[],
  };
}

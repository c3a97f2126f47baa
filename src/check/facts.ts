/**
 * What `npm run check` keeps of each valid article after its parse: the
 * little the rules across articles read (URLs for the loader's
 * cross-checks, title, province, date and officials for the warnings).
 * Plain data, so it is cached with the file's result and revived without
 * parsing the file again.
 */
import type { Article } from "../content/article.ts";
import type { OfficialFacts } from "./person-identity.ts";

export interface ArticleFacts {
  /** Path relative to the project root ("content/gia-lai/x.md"). */
  readonly sourcePath: string;
  readonly url: string;
  readonly aliases: readonly string[];
  readonly draft: boolean;
  readonly title: string;
  /** Province id as written (the unit at the time). */
  readonly province: string;
  /** "2016-11-29", Vietnam calendar day. */
  readonly day: string;
  readonly year: number;
  readonly timestamp: number;
  readonly hasTime: boolean;
  readonly officials: readonly OfficialFacts[];
}

/** The facts of a valid article. */
export function factsOf(article: Article): ArticleFacts {
  return {
    sourcePath: article.sourcePath,
    url: article.url,
    aliases: [...article.aliases],
    draft: article.draft,
    title: article.title,
    province: article.province.id,
    day: article.date.day,
    year: article.date.year,
    timestamp: article.date.timestamp,
    hasTime: article.date.hasTime,
    officials: article.officials.map((o) => ({ name: o.name, ...(o.role ? { role: o.role } : {}) })),
  };
}

const isString = (v: unknown): v is string => typeof v === "string";
const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);

/** Facts read back from the cache, when they have the right shape (a damaged cache is a miss, never a crash). */
export function reviveFacts(value: unknown, sourcePath: string): ArticleFacts | undefined {
  if (!isObject(value) || value["sourcePath"] !== sourcePath) return undefined;
  const { url, aliases, draft, title, province, day, year, timestamp, hasTime, officials } = value;
  if (!isString(url) || !isString(title) || !isString(province) || !isString(day) || typeof draft !== "boolean" || typeof hasTime !== "boolean") return undefined;
  if (typeof year !== "number" || typeof timestamp !== "number" || !Number.isFinite(timestamp)) return undefined;
  if (!Array.isArray(aliases) || !aliases.every(isString)) return undefined;
  if (!Array.isArray(officials) || !officials.every((o) => isObject(o) && isString(o["name"]) && (o["role"] === undefined || isString(o["role"])))) return undefined;
  return {
    sourcePath,
    url,
    aliases,
    draft,
    title,
    province,
    day,
    year,
    timestamp,
    hasTime,
    officials: (officials as Record<string, unknown>[]).map((o) => ({ name: String(o["name"]), ...(isString(o["role"]) ? { role: o["role"] } : {}) })),
  };
}

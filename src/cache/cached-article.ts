/**
 * Checks an article read back from the parse cache before the build uses
 * it, as strictly as any other input: the cache is a file on disk, and a
 * damaged or crafted one must not crash the build, make it read outside
 * content/, write outside the output folder, or put markup the Markdown
 * renderer would never produce into a page.
 *
 * Honest entries were produced by the parser of the same code version (the
 * cache key includes it), so these checks only have to hold what is
 * security-relevant or structural, and they re-derive rather than trust:
 * - `sourcePath`, `slug`, `url`, `listedUnder`, the province (taken from the
 *   registry by id) and an image's `sourceFile` are recomputed from the file
 *   path and the cached id, date and image name, and must agree;
 * - aliases must be safe URL paths (the same segment rule the output writer
 *   enforces: letters, digits and . _ ~ -, no "." or ".." segments);
 * - every string is free of control characters (the loader removes them);
 * - the body HTML may contain only the tags, attributes and entities that
 *   markdown-it with raw HTML disabled produces here (src/markdown.ts), and
 *   link targets pass markdown-it's own protocol rule.
 * Anything else makes the entry a cache miss: the file is parsed again.
 *
 * The texts (body HTML, plain text, search words) lie in the shard's blob
 * and are checked when they are read ({@link cachedTextsUsable}), not when
 * the entry is: a warm build reads the texts of the few articles it renders
 * again, not all of them. A text that fails the check is never used: its
 * file is parsed again then (src/content/parallel-load.ts).
 */
import type { Article, ArticleImage, Award, Official } from "../content/article.ts";
import type { ArticleDate } from "../dates.ts";
import { getProvince, listingProvinceIds } from "../provinces.ts";
import { slugFromFileName } from "../content/parse-article.ts";
import { HONORIFICS, PERSON_ID_MAX_LENGTH, PERSON_ID_PATTERN, type Honorific } from "../content/schema.ts";
import type { BodyImage } from "../images/body-images.ts";
import { DIGEST_PATTERN } from "../build/stable-digest.ts";
import { LIMITS } from "../content/limits.ts";

/** A parsed article as it travels between threads and into the cache: everything but its body. */
export type CachedArticle = Omit<Article, "body">;

/** Where one text lies in a shard's blob: byte offset and length. */
export type BlobSpan = readonly [at: number, bytes: number];

/** Where a cached article's texts lie in its shard's blob (src/cache/parse-cache.ts). */
export interface CachedSpans {
  readonly html: BlobSpan;
  readonly text: BlobSpan;
  /** Folded search words, space-separated (src/search/search-record.ts joinWords). */
  readonly words: BlobSpan;
}

/** A cache entry with its article checked and its spans within the blob; the texts are checked when read ({@link cachedTextsUsable}). */
export interface CachedEntry {
  readonly article: CachedArticle;
  /** src/build/stable-digest.ts articleDigest of the article, computed where it was parsed. */
  readonly digest: string;
  readonly spans: CachedSpans;
}

/** The texts of a cached article as read back from its blob. */
export interface CachedTexts {
  readonly bodyHtml: string;
  readonly bodyText: string;
  readonly words: string;
}

type Json = Record<string, unknown>;

// C0/C1 controls (TAB and LF allowed: body text has newlines), DEL, U+FFFE/FFFF.
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\uFFFE\uFFFF]/;
const SAFE_SEGMENT = /^[A-Za-z0-9._~-]+$/;
const IMAGE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*\.(?:jpe?g|png|webp|avif|gif)$/i;
const HTTPS_IMAGE = /^https:\/\/[^\s"'<>]+$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

const isObject = (v: unknown): v is Json => v !== null && typeof v === "object" && !Array.isArray(v);
const isText = (v: unknown): v is string => typeof v === "string" && !CONTROL.test(v);
const isLine = (v: unknown): v is string => isText(v) && !v.includes("\n") && !v.includes("\t");
const optional = <T>(v: unknown, check: (x: unknown) => x is T): v is T | undefined => v === undefined || check(v);
const onlyKeys = (o: Json, keys: readonly string[]): boolean => Object.keys(o).every((k) => keys.includes(k));

const personId = (v: unknown): v is string => typeof v === "string" && v.length <= PERSON_ID_MAX_LENGTH && PERSON_ID_PATTERN.test(v);

function official(v: unknown): Official | undefined {
  if (!isObject(v) || !onlyKeys(v, ["name", "role", "honorific", "id"]) || !isLine(v["name"]) || !optional(v["role"], isLine) || !optional(v["id"], personId)) return undefined;
  const honorific = v["honorific"];
  if (honorific !== undefined && !(HONORIFICS as readonly unknown[]).includes(honorific)) return undefined;
  return { name: v["name"], ...(v["role"] !== undefined ? { role: v["role"] } : {}), ...(honorific !== undefined ? { honorific: honorific as Honorific } : {}), ...(v["id"] !== undefined ? { id: v["id"] } : {}) };
}

/** A picture of the body: a file next to the article (its path recomputed) or an https:// address. */
function bodyImage(v: unknown, file: string): BodyImage | undefined {
  if (!isObject(v) || !onlyKeys(v, ["src", "alt", "title", "line", "sourceFile"]) || !isLine(v["src"]) || !isLine(v["alt"]) || !optional(v["title"], isLine)) return undefined;
  const line = v["line"];
  if (!Number.isSafeInteger(line) || (line as number) < 1) return undefined;
  const src = v["src"];
  const title = v["title"] !== undefined ? { title: v["title"] } : {};
  if (v["sourceFile"] === undefined) return HTTPS_IMAGE.test(src) ? { src, alt: v["alt"], ...title, line: line as number } : undefined;
  const sourceFile = `${file.slice(0, file.lastIndexOf("/") + 1)}${src}`;
  if (!IMAGE_NAME.test(src) || v["sourceFile"] !== sourceFile) return undefined;
  return { src, alt: v["alt"], ...title, line: line as number, sourceFile };
}

function award(v: unknown): Award | undefined {
  if (!isObject(v) || !onlyKeys(v, ["title", "recipient", "count", "conferredBy"]) || !isLine(v["title"]) || !optional(v["recipient"], isLine) || !optional(v["conferredBy"], isLine)) return undefined;
  const count = v["count"];
  if (count !== undefined && !(Number.isSafeInteger(count) && (count as number) >= 1)) return undefined;
  return { title: v["title"], ...(v["recipient"] !== undefined ? { recipient: v["recipient"] } : {}), ...(count !== undefined ? { count: count as number } : {}), ...(v["conferredBy"] !== undefined ? { conferredBy: v["conferredBy"] } : {}) };
}

function date(v: unknown): ArticleDate | undefined {
  if (!isObject(v) || !onlyKeys(v, ["iso", "timestamp", "year", "day", "hasTime"])) return undefined;
  const { iso, timestamp, year, day, hasTime } = v;
  if (!isLine(iso) || typeof timestamp !== "number" || !Number.isFinite(timestamp) || !Number.isSafeInteger(year) || typeof day !== "string" || !DAY.test(day) || typeof hasTime !== "boolean") return undefined;
  if (Number(day.slice(0, 4)) !== year || !iso.startsWith(day)) return undefined;
  return { iso, timestamp, year: year as number, day, hasTime };
}

function image(v: unknown, file: string, url: string): ArticleImage | undefined | false {
  if (v === undefined) return undefined;
  if (!isObject(v) || !onlyKeys(v, ["src", "alt", "caption", "sourceFile"]) || !isLine(v["src"]) || !isLine(v["alt"]) || !optional(v["caption"], isLine)) return false;
  const caption = v["caption"] !== undefined ? { caption: v["caption"] } : {};
  if (v["sourceFile"] === undefined) return HTTPS_IMAGE.test(v["src"]) ? { src: v["src"], alt: v["alt"], ...caption } : false;
  // A file next to the article: recompute where it is read from and published to.
  const name = v["src"].startsWith(url) ? v["src"].slice(url.length) : "";
  if (!IMAGE_NAME.test(name)) return false;
  const sourceFile = `${file.slice(0, file.lastIndexOf("/") + 1)}${name}`;
  if (v["sourceFile"] !== sourceFile) return false;
  return { src: `${url}${name}`, alt: v["alt"], ...caption, sourceFile };
}

function alias(v: unknown): v is string {
  if (typeof v !== "string" || !v.startsWith("/")) return false;
  const segments = v.slice(1).split("/");
  const last = segments.pop() ?? "";
  return segments.every((s) => SAFE_SEGMENT.test(s) && s !== "." && s !== "..") && (last === "" || (SAFE_SEGMENT.test(last) && last !== "." && last !== ".."));
}

/**
 * The most bytes a text of one article can have: a file is at most
 * LIMITS.articleBytes; its HTML grows at most ~18 × (a one-letter table cell
 * with an alignment becomes `<td style="text-align:center">a</td>`), its
 * plain text not at all, its search words (each folded word and word pair
 * with its count) at most ~4 ×. A larger span is a crafted entry: a miss,
 * not a 180 MB body read into a page.
 */
const MAX_TEXT_BYTES = { html: 20 * LIMITS.articleBytes, text: LIMITS.articleBytes, words: 8 * LIMITS.articleBytes } as const;

function blobSpan(v: unknown, blobBytes: number, max: number): BlobSpan | undefined {
  if (!Array.isArray(v) || v.length !== 2) return undefined;
  const [at, bytes] = v as unknown[];
  if (!Number.isSafeInteger(at) || !Number.isSafeInteger(bytes) || (at as number) < 0 || (bytes as number) < 0 || (bytes as number) > max || (at as number) + (bytes as number) > blobBytes) return undefined;
  return [at as number, bytes as number];
}

/**
 * The cached entry of `file`, its article checked and every derived field
 * recomputed, its spans within a blob of `blobBytes`; undefined when
 * anything is off (the caller parses the file). The article's `bodyText` is
 * not in the entry: it is one of the texts, read when asked for.
 */
export function reviveCachedEntry(file: string, value: unknown, blobBytes: number): CachedEntry | undefined {
  if (!isObject(value) || !onlyKeys(value, ["article", "digest", "spans"])) return undefined;
  const { article: a, digest, spans: s } = value;
  if (typeof digest !== "string" || !DIGEST_PATTERN.test(digest) || !isObject(s) || !onlyKeys(s, ["html", "text", "words"])) return undefined;
  const html = blobSpan(s["html"], blobBytes, MAX_TEXT_BYTES.html);
  const text = blobSpan(s["text"], blobBytes, MAX_TEXT_BYTES.text);
  const words = blobSpan(s["words"], blobBytes, MAX_TEXT_BYTES.words);
  if (!html || !text || !words) return undefined;
  const article = reviveArticle(file, a);
  return article && { article, digest, spans: { html, text, words } };
}

/**
 * Whether texts read back from a blob are what the parser makes for
 * `article`: body HTML of the renderer's markup only (with no more picture
 * indexes than the article has pictures), text and words without control
 * characters. The caller parses the file again when they are not.
 */
export function cachedTextsUsable(article: Pick<CachedArticle, "bodyImages">, texts: Partial<CachedTexts>): boolean {
  const { bodyHtml, bodyText, words } = texts;
  if (bodyHtml !== undefined && !(isRenderedMarkdown(bodyHtml) && imageIndexesWithin(bodyHtml, article.bodyImages.length))) return false;
  return (bodyText === undefined || isText(bodyText)) && (words === undefined || isLine(words));
}

function reviveArticle(file: string, a: unknown): CachedArticle | undefined {
  if (!isObject(a)) return undefined;
  const province = isObject(a["province"]) && typeof a["province"]["id"] === "string" ? getProvince(a["province"]["id"]) : undefined;
  const when = date(a["date"]);
  const slug = slugFromFileName(file);
  if (!province || !when || !slug || a["slug"] !== slug || a["sourcePath"] !== file) return undefined;
  const url = `/${province.id}/${when.year}/${slug}/`;
  if (a["url"] !== url) return undefined;
  const { title, summary, agency, author, reviewYear, planYear, draft } = a;
  if (!isLine(title) || !isText(summary) || !optional(agency, isLine) || !optional(author, isLine) || typeof draft !== "boolean") return undefined;
  if ((reviewYear !== undefined && !Number.isSafeInteger(reviewYear)) || (planYear !== undefined && !Number.isSafeInteger(planYear))) return undefined;
  const lists = [a["officials"], a["awards"], a["tags"], a["aliases"], a["bodyImages"]];
  if (!lists.every(Array.isArray)) return undefined;
  const officials = (a["officials"] as unknown[]).map(official);
  const awards = (a["awards"] as unknown[]).map(award);
  const tags = a["tags"] as unknown[];
  const aliases = a["aliases"] as unknown[];
  const bodyImages = (a["bodyImages"] as unknown[]).map((v) => bodyImage(v, file));
  if (officials.includes(undefined) || awards.includes(undefined) || bodyImages.includes(undefined) || !tags.every(isLine) || !aliases.every(alias)) return undefined;
  const picture = image(a["image"], file, url);
  if (picture === false) return undefined;
  const known = ["sourcePath", "slug", "url", "title", "date", "province", "listedUnder", "agency", "reviewYear", "planYear", "officials", "awards", "author", "summary", "image", "tags", "draft", "aliases", "bodyImages"];
  if (!onlyKeys(a, known)) return undefined;
  return {
    sourcePath: file,
    slug,
    url,
    title,
    date: when,
    province,
    listedUnder: listingProvinceIds(province.id),
    ...(agency !== undefined ? { agency } : {}),
    ...(reviewYear !== undefined ? { reviewYear: reviewYear as number } : {}),
    ...(planYear !== undefined ? { planYear: planYear as number } : {}),
    officials: officials as Official[],
    awards: awards as Award[],
    ...(author !== undefined ? { author } : {}),
    summary,
    ...(picture ? { image: picture } : {}),
    tags: tags as string[],
    draft,
    aliases: aliases as string[],
    bodyImages: bodyImages as BodyImage[],
    bodyText: "",
  };
}

// ---------------------------------------------------------------------------
// Body HTML: only what markdown-it (html: false, our heading and image rules) writes
// ---------------------------------------------------------------------------

const ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  p: [], h1: [], h2: [], h3: [], h4: [], h5: [], h6: [], blockquote: [], ul: [], li: [], hr: [], br: [], pre: [], em: [], strong: [], s: [],
  table: [], thead: [], tbody: [], tr: [],
  ol: ["start"],
  code: ["class"],
  th: ["style"],
  td: ["style"],
  a: ["href", "title"],
  img: ["data-anh", "src", "alt", "title", "loading", "decoding"],
};
const VALUE_RULES: Readonly<Record<string, RegExp>> = {
  start: /^\d{1,9}$/,
  class: /^language-[^\s]+$/,
  style: /^text-align:(?:left|right|center)$/,
  loading: /^lazy$/,
  decoding: /^async$/,
  "data-anh": /^\d{1,6}$/,
};
/** markdown-it's validateLink: these protocols are refused, except images as data: URLs. */
const BAD_PROTOCOL = /^(?:vbscript|javascript|file|data):/i;
const GOOD_DATA = /^data:image\/(?:gif|png|jpeg|webp);/i;
const TAG = /<(\/?)([a-z][a-z0-9]*)((?:\s[a-z]+(?:-[a-z]+)?="[^"<>]*")*)>/y;
const ATTRIBUTE = /\s([a-z]+(?:-[a-z]+)?)="([^"<>]*)"/g;
/** markdown-it escapes &, <, > and " and writes every other character as itself. */
const OTHER_ENTITY = /&(?!(?:amp|lt|gt|quot);)/;

function urlAllowed(value: string): boolean {
  // Browsers drop tabs and newlines inside URLs ("java\tscript:"); markdown-it percent-encodes them.
  if (/[\s\u0000-\u001F]/.test(value)) return false;
  const url = value.replace(/&amp;/g, "&").replace(/&quot;/g, '"').replace(/&lt;/g, "<").replace(/&gt;/g, ">");
  return !BAD_PROTOCOL.test(url) || GOOD_DATA.test(url);
}

/** Whether every data-anh index of the body's pictures is below `count` (the page looks each up in bodyImages). */
function imageIndexesWithin(html: string, count: number): boolean {
  for (const match of html.matchAll(/ data-anh="(\d+)"/g)) if (Number(match[1]) >= count) return false;
  return true;
}

/** Whether `html` consists only of markup markdown-it produces for article bodies here. */
export function isRenderedMarkdown(html: string): boolean {
  if (OTHER_ENTITY.test(html) || CONTROL.test(html)) return false;
  let at = html.indexOf("<");
  while (at !== -1) {
    TAG.lastIndex = at;
    const match = TAG.exec(html);
    if (!match) return false;
    const [, closing, name = "", attributes = ""] = match;
    const allowed = Object.hasOwn(ATTRIBUTES, name) ? ATTRIBUTES[name] : undefined;
    if (!allowed || (closing && attributes)) return false;
    for (const [, attribute = "", value = ""] of attributes.matchAll(ATTRIBUTE)) {
      if (!allowed.includes(attribute)) return false;
      const rule = VALUE_RULES[attribute];
      if (rule && !rule.test(value)) return false;
      if ((attribute === "href" || attribute === "src") && !urlAllowed(value)) return false;
    }
    at = html.indexOf("<", TAG.lastIndex);
  }
  return true;
}

/**
 * The check's fast path for one article: the outcome the loader's
 * validate-only parse gives (parse-outcome.ts), for the common case only —
 * a valid article whose front matter is plain `key: value` YAML — and
 * undefined for anything else, which then takes the full parse. Errors are
 * never produced here: a file with any problem goes through the loader, so
 * every error keeps its one source (src/content/parse-article.ts).
 *
 * Why hand-written, where gray-matter, js-yaml, zod, Luxon and markdown-it
 * exist (and are what the fallback uses): `npm run check` on a fresh clone
 * parses every article, and the full parse costs ~1 ms of CPU an article
 * (10,000 generated articles, `node --import tsx --cpu-prof` over runCheck
 * with one thread: parseOutcome 11.4 s of 21.7 s in the profile — gray-matter
 * 1.35 s, js-yaml 0.9 s, the bounded copy 0.7 s, zod 1.06 s, Luxon 0.78 s,
 * markdown-it's block scan 1.56 s, yaml's positional re-parse for warning
 * lines 1.5 s). This path reads the front matter in one pass that also
 * knows every value's line, and runs the same checks on the same cleaned
 * values; measured on the same corpus it takes ~0.1 ms an article (see
 * README, "npm run check" performance).
 *
 * Exactness: the YAML accepted is a strict subset (block mappings of known
 * keys, one-line plain, single- or double-quoted scalars without escapes
 * but \" and \\, one-line flow lists of quoted strings, block lists of
 * scalars or of one-line mappings); every value is resolved as YAML's core
 * schema would (a plain scalar that could be a number, null or boolean is
 * not taken as text), cleaned with the loader's own cleanLine, and
 * validated with the schema's rules; any doubt returns undefined. The
 * article, its facts and its warnings are then made by the loader's and the
 * check's own functions (slugFromFileName, getProvince, scanMarkdown when
 * the body may hold a heading or a picture, articleWarnings, factsOf).
 * test/check-fast-parse.test.ts compares this path with the full parse on
 * generated articles and on hand-made variants, valid and broken.
 */
import { isUtf8 } from "node:buffer";
import type { Article, ArticleImage } from "../content/article.ts";
import type { ContentError } from "../content/errors.ts";
import { isPlainText, Locator } from "../content/front-matter.ts";
import { LIMITS } from "../content/limits.ts";
import { ALIAS_PATH, assembleArticle, quickArticleDate, resolveArticleImage, normaliseAlias, slugFromFileName, type ArticleSource, type FileUse } from "../content/parse-article.ts";
import { HONORIFICS, PERSON_ID_MAX_LENGTH, PERSON_ID_PATTERN, type FrontMatter } from "../content/schema.ts";
import { maxArticleYear, MIN_ARTICLE_YEAR, type ArticleDate } from "../dates.ts";
import { BODY_FIELD, checkBodyImages } from "../images/body-images.ts";
import { scanMarkdown } from "../markdown.ts";
import { explain } from "../messages/index.ts";
import { getProvince } from "../provinces.ts";
import { trustedHtml } from "../safe-html.ts";
import { hasVisibleText, needsCleaning } from "../text.ts";
import { articleWarnings, decidesOpening, OPENING_CHARS } from "./article-rules.ts";
import { lineKey } from "./check-cache.ts";

/** What the fast path gives: the article as the validate-only parse makes it, its warnings and uses, the source parts for the check's rules, and the lines of every value. */
export interface FastParse {
  readonly article: Article;
  readonly warnings: readonly ContentError[];
  readonly uses: readonly FileUse[];
  readonly source: ArticleSource;
  /** File line of each value, by lineKey of its path ("title", "officials.2.role"). */
  readonly lines: Readonly<Record<string, number>>;
}

// ---- The YAML subset ----------------------------------------------------------------

type Value = string | number | boolean | Value[] | { [key: string]: Value };

/** A scalar as written, before its type is resolved. */
interface Scalar {
  readonly text: string;
  readonly quoted: boolean;
}

/** Thrown inside the reader when the front matter is not in the subset (caught: the full parse takes over). */
const UNUSUAL = Symbol("unusual");
function unusual(): never {
  throw UNUSUAL;
}

const TOP_KEYS = new Set(["title", "date", "province", "agency", "reviewYear", "planYear", "officials", "awards", "author", "summary", "image", "tags", "draft", "aliases"]);
const ITEM_KEYS: Readonly<Record<string, ReadonlySet<string>>> = {
  officials: new Set(["name", "role", "honorific", "id"]),
  awards: new Set(["title", "recipient", "count", "conferredBy"]),
  image: new Set(["src", "alt", "caption"]),
};
const INT_FIELDS = new Set(["reviewYear", "planYear", "count"]);
const LIST_OF_TEXT = new Set(["tags", "aliases"]);

// YAML core-schema resolution of plain scalars (js-yaml's null, bool, int and
// float types), written loosely: anything that might be one of them is not text.
const MAYBE_NULL = /^(?:~|null|Null|NULL)$/;
const MAYBE_BOOL = /^(?:true|True|TRUE|false|False|FALSE)$/;
const MAYBE_INT = /^[-+]?(?:0b[01_]+|0x[0-9a-fA-F_]+|0o[0-7_]+|[0-9_]+)$/;
const MAYBE_FLOAT = /^(?:[-+]?[0-9][0-9_]*(?:\.[0-9_]*)?(?:[eE][-+]?[0-9]+)?|\.[0-9_]+(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;
/** A plain scalar that starts with a YAML indicator, or holds what ends or comments it. */
const PLAIN_UNSAFE = /^[-?:,[\]{}#&*!|>'"%@`\s]|:\s|:$|\s#|\t/;
const KEY_LINE = /^( *)([A-Za-z][A-Za-z0-9]*):(?: (.*))?$/;
const ITEM_LINE = /^( *)- (.*)$/;

/** A one-line scalar or flow list after `key: `; `rest` has no line break. */
function readInline(rest: string): Scalar | Scalar[] {
  const text = rest.replace(/ +$/, "");
  if (text === "") unusual();
  const first = text[0];
  if (first === '"' || first === "'") {
    const { value, end } = readQuoted(text, 0);
    if (end !== text.length) unusual();
    return { text: value, quoted: true };
  }
  if (first === "[") {
    if (text[text.length - 1] !== "]") unusual();
    const items: Scalar[] = [];
    let i = 1;
    while (text[i] === " ") i++;
    if (text[i] === "]" && i === text.length - 1) return items;
    for (;;) {
      if (text[i] !== '"' && text[i] !== "'") unusual();
      const { value, end } = readQuoted(text, i);
      items.push({ text: value, quoted: true });
      i = end;
      while (text[i] === " ") i++;
      if (text[i] === "]") {
        if (i !== text.length - 1) unusual();
        return items;
      }
      if (text[i] !== ",") unusual();
      i++;
      while (text[i] === " ") i++;
    }
  }
  if (PLAIN_UNSAFE.test(text)) unusual();
  return { text, quoted: false };
}

/** A quoted scalar starting at `start`: its value and the index after the closing quote. */
function readQuoted(text: string, start: number): { value: string; end: number } {
  const quote = text[start];
  let value = "";
  let i = start + 1;
  for (;;) {
    const next = quote === '"' ? nextOf(text, i, '"', "\\") : text.indexOf("'", i);
    if (next < 0) unusual();
    value += text.slice(i, next);
    const c = text[next];
    if (quote === "'") {
      if (text[next + 1] === "'") {
        value += "'";
        i = next + 2;
        continue;
      }
      return { value, end: next + 1 };
    }
    if (c === '"') return { value, end: next + 1 };
    // Backslash: only \" and \\ are taken; other escapes go to the full parse.
    const escaped = text[next + 1];
    if (escaped !== '"' && escaped !== "\\") unusual();
    value += escaped;
    i = next + 2;
  }
}

function nextOf(text: string, from: number, a: string, b: string): number {
  const x = text.indexOf(a, from);
  const y = text.indexOf(b, from);
  return x < 0 ? y : y < 0 ? x : Math.min(x, y);
}

/** The front matter's lines that hold something (not blank, not a whole-line comment), with their file lines. */
function contentLines(matter: string): { text: string; line: number }[] {
  const out: { text: string; line: number }[] = [];
  // `matter` starts with the newline after the opening ---: its line i is the file's line i + 1.
  const lines = matter.split("\n");
  for (let i = 1; i < lines.length; i++) {
    const text = lines[i] ?? "";
    const trimmed = text.trimStart();
    if (trimmed === "" || trimmed[0] === "#") {
      if (text.includes("\t")) unusual();
      continue;
    }
    out.push({ text, line: i + 1 });
  }
  return out;
}

/** Reads the front matter, or throws UNUSUAL. Values are resolved and cleaned; `lines` gets the line of each value and `keys` the line of each top-level key. */
function readFrontMatter(matter: string, lines: Record<string, number>, keys: Record<string, number>): Record<string, Value> {
  const rows = contentLines(matter);
  const data: Record<string, Value> = {};
  let budget = LIMITS.yamlValues - 1;
  const count = (): void => {
    if (--budget < 0) unusual();
  };
  let r = 0;
  while (r < rows.length) {
    const row = rows[r++];
    if (!row) break;
    const m = KEY_LINE.exec(row.text);
    if (!m || m[1] !== "") unusual();
    const key = m[2] ?? "";
    if (!TOP_KEYS.has(key) || Object.hasOwn(data, key)) unusual();
    keys[key] = row.line;
    const rest = m[3];
    count();
    if (rest !== undefined && rest.trim() !== "") {
      const inline = readInline(rest);
      lines[key] = row.line;
      if (Array.isArray(inline)) {
        if (!LIST_OF_TEXT.has(key)) unusual();
        data[key] = inline.map((s, i) => {
          count();
          lines[`${key}.${i}`] = row.line;
          return textOf(s);
        });
      } else data[key] = resolve(key, inline);
      continue;
    }
    // A block below the key: a list (items at any indent, "- " first) or a mapping (indented keys).
    const first = rows[r];
    if (!first) unusual();
    const item = ITEM_LINE.exec(first.text);
    if (item) {
      const indent = (item[1] ?? "").length;
      const fields = ITEM_KEYS[key];
      const list: Value[] = [];
      lines[key] = first.line;
      while (r < rows.length) {
        const at = rows[r];
        if (!at) break;
        const im = ITEM_LINE.exec(at.text);
        if (!im || (im[1] ?? "").length !== indent) {
          if (leadingSpaces(at.text) > indent || (indent > 0 && leadingSpaces(at.text) === indent)) unusual();
          break;
        }
        r++;
        count();
        const index = list.length;
        if (!fields) {
          if (!LIST_OF_TEXT.has(key)) unusual();
          const value = readInline(im[2] ?? "");
          if (Array.isArray(value)) unusual();
          lines[`${key}.${index}`] = at.line;
          list.push(textOf(value));
          continue;
        }
        // A mapping item: its first key on the "- " line, the others below at indent + 2.
        const entry: Record<string, Value> = {};
        const itemIndent = indent + 2;
        lines[`${key}.${index}`] = at.line;
        let text = `${" ".repeat(itemIndent)}${im[2] ?? ""}`;
        let line = at.line;
        for (;;) {
          const km = KEY_LINE.exec(text);
          if (!km || (km[1] ?? "").length !== itemIndent) unusual();
          const field = km[2] ?? "";
          if (!fields.has(field) || Object.hasOwn(entry, field) || km[3] === undefined) unusual();
          const value = readInline(km[3]);
          if (Array.isArray(value)) unusual();
          count();
          entry[field] = resolve(field, value);
          lines[`${key}.${index}.${field}`] = line;
          const next = rows[r];
          if (!next || leadingSpaces(next.text) !== itemIndent) break;
          text = next.text;
          line = next.line;
          r++;
        }
        list.push(entry);
      }
      if (key === "image") unusual();
      data[key] = list;
      continue;
    }
    const fields = ITEM_KEYS[key];
    const indent = leadingSpaces(first.text);
    if (key !== "image" || !fields || indent === 0) unusual();
    const map: Record<string, Value> = {};
    lines[key] = first.line;
    while (r < rows.length) {
      const at = rows[r];
      if (!at) break;
      const spaces = leadingSpaces(at.text);
      if (spaces === 0) break;
      const km = KEY_LINE.exec(at.text);
      if (spaces !== indent || !km || km[3] === undefined) unusual();
      const field = km[2] ?? "";
      if (!fields.has(field) || Object.hasOwn(map, field)) unusual();
      const value = readInline(km[3]);
      if (Array.isArray(value)) unusual();
      count();
      map[field] = resolve(field, value);
      lines[`${key}.${field}`] = at.line;
      r++;
    }
    data[key] = map;
  }
  return data;
}

function leadingSpaces(text: string): number {
  let n = 0;
  while (text[n] === " ") n++;
  if (text[n] === "\t") unusual();
  return n;
}

/** White space cleanLine would fold or trim. */
const UNFOLDED = /^\s|\s$|\s\s|[^\S ]/;

/**
 * A scalar that must be text, cleaned as the loader cleans it (cleanLine:
 * NFC, no control characters, white space folded). The whole file was
 * already cleaned (fastParse), and a part of an NFC text without control
 * characters is one too (quotes joined in by unescaping compose with
 * nothing), so only the white space is left to fold: cleanLine's
 * normalisation per value was 0.07 ms an article.
 */
function textOf(s: Scalar): string {
  if (!s.quoted && (MAYBE_NULL.test(s.text) || MAYBE_BOOL.test(s.text) || MAYBE_INT.test(s.text) || MAYBE_FLOAT.test(s.text))) unusual();
  const value = UNFOLDED.test(s.text) ? s.text.replace(/\s+/g, " ").trim() : s.text;
  // The schema's text: not empty, and something a reader can see.
  if (value === "" || !hasVisibleText(value)) unusual();
  return value;
}

/** A scalar resolved for its field: whole numbers, true/false or text. */
function resolve(field: string, s: Scalar): Value {
  if (INT_FIELDS.has(field)) {
    if (s.quoted || !/^[1-9][0-9]{0,8}$/.test(s.text)) unusual();
    return Number(s.text);
  }
  if (field === "draft") {
    if (s.quoted || (s.text !== "true" && s.text !== "false")) unusual();
    return s.text === "true";
  }
  return textOf(s);
}

// ---- The schema's rules on the values read ------------------------------------------

const isText = (v: Value | undefined): v is string => typeof v === "string";
const isInt = (v: Value | undefined): v is number => typeof v === "number";
const isRecord = (v: Value | undefined): v is { [key: string]: Value } => typeof v === "object" && v !== null && !Array.isArray(v);

function optionalText(v: Value | undefined): string | undefined {
  if (v === undefined) return undefined;
  return isText(v) ? v : unusual();
}

function year(v: Value | undefined): number | undefined {
  if (v === undefined) return undefined;
  return isInt(v) && v >= 1945 && v <= 2100 ? v : unusual();
}

/** The front matter as the schema gives it, or throws UNUSUAL where the schema would report something. */
function frontMatterOf(data: Record<string, Value>): FrontMatter {
  const title = data["title"];
  const date = data["date"];
  const province = data["province"];
  if (!isText(title) || !isText(date) || !isText(province)) unusual();
  const listOf = <T>(v: Value | undefined, item: (x: Value) => T): T[] | undefined => (v === undefined ? undefined : Array.isArray(v) ? v.map(item) : unusual());
  const officials = listOf(data["officials"], (o) => {
    if (!isRecord(o) || !isText(o["name"])) unusual();
    const honorific = optionalText(o["honorific"]);
    if (honorific !== undefined && !(HONORIFICS as readonly string[]).includes(honorific)) unusual();
    return { name: o["name"], role: optionalText(o["role"]), honorific: honorific as (typeof HONORIFICS)[number] | undefined, id: optionalText(o["id"]) };
  });
  const awards = listOf(data["awards"], (a) => {
    if (!isRecord(a) || !isText(a["title"])) unusual();
    const count = a["count"];
    if (count !== undefined && !(isInt(count) && count >= 1)) unusual();
    return { title: a["title"], recipient: optionalText(a["recipient"]), count, conferredBy: optionalText(a["conferredBy"]) };
  });
  const imageValue = data["image"];
  let image: FrontMatter["image"];
  if (imageValue !== undefined) {
    if (!isRecord(imageValue) || !isText(imageValue["src"]) || !isText(imageValue["alt"])) unusual();
    image = { src: imageValue["src"], alt: imageValue["alt"], caption: optionalText(imageValue["caption"]) };
  }
  const tags = listOf(data["tags"], (t) => (isText(t) && t.length <= LIMITS.tagLength ? t : unusual()));
  if (tags && tags.length > LIMITS.tagsPerArticle) unusual();
  const aliases = listOf(data["aliases"], (t) => (isText(t) ? t : unusual()));
  if (aliases && aliases.length > LIMITS.aliasesPerArticle) unusual();
  const draft = data["draft"];
  if (draft !== undefined && typeof draft !== "boolean") unusual();
  return {
    title,
    date,
    province,
    agency: optionalText(data["agency"]),
    reviewYear: year(data["reviewYear"]),
    planYear: year(data["planYear"]),
    officials,
    awards,
    author: optionalText(data["author"]),
    summary: optionalText(data["summary"]),
    image,
    tags,
    draft,
    aliases,
  } as FrontMatter;
}

// ---- Dates -------------------------------------------------------------------------------

/** The article's date (quickArticleDate: the loader's parse without Luxon), within the years an article may have. */
function articleDate(text: string): ArticleDate {
  const date = quickArticleDate(text);
  if (!date || date.year < MIN_ARTICLE_YEAR || date.year > maxArticleYear()) unusual();
  return date;
}

// ---- Lines of the values read --------------------------------------------------------

/** A locator that answers from the lines read, and parses with positions (the loader's Locator) only for a path it does not know. */
class KnownLines extends Locator {
  constructor(
    frontMatter: string,
    private readonly values: Readonly<Record<string, number>>,
    private readonly keys: Readonly<Record<string, number>>,
  ) {
    super(frontMatter);
  }

  override valueLine(path: readonly PropertyKey[]): number | undefined {
    return this.values[lineKey(path)] ?? super.valueLine(path);
  }

  override keyLine(path: readonly PropertyKey[], key: string): number | undefined {
    return (path.length === 0 ? this.keys[key] : undefined) ?? super.keyLine(path, key);
  }
}

// ---- The body ------------------------------------------------------------------------------

/**
 * Whether a body may hold a level-1 heading or a picture (else the block
 * scan finds none): a lone "#", a "=" underline, or "![". Read in the bytes
 * (every character looked for is ASCII, and no other character's UTF-8
 * holds an ASCII byte).
 */
function mayHoldHeadingOrPicture(buffer: Buffer, from: number): boolean {
  if (buffer.indexOf("![", from) >= 0) return true;
  for (let i = buffer.indexOf(0x23, from); i >= 0; i = buffer.indexOf(0x23, i + 1)) {
    if (buffer[i - 1] !== 0x23 && buffer[i + 1] !== 0x23) return true;
    // Skip the rest of a run of "#": none of it stands alone.
    while (buffer[i + 1] === 0x23) i++;
  }
  if (buffer.indexOf(0x3d, from) < 0) return false;
  return /^[ \t>]*=+[ \t]*$/m.test(buffer.toString("latin1", from));
}

/**
 * How much of the body is decoded at most when the block scan is not
 * needed: the body rules read its first 4,000 characters (article-rules.ts
 * openingParagraph), which 12,000 bytes of UTF-8 always hold. The
 * ArticleSource this path makes holds a start of the body as its body.
 */
const BODY_PREFIX_BYTES = 12_000;
/** Bytes decoded at a time while looking for the end of the opening paragraph. */
const BODY_STEP_BYTES = 1024;

/**
 * The start of the body the body rules need: up to the end of the opening
 * paragraph (decidesOpening), cut at line breaks, else BODY_PREFIX_BYTES of it.
 */
function bodyStartOf(buffer: Buffer, from: number): string {
  let end = from;
  for (;;) {
    const nl = buffer.indexOf(0x0a, end + BODY_STEP_BYTES);
    if (nl < 0 || nl + 1 - from > BODY_PREFIX_BYTES) break;
    const start = buffer.toString("utf8", from, nl + 1);
    if (decidesOpening(start)) return start;
    if (start.length > OPENING_CHARS) break;
    end = nl + 1;
  }
  return buffer.toString("utf8", from, Math.min(buffer.length, from + BODY_PREFIX_BYTES));
}

const EMPTY_BODY = trustedHtml("");

// ---- The article ---------------------------------------------------------------------------

/**
 * The validate-only parse of a valid article in the common shape, or
 * undefined (then the full parse runs: see the header).
 * @param file path relative to the project root, POSIX separators
 */
export function fastParse(file: string, bytes: Uint8Array): FastParse | undefined {
  // A byte-order mark, zero bytes, invalid UTF-8: the loader's errors and cleaning (decodeArticle).
  if (bytes[0] === 0xef || bytes[0] === 0xfe || bytes[0] === 0xff) return undefined;
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer.indexOf(0) !== -1 || !isUtf8(buffer)) return undefined;
  // As gray-matter splits: the front matter runs to the first "\n---"; here that line must be exactly "---".
  // Found in the bytes: the markers are ASCII, which neither decoding nor NFC makes or unmakes.
  if (buffer[0] !== 0x2d || buffer[1] !== 0x2d || buffer[2] !== 0x2d || buffer[3] !== 0x0a) return undefined;
  const close = buffer.indexOf("\n---", 3);
  if (close < 0) return undefined;
  const after = buffer[close + 4];
  if (after !== undefined && after !== 0x0a) return undefined;
  const bodyFrom = after === undefined ? close + 4 : close + 5;
  // The front matter as text, cleaned as cleanText would (only NFC: anything else to clean goes to the loader).
  const raw = buffer.toString("utf8", 3, close);
  if (needsCleaning(raw)) return undefined;
  const matter = raw.normalize("NFC");
  if (matter.length * 3 > LIMITS.frontMatterBytes && Buffer.byteLength(matter) > LIMITS.frontMatterBytes) return undefined;
  // The body is judged in its bytes (isPlainText: nothing to clean, already NFC); only the part the rules read is decoded
  // (decoding whole bodies to strings only to find they need nothing was the largest part of this path: 10,000 articles,
  // ~0.45 s of CPU decoding, ~0.2 s testing for characters to clean, ~0.1 s NFC).
  if (buffer.length - bodyFrom > LIMITS.bodyBytes || !isPlainText(buffer, bodyFrom)) return undefined;
  let newlines = 0;
  for (let i = matter.indexOf("\n"); i >= 0; i = matter.indexOf("\n", i + 1)) newlines++;
  const bodyStart = newlines + (after === undefined ? 2 : 3);
  try {
    return articleOf(file, matter, buffer, bodyFrom, bodyStart);
  } catch (error) {
    if (error === UNUSUAL) return undefined;
    throw error;
  }
}

function articleOf(file: string, matter: string, buffer: Buffer, bodyFrom: number, bodyStart: number): FastParse {
  const lines: Record<string, number> = {};
  const keys: Record<string, number> = {};
  const fm = frontMatterOf(readFrontMatter(matter, lines, keys));
  const date = articleDate(fm.date);
  const province = getProvince(fm.province);
  if (!province) unusual();
  if (province.successor && province.successorSince && date.day >= province.successorSince) unusual();
  if (fm.reviewYear !== undefined && fm.planYear !== undefined && fm.planYear < fm.reviewYear) unusual();
  const aliases: string[] = [];
  for (const alias of fm.aliases ?? []) {
    if (!ALIAS_PATH.test(alias) || alias.split("/").some((seg) => seg === "." || seg === "..")) unusual();
    aliases.push(normaliseAlias(alias));
  }
  const uses: FileUse[] = [];
  let image: ArticleImage | undefined;
  if (fm.image) {
    const resolved = resolveArticleImage(file, fm.image, () => lines[lineKey(["image", "src"])]);
    if (!resolved) unusual();
    image = resolved.image;
    if (resolved.use) uses.push(resolved.use);
  }
  for (const official of fm.officials ?? []) {
    const id = official.id;
    if (id !== undefined && !(PERSON_ID_PATTERN.test(id) && id.length <= PERSON_ID_MAX_LENGTH)) unusual();
  }
  const slug = slugFromFileName(file);
  if (!slug) unusual();
  // The whole body only when it may hold a heading or a picture (then the block scan reads it); else its start, which is all the body rules read (BODY_PREFIX_BYTES).
  const scanned = mayHoldHeadingOrPicture(buffer, bodyFrom) ? scanMarkdown(buffer.toString("utf8", bodyFrom)) : undefined;
  const body = bodyStartOf(buffer, bodyFrom);
  const pictures = checkBodyImages(file, scanned?.images ?? [], bodyStart);
  if (pictures.errors.length > 0) unusual();
  for (const picture of pictures.images) if (picture.sourceFile) uses.push({ path: picture.sourceFile, field: BODY_FIELD, value: picture.src, line: picture.line });
  const warnings: ContentError[] = [];
  for (const heading of scanned?.h1 ?? []) {
    warnings.push({ file, line: bodyStart + heading.line, severity: "warning", ...explain("content.warn.h1", { corrected: `## ${heading.text}`.trim() }) });
  }
  // The check keeps no summary, body or text of an article (facts.ts).
  const article: Article = assembleArticle(fm, { file, slug, date, province, image, aliases, summary: fm.summary ?? "", body: EMPTY_BODY, bodyImages: pictures.images, bodyText: "" });
  // body: its start only (BODY_PREFIX_BYTES), all the rules on it read.
  const source: ArticleSource = { frontMatter: fm, body, bodyStart, locate: new KnownLines(matter, lines, keys) };
  return { article, warnings: [...warnings, ...articleWarnings(article, source)], uses, source, lines };
}

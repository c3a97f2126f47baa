/**
 * One Markdown file → one validated, rendered {@link Article}, or errors;
 * plus warnings either way.
 *
 * Pure: takes the file's path and text (or bytes), does no I/O, so tests
 * call it with fixtures directly and the loader can run it once per file in
 * any order. Front matter is data only: the file is split at its --- lines
 * as gray-matter split it (splitAt), and
 * js-yaml parses it with the YAML 1.2 core schema (no dates, no custom tags,
 * no code). js-yaml is ~8× faster than `yaml` here (10,000 files: 0.3 s vs
 * 2.7 s), but keeps no source positions, so when a file has an error it is
 * parsed again with `yaml`'s document API to name the line. Valid files pay
 * for one parse. Decoding, YAML limits and YAML error wording live in
 * front-matter.ts.
 *
 * One message per real cause: a missing closing --- is reported at the
 * opening one (not as errors in the body), only the first YAML syntax error
 * is reported, an unknown key that is a typo of a missing required field
 * does not also report the field as missing, and a date that does not parse
 * says exactly why, with the corrected value when it can be known.
 */
import type { z } from "zod";
import { diagnoseDate, maxArticleYear, MIN_ARTICLE_YEAR, parseArticleDate, quickArticleDate, type DateProblem } from "../dates.ts";
import { BODY_FIELD, checkBodyImages } from "../images/body-images.ts";
import { renderMarkdown, scanMarkdown, truncateText } from "../markdown.ts";
import { explain, t, type Explanation } from "../messages/index.ts";
import { getProvince, listingProvinceIds, suggestProvinceIds, provinceFullName } from "../provinces.ts";
import { SLUG_MAX_LENGTH, slugify } from "../slug.ts";
import { cleanText, findBidiControls, needsCleaning } from "../text.ts";
import type { Article, ArticleImage } from "./article.ts";
import { closest, showValue, type ContentError } from "./errors.ts";
import { cleanFrontMatter, cleanProblemError, decodeArticle, Locator, parseYaml, suspectedBodyLine, yamlErrors, type EarlyError } from "./front-matter.ts";
import { LIMITS } from "./limits.ts";
import { honorificMeant, listItemFromPhrase } from "./phrase-fields.ts";
import { KnownLines, readPlainFrontMatter } from "./plain-front-matter.ts";
import { PERSON_ID_MAX_LENGTH, PERSON_ID_PATTERN, AWARD_KEYS, fieldHelp, FRONT_MATTER_KEYS, IMAGE_KEYS, OFFICIAL_KEYS, fieldLabel, fieldPattern, frontMatterSchema, type FrontMatter } from "./schema.ts";

/** A file next to the article that a field names (today only image.src), for the loader to check and to tell used from unused files. */
export interface FileUse {
  /** Path relative to the project root ("content/gia-lai/anh.jpg"). */
  readonly path: string;
  readonly field: string;
  /** The value as written. */
  readonly value: string;
  readonly line?: number;
}

/** How to parse an article. */
export interface ParseOptions {
  /**
   * Validate only (`npm run check`): every rule runs, but the body is only
   * scanned for what validation reads (level-1 headings), never rendered,
   * so the article's `body` is empty and its `bodyText` and default
   * `summary` are Markdown source. The result keeps `source`, the parts of
   * the file the check's own rules read.
   */
  readonly validateOnly?: boolean;
  /**
   * Read front matter in the usual shape without js-yaml and zod
   * (plain-front-matter.ts; default true). False: always the libraries —
   * tests compare the two.
   */
  readonly usualShape?: boolean;
}

/** What a validate-only parse keeps for `npm run check` (src/check/). */
export interface ArticleSource {
  /** The front matter as written (after the shape check and text cleaning). */
  readonly frontMatter: FrontMatter;
  /** The Markdown after the closing ---. */
  readonly body: string;
  /** The file line of the body's first line. */
  readonly bodyStart: number;
  /** File lines of front-matter fields (parses the YAML with positions on first use only). */
  readonly locate: Locator;
}

export type ParseResult =
  | { readonly ok: true; readonly article: Article; readonly warnings: readonly ContentError[]; readonly uses: readonly FileUse[]; readonly source?: ArticleSource }
  | { readonly ok: false; readonly errors: readonly ContentError[]; readonly warnings: readonly ContentError[]; readonly uses: readonly FileUse[] };

const SUMMARY_LENGTH = 280;
export const ALIAS_PATH = /^\/(?:[A-Za-z0-9._~-]+\/)*[A-Za-z0-9._~-]*$/;
export const IMAGE_FILE = /^[A-Za-z0-9][A-Za-z0-9._-]*\.(?:jpe?g|png|webp|avif|gif)$/i;
export const IMAGE_URL = /^https:\/\/[^\s"'<>]+$/;

/** Keys known at each level, for "did you mean" on unknown keys. */
function knownKeysAt(path: readonly PropertyKey[]): readonly string[] {
  const pattern = fieldPattern(path);
  if (pattern === "") return FRONT_MATTER_KEYS;
  if (pattern === "officials[]") return OFFICIAL_KEYS;
  if (pattern === "awards[]") return AWARD_KEYS;
  if (pattern === "image") return IMAGE_KEYS;
  return [];
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = data;
  for (const key of path) {
    if (current === null || typeof current !== "object" || !Object.hasOwn(current, key)) return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

function describeType(value: unknown): string {
  if (value === null || value === undefined) return t("content.type.nothing");
  if (Array.isArray(value)) return t("content.type.list");
  if (typeof value === "object") return t("content.type.mapping");
  if (typeof value === "number") return Number.isInteger(value) ? t("content.type.wholeNumber") : t("content.type.fraction");
  return typeof value === "boolean" ? t("content.type.boolean") : t("content.type.text");
}

const INTEGER_FIELDS = new Set(["reviewYear", "planYear", "awards[].count"]);

function expectedType(zodType: string): string {
  switch (zodType) {
    case "string":
      return t("content.type.text");
    case "number":
      return t("content.type.number");
    case "int":
      return t("content.type.wholeNumber");
    case "array":
      return t("content.type.list");
    case "object":
      return t("content.type.fields");
    case "boolean":
      return t("content.type.trueFalse");
    default:
      return zodType;
  }
}

/** The expected/fix parts of an error about a field, from its help. */
function helpParts(pattern: string): { expected?: string; fix?: string } {
  const help = fieldHelp(pattern);
  return help ? { expected: help.expected, fix: t("content.writeLike", { example: help.example }) } : {};
}

/** Converts zod issues to editor-facing errors. */
function issueErrors(file: string, issues: readonly z.core.$ZodIssue[], data: unknown, locate: Locator): ContentError[] {
  const errors: ContentError[] = [];
  // An unknown key that is a typo of a missing field ("titel") is one cause:
  // report the typo, not also the missing field.
  const typoFor = new Set<string>();
  for (const issue of issues) {
    if (issue.code !== "unrecognized_keys") continue;
    const known = knownKeysAt(issue.path);
    for (const key of issue.keys) {
      const suggestion = closest(key, known);
      if (suggestion) typoFor.add(fieldLabel([...issue.path, suggestion]));
      const where = issue.path.length ? `${fieldLabel(issue.path)}.${key}` : key;
      const line = locate.keyLine(issue.path, key);
      errors.push({
        file,
        ...(line !== undefined ? { line } : {}),
        field: where,
        ...(suggestion ? explain("content.unknownField", { key, known: known.join(", "), suggestion }) : explain("content.unknownFieldNoMatch", { key, known: known.join(", ") })),
      });
    }
  }
  for (const issue of issues) {
    if (issue.code === "unrecognized_keys") continue;
    const path = issue.path;
    const pattern = fieldPattern(path);
    const value = valueAt(data, path);
    const missing = value === undefined || value === null;
    if (missing && typoFor.has(fieldLabel(path))) continue;
    let what: Explanation;
    if (missing) what = explain("content.required");
    else if (issue.code === "invalid_type") what = explain("content.wrongType", { expectedType: INTEGER_FIELDS.has(pattern) ? t("content.type.wholeNumber") : expectedType(issue.expected), foundType: describeType(value) });
    else if (issue.code === "too_small" && typeof value === "string") what = explain("content.empty");
    else if (issue.code === "custom") what = explain("content.invisible");
    else if (issue.code === "invalid_value") what = explain("content.notAllowed");
    else if (issue.code === "too_small" || issue.code === "too_big") what = explain("content.outOfRange");
    else what = explain("content.invalid");
    const line = missing ? locate.valueLine(path.slice(0, -1)) : locate.valueLine(path);
    const help = helpParts(pattern);
    // An official or award written as a line of the release ("Ông Nguyễn Dũng – Giám đốc"): the item with the editor's own values.
    const phrase = typeof value === "string" && (pattern === "officials[]" || pattern === "awards[]") ? listItemFromPhrase(pattern === "officials[]" ? "officials" : "awards", value) : undefined;
    // An honorific not in the list: the one meant ("bà" → Bà), else leave it out; never another person's ("honorific: Ông" for "bà").
    const honorific = pattern === "officials[].honorific" && typeof value === "string" ? honorificMeant(value) : undefined;
    const honorificFix = pattern === "officials[].honorific" && typeof value === "string" ? (honorific ? t("content.writeLike", { example: `honorific: ${honorific}` }) : t("content.fix.honorific")) : undefined;
    const fix = what.fix ?? (phrase ? t("content.writeLike", { example: phrase }) : (honorificFix ?? help.fix));
    errors.push({
      file,
      ...(line !== undefined ? { line } : {}),
      field: fieldLabel(path),
      ...(missing ? {} : { value: showValue(value) }),
      code: what.code,
      message: what.message,
      ...(help.expected ? { expected: help.expected } : {}),
      ...(fix ? { fix } : {}),
    });
  }
  return errors;
}

/** The URL slug from the file name: "2016-11-29-hoi-nghi.md" → "hoi-nghi". */
export function slugFromFileName(fileName: string): string {
  const base = fileName.replace(/^.*\//, "").replace(/\.md$/i, "");
  const rest = base.replace(/^\d{4}-\d{2}-\d{2}-?/, "");
  // A name already in slug form is its own slug (slugify changes nothing in it): most file names, named by the convention.
  // slugify's Unicode normalisations and replacements showed among the per-article costs of a cold check's worker profile.
  if (rest.length <= SLUG_MAX_LENGTH && SLUG_FORM.test(rest)) return rest;
  return slugify(rest) || slugify(base);
}

/** What slugify gives back unchanged (at most SLUG_MAX_LENGTH characters long). */
const SLUG_FORM = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Normalises a valid alias path: directory-like paths end with "/", file-like ones ("x.html") stay. */
export function normaliseAlias(alias: string): string {
  const last = alias.slice(alias.lastIndexOf("/") + 1);
  return last === "" || last.includes(".") ? alias : `${alias}/`;
}

function early(file: string, e: EarlyError): ContentError {
  return { file, ...(e.line !== undefined ? { line: e.line } : {}), ...(e.field ? { field: e.field } : {}), ...e.explanation };
}

/** Keeps at most LIMITS.errorsPerFile errors, so one broken file cannot flood the output. */
function capped(errors: ContentError[]): ContentError[] {
  return errors.length > LIMITS.errorsPerFile ? errors.slice(0, LIMITS.errorsPerFile) : errors;
}

/**
 * Decodes (UTF-8 only), parses, validates and renders one article file.
 * @param file path relative to the project root, POSIX separators
 * @param bytes the file's contents as read from disk
 */
export function parseArticleBytes(file: string, bytes: Uint8Array, options: ParseOptions = {}): ParseResult {
  const decoded = decodeArticle(bytes);
  if (!decoded.ok) return { ok: false, errors: [early(file, decoded.error)], warnings: [], uses: [] };
  return parseText(file, decoded.text, decoded.plain, options);
}

/**
 * Parses, validates and renders one article file.
 * @param file path relative to the project root, POSIX separators
 * @param source the file's text
 */
export function parseArticle(file: string, source: string, options: ParseOptions = {}): ParseResult {
  return parseText(file, source, false, options);
}

/** Where the front matter and the body are in a cleaned text that opens with `---` (see {@link parseText}). */
interface Split {
  /** From the newline that ends the opening line to the one before the closing ---. */
  readonly matter: string;
  /** After the closing line. */
  readonly content: string;
  /** The file line of the body's first line. */
  readonly bodyStart: number;
}

/**
 * Splits as gray-matter 4 did (it was called with a no-op engine, for this
 * only): the front matter runs from the end of the opening `---` and its
 * language word to the first line starting with `---`; the body starts
 * after that marker, less one newline. Why not gray-matter: it copied every
 * file into a Buffer and back (its `orig`), 13 % of the build's parse of an
 * article (10,000 generated articles, `node --cpu-prof` over
 * scripts/bench-parse.ts: 2.9 s of 21.8 s), for a split that is two
 * indexOf calls. `close` is the index of the closing "\n---" (the caller
 * has found it).
 */
function splitAt(text: string, openingLine: string, close: number): Split {
  // "---" + the language word; the matter keeps the newline that ends the line (its line i is the file's line i + 1).
  const matterStart = openingLine.length - 1;
  let contentStart = close + 4;
  if (text[contentStart] === "\r") contentStart++;
  if (text[contentStart] === "\n") contentStart++;
  let lines = 1;
  for (let i = text.indexOf("\n"); i >= 0 && i < contentStart; i = text.indexOf("\n", i + 1)) lines++;
  return { matter: text.slice(matterStart, close), content: text.slice(contentStart), bodyStart: lines };
}

/**
 * The parse itself; `plain`: the text is known to need no cleaning (decodeArticle's isPlainText).
 */
function parseText(file: string, source: string, plain: boolean, options: ParseOptions): ParseResult {
  const warnings: ContentError[] = [];
  // One test for characters to clean, for the bidi warning and the cleaning (both read it).
  const dirty = !plain && needsCleaning(source);
  const bidi = dirty ? findBidiControls(source) : undefined;
  if (bidi) warnings.push({ file, line: bidi.line, severity: "warning", ...explain("content.warn.bidi", { count: bidi.count }) });
  const fail = (...errors: ContentError[]): ParseResult => ({ ok: false, errors: capped(errors), warnings, uses: [] });

  // cleanText without its own test: the same text.
  const text = plain ? source : dirty ? cleanText(source) : source.normalize("NFC");
  const opening = /^---([^\n]*)\n/.exec(text);
  if (!opening) return fail({ file, line: 1, ...explain("content.noFrontMatter") });
  const language = (opening[1] ?? "").trim();
  if (language !== "" && language !== "yaml") {
    return fail({ file, line: 1, value: showValue(opening[0].trim()), ...explain("content.frontMatterLanguage", { language: language.slice(0, 40) }) });
  }
  // The block closes at the next line starting with ---; without one the
  // whole file would be read as YAML and the body's lines reported.
  const unclosed = (matterText: string): ContentError => {
    const bodyLine = suspectedBodyLine(matterText);
    return { file, line: 1, ...(bodyLine ? explain("content.frontMatterUnclosedAt", { line: bodyLine }) : explain("content.frontMatterUnclosed")) };
  };
  const close = text.indexOf("\n---", opening[0].length - 1);
  if (close < 0) return fail(unclosed(`\n${text.slice(opening[0].length)}`));

  const split = splitAt(text, opening[0], close);
  const frontMatterBytes = Buffer.byteLength(split.matter);
  if (frontMatterBytes > LIMITS.frontMatterBytes) return fail({ file, line: 1, ...explain("content.size.frontMatter", { size: frontMatterBytes, limit: LIMITS.frontMatterBytes }) });
  const bodyBytes = Buffer.byteLength(split.content);
  const bodyStart = split.bodyStart;
  if (bodyBytes > LIMITS.bodyBytes) return fail({ file, line: bodyStart, ...explain("content.size.body", { size: bodyBytes, limit: LIMITS.bodyBytes }) });

  // The usual shape without js-yaml, the bounded copy and zod (plain-front-matter.ts); anything else, and every error, below.
  const usual = options.usualShape === false ? undefined : readPlainFrontMatter(split.matter);
  if (usual) return semanticCheck(file, usual.frontMatter, split.content, bodyStart, new KnownLines(split.matter, usual.lines, usual.keys), warnings, options);

  const locate = new Locator(split.matter);
  const parsed = parseYaml(split.matter, file);
  // Only files with errors need to know where article text may have started.
  const bodyLineOnError = (): number | undefined => suspectedBodyLine(split.matter);
  if (!parsed.ok) {
    const bodyLine = bodyLineOnError();
    const errors = yamlErrors(split.matter, locate, parsed.error).map((e) => early(file, e));
    // The first error is in what looks like article text: the closing --- is missing.
    if (bodyLine !== undefined && errors.some((e) => (e.line ?? 0) >= bodyLine)) return fail(unclosed(split.matter));
    return fail(...errors);
  }
  const raw = parsed.value;
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) return fail({ file, line: 2, value: showValue(raw), ...explain("content.frontMatterNotFields") });

  const cleaned = cleanFrontMatter(raw);
  const cleanErrors = cleaned.problems.map((p) => cleanProblemError(file, p, locate, fieldLabel));
  if (cleaned.data === undefined) return fail(...cleanErrors);
  const data = cleaned.data as Record<string, unknown>;
  const shape = frontMatterSchema.safeParse(data);
  let result: ParseResult;
  if (!shape.success) {
    // Report the semantic problems of the fields that do have the right shape
    // too, so one build shows everything wrong with the file.
    const checked = semanticCheck(file, looseFrontMatter(data), split.content, bodyStart, locate, warnings, options);
    const shapeErrors = issueErrors(file, shape.error.issues, data, locate);
    const bodyLine = bodyLineOnError();
    // Unknown "fields" in what looks like article text: the closing --- is missing.
    if (bodyLine !== undefined && shapeErrors.some((e) => e.code?.startsWith("content.unknownField") && (e.line ?? 0) >= bodyLine)) {
      return fail(unclosed(split.matter), ...cleanErrors, ...shapeErrors.filter((e) => e.line !== undefined && e.line < bodyLine));
    }
    result = { ok: false, errors: capped([...cleanErrors, ...shapeErrors, ...(checked.ok ? [] : checked.errors)]), warnings, uses: checked.uses };
  } else {
    result = semanticCheck(file, shape.data, split.content, bodyStart, locate, warnings, options);
    if (cleanErrors.length > 0) result = { ok: false, errors: capped([...cleanErrors, ...(result.ok ? [] : result.errors)]), warnings, uses: result.uses };
  }
  return result;
}

/** The fields of invalid front matter that have the right type, for semantic checks alongside shape errors. */
function looseFrontMatter(data: Record<string, unknown>): FrontMatter {
  const field = (key: string): unknown => (Object.hasOwn(data, key) ? data[key] : undefined);
  const str = (v: unknown): string | undefined => (typeof v === "string" && v !== "" ? v : undefined);
  const int = (v: unknown): number | undefined => (typeof v === "number" && Number.isInteger(v) ? v : undefined);
  const image = field("image");
  const imageSrc = image && typeof image === "object" && Object.hasOwn(image, "src") ? str((image as Record<string, unknown>)["src"]) : undefined;
  const aliasesValue = field("aliases");
  const aliases = Array.isArray(aliasesValue) ? aliasesValue.filter((a): a is string => typeof a === "string") : undefined;
  return {
    title: str(field("title")) ?? "",
    date: str(field("date")) ?? "",
    province: str(field("province")) ?? "",
    reviewYear: int(field("reviewYear")),
    planYear: int(field("planYear")),
    aliases,
    image: imageSrc ? { src: imageSrc, alt: "" } : undefined,
  } as FrontMatter;
}

/** The message for a date string that does not parse (also `npm run new --date`: one message per cause everywhere). */
export function dateExplanation(problem: DateProblem): Explanation {
  switch (problem.kind) {
    case "dayMonthYear":
      return explain("content.date.dayMonthYear", { iso: problem.iso });
    case "padDigits":
      return explain("content.date.padDigits", { iso: problem.iso });
    case "noSuchMonth":
      return explain("content.date.noSuchMonth", { month: problem.month });
    case "noSuchDay":
      return explain("content.date.noSuchDay", { year: problem.year, month: problem.month, day: problem.day, days: problem.days });
    case "noSuchTime":
      return explain("content.date.noSuchTime", { time: problem.time });
    case "badOffset":
      return explain("content.date.badOffset", { offset: problem.offset });
    case "unrecognised":
      return explain("content.date.invalid");
  }
}

function semanticCheck(file: string, fm: FrontMatter, body: string, bodyStart: number, locate: Locator, warnings: ContentError[], options: ParseOptions): ParseResult {
  const errors: ContentError[] = [];
  const uses: FileUse[] = [];
  const at = (field: string, path: readonly PropertyKey[], value: unknown, what: Explanation, expected?: string): void => {
    const line = locate.valueLine(path);
    const exp = what.expected ?? expected;
    errors.push({ file, ...(line !== undefined ? { line } : {}), field, value: showValue(value), code: what.code, message: what.message, ...(exp ? { expected: exp } : {}), ...(what.fix ? { fix: what.fix } : {}) });
  };

  let date = fm.date ? (quickArticleDate(fm.date) ?? parseArticleDate(fm.date)) : undefined;
  if (fm.date && !date) at("date", ["date"], fm.date, dateExplanation(diagnoseDate(fm.date)), fieldHelp("date")?.expected);
  const maxYear = maxArticleYear();
  if (date && (date.year < MIN_ARTICLE_YEAR || date.year > maxYear)) {
    at("date", ["date"], fm.date, explain("content.date.outOfRange", { year: date.year, min: MIN_ARTICLE_YEAR, max: maxYear }));
    date = undefined;
  }

  const province = fm.province ? getProvince(fm.province) : undefined;
  if (fm.province && !province) {
    const suggestions = suggestProvinceIds(fm.province);
    at("province", ["province"], fm.province, suggestions.length ? explain("content.province.unknown", { suggestions: suggestions.map((s) => `"${s}"`).join(" / ") }) : explain("content.province.unknownNoMatch"), fieldHelp("province")?.expected);
  } else if (date && province?.successor && province.successorSince && date.day >= province.successorSince) {
    const successor = getProvince(province.successor);
    const params = { name: province.name, successorName: successor ? provinceFullName(successor) : province.successor, since: province.successorSince, day: date.day, successor: province.successor };
    at("province", ["province"], fm.province, province.change === "renamed" ? explain("content.province.renamed", params) : explain("content.province.merged", params));
  }

  if (fm.reviewYear !== undefined && fm.planYear !== undefined && fm.planYear < fm.reviewYear) {
    at("planYear", ["planYear"], fm.planYear, explain("content.planBeforeReview", { reviewYear: fm.reviewYear }));
  }

  const aliases: string[] = [];
  (fm.aliases ?? []).forEach((alias, i) => {
    if (!ALIAS_PATH.test(alias) || alias.split("/").some((seg) => seg === "." || seg === "..")) {
      at(fieldLabel(["aliases", i]), ["aliases", i], alias, explain("content.aliasUnsafe"), fieldHelp("aliases[]")?.expected);
    } else aliases.push(normaliseAlias(alias));
  });

  let image: ArticleImage | undefined;
  if (fm.image) {
    const resolved = resolveArticleImage(file, fm.image, () => locate.valueLine(["image", "src"]));
    if (!resolved) at("image.src", ["image", "src"], fm.image.src, explain("content.imageSrcInvalid"), fieldHelp("image.src")?.expected);
    else {
      image = resolved.image;
      if (resolved.use) uses.push(resolved.use);
    }
  }

  (fm.officials ?? []).forEach((official, i) => {
    const id = official.id;
    if (id === undefined || PERSON_ID_PATTERN.test(id) && id.length <= PERSON_ID_MAX_LENGTH) return;
    const help = helpParts("officials[].id");
    const what = id.length > PERSON_ID_MAX_LENGTH ? explain("people.idTooLong", { max: PERSON_ID_MAX_LENGTH }) : { ...explain("people.idFormat"), ...(help.fix ? { fix: help.fix } : {}) };
    at(fieldLabel(["officials", i, "id"]), ["officials", i, "id"], id, what, help.expected);
  });

  const slug = slugFromFileName(file);
  if (!slug) errors.push({ file, ...explain("content.slugUnusable") });

  const rendered = options.validateOnly ? scanMarkdown(body) : renderMarkdown(body);
  const pictures = checkBodyImages(file, rendered.images, bodyStart);
  errors.push(...pictures.errors);
  // Body pictures next to the article are files it uses, checked by the loader like image.src.
  for (const picture of pictures.images) if (picture.sourceFile) uses.push({ path: picture.sourceFile, field: BODY_FIELD, value: picture.src, line: picture.line });
  if (errors.length > 0 || !date || !province) return { ok: false, errors, warnings, uses };

  for (const heading of rendered.h1) {
    warnings.push({ file, line: bodyStart + heading.line, severity: "warning", ...explain("content.warn.h1", { corrected: `## ${heading.text}`.trim() }) });
  }
  const article = assembleArticle(fm, {
    file,
    slug,
    date,
    province,
    image,
    aliases,
    summary: fm.summary ?? truncateText(rendered.firstParagraph, SUMMARY_LENGTH),
    body: rendered.html,
    bodyImages: pictures.images,
    bodyText: rendered.text,
  });
  return { ok: true, article, warnings, uses, ...(options.validateOnly ? { source: { frontMatter: fm, body, bodyStart, locate } } : {}) };
}

/** What an article holds besides its front matter's own values (see {@link assembleArticle}). */
export interface ArticleParts {
  readonly file: string;
  readonly slug: string;
  readonly date: Article["date"];
  readonly province: Article["province"];
  /** The checked front-matter image (its `src` still relative to the article's folder when it is a file). */
  readonly image: ArticleImage | undefined;
  readonly aliases: readonly string[];
  readonly summary: string;
  readonly body: Article["body"];
  readonly bodyImages: Article["bodyImages"];
  readonly bodyText: string;
}

/**
 * The article of checked front matter and its parts, field by field in one
 * order (the facts' JSON and the parse cache keep it): the loader and the
 * check's fast path (src/check/fast-parse.ts) both make articles here.
 */
export function assembleArticle(fm: FrontMatter, parts: ArticleParts): Article {
  const { slug, date, province, image } = parts;
  const url = `/${province.id}/${date.year}/${slug}/`;
  return {
    sourcePath: parts.file,
    slug,
    url,
    title: fm.title,
    date,
    province,
    listedUnder: listingProvinceIds(province.id),
    ...(fm.agency ? { agency: fm.agency } : {}),
    ...(fm.reviewYear !== undefined ? { reviewYear: fm.reviewYear } : {}),
    ...(fm.planYear !== undefined ? { planYear: fm.planYear } : {}),
    officials: (fm.officials ?? []).map((o) => ({ name: o.name, ...(o.role ? { role: o.role } : {}), ...(o.honorific ? { honorific: o.honorific } : {}), ...(o.id ? { id: o.id } : {}) })),
    awards: (fm.awards ?? []).map((a) => ({ title: a.title, ...(a.recipient ? { recipient: a.recipient } : {}), ...(a.count !== undefined ? { count: a.count } : {}), ...(a.conferredBy ? { conferredBy: a.conferredBy } : {}) })),
    ...(fm.author ? { author: fm.author } : {}),
    summary: parts.summary,
    ...(image ? { image: image.sourceFile ? { ...image, src: `${url}${image.src}` } : image } : {}),
    tags: [...new Set(fm.tags ?? [])],
    draft: fm.draft ?? false,
    aliases: [...new Set(parts.aliases)],
    body: parts.body,
    bodyImages: parts.bodyImages,
    bodyText: parts.bodyText,
  };
}

/**
 * The article's picture from checked front matter: an address kept as it
 * is, or a file beside the article (then also the file it uses, with the
 * line of `src` when `lineOfSrc` knows it); undefined when `src` is neither.
 */
export function resolveArticleImage(file: string, frontMatterImage: NonNullable<FrontMatter["image"]>, lineOfSrc: () => number | undefined): { image: ArticleImage; use?: FileUse } | undefined {
  const { src, alt, caption } = frontMatterImage;
  if (IMAGE_URL.test(src)) return { image: { src, alt, ...(caption ? { caption } : {}) } };
  if (!IMAGE_FILE.test(src)) return undefined;
  const sourceFile = `${file.slice(0, file.lastIndexOf("/") + 1)}${src}`;
  const line = lineOfSrc();
  return {
    image: { src, alt, sourceFile, ...(caption ? { caption } : {}) },
    use: { path: sourceFile, field: "image.src", value: src, ...(line !== undefined ? { line } : {}) },
  };
}

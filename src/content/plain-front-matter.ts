/**
 * Front matter in the usual shape, read without the libraries: block
 * mappings of known keys, one-line plain, single- or double-quoted scalars
 * without escapes but \" and \\, one-line flow lists of quoted strings,
 * block lists of scalars or of one-line mappings. Every value is resolved
 * as YAML's core schema would (a plain scalar that could be a number, null
 * or boolean is not taken as text), cleaned as the loader cleans it, and
 * validated with the schema's rules (src/content/schema.ts); the result is
 * the front matter the schema would give, with the line of every value. Any
 * doubt — anything outside the subset, anything the schema would report —
 * gives undefined, and the caller parses with js-yaml, the bounded copy and
 * zod as before, which then report every error. Errors are never produced
 * here, so every message keeps its one source.
 *
 * Why hand-written, where js-yaml and zod exist (and are the fallback):
 * they were a third of the build's parse of an article (10,000 generated
 * articles, `node --cpu-prof` over scripts/bench-parse.ts: js-yaml 2.6 s,
 * zod 2.3 s, the bounded copy ~1.5 s of 19.4 s), and positions for an
 * image's line cost a second parse with `yaml`. Written first for the
 * check's fast path (src/check/fast-parse.ts), where test/check-fast-parse.test.ts
 * compares it with the full parse on generated and hand-made articles.
 */
import { LIMITS } from "./limits.ts";
import { Locator } from "./front-matter.ts";
import { HONORIFICS, type FrontMatter } from "./schema.ts";
import { hasVisibleText } from "../text.ts";

/** The key of a field path in the lines read ("title", "officials.2.role"). */
export const lineKey = (fieldPath: readonly PropertyKey[]): string => fieldPath.map(String).join(".");

/** What {@link readPlainFrontMatter} gives. */
export interface PlainFrontMatter {
  readonly frontMatter: FrontMatter;
  /** File line of each value, by lineKey of its path. */
  readonly lines: Readonly<Record<string, number>>;
  /** File line of each top-level key. */
  readonly keys: Readonly<Record<string, number>>;
}

/**
 * The front matter of `matter` (as split from a cleaned text: from the
 * newline ending the opening --- line to the closing one), or undefined
 * when it is not in the usual shape or the schema would report something.
 */
export function readPlainFrontMatter(matter: string): PlainFrontMatter | undefined {
  const lines: Record<string, number> = {};
  const keys: Record<string, number> = {};
  try {
    return { frontMatter: frontMatterOf(readFrontMatter(matter, lines, keys)), lines, keys };
  } catch (error) {
    if (error === UNUSUAL) return undefined;
    throw error;
  }
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

/** Each known name to itself: a name read is replaced by the constant (see {@link itemKey}). */
const names = (list: readonly string[]): ReadonlyMap<string, string> => new Map(list.map((name) => [name, name]));
const TOP_KEYS = names(["title", "date", "province", "agency", "reviewYear", "planYear", "officials", "awards", "author", "summary", "image", "tags", "draft", "aliases"]);
const ITEM_KEYS: Readonly<Record<string, ReadonlyMap<string, string>>> = {
  officials: names(["name", "role", "honorific", "id"]),
  awards: names(["title", "recipient", "count", "conferredBy"]),
  image: names(["src", "alt", "caption"]),
};

/*
 * The keys of the lines read ("officials.2", "officials.2.role"), made once
 * each and kept, and the names read replaced by the constants above. Why:
 * a key string built anew for every value, and names cut out of the line,
 * had to be looked up in V8's string table at every store; those stores were
 * 40 % of this reader's time (10,000 front matters, `node --cpu-prof` line
 * ticks of the bundled reader: 76 µs a front matter before). Bounded: a
 * list has at most LIMITS.yamlValues items.
 */
const itemKeys: Record<string, string[]> = {};
const fieldKeys: Record<string, Record<string, string>[]> = {};
function itemKey(key: string, index: number): string {
  const list = (itemKeys[key] ??= []);
  return (list[index] ??= `${key}.${index}`);
}
function fieldKey(key: string, index: number, field: string): string {
  const perIndex = (fieldKeys[key] ??= []);
  const perField = (perIndex[index] ??= {});
  return (perField[field] ??= `${key}.${index}.${field}`);
}
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
/** KEY_LINE without the indent (read from the indent on: a line built with its indent in front had to be copied flat for every match). */
const FIELD_LINE = /^([A-Za-z][A-Za-z0-9]*):(?: (.*))?$/;
const ITEM_LINE = /^( *)- (.*)$/;

/** A one-line scalar or flow list after `key: `; `rest` has no line break. */
function readInline(rest: string): Scalar | Scalar[] {
  let end = rest.length;
  while (end > 0 && rest.charCodeAt(end - 1) === 0x20) end--;
  const text = end === rest.length ? rest : rest.slice(0, end);
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
    const key = TOP_KEYS.get(m[2] ?? "");
    if (key === undefined || Object.hasOwn(data, key)) unusual();
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
          lines[itemKey(key, i)] = row.line;
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
          lines[itemKey(key, index)] = at.line;
          list.push(textOf(value));
          continue;
        }
        // A mapping item: its first key on the "- " line, the others below at indent + 2.
        const entry: Record<string, Value> = {};
        const itemIndent = indent + 2;
        lines[itemKey(key, index)] = at.line;
        // Each field from the item's indent on: the first after "- ", the others below at indent + 2 (more spaces: no match).
        let text = im[2] ?? "";
        let line = at.line;
        for (;;) {
          const km = FIELD_LINE.exec(text);
          if (!km) unusual();
          const field = fields.get(km[1] ?? "");
          if (field === undefined || Object.hasOwn(entry, field) || km[2] === undefined) unusual();
          const value = readInline(km[2]);
          if (Array.isArray(value)) unusual();
          count();
          entry[field] = resolve(field, value);
          lines[fieldKey(key, index, field)] = line;
          const next = rows[r];
          if (!next || leadingSpaces(next.text) !== itemIndent) break;
          text = next.text.slice(itemIndent);
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
      const field = fields.get(km[2] ?? "");
      if (field === undefined || Object.hasOwn(map, field)) unusual();
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

/** White space other than the space character: cleanLine folds it. */
const OTHER_SPACE = /[^\S ]/;

/**
 * Whether `text` has white space cleanLine would fold or trim: at either end, two in a row, or any but the space.
 * The same answer as /^\s|\s$|\s\s|[^\S ]/ (a space at an end or beside another space is found by the string tests;
 * any other white space by the one-class scan), which tried its four branches at every character: ~2.5 % of the
 * check's parse of an article (`node --no-turbo-inlining --cpu-prof` over the 10k corpus's parseOutcome).
 */
function unfolded(text: string): boolean {
  return text.startsWith(" ") || text.endsWith(" ") || text.includes("  ") || OTHER_SPACE.test(text);
}

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
  const value = unfolded(s.text) ? s.text.replace(/\s+/g, " ").trim() : s.text;
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

// ---- Lines of the values read --------------------------------------------------------

/** A locator that answers from the lines read, and parses with positions (the loader's Locator) only for a path it does not know. */
export class KnownLines extends Locator {
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


/**
 * From a file's bytes to front-matter data, within limits, with one error
 * per real cause.
 *
 * - Bytes → text: UTF-8 only. A UTF-16/UTF-32 byte-order mark, zero bytes or
 *   invalid UTF-8 (a Windows-1258 or TCVN3 file) is an error naming the line;
 *   otherwise such a file would publish mojibake titles and record them in
 *   published-urls.json for ever. A UTF-8 byte-order mark is fine.
 * - Text → YAML: js-yaml with the core schema (data only). When it fails,
 *   `yaml` (which knows positions) parses again to find the line, and only
 *   the first syntax error is reported (with duplicate keys before it): the
 *   errors after a syntax error are usually its knock-on effects. Known
 *   mistakes get their own message with the corrected line (a tab, a colon
 *   in a value, an unclosed quote).
 * - YAML → data: copied by a bounded walk that cleans every string, counts
 *   values (aliases count once per use, so an alias bomb stops at the limit
 *   instead of expanding), limits nesting, and rejects `__proto__`,
 *   `constructor` and `prototype` keys (which could otherwise supply
 *   fields through the prototype chain).
 */
import { isUtf8 } from "node:buffer";
import { CORE_SCHEMA, load as loadYaml, YAMLException } from "js-yaml";
import { LineCounter, parseDocument, isMap, isPair, isScalar, type Document } from "yaml";
import { explain } from "../messages/index.ts";
import { cleanLine } from "../text.ts";
import type { ContentError } from "./errors.ts";
import { LIMITS } from "./limits.ts";

/** A problem before any field could be read; `line` is a line of the file. */
export interface EarlyError {
  readonly line?: number;
  readonly field?: string;
  readonly explanation: ReturnType<typeof explain>;
}

// ---- Bytes → text -----------------------------------------------------------

/** 1-based line of byte `offset`. */
function lineOfByte(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** Offset of the first byte that is not part of valid UTF-8 (only called on files that are not valid). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    // Overlong forms, surrogates and code points above U+10FFFF.
    const c1 = bytes[i + 1] ?? 0;
    if ((b === 0xe0 && c1 < 0xa0) || (b === 0xed && c1 > 0x9f) || (b === 0xf0 && c1 < 0x90) || (b === 0xf4 && c1 > 0x8f)) return i;
    i += need + 1;
  }
  return bytes.length;
}

/**
 * Whether the bytes from `from` on are text that cleanText (src/text.ts)
 * leaves as it is (no CR, control, bidi or other character it drops) and
 * already in NFC, judged by a whitelist of the characters Vietnamese text is
 * made of: ASCII, U+00A0–U+027F (Latin-1 letters, Latin Extended-A and B:
 * ơ, ư, đ), U+1E00–U+1EFF (Latin Extended Additional: every toned letter)
 * and the punctuation U+2002–U+203F (dashes, quotes, ellipsis) without
 * U+200E/F, U+2028/9 (line and paragraph separators) and U+202A–E (bidi),
 * and U+20A0–U+20BF (currency: ₫). None of these is changed by NFC or
 * composes with what precedes it. Call it on valid UTF-8 only (a lead
 * byte's continuation bytes are not looked at). Anything else, a byte-order
 * mark included, answers false: then the text is cleaned as usual.
 *
 * Why: testing the decoded text for characters to clean (twice: once for
 * the bidi warning, once in cleanText) and normalising it to NFC was ~0.1 ms
 * an article of the build's parse (10,000 generated articles,
 * `node --cpu-prof` over scripts/bench-parse.ts), and a loop over the bytes
 * answers the same question for the usual file in a fraction of that.
 */
export function isPlainText(b: Uint8Array, from = 0): boolean {
  const n = b.length;
  let i = from;
  while (i < n) {
    const c = b[i] ?? 0;
    if (c < 0x80) {
      // Controls but tab and newline, and DEL: cleaned.
      if ((c < 0x20 && c !== 0x0a && c !== 0x09) || c === 0x7f) return false;
      i++;
    } else if (c >= 0xc3 && c <= 0xc9) i += 2;
    else if (c === 0xc2) {
      // U+00A0–U+00BF only: U+0080–U+009F are C1 controls.
      if ((b[i + 1] ?? 0) < 0xa0) return false;
      i += 2;
    } else if (c === 0xe1) {
      const c1 = b[i + 1] ?? 0;
      if (c1 < 0xb8 || c1 > 0xbb) return false;
      i += 3;
    } else if (c === 0xe2) {
      const c1 = b[i + 1] ?? 0;
      const c2 = b[i + 2] ?? 0;
      if (c1 === 0x80) {
        // U+2002–U+203F but U+200E, U+200F and U+202A–U+202E (bidi controls), and U+2028–U+2029 (line breaks to a regular expression).
        if (c2 < 0x82 || c2 === 0x8e || c2 === 0x8f || (c2 >= 0xa8 && c2 <= 0xae)) return false;
      } else if (c1 !== 0x82 || c2 < 0xa0) return false;
      i += 3;
    } else return false;
  }
  return true;
}

/**
 * Decodes an article file. Only UTF-8 (with or without a byte-order mark).
 * @returns the text (`plain`: it needs no cleaning, see {@link isPlainText}), or the error that says how the file is saved instead
 */
export function decodeArticle(bytes: Uint8Array): { readonly ok: true; readonly text: string; readonly plain: boolean } | { readonly ok: false; readonly error: EarlyError } {
  const [b0, b1, b2, b3] = bytes;
  const bom = (encoding: string) => ({ ok: false as const, error: { line: 1, explanation: explain("content.encoding.utf16", { encoding }) } });
  if (b0 === 0xff && b1 === 0xfe && b2 === 0 && b3 === 0) return bom("UTF-32");
  if (b0 === 0 && b1 === 0 && b2 === 0xfe && b3 === 0xff) return bom("UTF-32");
  if ((b0 === 0xff && b1 === 0xfe) || (b0 === 0xfe && b1 === 0xff)) return bom("UTF-16");
  const zero = bytes.indexOf(0);
  if (zero !== -1) return { ok: false, error: { line: lineOfByte(bytes, zero), explanation: explain("content.encoding.zeroBytes", { line: lineOfByte(bytes, zero) }) } };
  if (!isUtf8(bytes)) {
    const line = lineOfByte(bytes, firstInvalidUtf8(bytes));
    return { ok: false, error: { line, explanation: explain("content.encoding.invalidUtf8", { line }) } };
  }
  return { ok: true, text: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("utf8"), plain: isPlainText(bytes) };
}

// ---- Where the body begins when the closing --- is missing -------------------

// A line that YAML front matter could hold: indented, a comment, a list item,
// a plain key, or a quoted key.
const YAML_LIKE = /^(?:\s|#|-(?:\s|$)|\.\.\.|[A-Za-z_][A-Za-z0-9_-]*\s*:(?:\s|$)|"[^"]*"\s*:|'[^']*'\s*:)/;

/**
 * The first line of the front matter block that looks like article text
 * (a blank line, then a line no YAML field would start with), as a file
 * line; undefined when every line looks like YAML. `matter` starts with the
 * newline after the opening ---, so its line numbers are the file's.
 */
export function suspectedBodyLine(matter: string): number | undefined {
  const lines = matter.split("\n");
  for (let i = 2; i < lines.length; i++) {
    const line = lines[i] ?? "";
    if ((lines[i - 1] ?? "").trim() === "" && line.trim() !== "" && !YAML_LIKE.test(line)) return i + 1;
  }
  return undefined;
}

// ---- YAML with positions ------------------------------------------------------

/** Maps field paths to file lines; parses the front matter with positions on first use only. */
export class Locator {
  private parsed: { doc: Document; lines: LineCounter } | undefined;

  constructor(private readonly frontMatter: string) {}

  private load(): { doc: Document; lines: LineCounter } {
    if (!this.parsed) {
      const lines = new LineCounter();
      this.parsed = { doc: parseDocument(this.frontMatter, { lineCounter: lines, schema: "core", uniqueKeys: true }), lines };
    }
    return this.parsed;
  }

  /** YAML problems (code, file line, first line of the library's message), in file order. */
  problems(): { code: string; line: number | undefined; message: string }[] {
    const { doc } = this.load();
    return [...doc.errors, ...doc.warnings]
      .map((p) => ({ code: p.code, line: p.linePos?.[0]?.line, message: (p.message.split("\n")[0] ?? p.message).replace(/ at line \d+, column \d+:?$/, "") }))
      .sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  }

  private lineAt(offset: number): number {
    // The front matter string starts with the newline after the opening "---",
    // so its line numbers are the file's line numbers.
    return this.load().lines.linePos(offset).line;
  }

  /**
   * Line of a plain or quoted value written `key: value` in block style at
   * `path` (one key, or a key inside a top-level mapping), found by scanning
   * lines; undefined when it is not found exactly once that way (the caller
   * then parses). Every article with a picture asks for the line of
   * image.src, and parsing again with positions cost ~0.25 ms an article
   * (yaml's parseDocument in `node --import tsx --cpu-prof` over a load of
   * 2,000 generated articles).
   */
  private scannedLine(path: readonly PropertyKey[]): number | undefined {
    if (path.length < 1 || path.length > 2 || !path.every((k): k is string => typeof k === "string" && /^[A-Za-z][A-Za-z0-9_]*$/.test(k))) return undefined;
    const lines = this.frontMatter.split("\n");
    const valueAfter = (line: string, key: string, indent: number): boolean =>
      line.startsWith(`${" ".repeat(indent)}${key}:`) && /^[ \t]+[^\s#&*!|>{[@`%,\]}]/.test(line.slice(indent + key.length + 1));
    let from = 0;
    let to = lines.length;
    let indent = 0;
    if (path.length === 2) {
      const parents = lines.flatMap((line, i) => (/^[A-Za-z][A-Za-z0-9_]*:[ \t]*(?:#.*)?\r?$/.test(line) && line.startsWith(`${path[0]}:`) ? [i] : []));
      if (parents.length !== 1) return undefined;
      from = parents[0]! + 1;
      to = from;
      while (to < lines.length && (/^[ \t]/.test(lines[to]!) || /^\s*(?:#.*)?\r?$/.test(lines[to]!))) to++;
      const first = lines.slice(from, to).find((line) => !/^\s*(?:#.*)?\r?$/.test(line));
      indent = first ? (/^ */.exec(first)?.[0].length ?? 0) : 0;
      if (indent === 0 || first?.slice(indent).startsWith("-")) return undefined;
    }
    const key = path[path.length - 1] as string;
    let found: number | undefined;
    for (let i = from; i < to; i++) {
      if (!valueAfter(lines[i]!, key, indent)) continue;
      if (found !== undefined) return undefined;
      found = i;
    }
    // The front matter starts with the newline after the opening "---": index i is line i + 1.
    return found === undefined ? undefined : found + 1;
  }

  /** Line of the value at `path`, or of the nearest existing ancestor. */
  valueLine(path: readonly PropertyKey[]): number | undefined {
    if (!this.parsed) {
      const scanned = this.scannedLine(path);
      if (scanned !== undefined) return scanned;
    }
    const { doc } = this.load();
    for (let n = path.length; n >= 0; n--) {
      const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
      if (node && typeof node === "object" && "range" in node && Array.isArray(node.range)) {
        const start = node.range[0];
        if (typeof start === "number") return this.lineAt(start);
      }
    }
    return undefined;
  }

  /** Line of the key `key` inside the mapping at `path`. */
  keyLine(path: readonly PropertyKey[], key: string): number | undefined {
    const { doc } = this.load();
    const map = path.length === 0 ? doc.contents : doc.getIn(path, true);
    if (isMap(map)) {
      for (const item of map.items) {
        if (isPair(item) && isScalar(item.key) && String(item.key.value) === key && item.key.range) return this.lineAt(item.key.range[0]);
      }
    }
    return this.valueLine(path);
  }
}

/** `key: value` on one line, for the colon-in-a-value fix. */
const KEY_VALUE = /^(\s*(?:-\s+)?)([A-Za-z_][A-Za-z0-9_-]*):[ \t]+(.*\S)\s*$/;

/** The line of the quote left open at or before `line`: the first line with an odd number of double quotes. */
function openQuoteLine(lines: readonly string[], line: number): number {
  for (let i = 1; i < Math.min(line, lines.length); i++) {
    const quotes = (lines[i] ?? "").replace(/\\./g, "").split('"').length - 1;
    if (quotes % 2 === 1) return i + 1;
  }
  return line;
}

/** The line where a flow collection left open at or before `line` starts: the last line with more `open` than `close`. */
function openBracketLine(lines: readonly string[], line: number, open: string, close: string): number {
  for (let i = Math.min(line, lines.length) - 1; i >= 1; i--) {
    const text = lines[i] ?? "";
    if (text.split(open).length > text.split(close).length) return i + 1;
  }
  return line;
}

/**
 * The errors for front matter that js-yaml rejected: one per real cause.
 * @param matter the front matter block (starting with the newline after ---)
 */
export function yamlErrors(matter: string, locate: Locator, error: YAMLException): EarlyError[] {
  const lines = matter.split("\n");
  const problems = locate.problems();
  if (/maxDepth/.test(error.reason)) return [{ line: error.mark.line + 1, explanation: explain("content.yaml.tooDeep", { limit: LIMITS.yamlDepth }) }];
  const firstSyntax = problems.find((p) => p.code !== "DUPLICATE_KEY");
  const duplicates = problems.filter((p) => p.code === "DUPLICATE_KEY" && (!firstSyntax || (p.line ?? 0) < (firstSyntax.line ?? 0)));
  const out: EarlyError[] = duplicates.map((p) => {
    const key = /^\s*(?:-\s+)?["']?([^:"']+?)["']?\s*:/.exec(lines[(p.line ?? 1) - 1] ?? "")?.[1] ?? "?";
    return { line: p.line, field: key, explanation: explain("content.yaml.duplicateKey", { key }) };
  });
  if (firstSyntax) out.push(describeSyntax(firstSyntax, lines));
  if (out.length === 0) out.push({ line: error.mark.line + 1, explanation: explain("content.yaml.other", { detail: error.reason }) });
  return out;
}

function describeSyntax(p: { code: string; line: number | undefined; message: string }, lines: readonly string[]): EarlyError {
  const text = lines[(p.line ?? 1) - 1] ?? "";
  switch (p.code) {
    case "TAB_AS_INDENT":
      return { line: p.line, explanation: explain("content.yaml.tab") };
    case "TAG_RESOLVE_FAILED": {
      const tag = /!!?[^\s"',\]}]+/.exec(text)?.[0] ?? "!";
      return { line: p.line, explanation: explain("content.yaml.tag", { tag }) };
    }
    case "BAD_INDENT": {
      const close = /end with an? ([\]}])/.exec(p.message)?.[1];
      if (close) {
        const open = close === "]" ? "[" : "{";
        return { line: openBracketLine(lines, p.line ?? lines.length, open, close), explanation: explain("content.yaml.unclosedBracket", { open, close }) };
      }
      return { line: p.line, explanation: explain("content.yaml.indent") };
    }
    case "BLOCK_AS_IMPLICIT_KEY":
    case "MULTILINE_IMPLICIT_KEY": {
      const kv = KEY_VALUE.exec(text);
      if (kv && kv[3]?.includes(": ")) {
        const [, , key = "", value = ""] = kv;
        return { line: p.line, field: key, explanation: explain("content.yaml.colon", { key, corrected: `${key}: "${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"` }) };
      }
      break;
    }
    case "MISSING_CHAR":
      if (/quote/i.test(p.message)) return { line: openQuoteLine(lines, p.line ?? lines.length), explanation: explain("content.yaml.unclosedQuote") };
      if (/indicator|indent/i.test(p.message)) return { line: p.line, explanation: explain("content.yaml.indent") };
      break;
  }
  return { line: p.line, explanation: explain("content.yaml.other", { detail: p.message }) };
}

/** Parses the front matter with js-yaml (core schema: data only). */
export function parseYaml(matter: string, file: string): { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly error: YAMLException } {
  try {
    return { ok: true, value: loadYaml(matter, { schema: CORE_SCHEMA, filename: file }) };
  } catch (error) {
    if (error instanceof YAMLException) return { ok: false, error };
    throw error;
  }
}

// ---- YAML → data, bounded -------------------------------------------------------

const RESERVED_KEYS = new Set(["__proto__", "constructor", "prototype"]);
/** Thrown to stop the bounded copy at a limit. */
const STOP = Symbol("stop");

/** Why the bounded copy stopped or what it dropped. */
export type CleanProblem =
  | { readonly kind: "reserved"; readonly path: readonly PropertyKey[]; readonly key: string }
  | { readonly kind: "tooDeep"; readonly path: readonly PropertyKey[] }
  | { readonly kind: "tooManyValues"; readonly path: readonly PropertyKey[] };

/**
 * Copies parsed YAML, cleaning every string (NFC, no control characters,
 * whitespace folded), within {@link LIMITS}. Reserved keys are dropped and
 * reported; exceeding the depth or value budget stops the copy.
 */
export function cleanFrontMatter(raw: unknown): { readonly data: unknown; readonly problems: readonly CleanProblem[] } {
  const problems: CleanProblem[] = [];
  let budget = LIMITS.yamlValues;
  // The path of the value being copied, mutated in place (copied only into a problem).
  const path: PropertyKey[] = [];
  const walk = (value: unknown): unknown => {
    if (--budget < 0) {
      problems.push({ kind: "tooManyValues", path: [...path] });
      throw STOP;
    }
    if (typeof value === "string") return cleanLine(value);
    if (value === null || typeof value !== "object") return value;
    if (path.length >= LIMITS.yamlDepth) {
      problems.push({ kind: "tooDeep", path: [...path] });
      throw STOP;
    }
    if (Array.isArray(value)) {
      const out: unknown[] = [];
      for (let i = 0; i < value.length; i++) {
        path.push(i);
        out.push(walk(value[i]));
        path.pop();
      }
      return out;
    }
    const out: Record<string, unknown> = {};
    for (const rawKey of Object.keys(value)) {
      const key = cleanLine(rawKey);
      if (RESERVED_KEYS.has(key)) {
        problems.push({ kind: "reserved", path: [...path], key: rawKey });
        continue;
      }
      path.push(key);
      // Plain assignment is safe: "__proto__", the only inherited setter, was refused above.
      out[key] = walk((value as Record<string, unknown>)[rawKey]);
      path.pop();
    }
    return out;
  };
  try {
    return { data: walk(raw), problems };
  } catch (error) {
    if (error === STOP) return { data: undefined, problems };
    throw error;
  }
}

/** Turns a clean problem into an error with its line. */
export function cleanProblemError(file: string, problem: CleanProblem, locate: Locator, label: (path: readonly PropertyKey[]) => string): ContentError {
  if (problem.kind === "reserved") {
    const field = problem.path.length ? `${label(problem.path)}.${problem.key}` : problem.key;
    const line = locate.keyLine(problem.path, problem.key);
    return { file, ...(line !== undefined ? { line } : {}), field, ...explain("content.yaml.reservedKey", { key: problem.key }) };
  }
  // Name the top-level field where the limit was hit: that is what the editor can find.
  const top = problem.path.slice(0, 1);
  const line = top.length ? locate.keyLine([], String(top[0])) : 2;
  const explanation = problem.kind === "tooDeep" ? explain("content.yaml.tooDeep", { limit: LIMITS.yamlDepth }) : explain("content.yaml.tooManyValues", { limit: LIMITS.yamlValues });
  return { file, ...(line !== undefined ? { line } : {}), ...(top.length ? { field: String(top[0]) } : {}), ...explanation };
}

/**
 * The published-URL record: every article URL the site has published, with
 * the short code printed in its QR code. Committed to git
 * (`published-urls.json`), so the build can tell when a change would break a
 * link on paper, and so a short code never changes once assigned — whatever
 * happens to the article's title, file name, folder or URL later.
 *
 * A URL counts as published once a deploy published it: only the deploying
 * build (CI on the main branch, `--record-published`) writes the record, and
 * CI commits it back. Every other build — an editor's, a pull request's —
 * only checks it: new articles are not an error (they get the same
 * deterministic short code the deploy will record), only a change that
 * breaks an already published URL is. So editors never run Node to keep the
 * record current, and a URL no deploy published (a draft, an article renamed
 * before it went out) is never protected.
 *
 * An article keeps its entry by keeping every URL the entry lists resolving:
 * as its canonical URL or as one of its `aliases`. A renamed article
 * therefore needs its old URL as an alias, which is what keeps old links
 * working anyway; the build says so when it is missing.
 *
 * The record comes from many hands, so it is untrusted input: its shape,
 * every URL in it and every text field are checked and bounded, and errors
 * name the entry's line and never quote more than the offending value.
 * This module is pure; reading and writing the file is ledger-file.ts.
 */
import { z } from "zod";
import type { Article } from "../content/article.ts";
import { showValue, type ContentError } from "../content/errors.ts";
import { explain, tIn } from "../messages/index.ts";
import { isShortCode, newShortCode, shortPath } from "./short-code.ts";

export const LEDGER_FILE = "published-urls.json";

/**
 * Largest record accepted: an entry takes about 300 bytes, so 256 MiB holds
 * some 800,000 articles — far beyond one deployment (docs: national scale is
 * sharded), far below what would exhaust memory when parsed.
 */
export const LEDGER_MAX_BYTES = 256 * 1024 * 1024;
/** Limits on one entry's fields. */
export const LEDGER_LIMITS = { urlLength: 500, urls: 100, title: 1000, withdrawn: 2000, about: 10_000 } as const;
/** A damaged record is restored from git, not fixed entry by entry: past this many, errors are summarised. */
const MAX_REPORTED_ERRORS = 50;

/** Same rule as an article's aliases (parse-article.ts): a recorded URL must be one an alias can keep alive. */
const SAFE_PATH = /^\/(?:[A-Za-z0-9._~-]+\/)*[A-Za-z0-9._~-]*$/;
// Control characters (tab and newline allowed) have no place in a title or a reason shown to readers.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** True for a URL path the record may hold: no `//`, no `.`/`..` parts, no spaces or other characters, bounded. */
export function isSafeRecordedUrl(url: string): boolean {
  return url.length <= LEDGER_LIMITS.urlLength && SAFE_PATH.test(url) && !url.split("/").some((part) => part === "." || part === "..");
}

const text = (max: number) => z.string().min(1).max(max).refine((s) => !CONTROL.test(s));

const entrySchema = z.strictObject({
  code: z.string().refine(isShortCode),
  /** Every canonical URL the article has had, oldest first. */
  urls: z.array(z.string().refine(isSafeRecordedUrl)).min(1).max(LEDGER_LIMITS.urls),
  /** Title when first published, for people reading diffs and for the withdrawn page. */
  title: text(LEDGER_LIMITS.title).optional(),
  /** Set by an editor when an article is removed on purpose: shown to readers of old links. */
  withdrawn: text(LEDGER_LIMITS.withdrawn).optional(),
});

const ledgerSchema = z.strictObject({
  about: z.string().max(LEDGER_LIMITS.about).optional(),
  entries: z.array(entrySchema),
  // Person pages (src/people/person-record.ts checks and plans this list; it only passes through here).
  people: z.array(z.unknown()).optional(),
});

export type LedgerEntry = z.output<typeof entrySchema>;
export interface Ledger {
  readonly entries: readonly LedgerEntry[];
  /** The record's `people` list, unchecked: src/people/person-record.ts owns it. */
  readonly people?: readonly unknown[];
}

export const EMPTY_LEDGER: Ledger = { entries: [] };

type JsonPath = readonly (string | number)[];

/**
 * Source lines of values in valid JSON text, by path, in one pass.
 *
 * Hand-written because the libraries that give JSON positions build a tree
 * of the whole document first: measured on a 100,000-entry record (16 MB),
 * yaml's parseDocument took 81 s and jsonc-parser's parseTree 5.7 s on this
 * machine (both under load), and both overflow the stack on deeply nested
 * input; this scan keeps only the current path, so it is linear, iterative
 * and cheap. It only runs on the error path, after JSON.parse accepted the
 * text.
 */
export function jsonLines(text: string, paths: readonly JsonPath[]): (number | undefined)[] {
  const wanted = new Map<string, number[]>();
  let deepest = 0;
  paths.forEach((p, i) => {
    const key = p.join("\u0001");
    wanted.set(key, [...(wanted.get(key) ?? []), i]);
    deepest = Math.max(deepest, p.length);
  });
  const lines: (number | undefined)[] = paths.map(() => undefined);
  const kinds: ("object" | "array")[] = [];
  const keys: (string | number)[] = [];
  const expectKey: boolean[] = [];
  let line = 1;
  const mark = (): void => {
    if (kinds.length > deepest) return;
    for (const i of wanted.get(keys.slice(0, kinds.length).join("\u0001")) ?? []) lines[i] ??= line;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "\n") line++;
    if (c === "\n" || c === " " || c === "\t" || c === "\r" || c === ":") continue;
    const top = kinds.length - 1;
    if (c === ",") {
      if (kinds[top] === "array") keys[top] = (keys[top] as number) + 1;
      else expectKey[top] = true;
    } else if (c === "}" || c === "]") {
      kinds.pop();
      keys.pop();
      expectKey.pop();
    } else if (c === '"') {
      let end = i + 1;
      while (end < text.length && text[end] !== '"') end += text[end] === "\\" ? 2 : 1;
      if (kinds[top] === "object" && expectKey[top]) {
        keys[top] = JSON.parse(text.slice(i, end + 1)) as string;
        expectKey[top] = false;
      } else mark();
      i = end;
    } else {
      mark();
      if (c === "{" || c === "[") {
        kinds.push(c === "{" ? "object" : "array");
        keys.push(c === "{" ? "" : 0);
        expectKey.push(c === "{");
      } else while (i + 1 < text.length && !/[\s,\]}]/.test(text[i + 1]!)) i++;
    }
  }
  return lines;
}

/** A value as an error shows it: text and numbers (truncated), never a structure (which could be huge or deeply nested). */
function shownValue(value: unknown): { value?: string } {
  if (typeof value === "string") return { value: showValue(value) };
  if (typeof value === "number" || typeof value === "boolean") return { value: String(value) };
  return {};
}

/** "entries[3].urls[0]" for an issue path. */
function fieldLabel(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === "number" ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`)).join("");
}

function valueAt(json: unknown, path: readonly PropertyKey[]): unknown {
  let value = json;
  for (const key of path) value = value !== null && typeof value === "object" ? (value as Record<PropertyKey, unknown>)[key] : undefined;
  return value;
}

/** Line and column of a JSON.parse error, from V8's "at position N" or "(line L column C)". */
function syntaxPosition(source: string, error: unknown): { line: number; column: number } {
  const message = error instanceof Error ? error.message : "";
  const lc = /\(line (\d+) column (\d+)\)/.exec(message);
  if (lc) return { line: Number(lc[1]), column: Number(lc[2]) };
  const at = /at position (\d+)/.exec(message);
  const offset = at ? Number(at[1]) : source.length;
  const before = source.slice(0, offset);
  const lineStart = before.lastIndexOf("\n") + 1;
  return { line: before.split("\n").length, column: offset - lineStart + 1 };
}

/** The path whose line an issue is reported at: an unknown field's own, else the value's. */
function issuePath(issue: z.core.$ZodIssue): JsonPath {
  const path = issue.path.filter((p): p is string | number => typeof p === "string" || typeof p === "number");
  return issue.code === "unrecognized_keys" ? [...path, issue.keys[0] ?? ""] : path;
}

/** One schema issue as an editor's error: which entry, which field, only the offending value. */
function issueError(issue: z.core.$ZodIssue, json: unknown, line: number | undefined): ContentError {
  const path = issue.path.filter((p): p is string | number => typeof p === "string" || typeof p === "number");
  const at = { file: LEDGER_FILE, line };
  const last = path[path.length - 1];
  if (issue.code === "unrecognized_keys") {
    const field = issue.keys.map((k) => fieldLabel([...path, k])).join(", ");
    return { ...at, field, ...explain("ledger.unknownField", { field }) };
  }
  const field = fieldLabel(path);
  if (path.length === 0 || (path.length === 1 && last === "entries")) return { ...at, ...(field ? { field } : {}), ...explain("ledger.notObject") };
  const shown = shownValue(valueAt(json, path));
  if (path.length === 2) return { ...at, field, ...explain("ledger.badEntry") };
  if (last === "code") return { ...at, field, ...shown, ...explain("ledger.badCode") };
  if (last === "urls") return { ...at, field, ...explain("ledger.badUrls", { limit: LEDGER_LIMITS.urls }) };
  if (typeof last === "number" && path[path.length - 2] === "urls") return { ...at, field, ...shown, ...explain("ledger.badUrl", { limit: LEDGER_LIMITS.urlLength }) };
  const limit = last === "title" ? LEDGER_LIMITS.title : last === "about" ? LEDGER_LIMITS.about : LEDGER_LIMITS.withdrawn;
  return { ...at, field, ...shown, ...explain("ledger.badText", { limit }) };
}

/** The first errors, and how many more there are. */
function capErrors(errors: readonly ContentError[], total: number): ContentError[] {
  if (total <= MAX_REPORTED_ERRORS) return [...errors];
  return [...errors.slice(0, MAX_REPORTED_ERRORS), { file: LEDGER_FILE, ...explain("ledger.moreErrors", { count: total - MAX_REPORTED_ERRORS }) }];
}

/**
 * Parses and checks the record's text: shape, codes, URLs, text fields, and
 * that no code or URL appears in two entries. Errors name the entry's line
 * and show only the offending value.
 */
export function parseLedger(source: string): { ledger: Ledger } | { errors: ContentError[] } {
  const body = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (error) {
    const { line, column } = syntaxPosition(body, error);
    return { errors: [{ file: LEDGER_FILE, line, ...explain("ledger.notJson", { column }) }] };
  }
  const parsed = ledgerSchema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, MAX_REPORTED_ERRORS + 1);
    const lines = jsonLines(body, issues.map(issuePath));
    const errors = issues.map((issue, i) => issueError(issue, json, lines[i]));
    return { errors: capErrors(errors, parsed.error.issues.length) };
  }

  // A code or URL listed twice: [path of the repeat, path of the first].
  const repeats: { kind: "code" | "url"; value: string; at: JsonPath; first: JsonPath }[] = [];
  const codeAt = new Map<string, number>();
  const urlAt = new Map<string, number>();
  parsed.data.entries.forEach((entry, i) => {
    const first = codeAt.get(entry.code);
    if (first !== undefined) repeats.push({ kind: "code", value: entry.code, at: ["entries", i, "code"], first: ["entries", first, "code"] });
    else codeAt.set(entry.code, i);
    entry.urls.forEach((url, j) => {
      const other = urlAt.get(url);
      if (other !== undefined && other !== i) repeats.push({ kind: "url", value: url, at: ["entries", i, "urls", j], first: ["entries", other] });
      else urlAt.set(url, i);
    });
  });
  if (repeats.length === 0) return { ledger: { entries: parsed.data.entries, ...(parsed.data.people ? { people: parsed.data.people } : {}) } };
  const shown = repeats.slice(0, MAX_REPORTED_ERRORS + 1);
  const lines = jsonLines(body, shown.flatMap((r) => [r.at, r.first]));
  const errors = shown.map((r, i): ContentError => {
    const at = { file: LEDGER_FILE, line: lines[2 * i], field: fieldLabel(r.at) };
    const line = lines[2 * i + 1] ?? 0;
    return r.kind === "code" ? { ...at, ...explain("ledger.duplicateCode", { code: r.value, line }) } : { ...at, ...explain("ledger.duplicateUrl", { url: r.value, line }) };
  });
  return { errors: capErrors(errors, repeats.length) };
}

/**
 * Stable text form: entries sorted by first URL, so diffs are small and
 * builds reproducible. The header is in both languages and never depends on
 * the language messages are shown in, so every build writes the same bytes.
 */
export function serializeLedger(ledger: Ledger): string {
  const entries = [...ledger.entries]
    .sort((a, b) => (a.urls[0]! < b.urls[0]! ? -1 : a.urls[0]! > b.urls[0]! ? 1 : a.code < b.code ? -1 : 1))
    .map((e) => ({ code: e.code, urls: e.urls, ...(e.title ? { title: e.title } : {}), ...(e.withdrawn ? { withdrawn: e.withdrawn } : {}) }));
  const about = `${tIn("vi", "ledger.about")} / ${tIn("en", "ledger.about")}`;
  return `${JSON.stringify({ about, entries, ...(ledger.people ? { people: ledger.people } : {}) }, null, 2)}\n`;
}

/** The outcome of matching the articles against the record. */
export interface LinkPlan {
  /** Short codes of each article, its primary (oldest) code first. New articles get the code a deploy will record. */
  readonly codesOf: ReadonlyMap<Article, readonly string[]>;
  /** Entries withdrawn on purpose: their URLs and codes lead to an explanation page. */
  readonly withdrawn: readonly LedgerEntry[];
  /** The record as a deploy of this content would leave it (new articles added, moves recorded). */
  readonly ledger: Ledger;
  /** True when a deploy of this content would change the record. */
  readonly changed: boolean;
  /** Articles not in the record yet (a deploy records them). */
  readonly added: number;
  /** Recorded articles whose canonical URL changed, with the old one kept as an alias (a deploy records the new URL). */
  readonly moved: number;
  /** Published URLs this content would break. */
  readonly errors: readonly ContentError[];
}

/**
 * Matches articles to the record, assigns codes to new articles and reports
 * every previously published URL that would stop resolving.
 *
 * Codes of new articles depend only on their URLs and the codes already
 * recorded, so a pull request's build, an editor's build and the deploying
 * build of the same content give every article the same code.
 * @param ledgerText the record's text, for line numbers in errors
 */
export function planLinks(articles: readonly Article[], ledger: Ledger, ledgerText = ""): LinkPlan {
  const resolves = new Map<string, Article>();
  for (const a of articles) {
    resolves.set(a.url, a);
    for (const alias of a.aliases) if (!resolves.has(alias)) resolves.set(alias, a);
  }
  const codesOf = new Map<Article, string[]>();
  const withdrawn: LedgerEntry[] = [];
  const errors: ContentError[] = [];
  const entries: LedgerEntry[] = [];
  const lost: { entry: LedgerEntry; index: number }[] = [];
  let moved = 0;

  ledger.entries.forEach((entry, index) => {
    if (entry.withdrawn) {
      withdrawn.push(entry);
      entries.push(entry);
      return;
    }
    const targets = entry.urls.map((url) => resolves.get(url));
    const found = targets.find((t): t is Article => t !== undefined);
    const shortLink = shortPath(entry.code);
    if (!found) {
      lost.push({ entry, index });
      entries.push(entry);
      return;
    }
    entry.urls.forEach((url, i) => {
      const target = targets[i];
      if (target === undefined) {
        errors.push({ file: found.sourcePath, field: "aliases", ...explain("ledger.urlWouldBreak", { url, shortLink, file: found.sourcePath }) });
      } else if (target !== found) {
        errors.push({ file: target.sourcePath, ...explain("ledger.urlTaken", { url, other: found.sourcePath, shortLink }) });
      }
    });
    const codes = codesOf.get(found) ?? [];
    codes.push(entry.code);
    codesOf.set(found, codes);
    if (!entry.urls.includes(found.url)) {
      entries.push({ ...entry, urls: [...entry.urls, found.url] });
      moved++;
    } else entries.push(entry);
  });

  const fresh = articles.filter((a) => !codesOf.has(a)).sort((a, b) => (a.url < b.url ? -1 : 1));
  // Lines of the lost entries: found directly in the file as serializeLedger writes it, else by one scan.
  const fast = lost.map(({ entry }) => lineOfCode(ledgerText, entry.code));
  const slow = fast.some((l) => l === undefined) && ledgerText ? jsonLines(ledgerText.replace(/^\ufeff/, ""), lost.map(({ index }) => ["entries", index, "code"])) : [];
  for (const [k, { entry }] of lost.entries()) {
    const last = entry.urls[entry.urls.length - 1]!;
    // A renamed article shows up as a new one; the likeliest candidates share the province and year.
    const prefix = last.split("/").slice(0, 3).join("/");
    const candidates = fresh.filter((a) => a.url.startsWith(`${prefix}/`)).slice(0, 3);
    errors.push({
      file: LEDGER_FILE,
      line: fast[k] ?? slow[k],
      ...explain("ledger.articleGone", { url: last, shortLink: shortPath(entry.code), title: entry.title ?? "", candidates: candidates.map((c) => c.sourcePath).join(" / ") }),
    });
  }
  const taken = new Set(ledger.entries.map((e) => e.code));
  for (const article of fresh) {
    const code = newShortCode(article.url, taken);
    taken.add(code);
    codesOf.set(article, [code]);
    entries.push({ code, urls: [article.url], title: article.title.slice(0, LEDGER_LIMITS.title) });
  }
  return { codesOf, withdrawn, ledger: { entries }, changed: moved + fresh.length > 0, added: fresh.length, moved, errors };
}

/** Fast path for the file as serializeLedger writes it (one `"code": "…"` per entry, codes unique). */
function lineOfCode(source: string, code: string): number | undefined {
  const at = source.indexOf(`"code": "${code}"`);
  return at < 0 ? undefined : source.slice(0, at).split("\n").length;
}

/** What merging a deploy's record into the record on the main branch did. */
export interface LedgerMerge {
  readonly ledger: Ledger;
  /** Entries of the deploy that main did not have. */
  readonly added: number;
  /** Entries main had to which the deploy added URLs (recorded moves). */
  readonly extended: number;
  /** URLs main already records under another code (main's code is kept), as editor-facing notes. */
  readonly notes: readonly string[];
}

/**
 * Adds what a deploy recorded to the record now on the main branch, for the
 * commit-back after a deploy when someone pushed in between. Main's entries
 * win (an editor may have withdrawn one meanwhile); the deploy only adds
 * entries and URLs, and never a URL main records under another code.
 */
export function mergeLedgers(main: Ledger, deployed: Ledger, lang: "vi" | "en"): LedgerMerge {
  const entries = main.entries.map((e) => ({ ...e, urls: [...e.urls] }));
  const byCode = new Map(entries.map((e) => [e.code, e]));
  const owner = new Map<string, string>();
  for (const e of entries) for (const url of e.urls) owner.set(url, e.code);
  const notes: string[] = [];
  let added = 0;
  let extended = 0;
  for (const entry of deployed.entries) {
    const target = byCode.get(entry.code);
    const urls = entry.urls.filter((url) => {
      const code = owner.get(url);
      if (code !== undefined && code !== entry.code) notes.push(tIn(lang, "ledger.mergeKept", { url, ours: entry.code, theirs: code }));
      return code === undefined;
    });
    if (target) {
      if (urls.length > 0) extended++;
      target.urls.push(...urls);
    } else if (urls.length > 0) {
      const fresh = { ...entry, urls };
      entries.push(fresh);
      byCode.set(fresh.code, fresh);
      added++;
    }
    for (const url of urls) owner.set(url, entry.code);
  }
  return { ledger: { entries }, added, extended, notes };
}

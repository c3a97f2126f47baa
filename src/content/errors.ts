/**
 * Content errors: what an editor sees when an article is rejected, or
 * warned about.
 *
 * Each error names the file, the line where known, the field, the bad value,
 * what was expected and how to fix it. The build collects them all and prints
 * them together, so one run shows every problem in every file.
 *
 * Severity: an "error" (the default) stops the build; a "warning" is a likely
 * mistake or a file under content/ that is not published (a notice). The
 * loader returns warnings in their own list, so code that fails on
 * `errors.length > 0` never fails on a warning.
 */

import { editDistance } from "../edit-distance.ts";
import { t } from "../messages/index.ts";

export type Severity = "error" | "warning";

export interface ContentError {
  /** The message's key in the catalogue (src/messages/), when it comes from there: stable across languages. */
  readonly code?: string;
  /** "warning" for warnings and notices; absent means "error". */
  readonly severity?: Severity;
  /** Path relative to the project root, POSIX separators ("content/gia-lai/x.md"). */
  readonly file: string;
  /** 1-based line in the file, when known. */
  readonly line?: number;
  /** Field path in front matter ("officials[2].honorific"), when the error is about one. */
  readonly field?: string;
  /** The offending value as the editor wrote it (truncated for display). */
  readonly value?: string;
  /** What is wrong, in one sentence. */
  readonly message: string;
  /** What was expected instead. */
  readonly expected?: string;
  /** How to fix it. */
  readonly fix?: string;
}

const SHOWN = 120;

/**
 * Shows a value compactly for an error message. Bounded: it never
 * serialises more than about {@link SHOWN} characters of a value, however
 * large or deeply nested (front matter can be hostile).
 */
export function showValue(value: unknown): string {
  if (value === undefined) return t("general.missingValue");
  let budget = SHOWN + 1;
  const out: string[] = [];
  const emit = (text: string): void => {
    const piece = text.slice(0, Math.max(0, budget));
    out.push(piece);
    budget -= piece.length;
  };
  const walk = (v: unknown): void => {
    if (budget <= 0) return;
    if (typeof v === "string") emit(JSON.stringify(v.length > SHOWN ? v.slice(0, SHOWN + 1) : v));
    else if (Array.isArray(v)) {
      emit("[");
      for (let i = 0; i < v.length && budget > 0; i++) {
        if (i > 0) emit(",");
        walk(v[i]);
      }
      emit("]");
    } else if (v !== null && typeof v === "object") {
      emit("{");
      let first = true;
      for (const key in v) {
        if (budget <= 0) break;
        if (!Object.hasOwn(v, key)) continue;
        if (!first) emit(",");
        first = false;
        emit(`${JSON.stringify(key)}:`);
        walk((v as Record<string, unknown>)[key]);
      }
      emit("}");
    } else emit(String(v));
  };
  walk(value);
  const text = out.join("");
  return budget <= 0 ? `${text.slice(0, SHOWN - 3)}…` : text;
}

// Control characters (ESC starts terminal escape sequences) from file names or
// values must not reach a terminal or a CI log as themselves.
const CONTROL = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/g;
const LINE_BREAK = /[\n\u2028\u2029]/g;
const escapeControl = (c: string): string => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`;

/** Text safe to print: control characters shown as \uXXXX (line breaks too, unless `multiLine`). */
export function printable(text: string, multiLine = false): string {
  const shown = text.replace(CONTROL, escapeControl);
  return multiLine ? shown : shown.replace(LINE_BREAK, escapeControl);
}

/** One error as a multi-line block: `file:line: field: message` then expected/fix lines; warnings are labelled. */
export function formatContentError(error: ContentError): string {
  const where = `${printable(error.file)}${error.line ? `:${error.line}` : ""}`;
  const severity = error.severity === "warning" ? ` ${t("content.warningLabel")}:` : "";
  const field = error.field ? ` ${printable(error.field)}:` : "";
  const value = error.value !== undefined ? ` (${t("general.gotLabel")} ${printable(error.value)})` : "";
  const lines = [`${where}:${severity}${field} ${printable(error.message)}${value}`];
  if (error.expected) lines.push(`    ${t("general.expectedLabel")}: ${printable(error.expected, true)}`);
  if (error.fix) lines.push(`    ${t("general.fixLabel")}: ${printable(error.fix, true)}`);
  return lines.join("\n");
}

function byPlace(a: ContentError, b: ContentError): number {
  return a.file === b.file ? (a.line ?? 0) - (b.line ?? 0) : a.file < b.file ? -1 : 1;
}

/** All errors, sorted by file then line, with a count header. */
export function formatContentErrors(errors: readonly ContentError[]): string {
  const sorted = [...errors].sort(byPlace);
  const files = new Set(sorted.map((e) => e.file)).size;
  const header = t("general.errorSummary", { errors: sorted.length, files });
  return [header, ...sorted.map(formatContentError)].join("\n");
}

/** All warnings and notices, sorted by file then line, with a count header ("" when there are none). */
export function formatContentWarnings(warnings: readonly ContentError[]): string {
  if (warnings.length === 0) return "";
  const sorted = [...warnings].sort(byPlace);
  const files = new Set(sorted.map((e) => e.file)).size;
  return [t("content.warningSummary", { warnings: sorted.length, files }), ...sorted.map(formatContentError)].join("\n");
}

/** Thrown by the build when content is invalid; carries every error (and the warnings found on the way, shown after them). */
export class ContentValidationError extends Error {
  constructor(
    readonly errors: readonly ContentError[],
    readonly warnings: readonly ContentError[] = [],
  ) {
    super([formatContentErrors(errors), formatContentWarnings(warnings)].filter(Boolean).join("\n\n"));
    this.name = "ContentValidationError";
  }
}

/** Closest candidate within a small distance (case-insensitive), or undefined. */
export function closest(input: string, candidates: readonly string[], maxDistance = 3): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  const needle = input.toLowerCase();
  for (const candidate of candidates) {
    const d = editDistance(needle, candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return bestDistance <= Math.min(maxDistance, Math.max(1, Math.floor(input.length / 2))) ? best : undefined;
}

/**
 * Content errors: what an editor sees when an article is rejected.
 *
 * Each error names the file, the line where known, the field, the bad value,
 * what was expected and how to fix it. The build collects them all and prints
 * them together, so one run shows every problem in every file.
 */

import { editDistance } from "../edit-distance.ts";
import { t } from "../messages/index.ts";

export interface ContentError {
  /** The message's key in the catalogue (src/messages/), when it comes from there: stable across languages. */
  readonly code?: string;
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

/** Shows a value compactly for an error message. */
export function showValue(value: unknown): string {
  let text: string;
  if (typeof value === "string") text = JSON.stringify(value);
  else if (value === undefined) text = t("general.missingValue");
  else {
    try {
      text = JSON.stringify(value) ?? String(value);
    } catch {
      text = String(value);
    }
  }
  return text.length > 120 ? `${text.slice(0, 117)}…` : text;
}

/** One error as a multi-line block: `file:line: field: message` then expected/fix lines. */
export function formatContentError(error: ContentError): string {
  const where = `${error.file}${error.line ? `:${error.line}` : ""}`;
  const field = error.field ? ` ${error.field}:` : "";
  const value = error.value !== undefined ? ` (${t("general.gotLabel")} ${error.value})` : "";
  const lines = [`${where}:${field} ${error.message}${value}`];
  if (error.expected) lines.push(`    ${t("general.expectedLabel")}: ${error.expected}`);
  if (error.fix) lines.push(`    ${t("general.fixLabel")}: ${error.fix}`);
  return lines.join("\n");
}

/** All errors, sorted by file then line, with a count header. */
export function formatContentErrors(errors: readonly ContentError[]): string {
  const sorted = [...errors].sort((a, b) => (a.file === b.file ? (a.line ?? 0) - (b.line ?? 0) : a.file < b.file ? -1 : 1));
  const files = new Set(sorted.map((e) => e.file)).size;
  const header = t("general.errorSummary", { errors: sorted.length, files });
  return [header, ...sorted.map(formatContentError)].join("\n");
}

/** Thrown by the build when content is invalid; carries every error. */
export class ContentValidationError extends Error {
  constructor(readonly errors: readonly ContentError[]) {
    super(formatContentErrors(errors));
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

/**
 * How `npm run check` prints its report:
 *
 * - `text` (default): the build's error list (file:line: field: message,
 *   then what is expected and how to fix it), then the warnings, labelled
 *   as such, then one summary line.
 * - `github`: one GitHub Actions workflow command per problem
 *   (`::error file=…,line=…,title=…::…`, `::warning …`), which GitHub shows
 *   on the pull request's lines, then the summary line.
 * - `json`: one JSON array of problems, nothing else (README documents the
 *   fields; they are stable, the `code` is the catalogue key, the texts are
 *   in the chosen language).
 *
 * File names and values come from content, so nothing an editor wrote can
 * forge output: control characters are shown as \uXXXX in text and
 * annotations (src/content/errors.ts, printable), annotation fields are
 * escaped as GitHub requires (% CR LF, and : , in properties), and JSON is
 * JSON.stringify's.
 */
import { formatContentErrors, formatContentWarnings, printable, type ContentError } from "../content/errors.ts";
import { t } from "../messages/index.ts";
import type { CheckReport } from "./run-check.ts";

export const CHECK_FORMATS = ["text", "github", "json"] as const;
export type CheckFormat = (typeof CHECK_FORMATS)[number];

/** One problem in `--format json` (README: npm run check). Every field is always present; absent values are null. */
export interface JsonProblem {
  readonly severity: "error" | "warning";
  /** The message's key in the catalogue ("content.province.unknown", "check.warn.futureDate"): stable across languages and versions. */
  readonly code: string | null;
  /** Path relative to the project root, with / separators. */
  readonly file: string;
  /** 1-based line in the file. */
  readonly line: number | null;
  /** Front-matter field ("province", "officials #2.role"). */
  readonly field: string | null;
  /** The value as written, shortened. */
  readonly value: string | null;
  readonly message: string;
  readonly expected: string | null;
  readonly fix: string | null;
}

const isWarning = (p: ContentError): boolean => p.severity === "warning";

/** Which files were reported on: all, the files named, or those of the commit being made (--staged). */
export type Scope = { readonly kind: "all" } | { readonly kind: "named" | "staged"; readonly count: number };

function summary(report: CheckReport, scope: Scope): string {
  const errors = report.problems.filter((p) => !isWarning(p)).length;
  const warnings = report.problems.length - errors;
  const files = report.articleCount;
  const lines = [errors > 0 ? t("check.summary.errors", { files, errors, warnings }) : warnings > 0 ? t("check.summary.warnings", { files, warnings }) : t("check.summary.clean", { files })];
  if (scope.kind === "named") lines.push(t("check.summary.someFiles", { named: scope.count, files }));
  if (scope.kind === "staged") lines.push(t("check.summary.staged", { named: scope.count, files }));
  if (report.otherErrors > 0) lines.push(t("check.summary.otherErrors", { errors: report.otherErrors }));
  // git says nothing when a hook refuses a commit: the editor must read it here.
  if (scope.kind === "staged" && errors > 0) lines.push(t("check.staged.refused"));
  return lines.join("\n");
}

/** The readable list: errors, warnings, summary. */
export function formatText(report: CheckReport, scope: Scope = { kind: "all" }): string {
  const errors = report.problems.filter((p) => !isWarning(p));
  const warnings = report.problems.filter(isWarning);
  const blocks: string[] = [];
  if (errors.length > 0) blocks.push(formatContentErrors(errors));
  if (warnings.length > 0) blocks.push(formatContentWarnings(warnings));
  blocks.push(summary(report, scope));
  return `${blocks.join("\n\n")}\n`;
}

/** Escapes the message of a workflow command (GitHub Actions: %, CR, LF). */
export function escapeAnnotationData(text: string): string {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

/** Escapes a property of a workflow command (the message's escapes, and : and ,). */
export function escapeAnnotationProperty(text: string): string {
  return escapeAnnotationData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

/** One problem as a GitHub Actions annotation. */
export function annotation(problem: ContentError): string {
  const command = isWarning(problem) ? "warning" : "error";
  const label = t(isWarning(problem) ? "check.annotation.warning" : "check.annotation.error");
  const title = problem.field ? `${label}: ${printable(problem.field)}` : label;
  const properties = [`file=${escapeAnnotationProperty(printable(problem.file))}`, ...(problem.line ? [`line=${problem.line}`] : []), `title=${escapeAnnotationProperty(title)}`];
  const value = problem.value !== undefined ? ` (${t("general.gotLabel")} ${printable(problem.value)})` : "";
  // One line per part; each part's own line breaks are shown escaped, so the
  // annotation's lines are exactly these.
  const body = [`${printable(problem.message)}${value}`];
  if (problem.expected) body.push(`${t("general.expectedLabel")}: ${printable(problem.expected)}`);
  if (problem.fix) body.push(`${t("general.fixLabel")}: ${printable(problem.fix)}`);
  return `::${command} ${properties.join(",")}::${escapeAnnotationData(body.join("\n"))}`;
}

/** Every problem as an annotation, then the summary as plain lines. */
export function formatGithub(report: CheckReport, scope: Scope = { kind: "all" }): string {
  return `${[...report.problems.map(annotation), summary(report, scope)].join("\n")}\n`;
}

/** One problem in the documented JSON shape. */
export function jsonProblem(problem: ContentError): JsonProblem {
  return {
    severity: isWarning(problem) ? "warning" : "error",
    code: problem.code ?? null,
    file: problem.file,
    line: problem.line ?? null,
    field: problem.field ?? null,
    value: problem.value ?? null,
    message: problem.message,
    expected: problem.expected ?? null,
    fix: problem.fix ?? null,
  };
}

/** The JSON array, one problem per line (readable, and a diff of two runs is a diff of problems). */
export function formatJson(report: CheckReport): string {
  if (report.problems.length === 0) return "[]\n";
  return `[\n${report.problems.map((p) => `  ${JSON.stringify(jsonProblem(p))}`).join(",\n")}\n]\n`;
}

/** The report in `format`. */
export function formatReport(report: CheckReport, format: CheckFormat, scope: Scope = { kind: "all" }): string {
  if (format === "json") return formatJson(report);
  if (format === "github") return formatGithub(report, scope);
  return formatText(report, scope);
}

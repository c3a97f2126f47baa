/**
 * CSV for spreadsheets: RFC 4180 (fields in double quotes with quotes
 * doubled, CRLF between records) in UTF-8 with a byte-order mark, which is
 * what makes Excel read Vietnamese as UTF-8 instead of the Windows code page.
 *
 * Cells that a spreadsheet would run as a formula — text starting with
 * = + - @, a tab or a carriage return (also after leading spaces, and their
 * full-width forms) — are neutralised with a leading apostrophe, as OWASP
 * recommends for CSV injection: editor text can never become a formula.
 *
 * Hand-written rather than a library: writing is twenty lines (quoting is
 * one replace), the formula rule is ours to decide anyway, and the tests read
 * every file back with a real parser (csv-parse).
 */

export type CsvCell = string | number | undefined;

const BOM = "\uFEFF";
/** Characters that start a formula (ASCII and full-width), and tab/CR which some spreadsheets strip before looking. */
const FORMULA_START = /^[\s\u00A0]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]|^[\t\r]/u;

/** One cell: numbers as digits, text neutralised and quoted, absent values empty. */
export function csvCell(value: CsvCell): string {
  if (value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

/** A whole file: byte-order mark, header, rows, CRLF after every record. */
export function toCsv(header: readonly string[], rows: Iterable<readonly CsvCell[]>): string {
  const lines = [header.map(csvCell).join(",")];
  for (const row of rows) lines.push(row.map(csvCell).join(","));
  return `${BOM}${lines.join("\r\n")}\r\n`;
}

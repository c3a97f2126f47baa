/**
 * What the import command prints: a progress bar (on a terminal) and the
 * closing summary table. Pure string building; the command decides where
 * it goes.
 *
 * Hand-written rather than cli-progress / cli-table3: the bar is one line
 * redrawn with "\r" (18 lines here), must step aside for the per-file lines
 * printed above it, and must become plain lines when the output is not a
 * terminal (CI logs, `> file`); cli-progress' non-TTY mode instead repeats
 * the whole bar on a timer. The table is plain padded text so it reads the
 * same in a terminal, a log and an e-mail; Vietnamese text in NFC is one
 * column per code point, so padding by code points lines it up.
 */

const BAR_WIDTH = 24;

/** "[#########...............] 3/8 000_55f4.txt", cut to `columns`. */
export function progressBar(done: number, total: number, label: string, columns = 80): string {
  const filled = total === 0 ? BAR_WIDTH : Math.round((done / total) * BAR_WIDTH);
  const line = `[${"#".repeat(filled)}${".".repeat(BAR_WIDTH - filled)}] ${done}/${total} ${label}`;
  const chars = [...line];
  return chars.length > columns - 1 ? `${chars.slice(0, columns - 2).join("")}…` : line;
}

/** Width in terminal columns of NFC text (combining marks take none). */
function width(text: string): number {
  return [...text.normalize("NFC")].filter((c) => !/\p{M}/u.test(c)).length;
}

function pad(text: string, to: number): string {
  return text + " ".repeat(Math.max(0, to - width(text)));
}

/** A plain table: header, a rule, rows; columns padded to their widest cell. */
export function formatTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i] ?? ""))));
  const line = (cells: readonly string[]): string => cells.map((c, i) => (i === cells.length - 1 ? c : pad(c, widths[i] ?? 0))).join("  ").trimEnd();
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

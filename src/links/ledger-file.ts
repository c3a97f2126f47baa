/**
 * Reading and writing `published-urls.json` on disk. The file is untrusted
 * input (it comes from many hands through git): it must be a regular file —
 * never read or written through a symbolic link, which could point anywhere
 * on the machine — of bounded size, in UTF-8. The writer replaces it
 * atomically, so a killed deploy never leaves half a record.
 */
import { closeSync, constants, fstatSync, lstatSync, openSync, readFileSync, renameSync, rmSync, writeFileSync, type Stats } from "node:fs";
import path from "node:path";
import { ContentValidationError, type ContentError } from "../content/errors.ts";
import { explain } from "../messages/index.ts";
import { EMPTY_LEDGER, LEDGER_FILE, LEDGER_MAX_BYTES, parseLedger, serializeLedger, type Ledger } from "./ledger.ts";

const mib = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

function fileError(key: "ledger.symlink" | "ledger.notRegularFile" | "ledger.notUtf8"): ContentError {
  return { file: LEDGER_FILE, ...explain(key) };
}

function systemError(error: unknown): ContentError {
  const reason = (error as NodeJS.ErrnoException | undefined)?.code ?? "error";
  return { file: LEDGER_FILE, ...explain("ledger.unreadable", { reason }) };
}

function lstatOrUndefined(file: string): Stats | undefined {
  try {
    return lstatSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw new ContentValidationError([systemError(error)]);
  }
}

/** A symbolic link or anything but a regular file is refused, before reading and before writing. */
function checkKind(stats: Stats | undefined): void {
  if (stats?.isSymbolicLink()) throw new ContentValidationError([fileError("ledger.symlink")]);
  if (stats && !stats.isFile()) throw new ContentValidationError([fileError("ledger.notRegularFile")]);
}

/**
 * Reads and checks the published-URL record of a project. An absent file is
 * an empty record (a new site).
 * @throws ContentValidationError naming what is wrong with the file
 */
export function readLedger(rootDir: string): { ledger: Ledger; text: string } {
  return readLedgerFile(path.join(rootDir, LEDGER_FILE), { missing: "empty" });
}

/**
 * {@link readLedger} for callers that list a damaged record's errors with
 * the content's (the build, the preview): never throws for a bad record; an
 * empty record stands in for it.
 */
export function readLedgerOrErrors(rootDir: string): { ledger: Ledger; text: string; errors: readonly ContentError[] } {
  try {
    return { ...readLedger(rootDir), errors: [] };
  } catch (error) {
    if (error instanceof ContentValidationError) return { ledger: EMPTY_LEDGER, text: "", errors: error.errors };
    throw error;
  }
}

/**
 * Reads and checks a record at any path (CI's copy of what a deploy
 * recorded), with the same checks as the project's own.
 * @param options.missing "empty": an absent file is an empty record; "error": it is an error
 * @throws ContentValidationError naming what is wrong with the file
 */
export function readLedgerFile(file: string, options: { readonly missing: "empty" | "error" }): { ledger: Ledger; text: string } {
  const stats = lstatOrUndefined(file);
  if (!stats && options.missing === "error") throw new ContentValidationError([{ file: LEDGER_FILE, ...explain("ledger.unreadable", { reason: "ENOENT" }) }]);
  if (!stats) return { ledger: EMPTY_LEDGER, text: "" };
  checkKind(stats);
  let buffer: Buffer;
  let fd: number | undefined;
  try {
    // O_NOFOLLOW: a link swapped in after the check above is still refused. O_NONBLOCK: a FIFO cannot hang the build.
    fd = openSync(file, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0));
    const opened = fstatSync(fd);
    if (!opened.isFile()) throw new ContentValidationError([fileError("ledger.notRegularFile")]);
    if (opened.size > LEDGER_MAX_BYTES) throw new ContentValidationError([{ file: LEDGER_FILE, ...explain("ledger.tooLarge", { size: mib(opened.size), limit: mib(LEDGER_MAX_BYTES) }) }]);
    buffer = readFileSync(fd);
  } catch (error) {
    if (error instanceof ContentValidationError) throw error;
    if ((error as NodeJS.ErrnoException).code === "ELOOP") throw new ContentValidationError([fileError("ledger.symlink")]);
    throw new ContentValidationError([systemError(error)]);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(buffer);
  } catch {
    throw new ContentValidationError([fileError("ledger.notUtf8")]);
  }
  const parsed = parseLedger(text);
  if ("errors" in parsed) throw new ContentValidationError(parsed.errors);
  return { ledger: parsed.ledger, text };
}

/**
 * Writes the record atomically (a new file renamed over the old one), in its
 * stable form. Refuses to write through a symbolic link or over anything but
 * a regular file.
 * @throws ContentValidationError naming what is wrong with the file
 */
export function writeLedger(rootDir: string, ledger: Ledger): void {
  const file = path.join(rootDir, LEDGER_FILE);
  checkKind(lstatOrUndefined(file));
  const temporary = path.join(rootDir, `.${LEDGER_FILE}.tmp-${process.pid}`);
  try {
    // Removes a leftover of a killed run (rm unlinks a link itself, never its target); "wx" never follows one.
    rmSync(temporary, { force: true });
    writeFileSync(temporary, serializeLedger(ledger), { flag: "wx", mode: 0o644 });
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw new ContentValidationError([systemError(error)]);
  }
}

/**
 * The command line of `npm run check`, as a pure function: what to run, or
 * what to print and the exit code (help: stdout, 0; a wrong option: the
 * problem and the usage on stderr, 2 — never a stack trace), every word from
 * the message catalogue in the language chosen by `--lang` or the locale.
 *
 * The shared argument helper for every script (src/cli/, in progress on its
 * own branch) does the same for commands without file arguments; this
 * command takes file names, so it uses node:util parseArgs directly with the
 * same behaviour, until the shared helper accepts them.
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { closest } from "../content/errors.ts";
import { LANGS, getLanguage, parseLang, resolveLanguage, setLanguage, t, type Lang } from "../messages/index.ts";
import { CHECK_FORMATS, type CheckFormat } from "./format.ts";

export interface CheckCommand {
  readonly format: CheckFormat;
  readonly staged: boolean;
  /** Absolute project folder. */
  readonly rootDir: string;
  readonly cache: boolean;
  /** File arguments as typed (relative to the working folder). */
  readonly files: readonly string[];
}

export type CheckCommandLine =
  | { readonly ok: true; readonly command: CheckCommand; readonly lang: Lang }
  | { readonly ok: false; readonly exitCode: 0 | 2; readonly stdout: string; readonly stderr: string; readonly lang: Lang };

const OPTIONS = {
  format: { type: "string" },
  staged: { type: "boolean" },
  root: { type: "string" },
  "no-cache": { type: "boolean" },
  lang: { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;

const isLang = (value: string | undefined): value is Lang => value !== undefined && (LANGS as readonly string[]).includes(value) && parseLang(value) !== undefined;

/** Parses the arguments after `npm run check --`. */
export function parseCheckCommandLine(argv: readonly string[], cwd: string = process.cwd(), env: NodeJS.ProcessEnv = process.env): CheckCommandLine {
  const { tokens } = parseArgs({ args: [...argv], options: OPTIONS, strict: false, allowPositionals: true, tokens: true });
  // The language first, so that every other message is in it.
  const langToken = tokens.filter((tk) => tk.kind === "option" && tk.name === "lang").pop();
  const langValue = langToken?.kind === "option" ? langToken.value : undefined;
  const lang = resolveLanguage(isLang(langValue) ? langValue : undefined, env);
  const previous = getLanguage();
  setLanguage(lang);
  try {
    const problems: string[] = [];
    let format: CheckFormat = "text";
    let staged = false;
    let root: string | undefined;
    let cache = true;
    let help = false;
    const files: string[] = [];
    let afterTerminator = false;
    // "-format" reaches parseArgs as -f -o -r…: reported once, as typed.
    const reportedIndex = new Set<number>();
    for (const token of tokens) {
      if (token.kind === "option-terminator") {
        afterTerminator = true;
        continue;
      }
      if (token.kind === "positional") {
        files.push(token.value);
        continue;
      }
      if (afterTerminator) continue;
      const name = token.name;
      if (!(name in OPTIONS) || (!token.rawName.startsWith("--") && name !== "help")) {
        if (reportedIndex.has(token.index)) continue;
        reportedIndex.add(token.index);
        const typed = (argv[token.index] ?? token.rawName).split("=")[0] ?? token.rawName;
        const suggestion = closest(typed.replace(/^-+/, ""), Object.keys(OPTIONS));
        problems.push(`${t("check.unknownOption", { option: typed })}${suggestion ? ` — --${suggestion}?` : ""}`);
        continue;
      }
      const spec = OPTIONS[name as keyof typeof OPTIONS];
      if (spec.type === "boolean") {
        if (token.value !== undefined) problems.push(t("check.unknownOption", { option: `${token.rawName}=${token.value}` }));
        else if (name === "help") help = true;
        else if (name === "staged") staged = true;
        else if (name === "no-cache") cache = false;
        continue;
      }
      // "--root --staged": parseArgs takes the next option as the value; the editor meant a missing value.
      const value = token.value === undefined || (!token.inlineValue && token.value.startsWith("-")) ? undefined : token.value;
      if (value === undefined || value === "") {
        problems.push(t("check.missingValue", { option: token.rawName }));
        continue;
      }
      if (name === "format") {
        if ((CHECK_FORMATS as readonly string[]).includes(value)) format = value as CheckFormat;
        else problems.push(t("check.badFormat", { value }));
      } else if (name === "lang") {
        if (!isLang(value)) problems.push(t("check.badLang", { value }));
      } else if (name === "root") root = value;
    }
    if (staged && files.length > 0) problems.push(t("check.filesWithStaged"));
    if (help) return { ok: false, exitCode: 0, stdout: `${t("check.usage")}\n`, stderr: "", lang };
    if (problems.length > 0) {
      const stderr = `${problems.map((p) => t("check.badArgs", { detail: p })).join("\n")}\n\n${t("check.usage")}\n`;
      return { ok: false, exitCode: 2, stdout: "", stderr, lang };
    }
    return { ok: true, command: { format, staged, rootDir: path.resolve(cwd, root ?? "."), cache, files }, lang };
  } finally {
    setLanguage(previous);
  }
}

/**
 * The command line of `npm run check`, as a pure function: what to run, or
 * what to print and the exit code (help: stdout, 0; a wrong option: the
 * problem and the usage on stderr, 2 — never a stack trace), every word from
 * the message catalogue in the language chosen by `--lang` or the locale.
 * The shared argument handling of every script (src/cli/command-line.ts)
 * does the parsing; this adds the one rule of its own (files or --staged).
 */
import path from "node:path";
import { defineCommand, parseCommandLine, usage } from "../cli/command-line.ts";
import { getLanguage, setLanguage, t, type Lang } from "../messages/index.ts";
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

export const CHECK_COMMAND = defineCommand({
  invocation: "npm run check --",
  summary: "check.usage",
  usageText: "check.usage",
  positionals: {},
  options: {
    format: { type: "string", choices: CHECK_FORMATS, default: "text" },
    staged: { type: "boolean" },
    root: { type: "string", value: "dir", example: "." },
    "no-cache": { type: "boolean" },
  },
});

/** Parses the arguments after `npm run check --`. */
export function parseCheckCommandLine(argv: readonly string[], cwd: string = process.cwd(), env: NodeJS.ProcessEnv = process.env): CheckCommandLine {
  const parsed = parseCommandLine(CHECK_COMMAND, argv, env);
  if (!parsed.ok) return parsed;
  const { values, positionals, lang } = parsed;
  if (values.staged && positionals.length > 0) {
    const previous = getLanguage();
    setLanguage(lang);
    try {
      return { ok: false, exitCode: 2, stdout: "", stderr: `${t("cli.errorLabel")}: ${t("check.filesWithStaged")}\n\n${usage(CHECK_COMMAND)}`, lang };
    } finally {
      setLanguage(previous);
    }
  }
  const command: CheckCommand = { format: values.format as CheckFormat, staged: values.staged, rootDir: path.resolve(cwd, values.root ?? "."), cache: !values["no-cache"], files: [...positionals] };
  return { ok: true, command, lang };
}

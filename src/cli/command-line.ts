/**
 * Command-line arguments for every script under scripts/: one declaration
 * per command (its options, each with a catalogue key for its help line),
 * `--help`/`-h` and `--lang` on every command, and the same behaviour
 * everywhere — help on stdout with exit code 0; an unknown option, a
 * missing or malformed value, or a stray argument printed with the usage on
 * stderr with exit code 2, never a stack trace. Every word shown comes from
 * the message catalogue (src/messages/areas/cli.ts), in the language chosen
 * by `--lang` or the locale.
 *
 * Node's own `parseArgs` splits the arguments (in its lenient mode, so that
 * every problem is reported in the editor's language instead of as Node's
 * English exception); this module only checks and explains.
 */
import { parseArgs } from "node:util";
import { closest, type ContentError, formatContentError } from "../content/errors.ts";
import { LANGS, getLanguage, parseLang, resolveLanguage, setLanguage, t, type Lang, type MessageKey, type ParamsOf } from "../messages/index.ts";

/** Catalogue keys of messages without parameters: usable as help lines. */
export type PlainKey = { [K in MessageKey]: keyof ParamsOf<K> extends never ? K : never }[MessageKey];

export interface OptionSpec {
  readonly type: "boolean" | "string";
  /** One-letter alias, e.g. "o" for -o. */
  readonly short?: string;
  /** The option's help line (every command's own usage has one; a hand-written usageText describes its options itself). */
  readonly help?: PlainKey;
  /** What the value is, for the usage placeholder and for checking it. */
  readonly value?: "dir" | "file" | "number" | "host" | "port";
  /** The only values accepted. */
  readonly choices?: readonly string[];
  readonly default?: string;
  /** The command cannot run without it. */
  readonly required?: boolean;
  /** May be given several times: the values come as a list. */
  readonly multiple?: boolean;
  /** A typical value, for "needs a value, e.g. --out _site". */
  readonly example?: string;
}

export interface CommandSpec<O extends Readonly<Record<string, OptionSpec>>> {
  /** How the command is typed, up to the options: "npm run build --", "npx tsx scripts/bench-qr.ts". */
  readonly invocation: string;
  /** What the command does, one paragraph. */
  readonly summary: PlainKey;
  readonly options: O;
  /** Options that no longer exist, with what to do instead. */
  readonly removed?: Readonly<Record<string, PlainKey>>;
  /** Arguments that are not options (files, folders), shown in the usage line by this placeholder. Without it, any is an error. */
  readonly positionals?: { readonly placeholder?: PlainKey };
  /** A hand-written usage text (with examples) instead of the generated one. */
  readonly usageText?: PlainKey;
}

/** The parsed values: booleans default to false; strings to their default, else undefined. */
export type OptionValues<O extends Readonly<Record<string, OptionSpec>>> = {
  -readonly [K in keyof O]: O[K] extends { readonly type: "boolean" }
    ? boolean
    : O[K] extends { readonly multiple: true }
      ? string[]
      : O[K] extends { readonly default: string } | { readonly required: true }
        ? string
        : string | undefined;
};

export type ParseOutcome<O extends Readonly<Record<string, OptionSpec>>> =
  | { readonly ok: true; readonly values: OptionValues<O>; readonly positionals: readonly string[]; readonly lang: Lang }
  | { readonly ok: false; readonly exitCode: 0 | 2; readonly stdout: string; readonly stderr: string; readonly lang: Lang };

/** Declares a command; `const` keeps the option names and defaults as literal types. */
export function defineCommand<const O extends Readonly<Record<string, OptionSpec>>>(spec: CommandSpec<O>): CommandSpec<O> {
  return spec;
}

const BUILT_IN = {
  lang: { type: "string", help: "cli.option.lang", choices: ["vi", "en"] },
  help: { type: "boolean", short: "h", help: "cli.option.help" },
} as const satisfies Record<string, OptionSpec>;

const PLACEHOLDER = { dir: "cli.value.dir", file: "cli.value.file", number: "cli.value.number", host: "cli.value.host", port: "cli.value.port" } as const satisfies Record<NonNullable<OptionSpec["value"]>, PlainKey>;

function wrap(text: string, width = 78, indent = ""): string {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = indent + word;
    } else line = line ? `${line} ${word}` : indent + word;
  }
  if (line) lines.push(line);
  return lines.join("\n");
}

function placeholder(option: OptionSpec): string {
  if (option.choices) return option.choices.join("|");
  return option.type === "string" ? t(PLACEHOLDER[option.value ?? "file"]) : "";
}

/** The usage text of a command, in the current language. */
export function usage<O extends Readonly<Record<string, OptionSpec>>>(spec: CommandSpec<O>): string {
  if (spec.usageText) return `${t(spec.usageText).replace(/\n*$/, "")}\n`;
  const rows = Object.entries({ ...spec.options, ...BUILT_IN } as Record<string, OptionSpec>).map(([name, option]) => {
    const flag = `${option.short ? `-${option.short}, ` : ""}--${name}${option.type === "string" ? ` ${placeholder(option)}` : ""}`;
    const help = `${option.help ? t(option.help) : ""}${option.default !== undefined ? ` ${t("cli.defaultValue", { value: option.default })}` : ""}`;
    return [flag, help] as const;
  });
  const width = Math.min(28, Math.max(...rows.map(([flag]) => flag.length)) + 2);
  return [
    `${t("cli.usage", { invocation: spec.invocation })}${spec.positionals?.placeholder ? ` ${t(spec.positionals.placeholder)}` : ""}`,
    "",
    wrap(t(spec.summary)),
    "",
    t("cli.optionsHeading"),
    ...rows.map(([flag, help]) => (flag.length + 2 > width ? `  ${flag}\n  ${" ".repeat(width)}${help}` : `  ${flag.padEnd(width)}${help}`)),
    "",
  ].join("\n");
}

function helpCommand(spec: CommandSpec<Readonly<Record<string, OptionSpec>>>): string {
  return `${spec.invocation} --help`;
}

/** The problem with a string option's value, or undefined when it is acceptable. */
function valueProblem(raw: string, option: OptionSpec, value: string): string | undefined {
  if (option.choices && !option.choices.includes(value)) return t("cli.badChoice", { option: raw, value, choices: option.choices.join(", ") });
  if (option.value === "number" && !/^[1-9][0-9]{0,8}$/.test(value)) return t("cli.badNumber", { option: raw, value });
  if (option.value === "port" && !(/^[0-9]{1,5}$/.test(value) && Number(value) <= 65535)) return t("cli.badPort", { option: raw, value });
  return undefined;
}

/** `--lang` takes exactly a language code (a locale such as en_US is for LANG). */
function isLangValue(value: string | undefined): value is string {
  return value !== undefined && LANGS.includes(value.toLowerCase() as Lang) && parseLang(value) !== undefined;
}

/**
 * Parses `argv` against a command's options without side effects: the
 * values, or what to print and the exit code.
 */
export function parseCommandLine<O extends Readonly<Record<string, OptionSpec>>>(spec: CommandSpec<O>, argv: readonly string[], env: NodeJS.ProcessEnv = process.env): ParseOutcome<O> {
  const options: Record<string, OptionSpec> = { ...spec.options, ...BUILT_IN };
  const nodeOptions = Object.fromEntries(Object.entries(options).map(([name, o]) => [name, o.short ? { type: o.type, short: o.short } : { type: o.type }]));
  const { tokens } = parseArgs({ args: [...argv], options: nodeOptions, strict: false, allowPositionals: true, tokens: true });

  // The language first, so that every other message is in it.
  const langToken = tokens.filter((tk) => tk.kind === "option" && tk.name === "lang").pop();
  const langValue = langToken?.kind === "option" ? langToken.value : undefined;
  const lang = resolveLanguage(isLangValue(langValue) ? langValue : undefined, env);
  const previous = getLanguage();
  setLanguage(lang);
  try {
    const problems: string[] = [];
    const values: Record<string, string | string[] | boolean | undefined> = {};
    for (const [name, option] of Object.entries(options)) values[name] = option.type === "boolean" ? false : option.multiple ? [] : option.default;
    const positionals: string[] = [];
    let help = false;
    const seen = new Set<string>();
    // "-drafts" (one dash) reaches parseArgs as -d -r -a -f -t -s: report it once, as typed.
    const singleDash = new Set<number>();
    for (const token of tokens) {
      if (token.kind === "option-terminator") break;
      if (token.kind !== "option" || token.rawName.startsWith("--")) continue;
      const typed = argv[token.index] ?? "";
      if (/^-[^-][^=]+/.test(typed) && !singleDash.has(token.index)) {
        singleDash.add(token.index);
        const name = typed.slice(1).split("=")[0] ?? "";
        const suggestion = name in options ? name : closest(name, Object.keys(options));
        problems.push(`${t("cli.unknownOption", { option: typed.split("=")[0] ?? typed })}${suggestion ? ` — ${t("cli.didYouMean", { option: `--${suggestion}` })}` : ""}`);
      }
    }
    for (const token of tokens) {
      if ((token.kind === "option" || token.kind === "positional") && singleDash.has(token.index)) continue;
      if (token.kind === "positional") {
        if (spec.positionals) positionals.push(token.value);
        else problems.push(t("cli.unexpectedArgument", { value: token.value }));
        continue;
      }
      if (token.kind !== "option") continue;
      seen.add(token.name);
      const removed = spec.removed?.[token.name];
      const option = options[token.name];
      if (removed) {
        problems.push(t(removed));
        continue;
      }
      if (!option) {
        const suggestion = closest(token.name, Object.keys(options));
        problems.push(`${t("cli.unknownOption", { option: token.rawName })}${suggestion ? ` — ${t("cli.didYouMean", { option: `--${suggestion}` })}` : ""}`);
        continue;
      }
      if (option.type === "boolean") {
        if (token.value !== undefined) problems.push(t("cli.noValueAllowed", { option: token.rawName }));
        else if (token.name === "help") help = true;
        else values[token.name] = true;
        continue;
      }
      // "--out --drafts": Node takes the next option as the value; an editor meant a missing value.
      const value = token.value === undefined || (!token.inlineValue && token.value.startsWith("-")) ? undefined : token.value;
      if (value === undefined || value === "") {
        problems.push(t("cli.missingValue", { option: token.rawName, example: `--${token.name} ${option.example ?? option.choices?.[0] ?? option.default ?? "…"}` }));
        continue;
      }
      if (token.name === "lang" && !isLangValue(value)) {
        problems.push(t("cli.badLang", { value }));
        continue;
      }
      const problem = token.name === "lang" ? undefined : valueProblem(token.rawName, option, value);
      const list = values[token.name];
      if (problem) problems.push(problem);
      else if (Array.isArray(list)) list.push(value);
      else values[token.name] = value;
    }
    for (const [name, option] of Object.entries(options)) {
      if (option.required && values[name] === undefined && !seen.has(name)) {
        problems.push(t("cli.missingValue", { option: `--${name}`, example: `--${name} ${option.example ?? "…"}` }));
      }
    }
    const generic = spec as unknown as CommandSpec<Readonly<Record<string, OptionSpec>>>;
    if (help) return { ok: false, exitCode: 0, stdout: usage(generic), stderr: "", lang };
    if (problems.length > 0) {
      const label = t("cli.errorLabel");
      const stderr = [...problems.map((p) => `${label}: ${p}`), "", usage(generic)].join("\n");
      return { ok: false, exitCode: 2, stdout: "", stderr, lang };
    }
    const { help: _help, lang: _lang, ...own } = values;
    return { ok: true, values: own as OptionValues<O>, positionals, lang };
  } finally {
    setLanguage(previous);
  }
}

/**
 * For scripts: parses process.argv, sets the message language for the rest
 * of the run, prints help or argument errors and exits (0 or 2) when there
 * is nothing to run.
 */
export function runCommandLine<O extends Readonly<Record<string, OptionSpec>>>(spec: CommandSpec<O>, argv: readonly string[] = process.argv.slice(2)): OptionValues<O> {
  return runCommandLineWithArguments(spec, argv).values;
}

/** {@link runCommandLine} for commands that take arguments besides options (files, folders). */
export function runCommandLineWithArguments<O extends Readonly<Record<string, OptionSpec>>>(spec: CommandSpec<O>, argv: readonly string[] = process.argv.slice(2)): { values: OptionValues<O>; positionals: readonly string[] } {
  const outcome = parseCommandLine(spec, argv);
  setLanguage(outcome.lang);
  if (outcome.ok) return { values: outcome.values, positionals: outcome.positionals };
  if (outcome.stdout) process.stdout.write(outcome.stdout);
  if (outcome.stderr) process.stderr.write(outcome.stderr);
  process.exit(outcome.exitCode);
}

/** A combination of options the command refuses: the reason, where to read more, exit code 2. */
export function exitWithUsageError<O extends Readonly<Record<string, OptionSpec>>>(spec: CommandSpec<O>, reason: string): never {
  process.stderr.write(`${t("cli.errorLabel")}: ${reason}\n${t("cli.seeHelp", { command: helpCommand(spec as unknown as CommandSpec<Readonly<Record<string, OptionSpec>>>) })}\n`);
  process.exit(2);
}

/** Problems with the input (the project folder, the content): each as an error block, exit code 1. */
export function exitWithErrors(errors: readonly ContentError[]): never {
  process.stderr.write(`${errors.map(formatContentError).join("\n")}\n`);
  process.exit(1);
}

/**
 * What to print for an unexpected failure. Whatever a user can cause has its
 * own message (content errors, a refused output folder, bad options); what
 * reaches here is a bug in the tool, so its stack trace is shown for the
 * report (issue 8: internal bugs still show their trace).
 */
export function describeFailure(error: unknown): string {
  if (error instanceof Error) return error.stack ?? error.message;
  return String(error);
}

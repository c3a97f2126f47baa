/**
 * Command-line ergonomics of every script: `--help` (exit 0, in Vietnamese
 * by default, English with --lang en), an unknown option or a missing value
 * (usage on stderr, exit 2, no stack trace), and a project folder without
 * content/ or without articles refused instead of building an empty site.
 */
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { defineCommand, parseCommandLine, usage } from "../src/cli/command-line.ts";
import { mdFile } from "./helpers.ts";

const ROOT = path.resolve(import.meta.dirname, "..");
const work = mkdtempSync(path.join(tmpdir(), "cli-test-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs a script as an editor would, with a neutral locale (so the default language applies). */
function run(script: string, args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, ["--import", "tsx", path.join(ROOT, "scripts", script), ...args], { cwd: ROOT, encoding: "utf8", env: { ...process.env, LANG: "C.UTF-8", LC_ALL: "", LC_MESSAGES: "", ...env }, timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ status: error ? (typeof error.code === "number" ? error.code : null) : 0, stdout, stderr });
    });
  });
}

/**
 * Runs `task` over every script, two at a time: all of them at once (some
 * twenty Node processes each loading TypeScript) outran the 60 s limit on
 * a loaded two-core machine.
 */
async function forEachScript(task: (script: string) => Promise<Run>): Promise<(readonly [string, Run])[]> {
  const results: (readonly [string, Run])[] = new Array(SCRIPTS.length);
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < SCRIPTS.length) {
      const i = next++;
      results[i] = [SCRIPTS[i]!, await task(SCRIPTS[i]!)] as const;
    }
  };
  await Promise.all([lane(), lane()]);
  return results;
}

const STACK_LINE = /^\s+at .+[:(]\d+/m;
const SCRIPTS = readdirSync(path.join(ROOT, "scripts")).filter((f) => f.endsWith(".ts")).sort();

const SAMPLE = defineCommand({
  invocation: "npm run sample --",
  summary: "cli.command.build",
  options: {
    out: { type: "string", value: "dir", default: "_site", help: "cli.option.out" },
    count: { type: "string", value: "number", help: "cli.option.count" },
    port: { type: "string", value: "port", help: "cli.option.port" },
    indexer: { type: "string", choices: ["direct", "pagefind"], default: "direct", help: "cli.option.indexer" },
    from: { type: "string", value: "file", required: true, example: "a.json", help: "cli.option.from" },
    drafts: { type: "boolean", help: "cli.option.drafts" },
  },
  removed: { "frozen-ledger": "cli.removedFrozenLedger" },
});

function parse(...argv: string[]) {
  return parseCommandLine(SAMPLE, argv, { LANG: "en_US.UTF-8" });
}

function failure(...argv: string[]): string {
  const outcome = parse(...argv);
  if (outcome.ok) throw new Error(`expected ${argv.join(" ")} to be refused`);
  expect(outcome.exitCode).toBe(2);
  expect(outcome.stderr).toContain("Usage: npm run sample -- [options]");
  return outcome.stderr.split("\n\n")[0] ?? "";
}

describe("parseCommandLine", () => {
  it("parses values with their defaults", () => {
    expect(parse("--from", "a.json", "--count", "12", "--drafts", "--indexer=pagefind")).toEqual({
      ok: true,
      lang: "en",
      values: { out: "_site", count: "12", port: undefined, indexer: "pagefind", from: "a.json", drafts: true },
      positionals: [],
    });
  });

  it("prints help on stdout with exit code 0, whatever else is on the line", () => {
    for (const argv of [["--help"], ["-h"], ["--bogus", "--help"]]) {
      const outcome = parse(...argv);
      expect(outcome).toMatchObject({ ok: false, exitCode: 0, stderr: "" });
      if (!outcome.ok) expect(outcome.stdout).toBe(usage(SAMPLE).replace(/^.*$/m, "Usage: npm run sample -- [options]"));
    }
  });

  it("lists every option with its value and default in the usage", () => {
    const text = parseCommandLine(SAMPLE, ["--help"], { LANG: "en_US.UTF-8" });
    const stdout = text.ok ? "" : text.stdout;
    for (const line of ["--out DIR", "(default: _site)", "--count N", "--port PORT", "--indexer direct|pagefind", "--from FILE", "--drafts", "--lang vi|en", "-h, --help"]) expect(stdout).toContain(line);
  });

  it("refuses an unknown option with a suggestion, and a stray argument", () => {
    expect(failure("--from", "a", "--outt", "x")).toBe('error: unknown option --outt — did you mean --out?\nerror: unexpected "x": this command takes only options starting with --');
    expect(failure("--from", "a", "-z")).toBe("error: unknown option -z");
    // One dash for a long option: reported once, as typed, not letter by letter.
    expect(failure("--from", "a", "-drafts")).toBe("error: unknown option -drafts — did you mean --drafts?");
  });

  it("says which option lacks its value, also when the next option was taken for it", () => {
    expect(failure("--from", "a", "--out")).toBe("error: option --out needs a value, e.g. --out _site");
    expect(failure("--from", "a", "--out", "--drafts")).toBe("error: option --out needs a value, e.g. --out _site");
    expect(failure()).toBe("error: option --from needs a value, e.g. --from a.json");
    expect(failure("--from=")).toBe("error: option --from needs a value, e.g. --from a.json");
  });

  it("checks numbers, ports, choices, flags given a value, the language and removed options", () => {
    expect(failure("--from", "a", "--count", "mười")).toBe('error: --count needs a whole number above 0 (got "mười")');
    expect(failure("--from", "a", "--count", "0")).toContain("whole number above 0");
    expect(failure("--from", "a", "--port", "70000")).toContain("port from 0 to 65535");
    expect(failure("--from", "a", "--indexer", "fast")).toBe('error: --indexer does not accept "fast": choose one of direct, pagefind');
    expect(failure("--from", "a", "--drafts=yes")).toBe("error: option --drafts takes no value: write just --drafts");
    expect(failure("--from", "a", "--lang", "fr")).toBe('error: no language "fr": use --lang vi or --lang en');
    expect(failure("--from", "a", "--lang", "english")).toBe('error: no language "english": use --lang vi or --lang en');
    expect(failure("--from", "a", "--frozen-ledger")).toContain("--frozen-ledger no longer exists");
  });

  it("takes files and repeated options where a command declares them, and its own usage text", () => {
    const spec = defineCommand({ invocation: "npm run import --", summary: "cli.command.build", usageText: "cli.command.build", positionals: {}, options: { official: { type: "string", multiple: true } } });
    expect(parseCommandLine(spec, ["a.txt", "--official", "A", "b/", "--official=B"], {})).toMatchObject({ ok: true, values: { official: ["A", "B"] }, positionals: ["a.txt", "b/"] });
    const help = parseCommandLine(spec, ["--help", "--lang", "en"], {});
    expect(help.ok ? "" : help.stdout).toMatch(/^Checks every article/);
  });

  it("speaks Vietnamese by default and English on request", () => {
    const vi = parseCommandLine(SAMPLE, ["--bogus"], {});
    expect(vi.ok ? "" : vi.stderr).toContain("lỗi: không có tùy chọn --bogus");
    expect(vi.ok ? "" : vi.stderr).toContain("Cách dùng: npm run sample -- [tùy chọn]");
    const en = parseCommandLine(SAMPLE, ["--bogus", "--lang", "en"], {});
    expect(en.ok ? "" : en.stderr).toContain("error: unknown option --bogus");
    expect(parseCommandLine(SAMPLE, ["--from", "a", "--lang", "vi"], { LANG: "en_US.UTF-8" })).toMatchObject({ ok: true, lang: "vi" });
  });
});

describe("every script under scripts/", () => {
  it("is known to this test (a new script needs its --help checked here too)", () => {
    expect(SCRIPTS).toEqual(expect.arrayContaining(["bench-qr.ts", "bench-search.ts", "bench.ts", "build.ts", "generate-articles.ts", "import.ts", "media-timings.ts", "merge-published-urls.ts", "new.ts", "preview.ts"]));
  });

  it("answers --help with its usage in Vietnamese (exit 0); -h --lang en in English", async () => {
    const runs = await forEachScript((script) => run(script, ["--help"]));
    for (const [script, vi] of runs) {
      expect(vi.status, `${script}: ${vi.stderr}`).toBe(0);
      expect(vi.stdout, script).toMatch(/^Cách dùng: (npm run|npm start|npx tsx) \S.*(\[tùy chọn\]|\(hỏi từng thông tin\))/);
      expect(vi.stdout, script).toContain("--help");
    }
    const en = await run("build.ts", ["-h", "--lang", "en"]);
    expect(en).toMatchObject({ status: 0, stderr: "" });
    expect(en.stdout).toMatch(/^Usage: npm run build -- \[options\]\n/);
    expect(en.stdout).toContain("--record-published");
  }, 240_000);

  it("refuses an unknown option with the usage and exit code 2, never a stack trace", async () => {
    const runs = await forEachScript((script) => run(script, ["--khong-co", "--lang", "en"]));
    for (const [script, result] of runs) {
      expect(result.status, `${script}: ${result.stdout}${result.stderr}`).toBe(2);
      expect(result.stderr, script).toContain("error: unknown option --khong-co");
      expect(result.stderr, script).toContain("Usage: ");
      expect(result.stderr, script).not.toMatch(STACK_LINE);
      expect(result.stdout, script).toBe("");
    }
  }, 240_000);
});

describe("the project folder", () => {
  const noContent = path.join(work, "khong-co-content");
  const empty = path.join(work, "content-trong");
  const draftsOnly = path.join(work, "chi-ban-nhap");
  mkdirSync(noContent, { recursive: true });
  mkdirSync(path.join(empty, "content/gia-lai"), { recursive: true });
  writeFileSync(path.join(empty, "content/README.md"), "Not an article.\n");
  mkdirSync(path.join(draftsOnly, "content/gia-lai"), { recursive: true });
  writeFileSync(path.join(draftsOnly, "content/gia-lai/2016-11-29-nhap.md"), mdFile("title: Nháp\ndate: 2016-11-29\nprovince: gia-lai\ndraft: true"));

  it("build: a --root without content/, an empty content/, a missing folder and drafts only are errors, and nothing is written", async () => {
    const out = path.join(work, "out");
    const [missing, none, nothing, drafts, both, noSiteUrl] = await Promise.all([
      run("build.ts", ["--root", path.join(work, "khong-ton-tai"), "--out", out, "--lang", "en"]),
      run("build.ts", ["--root", noContent, "--out", out, "--lang", "en"]),
      run("build.ts", ["--root", empty, "--out", out, "--lang", "en"]),
      run("build.ts", ["--root", draftsOnly, "--out", out, "--lang", "en"]),
      run("build.ts", ["--root", draftsOnly, "--drafts", "--record-published", "--lang", "en"]),
      run("build.ts", ["--root", draftsOnly, "--record-published", "--lang", "en"], { SITE_URL: "" }),
    ]);
    expect(missing).toMatchObject({ status: 1 });
    expect(missing.stderr).toContain("khong-ton-tai: this folder does not exist");
    expect(none).toMatchObject({ status: 1 });
    expect(none.stderr).toContain("khong-co-content: has no content/ folder");
    expect(none.stderr).toContain("fix: run the command in the project folder, or give --root the folder that holds content/");
    expect(nothing).toMatchObject({ status: 1 });
    expect(nothing.stderr).toContain("content-trong/content/: has no articles (.md files)");
    expect(drafts).toMatchObject({ status: 1 });
    expect(drafts.stderr).toContain("content/: has no article to publish: every article is a draft (draft: true)");
    expect(both).toMatchObject({ status: 2 });
    expect(both.stderr).toContain("--drafts and --record-published cannot be used together");
    expect(noSiteUrl).toMatchObject({ status: 2 });
    expect(noSiteUrl.stderr).toContain("--record-published needs SITE_URL");
    for (const r of [missing, none, nothing, drafts, both, noSiteUrl]) expect(r.stderr).not.toMatch(STACK_LINE);
    expect(readdirSync(work)).not.toContain("out");
  }, 240_000);

  it("preview: the same folder checks, in Vietnamese by default, before any server starts", async () => {
    const [none, nothing] = await Promise.all([run("preview.ts", ["--root", noContent, "--port", "0"]), run("preview.ts", ["--root", empty, "--port", "0"])]);
    expect(none).toMatchObject({ status: 1, stdout: "" });
    expect(none.stderr).toContain("khong-co-content: không có thư mục content/ ở đây");
    expect(nothing).toMatchObject({ status: 1, stdout: "" });
    expect(nothing.stderr).toContain("không có bài nào (tệp .md)");
  }, 240_000);
});

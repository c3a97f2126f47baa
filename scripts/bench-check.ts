/**
 * Benchmark of `npm run check` over generated articles (scripts/generate-articles.ts):
 *
 *   npx tsx scripts/bench-check.ts [--count 10000] [--runs 5] [--root DIR]
 *
 * Runs the command as package.json does (node scripts/run-bundled.mjs
 * scripts/check.ts), as a child process, in four situations:
 * - cold: no cached results (--no-cache): a first run, or the first after a
 *   code change;
 * - first run: the same with the cache folder empty, so that the run also
 *   writes its results (a fresh clone's first pre-commit hook);
 * - warm: every article unchanged since the last run (the pre-commit case);
 * - one edit: one article changed since the last run;
 * - npm run check, warm: the same through npm, as an editor types it.
 * Each is repeated `--runs` times; the table gives the median, min and max
 * wall time, and the median CPU time (user + system, the child and its
 * threads, from /proc/self/stat of this process after each child is
 * reaped). The machine is shared: the load average before and after is
 * printed with the results, and medians of several runs are what to quote.
 */
import { spawnSync } from "node:child_process";
import { appendFileSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { loadavg, availableParallelism, tmpdir } from "node:os";
import path from "node:path";
import { defineCommand, runCommandLine } from "../src/cli/command-line.ts";
import { generateArticles } from "./generate-articles.ts";

const values = runCommandLine(
  defineCommand({
    invocation: "npx tsx scripts/bench-check.ts",
    summary: "check.command.bench",
    options: {
      count: { type: "string", value: "number", default: "10000", help: "cli.option.count" },
      runs: { type: "string", value: "number", default: "5", help: "check.option.runs" },
      root: { type: "string", value: "dir", help: "cli.option.benchRoot" },
    },
  }),
);
const count = Number(values.count);
const runs = Number(values.runs);
const repo = path.resolve(import.meta.dirname, "..");
const root = values.root ? path.resolve(values.root) : mkdtempSync(path.join(tmpdir(), "bench-check-"));

/** CPU seconds of this process's reaped children so far (Linux), or NaN elsewhere. */
function childrenCpu(): number {
  try {
    const fields = readFileSync("/proc/self/stat", "utf8").replace(/^.*\) /, "").split(" ");
    // After "pid (comm) ": state is field 3, so cutime (16) and cstime (17) are at 13 and 14.
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return Number.NaN;
  }
}

interface Sample {
  wall: number;
  cpu: number;
}

function run(command: string, args: string[]): Sample & { status: number | null } {
  const cpu0 = childrenCpu();
  const t0 = performance.now();
  const result = spawnSync(command, args, { cwd: repo, stdio: ["ignore", "ignore", "pipe"], env: { ...process.env, LANG: "C.UTF-8" }, maxBuffer: 64 * 1024 * 1024 });
  const wall = (performance.now() - t0) / 1000;
  if (result.status !== 0 && result.status !== 1) throw new Error(`check failed (${result.status}): ${result.stderr.toString()}`);
  return { wall, cpu: childrenCpu() - cpu0, status: result.status };
}

const check = (...args: string[]): Sample => run(process.execPath, [path.join(repo, "scripts/run-bundled.mjs"), "scripts/check.ts", "--root", root, "--format", "json", ...args]);

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
};

function measure(label: string, once: () => Sample): string {
  const samples: Sample[] = [];
  for (let i = 0; i < runs; i++) samples.push(once());
  const walls = samples.map((s) => s.wall);
  const row = `| ${label} | ${median(walls).toFixed(2)} s | ${Math.min(...walls).toFixed(2)}–${Math.max(...walls).toFixed(2)} s | ${median(samples.map((s) => s.cpu)).toFixed(2)} s |`;
  console.error(row);
  return row;
}

try {
  if (!values.root) {
    console.error(`Generating ${count} articles under ${root} …`);
    generateArticles(root, count);
  }
  const edited = spawnSync("find", [path.join(root, "content"), "-name", "*.md", "-print", "-quit"], { encoding: "utf8" }).stdout.trim();
  if (!edited) throw new Error(`no article under ${root}/content`);
  // Builds the bundle if the sources changed, so that no run below pays for it.
  run(process.execPath, [path.join(repo, "scripts/run-bundled.mjs"), "scripts/check.ts", "--help"]);
  const load0 = loadavg().map((l) => l.toFixed(1)).join(", ");
  const rows = [
    measure("cold (no cached results)", () => check("--no-cache")),
    measure("first run (empty cache, written)", () => {
      rmSync(path.join(root, ".cache", "check"), { recursive: true, force: true });
      return check();
    }),
    (check(), measure("warm (nothing changed)", () => check())),
    measure("warm, one article changed", () => {
      appendFileSync(edited, "\nThêm một dòng.\n");
      return check();
    }),
    measure("`npm run check`, warm", () => run("npm", ["run", "--silent", "check", "--", "--root", root, "--format", "json"])),
  ];
  const load1 = loadavg().map((l) => l.toFixed(1)).join(", ");
  console.log(`\nnpm run check over ${count} generated articles, ${runs} runs each, ${availableParallelism()} cores; load average before ${load0}, after ${load1}\n`);
  console.log("| situation | median wall | min–max wall | median CPU |\n| --- | --- | --- | --- |");
  console.log(rows.join("\n"));
} finally {
  if (!values.root) rmSync(root, { recursive: true, force: true });
}


/**
 * CPU cost of parsing one article, per parser, over a corpus already on disk:
 *
 *   npx tsx scripts/bench-parse.ts --root DIR [--runs 3] [--limit N]
 *
 * Reads every article under DIR/content/ into memory once (the read is
 * timed on its own), then, in this one thread, times each way an article is
 * parsed — the build's parse (parseArticleBytes, rendered, as the loader's
 * workers call it), the check's validate-only full parse, the check's
 * fast path and the check's whole per-article work (parseOutcome) — over
 * every article, `--runs` times, and prints the median CPU time (user +
 * system of this process, process.cpuUsage) in total and per article.
 * Single-threaded on purpose: CPU seconds per article is the steady figure
 * on a shared machine; wall time is printed beside the load average only as
 * a hint. The first pass of each parser is a warm-up (not counted) so that
 * the figures are those of optimised code, as in a long load.
 */
import { loadavg } from "node:os";
import path from "node:path";
import { defineCommand, runCommandLine } from "../src/cli/command-line.ts";
import { fastParse } from "../src/check/fast-parse.ts";
import { fullParseOutcome, parseOutcome } from "../src/check/parse-outcome.ts";
import { scanContent, tryReadContentFile } from "../src/content/content-files.ts";
import { LIMITS } from "../src/content/limits.ts";
import { parseArticleBytes } from "../src/content/parse-article.ts";

const values = runCommandLine(
  defineCommand({
    invocation: "npx tsx scripts/bench-parse.ts",
    summary: "check.command.benchParse",
    options: {
      root: { type: "string", value: "dir", help: "cli.option.benchRoot" },
      runs: { type: "string", value: "number", default: "3", help: "check.option.runs" },
      limit: { type: "string", value: "number", help: "check.option.limit" },
      only: { type: "string", help: "check.option.only" },
    },
  }),
);
const root = path.resolve(values.root ?? ".");
const runs = Number(values.runs);
const scan = scanContent(root);
const files = values.limit ? scan.articles.slice(0, Number(values.limit)) : scan.articles;

const cpu = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

const cpu0 = cpu();
const t0 = performance.now();
const inputs: { file: string; bytes: Buffer }[] = [];
for (const file of files) {
  const read = tryReadContentFile(root, file, LIMITS.articleBytes);
  if (read.ok) inputs.push({ file, bytes: read.bytes });
}
const readCpu = cpu() - cpu0;
const readWall = (performance.now() - t0) / 1000;

const parsers: Record<string, (file: string, bytes: Buffer) => unknown> = {
  "build: parseArticleBytes (rendered)": (file, bytes) => parseArticleBytes(file, bytes),
  "check: full validate-only parse": (file, bytes) => fullParseOutcome(file, bytes),
  "check: fast path only": (file, bytes) => fastParse(file, bytes),
  "check: parseOutcome (per article)": (file, bytes) => parseOutcome(file, bytes),
};

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? Number.NaN;
};

const fast = inputs.filter(({ file, bytes }) => fastParse(file, bytes) !== undefined).length;
const load0 = loadavg().map((l) => l.toFixed(1)).join(", ");
const rows: string[] = [];
for (const [name, parse] of Object.entries(parsers)) {
  if (values.only && !name.includes(values.only)) continue;
  for (const { file, bytes } of inputs) parse(file, bytes);
  const cpus: number[] = [];
  const walls: number[] = [];
  for (let r = 0; r < runs; r++) {
    const c = cpu();
    const w = performance.now();
    for (const { file, bytes } of inputs) parse(file, bytes);
    cpus.push(cpu() - c);
    walls.push((performance.now() - w) / 1000);
  }
  const c = median(cpus);
  rows.push(`| ${name} | ${c.toFixed(2)} s | ${((c / inputs.length) * 1000).toFixed(3)} ms | ${median(walls).toFixed(2)} s |`);
  console.error(rows[rows.length - 1]);
}
const load1 = loadavg().map((l) => l.toFixed(1)).join(", ");
console.log(`\n${inputs.length} articles under ${root}/content (${fast} take the check's fast path), ${runs} runs each after a warm-up, one thread; load average before ${load0}, after ${load1}`);
console.log(`read (tryReadContentFile, once): ${readCpu.toFixed(2)} s CPU, ${readWall.toFixed(2)} s wall\n`);
console.log("| parser | median CPU, all articles | per article | median wall |\n| --- | --- | --- | --- |");
console.log(rows.join("\n"));

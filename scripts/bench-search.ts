/**
 * Benchmarks the search build step on a generated corpus: time to index and
 * write the Pagefind bundle, and peak memory of this process and of the
 * Pagefind service child (sampled from /proc, since `/usr/bin/time -v` only
 * reports the largest single process).
 *
 *   tsx scripts/generate-articles.ts --count 10000 --root /tmp/search10k
 *   tsx scripts/bench-search.ts --root /tmp/search10k [--indexer direct|pagefind] [--out /tmp/search-bench-out]
 *
 * Times the step as the build runs it (pages → bundle files in memory →
 * written through the checked writer), plus CPU seconds of this process and
 * of the Pagefind child, which stay meaningful on a busy machine where
 * wall-clock time does not. `--indexer pagefind` runs the same pages through
 * Pagefind's own indexer (its Node API) for comparison. Run one
 * configuration per process so that the peak figures are not mixed.
 */
import { readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { defineCommand, runCommandLine } from "../src/cli/command-line.ts";
import { loadContent } from "../src/content/load-content.ts";
import { writeOutputFiles } from "../src/build/output-files.ts";
import { FoldedWordBag } from "../src/search/fold.ts";
import { buildSearchIndex, searchPage } from "../src/search/index-step.ts";
import { wordList } from "../src/search/pagefind-bundle.ts";
import { siteConfigFromEnv } from "../src/site-config.ts";
import { buildSiteModel } from "../src/site-model.ts";

const values = runCommandLine(
  defineCommand({
    invocation: "npx tsx scripts/bench-search.ts",
    summary: "cli.command.benchSearch",
    options: {
      root: { type: "string", value: "dir", default: "/tmp/search10k", help: "cli.option.benchRoot" },
      indexer: { type: "string", choices: ["direct", "pagefind"], default: "direct", help: "cli.option.indexer" },
      out: { type: "string", value: "dir", default: "/tmp/search-bench-out", help: "cli.option.out" },
    },
  }),
);
const indexer = values.indexer === "pagefind" ? "pagefind" : "direct";
const outDir = path.resolve(values.out);

const mib = (kib: number): string => `${(kib / 1024).toFixed(0)} MiB`;
const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;

/** User + system CPU seconds of a process, from /proc/<pid>/stat. */
function procCpuSeconds(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100; // clock ticks; 100 per second on Linux
  } catch {
    return undefined;
  }
}

/** Reads a "VmXXX:   1234 kB" line of /proc/<pid>/status, in KiB. */
function procStatusKiB(pid: number, field: "VmRSS" | "VmHWM"): number | undefined {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) : undefined;
  } catch {
    return undefined;
  }
}

/** Child processes of this process (the Pagefind service), from /proc/<pid>/stat. */
function childPids(): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (ppid === process.pid) pids.push(Number(entry));
    } catch {
      // process ended between readdir and read
    }
  }
  return pids;
}

function dirSize(dir: string): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    files++;
    bytes += statSync(path.join(entry.parentPath, entry.name)).size;
  }
  return { files, bytes };
}

let started = performance.now();
const loaded = loadContent({ rootDir: path.resolve(values.root) });
if (loaded.errors.length > 0) throw new Error(`${loaded.errors.length} content errors in ${values.root}`);
const model = buildSiteModel(siteConfigFromEnv(), loaded.articles);
console.log(`Loaded ${model.articles.length} articles in ${seconds(performance.now() - started)}; RSS ${mib(process.memoryUsage().rss / 1024)}`);

// Sample the service child every 20 ms; VmHWM is its own peak, so the last read before it exits is exact.
const childPeak = new Map<number, number>();
const childCpu = new Map<number, number>();
const sampler = setInterval(() => {
  for (const pid of childPids()) {
    const hwm = procStatusKiB(pid, "VmHWM");
    if (hwm !== undefined) childPeak.set(pid, Math.max(childPeak.get(pid) ?? 0, hwm));
    const cpu = procCpuSeconds(pid);
    if (cpu !== undefined) childCpu.set(pid, cpu);
  }
}, 20);

rmSync(outDir, { recursive: true, force: true });
const rssBefore = process.memoryUsage().rss;
const cpuBefore = process.cpuUsage();
started = performance.now();
const result = await buildSearchIndex(model.articles, { indexer });
const indexed = performance.now() - started;
if (result.files.length === 0) throw new Error("Pagefind returned no files");
const written = await writeOutputFiles(outDir, result.files);
const total = performance.now() - started;
const nodeCpu = process.cpuUsage(cpuBefore);
clearInterval(sampler);

const bundle = dirSize(path.join(outDir, "pagefind"));
const parentPeak = process.resourceUsage().maxRSS;
const child = Math.max(0, ...childPeak.values());
console.log(
  [
    `indexer=${result.indexer}, ${result.pageCount} pages`,
    `search step: ${seconds(total)} wall (bundle in memory ${seconds(indexed)}, writing ${written} files ${seconds(total - indexed)})`,
    `CPU: node ${((nodeCpu.user + nodeCpu.system) / 1e6).toFixed(1)} s, pagefind service ${[...childCpu.values()].reduce((a, b) => a + b, 0).toFixed(1)} s (last sample)`,
    `bundle: ${bundle.files} files, ${(bundle.bytes / 2 ** 20).toFixed(1)} MiB`,
    `peak RSS: node ${mib(parentPeak)} (${mib(rssBefore / 1024)} before the step), pagefind service ${child > 0 ? mib(child) : "not sampled"}`,
  ].join("\n"),
);

// After the step, so as not to touch its figures: how much of it is turning articles into words.
started = performance.now();
let words = 0;
const bag = new FoldedWordBag({ pairs: true });
for (const article of model.articles) words += wordList(searchPage(article, bag).words).length;
console.log(`of which words and pairs: ${seconds(performance.now() - started)}, ${words} (${(words / model.articles.length).toFixed(0)} distinct per article)`);

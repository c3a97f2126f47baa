/**
 * Benchmarks the search build step on a generated corpus: time to index and
 * write the Pagefind bundle, and peak memory of this process and of the
 * Pagefind service child (sampled from /proc, since `/usr/bin/time -v` only
 * reports the largest single process).
 *
 *   tsx scripts/generate-articles.ts --count 10000 --root /tmp/search10k
 *   tsx scripts/bench-search.ts --root /tmp/search10k [--batch 500] [--mode memory|disk] [--out /tmp/search-bench-out]
 *
 * --mode memory: Pagefind returns the files (getFiles), written through the
 *   checked writer, as the build step does. --mode disk: Pagefind writes
 *   them itself (writeFiles). Run one configuration per process so that
 *   the peak figures are not mixed.
 */
import { readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { loadContent } from "../src/content/load-content.ts";
import { writeOutputFiles } from "../src/build/output-files.ts";
import { buildSearchIndex, searchRecord } from "../src/search/index-step.ts";
import { siteConfigFromEnv } from "../src/site-config.ts";
import { buildSiteModel } from "../src/site-model.ts";

const { values } = parseArgs({
  options: {
    root: { type: "string", default: "/tmp/search10k" },
    batch: { type: "string", default: "500" },
    mode: { type: "string", default: "memory" },
    out: { type: "string", default: "/tmp/search-bench-out" },
  },
});
const mode = values.mode === "disk" ? "disk" : "memory";
const batchSize = Number(values.batch);
const outDir = path.resolve(values.out);

const mib = (kib: number): string => `${(kib / 1024).toFixed(0)} MiB`;
const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;

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

started = performance.now();
let recordBytes = 0;
for (const article of model.articles) recordBytes += JSON.stringify(searchRecord(article)).length;
console.log(`Built records alone in ${seconds(performance.now() - started)} (${(recordBytes / 2 ** 20).toFixed(1)} MiB of JSON)`);

// Sample the service child every 20 ms; VmHWM is its own peak, so the last read before it exits is exact.
const childPeak = new Map<number, number>();
const sampler = setInterval(() => {
  for (const pid of childPids()) {
    const hwm = procStatusKiB(pid, "VmHWM");
    if (hwm !== undefined) childPeak.set(pid, Math.max(childPeak.get(pid) ?? 0, hwm));
  }
}, 20);

rmSync(outDir, { recursive: true, force: true });
const rssBefore = process.memoryUsage().rss;
started = performance.now();
const result = await buildSearchIndex(model.articles, { batchSize, ...(mode === "disk" ? { writeTo: outDir } : {}) });
const indexed = performance.now() - started;
const written = mode === "memory" ? writeOutputFiles(outDir, result.files) : 0;
const total = performance.now() - started;
clearInterval(sampler);

const bundle = dirSize(path.join(outDir, "pagefind"));
const parentPeak = process.resourceUsage().maxRSS;
const child = Math.max(0, ...childPeak.values());
console.log(
  [
    `mode=${mode} batch=${batchSize}`,
    `search step: ${seconds(total)} (index + ${mode === "memory" ? `getFiles ${seconds(indexed)}, write ${written} files ${seconds(total - indexed)}` : `writeFiles ${seconds(indexed)}`})`,
    `bundle: ${bundle.files} files, ${(bundle.bytes / 2 ** 20).toFixed(1)} MiB`,
    `peak RSS: node ${mib(parentPeak)} (${mib(rssBefore / 1024)} before the step), pagefind service ${child > 0 ? mib(child) : "not sampled"}`,
  ].join("\n"),
);

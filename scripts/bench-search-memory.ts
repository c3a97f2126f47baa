/**
 * The external memory (ArrayBuffers: uncompressed and compressed files,
 * the index state) of a cold search index build, as the search step runs
 * it (writer, then state and compressed-file cache saved), over synthetic
 * records (test/search-corpus.ts) instead of a site: the build's memory is
 * highest at this step, and the lead measured 155–209 MB of external memory
 * at its end at 10,000 articles (session 8). Prints the highest external
 * memory sampled while the step waits for its compression workers, the
 * external memory when it returns (garbage included), and after full
 * collections (what the step really keeps, and what it keeps until its
 * compression workers have exited). The script exposes the collector itself
 * (as src/build/render-pages.ts fullCollection does):
 *
 *   npx tsx scripts/bench-search-memory.ts [--count 10000]
 */
import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { defineCommand, runCommandLine } from "../src/cli/command-line.ts";
import { CompressedCache } from "../src/search/compressed-cache.ts";
import { IndexStateFile } from "../src/search/index-state.ts";
import { SearchIndexWriter, type WrittenIndex } from "../src/search/search-index.ts";
import { syntheticSearchCorpus } from "../test/search-corpus.ts";

// Options first: --help and a wrong flag answer like every script's (test/cli.test.ts), with or without the collector.
const values = runCommandLine(
  defineCommand({
    invocation: "npx tsx scripts/bench-search-memory.ts",
    summary: "cli.command.benchSearch",
    options: {
      count: { type: "string", value: "number", default: "10000", help: "cli.option.count" },
    },
  }),
);
setFlagsFromString("--expose-gc");
const exposed: unknown = runInNewContext("gc");
if (typeof exposed !== "function") throw new Error("this Node.js does not expose its garbage collector (--expose-gc)");
const gc = exposed as () => void;
const count = Number(values.count);
const project = mkdtempSync(path.join(tmpdir(), "bench-search-memory-"));
const { vocabulary, articles } = syntheticSearchCorpus(count);
const corpus = articles.map((a, i) => ({ ...a, digest: `d${i}` }));
const mib = (n: number): string => (n / 2 ** 20).toFixed(1);
/** Full collections until the ArrayBuffers freed by them are gone (their memory is released after the collection). */
async function settle(): Promise<NodeJS.MemoryUsage> {
  for (let i = 0; i < 3; i++) {
    gc();
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return process.memoryUsage();
}
const base = await settle();
let highest = 0;
const timer = setInterval(() => (highest = Math.max(highest, process.memoryUsage().external)), 2);
const cpu = process.cpuUsage();
const cache = CompressedCache.forProject(project);
const writer = new SearchIndexWriter(vocabulary);
for (const a of corpus) writer.add(a);
const written: WrittenIndex = await writer.finish(cache);
IndexStateFile.forProject(project).save(written.state);
cache.save();
const atEnd = process.memoryUsage();
clearInterval(timer);
// With one thread (BUILD_THREADS=1) the step never waits, so the sampler never ran.
highest = Math.max(highest, atEnd.external);
const used = process.cpuUsage(cpu);
// Once right after the step (workers may still be exiting), once later.
gc();
const collected = process.memoryUsage();
const kept = await settle();
const compressed = written.files.reduce((sum, f) => sum + (typeof f.contents === "string" ? f.contents.length : f.contents.byteLength), 0);
const over = (m: NodeJS.MemoryUsage): string => mib(m.external - base.external);
console.log(`${count} synthetic records, ${written.files.length} files (${mib(compressed)} MiB compressed), ${((used.user + used.system) / 1e6).toFixed(2)} CPU s`);
console.log(`external MiB over the start: highest sampled (or at the end) ${mib(highest - base.external)}; at the step's end ${over(atEnd)}; after one full collection ${over(collected)}; after collections 0.6 s later ${over(kept)}`);
console.log(`load average: ${loadavg().map((l) => l.toFixed(1)).join(" ")}`);
rmSync(project, { recursive: true, force: true });

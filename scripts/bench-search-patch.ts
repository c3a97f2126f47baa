/**
 * The search index's patch (src/search/index-state.ts) timed on its own,
 * without loading a site: synthetic records (test/search-corpus.ts, 10,000
 * in seconds) written in full once with the state and compressed-file cache
 * a build keeps, then each scenario patched from that state as the search
 * step does (state read, patch, state and cache saved), in CPU seconds of
 * this process (compression workers included) and wall time, with the
 * number of files whose bytes or names changed. For profiling:
 *
 *   npx tsx scripts/bench-search-patch.ts [--count 10000]
 *   node --cpu-prof --cpu-prof-dir /tmp/prof --import tsx scripts/bench-search-patch.ts  (with BENCH_ONLY=back-dated)
 *
 * Also how often BM25's rounded average length (stableAverage) moves when
 * one article is added or deleted: for every article of the corpus, whether
 * adding a copy of it, or deleting it, moves the rounded average.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { PerformanceObserver } from "node:perf_hooks";
import { defineCommand, runCommandLine } from "../src/cli/command-line.ts";
import { COMPRESSED_CACHE_FILE, CompressedCache } from "../src/search/compressed-cache.ts";
import { INDEX_STATE_FILE, IndexStateFile, patchIndex, type PatchDocument } from "../src/search/index-state.ts";
import { SearchIndexWriter, averageOf, dateOrder, type IndexedArticle, type WrittenIndex } from "../src/search/search-index.ts";
import { syntheticSearchCorpus } from "../test/search-corpus.ts";

const values = runCommandLine(
  defineCommand({
    invocation: "npx tsx scripts/bench-search-patch.ts",
    summary: "cli.command.benchSearch",
    options: {
      count: { type: "string", value: "number", default: "10000", help: "cli.option.count" },
    },
  }),
);
// One scenario only (for --cpu-prof): BENCH_ONLY=back-dated.
const only = process.env["BENCH_ONLY"];
const count = Number(values.count);
const project = mkdtempSync(path.join(tmpdir(), "bench-search-patch-"));
const cpuSeconds = (since: NodeJS.CpuUsage): number => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1e6;
};

const { vocabulary, articles } = syntheticSearchCorpus(count);
const withDigest = (a: IndexedArticle, digest: string): IndexedArticle => ({ ...a, digest });
const corpus = articles.map((a, i) => withDigest(a, `d${i}`));

/** A full build of `list` with the state and cache kept, as a cold search step. */
async function full(list: readonly IndexedArticle[]): Promise<Map<string, Buffer>> {
  const cache = CompressedCache.forProject(project);
  const writer = new SearchIndexWriter(vocabulary);
  for (const a of list) writer.add(a);
  const written = await writer.finish(cache);
  IndexStateFile.forProject(project).save(written.state);
  cache.save();
  return new Map(written.files.map((f) => [f.path, Buffer.from(f.contents)]));
}

// Time in garbage collection during the full build (main thread): what grows faster than the corpus.
let gcMs = 0;
const gcObserver = new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) gcMs += entry.duration;
});
gcObserver.observe({ entryTypes: ["gc"] });
let cpu = process.cpuUsage();
let wall = performance.now();
const before = await full(corpus);
const fullCpu = cpuSeconds(cpu);
const fullWall = (performance.now() - wall) / 1000;
await new Promise((resolve) => setImmediate(resolve));
gcObserver.disconnect();
console.log(`${count} synthetic articles: full build with state ${fullCpu.toFixed(2)} CPU s (${(gcMs / 1000).toFixed(2)} s of it in garbage collection), ${fullWall.toFixed(2)} s wall, ${before.size} files`);
const primed = [COMPRESSED_CACHE_FILE, INDEX_STATE_FILE].map((file) => ({ file: path.join(project, file), bytes: readFileSync(path.join(project, file)) }));

const patchDocument = (a: IndexedArticle): PatchDocument => ({ url: a.document.u, year: a.year, digest: a.digest ?? "", units: a.units, words: () => a.words, document: () => a.document });
const byDate = dateOrder(corpus.map((a) => ({ timestamp: a.timestamp, url: a.document.u })));
const newest = corpus[byDate[byDate.length - 1]!]!;
const middle = corpus[byDate[Math.floor(byDate.length / 2)]!]!;
const third = corpus[byDate[Math.floor(byDate.length / 3)]!]!;
/** The fourth newest: an article dated just before it moves the ids of the three newest only. */
const fourthNewest = corpus[byDate[byDate.length - 4]!]!;
/** A new article: `a`'s words and record under a new URL, dated like `dated` (`later` ms after it). */
const copy = (a: IndexedArticle, url: string, dated: IndexedArticle, later = 0): IndexedArticle => ({ ...a, document: { ...a.document, u: url }, timestamp: dated.timestamp + later, year: dated.year, digest: `copy ${url}` });
/** An edit: the title changed in the record, one word's frequency up by one. */
const edited = (a: IndexedArticle): IndexedArticle => ({ ...a, document: { ...a.document, t: `${a.document.t} (sửa)` }, words: { ...a.words, tf: a.words.tf.map((f, i) => (i === 0 ? f + 1 : f)) }, digest: `${a.digest} edited` });
const scenarios: [string, IndexedArticle[]][] = [
  ["edit", corpus.map((a) => (a === middle ? edited(a) : a))],
  ["added-newest", [...corpus, copy(middle, "/bench/hom-nay/", newest, 3_600_000)]],
  ["back-dated", [...corpus, copy(third, "/bench/cu/", third)]],
  ["back-dated-3-before-newest", [...corpus, copy(third, "/bench/hom-qua/", fourthNewest, 1)]],
  ["deleted-4th-newest", corpus.filter((a) => a !== fourthNewest)],
  ["deleted-middle", corpus.filter((a) => a !== middle)],
  ["deleted-newest", corpus.filter((a) => a !== newest)],
];
/** As buildSearchIndex with a state: read the state, patch, save the state and cache. */
async function searchStep(list: readonly IndexedArticle[]): Promise<WrittenIndex | undefined> {
  const cache = CompressedCache.forProject(project);
  const stateFile = IndexStateFile.forProject(project);
  const state = stateFile.read();
  if (!state) throw new Error("no state");
  const order = dateOrder(list.map((a) => ({ timestamp: a.timestamp, url: a.document.u })));
  const patched = await patchIndex(state, order.map((i) => patchDocument(list[i]!)), vocabulary, cache);
  if (patched) stateFile.save(patched.state);
  cache.save();
  return patched;
}

for (const [name, list] of scenarios) {
  if (only && only !== name) continue;
  for (const { file, bytes } of primed) writeFileSync(file, bytes);
  cpu = process.cpuUsage();
  wall = performance.now();
  const patched = await searchStep(list);
  const seconds = cpuSeconds(cpu);
  const wallSeconds = (performance.now() - wall) / 1000;
  let changed = 0;
  const kinds = new Map<string, number>();
  for (const f of patched?.files ?? []) {
    if (before.get(f.path)?.equals(Buffer.from(f.contents))) continue;
    changed++;
    const kind = f.path.split("/").slice(0, 2).join("/");
    kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
  }
  if (process.env["BENCH_KINDS"]) console.log(kinds);
  console.log(`${name}: ${patched ? "patched" : "NOT patched"}, ${changed} of ${patched?.files.length ?? 0} files new or changed, ${patched?.shardsRewritten ?? 0} shards written again; ${seconds.toFixed(2)} CPU s, ${wallSeconds.toFixed(2)} s wall`);
}

// How often one article added or deleted moves BM25's rounded average (a full build).
const lengths = corpus.map((a) => a.words.length);
const total = lengths.reduce((x, y) => x + y, 0);
const average = averageOf(total, count);
const addMoves = lengths.filter((l) => averageOf(total + l, count + 1) !== average).length;
const deleteMoves = lengths.filter((l) => averageOf(total - l, count - 1) !== average).length;
console.log(`BM25 average ${(total / count).toFixed(1)} rounded to ${average.toFixed(1)}: one article added moves it for ${addMoves} of ${count} articles as the addition, one deleted for ${deleteMoves}`);
console.log(`load average: ${loadavg().map((l) => l.toFixed(1)).join(" ")}`);
rmSync(project, { recursive: true, force: true });

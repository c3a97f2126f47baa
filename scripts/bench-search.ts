/**
 * Benchmarks the search build step on a generated corpus: time to build and
 * write the index, peak memory, the index's size, and what queries
 * download, measured by running the search page's own code
 * (layouts/assets/search.js) in Node over the written files.
 *
 *   tsx scripts/generate-articles.ts --count 10000 --root /tmp/search10k
 *   tsx scripts/bench-search.ts --root /tmp/search10k [--out /tmp/search-bench-out]
 *
 * Loads as the build does (worker threads fold the search words while they
 * parse; no parse cache) and times the step as the build runs it (articles →
 * index files in memory → written through the checked writer), plus CPU
 * seconds, which stay meaningful on a busy machine where wall-clock time
 * does not. "of which words and pairs" folds again in this thread, for scale.
 *
 * Then how stable the layout is (issue 9: an unchanged file is linked, not
 * written, by an incremental build): the index is built again in memory
 * after one article's body is edited, one article dated today is added, one
 * back-dated article is added (as `npm run bench` adds one: a copy keeping
 * its source's date), one is deleted and the newest is deleted, and the
 * files whose bytes or names changed are counted. Those builds use the compressed-file cache
 * (compressed-cache.ts) as the build does, primed by one build first.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { performance as nodePerformance } from "node:perf_hooks";
import path from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { defineCommand, runCommandLine } from "../src/cli/command-line.ts";
import { loadContentParallel } from "../src/content/parallel-load.ts";
import { writeOutputFiles, type OutputFile } from "../src/build/output-files.ts";
import type { Article } from "../src/content/article.ts";
import { articleDigest } from "../src/build/stable-digest.ts";
import { COMPRESSED_CACHE_FILE, CompressedCache } from "../src/search/compressed-cache.ts";
import { INDEX_STATE_FILE, IndexStateFile } from "../src/search/index-state.ts";
import { FoldedWordBag } from "../src/search/fold.ts";
import { buildSearchIndex, indexedArticle, SEARCH_BUNDLE_DIR } from "../src/search/index-step.ts";
import { SEARCH_MANIFEST } from "../src/search/search-config.ts";
import { rememberedTable, rememberSearchWords, searchWords } from "../src/search/search-record.ts";
import { siteConfigFromEnv } from "../src/site-config.ts";
import { buildSiteModel } from "../src/site-model.ts";
// @ts-expect-error -- the page's plain JavaScript module, without types
import { SearchIndex, parseQuery } from "../layouts/assets/search.js";

const values = runCommandLine(
  defineCommand({
    invocation: "npx tsx scripts/bench-search.ts",
    summary: "cli.command.benchSearch",
    options: {
      root: { type: "string", value: "dir", default: "/tmp/search10k", help: "cli.option.benchRoot" },
      out: { type: "string", value: "dir", default: "/tmp/search-bench-out", help: "cli.option.out" },
    },
  }),
);
const outDir = path.resolve(values.out);

const mib = (kib: number): string => `${(kib / 1024).toFixed(0)} MiB`;
const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;

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
// As the build loads: worker threads, which also fold each article's search words (src/search/search-record.ts).
const loaded = await loadContentParallel({ rootDir: path.resolve(values.root), cache: false });
if (loaded.errors.length > 0) throw new Error(`${loaded.errors.length} content errors in ${values.root}`);
const model = buildSiteModel(siteConfigFromEnv(), loaded.articles);
console.log(`Loaded ${model.articles.length} articles in ${seconds(performance.now() - started)}; RSS ${mib(process.memoryUsage().rss / 1024)}`);

rmSync(outDir, { recursive: true, force: true });
const rssBefore = process.memoryUsage().rss;
const cpuBefore = process.cpuUsage();
const loopBefore = nodePerformance.eventLoopUtilization();
started = performance.now();
const result = await buildSearchIndex(model.articles);
const indexed = performance.now() - started;
if (result.files.length === 0) throw new Error("the search step wrote no files");
const written = await writeOutputFiles(outDir, result.files);
const total = performance.now() - started;
const nodeCpu = process.cpuUsage(cpuBefore);
// The main thread's busy time (the event loop not waiting): CPU seconds above include the compression workers.
const mainThread = nodePerformance.eventLoopUtilization(loopBefore);

const bundle = dirSize(path.join(outDir, SEARCH_BUNDLE_DIR));
const parentPeak = process.resourceUsage().maxRSS;
console.log(
  [
    `${result.manifest.docs} articles, ${result.manifest.buckets} word shards`,
    `search step: ${seconds(total)} wall (bundle in memory ${seconds(indexed)}, writing ${written} files ${seconds(total - indexed)})`,
    `CPU: ${((nodeCpu.user + nodeCpu.system) / 1e6).toFixed(1)} s (all threads); main thread busy ${seconds(mainThread.active)} of ${seconds(mainThread.active + mainThread.idle)}`,
    `bundle: ${bundle.files} files, ${(bundle.bytes / 2 ** 20).toFixed(1)} MiB`,
    `peak RSS: ${mib(parentPeak)} (${mib(rssBefore / 1024)} before the step)`,
  ].join("\n"),
);

// After the step, so as not to touch its figures: how much of it is turning articles into words.
started = performance.now();
let words = 0;
const bag = new FoldedWordBag({ pairs: true });
for (const article of model.articles) words += indexedArticle(article, bag).words.ids.length;
console.log(`of which words and pairs: ${seconds(performance.now() - started)}, ${words} (${(words / model.articles.length).toFixed(0)} distinct per article)`);

// What queries download: the manifest (gzip as a CDN sends it), the script, and the files the page's code asks for.
const bundleDir = path.join(outDir, SEARCH_BUNDLE_DIR);
const manifestText = readFileSync(path.join(bundleDir, SEARCH_MANIFEST), "utf8");
const scriptDir = path.resolve(import.meta.dirname, "../layouts/assets");
const scriptBytes = gzipSync(readFileSync(path.join(scriptDir, "search.js"))).length;
const QUERIES = ["duong", "da nang", "hội nghị tổng kết công tác năm", '"chuyển đổi số"', "so thong tin va truyen thong", "lao dong tien tien", "nguyen van"];
for (const q of QUERIES) {
  let bytes = gzipSync(manifestText).length + scriptBytes;
  let files = 0;
  const index = new SearchIndex(JSON.parse(manifestText), async (file: string) => {
    const raw = readFileSync(path.join(bundleDir, file));
    bytes += raw.length;
    files++;
    return JSON.parse(gunzipSync(raw).toString("utf8"));
  });
  const found = (await index.search(parseQuery(q))) as { ids: number[] };
  await Promise.all(found.ids.slice(0, 10).map((id) => index.document(id)));
  console.log(`query ${JSON.stringify(q)}: ${found.ids.length} results, ${files} files + manifest + script = ${(bytes / 1024).toFixed(1)} KiB compressed`);
}

// How many files one change rewrites: the index built again in memory, compared file by file.
const byPath = (files: readonly OutputFile[]): Map<string, OutputFile["contents"]> => new Map(files.map((f) => [f.path, f.contents]));
const sameBytes = (a: OutputFile["contents"], b: OutputFile["contents"]): boolean => Buffer.from(a).equals(Buffer.from(b));
const before = byPath(result.files);
const cacheRoot = path.join(outDir, "cache-root");
mkdirSync(cacheRoot, { recursive: true });
// Each article's digest, as the build has them (memoized) from its pages' fingerprints before the search step.
for (const article of model.articles) articleDigest(article);
{
  const cache = CompressedCache.forProject(cacheRoot);
  const cpu = process.cpuUsage();
  await buildSearchIndex(model.articles, cache, IndexStateFile.forProject(cacheRoot));
  cache.save();
  const used = process.cpuUsage(cpu);
  console.log(`cache and index state primed: ${((used.user + used.system) / 1e6).toFixed(1)} CPU s`);
}
// Every scenario starts from the primed cache and state, as an edit build starts from the build before it.
const primed = [COMPRESSED_CACHE_FILE, INDEX_STATE_FILE].map((file) => ({ file: path.join(cacheRoot, file), bytes: readFileSync(path.join(cacheRoot, file)) }));
const articles = model.articles;
const middle = articles[Math.floor(articles.length / 2)]!;
const third = articles[Math.floor(articles.length / 3)]!;
const newest = articles.reduce((a, b) => (b.date.timestamp > a.date.timestamp ? b : a));
// As the build has them: a changed article's words folded (by a worker, here by this thread) into the loader's table.
const table = rememberedTable(articles);
const remember = (a: Article): Article => {
  if (!table) return a;
  const bag = new FoldedWordBag({ pairs: true });
  const w = searchWords(a, bag);
  rememberSearchWords(a, { ids: Int32Array.from(w.ids, (id) => table.idOf(bag.word(id))), tf: w.tf, length: w.length }, table);
  return a;
};
/** A new article: `a`'s text under a new URL, dated like `dated` (an hour later with `later`). */
const copy = (a: Article, url: string, dated: Article, later = false): Article => remember({ ...a, url, title: `Bài mới: ${a.title}`, date: { ...dated.date, timestamp: dated.date.timestamp + (later ? 3_600_000 : 0) } });
const scenarios: [string, readonly Article[]][] = [
  ["one article's body edited", articles.map((a) => (a === middle ? remember({ ...a, bodyText: `${a.bodyText} Cập nhật 1.` }) : a))],
  ["one article added, dated after the newest", [...articles, copy(middle, "/bench/bai-moi-hom-nay/", newest, true)]],
  ["one article added, back-dated (as npm run bench adds)", [...articles, copy(third, "/bench/bai-moi-cu/", third)]],
  ["one article deleted", articles.filter((a) => a !== middle)],
  ["the newest article deleted", articles.filter((a) => a !== newest)],
];
for (const [name, changed] of scenarios) {
  for (const { file, bytes } of primed) writeFileSync(file, bytes);
  for (const article of changed) articleDigest(article);
  const cpu = process.cpuUsage();
  const wall = performance.now();
  const cache = CompressedCache.forProject(cacheRoot);
  const built = await buildSearchIndex(changed, cache, IndexStateFile.forProject(cacheRoot));
  cache.save();
  const used = process.cpuUsage(cpu);
  const cpuSeconds = (used.user + used.system) / 1e6;
  const after = byPath(built.files);
  let rewritten = 0;
  for (const [file, bytes] of after) if (!before.has(file) || !sameBytes(before.get(file)!, bytes)) rewritten++;
  const removed = [...before.keys()].filter((file) => !after.has(file)).length;
  console.log(`${name}: ${rewritten} of ${after.size} files written, ${removed} removed (index ${built.patched ? "patched" : "built again"} in ${cpuSeconds.toFixed(2)} CPU s, ${seconds(performance.now() - wall)} wall, ${cache.hits} files from the cache)`);
}
console.log(`load average: ${loadavg().map((l) => l.toFixed(1)).join(" ")}`);

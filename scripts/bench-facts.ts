/**
 * What people, awards and open data cost the build (issue 11: at most 15 %
 * more at 10,000 articles).
 *
 * 1. Their parts on their own, in this process, on the loaded site: the
 *    people and awards indexes (buildFacts, which createSiteData runs for
 *    every build, check and preview edit), their declarations in the output
 *    plan (planSite with and without their producers), and rendering every
 *    output they declare (pages as HTML, CSV and JSON files), per producer.
 * 2. With `--rounds N` (N ≥ 1): the same content built
 *    whole, without and then with their producers
 *    (src/open-data/facts-producers.ts), each cold (a new output folder;
 *    parse, QR and picture caches warm, as in CI) and then after editing one
 *    article (the previous output kept: the incremental build). The
 *    indexes are in both builds (pages link to people), so their time from
 *    (1) is added to the difference.
 *
 * CPU seconds are the process's (worker threads included) plus its waited
 * children's (esbuild, Pagefind): steadier than wall time on a shared
 * machine. The edit build changes one article's text and puts it back, so
 * `--root` must be a copy the benchmark may write (and its .cache/).
 *
 *   npx tsx scripts/generate-articles.ts --count 10000 --root /tmp/bench-facts
 *   npx tsx scripts/bench-facts.ts --root /tmp/bench-facts [--rounds 1]
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import path from "node:path";
import { withArticleMedia } from "../src/build/article-images.ts";
import { articleDigest } from "../src/build/stable-digest.ts";
import { buildSite, type BuildResult } from "../src/build/build-site.ts";
import { defineCommand, exitWithErrors, runCommandLine } from "../src/cli/command-line.ts";
import { projectRootErrors } from "../src/cli/project-root.ts";
import { buildAwardsSite } from "../src/awards/awards.ts";
import { awardCsvFiles } from "../src/awards/awards-csv.ts";
import { buildPeopleIndex } from "../src/people/identity.ts";
import { FACTS_PRODUCERS } from "../src/open-data/facts-producers.ts";
import { buildFacts } from "../src/open-data/facts.ts";
import { buildOpenDataFiles } from "../src/open-data/datasets.ts";
import { SITE_PRODUCERS, planSite } from "../src/plan/site-outputs.ts";
import { loadSite, readLedger } from "../src/site-data.ts";

const values = runCommandLine(
  defineCommand({
    invocation: "npx tsx scripts/bench-facts.ts",
    summary: "cli.command.benchFacts",
    options: {
      root: { type: "string", value: "dir", required: true, example: "/tmp/bench-facts", help: "cli.option.benchRoot" },
      rounds: { type: "string", value: "number", help: "cli.option.rounds" },
    },
  }),
);
const rootDir = path.resolve(values.root);
const rootErrors = projectRootErrors(rootDir);
if (rootErrors.length > 0) exitWithErrors(rootErrors);
// No new option (and no new catalogue text, which the web editor's bundle carries): without --rounds, the parts only.
const rounds = values.rounds === undefined ? 0 : Number(values.rounds);

const facts = new Set<string>(FACTS_PRODUCERS.map((p) => p.name));
const withoutFacts = SITE_PRODUCERS.filter((p) => !facts.has(p.name));

/** Clock ticks per second of /proc's times (USER_HZ: 100 on every Linux Node runs on). */
const USER_HZ = 100;

/** CPU seconds of this process (all threads) and of its children that were waited for. */
function cpuSeconds(): number {
  const self = process.cpuUsage();
  let children = 0;
  try {
    // Fields after the command name: cutime and cstime are the 14th and 15th (Linux only; elsewhere children count 0).
    const stat = readFileSync("/proc/self/stat", "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    children = (Number(fields[13]) + Number(fields[14])) / USER_HZ;
  } catch {
    children = 0;
  }
  return (self.user + self.system) / 1e6 + children;
}

interface Measure {
  readonly wall: number;
  readonly cpu: number;
}

async function measure<T>(work: () => Promise<T> | T): Promise<Measure & { value: T }> {
  const cpu = cpuSeconds();
  const start = performance.now();
  const value = await work();
  return { wall: (performance.now() - start) / 1000, cpu: cpuSeconds() - cpu, value };
}

const fmt = (m: Measure): string => `wall ${m.wall.toFixed(2).padStart(7)} s  CPU ${m.cpu.toFixed(2).padStart(7)} s`;

// ---------------------------------------------------------------------------
// 1. The parts on their own
// ---------------------------------------------------------------------------

const loaded = await loadSite({ rootDir });
const { data } = await withArticleMedia(loaded.data, { makeCards: false });
const articles = data.model.articles;
const { ledger, text } = readLedger(rootDir);
console.log(`${articles.length} articles, ${data.people.pages.length} person pages, ${data.awards.tables.length} award tables`);

// Twice each: the first run pays for compiling the code; the second is what a build pays.
const partRuns = async <T>(work: () => T): Promise<Measure & { value: T }> => {
  await measure(work);
  return measure(work);
};
const parts: [string, Measure][] = [];
const index = await partRuns(() => buildPeopleIndex(articles));
parts.push(["people index (identity)", index]);
const awards = await partRuns(() => buildAwardsSite(articles));
parts.push(["award tables", awards]);
const factsRun = await partRuns(() => buildFacts(articles, ledger, text, data.links.plan));
parts.push(["buildFacts (site data: all of the above + URL plan)", factsRun]);
const openData = await partRuns(() =>
  buildOpenDataFiles({ config: data.layout.config, articles, provinces: data.model.provinces, people: data.people, awards: data.awards, shortUrlOf: (article) => data.links.shareOf(article).shortUrl }),
);
parts.push(["open-data files (every dataset serialised)", openData]);
parts.push(["award CSV files", await partRuns(() => awardCsvFiles(data.layout.config, data.awards))]);
const planWithout = await partRuns(() => planSite(data, [], withoutFacts));
const planWith = await partRuns(() => planSite(data, [], SITE_PRODUCERS));
parts.push(["plan without their producers", planWithout]);
parts.push(["plan with them", planWith]);
const plan = planWith.value.plan;

/**
 * Heap held by a plan (after full collections), with and without their
 * producers: what a build keeps from planning to its end besides the site
 * data (issue 9, memory). `gc` is exposed at run time, so the benchmark's
 * command stays as it is.
 */
function planHeap(): { without: number; with: number } {
  setFlagsFromString("--expose-gc");
  const gc = runInNewContext("gc") as () => void;
  const used = (): number => {
    gc();
    gc();
    return process.memoryUsage().heapUsed;
  };
  const base = used();
  let kept: unknown = planSite(data, [], withoutFacts);
  const without = used() - base;
  kept = undefined;
  kept = planSite(data, [], SITE_PRODUCERS);
  const all = used() - base;
  if (!kept) throw new Error("no plan");
  return { without, with: all };
}
// Article digests are made for the article pages in every build: made first, so they are not counted below.
for (const a of articles) articleDigest(a);
const bodies = new Map<string, { n: number; bytes: number; m: Measure; fp: Measure }>();
for (const name of facts) {
  const outputs = plan.outputs.filter((o) => o.producer === name);
  let bytes = 0;
  // What every build (and an edit build above all) pays to decide whether an output can be reused.
  const fp = await measure(() => {
    for (const o of outputs) o.fingerprint();
  });
  const m = await measure(() => {
    for (const o of outputs) {
      const body = o.body();
      bytes += typeof body === "string" ? Buffer.byteLength(body) : body.byteLength;
    }
  });
  bodies.set(name, { n: outputs.length, bytes, m, fp });
}
const held = planHeap();
console.log("\nTheir parts, in this process (second run of each):");
for (const [label, m] of parts) console.log(`  ${label.padEnd(52)} ${fmt(m)}`);
console.log(`Heap a plan holds (after full collections): without their producers ${(held.without / 2 ** 20).toFixed(1)} MB, with them ${(held.with / 2 ** 20).toFixed(1)} MB`);
console.log("Fingerprinting and rendering what they declare (first time; Eleventy's own overhead and writing not included):");
for (const [name, b] of bodies) console.log(`  ${name.padEnd(20)} ${String(b.n).padStart(6)} outputs ${(b.bytes / 1e6).toFixed(1).padStart(7)} MB  fingerprints CPU ${b.fp.cpu.toFixed(2).padStart(5)} s  render ${fmt(b.m)}`);

// ---------------------------------------------------------------------------
// 2. Whole builds, without and with
// ---------------------------------------------------------------------------

/** The first article file under content/ (names sorted, folders walked in order), edited for the incremental builds. */
function firstArticle(dir = path.join(rootDir, "content")): string | undefined {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      const found = firstArticle(full);
      if (found) return found;
    } else if (entry.isFile() && entry.name.endsWith(".md")) return full;
  }
  return undefined;
}

interface BuildPair {
  readonly cold: Measure & { files: number; timings: Readonly<Record<string, number>> };
  readonly edit: Measure & { rendered: number; timings: Readonly<Record<string, number>>; renderedBy: Readonly<Record<string, number>>; commit: BuildResult["commit"] };
}

async function buildPair(producers: typeof SITE_PRODUCERS, label: string): Promise<BuildPair> {
  const file = firstArticle();
  if (!file) throw new Error(`no article under ${rootDir}/content`);
  const parent = mkdtempSync(path.join(tmpdir(), "bench-facts-out-"));
  const outDir = path.join(parent, "_site");
  const original = readFileSync(file, "utf8");
  try {
    const cold = await measure(() => buildSite({ rootDir, outDir, producers }));
    // One article's text changed, as an editor's commit would (same addresses, same people).
    writeFileSync(file, `${original.trimEnd()}\n\nĐoạn thêm để đo bản dựng sau khi sửa một bài (${label}).\n`);
    let edit: Measure & { value: BuildResult };
    try {
      edit = await measure(() => buildSite({ rootDir, outDir, producers }));
    } finally {
      writeFileSync(file, original);
    }
    return {
      cold: { ...cold, files: cold.value.fileCount, timings: cold.value.timings },
      edit: { ...edit, rendered: edit.value.outputs.rendered, timings: edit.value.timings, renderedBy: edit.value.outputs.renderedBy, commit: edit.value.commit },
    };
  } finally {
    rmSync(parent, { recursive: true, force: true });
  }
}

if (rounds > 0) {
  const median = (xs: readonly number[]): number => {
    const s = [...xs].sort((a, b) => a - b);
    const mid = s.length >> 1;
    return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
  };
  const without: BuildPair[] = [];
  const all: BuildPair[] = [];
  // One cold build first, not counted: it fills the parse, QR and picture caches for this code (a copied
  // corpus's caches may be another version's), so round 1's first build does not pay for what the others reuse.
  const warm = mkdtempSync(path.join(tmpdir(), "bench-facts-warm-"));
  try {
    await buildSite({ rootDir, outDir: path.join(warm, "_site"), producers: SITE_PRODUCERS });
  } finally {
    rmSync(warm, { recursive: true, force: true });
  }
  for (let i = 0; i < rounds; i++) {
    without.push(await buildPair(withoutFacts, "without"));
    all.push(await buildPair(SITE_PRODUCERS, "with"));
  }
  const med = (runs: readonly BuildPair[], kind: "cold" | "edit"): Measure => ({ wall: median(runs.map((r) => r[kind].wall)), cpu: median(runs.map((r) => r[kind].cpu)) });
  // In both builds: the indexes in the site data.
  const inBoth = factsRun;
  console.log(`\nWhole builds, ${rounds} round(s), medians:`);
  for (const kind of ["cold", "edit"] as const) {
    const a = med(without, kind);
    const b = med(all, kind);
    const detail = kind === "cold" ? `files ${without[0]!.cold.files} → ${all[0]!.cold.files}` : `rendered ${without[0]!.edit.rendered} → ${all[0]!.edit.rendered}`;
    console.log(`  ${kind} without people, awards, open data  ${fmt(a)}`);
    console.log(`  ${kind} with them                          ${fmt(b)}  (${detail})`);
    const extraCpu = b.cpu - a.cpu + inBoth.cpu;
    const extraWall = b.wall - a.wall + inBoth.wall;
    console.log(`  ${kind}: their share +${((100 * extraCpu) / (a.cpu - inBoth.cpu)).toFixed(1)} % CPU, +${((100 * extraWall) / (a.wall - inBoth.wall)).toFixed(1)} % wall (indexes in both builds: ${fmt(inBoth)})`);
    // Where the difference is: the build's own phases (wall milliseconds, first round), without → with.
    const before = without[0]![kind].timings;
    const after = all[0]![kind].timings;
    const phases = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    console.log(`    phases (wall ms, round 1): ${phases.map((p) => `${p} ${before[p] ?? 0}→${after[p] ?? 0}`).join(", ")}`);
  }
  const edit = all[0]!.edit;
  console.log(`  edit with them (round 1): put in place by ${edit.commit}; rendered by producer: ${Object.entries(edit.renderedBy).map(([p, n]) => `${p} ${n}`).join(", ")}`);
}

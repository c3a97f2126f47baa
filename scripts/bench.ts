/**
 * `npm run bench`: the speed and memory benchmark the product is held to
 * (DEVELOPERS.md, issue 9), measured against the tools it must beat, in the
 * same run, on the same held-out corpus, so the figure holds on a noisy
 * shared machine.
 *
 * For every article count N (default 10,000):
 * 1. Generates N ~800-word articles (scripts/generate-articles.ts; every
 *    front-matter field, every provincial unit, twenty years; deterministic
 *    by --seed), kept in --work for reuse.
 * 2. Per repeat, back to back:
 *    a. Hugo (Debian's `hugo`, minimal layouts in scripts/bench-hugo/: article
 *       pages, province lists, RSS, aliases) over the same content, cold;
 *    b. Pagefind's CLI (the binary of the installed `pagefind` package)
 *       `--site` over Hugo's output;
 *    c. our `npm run build`, cold (no .cache, no previous output);
 *    d. the same again, warm (.cache and previous output kept, as CI restores them);
 *    e. the same after editing one article ("edit 1": what an editor's commit costs),
 *       after adding one, and after deleting it again.
 *    Drawn share cards are off (GENERATED_SHARE_CARDS=0; ~65 ms of CPU each
 *    cold, measured by scripts/media-timings.ts) unless --cards.
 *    Every run is a child process tree sampled from /proc (wall time, CPU
 *    seconds, peak RSS including worker threads and child processes). The
 *    previous output a build replaces is deleted in the background; the
 *    bench waits for that before the next run and reports how long it took.
 * 3. Prints, per N, medians and spread, the ratio ours / (Hugo + Pagefind)
 *    against the 0.6 bar and the 1 GiB memory bar, and for several N a table
 *    with the linearity ratios time(30k)/time(10k) (≤ 3.2) and
 *    time(100k)/time(10k) (≤ 11).
 * 4. Measures preview edit latency (save → edited page served) at one N.
 *
 *   npm run bench -- [--count 10000 | --count 1000,10000,30000,100000] [--repeat 3]
 *                    [--seed 1] [--work DIR] [--keep] [--edits 5] [--preview-count N]
 *                    [--max-memory 12] [--no-reference] [--no-preview] [--cards]
 *
 * Hugo or Pagefind missing is an error with an install hint: the comparison
 * is never skipped silently (`--no-reference` skips it on purpose, and says so).
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { defineCommand, runCommandLine } from "../src/cli/command-line.ts";
import { listArticleFiles } from "../src/content/load-content.ts";
import { startPreview } from "../src/preview/preview-server.ts";
import { runMeasured, type TreeRun } from "./bench-lib/process.ts";
import { generateArticles } from "./generate-articles.ts";

const ROOT = path.resolve(import.meta.dirname, "..");
const HUGO_SITE = path.join(ROOT, "scripts/bench-hugo");
/** The bar: everything in at most this fraction of Hugo + Pagefind's time. */
const RATIO_BAR = 0.6;
/** Issue 9: one article added, edited or deleted among 10,000 rebuilds in at most this fraction of Hugo's full build. */
const INCREMENTAL_BAR = 0.5;
const MEMORY_BAR = 1024 ** 3;
const LINEARITY_BARS: readonly [number, number, number][] = [
  [30_000, 10_000, 3.2],
  [100_000, 10_000, 11],
];

const values = runCommandLine(
  defineCommand({
    invocation: "npm run bench --",
    summary: "bench.command.bench",
    options: {
      count: { type: "string", default: "10000", example: "1000,10000", help: "bench.option.counts" },
      repeat: { type: "string", value: "number", default: "1", help: "bench.option.repeat" },
      seed: { type: "string", value: "number", default: "1", help: "bench.option.seed" },
      work: { type: "string", value: "dir", help: "bench.option.work" },
      keep: { type: "boolean", help: "cli.option.keep" },
      edits: { type: "string", value: "number", default: "5", help: "cli.option.edits" },
      "preview-count": { type: "string", value: "number", help: "bench.option.previewCount" },
      "max-memory": { type: "string", value: "number", default: "12", help: "bench.option.maxMemory" },
      "no-reference": { type: "boolean", help: "bench.option.noReference" },
      "no-preview": { type: "boolean", help: "bench.option.noPreview" },
      cards: { type: "boolean", help: "bench.option.cards" },
    },
  }),
);

function fail(message: string): never {
  console.error(`\nbench: ${message}`);
  process.exit(2);
}

const counts = values.count.split(",").map((s) => Number(s.trim()));
if (counts.some((n) => !Number.isInteger(n) || n < 1)) fail(`--count takes whole numbers separated by commas, got "${values.count}"`);
const repeat = Number(values.repeat);
if (!Number.isInteger(repeat) || repeat < 1) fail(`--repeat takes a whole number ≥ 1, got "${values.repeat}"`);
const seed = Number(values.seed);
const maxBytes = Number(values["max-memory"]) * 1024 ** 3;
const withReference = !values["no-reference"];

// ---------------------------------------------------------------------------
// The reference tools: found, or a loud failure with the fix.
// ---------------------------------------------------------------------------

function hugoBinary(): string {
  try {
    const version = execFileSync("hugo", ["version"], { encoding: "utf8" }).trim();
    console.log(`Hugo: ${version}`);
    return "hugo";
  } catch {
    return fail("Hugo is not installed, so there is nothing to compare with.\n  Install it: apt-get install -y hugo   (Debian's package, 0.111; run as root)\n  Or run without the comparison, on purpose: npm run bench -- --no-reference");
  }
}

async function pagefindBinary(): Promise<string> {
  try {
    // The npm package's own resolver (lib/resolveBinary.js), as its CLI wrapper uses.
    const resolver = new URL("resolveBinary.js", import.meta.resolve("pagefind"));
    const { resolveBinaryPath } = (await import(resolver.href)) as { resolveBinaryPath(names: string[]): string };
    const binary = resolveBinaryPath(["pagefind_extended", "pagefind"]);
    const version = execFileSync(binary, ["--version"], { encoding: "utf8" }).trim();
    console.log(`Pagefind: ${version} (${path.relative(ROOT, binary)})`);
    return binary;
  } catch (error) {
    return fail(`Pagefind's CLI is not available: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}\n  Install the project's dependencies (npm ci): the pagefind package brings its binary (@pagefind/<platform>).\n  Or run without the comparison, on purpose: npm run bench -- --no-reference`);
  }
}

// ---------------------------------------------------------------------------
// Runs
// ---------------------------------------------------------------------------

const gib = (b: number): string => `${(b / 1024 ** 3).toFixed(2)} GiB`;
const secs = (s: number): string => `${s.toFixed(1)} s`;
const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
/** "12.3 s (11.9–13.0)" for several values, "12.3 s" for one. */
const spread = (xs: readonly number[], unit: (x: number) => string = secs): string => (xs.length > 1 ? `${unit(median(xs))} (${unit(Math.min(...xs))}–${unit(Math.max(...xs))})` : unit(xs[0] ?? NaN));

function checked(label: string, run: TreeRun): TreeRun {
  if (run.killedAtBytes !== undefined) console.log(`  ${label}: STOPPED at ${gib(run.killedAtBytes)} (over --max-memory ${values["max-memory"]} GiB; raise it if the machine has room)`);
  else if (run.exitCode !== 0) fail(`${label} failed (exit ${run.exitCode}):\n${run.output.slice(-4000)}`);
  else {
    console.log(`  ${label}: ${secs(run.seconds)}, CPU ${secs(run.cpuSeconds)}, peak ${gib(run.peakBytes)}`);
    const phases = phasesOf(run.output);
    if (Object.keys(phases).length > 0) console.log(`    phases (ms): ${Object.entries(phases).map(([k, v]) => `${k} ${v}`).join(", ")}`);
    const outputs = /outputs rendered .*$/m.exec(run.output)?.[0];
    if (outputs) console.log(`    ${outputs}`);
  }
  return run;
}

/** Waits for the build's background deletion of the replaced output (`<out>.old-<pid>`) to finish; returns seconds waited. */
async function waitForCleanup(outDir: string): Promise<number> {
  const started = performance.now();
  const parent = path.dirname(outDir);
  const prefix = `${path.basename(outDir)}.`;
  while (readdirSync(parent).some((n) => n.startsWith(prefix))) {
    if (performance.now() - started > 600_000) fail(`${outDir}.old-* still present after 10 minutes`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return (performance.now() - started) / 1000;
}

/** Files, folders and bytes of an output folder. */
function outputSize(dir: string): { files: number; dirs: number; bytes: number; diskBytes: number } {
  let files = 0;
  let dirs = 0;
  let bytes = 0;
  let diskBytes = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isDirectory()) dirs++;
    else if (entry.isFile()) {
      const st = statSync(path.join(entry.parentPath, entry.name));
      files++;
      bytes += st.size;
      diskBytes += st.blocks * 512;
    }
  }
  return { files, dirs, bytes, diskBytes };
}

/** The build as `npm run build` runs it (package.json: "node scripts/run-bundled.mjs scripts/build.ts"), plus the options the bench needs. */
function ourBuild(root: string): Promise<TreeRun> {
  const script = (JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts["build"] ?? "";
  const [bin, ...args] = script.split(" ");
  if (bin !== "node") fail(`package.json's build script changed ("${script}"): update scripts/bench.ts`);
  // Drawn share cards cost 8–10 ms of CPU each on a cold cache (README: Pictures and share cards),
  // ~1.5 CPU-minutes for 10,000 articles: measured on their own unless --cards asks for them here.
  const env = values.cards ? process.env : { ...process.env, GENERATED_SHARE_CARDS: "0" };
  return runMeasured(process.execPath, [...args, "--root", root, "--out", path.join(root, "_site"), "--timings", "--lang", "en"], { cwd: ROOT, maxBytes, env });
}

/** "load 4100 ms, qr 2000 ms, …" → { load: 4100, … } */
function phasesOf(output: string): Record<string, number> {
  const line = output.split("\n").find((l) => /^load \d+ ms/.test(l)) ?? "";
  return Object.fromEntries([...line.matchAll(/([\w-]+) (\d+) ms/g)].map((m) => [m[1]!, Number(m[2])]));
}

async function previewEdits(root: string, edits: number): Promise<number[]> {
  const preview = await startPreview({ rootDir: root, port: 0 });
  try {
    const files = listArticleFiles(root);
    const latencies: number[] = [];
    for (let i = 0; i < edits; i++) {
      const file = files[(i * 997) % files.length]!;
      const article = preview.store.snapshot().articles.find((a) => a.sourcePath === file);
      if (!article) continue; // a draft
      await fetch(`${preview.url}${article.url}`).then((r) => r.text());
      const marker = `Sửa lần ${i} ${Date.now()}`;
      const full = path.join(root, file);
      const source = readFileSync(full, "utf8");
      const started = performance.now();
      writeFileSync(full, source.replace(/^title: "/m, `title: "${marker} `));
      // Poll like a browser reloading after the change event would: until the new title is served.
      for (;;) {
        const html = await fetch(`${preview.url}${article.url}`).then((r) => r.text());
        if (html.includes(marker)) break;
        if (performance.now() - started > 5000) throw new Error("edit not visible after 5 s");
        await new Promise((r) => setTimeout(r, 5));
      }
      latencies.push(performance.now() - started);
      writeFileSync(full, source);
      await new Promise((r) => setTimeout(r, 100));
    }
    return latencies;
  } finally {
    await preview.close();
  }
}

interface Repeat {
  readonly hugo?: TreeRun;
  readonly pagefind?: TreeRun;
  readonly cold: TreeRun;
  readonly warm: TreeRun;
  readonly edit: TreeRun;
  readonly add: TreeRun;
  readonly remove: TreeRun;
  readonly cleanup: number;
}

interface Row {
  readonly count: number;
  readonly published: number;
  readonly repeats: readonly Repeat[];
  readonly size: ReturnType<typeof outputSize>;
  readonly phases: Record<string, number>;
}

/**
 * A new article (a copy of one with a new file name and title): what
 * publishing one release costs. It keeps the copied article's date: a new
 * date could fall after its province merged (2025-07-01), which the build
 * rightly refuses.
 */
function addOneArticle(root: string, round: number): string {
  const files = listArticleFiles(root);
  const source = files[Math.floor(files.length / 3)]!;
  const target = path.join(root, path.dirname(source), `bai-moi-bench-${round}.md`);
  if (existsSync(target)) fail(`${target} is already there: the "added" build would add nothing`);
  const text = readFileSync(path.join(root, source), "utf8")
    .replace(/^title: "/m, `title: "Bài mới ${round}: `)
    .replace(/^aliases:\n(?: {2}- .*\n)+/m, "");
  writeFileSync(target, text);
  return target;
}

/** Appends a word to one article's body: a content change that keeps every URL. */
function editOneArticle(root: string, round: number): void {
  const files = listArticleFiles(root);
  const file = path.join(root, files[Math.floor(files.length / 2)]!);
  writeFileSync(file, `${readFileSync(file, "utf8").trimEnd()} Cập nhật ${round}.\n`);
}

async function benchCount(count: number, work: string, tools: { hugo: string; pagefind: string } | undefined): Promise<Row> {
  const root = path.join(work, `n${count}-seed${seed}`);
  const marker = path.join(root, ".bench-corpus.json");
  const generator = readFileSync(path.join(ROOT, "scripts/generate-articles.ts"), "utf8");
  const wanted = JSON.stringify({ count, seed, generator: generator.length });
  if (!existsSync(marker) || readFileSync(marker, "utf8") !== wanted) {
    const started = performance.now();
    rmSync(root, { recursive: true, force: true });
    mkdirSync(root, { recursive: true });
    generateArticles(root, count, { seed });
    writeFileSync(marker, wanted);
    console.log(`\n== ${count} articles (generated in ${secs((performance.now() - started) / 1000)} into ${root})`);
  } else console.log(`\n== ${count} articles (corpus reused: ${root})`);
  const hugoOut = path.join(root, "_hugo");
  const repeats: Repeat[] = [];
  for (let r = 0; r < repeat; r++) {
    console.log(`-- round ${r + 1}/${repeat}, load average ${loadavg().map((l) => l.toFixed(1)).join(" ")}`);
    // An article a killed run added is still there: every tool must see the corpus itself, and the
    // "added" build must really add one (with the file already there it rebuilt nothing).
    for (const file of listArticleFiles(root)) if (/(?:^|\/)bai-moi-bench-\d+\.md$/.test(file)) rmSync(path.join(root, file));
    let hugo: TreeRun | undefined;
    let pagefind: TreeRun | undefined;
    if (tools) {
      rmSync(hugoOut, { recursive: true, force: true });
      rmSync(path.join(root, "_hugo-cache"), { recursive: true, force: true });
      hugo = checked("Hugo", await runMeasured(tools.hugo, ["--source", HUGO_SITE, "--contentDir", path.join(root, "content"), "--destination", hugoOut, "--cacheDir", path.join(root, "_hugo-cache"), "--quiet"], { maxBytes }));
      pagefind = checked("Pagefind --site", await runMeasured(tools.pagefind, ["--site", hugoOut, "--force-language", "vi"], { maxBytes }));
      rmSync(hugoOut, { recursive: true, force: true });
    }
    rmSync(path.join(root, "_site"), { recursive: true, force: true });
    rmSync(path.join(root, ".cache"), { recursive: true, force: true });
    const cold = checked("ours, cold", await ourBuild(root));
    let cleanup = await waitForCleanup(path.join(root, "_site"));
    const warm = checked("ours, warm", await ourBuild(root));
    cleanup = Math.max(cleanup, await waitForCleanup(path.join(root, "_site")));
    editOneArticle(root, r);
    const edit = checked("ours, 1 article edited", await ourBuild(root));
    cleanup = Math.max(cleanup, await waitForCleanup(path.join(root, "_site")));
    const added = addOneArticle(root, r);
    const add = checked("ours, 1 article added", await ourBuild(root));
    cleanup = Math.max(cleanup, await waitForCleanup(path.join(root, "_site")));
    rmSync(added);
    const remove = checked("ours, 1 article deleted", await ourBuild(root));
    cleanup = Math.max(cleanup, await waitForCleanup(path.join(root, "_site")));
    if (cleanup > 0.5) console.log(`  background deletion of the replaced output went on for up to ${secs(cleanup)} after a build`);
    repeats.push({ ...(hugo ? { hugo } : {}), ...(pagefind ? { pagefind } : {}), cold, warm, edit, add, remove, cleanup });
    if (hugo && pagefind && cold.killedAtBytes === undefined && hugo.killedAtBytes === undefined && pagefind.killedAtBytes === undefined) {
      console.log(`  ratio ours cold / (Hugo + Pagefind) = ${(cold.seconds / (hugo.seconds + pagefind.seconds)).toFixed(2)} (bar ${RATIO_BAR}); CPU seconds ${(cold.cpuSeconds / (hugo.cpuSeconds + pagefind.cpuSeconds)).toFixed(2)}`);
    }
    if (hugo && hugo.killedAtBytes === undefined) {
      const ratio = (run: TreeRun): string => `${(run.seconds / hugo.seconds).toFixed(2)} wall, ${(run.cpuSeconds / hugo.cpuSeconds).toFixed(2)} CPU`;
      console.log(`  incremental / Hugo's full build (bar ${INCREMENTAL_BAR}): edited ${ratio(edit)}; added ${ratio(add)}; deleted ${ratio(remove)}`);
    }
  }
  const last = repeats[repeats.length - 1]!;
  const size = existsSync(path.join(root, "_site")) ? outputSize(path.join(root, "_site")) : { files: 0, dirs: 0, bytes: 0, diskBytes: 0 };
  const published = Number(/Built (\d+) articles/.exec(last.cold.output)?.[1] ?? 0);
  return { count, published, repeats, size, phases: phasesOf(last.cold.output) };
}

// ---------------------------------------------------------------------------

const tools = withReference ? { hugo: hugoBinary(), pagefind: await pagefindBinary() } : undefined;
if (!tools) console.log("\n*** --no-reference: Hugo and Pagefind are NOT run; no ratio is computed. ***");
const work = values.work ? path.resolve(values.work) : mkdtempSync(path.join(tmpdir(), "bench-"));
mkdirSync(work, { recursive: true });
console.log(`Machine: ${readFileSync("/proc/cpuinfo", "utf8").split("\n").filter((l) => l.startsWith("processor")).length} cores; load average at start ${loadavg().map((l) => l.toFixed(1)).join(" ")}`);

const rows: Row[] = [];
let previewLatencies: number[] | undefined;
const previewCount = values["preview-count"] ? Number(values["preview-count"]) : counts.reduce((best, n) => (Math.abs(n - 10_000) < Math.abs(best - 10_000) ? n : best), counts[0]!);
try {
  for (const count of counts) {
    const row = await benchCount(count, work, tools);
    rows.push(row);
    if (count === previewCount && !values["no-preview"]) previewLatencies = await previewEdits(path.join(work, `n${count}-seed${seed}`), Number(values.edits));
  }
} finally {
  if (!values.keep && !values.work) rmSync(work, { recursive: true, force: true });
  else console.log(`\nCorpora kept in ${work}`);
}

// ---------------------------------------------------------------------------
// Report
// ---------------------------------------------------------------------------

/** The tree's RSS every ~2 s, to see which phase holds memory. */
function memoryProfile(run: TreeRun): string {
  const points: string[] = [];
  let next = 0;
  for (const [t, rss] of run.timeline) {
    if (t < next) continue;
    points.push(`${t.toFixed(0)}: ${(rss / 1024 ** 3).toFixed(2)}`);
    next = t + 2;
  }
  return points.join(", ");
}

const col = (xs: readonly (TreeRun | undefined)[], pick: (r: TreeRun) => number, unit: (x: number) => string = secs): string => {
  const runs = xs.filter((r): r is TreeRun => r !== undefined);
  if (runs.length === 0) return "–";
  if (runs.some((r) => r.killedAtBytes !== undefined)) return `stopped > ${values["max-memory"]} GiB`;
  return spread(runs.map(pick), unit);
};

console.log(`\n## Results (seed ${seed}, ${repeat} round(s) each; medians with min–max; memory = peak RSS of the whole process tree)\n`);
for (const row of rows) {
  const rs = row.repeats;
  console.log(`### ${row.count} articles (${row.published} published)`);
  if (tools) {
    console.log(`Hugo (pages, province lists, RSS):  ${col(rs.map((r) => r.hugo), (r) => r.seconds)}, CPU ${col(rs.map((r) => r.hugo), (r) => r.cpuSeconds)}, peak ${col(rs.map((r) => r.hugo), (r) => r.peakBytes, gib)}`);
    console.log(`Pagefind --site over Hugo's output: ${col(rs.map((r) => r.pagefind), (r) => r.seconds)}, CPU ${col(rs.map((r) => r.pagefind), (r) => r.cpuSeconds)}, peak ${col(rs.map((r) => r.pagefind), (r) => r.peakBytes, gib)}`);
  }
  console.log(`Ours, cold:                          ${col(rs.map((r) => r.cold), (r) => r.seconds)}, CPU ${col(rs.map((r) => r.cold), (r) => r.cpuSeconds)}, peak ${col(rs.map((r) => r.cold), (r) => r.peakBytes, gib)}`);
  console.log(`Ours, warm:                          ${col(rs.map((r) => r.warm), (r) => r.seconds)}, CPU ${col(rs.map((r) => r.warm), (r) => r.cpuSeconds)}, peak ${col(rs.map((r) => r.warm), (r) => r.peakBytes, gib)}`);
  console.log(`Ours, 1 article edited:              ${col(rs.map((r) => r.edit), (r) => r.seconds)}, CPU ${col(rs.map((r) => r.edit), (r) => r.cpuSeconds)}, peak ${col(rs.map((r) => r.edit), (r) => r.peakBytes, gib)}`);
  console.log(`Ours, 1 article added:               ${col(rs.map((r) => r.add), (r) => r.seconds)}, CPU ${col(rs.map((r) => r.add), (r) => r.cpuSeconds)}, peak ${col(rs.map((r) => r.add), (r) => r.peakBytes, gib)}`);
  console.log(`Ours, 1 article deleted:             ${col(rs.map((r) => r.remove), (r) => r.seconds)}, CPU ${col(rs.map((r) => r.remove), (r) => r.cpuSeconds)}, peak ${col(rs.map((r) => r.remove), (r) => r.peakBytes, gib)}`);
  console.log(`Memory over the last cold build (s: GiB, every 2 s): ${memoryProfile(rs[rs.length - 1]!.cold)}`);
  console.log(`Output: ${row.size.files} files in ${row.size.dirs} folders, ${(row.size.bytes / 1024 ** 2).toFixed(0)} MiB (${(row.size.diskBytes / 1024 ** 2).toFixed(0)} MiB on disk)`);
  console.log(`Phases of the last cold build (ms): ${Object.entries(row.phases).map(([k, v]) => `${k} ${v}`).join(", ")}`);
  const ratios = rs.filter((r) => r.hugo && r.pagefind && r.cold.killedAtBytes === undefined && r.hugo.killedAtBytes === undefined && r.pagefind.killedAtBytes === undefined).map((r) => r.cold.seconds / (r.hugo!.seconds + r.pagefind!.seconds));
  const cpuRatios = rs.filter((r) => r.hugo && r.pagefind).map((r) => r.cold.cpuSeconds / (r.hugo!.cpuSeconds + r.pagefind!.cpuSeconds));
  if (tools) {
    if (ratios.length === 0) console.log(`Ratio ours / (Hugo + Pagefind): NOT AVAILABLE — a run was stopped at the memory cap`);
    else {
      const m = median(ratios);
      console.log(`Ratio ours / (Hugo + Pagefind), wall time: ${spread(ratios, (x) => x.toFixed(2))} → ${m <= RATIO_BAR ? "MEETS" : "MISSES"} the bar ${RATIO_BAR}; CPU seconds: ${spread(cpuRatios, (x) => x.toFixed(2))}`);
    }
  }
  if (tools) {
    const withHugo = rs.filter((r) => r.hugo && r.hugo.killedAtBytes === undefined);
    if (withHugo.length > 0) {
      const part = (label: string, pick: (r: Repeat) => TreeRun): string => {
        const wall = median(withHugo.map((r) => pick(r).seconds / r.hugo!.seconds));
        const cpu = median(withHugo.map((r) => pick(r).cpuSeconds / r.hugo!.cpuSeconds));
        return `${label} ${wall.toFixed(2)} wall / ${cpu.toFixed(2)} CPU → ${Math.max(wall, cpu) <= INCREMENTAL_BAR ? "meets" : "MISSES"}`;
      };
      console.log(`Incremental / Hugo's full build (bar ${INCREMENTAL_BAR}): ${part("edited", (r) => r.edit)}; ${part("added", (r) => r.add)}; ${part("deleted", (r) => r.remove)}`);
    }
  }
  const peak = median(rs.map((r) => r.cold.peakBytes));
  console.log(`Memory: cold peak ${gib(peak)} → ${peak <= MEMORY_BAR ? "meets" : "MISSES"} the ${gib(MEMORY_BAR)} bar\n`);
}

if (rows.length > 1) {
  console.log("| N | cold | warm | 1 edited | 1 added | 1 deleted | peak memory (cold) | files | folders | output | Hugo + Pagefind | ratio | phases (cold, s) |");
  console.log("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
  for (const row of rows) {
    const rs = row.repeats;
    const ref = tools ? col(rs.map((r) => (r.hugo && r.pagefind ? { ...r.hugo, seconds: r.hugo.seconds + r.pagefind.seconds, ...(r.pagefind.killedAtBytes !== undefined ? { killedAtBytes: r.pagefind.killedAtBytes } : {}) } : undefined)), (r) => r.seconds) : "–";
    const ratio = tools ? spread(rs.filter((r) => r.hugo && r.pagefind && !r.pagefind.killedAtBytes && !r.hugo.killedAtBytes && !r.cold.killedAtBytes).map((r) => r.cold.seconds / (r.hugo!.seconds + r.pagefind!.seconds)), (x) => x.toFixed(2)) : "–";
    const phases = Object.entries(row.phases).map(([k, v]) => `${k} ${(v / 1000).toFixed(1)}`).join(", ");
    console.log(`| ${row.count} | ${col(rs.map((r) => r.cold), (r) => r.seconds)} | ${col(rs.map((r) => r.warm), (r) => r.seconds)} | ${col(rs.map((r) => r.edit), (r) => r.seconds)} | ${col(rs.map((r) => r.add), (r) => r.seconds)} | ${col(rs.map((r) => r.remove), (r) => r.seconds)} | ${col(rs.map((r) => r.cold), (r) => r.peakBytes, gib)} | ${row.size.files} | ${row.size.dirs} | ${(row.size.bytes / 1024 ** 2).toFixed(0)} MiB | ${ref} | ${ratio} | ${phases} |`);
  }
  const time = (n: number): number | undefined => {
    const row = rows.find((r) => r.count === n);
    if (!row || row.repeats.some((r) => r.cold.killedAtBytes !== undefined)) return undefined;
    return median(row.repeats.map((r) => r.cold.seconds));
  };
  console.log("");
  for (const [big, base, bar] of LINEARITY_BARS) {
    const [a, b] = [time(big), time(base)];
    if (a === undefined || b === undefined) console.log(`Linearity time(${big})/time(${base}): not measured (run --count ${base},${big})`);
    else console.log(`Linearity time(${big})/time(${base}) = ${(a / b).toFixed(2)} (bar ≤ ${bar}: ${a / b <= bar ? "meets" : "MISSES"})`);
  }
}

if (previewLatencies && previewLatencies.length > 0) {
  const sorted = [...previewLatencies].sort((a, b) => a - b);
  console.log(`\nPreview at ${previewCount} articles, save → edited page served (${sorted.length} edits): median ${median(sorted).toFixed(0)} ms, max ${sorted[sorted.length - 1]!.toFixed(0)} ms (bar 300 ms)`);
}
console.log(`Load average at the end: ${loadavg().map((l) => l.toFixed(1)).join(" ")}`);

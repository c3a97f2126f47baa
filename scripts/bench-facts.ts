/**
 * What people, awards and open data cost the build (issue 11: at most 15 %
 * more at 10,000 articles). Builds the same content twice per round, without
 * and then with their producers (src/open-data/facts-producers.ts), and
 * times the people and awards indexes (buildFacts, part of the site data in
 * both builds) on their own. CPU seconds are the process's (worker threads
 * included), steadier than wall time on a shared machine.
 *
 *   npx tsx scripts/generate-articles.ts --count 10000 --root /tmp/bench-facts
 *   npx tsx scripts/bench-facts.ts --root /tmp/bench-facts [--rounds 2]
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { buildSite } from "../src/build/build-site.ts";
import { defineCommand, exitWithErrors, runCommandLine } from "../src/cli/command-line.ts";
import { projectRootErrors } from "../src/cli/project-root.ts";
import { FACTS_PRODUCERS } from "../src/open-data/facts-producers.ts";
import { buildFacts } from "../src/open-data/facts.ts";
import { SITE_PRODUCERS } from "../src/plan/site-outputs.ts";
import { loadSite } from "../src/site-data.ts";

const values = runCommandLine(
  defineCommand({
    invocation: "npx tsx scripts/bench-facts.ts",
    summary: "cli.command.benchFacts",
    options: {
      root: { type: "string", value: "dir", required: true, example: "/tmp/bench-facts", help: "cli.option.benchRoot" },
      rounds: { type: "string", value: "number", default: "2", help: "cli.option.rounds" },
    },
  }),
);
const rootDir = path.resolve(values.root);
const rootErrors = projectRootErrors(rootDir);
if (rootErrors.length > 0) exitWithErrors(rootErrors);
const rounds = Number(values.rounds);

const facts = new Set(FACTS_PRODUCERS);
const withoutFacts = SITE_PRODUCERS.filter((p) => !facts.has(p));

interface Run {
  readonly wall: number;
  readonly cpu: number;
  readonly files: number;
}

async function timedBuild(producers: typeof SITE_PRODUCERS): Promise<Run> {
  const parent = mkdtempSync(path.join(tmpdir(), "bench-facts-out-"));
  try {
    const cpu = process.cpuUsage();
    const start = performance.now();
    const result = await buildSite({ rootDir, outDir: path.join(parent, "_site"), producers });
    const used = process.cpuUsage(cpu);
    return { wall: (performance.now() - start) / 1000, cpu: (used.user + used.system) / 1e6, files: result.fileCount };
  } finally {
    rmSync(parent, { recursive: true, force: true });
  }
}

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

// One warm-up build fills the caches (parse, QR, media) so both sides measure the same work.
await timedBuild(SITE_PRODUCERS);
const without: Run[] = [];
const all: Run[] = [];
for (let i = 0; i < rounds; i++) {
  without.push(await timedBuild(withoutFacts));
  all.push(await timedBuild(SITE_PRODUCERS));
}
const { data } = await loadSite({ rootDir });
const cpu = process.cpuUsage();
const start = performance.now();
buildFacts(data.model.articles);
const factsWall = (performance.now() - start) / 1000;
const factsUsed = process.cpuUsage(cpu);
const factsCpu = (factsUsed.user + factsUsed.system) / 1e6;

const row = (label: string, runs: readonly Run[]): string =>
  `${label.padEnd(36)} wall ${median(runs.map((r) => r.wall)).toFixed(1)} s  CPU ${median(runs.map((r) => r.cpu)).toFixed(1)} s  files ${runs[0]!.files}`;
console.log(`${data.model.articles.length} articles, ${rounds} round(s), medians (warm caches)`);
console.log(row("without people, awards, open data", without));
console.log(row("with them", all));
const extraCpu = median(all.map((r) => r.cpu)) - median(without.map((r) => r.cpu)) + factsCpu;
const extraWall = median(all.map((r) => r.wall)) - median(without.map((r) => r.wall)) + factsWall;
console.log(`people and awards indexes (in both builds): ${factsWall.toFixed(2)} s, CPU ${factsCpu.toFixed(2)} s`);
console.log(
  `their share: +${((100 * extraCpu) / (median(without.map((r) => r.cpu)) - factsCpu)).toFixed(1)} % CPU, +${((100 * extraWall) / (median(without.map((r) => r.wall)) - factsWall)).toFixed(1)} % wall`,
);

/**
 * A/B comparison of checkouts' builds on the same corpus, interleaved
 * (A, B, A, B, …; the order alternates between rounds) so that a busy shared
 * machine slows each alike: for each round, each checkout's `npm run build`
 * runs cold (no .cache, no previous output) and, with --warm, then warm,
 * measured as a process tree (bench-lib/process.ts).
 * Prints medians and ranges of wall time, CPU seconds and peak memory, and
 * the per-phase medians from `--timings`.
 *
 *   tsx scripts/bench-compare.ts --checkout /path/to/main-checkout --checkout . --root /tmp/corpus [--rounds 3] [--warm]
 *
 * The corpus is built by scripts/generate-articles.ts; each checkout writes
 * its own output and cache under --root (so their caches never mix).
 */
import { existsSync, readdirSync, rmSync } from "node:fs";
import { loadavg } from "node:os";
import path from "node:path";
import { defineCommand, runCommandLine } from "../src/cli/command-line.ts";
import { runMeasured, type TreeRun } from "./bench-lib/process.ts";

const values = runCommandLine(
  defineCommand({
    invocation: "npx tsx scripts/bench-compare.ts",
    summary: "bench.command.compare",
    options: {
      checkout: { type: "string", value: "dir", multiple: true, required: true, help: "bench.option.checkouts" },
      root: { type: "string", value: "dir", required: true, help: "cli.option.benchRoot" },
      rounds: { type: "string", value: "number", default: "3", help: "bench.option.repeat" },
      warm: { type: "boolean", help: "bench.option.warm" },
      env: { type: "string", multiple: true, example: "BUILD_THREADS=1", help: "bench.option.env" },
    },
  }),
);
const checkouts: Record<string, string> = Object.fromEntries(values.checkout.map((dir, i) => [String.fromCharCode(65 + i), path.resolve(dir)]));
const root = path.resolve(values.root);
const extraEnv = Object.fromEntries(values.env.map((e) => e.split("=", 2) as [string, string]));

async function build(checkout: string, label: string, state: "cold" | "warm"): Promise<TreeRun & { phases: Record<string, number> }> {
  // Each checkout gets its own project root view: content shared, output and caches separate.
  const work = path.join(root, `_compare-${label}`);
  const out = path.join(work, "_site");
  if (state === "cold") {
    rmSync(out, { recursive: true, force: true });
    rmSync(path.join(root, ".cache"), { recursive: true, force: true });
  }
  const run = await runMeasured(path.join(checkout, "node_modules/.bin/tsx"), ["scripts/build.ts", "--root", root, "--out", out, "--timings"], { cwd: checkout, env: { ...process.env, ...extraEnv } });
  if (run.exitCode !== 0) throw new Error(`${label} ${state} failed:\n${run.output.slice(-3000)}`);
  // Wait for the build's background deletion of the output it replaced.
  while (existsSync(work) && readdirSync(work).some((n) => n.startsWith("_site."))) await new Promise((r) => setTimeout(r, 100));
  const line = run.output.split("\n").find((l) => /^load \d+ ms/.test(l)) ?? "";
  const phases = Object.fromEntries([...line.matchAll(/([\w-]+) (\d+) ms/g)].map((m) => [m[1]!, Number(m[2])]));
  return { ...run, phases };
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const range = (xs: number[], digits = 1): string => `${median(xs).toFixed(digits)} (${Math.min(...xs).toFixed(digits)}–${Math.max(...xs).toFixed(digits)})`;

type Runs = Record<string, (TreeRun & { phases: Record<string, number> })[]>;
const runs: Runs = {};
const states: ("cold" | "warm")[] = values.warm ? ["cold", "warm"] : ["cold"];
for (let round = 0; round < Number(values.rounds); round++) {
  for (const [label, checkout] of round % 2 === 0 ? Object.entries(checkouts) : Object.entries(checkouts).reverse()) {
    for (const state of states) {
      const run = await build(checkout, label, state);
      (runs[`${label} ${state}`] ??= []).push(run);
      console.log(`round ${round + 1} ${label} ${state}: ${run.seconds.toFixed(1)} s, CPU ${run.cpuSeconds.toFixed(1)} s, peak ${(run.peakBytes / 1024 ** 3).toFixed(2)} GiB (load ${loadavg()[0]!.toFixed(1)})`);
    }
  }
}
console.log(`\n${Object.entries(checkouts).map(([k, v]) => `${k} = ${v}`).join("\n")}\ncorpus ${root}, ${values.rounds} rounds, medians (min–max)`);
for (const [key, list] of Object.entries(runs)) {
  const phases = Object.keys(list[0]!.phases).map((p) => `${p} ${(median(list.map((r) => r.phases[p] ?? 0)) / 1000).toFixed(2)}`).join(", ");
  console.log(`${key.padEnd(7)} wall ${range(list.map((r) => r.seconds))} s, CPU ${range(list.map((r) => r.cpuSeconds))} s, peak ${range(list.map((r) => r.peakBytes / 1024 ** 3), 2)} GiB\n        phases (s): ${phases}`);
}

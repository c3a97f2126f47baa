/**
 * What one output file costs on this disk: writes N small files (~4 KB, the
 * size of a short-link page or QR image) the ways a build can, then deletes
 * them, and prints microseconds per file. This is the figure behind "fewer
 * files" in docs/performance-notes.md.
 *
 *   tsx scripts/bench-files.ts [--count 10000] [--dir /tmp] [--repeat 3]
 *
 * Variants: all files in one folder vs one new folder per file (what
 * `/q/<code>/index.html` needs); written synchronously in a loop vs through
 * fs/promises with bounded concurrency (libuv's thread pool, 4 threads by
 * default); and the cost of deleting them again (`rm -rf`, as the build does
 * with the output it replaces). Run it with UV_THREADPOOL_SIZE=8 or 16 to see
 * whether more I/O threads help.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { defineCommand, runCommandLine } from "../src/cli/command-line.ts";

const values = runCommandLine(
  defineCommand({
    invocation: "npx tsx scripts/bench-files.ts",
    summary: "bench.command.files",
    options: {
      count: { type: "string", value: "number", default: "10000", help: "bench.option.files" },
      dir: { type: "string", value: "dir", default: "/tmp", help: "bench.option.dir" },
      repeat: { type: "string", value: "number", default: "3", help: "bench.option.repeat" },
    },
  }),
);
const count = Number(values.count);
const payload = Buffer.alloc(4096, 0x61);

async function inParallel(n: number, limit: number, task: (i: number) => Promise<unknown>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(limit, n) }, async () => {
    while (next < n) await task(next++);
  }));
}

type Variant = { name: string; run(base: string): Promise<void> | void };
const variants: Variant[] = [
  { name: "one folder, sync loop", run: (base) => { for (let i = 0; i < count; i++) writeFileSync(path.join(base, `f${i}.html`), payload); } },
  { name: "one folder, promises ×32", run: (base) => inParallel(count, 32, (i) => writeFile(path.join(base, `f${i}.html`), payload)) },
  { name: "folder per file, sync loop (mkdir + write)", run: (base) => { for (let i = 0; i < count; i++) { const d = path.join(base, `d${i}`); mkdirSync(d); writeFileSync(path.join(d, "index.html"), payload); } } },
  { name: "folder per file, promises ×32", run: (base) => inParallel(count, 32, async (i) => { const d = path.join(base, `d${i}`); await mkdir(d); await writeFile(path.join(d, "index.html"), payload); }) },
  { name: "folder per file, mkdir recursive + promises ×32", run: (base) => inParallel(count, 32, async (i) => { const d = path.join(base, "a", `d${i}`); await mkdir(d, { recursive: true }); await writeFile(path.join(d, "index.html"), payload); }) },
];

const us = (ms: number): string => `${((ms * 1000) / count).toFixed(1)} µs/file`;
console.log(`${count} files of ${payload.length} bytes under ${values.dir}, UV_THREADPOOL_SIZE=${process.env["UV_THREADPOOL_SIZE"] ?? "4 (default)"}`);
for (const variant of variants) {
  const writes: number[] = [];
  const deletes: number[] = [];
  for (let r = 0; r < Number(values.repeat); r++) {
    const base = mkdtempSync(path.join(values.dir, "bench-files-"));
    execFileSync("sync");
    let t = performance.now();
    await variant.run(base);
    writes.push(performance.now() - t);
    t = performance.now();
    execFileSync("rm", ["-rf", "--", base]);
    deletes.push(performance.now() - t);
    rmSync(base, { recursive: true, force: true });
  }
  const med = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  console.log(`${variant.name.padEnd(48)} write ${us(med(writes))} (${writes.map((w) => us(w).split(" ")[0]).join(", ")}), rm -rf ${us(med(deletes))}`);
}
mkdirSync(values.dir, { recursive: true });

/**
 * `npm run bench`: the speed and memory benchmark the product is held to.
 *
 * 1. Generates N ~800-word articles (default 10,000) in a scratch folder.
 * 2. Runs the real production build (pages, indexes, feeds, QR, redirects,
 *    sitemap, search) as a child process, cold (no QR cache) and warm,
 *    sampling the resident memory of the whole process tree (Node, its
 *    workers and the Pagefind binary) from /proc every 50 ms.
 * 3. Starts the live preview on the same content and measures, over several
 *    edits, the time from saving a file to the edited page being served.
 *
 *   npm run bench -- --count 10000 [--keep]
 *
 * The bar (DEVELOPERS.md): ≤ 0.6 × (Hugo 5.3 s + Pagefind 21.7 s) = 16.2 s,
 * < 1 GiB, preview edit < 300 ms, cost linear in the number of articles.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { defineCommand, runCommandLine } from "../src/cli/command-line.ts";
import { listArticleFiles } from "../src/content/load-content.ts";
import { startPreview } from "../src/preview/preview-server.ts";
import { generateArticles } from "./generate-articles.ts";

const values = runCommandLine(
  defineCommand({
    invocation: "npm run bench --",
    summary: "cli.command.bench",
    options: {
      count: { type: "string", value: "number", default: "10000", help: "cli.option.count" },
      edits: { type: "string", value: "number", default: "5", help: "cli.option.edits" },
      keep: { type: "boolean", help: "cli.option.keep" },
    },
  }),
);
const count = Number(values.count);
const BAR_SECONDS = 0.6 * (5.3 + 21.7);
const BAR_BYTES = 1024 ** 3;
const ROOT = path.resolve(import.meta.dirname, "..");

/** Sum of VmRSS over `pid` and all its descendants, in bytes. */
function treeRss(pid: number): number {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      const list = children.get(ppid) ?? [];
      list.push(Number(entry));
      children.set(ppid, list);
    } catch {
      // process ended while we looked
    }
  }
  let total = 0;
  const stack = [pid];
  while (stack.length > 0) {
    const p = stack.pop()!;
    try {
      const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${p}/status`, "utf8"))?.[1];
      total += Number(kb ?? 0) * 1024;
    } catch {
      // gone
    }
    stack.push(...(children.get(p) ?? []));
  }
  return total;
}

async function timedBuild(root: string, label: string): Promise<{ seconds: number; peakBytes: number; output: string }> {
  const started = performance.now();
  const child = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "scripts/build.ts"), "--root", root, "--out", path.join(root, "_site"), "--timings", "--lang", "en"], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr.on("data", (d: Buffer) => (output += d.toString()));
  let peak = 0;
  const timer = setInterval(() => {
    if (child.pid) peak = Math.max(peak, treeRss(child.pid));
  }, 50);
  const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
  clearInterval(timer);
  const seconds = (performance.now() - started) / 1000;
  if (code !== 0) throw new Error(`${label} build failed:\n${output}`);
  return { seconds, peakBytes: peak, output };
}

async function previewEdits(root: string, edits: number): Promise<number[]> {
  const preview = await startPreview({ rootDir: root, port: 0 });
  try {
    const files = listArticleFiles(root);
    const latencies: number[] = [];
    for (let i = 0; i < edits; i++) {
      const file = files[(i * 997) % files.length]!;
      const article = preview.store.snapshot().articles.find((a) => a.sourcePath === file);
      if (!article) throw new Error(`no article for ${file}`);
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

const root = mkdtempSync(path.join(tmpdir(), `bench-${count}-`));
try {
  console.log(`Generating ${count} articles in ${root} …`);
  generateArticles(root, count);
  const cold = await timedBuild(root, "cold");
  const warm = await timedBuild(root, "warm");
  const fileCount = Number(/(\d+) files/.exec(warm.output)?.[1] ?? 0);
  const edits = await previewEdits(root, Number(values.edits));
  const gib = (b: number): string => `${(b / 1024 ** 3).toFixed(2)} GiB`;
  const phases = (o: string): string => o.split("\n").find((l) => l.startsWith("load ")) ?? "";
  console.log(`
Articles: ${count}; files written: ${fileCount}
Cold build (no QR cache):  ${cold.seconds.toFixed(2)} s, peak RSS (process tree) ${gib(cold.peakBytes)}
  phases: ${phases(cold.output)}
Warm build (QR cache):     ${warm.seconds.toFixed(2)} s, peak RSS (process tree) ${gib(warm.peakBytes)}
  phases: ${phases(warm.output)}
Bar: ≤ ${BAR_SECONDS.toFixed(1)} s and < ${gib(BAR_BYTES)} → cold ${cold.seconds <= BAR_SECONDS ? "MEETS" : "MISSES"} time, ${cold.peakBytes < BAR_BYTES ? "meets" : "MISSES"} memory
Preview, save → edited page served (${edits.length} edits): median ${[...edits].sort((a, b) => a - b)[Math.floor(edits.length / 2)]!.toFixed(0)} ms, max ${Math.max(...edits).toFixed(0)} ms (bar 300 ms)`);
} finally {
  if (!values.keep && existsSync(root)) rmSync(root, { recursive: true, force: true });
  else console.log(`kept ${root}`);
}

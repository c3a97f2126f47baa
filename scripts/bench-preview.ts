/**
 * Edit-to-preview latency (issue 9: ≤ 300 ms at 10,000 articles): starts the
 * preview on a project, saves edits to articles and times each from the
 * write to the edited page served with the new text, as a browser reloading
 * on the change event would see it. Also times the background step that
 * brings the other pages up to date (see src/preview/preview-server.ts).
 *
 *   npx tsx scripts/bench-preview.ts --root /tmp/preview-10k --edits 10
 *
 * (`--help` lists the options.)
 *
 * The project is edited in place (each edit is undone afterwards): point it
 * at a copy, never at a corpus others read. Edits alternate between a
 * sentence appended to the body and a changed title. By default the next
 * edit is saved once the background step is done, as an editor reading the
 * page would; `--pause 100` saves 100 ms after the undo,
 * as `npm run bench` does. CPU is this process's (server and the polling
 * client) over each measured span; the load average is printed beside the
 * wall times because the machine may be shared.
 *
 * `--every MS` runs `npm start`'s script in a child process instead and saves
 * an edit every MS ms whatever the preview is doing, so a save can land while
 * the background plan blocks the server (at 10,000 articles, `--every 2000`
 * puts most saves there); CPU is then the server's alone (/proc).
 */
import { spawn } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import path from "node:path";
import { defineCommand, runCommandLine } from "../src/cli/command-line.ts";
import { listArticleFiles, loadArticleFile } from "../src/content/load-content.ts";
import { startPreview } from "../src/preview/preview-server.ts";

const values = runCommandLine(
  defineCommand({
    invocation: "npx tsx scripts/bench-preview.ts",
    summary: "preview.command.bench",
    options: {
      root: { type: "string", value: "dir", required: true, example: "/tmp/preview-10k", help: "cli.option.benchRoot" },
      edits: { type: "string", value: "number", default: "10", help: "cli.option.edits" },
      pause: { type: "string", value: "number", help: "preview.option.pause" },
      every: { type: "string", value: "number", help: "preview.option.every" },
    },
  }),
);
const root = path.resolve(values.root);
const edits = Number(values.edits);
const pause = values.pause ?? "settled";
if (!Number.isInteger(edits) || edits < 1) throw new Error("--edits: a whole number ≥ 1");

const cpuMs = (from: NodeJS.CpuUsage): number => {
  const d = process.cpuUsage(from);
  return (d.user + d.system) / 1000;
};
const load = (): string => loadavg().map((l) => l.toFixed(2)).join(" ");
const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
/** A page's text; a request on a connection closed under it is sent again once, as browsers do. */
const text = async (url: string): Promise<string> => {
  try {
    return await fetch(url).then((r) => r.text());
  } catch {
    return fetch(url).then((r) => r.text());
  }
};
const show = (label: string, xs: readonly number[]): void => console.log(`${label}: median ${median(xs).toFixed(0)} ms, max ${Math.max(...xs).toFixed(0)} ms, min ${Math.min(...xs).toFixed(0)} ms (n=${xs.length})`);

console.log(`load average at start: ${load()}`);
if (values.every !== undefined) {
  await inChildProcess(Number(values.every));
  process.exit(0);
}
let cpu = process.cpuUsage();
let started = performance.now();
const preview = await startPreview({ rootDir: root, port: 0 });
const files = listArticleFiles(root);
await text(`${preview.url}/`);
console.log(`${files.length} article files; started and planned in ${(performance.now() - started).toFixed(0)} ms wall, ${cpuMs(cpu).toFixed(0)} ms CPU`);

const wall: number[] = [];
const cpus: number[] = [];
const settleWall: number[] = [];
const settleCpu: number[] = [];
try {
  for (let i = 0; i < edits; i++) {
    const file = files[(i * 997) % files.length]!;
    const article = preview.store.snapshot().articles.find((a) => a.sourcePath === file);
    if (!article || article.draft) continue;
    const page = `${preview.url}${article.url}`;
    await text(page);
    const full = path.join(root, file);
    const source = readFileSync(full, "utf8");
    const marker = `Sửa lần ${i} ${Date.now()}`;
    const edited = i % 2 === 0 ? `${source.trimEnd()}\n\n${marker}.\n` : source.replace(/^title: "?/m, (m) => `${m}${marker} `);
    cpu = process.cpuUsage();
    started = performance.now();
    writeFileSync(full, edited);
    for (;;) {
      const html = await text(page);
      if (html.includes(marker)) break;
      if (performance.now() - started > 30_000) throw new Error(`${file}: edit not visible after 30 s`);
      await new Promise((r) => setTimeout(r, 5));
    }
    wall.push(performance.now() - started);
    cpus.push(cpuMs(cpu));
    let whole = "";
    if (pause === "settled") {
      await preview.settled();
      settleWall.push(performance.now() - started);
      settleCpu.push(cpuMs(cpu));
      whole = `; whole site ${settleWall.at(-1)!.toFixed(0)} ms wall / ${settleCpu.at(-1)!.toFixed(0)} ms CPU`;
    }
    console.log(`edit ${i} (${i % 2 === 0 ? "body" : "title"}, ${file}): served ${wall.at(-1)!.toFixed(0)} ms wall / ${cpus.at(-1)!.toFixed(0)} ms CPU${whole}; load ${load()}`);
    writeFileSync(full, source);
    if (pause === "settled") {
      await new Promise((r) => setTimeout(r, 50));
      await preview.settled();
    } else await new Promise((r) => setTimeout(r, Number(pause)));
  }
} finally {
  await preview.close();
}
show("save → edited page served, wall", wall);
show("save → edited page served, CPU", cpus);
if (settleWall.length > 0) {
  show("save → whole site planned again, wall", settleWall);
  show("save → whole site planned again, CPU", settleCpu);
}
console.log(`load average at end: ${load()}`);

/** The server's CPU time so far (ms), from /proc (Linux). */
function childCpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  // utime and stime (fields 14 and 15), in clock ticks of 10 ms.
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

async function inChildProcess(every: number): Promise<void> {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(import.meta.dirname, "preview.ts"), "--root", root, "--port", "0"], { stdio: ["ignore", "pipe", "inherit"] });
  try {
    const started = performance.now();
    const origin = await new Promise<string>((resolve, reject) => {
      let out = "";
      child.stdout.on("data", (d: Buffer) => {
        out += d.toString();
        const found = /http:\/\/127\.0\.0\.1:\d+/.exec(out);
        if (found) resolve(found[0]);
      });
      child.once("exit", () => reject(new Error(`preview stopped: ${out}`)));
    });
    console.log(`server pid ${child.pid}: started and planned in ${(performance.now() - started).toFixed(0)} ms wall, ${childCpuMs(child.pid!)} ms CPU`);
    const files = listArticleFiles(root);
    const wall: number[] = [];
    const cpus: number[] = [];
    for (let i = 0; i < edits; i++) {
      const file = files[(i * 997) % files.length]!;
      const loaded = loadArticleFile(root, file);
      if (!loaded.ok || loaded.article.draft) continue;
      const page = `${origin}${loaded.article.url}`;
      const full = path.join(root, file);
      const source = readFileSync(full, "utf8");
      const marker = `Sửa lần ${i} ${Date.now()}`;
      const saved = performance.now();
      const cpu0 = childCpuMs(child.pid!);
      writeFileSync(full, i % 2 === 0 ? `${source.trimEnd()}\n\n${marker}.\n` : source.replace(/^title: "?/m, (m) => `${m}${marker} `));
      for (;;) {
        if ((await text(page)).includes(marker)) break;
        if (performance.now() - saved > 30_000) throw new Error(`${file}: edit not visible after 30 s`);
        await new Promise((r) => setTimeout(r, 5));
      }
      wall.push(performance.now() - saved);
      cpus.push(childCpuMs(child.pid!) - cpu0);
      console.log(`edit ${i} (${i % 2 === 0 ? "body" : "title"}): served ${wall.at(-1)!.toFixed(0)} ms wall / ${cpus.at(-1)!} ms server CPU; load ${load()}`);
      writeFileSync(full, source);
      await new Promise((r) => setTimeout(r, Math.max(0, every - (performance.now() - saved))));
    }
    show("save → edited page served, wall", wall);
    show("save → edited page served, server CPU", cpus);
    console.log(`load average at end: ${load()}`);
  } finally {
    child.kill("SIGTERM");
  }
}

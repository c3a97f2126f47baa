/**
 * Runs a command and measures its whole process tree, for `npm run bench`:
 * wall time, peak resident memory of the tree (the process, its worker
 * threads — they share its RSS — and every child process, e.g. a Pagefind
 * service or a background `rm`), and CPU seconds (user + system) of the tree.
 *
 * `/usr/bin/time -v` reports only the largest single process, and Node's
 * own counters miss children, so the tree is sampled from /proc: every
 * 50 ms the RSS and CPU ticks of the known descendants, and every 250 ms a
 * scan of /proc for new ones. CPU seconds matter on a shared machine: they
 * stay meaningful when other work stretches the wall-clock time.
 *
 * A memory cap protects the shared machine: when the tree's RSS passes it,
 * the tree is killed and the result says so (never a silent success).
 */
import { spawn } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";

const PAGE_BYTES = 4096;
const TICKS_PER_SECOND = 100;

export interface TreeRun {
  readonly seconds: number;
  /** Peak of the summed RSS of the tree, bytes. */
  readonly peakBytes: number;
  /** User + system CPU of every process of the tree, seconds. */
  readonly cpuSeconds: number;
  readonly exitCode: number | null;
  readonly output: string;
  /** Set when the tree passed the memory cap and was killed. */
  readonly killedAtBytes?: number;
  /** [seconds since start, tree RSS bytes] every 50 ms. */
  readonly timeline: readonly (readonly [number, number])[];
}

/** Parent pid → child pids, from /proc. */
function childrenMap(): Map<number, number[]> {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    const c = entry.charCodeAt(0);
    if (c < 48 || c > 57) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      const list = children.get(ppid);
      if (list) list.push(Number(entry));
      else children.set(ppid, [Number(entry)]);
    } catch {
      // the process ended while we looked
    }
  }
  return children;
}

/** `pid` and all its descendants. */
export function descendants(pid: number): number[] {
  const children = childrenMap();
  const out: number[] = [];
  const stack = [pid];
  while (stack.length > 0) {
    const p = stack.pop()!;
    out.push(p);
    stack.push(...(children.get(p) ?? []));
  }
  return out;
}

/** RSS bytes and CPU ticks (user + system, all threads) of one process, or undefined when it is gone. */
function sample(pid: number): { rss: number; ticks: number } | undefined {
  try {
    const statm = readFileSync(`/proc/${pid}/statm`, "utf8");
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // After the command: state(0) ppid(1) … utime(11) stime(12)
    return { rss: Number(statm.split(" ")[1]) * PAGE_BYTES, ticks: Number(fields[11]) + Number(fields[12]) };
  } catch {
    return undefined;
  }
}

/** Sum of RSS over `pid` and all its descendants, in bytes. */
export function treeRss(pid: number): number {
  return descendants(pid).reduce((sum, p) => sum + (sample(p)?.rss ?? 0), 0);
}

export interface RunOptions {
  readonly cwd?: string;
  readonly env?: NodeJS.ProcessEnv;
  /** Kill the tree when its RSS passes this many bytes. */
  readonly maxBytes?: number;
}

/** Runs `command args…`, sampling its process tree until it exits. */
export async function runMeasured(command: string, args: readonly string[], options: RunOptions = {}): Promise<TreeRun> {
  const started = performance.now();
  const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ["ignore", "pipe", "pipe"], detached: true });
  let output = "";
  child.stdout.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr.on("data", (d: Buffer) => (output += d.toString()));
  const ticks = new Map<number, number>();
  let known: number[] = [];
  let peak = 0;
  const timeline: [number, number][] = [];
  let killedAt: number | undefined;
  let tick = 0;
  const poll = (): void => {
    if (!child.pid) return;
    if (tick++ % 5 === 0) known = descendants(child.pid);
    let rss = 0;
    for (const pid of known) {
      const s = sample(pid);
      if (!s) continue;
      rss += s.rss;
      ticks.set(pid, s.ticks);
    }
    peak = Math.max(peak, rss);
    timeline.push([(performance.now() - started) / 1000, rss]);
    if (options.maxBytes && rss > options.maxBytes && killedAt === undefined) {
      killedAt = rss;
      try {
        process.kill(-child.pid, "SIGKILL"); // the whole process group (detached: true made one)
      } catch {
        // already gone
      }
    }
  };
  const timer = setInterval(poll, 50);
  const exitCode = await new Promise<number | null>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", resolve);
  });
  clearInterval(timer);
  const seconds = (performance.now() - started) / 1000;
  let cpuTicks = 0;
  for (const t of ticks.values()) cpuTicks += t;
  return { seconds, peakBytes: peak, cpuSeconds: cpuTicks / TICKS_PER_SECOND, exitCode, output, timeline, ...(killedAt !== undefined ? { killedAtBytes: killedAt } : {}) };
}

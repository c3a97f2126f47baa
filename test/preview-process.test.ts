/**
 * Stopping `npm start` stops the preview: the real script is started the way
 * an editor starts it (npm start, which runs it through `sh -c`) and stopped
 * the ways it gets stopped — Ctrl+C in the terminal (SIGINT to the whole
 * process group), SIGTERM to npm (an IDE's stop button, a process manager),
 * npm killed outright (SIGKILL). Each time the port must close and no
 * process of the group may be left.
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "..");
const site = mkdtempSync(path.join(tmpdir(), "preview-process-"));
cpSync(path.join(ROOT, "test/fixtures/valid-site"), site, { recursive: true, filter: (src) => !src.includes(`${path.sep}.cache`) });
afterAll(() => rmSync(site, { recursive: true, force: true }));

let started: ChildProcess | undefined;
afterEach(() => {
  // Whatever a failed test left: only the process group this test started.
  if (started?.pid) {
    try {
      process.kill(-started.pid, "SIGKILL");
    } catch {
      // already gone
    }
  }
  started = undefined;
});

/** Pids still alive in the process group `pgid`. */
function groupMembers(pgid: number): number[] {
  try {
    return execFileSync("ps", ["-o", "pid=", "-g", String(pgid)], { encoding: "utf8" }).split("\n").map(Number).filter((p) => p > 0);
  } catch {
    return []; // ps exits 1 when it lists nothing
  }
}

async function isServing(url: string): Promise<boolean> {
  try {
    await fetch(url, { headers: { connection: "close" }, signal: AbortSignal.timeout(2_000) });
    return true;
  } catch {
    return false;
  }
}

/** Starts `npm start` in its own process group and waits for its address. */
async function startNpm(): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const child = spawn("npm", ["start", "--", "--root", site, "--port", "0", "--lang", "en"], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"], detached: true });
  started = child;
  let output = "";
  child.stdout!.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr!.on("data", (d: Buffer) => (output += d.toString()));
  const deadline = Date.now() + 45_000;
  let url: string | undefined;
  while (!url) {
    url = /Preview of \d+ articles at (http:\/\/127\.0\.0\.1:\d+)\//.exec(output)?.[1];
    if (Date.now() > deadline) throw new Error(`the preview did not start:\n${output}`);
    if (!url) await new Promise((r) => setTimeout(r, 100));
  }
  expect(await isServing(url)).toBe(true);
  return { child, url, output: () => output };
}

async function expectStopped(pgid: number, url: string): Promise<void> {
  await expect.poll(() => isServing(url), { timeout: 10_000, interval: 200 }).toBe(false);
  await expect.poll(() => groupMembers(pgid), { timeout: 10_000, interval: 200 }).toEqual([]);
}

describe("stopping npm start stops the server", () => {
  it("Ctrl+C (SIGINT to the process group)", async () => {
    const { child, url, output } = await startNpm();
    process.kill(-child.pid!, "SIGINT");
    await expectStopped(child.pid!, url);
    expect(output()).toContain("Preview stopped.");
  });

  it("SIGTERM to npm alone", async () => {
    const { child, url } = await startNpm();
    child.kill("SIGTERM");
    await expectStopped(child.pid!, url);
  });

  it("npm killed outright (SIGKILL): the preview notices and stops", async () => {
    const { child, url } = await startNpm();
    child.kill("SIGKILL");
    await expectStopped(child.pid!, url);
  });
});

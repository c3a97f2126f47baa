/**
 * The walk of the previous output (src/build/walk-output.ts), on this thread
 * and on a worker thread through IncrementalOutput.startWalk: the same
 * files, folders and verdict, links never followed.
 */
import { lstatSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { IncrementalOutput } from "../src/build/incremental.ts";
import type { ManifestEntry } from "../src/build/output-manifest.ts";
import { walkOutputFolder } from "../src/build/walk-output.ts";

const work = mkdtempSync(path.join(tmpdir(), "walk-output-test-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** An output folder with `files`, and a manifest describing them as they are. */
function output(name: string, files: readonly string[]): { dir: string; manifest: Map<string, ManifestEntry> } {
  const dir = path.join(work, name);
  const manifest = new Map<string, ManifestEntry>();
  for (const rel of files) {
    const full = path.join(dir, rel);
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, `<p>${rel}</p>`);
    const st = lstatSync(full);
    manifest.set(rel, { fp: "k", hash: "", size: st.size, mtime: st.mtimeMs });
  }
  return { dir, manifest };
}

const FILES = ["index.html", "tin/a/index.html", "tin/b/index.html", "tim-kiem/x.json"];

/** What an IncrementalOutput knows of the previous output, asked after its walk. */
async function verdict(dir: string, manifest: Map<string, ManifestEntry>, inWorker: boolean) {
  const incremental = new IncrementalOutput({ previousDir: dir, manifest, staging: path.join(work, "staging"), buildDigest: "d" });
  if (inWorker) incremental.startWalk(0);
  await incremental.walkDone();
  const entries = [...manifest.keys(), "planted.html"].map((rel) => [rel, incremental.previousEntry(rel)?.size ?? null]);
  // One file written, many reused: in place only when the folder is clean.
  incremental.reuse([...manifest].slice(1).map(([rel, entry]) => ({ path: rel, entry })));
  incremental.wrote("index.html", "k", "", "test");
  return { entries, inPlace: incremental.canUpdateInPlace() };
}

describe("walkOutputFolder", () => {
  it("lists every file with its size and time, and every folder", () => {
    const { dir, manifest } = output("plain", FILES);
    const walk = walkOutputFolder(dir);
    expect([...walk.files].sort()).toEqual([...FILES].sort());
    expect([...walk.dirs].sort()).toEqual(["tim-kiem", "tin", "tin/a", "tin/b"]);
    walk.files.forEach((rel, i) => {
      expect(walk.sizes[i]).toBe(manifest.get(rel)!.size);
      expect(walk.mtimes[i]).toBe(manifest.get(rel)!.mtime);
    });
    expect(walk.strange).toBe(false);
  });

  it("never follows a link, and says it found one", () => {
    const { dir } = output("linked", FILES);
    mkdirSync(path.join(work, "secrets"), { recursive: true });
    writeFileSync(path.join(work, "secrets", "key"), "secret");
    symlinkSync(path.join(work, "secrets"), path.join(dir, "tin", "c"));
    symlinkSync(path.join(work, "secrets", "key"), path.join(dir, "key.html"));
    const walk = walkOutputFolder(dir);
    expect(walk.strange).toBe(true);
    expect(walk.files).not.toContain("key.html");
    expect(walk.dirs).not.toContain("tin/c");
    expect(walk.files.some((f) => f.startsWith("tin/c/"))).toBe(false);
  });
});

describe("IncrementalOutput.startWalk", { timeout: 60_000 }, () => {
  it("finds on a worker thread what the walk on this thread finds", async () => {
    const { dir, manifest } = output("clean", FILES);
    const here = await verdict(dir, manifest, false);
    expect(here.inPlace).toBe(true);
    expect(await verdict(dir, manifest, true)).toEqual(here);
  });

  it("on a worker thread too, a planted file or link keeps the output from being updated in place", async () => {
    for (const plant of ["file", "link"] as const) {
      const { dir, manifest } = output(`planted-${plant}`, FILES);
      if (plant === "file") writeFileSync(path.join(dir, "planted.html"), "<p>x</p>");
      else symlinkSync("/etc/passwd", path.join(dir, "planted.html"));
      writeFileSync(path.join(dir, "tin", "a", "index.html"), "<p>edited by hand</p>");
      const here = await verdict(dir, manifest, false);
      expect(here.inPlace).toBe(false);
      // The file edited by hand is not taken.
      expect(here.entries.find(([rel]) => rel === "tin/a/index.html")?.[1]).toBeNull();
      expect(await verdict(dir, manifest, true)).toEqual(here);
    }
  });

  it("refuses a question about the previous output while the walk runs", async () => {
    const { dir, manifest } = output("early", FILES);
    const incremental = new IncrementalOutput({ previousDir: dir, manifest, staging: path.join(work, "staging"), buildDigest: "d" });
    incremental.startWalk(0);
    expect(() => incremental.previousEntry("index.html")).toThrow(/walkDone/);
    await incremental.walkDone();
    expect(incremental.previousEntry("index.html")).toBeDefined();
  });
});

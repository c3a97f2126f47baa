/**
 * The build on worker threads and caches gives the same bytes as the plain
 * build: one worker (BUILD_THREADS=1) vs two, cold vs warm (parse and QR
 * caches filled), and QR symbols from the pool vs encoded in-process.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildSite } from "../src/build/build-site.ts";
import { loadContent } from "../src/content/load-content.ts";
import { PARALLEL_THRESHOLD, loadContentParallel } from "../src/content/parallel-load.ts";
import { buildSearchIndex } from "../src/search/index-step.ts";
import { QrStore } from "../src/links/qr-store.ts";
import { BUILD_WORKER, workersStopped } from "../src/workers/pool.ts";
import { generateArticles } from "../scripts/generate-articles.ts";

const work = mkdtempSync(path.join(tmpdir(), "build-workers-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}

async function buildWith(threads: string, root: string, out: string): Promise<void> {
  const before = process.env["BUILD_THREADS"];
  process.env["BUILD_THREADS"] = threads;
  // Drawn share cards (~75 ms of CPU each) are tested in share-cards.test.ts; here they would only cost minutes.
  process.env["GENERATED_SHARE_CARDS"] = "0";
  try {
    await buildSite({ outDir: out, rootDir: root });
    await workersStopped(); // the parse cache is written after loading, while the build goes on
  } finally {
    delete process.env["GENERATED_SHARE_CARDS"];
    if (before === undefined) delete process.env["BUILD_THREADS"];
    else process.env["BUILD_THREADS"] = before;
  }
}

describe("a build on worker threads", () => {
  it("is byte-identical on one worker and on two, cold and warm", async () => {
    const root = path.join(work, "site");
    generateArticles(root, PARALLEL_THRESHOLD + 20, { seed: 7 });
    const one = path.join(work, "one");
    const two = path.join(work, "two");
    const warm = path.join(work, "warm");
    await buildWith("1", root, one);
    rmSync(path.join(root, ".cache"), { recursive: true, force: true });
    await buildWith("2", root, two);
    expect(readdirSync(path.join(root, ".cache/parse")).length).toBeGreaterThan(100); // the cache was filled
    await buildWith("2", root, warm);
    const list = files(one);
    expect(list.length).toBeGreaterThan(2000);
    expect(files(two)).toEqual(list);
    expect(files(warm)).toEqual(list);
    for (const f of list) {
      const bytes = readFileSync(path.join(one, f));
      expect(readFileSync(path.join(two, f)).equals(bytes), `${f} differs between one and two workers`).toBe(true);
      expect(readFileSync(path.join(warm, f)).equals(bytes), `${f} differs between a cold and a warm build`).toBe(true);
    }
  }, 240_000);
});

describe("QR symbols from the worker pool", () => {
  it("are the symbols encoded in-process, on one worker or two", async () => {
    const texts = Array.from({ length: 1100 }, (_, i) => `https://tongket.example.gov.vn/q/${(i * 7919).toString(32).padStart(5, "x")}/`);
    const inProcess = new QrStore();
    const pooled = [new QrStore(), new QrStore(), new QrStore()];
    // Naming the entry sends even a few links to the pool (normally from 1,000 on).
    await pooled[0]!.warm(texts.slice(0, 150), { threads: 1, workerEntry: BUILD_WORKER });
    await pooled[1]!.warm(texts.slice(0, 150), { threads: 2, workerEntry: BUILD_WORKER });
    await pooled[2]!.warm(texts, { threads: 2 });
    for (const text of texts.filter((_, i) => i < 150 && i % 7 === 0)) {
      const svg = inProcess.svg(text, "x");
      expect(pooled[0]!.svg(text, "x")).toBe(svg);
      expect(pooled[1]!.svg(text, "x")).toBe(svg);
      expect(pooled[1]!.png(text).equals(inProcess.png(text))).toBe(true);
      expect(pooled[2]!.png(text).equals(inProcess.png(text))).toBe(true);
    }
  });
});

describe("search words folded by the loading workers", () => {
  it("give the same search bundle as words folded by the search step", async () => {
    const root = path.join(work, "search");
    generateArticles(root, 60, { seed: 3 });
    const serial = await buildSearchIndex(loadContent({ rootDir: root }).articles);
    const cold = await loadContentParallel({ rootDir: root, threads: 2, minFiles: 1 });
    await cold.cacheSaved;
    const parallel = await buildSearchIndex(cold.articles);
    const again = await loadContentParallel({ rootDir: root, threads: 2, minFiles: 1 });
    expect(again.cacheHits).toBe(again.fileCount);
    const warm = await buildSearchIndex(again.articles);
    expect(serial.files.length).toBeGreaterThan(10);
    for (const other of [parallel, warm]) {
      expect(other.files.map((f) => f.path)).toEqual(serial.files.map((f) => f.path));
      other.files.forEach((f, i) => expect(Buffer.from(f.contents).equals(Buffer.from(serial.files[i]!.contents)), f.path).toBe(true));
    }
  });
});

/**
 * renderPages (src/build/render-pages.ts): Eleventy renders the plan's pages
 * in batches and the build writes them, one batch being written while the
 * next renders.
 */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { collectorOfRuns, renderPages } from "../src/build/render-pages.ts";
import type { PlannedOutput } from "../src/plan/output-plan.ts";

const work = mkdtempSync(path.join(tmpdir(), "render-pages-test-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function page(n: number, body: () => string = () => `<p>trang ${n}</p>`): PlannedOutput {
  return { path: `trang-${n}/index.html`, url: `/trang-${n}/`, producer: "test", renderer: "eleventy", kind: "site", body, fingerprint: () => undefined };
}

/** Messages of an error and of its causes (Eleventy keeps them in `cause` or `originalError`). */
function causes(error: unknown): string[] {
  const seen: string[] = [];
  let current: unknown = error;
  while (current instanceof Error && seen.length < 10) {
    seen.push(current.message);
    const next: unknown = (current as Error & { originalError?: unknown }).originalError ?? current.cause;
    current = next;
  }
  return seen;
}

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}

describe("renderPages", () => {
  it("writes every page of every batch, with its text, and counts them", async () => {
    const out = path.join(work, "ok");
    mkdirSync(out);
    const pages = Array.from({ length: 7 }, (_, i) => page(i));
    expect(await renderPages(pages, out, { batchSize: 3 })).toBe(7);
    expect(files(out)).toEqual(pages.map((p) => p.path).sort());
    expect(readFileSync(path.join(out, "trang-5/index.html"), "utf8")).toBe("<p>trang 5</p>");
  });

  it("stops at a page that fails and leaves nothing writing after it rejects", async () => {
    const out = path.join(work, "fails");
    mkdirSync(out);
    const pages = Array.from({ length: 7 }, (_, i) =>
      page(i, () => {
        if (i === 4) throw new Error("trang 4 hỏng");
        return `<p>trang ${i}</p>`;
      }),
    );
    const error = await renderPages(pages, out, { batchSize: 2 }).catch((e: unknown) => e);
    // Eleventy wraps the page's error ("Having trouble rendering…"); the cause is kept.
    expect(causes(error).join("\n")).toMatch(/trang 4 hỏng/);
    const after = files(out);
    // Batches before the failure were written; nothing of the failing batch or later.
    expect(after).toEqual(["trang-0/index.html", "trang-1/index.html", "trang-2/index.html", "trang-3/index.html"]);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(files(out)).toEqual(after);
  });

  it("refuses to overwrite a file already in the folder", async () => {
    const out = path.join(work, "exists");
    mkdirSync(path.join(out, "trang-1"), { recursive: true });
    await renderPages([page(9)], out);
    await expect(renderPages([page(9)], out)).rejects.toThrow(/EEXIST/);
  });
});

describe("collectorOfRuns", () => {
  const MiB = 2 ** 20;

  /** A heap whose size the test sets; a collection leaves `live` of it. */
  function heap(start: number, live: () => number) {
    let used = start;
    const collections: number[] = [];
    const collect = collectorOfRuns(
      () => {
        collections.push(used);
        used = live();
      },
      () => used,
    );
    return { collect, collections, grow: (bytes: number) => (used += bytes) };
  }

  it("collects only once the heap grew by 256 MiB on a small heap", () => {
    const h = heap(100 * MiB, () => 100 * MiB);
    h.grow(200 * MiB);
    expect(h.collect()).toBe(false);
    h.grow(56 * MiB);
    expect(h.collect()).toBe(true);
    expect(h.collections).toEqual([356 * MiB]);
    h.grow(255 * MiB);
    expect(h.collect()).toBe(false);
  });

  it("waits for growth by half the live heap on a large one, so collections per page do not grow with the site", () => {
    const live = 4096 * MiB;
    const h = heap(live, () => live);
    let collected = 0;
    for (let run = 0; run < 100; run++) {
      h.grow(100 * MiB);
      if (h.collect()) collected++;
    }
    // 100 runs of 100 MiB over a 4 GiB live heap: one collection once 2 GiB were added (every 21 runs), not one per run.
    expect(collected).toBe(4);
    expect(Math.max(...h.collections)).toBe(live + 2100 * MiB);
  });
});


/**
 * Hands pages of the output plan to Eleventy, the page renderer. Eleventy
 * sees one template (src/eleventy/pages/planned-pages.11ty.ts) and a list of
 * pages, each with its output path and a render function: any subset of the
 * plan's pages can be rendered (incremental builds), and `batchSize` runs
 * Eleventy once per batch, since it keeps every page it rendered until its
 * run ends (memory bounded by the batch, not the site).
 *
 * Eleventy renders (its JSON output mode) and src/build/output-files.ts
 * writes: Eleventy 3 writes each page synchronously before rendering the
 * next one (or awaits each write in its async mode), so the main thread
 * waited on the disk for every one of tens of thousands of small files
 * (0.4–0.5 ms each for a file in a new folder on this machine:
 * `npx tsx scripts/bench-files.ts --count 3000`). Here a batch's files go
 * to the writer thread (src/build/file-writer.ts) while Eleventy renders
 * the next batch; the writer's single door (output-files.ts) also keeps
 * paths checked and files created exclusively.
 */
import { readdirSync } from "node:fs";
import path from "node:path";
import { getHeapStatistics, setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import Eleventy from "@11ty/eleventy";
import type { EleventyPage } from "../eleventy/types.ts";
import type { PlannedOutput } from "../plan/output-plan.ts";
import { ROOT_DIR } from "../site-data.ts";
import { writeOutputFiles, type OutputFile } from "./output-files.ts";

/** Eleventy's input folder: the one template, nothing else. */
export const PAGES_DIR = path.join(ROOT_DIR, "src/eleventy/pages");
const TEMPLATE = "planned-pages.11ty.ts";

export interface RenderPagesOptions {
  /** Pages per Eleventy run (default {@link DEFAULT_PAGE_BATCH}, or BUILD_PAGE_BATCH). */
  readonly batchSize?: number;
  /** Called with each page's HTML as Eleventy renders it (incremental builds record its digest). */
  readonly onRender?: (page: PlannedOutput, html: string) => void;
  /** Called after each run (default: a {@link collectorOfRuns} of its own when there is more than one run); the build shares one with its later steps. */
  readonly collect?: () => boolean;
}

/**
 * Pages per Eleventy run by default. Eleventy holds every page of a run
 * (its template data and rendered text) until the run ends, so one run over
 * every page of 10,000 articles grows the build's memory with the site;
 * each further run costs one more Eleventy start: ~26 ms of CPU (21 runs of
 * one page against 2, load average ~21; 5,000 pages: 1.5 s in one run, 1.9 s
 * in two). A cold build of 10,000 articles (tree RSS sampled every 50 ms)
 * reached 1.34 GiB in its Eleventy phase in runs of 5,000 and ~1.17 GiB in
 * runs of 2,500, the file writer's change to drop text landing in between:
 * not a like-for-like comparison of batch sizes alone.
 */
export const DEFAULT_PAGE_BATCH = 2500;

/** BUILD_PAGE_BATCH (a whole number ≥ 1) for measuring, else {@link DEFAULT_PAGE_BATCH}. */
export function pageBatchFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const value = Number(env["BUILD_PAGE_BATCH"]?.trim());
  return Number.isSafeInteger(value) && value >= 1 ? value : DEFAULT_PAGE_BATCH;
}

/**
 * Page modules of the kind Eleventy used to read directly would be rendered
 * outside the plan (unclaimed, unchecked): refuse them and say where they go.
 */
function checkTemplateFolder(): void {
  const strays = readdirSync(PAGES_DIR).filter((f) => f !== TEMPLATE);
  if (strays.length > 0) {
    throw new Error(`${path.relative(ROOT_DIR, PAGES_DIR)} must hold only ${TEMPLATE}; found ${strays.join(", ")}. Declare page types with definePageType and list them in src/plan/site-outputs.ts (see src/pages/).`);
  }
}

function toEleventy(page: PlannedOutput, onRender: RenderPagesOptions["onRender"]): EleventyPage {
  return Object.freeze({
    permalink: `/${page.path}`,
    render: () => {
      const body = page.body();
      if (typeof body !== "string") throw new Error(`${page.path}: a page must render to text`);
      onRender?.(page, body);
      return body;
    },
  });
}

/**
 * V8's full garbage collection, or undefined where it cannot be had. A run's
 * pages are garbage once it ends, but V8 collects lazily: without a
 * collection between runs the heap kept growing to ~2 GiB at 10,000
 * articles (README: Performance), as if nothing were batched. A heap cap
 * (--max-old-space-size) would bound it too, but would stop a large site's
 * build with an out-of-memory error instead of slowing it down.
 */
export function fullCollection(): (() => void) | undefined {
  try {
    setFlagsFromString("--expose-gc");
    const gc: unknown = runInNewContext("gc");
    return typeof gc === "function" ? (gc as () => void) : undefined;
  } catch {
    return undefined;
  }
}

/** Heap growth since the last collection below which {@link collectorOfRuns} does not collect. */
const MIN_GROWTH_BYTES = 256 * 2 ** 20;

/**
 * A collection after a run of pages, only once the heap has grown since the
 * last one by half the heap that collection left, and at least
 * {@link MIN_GROWTH_BYTES}. A full collection costs in proportion to the live
 * heap, so one after every run costs the Eleventy phase in proportion to
 * pages × site: at 10,000 articles (cold, load ~11) each of 20 took 1.0–1.6 s
 * for a heap of ~450–520 MiB left live; with this rule 7 of them took
 * 0.4–0.8 s and the build's CPU went 137.4 → 119.0 s (two runs at different
 * loads; the heap grew by 55–190 MiB per run; `npm run build -- --timings`
 * of a copy of the bench's 10k corpus, each collection timed by a trace
 * added for the measurement and removed). Growth in proportion to the
 * live heap keeps the cost per page constant as the site grows, and the heap
 * within 1.5 × what is live (or 256 MiB above it on a small site).
 * @param gc a full collection, as {@link fullCollection} gives it
 * @param heapUsed the heap in use now (V8's statistics; a parameter for the tests)
 */
export function collectorOfRuns(gc: () => void, heapUsed: () => number = () => getHeapStatistics().used_heap_size): () => boolean {
  let after = heapUsed();
  return () => {
    if (heapUsed() - after < Math.max(MIN_GROWTH_BYTES, after / 2)) return false;
    gc();
    after = heapUsed();
    return true;
  };
}

/** What Eleventy's JSON output gives for each page (the fields used here). */
interface RenderedPage {
  readonly outputPath: string | false;
  readonly content: unknown;
}

/** The output file of one rendered page, path relative to `outDir`. */
function toOutputFile(outDir: string, page: RenderedPage): OutputFile {
  if (typeof page.outputPath !== "string" || typeof page.content !== "string") throw new Error(`Eleventy rendered a page without an output path or text (${String(page.outputPath)})`);
  const relative = path.relative(outDir, page.outputPath).split(path.sep).join("/");
  return { path: relative, contents: page.content };
}

/**
 * Renders `pages` into `outDir` with Eleventy.
 * @returns the number of files written (one per page)
 */
export async function renderPages(pages: readonly PlannedOutput[], outDir: string, options: RenderPagesOptions = {}): Promise<number> {
  checkTemplateFolder();
  if (pages.length === 0) return 0;
  const size = Math.max(1, options.batchSize ?? pageBatchFromEnv());
  const gc = options.collect || pages.length <= size ? undefined : fullCollection();
  const collect = options.collect ?? (gc === undefined ? undefined : collectorOfRuns(gc));
  // The previous batch's writes: at most one batch is written while the next one renders, so a
  // disk slower than rendering holds back the rendering instead of queueing the site in memory.
  let writing: Promise<void> = Promise.resolve();
  let written = 0;
  try {
    for (let start = 0; start < pages.length; start += size) {
      // Frozen: Eleventy wraps unfrozen objects it paginates over in a Proxy per page.
      const batch = Object.freeze(pages.slice(start, start + size).map((page) => toEleventy(page, options.onRender)));
      const eleventy = new Eleventy(PAGES_DIR, outDir, {
        configPath: path.join(ROOT_DIR, ".eleventy.js"),
        quietMode: true,
        config: (config) => config.addGlobalData("plannedPages", batch),
      });
      // Its closing "[11ty] Wrote N files" line is printed even in quiet mode, in English, to editors
      // who read the build's own summary in Vietnamese; errors still reach us as exceptions.
      eleventy.disableLogger();
      const rendered: readonly RenderedPage[] = await eleventy.toJSON();
      if (rendered.length !== batch.length) throw new Error(`Eleventy rendered ${rendered.length} of ${batch.length} pages`);
      const files = rendered.map((page) => toOutputFile(outDir, page));
      await writing;
      written += files.length;
      writing = writeOutputFiles(outDir, files).then(() => undefined);
      // A rejection is awaited on the next turn or after the loop; until then it is not "unhandled".
      writing.catch(() => undefined);
      collect?.();
    }
  } catch (error) {
    // Nothing may still be writing when the caller removes the staging folder.
    await writing.catch(() => undefined);
    throw error;
  }
  await writing;
  return written;
}

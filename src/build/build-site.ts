/**
 * The whole build as one function, for the CLI, the benchmark and tests:
 * load and validate content, plan every output (src/plan/), then render the
 * plan's pages with Eleventy and write its files into a temporary sibling
 * folder, and swap it into place. Nothing is written before the plan holds
 * no error.
 */
import { readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ContentValidationError, type ContentError } from "../content/errors.ts";
import { LEDGER_FILE, serializeLedger } from "../links/ledger.ts";
import { serializePersonRecord } from "../people/person-record.ts";
import type { PlannedOutput } from "../plan/output-plan.ts";
import { planSite } from "../plan/site-outputs.ts";
import type { SiteConfig } from "../site-config.ts";
import { ROOT_DIR, loadSite } from "../site-data.ts";
import { prepareOutputDir } from "./output-dir.ts";
import { writeOutputFiles } from "./output-files.ts";
import { renderPages } from "./render-pages.ts";
import { withArticleMedia } from "./article-images.ts";

export interface BuildOptions {
  /** Final output folder, e.g. /repo/_site. */
  readonly outDir: string;
  /** Project root holding content/. Defaults to this repository. */
  readonly rootDir?: string;
  readonly includeDrafts?: boolean;
  /** Site configuration (default: from the environment, SITE_URL). */
  readonly config?: SiteConfig;
  /** Pages per Eleventy run (default: all at once); see src/build/render-pages.ts. */
  readonly pageBatchSize?: number;
  /**
   * What to do with the published-URL record (published-urls.json):
   * "record" writes new articles and moves to it after a successful build
   * (the CLI default), "frozen" fails when it would change (CI: the record
   * must be committed), "read-only" leaves it alone (tests).
   */
  readonly ledger?: "record" | "frozen" | "read-only";
}

export interface BuildResult {
  readonly outDir: string;
  readonly articleCount: number;
  readonly fileCount: number;
  /** Milliseconds per phase ("load", "eleventy", each step's name, "swap"), for the benchmark. */
  readonly timings: Readonly<Record<string, number>>;
  /** Entries the build added to or changed in the published-URL record (0 when unchanged or not recording). */
  readonly ledgerChanges: number;
  /** Content warnings and notices (never fatal), for the command to print. */
  readonly warnings: readonly ContentError[];
}

function countFiles(dir: string): number {
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length;
}

/**
 * Builds the site atomically.
 * @throws ContentValidationError when any article is invalid (nothing is written)
 * @throws OutputDirError when the output folder may not be replaced (nothing is written or deleted)
 */
export async function buildSite(options: BuildOptions): Promise<BuildResult> {
  const outDir = path.resolve(options.outDir);
  const rootDir = options.rootDir ?? ROOT_DIR;
  const output = prepareOutputDir(outDir, { rootDir });
  const timings: Record<string, number> = {};
  let mark = performance.now();
  const lap = (name: string): void => {
    const now = performance.now();
    timings[name] = (timings[name] ?? 0) + Math.round(now - mark);
    mark = now;
  };
  const loaded = await loadSite({ rootDir, ...(options.includeDrafts ? { includeDrafts: true } : {}), ...(options.config ? { config: options.config } : {}) });
  const contentWarnings = loaded.contentWarnings;
  lap("load");
  // Pictures and share cards before planning: pages show them and the plan claims their files.
  // Their errors join the content's, so one build lists every problem.
  const { data, errors: mediaErrors } = await withArticleMedia(loaded.data, { makeCards: loaded.contentErrors.length === 0 });
  lap("media");
  const { plan, errors } = planSite(data, [...loaded.contentErrors, ...mediaErrors]);
  const links = data.links.plan;
  const ledgerMode = options.ledger ?? "read-only";
  const all: ContentError[] = [...errors];
  const recordChanged = links.changed || data.people.recordChanged;
  if (ledgerMode === "frozen" && recordChanged) {
    all.push({ file: LEDGER_FILE, message: "is out of date: this content publishes new URLs or moves articles", expected: "the record committed together with the content", fix: "run npm run build locally and commit published-urls.json" });
  }
  if (all.length > 0) throw new ContentValidationError(all, contentWarnings);
  lap("plan");
  await data.qr.warm(data.links.sharePages.map((s) => s.shortUrl));
  lap("qr");

  const staging = output.staging;
  output.createStaging();
  try {
    await renderPages(plan.pages, staging, options.pageBatchSize ? { batchSize: options.pageBatchSize } : {});
    lap("eleventy");
    // Files, grouped by producer (one timing each), then the folders filled after planning.
    const byProducer = new Map<string, PlannedOutput[]>();
    for (const file of plan.files) {
      const list = byProducer.get(file.producer) ?? [];
      list.push(file);
      byProducer.set(file.producer, list);
    }
    for (const [producer, files] of byProducer) {
      await writeOutputFiles(staging, files.map((f) => ({ path: f.path, contents: () => f.body() })));
      lap(producer);
    }
    for (const bundle of plan.bundles) {
      const files = [...(await bundle.run(data))];
      await writeOutputFiles(staging, files.map((f) => ({ path: `${bundle.folder}/${f.path}`, contents: f.contents })));
      lap(bundle.name);
    }
    data.qr.save();
    const fileCount = countFiles(staging);
    output.commit();
    lap("swap");
    let ledgerChanges = 0;
    if (ledgerMode === "record" && recordChanged) {
      // The people list (src/people/person-record.ts) is written with the articles' record, in the same file.
      writeFileSync(path.join(rootDir, LEDGER_FILE), serializeLedger({ ...links.ledger, people: serializePersonRecord(data.people.record) }));
      ledgerChanges = links.added + links.moved + data.people.added;
    }
    return { outDir, articleCount: data.model.articles.length, fileCount, timings, ledgerChanges, warnings: contentWarnings };
  } catch (error) {
    output.abort();
    throw error;
  }
}

/**
 * The whole build as one function, for the CLI, the benchmark and tests:
 * load and validate content, plan every output (src/plan/), then render the
 * plan's pages with Eleventy and write its files into a temporary sibling
 * folder, and swap it into place. Nothing is written before the plan holds
 * no error.
 */
import { rmSync } from "node:fs";
import path from "node:path";
import { projectCacheDir } from "../cache/real-dir.ts";
import { removeStaleTemporaries } from "../cache/stale-temporaries.ts";
import { ContentValidationError, type ContentError } from "../content/errors.ts";
import { writeLedger } from "../links/ledger-file.ts";
import { explain } from "../messages/index.ts";
import { serializePersonRecord } from "../people/person-record.ts";
import type { BundleFile, BundleProducer, PlannedOutput, Producer } from "../plan/output-plan.ts";
import { planSite } from "../plan/site-outputs.ts";
import type { SiteConfig } from "../site-config.ts";
import { ROOT_DIR, loadSite, type SiteData } from "../site-data.ts";
import { buildDigest } from "./build-digest.ts";
import { IncrementalOutput, bytesDigest, type OutputCounts } from "./incremental.ts";
import { fileWriter } from "./file-writer.ts";
import { inParallel } from "./output-files.ts";
import { isBuildOutput, prepareOutputDir } from "./output-dir.ts";
import { manifestFile, readManifest, writeManifest, type ManifestEntry } from "./output-manifest.ts";
import { collectorOfRuns, fullCollection, renderPages } from "./render-pages.ts";
import { withArticleMedia } from "./article-images.ts";
import { defaultThreads } from "../workers/pool.ts";

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
  /** What the site is made of (default: every producer, SITE_PRODUCERS); the benchmark leaves parts out to measure them. */
  readonly producers?: readonly Producer<SiteData>[];
  /**
   * What to do with the published-URL record (published-urls.json). Every
   * build checks it: a change that breaks a published URL fails the build,
   * new articles get the short code a deploy will record. "check" (the
   * default: local, preview-like and pull-request builds) never writes it;
   * "record" (only the deploying build in CI) writes new articles and moves
   * to it after the site is in place. A URL counts as published only once a
   * deploy published it.
   */
  readonly ledger?: "check" | "record";
}

/** What the build did or, when only checking, what a deploy would do with the published-URL record. */
export interface LedgerOutcome {
  /** Articles not recorded yet: a deploy records them. */
  readonly added: number;
  /** Recorded articles at a new URL (the old one kept as an alias): a deploy records the new URL. */
  readonly moved: number;
  /** True when this build wrote the record. */
  readonly written: boolean;
}

export interface BuildResult {
  readonly outDir: string;
  readonly articleCount: number;
  readonly fileCount: number;
  /** What was rendered and what was taken unchanged from the previous output (src/build/incremental.ts). */
  readonly outputs: OutputCounts;
  /** How the output was put in place: a few changed files updated in the previous output, or the whole new folder swapped in (src/build/incremental.ts). */
  readonly commit: "in-place" | "swap";
  /** Milliseconds per phase ("load", "reuse", "eleventy", each step's name, "swap"), for the benchmark. */
  readonly timings: Readonly<Record<string, number>>;
  readonly ledger: LedgerOutcome;
  /** Content warnings and notices (never fatal), for the command to print. */
  readonly warnings: readonly ContentError[];
}

/**
 * Page types that show a QR code (the article's print code, the share page):
 * they render after the QR symbols are made. A page type missing here still
 * renders the same bytes (the QR store encodes on demand), only without the
 * symbols made ahead on the workers.
 */
const QR_PAGE_TYPES: ReadonlySet<string> = new Set(["article", "share"]);

/**
 * The pages to render split into those without a QR code and those with one,
 * each in plan order. Eleventy renders the first while the QR workers make
 * the symbols for the second: on a cold build of 10,000 articles the QR
 * step used to wait alone, the main thread idle, between planning and the
 * Eleventy phase.
 */
function splitByQr(pages: readonly PlannedOutput[]): [PlannedOutput[], PlannedOutput[]] {
  const without: PlannedOutput[] = [];
  const withQr: PlannedOutput[] = [];
  for (const page of pages) (QR_PAGE_TYPES.has(page.producer) ? withQr : without).push(page);
  return [without, withQr];
}

/** Worker threads for work that runs beside Eleventy: every core but the main thread's, at least one. */
function threadsBesideMain(): number {
  return Math.max(1, defaultThreads() - 1);
}

/** Files of one producer: each taken from the previous output or rendered and written (32 in flight: small files wait on the disk, not the CPU). */
async function writeOrReuse(incremental: IncrementalOutput, files: readonly PlannedOutput[]): Promise<void> {
  const toReuse: { path: string; entry: ManifestEntry }[] = [];
  await inParallel(files.length, 32, async (i) => {
    const file = files[i]!;
    const decision = incremental.decide(file, true);
    if (decision.reuse) toReuse.push({ path: file.path, entry: decision.reuse });
    else await incremental.write(file.path, incremental.keyOf(file), decision.body ?? file.body(), false, file.producer);
  });
  incremental.reuse(toReuse);
}

/** A bundle started ahead of writing (see startBundle): reused whole, or its files once its run is done. */
interface StartedBundle {
  readonly bundle: BundleProducer<unknown>;
  readonly key: string;
  /** Undefined when the previous output's folder is reused whole. */
  readonly files: Promise<BundleFile[]> | undefined;
}

/**
 * Starts a bundle: its folder is taken whole from the previous output when
 * the bundle's fingerprint is unchanged and every file it wrote is still
 * there; else its run starts now and is written by {@link writeBundle}.
 * Started before the file steps, a bundle's work off the main thread (the
 * search index's compression workers, esbuild's process for the web editor)
 * runs while the main thread makes the files (links, feeds, open data):
 * the main thread used to wait for those workers after the files. Its files
 * are the same whenever it runs (a bundle is made of the site data, which
 * is complete once planned). Not started before the pages: started there,
 * beside Eleventy's runs (and the QR symbols made beside them too), a cold
 * build of 10,000 articles peaked at 1.34 GiB against 1.22 GiB with
 * neither (the tree sampled every 50 ms, one run each, load average 10–14).
 */
function startBundle(incremental: IncrementalOutput, bundle: BundleProducer<unknown>, data: SiteData, after?: Promise<unknown>): StartedBundle {
  const key = bundle.fingerprint ? incremental.keyOf({ producer: bundle.name, fingerprint: () => bundle.fingerprint!(data) }) : "";
  if (key) {
    const previous = incremental.previousFolder(bundle.folder);
    if (previous && previous.every((f) => f.entry.fp === key)) {
      incremental.reuse(previous);
      return { bundle, key, files: undefined };
    }
  }
  const files = (async () => {
    // Without a bundle before it, the run starts now (its part on this thread before the files' work).
    if (after) await after.catch(() => undefined);
    return [...(await bundle.run(data))];
  })();
  // Awaited by writeBundle, or on failure before the staging folder goes; until then a rejection is not "unhandled".
  files.catch(() => undefined);
  return { bundle, key, files };
}

/**
 * Starts every bundle, each run after the one before it: the order the
 * README's cold figures were measured in. (Two at once once failed a build
 * with "The service was stopped": both bundle with esbuild, and one stopped
 * its service under the other; src/workers/esbuild-service.ts now keeps the
 * service while any build runs. Running them together was not measured.)
 */
function startBundles(incremental: IncrementalOutput, bundles: readonly BundleProducer<unknown>[], data: SiteData): StartedBundle[] {
  const started: StartedBundle[] = [];
  let previous: Promise<unknown> | undefined;
  for (const bundle of bundles) {
    const one = startBundle(incremental, bundle, data, previous);
    started.push(one);
    if (one.files) previous = one.files;
  }
  return started;
}

/** Writes a started bundle's files, each reused when its bytes are unchanged. */
async function writeBundle(incremental: IncrementalOutput, started: StartedBundle): Promise<void> {
  const { bundle, key } = started;
  if (!started.files) return;
  const files = await started.files;
  // Each file once, in any spelling (a bundle's names are its own, not the plan's).
  const seen = new Set<string>();
  for (const f of files) {
    const lower = f.path.toLowerCase();
    if (seen.has(lower)) throw new Error(`Refusing to write "${bundle.folder}/${f.path}" twice: bundle ${bundle.name} names it twice`);
    seen.add(lower);
  }
  const toReuse: { path: string; entry: ManifestEntry }[] = [];
  await inParallel(files.length, 32, async (i) => {
    const { path: rel, contents } = files[i]!;
    const full = `${bundle.folder}/${rel}`;
    const hash = bytesDigest(contents);
    const entry = incremental.previousEntry(full);
    if (entry && entry.hash === hash) toReuse.push({ path: full, entry: { ...entry, fp: key } });
    else await incremental.write(full, key, contents, true, bundle.name);
  });
  incremental.reuse(toReuse);
}

/**
 * Builds the site atomically.
 * @throws ContentValidationError when any article is invalid or a published
 *   URL would break (nothing is written)
 * @throws OutputDirError when the output folder may not be replaced (nothing is written or deleted)
 */
export async function buildSite(options: BuildOptions): Promise<BuildResult> {
  const outDir = path.resolve(options.outDir);
  const rootDir = options.rootDir ?? ROOT_DIR;
  const output = prepareOutputDir(outDir, { rootDir });
  // Temporaries of killed builds in .cache/ (src/cache/stale-temporaries.ts): nothing else removes them.
  const cacheDir = projectCacheDir(rootDir, false);
  if (cacheDir) removeStaleTemporaries(cacheDir);
  const timings: Record<string, number> = {};
  let mark = performance.now();
  const lap = (name: string): void => {
    const now = performance.now();
    timings[name] = (timings[name] ?? 0) + Math.round(now - mark);
    mark = now;
  };
  const ledgerMode = options.ledger ?? "check";
  // Drafts are never published, so a build that includes them never records.
  if (ledgerMode === "record" && options.includeDrafts) throw new Error("a build with drafts cannot record published URLs");
  const loaded = await loadSite({ rootDir, ...(options.includeDrafts ? { includeDrafts: true } : {}), ...(options.config ? { config: options.config } : {}) });
  const contentWarnings = loaded.contentWarnings;
  lap("load");
  // Incremental: what the previous output (with its manifest) already holds; see src/build/incremental.ts.
  // Its walk starts now on a worker thread, while this thread plans and fingerprints (awaited below).
  const digestOfBuild = buildDigest(loaded.data.layout.config, [JSON.stringify(Object.values(loaded.data.assets).map((a) => a.url))]);
  const manifestPath = manifestFile(rootDir, outDir, true);
  const previousDir = isBuildOutput(outDir) ? outDir : undefined;
  const incremental = new IncrementalOutput({ previousDir, manifest: previousDir ? readManifest(manifestPath) : undefined, staging: output.staging, buildDigest: digestOfBuild });
  incremental.startWalk();
  // Pictures and share cards before planning: pages show them and the plan claims their files.
  // Their errors join the content's, so one build lists every problem.
  const { data, errors: mediaErrors } = await withArticleMedia(loaded.data, { makeCards: loaded.contentErrors.length === 0 });
  lap("media");
  const { plan, errors } = planSite(data, [...loaded.contentErrors, ...mediaErrors], options.producers);
  const links = data.links.plan;
  if (errors.length > 0) throw new ContentValidationError(errors, contentWarnings);
  // An empty site would replace the published one with nothing.
  if (data.model.articles.length === 0) throw new ContentValidationError([{ file: "content/", ...explain("cli.nothingToPublish") }], contentWarnings);
  lap("plan");

  const staging = output.staging;
  output.createStaging();
  let bundles: StartedBundle[] = [];
  try {
    // Pages: each taken from the previous output, or rendered by Eleventy below. Fingerprints first, while the walk runs.
    if (incremental.hasPrevious) for (const page of plan.pages) incremental.keyOf(page);
    await incremental.walkDone();
    const toRender: PlannedOutput[] = [];
    const toReuse: { path: string; entry: ManifestEntry }[] = [];
    for (const page of plan.pages) {
      const decision = incremental.decide(page, true);
      if (decision.reuse) toReuse.push({ path: page.path, entry: decision.reuse });
      else toRender.push(page);
    }
    incremental.reuse(toReuse);
    lap("reuse");
    // QR symbols of every share page stay in the cache; only those of pages rendered now (share and article pages, the only users) are made ahead.
    const rendering = new Set(toRender.map((p) => p.source?.file));
    data.qr.keep(data.links.sharePages.map((s) => s.shortUrl));
    // The symbols are made on worker threads while Eleventy renders the pages that show none (splitByQr).
    const [withoutQr, withQr] = splitByQr(toRender);
    const warming = data.qr.warm(
      data.links.sharePages.filter((s) => rendering.has(s.article.sourcePath)).map((s) => s.shortUrl),
      withoutQr.length > 0 ? { threads: threadsBesideMain() } : {},
    );
    // Awaited below, or on failure before the staging folder goes; until then a rejection is not "unhandled".
    warming.catch(() => undefined);
    // One rule for full collections from here on: after a run of pages or a step, once the heap grew enough (render-pages.ts).
    const gc = fullCollection();
    const collect = gc ? collectorOfRuns(gc) : undefined;
    const renderOptions = {
      ...(collect ? { collect } : {}),
      ...(options.pageBatchSize ? { batchSize: options.pageBatchSize } : {}),
      onRender: (page: PlannedOutput, html: string) => {
        const key = incremental.keyOf(page);
        incremental.wrote(page.path, key, key ? "" : bytesDigest(html), page.producer);
      },
    };
    try {
      await renderPages(withoutQr, staging, renderOptions);
      lap("eleventy");
      await warming;
      lap("qr");
      await renderPages(withQr, staging, renderOptions);
    } finally {
      // Nothing of this build may still run when the caller reports an error (the pool stops its workers itself).
      await warming.catch(() => undefined);
    }
    lap("eleventy");
    // The bundles (the search index, the web editor) start now, their work off the main thread beside the files' (startBundle),
    // after a full collection that frees what the pages left: the search index is the build's largest at once
    // (10,000 articles, cold: the tree peaked at 1.23 GiB in the search step without it).
    gc?.();
    bundles = startBundles(incremental, plan.bundles, data);
    lap("bundles");
    // Files, grouped by producer (one timing each), then the folders filled after planning.
    const byProducer = new Map<string, PlannedOutput[]>();
    for (const file of plan.files) {
      const list = byProducer.get(file.producer) ?? [];
      list.push(file);
      byProducer.set(file.producer, list);
    }
    for (const [producer, files] of byProducer) {
      await writeOrReuse(incremental, files);
      collect?.();
      lap(producer);
    }
    // The bundles' files, written last.
    for (const started of bundles) {
      await writeBundle(incremental, started);
      lap(started.bundle.name);
    }
    data.qr.save();
    const manifest = await incremental.finish();
    const fileCount = manifest.size + 1;
    lap("manifest");
    // A few changed files go into the previous output in place; otherwise the staging folder replaces it whole (src/build/incremental.ts).
    const inPlace = incremental.canUpdateInPlace();
    if (inPlace) {
      output.commitInPlace(() => {
        // No record while the folder changes: a build killed halfway leaves nothing to trust, and the next one starts over.
        if (manifestPath) rmSync(manifestPath, { force: true });
        incremental.updateInPlace();
      });
    } else {
      await incremental.linkReused();
      lap("link");
      output.commit();
    }
    if (manifestPath) writeManifest(manifestPath, manifest);
    lap("swap");
    const written = ledgerMode === "record" && (links.changed || data.people.recordChanged);
    // The people list (src/people/person-record.ts) is written with the articles' record, in the same file.
    if (written) writeLedger(rootDir, { ...links.ledger, people: serializePersonRecord(data.people.record) });
    return { outDir, articleCount: data.model.articles.length, fileCount, outputs: incremental.counts, commit: inPlace ? "in-place" : "swap", timings, ledger: { added: links.added, moved: links.moved, written }, warnings: contentWarnings };
  } catch (error) {
    // Bundles still running (their workers, their caches) finish before the error is reported.
    await Promise.allSettled(bundles.map((b) => b.files));
    // Writes still queued on the writer thread would make folders again in the staging folder being removed.
    await fileWriter().idle();
    output.abort();
    throw error;
  }
}

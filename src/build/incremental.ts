/**
 * Incremental builds: which outputs of the plan can be taken from the
 * previous output folder instead of being rendered again, and taking them.
 *
 * Changed outputs are written into a staging folder beside the output
 * (src/build/output-dir.ts); nothing in the output folder changes until
 * every page and file of the build is written. An output is *reused* when
 * the output manifest (src/build/output-manifest.ts) says the previous build
 * wrote it from the same inputs, and the file on disk is still the one it
 * wrote:
 *
 * - with a fingerprint (its producer describes its inputs, see
 *   OutputDeclaration.fingerprint): the key — build digest (code, settings:
 *   src/build/build-digest.ts), producer and fingerprint — equals the
 *   entry's; nothing is rendered;
 * - without one: the output is rendered in-process and reused when its
 *   bytes hash to the entry's digest (pages then skip Eleventy and the
 *   write; files skip the write). Always correct, only slower.
 *
 * "Still the one it wrote": the previous output folder is walked once
 * (folders read, files `lstat`ed — never followed): a regular file of the
 * recorded size and modification time, reached through real folders only.
 * A file edited, replaced or deleted by hand, a planted link, a damaged or
 * missing manifest: that output (or all of them) is rendered as a cold
 * build would.
 *
 * Then the new output is put in place one of two ways (src/build/build-site.ts):
 *
 * - **updated in place** ({@link IncrementalOutput.updateInPlace}) when few
 *   files changed and the walk found exactly the previous build's files
 *   (nothing planted, no link, no name that is a file in one build and a
 *   folder in the other): each changed file is renamed over the old one
 *   (a reader gets the old or the new file, never part of one), then the
 *   files the plan no longer has are removed. The manifest is removed
 *   first, so a build killed halfway leaves no record to trust and the next
 *   build starts over in a new folder. An editor's one-article commit
 *   changes a few dozen of 75,000 files: linking the other 74,000 and
 *   making 55,000 folders for them was ~6 s of a warm build's 18 s reuse
 *   phase at 10,000 articles (the timeline of `node --cpu-prof --import tsx
 *   scripts/build.ts --root <corpus> --out <corpus>/_site --timings`).
 * - **swapped whole** otherwise: every reused file is hard-linked from the
 *   previous output into the staging folder (or copied where a link cannot
 *   be made) and the staging folder replaces the output folder, which is
 *   deleted as a whole afterwards.
 *   A link shares the bytes (no copy, no space).
 */
import { createHash } from "node:crypto";
import { constants as fsConstants, mkdirSync, renameSync, rmdirSync } from "node:fs";
import { copyFile, link, lstat, mkdir } from "node:fs/promises";
import path from "node:path";
import type { OutputBody, PlannedOutput } from "../plan/output-plan.ts";
import { digest } from "./stable-digest.ts";
import type { Manifest, ManifestEntry } from "./output-manifest.ts";
import { fileWriter } from "./file-writer.ts";
import { inParallel, resolveOutputPath } from "./output-files.ts";
import { OUTPUT_MARKER } from "./output-dir.ts";
import { walkOutputFolder, type OutputWalk } from "./walk-output.ts";
import { BUILD_TASKS } from "../workers/build-tasks.ts";
import { BUILD_WORKER, runInWorkers } from "../workers/pool.ts";
import { t } from "../messages/index.ts";

/** Digest of a file's bytes (text as UTF-8, as written). */
export function bytesDigest(body: OutputBody): string {
  return createHash("sha1").update(body).digest("base64url");
}

/** What the build did with the plan's outputs. */
export interface OutputCounts {
  /** Rendered (pages by Eleventy, files by their step, bundle files by their bundle) and written. */
  readonly rendered: number;
  /** Taken unchanged from the previous output. */
  readonly reused: number;
  /** Rendered, by producer (what an edit made the build redo). */
  readonly renderedBy: Readonly<Record<string, number>>;
  /** Of the reused, those rendered here to compare their bytes (their producer gives no fingerprint). */
  readonly compared: number;
}

/** Decision for one output: take the previous file, or render (with the bytes when they were rendered to compare). */
type Decision = { readonly reuse: ManifestEntry } | { readonly reuse?: undefined; readonly body?: OutputBody };

/** Files in flight when linking or checking: the work is waiting on the file system, not the CPU. */
const CONCURRENCY = 32;

/** Manifest size from which {@link IncrementalOutput.startWalk} walks on a worker thread. */
export const WORKER_WALK_MIN_FILES = 5000;

export interface IncrementalOptions {
  /** The previous output folder (checked as the build's own by src/build/output-dir.ts), or undefined for a cold build. */
  readonly previousDir: string | undefined;
  /** Its manifest (undefined: nothing is reused). */
  readonly manifest: Manifest | undefined;
  /** The staging folder this build writes. */
  readonly staging: string;
  /** src/build/build-digest.ts buildDigest. */
  readonly buildDigest: string;
}

/** The reuse decisions and links of one build, and the manifest it leaves. */
export class IncrementalOutput {
  /** The manifest of the new output (entries of written files get their size and time in finish()). */
  private readonly next = new Map<string, ManifestEntry>();
  /** Files this build made (written, or copied where a link failed): their size and time are read after writing. */
  private readonly toStat: string[] = [];
  /** The previous output as walked once (on the first question about it): its files' sizes and times, its folders, and whether it holds anything else. */
  private walked: PreviousOutput | undefined;
  /** Reused files, linked into the staging folder only when the output is swapped whole. */
  private readonly toLink: { readonly path: string; readonly entry: ManifestEntry }[] = [];
  /** Folders of the staging folder made or being made (one mkdir each, awaited by every file inside). */
  private readonly madeDirs = new Map<string, Promise<unknown>>();
  /** A walk begun by {@link startWalk}, until it is done. */
  private walking: Promise<void> | undefined;
  private reusedCount = 0;
  /** Reused after rendering here and comparing bytes (outputs without a fingerprint). */
  private comparedCount = 0;
  private readonly keys = new WeakMap<object, string>();
  /** Files this build wrote into the staging folder, in order. */
  private readonly written: string[] = [];
  private readonly renderedBy: Record<string, number> = {};

  constructor(private readonly options: IncrementalOptions) {}

  /** The previous output, walked on first use (a build whose code changed asks nothing of it and pays nothing), or as {@link startWalk} found it. */
  private get previous(): PreviousOutput | undefined {
    const { previousDir, manifest } = this.options;
    if (this.walking) throw new Error("the previous output is still being walked: await IncrementalOutput.walkDone() first");
    if (this.walked === undefined && previousDir && manifest) this.walked = previousOutputOf(walkOutputFolder(previousDir), manifest);
    return this.walked;
  }

  /**
   * Starts walking the previous output on a worker thread when its manifest
   * lists at least `minFiles` files (a worker's start costs more than walking
   * a small site), so the walk runs while this thread plans and fingerprints;
   * {@link walkDone} waits for it. A failed worker walk is done again here.
   */
  startWalk(minFiles = WORKER_WALK_MIN_FILES): void {
    const { previousDir, manifest } = this.options;
    if (!previousDir || !manifest || manifest.size < minFiles || this.walked || this.walking) return;
    const label = t("workers.task.walkOutput");
    this.walking = runInWorkers<string, OutputWalk>(BUILD_WORKER, BUILD_TASKS.walkOutput, [previousDir], { threads: 1, label, describeInput: () => previousDir })
      .then(([walk]) => walk, () => undefined)
      .then((walk) => {
        this.walked = previousOutputOf(walk ?? walkOutputFolder(previousDir), manifest);
        this.walking = undefined;
      });
  }

  /** Resolves once a walk begun by {@link startWalk} is done (at once when none is running). */
  async walkDone(): Promise<void> {
    await this.walking;
  }

  /** The fingerprint key of an output ("" when its producer gives no fingerprint); computed once per output. */
  keyOf(output: Pick<PlannedOutput, "producer" | "fingerprint">): string {
    let key = this.keys.get(output);
    if (key === undefined) {
      const fp = output.fingerprint();
      key = fp ? digest(this.options.buildDigest, output.producer, fp) : "";
      this.keys.set(output, key);
    }
    return key;
  }

  /** Whether anything may be reused at all. */
  get hasPrevious(): boolean {
    return this.options.previousDir !== undefined && this.options.manifest !== undefined;
  }

  /** The previous build's entry for `rel` when the file there is still the one it describes. */
  previousEntry(rel: string): ManifestEntry | undefined {
    const entry = this.options.manifest?.get(rel);
    const file = entry && this.previous?.files.get(rel);
    return file && file.size === entry.size && file.mtime === entry.mtime ? entry : undefined;
  }

  /**
   * The previous build's files under `folder` (a bundle's), each still the
   * one it describes; undefined when there are none or any is not.
   */
  previousFolder(folder: string): { path: string; entry: ManifestEntry }[] | undefined {
    const { manifest } = this.options;
    if (!this.hasPrevious || !manifest) return undefined;
    const prefix = `${folder}/`;
    const files: { path: string; entry: ManifestEntry }[] = [];
    for (const rel of manifest.keys()) {
      if (!rel.startsWith(prefix)) continue;
      const entry = this.previousEntry(rel);
      if (!entry) return undefined;
      files.push({ path: rel, entry });
    }
    return files.length > 0 ? files : undefined;
  }

  /**
   * Whether `output` can be taken from the previous output: by its
   * fingerprint, or else (when `compare`) by rendering it here and comparing
   * bytes. A rendered body is returned so it is not rendered twice.
   */
  decide(output: PlannedOutput, compare: boolean): Decision {
    if (!this.hasPrevious) return {};
    const entry = this.options.manifest!.get(output.path);
    if (!entry) return {};
    const key = this.keyOf(output);
    if (key) return entry.fp === key && this.previousEntry(output.path) ? { reuse: entry } : {};
    if (!compare || !entry.hash || !this.previousEntry(output.path)) return {};
    const body = output.body();
    if (bytesDigest(body) !== entry.hash) return { body };
    this.comparedCount++;
    return { reuse: { ...entry, fp: "" } };
  }

  /** Makes the staging folder's folders for `rel`. */
  private async parentOf(rel: string): Promise<string> {
    const target = resolveOutputPath(this.options.staging, rel);
    const dir = path.dirname(target);
    let made = this.madeDirs.get(dir);
    if (!made) {
      made = mkdir(dir, { recursive: true });
      this.madeDirs.set(dir, made);
    }
    await made;
    return target;
  }

  /** Takes the previous file at each `rel` into the new output (linked by {@link linkReused} when the output is swapped whole). */
  reuse(items: readonly { readonly path: string; readonly entry: ManifestEntry }[]): void {
    for (const item of items) {
      this.next.set(item.path, item.entry);
      this.toLink.push(item);
    }
    this.reusedCount += items.length;
  }

  /** Hard-links every reused file into the staging folder, or copies it where links fail (another disk, no permission). */
  async linkReused(): Promise<void> {
    const prev = this.options.previousDir!;
    const items = this.toLink.splice(0);
    await inParallel(items.length, CONCURRENCY, async (i) => {
      const { path: rel } = items[i]!;
      const target = await this.parentOf(rel);
      const from = resolveOutputPath(prev, rel);
      try {
        await link(from, target);
      } catch {
        await copyFile(from, target, fsConstants.COPYFILE_EXCL);
        this.toStat.push(rel);
      }
    });
    // Copies have their own size and time.
    await this.statWritten();
  }

  /** Records a file this build wrote (its size and time are read in finish()). */
  wrote(rel: string, key: string, hash: string, producer: string): void {
    this.next.set(rel, { fp: key, hash, size: -1, mtime: -1 });
    this.toStat.push(rel);
    this.written.push(rel);
    this.renderedBy[producer] = (this.renderedBy[producer] ?? 0) + 1;
  }

  /** Writes a rendered file into the staging folder (exclusive create: never over another file). */
  async write(rel: string, key: string, body: OutputBody, hash: boolean, producer: string): Promise<void> {
    await fileWriter().write(resolveOutputPath(this.options.staging, rel), body);
    this.wrote(rel, key, hash || !key ? bytesDigest(body) : "", producer);
  }

  get counts(): OutputCounts {
    return { rendered: this.written.length, reused: this.reusedCount, renderedBy: { ...this.renderedBy }, compared: this.comparedCount };
  }

  /** Reads the size and time of every file written (or copied) not yet read. */
  private async statWritten(): Promise<void> {
    const staging = this.options.staging;
    const rels = this.toStat.splice(0);
    await inParallel(rels.length, CONCURRENCY, async (i) => {
      const rel = rels[i]!;
      const entry = this.next.get(rel)!;
      const st = await lstat(resolveOutputPath(staging, rel));
      this.next.set(rel, { ...entry, size: st.size, mtime: st.mtimeMs });
    });
  }

  /** Reads the size and time of every file written, and returns the new output's manifest. */
  async finish(): Promise<Manifest> {
    await this.statWritten();
    return this.next;
  }

  /**
   * Whether the new output may be put in place by {@link updateInPlace}:
   * the previous output holds exactly the previous build's files (nothing
   * planted, no link), fewer files were written than reused, and no written
   * file's path runs through a file of the previous output or is one of its
   * folders.
   */
  canUpdateInPlace(): boolean {
    const previous = this.walked;
    if (!previous?.clean || this.written.length >= this.reusedCount) return false;
    return this.written.every((rel) => !previous.dirs.has(rel) && !parentsOf(rel).some((dir) => previous.files.has(dir)));
  }

  /**
   * Puts this build's output in place inside the previous output folder
   * (see the header): renames every written file from the staging folder
   * over the old one, then moves the files the new manifest lacks into the
   * staging folder (deleted with it) and removes the folders they leave empty. Call after {@link finish}, with
   * {@link canUpdateInPlace} true and the manifest file removed.
   */
  updateInPlace(): void {
    const out = this.options.previousDir!;
    const staging = this.options.staging;
    const previous = this.walked!;
    this.toLink.length = 0;
    const dirs = new Set(previous.dirs);
    for (const rel of this.written) {
      for (const dir of parentsOf(rel)) {
        if (!dirs.has(dir)) {
          mkdirSync(resolveOutputPath(out, dir));
          dirs.add(dir);
        }
      }
      renameSync(resolveOutputPath(staging, rel), resolveOutputPath(out, rel));
    }
    // Files the plan no longer has are moved into the staging folder, deleted with it in the
    // background: deleting is what costs on a disk like this one (unlinking 14,000 search files took
    // 28 s of a one-article build at 10,000 articles: `node --cpu-prof --import tsx scripts/build.ts
    // --root <corpus> --out <corpus>/_site` after appending a sentence to one article), moving does not.
    const emptied = new Set<string>();
    let moved = 0;
    for (const rel of previous.files.keys()) {
      if (this.next.has(rel) || rel === OUTPUT_MARKER) continue;
      renameSync(resolveOutputPath(out, rel), path.join(staging, `removed-${++moved}`));
      for (const dir of parentsOf(rel)) emptied.add(dir);
    }
    // Deepest first: a folder is removed only when nothing is left in it.
    for (const dir of [...emptied].sort((x, y) => y.length - x.length)) {
      try {
        rmdirSync(resolveOutputPath(out, dir));
      } catch {
        // not empty: still holds files of the new output
      }
    }
  }
}

/** The folders above `rel`, outermost first ("a/b/c.html" → "a", "a/b"). */
function parentsOf(rel: string): string[] {
  const dirs: string[] = [];
  for (let i = rel.indexOf("/"); i >= 0; i = rel.indexOf("/", i + 1)) dirs.push(rel.slice(0, i));
  return dirs;
}

/** The previous output folder as one walk found it. */
interface PreviousOutput {
  /** Regular files by path, with their size and time as lstat reports them. */
  readonly files: ReadonlyMap<string, { readonly size: number; readonly mtime: number }>;
  /** Every folder (a real folder, never a link), by path. */
  readonly dirs: ReadonlySet<string>;
  /** True when the folder holds only folders, the manifest's files and the build's marker: nothing planted, no link. */
  readonly clean: boolean;
}

/** The previous output as the build uses it: clean when it holds only folders, the manifest's files and the marker. */
function previousOutputOf(walk: OutputWalk, manifest: Manifest): PreviousOutput {
  const files = new Map<string, { size: number; mtime: number }>();
  let clean = !walk.strange;
  walk.files.forEach((rel, i) => {
    files.set(rel, { size: walk.sizes[i]!, mtime: walk.mtimes[i]! });
    if (!manifest.has(rel) && rel !== OUTPUT_MARKER) clean = false;
  });
  return { files, dirs: new Set(walk.dirs), clean };
}

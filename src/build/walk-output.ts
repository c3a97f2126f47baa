/**
 * Walks the previous output folder without following links: every regular
 * file's size and time, every real folder, and whether anything else (a
 * link, a socket, an unreadable folder) is there. An incremental build
 * (src/build/incremental.ts) trusts a previous file only when the walk found
 * it as its manifest describes it, and updates the output in place only
 * when the folder holds nothing else.
 *
 * The walk is one readdir per folder and one lstat per file, all kernel
 * time: 5.5 s of a one-article build at 10,000 articles (83,803 files in
 * ~60,000 folders, `node --cpu-prof scripts/run-bundled.mjs scripts/build.ts`,
 * load ~13), a quarter of that build, on the main thread while nothing else
 * ran. IncrementalOutput.startWalk runs it on a worker thread instead, while
 * the main thread plans the site and fingerprints its pages.
 */
import { lstatSync, readdirSync } from "node:fs";
import path from "node:path";
import type { TaskOutput } from "../workers/protocol.ts";

/** What a walk found, as plain arrays (one message from a worker thread). */
export interface OutputWalk {
  /** Regular files, relative paths with "/". */
  readonly files: readonly string[];
  /** lstat sizes of `files`, by position. */
  readonly sizes: readonly number[];
  /** lstat modification times (ms) of `files`, by position. */
  readonly mtimes: readonly number[];
  /** Real folders (never a link), relative paths. */
  readonly dirs: readonly string[];
  /** True when something else was found: a link, a device, a folder that could not be read. */
  readonly strange: boolean;
}

/** Walks `dir` on this thread (see the header). */
export function walkOutputFolder(dir: string): OutputWalk {
  const files: string[] = [];
  const sizes: number[] = [];
  const mtimes: number[] = [];
  const dirs: string[] = [];
  let strange = false;
  const pending: string[] = [""];
  while (pending.length > 0) {
    const rel = pending.pop()!;
    let entries;
    try {
      entries = readdirSync(rel === "" ? dir : path.join(dir, rel), { withFileTypes: true });
    } catch {
      strange = true;
      continue;
    }
    for (const entry of entries) {
      const child = rel === "" ? entry.name : `${rel}/${entry.name}`;
      if (entry.isDirectory()) {
        dirs.push(child);
        pending.push(child);
      } else if (entry.isFile()) {
        // Replaced between readdir and lstat: whatever it is now decides.
        const st = lstatSync(path.join(dir, child), { throwIfNoEntry: false });
        if (st?.isFile()) {
          files.push(child);
          sizes.push(st.size);
          mtimes.push(st.mtimeMs);
        } else strange = true;
      } else {
        // A link, or something else no build writes.
        strange = true;
      }
    }
  }
  return { files, sizes, mtimes, dirs, strange };
}

/** The walk as a task of the build's worker threads (src/workers/build-worker.ts). */
export function walkOutputTask(dir: string): TaskOutput<OutputWalk> {
  return { output: walkOutputFolder(dir) };
}

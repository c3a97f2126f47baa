/**
 * Temporary files and folders that killed builds leave in `.cache/`.
 *
 * Every cache is written through a temporary name that carries the writing
 * process's id (`search-gzip.bin.<pid>.tmp`, `output-….json.tmp-<pid>`,
 * `<card>.png.tmp-<pid>-<random>`, a rendition folder
 * `<key>.tmp-<pid>-<random>/`, …), then renamed into place. A build killed
 * between the two (Ctrl-C, a CI timeout, the out-of-memory killer) leaves
 * the temporary behind, and nothing else ever removes it: a killed cold
 * build's share cards and renditions in flight, a search cache of ~22 MB at
 * 10,000 articles, each kill adding its own.
 *
 * The build removes those whose process is gone, in `.cache/` and its
 * folders one level down (where the caches write), never following a link.
 * A temporary of a live process (another build on the same project, this
 * process's own) is left alone.
 */
import { readdirSync, rmSync } from "node:fs";
import path from "node:path";
import { isAlive } from "../cli/process-lifetime.ts";
import { isRealDir } from "./real-dir.ts";

/** The writer's process id in a temporary's name, as the caches name them; undefined for any other name. */
export function temporaryOwner(name: string): number | undefined {
  // Most names in a cache folder are entries (10,000 cards at 10,000 articles): one search rules them out.
  if (!name.includes(".tmp")) return undefined;
  const match = /\.(\d+)(?:-\d+)?\.tmp$/.exec(name) ?? /\.tmp-(\d+)(?:-[0-9a-z]+)?$/.exec(name) ?? /^bodies-(\d+)-[0-9a-f]+\.tmp$/.exec(name);
  const pid = match ? Number(match[1]) : NaN;
  return Number.isSafeInteger(pid) && pid > 0 ? pid : undefined;
}

/** Removes the temporaries of processes that are gone from `cacheDir` (a project's `.cache`) and its real folders one level down. */
export function removeStaleTemporaries(cacheDir: string): void {
  if (!isRealDir(cacheDir)) return;
  const removeIfStale = (dir: string, name: string): boolean => {
    const owner = temporaryOwner(name);
    if (owner === undefined) return false;
    // rmSync does not follow a link: a link named like a temporary is removed itself, never what it points to.
    if (owner !== process.pid && !isAlive(owner)) rmSync(path.join(dir, name), { recursive: true, force: true });
    return true;
  };
  const names = (dir: string): string[] => {
    try {
      return readdirSync(dir);
    } catch {
      return [];
    }
  };
  for (const name of names(cacheDir)) {
    if (removeIfStale(cacheDir, name)) continue;
    const folder = path.join(cacheDir, name);
    // Names only one level down: a folder of 10,000 cards costs one readdir, no types.
    if (isRealDir(folder)) for (const inner of names(folder)) removeIfStale(folder, inner);
  }
}

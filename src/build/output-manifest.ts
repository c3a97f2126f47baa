/**
 * The output manifest: what the build last published into an output folder,
 * file by file — the fingerprint of its inputs (src/build/build-digest.ts),
 * the digest of its bytes, its size and modification time — kept in
 * `.cache/output-<digest of the folder's path>.json` (CI restores `.cache/`
 * with the output folder). The next build links a file from the previous
 * output instead of rendering it again only when its entry says it is what
 * this build would write *and* the file on disk is still the one the entry
 * describes (a regular file of that size and modification time under real
 * folders: see src/build/incremental.ts).
 *
 * The manifest is untrusted input like every file CI restores: it is read
 * only as a regular file (not a link) of bounded size, every entry is
 * checked for shape, and it is only ever looked up by the paths the output
 * plan claims (safe, relative, checked segments) — a path in the manifest
 * is never used to open a file. Anything malformed: no manifest (a full
 * build).
 */
import { lstatSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { projectCacheDir } from "../cache/real-dir.ts";
import { digest } from "./stable-digest.ts";

/** Format of the file; another value is ignored. */
const MANIFEST_VERSION = 1;
/** Largest manifest read (100,000 articles write about 40 MiB). */
const MAX_MANIFEST_BYTES = 256 * 1024 * 1024;

/** One published file. */
export interface ManifestEntry {
  /** Fingerprint key of its inputs (build digest + producer + fingerprint), "" when its producer gives none. */
  readonly fp: string;
  /** Digest of its bytes, "" when not computed (an output with a fingerprint). */
  readonly hash: string;
  readonly size: number;
  /** Modification time in milliseconds, as lstat reports it. */
  readonly mtime: number;
}

export type Manifest = ReadonlyMap<string, ManifestEntry>;

/** Where the manifest of `outDir` lives, or undefined when `.cache/` cannot be used (a link, not a folder). */
export function manifestFile(rootDir: string, outDir: string, create = false): string | undefined {
  const cache = projectCacheDir(rootDir, create);
  if (!cache) return undefined;
  return path.join(cache, `output-${digest(path.resolve(outDir)).slice(0, 16)}.json`);
}

function isEntry(value: unknown): value is [string, string, string, number, number] {
  if (!Array.isArray(value) || value.length !== 5) return false;
  const [p, fp, hash, size, mtime] = value as unknown[];
  return typeof p === "string" && typeof fp === "string" && typeof hash === "string" && Number.isSafeInteger(size) && (size as number) >= 0 && typeof mtime === "number" && Number.isFinite(mtime);
}

/** Reads a manifest; undefined when absent, a link, too large or malformed in any way. */
export function readManifest(file: string | undefined): Manifest | undefined {
  if (!file) return undefined;
  try {
    const st = lstatSync(file, { throwIfNoEntry: false });
    if (!st || !st.isFile() || st.size > MAX_MANIFEST_BYTES) return undefined;
    const json: unknown = JSON.parse(readFileSync(file, "utf8"));
    if (json === null || typeof json !== "object") return undefined;
    const { version, entries } = json as Record<string, unknown>;
    if (version !== MANIFEST_VERSION || !Array.isArray(entries)) return undefined;
    const manifest = new Map<string, ManifestEntry>();
    for (const value of entries) {
      if (!isEntry(value)) return undefined;
      const [p, fp, hash, size, mtime] = value;
      manifest.set(p, { fp, hash, size, mtime });
    }
    return manifest;
  } catch {
    return undefined;
  }
}

/** Writes the manifest (a temporary file renamed into place: a killed build leaves the old one or none). */
export function writeManifest(file: string, manifest: Manifest): void {
  const entries: [string, string, string, number, number][] = [];
  for (const [p, e] of manifest) entries.push([p, e.fp, e.hash, e.size, e.mtime]);
  const temp = `${file}.tmp-${process.pid}`;
  try {
    // Exclusive create: never through a link planted under that name.
    rmSync(temp, { force: true });
    writeFileSync(temp, JSON.stringify({ version: MANIFEST_VERSION, entries }), { flag: "wx" });
    renameSync(temp, file);
  } catch {
    // A manifest that cannot be written only makes the next build a full one.
    rmSync(temp, { force: true });
  }
}

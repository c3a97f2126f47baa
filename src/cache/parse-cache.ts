/**
 * The persistent parse cache: each article's parse result (the checked,
 * rendered article and its search words) kept in `.cache/parse/` between
 * builds, so a rebuild re-parses only the files that changed. It is the
 * base of incremental builds (CI restores `.cache/` between runs).
 *
 * Never stale: an entry is used only when the file's bytes (SHA-256) and
 * the cache key both match. The key covers the worker code bundle (parser,
 * schema, province registry, Markdown renderer, message catalogue and every
 * dependency they load: any change to any of them changes the bundle, see
 * src/workers/bundle.ts), the message language, the Node.js and ICU versions
 * (Unicode normalisation) and the current year (dates are checked against
 * it). Only articles that parsed without errors are cached: errors are
 * always produced fresh, in the current language.
 *
 * Never trusted: a shard that is missing, too large, not JSON, of another
 * key or format is ignored; every entry is checked again by
 * cached-article.ts before use; a symlinked `.cache`, `.cache/parse` or
 * shard is neither read nor written. A bad cache only makes a build slower.
 *
 * Layout: 256 shard files, `.cache/parse/<xx>.json`, a file's shard being
 * the first byte of the SHA-256 of its path. Content loading hands each
 * worker whole shards, so every shard is read, updated and rewritten by one
 * thread, in parallel with the others, and a rewritten shard holds exactly
 * the shard's current files (deleted files drop out). Writes go to a
 * temporary file renamed into place, so a killed build never leaves half a
 * shard.
 */
import { createHash } from "node:crypto";
import { lstatSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { threadId } from "node:worker_threads";
import { reviveCachedArticle, type PlainArticle } from "./cached-article.ts";
import { isRealDir, projectCacheDir, readCacheFile } from "./real-dir.ts";

/** Folder under the project root. */
export const PARSE_CACHE_DIR = ".cache/parse";
const FORMAT = "tong-ket-parse-cache-1";
/** A shard larger than this is not read (10,000 articles make shards of ~1 MB). */
const MAX_SHARD_BYTES = 256 * 1024 * 1024;

/** Shard of a file path: "00" … "ff". */
export function shardOf(file: string): string {
  return createHash("sha256").update(file).digest("hex").slice(0, 2);
}

/** The cache key for this process and worker code version. */
export function parseCacheKey(codeVersion: string, language: string): string {
  const facts = [FORMAT, codeVersion, language, process.versions.node, process.versions.icu ?? "", process.versions.unicode ?? "", String(new Date().getFullYear())];
  return createHash("sha256").update(facts.join("\0")).digest("hex");
}

/** SHA-256 of a file's bytes, hex. */
export function contentHash(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/**
 * The cache folder of a project, created if needed; undefined when it
 * cannot be used safely (a symlink where a folder should be, no permission).
 */
export function parseCacheDir(rootDir: string): string | undefined {
  if (!projectCacheDir(rootDir)) return undefined;
  const dir = path.join(rootDir, PARSE_CACHE_DIR);
  try {
    if (!isRealDir(dir)) mkdirSync(dir);
  } catch {
    // exists as something else, or cannot be created
  }
  return isRealDir(dir) ? dir : undefined;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Removes shards that hold none of the current files (their files were all
 * deleted: no worker visits them to rewrite them) and temporary files left
 * by killed builds.
 */
export function pruneShards(dir: string, current: ReadonlySet<string>): void {
  for (const name of readdirSync(dir)) {
    const shard = /^([0-9a-f]{2})\.json$/.exec(name)?.[1];
    const temporary = /^[0-9a-f]{2}\.json\.(\d+)-\d+\.tmp$/.exec(name)?.[1];
    if ((shard && !current.has(shard)) || (temporary && !isAlive(Number(temporary)))) rmSync(path.join(dir, name), { force: true });
  }
}

interface Entry {
  readonly sha256: string;
  readonly value: PlainArticle;
}

/** One shard: read once, looked up per file, rewritten when it changed. */
export class ParseCacheShard {
  private readonly entries = new Map<string, { sha256: string; value: unknown }>();
  private readonly next = new Map<string, Entry>();
  private changed = false;
  private readonly file: string;

  constructor(
    dir: string,
    shard: string,
    private readonly key: string,
  ) {
    this.file = path.join(dir, `${shard}.json`);
    this.read();
  }

  private read(): void {
    const text = readCacheFile(this.file, MAX_SHARD_BYTES)?.toString("utf8");
    if (text === undefined) return void (this.changed = true); // absent (written after this build), or not a file of ours
    try {
      const json: unknown = JSON.parse(text);
      if (json === null || typeof json !== "object") throw new Error("not an object");
      const { format, key, entries } = json as Record<string, unknown>;
      if (format !== FORMAT || key !== this.key || entries === null || typeof entries !== "object" || Array.isArray(entries)) throw new Error("other format or key");
      for (const [file, entry] of Object.entries(entries as Record<string, unknown>)) {
        if (entry === null || typeof entry !== "object") continue;
        const { sha256, value } = entry as Record<string, unknown>;
        if (typeof sha256 === "string") this.entries.set(file, { sha256, value });
      }
    } catch {
      this.changed = true; // damaged or outdated: rebuilt from this build's results
    }
  }

  /** The cached, checked article of `file` when its bytes hash to `sha256`. */
  get(file: string, sha256: string): PlainArticle | undefined {
    const entry = this.entries.get(file);
    if (!entry || entry.sha256 !== sha256) return undefined;
    const value = reviveCachedArticle(file, entry.value);
    if (value) this.next.set(file, { sha256, value });
    else this.changed = true;
    return value;
  }

  /** Records this build's result for `file` (`undefined`: the file has errors, keep nothing). */
  set(file: string, sha256: string, value: PlainArticle | undefined): void {
    this.changed = true;
    if (value) this.next.set(file, { sha256, value });
  }

  /** Rewrites the shard when anything changed, or when it holds files this build did not see. */
  save(): void {
    if (!this.changed && this.next.size === this.entries.size) return;
    const entries: Record<string, { sha256: string; value: PlainArticle }> = {};
    for (const file of [...this.next.keys()].sort()) {
      const entry = this.next.get(file);
      if (entry) entries[file] = { sha256: entry.sha256, value: entry.value };
    }
    const temporary = `${this.file}.${process.pid}-${threadId}.tmp`;
    try {
      const st = lstatSync(this.file, { throwIfNoEntry: false });
      if (st && !st.isFile()) return; // something planted where the shard goes: leave it alone
      writeFileSync(temporary, JSON.stringify({ format: FORMAT, key: this.key, entries }), { flag: "wx" });
      renameSync(temporary, this.file);
    } catch {
      rmSync(temporary, { force: true });
      // A cache that cannot be written only makes the next build slower.
    }
  }
}

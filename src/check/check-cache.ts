/**
 * The results of `npm run check`, kept between runs in
 * `<project>/.cache/check/results.json` (and the facts of the valid
 * articles in `facts.json` beside it, read only when the site phase runs or
 * the set of kept facts changed),
 * so that a run re-parses only the articles that changed (a pre-commit hook
 * over 10,000 articles then costs reading and hashing them, not parsing them).
 *
 * What is kept per article is everything that depends only on its path and
 * bytes: the loader's errors and warnings, this check's single-article
 * warnings, the files it names and the facts the rules across articles read.
 * What depends on anything else is computed again on every run: whether the
 * named image exists (the loader's file checks), the other articles (the
 * cross-checks and cross-article warnings) and today's date.
 *
 * Never stale: an entry is used only when the SHA-256 of the article's path
 * and bytes matches, and the whole file only when its key matches: a hash
 * of the code that produced it (every file under src/ and the dependency
 * lockfile), the Node.js and Unicode versions, the message language and the
 * current year (dates are accepted up to next year).
 *
 * Reading and hashing 10,000 files is most of an unchanged run (0.7 of
 * 1.1 s of CPU here), so, as git does for its index, an entry also keeps
 * the file's identity and times (device, inode, size, modification and
 * change time in nanoseconds): when they are all the same, the file has
 * not been written since, and it is not read again. The change time cannot
 * be set back by anyone writing the file, and a checkout or a restored
 * cache gives every file new ones. Times are kept only for files last
 * written well before the run started (2 s), so a write in the same clock
 * tick as the run's read is never mistaken for no write.
 *
 * Never trusted: a cache that is missing, a link, too large, not JSON or of
 * another key is ignored; each entry is checked for shape before use; a
 * damaged cache only makes the check slower. Written to a temporary file
 * renamed into place, so a killed run never leaves half a file.
 */
import { createHash, hash } from "node:crypto";
import { lstatSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { ContentError, Severity } from "../content/errors.ts";
import type { FileUse } from "../content/parse-article.ts";
import { reviveSummary, type ArticleFacts, type ArticleSummary } from "./facts.ts";
import { isRealDir, readCacheFile } from "../cache/real-dir.ts";
import type { PendingWarning } from "./site-rules.ts";

/** What the check keeps of one article's parse. */
export interface FileOutcome {
  /** The loader's errors (its file checks are not included: they are run every time). */
  readonly errors: readonly ContentError[];
  /** The loader's warnings and this check's single-article warnings. */
  readonly warnings: readonly ContentError[];
  readonly uses: readonly FileUse[];
  /**
   * When the article is valid: the summary the rules run on every check
   * read, and the SHA-256 (`digest`) of its facts as JSON text, which the
   * site phase's key (run-check.ts) hashes. The facts themselves (`json`)
   * are needed only when the site phase runs: an outcome parsed in this run
   * has them, one from the cache gets them through {@link CheckCache.factsJson}
   * (they are kept in a file of their own, read only then). `value`: the
   * facts parsed, when parsed in this run (never written). In a run without
   * a cache, `digest` is empty and `json` absent until needed (parse-outcome.ts).
   */
  readonly facts?: { readonly digest: string; readonly json?: string; readonly summary: ArticleSummary; readonly value?: ArticleFacts };
  /**
   * Lines of front-matter fields already looked up for warnings about this
   * article (key: the field's path joined with "."; 0: no line), so that a
   * warning repeated on the next run needs no second parse with positions.
   */
  readonly lines?: Readonly<Record<string, number>>;
}

/** The key of a front-matter path in FileOutcome.lines. */
export { lineKey } from "../content/plain-front-matter.ts";

/** Folder under the project root. */
export const CHECK_CACHE_DIR = ".cache/check";
const FILE = "results.json";
/**
 * The facts of every valid article, as JSON text by file (FileOutcome.facts).
 * Apart from the results because they are half their size (11.5 of 22.6
 * million characters at 10,000 generated articles) and needed only when the
 * site phase runs or the kept facts change (save() then writes the file
 * again from the kept ones), not on a run that reuses the kept site outcome.
 */
const FACTS_FILE = "facts.json";
const FORMAT = "tong-ket-check-cache-3";
/** A cache file larger than this is not read (10,000 generated articles make 14 MB of results and 13 MB of facts). */
const MAX_BYTES = 256 * 1024 * 1024;

let codeHash: string | undefined;

function addTree(hash: ReturnType<typeof createHash>, dir: string): void {
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) addTree(hash, full);
    else if (entry.isFile()) hash.update(`${full}\0`).update(readFileSync(full)).update("\0");
  }
}

/**
 * The version of the code that produces results. Run as a bundle
 * (scripts/run-bundled.mjs), the hash of every file the bundle is made of;
 * run from the sources (tsx, tests), every file under src/ and the lockfile
 * (dependency versions), hashed once per process (a few milliseconds).
 */
export function codeVersion(): string {
  const bundled = (globalThis as Record<symbol, unknown>)[Symbol.for("tong-ket.code-version")];
  if (typeof bundled === "string") return bundled;
  if (codeHash === undefined) {
    const src = path.resolve(import.meta.dirname, "..");
    const hash = createHash("sha256");
    addTree(hash, src);
    try {
      hash.update(readFileSync(path.join(src, "..", "package-lock.json")));
    } catch {
      // No lockfile (an unusual checkout): the sources alone.
    }
    codeHash = hash.digest("hex");
  }
  return codeHash;
}

/** The key of the whole cache for this code, language and year. */
export function cacheKey(language: string, year: number): string {
  const facts = [FORMAT, codeVersion(), language, String(year), process.versions.node, process.versions.icu ?? "", process.versions.unicode ?? ""];
  return createHash("sha256").update(facts.join("\0")).digest("hex");
}

/** Files written less than this long before the run started keep no times (a write in the same clock tick as the read). */
const SETTLED_NS = 2_000_000_000n;

/**
 * The identity and times of a regular file, as kept with its entry, or
 * undefined for anything else. `trusted` is false for a file written too
 * recently to be recognised by its times next run.
 */
export function fileStat(fullPath: string, runStartNs: bigint): { key: string; trusted: boolean } | undefined {
  const st = lstatSync(fullPath, { bigint: true, throwIfNoEntry: false });
  if (!st || !st.isFile()) return undefined;
  return { key: `${st.dev}:${st.ino}:${st.size}:${st.mtimeNs}:${st.ctimeNs}`, trusted: st.mtimeNs < runStartNs - SETTLED_NS && st.ctimeNs < runStartNs - SETTLED_NS };
}

/** SHA-256 of an article's facts as JSON text, hex (FileOutcome.facts.digest). */
export function factsDigest(json: string): string {
  // One call, no Hash object: 3.0 against 4.2–6.0 µs for a 1 kB text (20,000 of each, node -e, this machine); one per article parsed.
  return hash("sha256", json);
}

/** SHA-256 of an article's path and bytes, hex. */
export function articleHash(file: string, bytes: Uint8Array): string {
  return createHash("sha256").update(file).update("\0").update(bytes).digest("hex");
}

const isString = (v: unknown): v is string => typeof v === "string";
const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);
const OPTIONAL_TEXT = ["code", "field", "value", "expected", "fix"] as const;

function reviveProblem(v: unknown, file: string | undefined): ContentError | undefined {
  if (!isObject(v) || !isString(v["file"]) || (file !== undefined && v["file"] !== file) || !isString(v["message"])) return undefined;
  const line = v["line"];
  if (line !== undefined && !(typeof line === "number" && Number.isInteger(line) && line > 0)) return undefined;
  const severity = v["severity"];
  if (severity !== undefined && severity !== "warning" && severity !== "error") return undefined;
  const out: Record<string, unknown> = { file: v["file"], message: v["message"] };
  for (const key of OPTIONAL_TEXT) {
    const value = v[key];
    if (value === undefined) continue;
    if (!isString(value)) return undefined;
    out[key] = value;
  }
  if (line !== undefined) out["line"] = line;
  if (severity !== undefined) out["severity"] = severity as Severity;
  return out as unknown as ContentError;
}

function reviveList<T>(v: unknown, revive: (item: unknown) => T | undefined): T[] | undefined {
  if (!Array.isArray(v)) return undefined;
  const out: T[] = [];
  for (const item of v) {
    const revived = revive(item);
    if (revived === undefined) return undefined;
    out.push(revived);
  }
  return out;
}

function reviveUse(v: unknown, file: string): FileUse | undefined {
  if (!isObject(v) || !isString(v["path"]) || !isString(v["field"]) || !isString(v["value"])) return undefined;
  // A use is always a file in the article's own folder (parse-article.ts builds it so).
  if (v["path"] !== `${file.slice(0, file.lastIndexOf("/") + 1)}${v["value"]}`) return undefined;
  const line = v["line"];
  if (line !== undefined && typeof line !== "number") return undefined;
  return { path: v["path"], field: v["field"], value: v["value"], ...(typeof line === "number" ? { line } : {}) };
}

/** Most field lines kept per article (a few warnings' worth; more is a forged cache). */
const MAX_LINES = 1000;

function reviveLines(v: unknown): Record<string, number> | undefined {
  if (!isObject(v)) return undefined;
  const entries = Object.entries(v);
  if (entries.length > MAX_LINES) return undefined;
  const out: Record<string, number> = {};
  for (const [key, line] of entries) {
    if (key.length > 200 || !(typeof line === "number" && Number.isInteger(line) && line >= 0)) return undefined;
    out[key] = line;
  }
  return out;
}

const DIGEST = /^[0-9a-f]{64}$/;

/** An outcome read back from the cache, or undefined when it is not well formed. */
function reviveOutcome(v: unknown, file: string): FileOutcome | undefined {
  if (!isObject(v)) return undefined;
  const errors = reviveList(v["errors"], (p) => reviveProblem(p, file));
  const warnings = reviveList(v["warnings"], (p) => reviveProblem(p, file));
  const uses = reviveList(v["uses"], (u) => reviveUse(u, file));
  if (!errors || !warnings || !uses) return undefined;
  if (v["facts"] === undefined) return errors.length > 0 ? { errors, warnings, uses } : undefined;
  const kept = v["facts"];
  if (!isObject(kept) || !isString(kept["digest"]) || !DIGEST.test(kept["digest"]) || errors.length > 0) return undefined;
  const summary = reviveSummary(kept["summary"], file);
  if (!summary) return undefined;
  const facts = { digest: kept["digest"], summary };
  if (v["lines"] === undefined) return { errors, warnings, uses, facts };
  const lines = reviveLines(v["lines"]);
  return lines ? { errors, warnings, uses, facts, lines } : undefined;
}

/**
 * What the check finds across articles that takes long and depends only on
 * the facts of the valid articles, the published-URL record and the site
 * configuration (run-check.ts: siteKey): the errors of the build's site data
 * and output plan, and the role warnings.
 */
export interface SiteOutcome {
  readonly errors: readonly ContentError[];
  readonly roles: readonly PendingWarning[];
}

function revivePending(v: unknown): PendingWarning | undefined {
  if (!isObject(v)) return undefined;
  const problem = reviveProblem(v["problem"], undefined);
  const fieldPath = reviveList(v["path"], (k) => (isString(k) || (typeof k === "number" && Number.isInteger(k)) ? k : undefined));
  const related = reviveList(v["related"], (r) => (isString(r) ? r : undefined));
  return problem && fieldPath && related ? { problem, path: fieldPath, related } : undefined;
}

function reviveSite(v: unknown): { key: string; outcome: SiteOutcome } | undefined {
  if (!isObject(v) || !isString(v["key"]) || !isObject(v["outcome"])) return undefined;
  const errors = reviveList(v["outcome"]["errors"], (p) => reviveProblem(p, undefined));
  const roles = reviveList(v["outcome"]["roles"], revivePending);
  return errors && roles ? { key: v["key"], outcome: { errors, roles } } : undefined;
}


/** A file of `dir` (.cache/check, both folders real) as JSON of this format and `key`, or undefined. */
function readKept(dir: string, name: string, key: string): Record<string, unknown> | undefined {
  if (!isRealDir(path.dirname(dir)) || !isRealDir(dir)) return undefined;
  const text = readCacheFile(path.join(dir, name), MAX_BYTES)?.toString("utf8");
  if (text === undefined) return undefined;
  try {
    const data: unknown = JSON.parse(text);
    return isObject(data) && data["format"] === FORMAT && data["key"] === key ? data : undefined;
  } catch {
    return undefined;
  }
}

/** The check's results of previous runs, and those of this run to keep. */
export class CheckCache {
  private readonly previous = new Map<string, { hash: string; stat?: string; outcome: unknown }>();
  private readonly next = new Map<string, { hash: string; stat?: string; outcome: FileOutcome }>();
  private previousSite: unknown;
  private nextSite: { key: string; outcome: SiteOutcome } | undefined;
  /** The kept facts file (FACTS_FILE), read at the first need: JSON text by article. */
  private keptFacts: ReadonlyMap<string, string> | undefined;
  /** Whether this run kept anything the previous one did not (else the file is not written again). */
  private changed = false;
  /** Articles whose result came from the cache in this run. */
  hits = 0;

  private constructor(
    private readonly dir: string | undefined,
    private readonly key: string,
  ) {}

  /** Whether results are kept at all. */
  get enabled(): boolean {
    return this.dir !== undefined;
  }

  /** No cache: every article is parsed, nothing is written. */
  static disabled(): CheckCache {
    return new CheckCache(undefined, "");
  }

  /**
   * Opens the cache of the project at `rootDir` (a missing or unusable one is empty).
   * @param empty start from nothing (what this run keeps is still written)
   */
  static open(rootDir: string, key: string, empty = false): CheckCache {
    const dir = path.join(rootDir, CHECK_CACHE_DIR);
    const cache = new CheckCache(dir, key);
    if (empty) {
      cache.changed = true;
      return cache;
    }
    const data = readKept(dir, FILE, key);
    if (!data || !isObject(data["entries"])) return cache;
    cache.previousSite = data["site"];
    for (const [file, entry] of Object.entries(data["entries"])) {
      if (isObject(entry) && isString(entry["hash"])) cache.previous.set(file, { hash: entry["hash"], ...(isString(entry["stat"]) ? { stat: entry["stat"] } : {}), outcome: entry["outcome"] });
    }
    return cache;
  }

  /** The kept outcome of `file` if it was kept with exactly these file times (see the header), without reading the file. */
  /** The hash of `file`'s bytes when an earlier run kept its result (a worker that reads the file skips parsing it when the hash is the same). */
  hashOf(file: string): string | undefined {
    return this.previous.get(file)?.hash;
  }

  getByStat(file: string, stat: string): FileOutcome | undefined {
    const entry = this.previous.get(file);
    if (!entry || entry.stat !== stat) return undefined;
    const outcome = reviveOutcome(entry.outcome, file);
    if (outcome) {
      this.hits++;
      this.next.set(file, { hash: entry.hash, stat, outcome });
    }
    return outcome;
  }

  /** The kept outcome of `file` with this hash, if there is a good one; `stat` is kept with it for the next run. */
  get(file: string, hash: string, stat?: string): FileOutcome | undefined {
    const entry = this.previous.get(file);
    if (!entry || entry.hash !== hash) return undefined;
    const outcome = reviveOutcome(entry.outcome, file);
    if (outcome) {
      this.hits++;
      if (entry.stat !== stat) this.changed = true;
      this.next.set(file, { hash, ...(stat ? { stat } : {}), outcome });
    }
    return outcome;
  }

  /**
   * The facts of `file` as JSON text, if they are those with this digest:
   * parsed in this run, or kept by an earlier one (the facts file is read
   * once, at the first call). Undefined when they are not to be had.
   */
  factsJson(file: string, digest: string): string | undefined {
    const fresh = this.next.get(file)?.outcome.facts;
    if (fresh?.json !== undefined && fresh.digest === digest) return fresh.json;
    if (!this.dir) return undefined;
    if (!this.keptFacts) this.keptFacts = this.readFacts();
    const json = this.keptFacts.get(file);
    return json !== undefined && factsDigest(json) === digest ? json : undefined;
  }

  private readFacts(): ReadonlyMap<string, string> {
    const out = new Map<string, string>();
    const data = this.dir ? readKept(this.dir, FACTS_FILE, this.key) : undefined;
    if (!data || !isObject(data["facts"])) return out;
    for (const [file, json] of Object.entries(data["facts"])) if (isString(json)) out.set(file, json);
    return out;
  }

  /** Keeps the outcome of `file` for the next run (with its file times, when they may be trusted). */
  set(file: string, hash: string, outcome: FileOutcome, stat?: string): void {
    this.changed = true;
    this.next.set(file, { hash, ...(stat ? { stat } : {}), outcome });
  }

  /** The kept site outcome, if it was kept under `key`. */
  getSite(key: string): SiteOutcome | undefined {
    const site = this.previousSite === undefined ? undefined : reviveSite(this.previousSite);
    if (!site || site.key !== key) return undefined;
    this.nextSite = site;
    return site.outcome;
  }

  /** Keeps the site outcome for the next run. */
  setSite(key: string, outcome: SiteOutcome): void {
    this.changed = true;
    this.nextSite = { key, outcome };
  }

  /** Adds field lines to the kept outcome of `file`, if it is kept with this hash. */
  addLines(file: string, hash: string, lines: Readonly<Record<string, number>>): void {
    const entry = this.next.get(file);
    if (!entry || entry.hash !== hash) return;
    this.changed = true;
    this.next.set(file, { ...entry, outcome: { ...entry.outcome, lines: { ...entry.outcome.lines, ...lines } } });
  }

  /** Writes `name` in the cache folder through a temporary file renamed into place (a killed run never leaves half a file). */
  private writeInPlace(name: string, text: string): void {
    if (!this.dir) return;
    const temp = path.join(this.dir, `${name}.${process.pid}.tmp`);
    try {
      writeFileSync(temp, text, { flag: "wx" });
      renameSync(temp, path.join(this.dir, name));
    } finally {
      rmSync(temp, { force: true });
    }
  }

  /**
   * Writes the outcomes of this run (only the articles seen in it, so deleted
   * articles drop out), unless they are exactly those read. Best effort: a cache that cannot be written only
   * makes the next run slower, so a failure is silent.
   */
  save(): void {
    if (!this.dir) return;
    // Every entry read back as it was, none gone: the file already says all this.
    if (!this.changed && this.next.size === this.previous.size) return;
    const parent = path.dirname(this.dir);
    try {
      if (!isRealDir(parent)) {
        try {
          lstatSync(parent);
          return; // .cache exists but is not a real folder: leave it alone.
        } catch {
          mkdirSync(parent);
        }
      }
      if (!isRealDir(this.dir)) {
        try {
          lstatSync(this.dir);
          return;
        } catch {
          mkdirSync(this.dir);
        }
      }
      // The facts file is written again only when the facts it should hold are not those it holds (an edit to an article's text leaves them).
      let factsSame = true;
      let previousFacts = 0;
      for (const entry of this.previous.values()) if (isObject(entry.outcome) && isObject(entry.outcome["facts"])) previousFacts++;
      let nextFacts = 0;
      for (const [file, entry] of this.next) {
        const facts = entry.outcome.facts;
        if (!facts) continue;
        nextFacts++;
        const before = this.previous.get(file)?.outcome;
        if (!isObject(before) || !isObject(before["facts"]) || before["facts"]["digest"] !== facts.digest) factsSame = false;
      }
      const factsText: Record<string, string> = {};
      const entries: Record<string, { hash: string; stat?: string; outcome: FileOutcome }> = {};
      for (const [file, entry] of [...this.next].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
        const facts = entry.outcome.facts;
        if (facts && !(factsSame && nextFacts === previousFacts)) {
          const json = this.factsJson(file, facts.digest);
          // Facts no longer to be had (a damaged facts file): the article is parsed again next run.
          if (json === undefined) continue;
          factsText[file] = json;
        }
        entries[file] = facts ? { ...entry, outcome: { ...entry.outcome, facts: { digest: facts.digest, summary: facts.summary } } } : entry;
      }
      if (!(factsSame && nextFacts === previousFacts)) this.writeInPlace(FACTS_FILE, JSON.stringify({ format: FORMAT, key: this.key, facts: factsText }));
      this.writeInPlace(FILE, JSON.stringify({ format: FORMAT, key: this.key, entries, ...(this.nextSite ? { site: this.nextSite } : {}) }));
    } catch {
      // Read-only checkout, full disk, a race with another run: the next run parses again.
    }
  }
}

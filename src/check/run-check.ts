/**
 * `npm run check`: every error the build would report and every warning,
 * for every file under content/, without building anything.
 *
 * One source of truth for the rules: each article goes through the loader
 * (src/content/) exactly as the build reads it — the same checked reader,
 * the same parse and validation, in its validate-only mode, which skips
 * rendering the body; the same file checks for the image it names; the same
 * cross-checks (two articles, one URL) over the published articles; the same
 * notices for files that are not articles. This module adds only the
 * warnings for likely mistakes (article-rules.ts, site-rules.ts), the cache
 * (check-cache.ts) and the choice of files to report on. The exceptions
 * are for speed: a valid article in the usual shape is read by the check's
 * fast path (fast-parse.ts), which gives exactly what the loader's parse
 * gives and hands anything else, and every error, to it; and while the
 * published-URL record is empty, the site phase's errors come from the
 * build's own planOutputs over a reduced site (quick-site.ts), not from the
 * whole site data and plan.
 *
 * Checking some files (`files`, e.g. the ones being committed) reports the
 * problems of those files only, but every article is still read, because
 * rules across articles need the whole set: a new article whose URL is
 * already taken, or whose title repeats another's, is wrong because of a
 * file nobody named. Those problems are reported on the named file whichever
 * side of the pair it is on.
 */
import { createHash } from "node:crypto";
import path from "node:path";
import type { ContentError } from "../content/errors.ts";
import { fileNameNotices, scanContent, problemError, tryReadContentFile } from "../content/content-files.ts";
import { LIMITS } from "../content/limits.ts";
import { checkArticleUses, contentNotices, crossCheck } from "../content/load-content.ts";
import { parseArticleBytes } from "../content/parse-article.ts";
import { availableParallelism } from "node:os";
import type { Locator } from "../content/front-matter.ts";
import { explain, getLanguage } from "../messages/index.ts";
import { articleHash, cacheKey, CheckCache, fileStat, lineKey, type FileOutcome, type SiteOutcome } from "./check-cache.ts";
import { reviveFacts, standInArticle, type ArticleFacts, type ArticleSummary } from "./facts.ts";
import type { Person } from "../people/identity.ts";
import { planSite } from "../plan/site-outputs.ts";
import { createSiteData, readLedger } from "../site-data.ts";
import { siteConfigFromEnv } from "../site-config.ts";
import { compareNewestFirst, type Article } from "../content/article.ts";
import { ParsePool } from "./parse-pool.ts";
import type { RecordRead } from "./staged.ts";
import { vietnamYear } from "../dates.ts";
import { CHECK_PRODUCERS } from "./check-producers.ts";
import { parseOutcome } from "./parse-outcome.ts";
import { quickSiteApplies, quickSiteErrors } from "./quick-site.ts";
import { quickRoleWarnings } from "./roles.ts";
import { duplicateTitleWarnings, futureDateWarnings, roleWarnings, type PendingWarning } from "./site-rules.ts";


export interface CheckOptions {
  /** Project root; paths are relative to it. */
  readonly rootDir: string;
  /** Content folder relative to rootDir. Default "content". */
  readonly contentDir?: string;
  /**
   * Report on these files only (paths relative to rootDir, POSIX
   * separators): articles, or other entries under content/ (an image, for
   * its notice). Undefined: every file.
   */
  readonly files?: readonly string[];
  /**
   * The articles that exist, when that is not what is on disk (a commit:
   * the articles in git's index). Undefined: every article on disk.
   */
  readonly articles?: ReadonlySet<string>;
  /**
   * The published-URL record, when it is not the file on disk (a commit: the
   * one in git's index, src/check/staged.ts). Undefined: the file on disk.
   */
  readonly record?: RecordRead;
  /** Keep and reuse results in .cache/check/ (default true). */
  readonly cache?: boolean;
  /** The time the check runs (tests fix it). Default now. */
  readonly now?: number;
  /** Threads to parse on when there are at least `parallelFrom` articles to parse (default: every core; 1: none). */
  readonly threads?: number;
  /** Default {@link PARALLEL_FROM}. */
  readonly parallelFrom?: number;
  /** Run the build's own site phase even when the facts allow the quick one (quick-site.ts): tests compare both. */
  readonly buildSitePhase?: boolean;
}

export interface CheckReport {
  /** Errors and warnings (severity "warning"), sorted by file and line. */
  readonly problems: readonly ContentError[];
  /** Articles read. */
  readonly articleCount: number;
  /** Errors in files that were not asked about (only when `files` is given). */
  readonly otherErrors: number;
  /** Articles whose parse came from the cache. */
  readonly cacheHits: number;
}

/** Below this many articles to parse, parsing in the main thread is quicker than starting threads. */
export const PARALLEL_FROM = 1000;
/** Most articles per share (of a worker, or of this thread between two looks at the workers' replies). */
const SHARE = 100;
/** Shares queued on a worker at once: one to parse while the reply of the one before waits for this thread, busy with its own share. */
const PER_WORKER = 2;

/** The problems of one article that depend on more than its bytes: the files it names (checked every run, as the loader does). */
function withFileChecks(rootDir: string, contentDir: string, file: string, outcome: FileOutcome): FileOutcome {
  const fileErrors = checkArticleUses(rootDir, file, outcome.uses, contentDir);
  if (fileErrors.length === 0) return outcome;
  // Like the loader: an article whose image is missing is not valid, so it takes no part in the cross-checks.
  return { errors: [...outcome.errors, ...fileErrors], warnings: outcome.warnings, uses: outcome.uses };
}

/**
 * The outcome of every article, in file order: from the cache when its
 * bytes are unchanged, else parsed — on worker threads when there are many,
 * which read the files themselves (then the pool is handed back, still
 * running, for the role warnings; the caller closes it).
 */
async function articleOutcomes(rootDir: string, contentDir: string, files: readonly string[], cache: CheckCache, locators: Map<string, Located>, threads: number, parallelFrom: number): Promise<{ outcomes: FileOutcome[]; pool?: ParsePool }> {
  const outcomes = new Array<FileOutcome | undefined>(files.length);
  type Todo = { readonly index: number; readonly stat?: string };
  const todo: Todo[] = [];
  // First pass: unchanged since a run that kept its times: not even read (check-cache.ts).
  const runStart = BigInt(Date.now()) * 1_000_000n;
  for (let index = 0; index < files.length; index++) {
    const file = files[index] ?? "";
    const stat = cache.enabled ? fileStat(path.join(rootDir, file), runStart) : undefined;
    const byStat = stat ? cache.getByStat(file, stat.key) : undefined;
    if (byStat) outcomes[index] = byStat;
    else todo.push({ index, ...(stat?.trusted ? { stat: stat.key } : {}) });
  }
  // Read, hash, take from the cache by hash, else parse (the locator is kept for warning lines).
  const here = (t: Todo): void => {
    const file = files[t.index] ?? "";
    const read = tryReadContentFile(rootDir, file, LIMITS.articleBytes, undefined, contentDir);
    if (!read.ok) {
      outcomes[t.index] = { errors: [problemError(file, read.problem)], warnings: [], uses: [] };
      return;
    }
    // Without a cache nothing is looked up or kept by hash.
    const hash = cache.enabled ? articleHash(file, read.bytes) : "";
    const cached = cache.get(file, hash, t.stat);
    if (cached) {
      outcomes[t.index] = cached;
      return;
    }
    const parsed = parseOutcome(file, read.bytes, cache.enabled);
    // An outcome with its lines (the fast path's) holds the line of every field a rule across articles may warn about
    // (parse-outcome.ts siteRuleLines): its locator would never be asked, and keeping one per article (its front-matter
    // text and lines) was memory the collector walked for nothing.
    if (parsed.locate && !parsed.outcome.lines) locators.set(file, { locate: parsed.locate, hash });
    cache.set(file, hash, parsed.outcome, t.stat);
    outcomes[t.index] = parsed.outcome;
  };
  let pool: ParsePool | undefined;
  if (threads > 1 && todo.length >= parallelFrom) {
    // This thread parses too, beside threads − 1 workers: it is running already, while a worker compiles and initialises
    // the bundle's code again before its first article, and its outcomes need no copy between threads. It moves work off
    // the waiting main thread; it did not cut CPU (README, Checking content: cold --no-cache runs, 7.96 vs 7.97 CPU-s).
    pool = new ParsePool(threads - 1, { rootDir, contentDir, hashing: cache.enabled }, PER_WORKER);
    const started = pool;
    // Shares small enough that both sides end close together, and that a few dozen articles make several (tests take both paths).
    const size = Math.max(1, Math.min(SHARE, Math.ceil(todo.length / (threads * 4))));
    const parts: Todo[][] = [];
    for (let i = 0; i < todo.length; i += size) parts.push(todo.slice(i, i + size));
    let next = 0;
    const onWorker = (part: Todo[]): Promise<void> => {
      const names = part.map((t) => files[t.index] ?? "");
      return started.read(names, cache.enabled ? names.map((f) => cache.hashOf(f)) : []).then(
        (results) =>
          part.forEach((t, k) => {
            const result = results[k];
            const file = names[k] ?? "";
            // The kept result, unchanged: as when read here (a result that does not read back is parsed here).
            if (!result || result.known) {
              const cached = result ? cache.get(file, result.hash, t.stat) : undefined;
              if (cached) outcomes[t.index] = cached;
              else here(t);
              return;
            }
            if (result.keep) cache.set(file, result.hash, result.outcome, t.stat);
            outcomes[t.index] = result.outcome;
          }),
        // A worker that failed: its share is parsed here.
        () => part.forEach(here),
      );
    };
    // Each worker takes the next share whenever it has fewer than PER_WORKER queued (ParsePool.read queues them on it).
    const feeding: Promise<void>[] = [];
    const feed = async (): Promise<void> => {
      for (let part = parts[next++]; part; part = parts[next++]) await onWorker(part);
    };
    for (let i = 0; i < (threads - 1) * PER_WORKER; i++) feeding.push(feed());
    // This thread takes shares from the same list, and lets the workers' replies in between (each reply frees a worker for the next share).
    for (let part = parts[next++]; part; part = parts[next++]) {
      part.forEach(here);
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    await Promise.all(feeding);
  } else todo.forEach(here);
  const all = outcomes.map((outcome, i) => withFileChecks(rootDir, contentDir, files[i] ?? "", outcome ?? { errors: [], warnings: [], uses: [] }));
  return pool ? { outcomes: all, pool } : { outcomes: all };
}

/** A front-matter locator of an article parsed in this run, with the hash of the bytes it was made from. */
interface Located {
  readonly locate: Locator;
  readonly hash: string;
}

/**
 * The line of each pending warning's field: from the cache when an earlier
 * run looked it up, else from the front matter parsed with positions (only
 * for the files that get such a warning), kept in the cache for next time.
 */
function placeWarnings(rootDir: string, contentDir: string, pending: readonly PendingWarning[], outcomeOf: ReadonlyMap<string, FileOutcome>, locators: Map<string, Located>, cache: CheckCache): ContentError[] {
  const learned = new Map<string, { hash: string; lines: Record<string, number> }>();
  const placed = pending.map(({ problem, path: fieldPath }) => {
    const key = lineKey(fieldPath);
    const known = outcomeOf.get(problem.file)?.lines?.[key] ?? learned.get(problem.file)?.lines[key];
    let line = known === 0 ? undefined : known;
    if (known === undefined) {
      let located = locators.get(problem.file);
      if (!located) {
        // A cached article: parse it again, once, for its field lines.
        const read = tryReadContentFile(rootDir, problem.file, LIMITS.articleBytes, undefined, contentDir);
        const parsed = read.ok ? parseArticleBytes(problem.file, read.bytes, { validateOnly: true }) : undefined;
        if (read.ok && parsed?.ok && parsed.source) {
          located = { locate: parsed.source.locate, hash: articleHash(problem.file, read.bytes) };
          locators.set(problem.file, located);
        }
      }
      line = located?.locate.valueLine(fieldPath);
      if (located) {
        const entry = learned.get(problem.file) ?? { hash: located.hash, lines: {} };
        entry.lines[key] = line ?? 0;
        learned.set(problem.file, entry);
      }
    }
    return line !== undefined ? { ...problem, line } : problem;
  });
  for (const [file, { hash, lines }] of learned) cache.addLines(file, hash, lines);
  return placed;
}

function byPlace(a: ContentError, b: ContentError): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return (a.line ?? 0) - (b.line ?? 0);
}

/** Normalises a path given on the command line to the project-relative POSIX form the loader uses. */
export function projectPath(rootDir: string, cwd: string, given: string): string {
  return path.relative(rootDir, path.resolve(cwd, given)).split(path.sep).join("/");
}

/** Articles standing for the facts, newest first (as the loader hands them on). */
function standIns(facts: readonly ArticleFacts[], made: ReadonlyMap<ArticleFacts, Article | undefined>): Article[] {
  return facts.map((f) => made.get(f)).filter((a): a is Article => a !== undefined).sort(compareNewestFirst);
}

/**
 * The errors the build finds after loading: the published-URL record's,
 * the people index's and the output plan's — the build's own functions
 * (createSiteData, planSite) over the published articles, as the build and
 * the preview call them. Without the pictures processed, as in the preview.
 * @param loaded the problems found so far (errors in articles hold back the record's own errors, as in the build)
 */
function planSiteOf(rootDir: string, published: readonly Article[], loaded: readonly ContentError[], record: ReturnType<typeof readLedger>): { errors: readonly ContentError[]; persons: readonly Person[] } {
  const { ledger, text, errors: ledgerErrors } = record;
  const data = createSiteData(published, { rootDir, ledger, ledgerText: text });
  const contentErrors = [...loaded.filter((p) => p.severity !== "warning"), ...ledgerErrors];
  const planned = planSite(data, contentErrors, CHECK_PRODUCERS);
  // planSite returns the errors it was given first: keep only what it found.
  const found = planned.errors.slice(contentErrors.length);
  // As the build: a site with nothing to publish is an error, once every other error is fixed.
  const none = published.length === 0 && contentErrors.length === 0 && found.length === 0 ? [{ file: "content/", ...explain("cli.nothingToPublish") }] : [];
  return { errors: [...ledgerErrors, ...found, ...none], persons: data.people.pages.map((page) => page.person) };
}

/**
 * The key of what the site phase finds (SiteOutcome): everything it reads —
 * the facts of every valid article (drafts included, for the role warning)
 * and the published ones in the order they are planned, the published-URL
 * record, the site configuration, and whether errors were found before
 * (they hold back the record's errors). The article texts are not in it:
 * an edit to an article's text, the usual one, leaves the key unchanged.
 */
function siteKey(valid: readonly KeptFacts[], order: readonly ArticleSummary[], record: ReturnType<typeof readLedger>, loaded: readonly ContentError[]): string {
  const hash = createHash("sha256");
  const errors = loaded.filter((p) => p.severity !== "warning");
  hash.update(`check-site-3\0${JSON.stringify(siteConfigFromEnv())}\0${errors.length > 0}\0${errors.some((e) => e.file.endsWith(".md"))}\0`);
  hash.update(record.text).update(`\0${JSON.stringify(record.errors)}\0`);
  for (const f of order) hash.update(f.sourcePath).update("\0");
  hash.update("\0");
  for (const f of valid) hash.update(f.digest).update("\0");
  return hash.digest("hex");
}

type KeptFacts = NonNullable<FileOutcome["facts"]>;

/** A damaged fact in the cache: the run starts again without it (see runCheck). */
class DamagedCache extends Error {}

/**
 * The site phase: the build's site data and output plan over the published
 * articles, and the role warnings over all of them — the part of a check
 * that takes long, done only when its key changed.
 */
async function sitePhase(rootDir: string, valid: readonly KeptFacts[], order: readonly ArticleSummary[], problems: readonly ContentError[], record: ReturnType<typeof readLedger>, pool: ParsePool | undefined, cache: CheckCache): Promise<SiteOutcome> {
  const drafts = valid.some((kept) => kept.summary.draft);
  const factsOf = new Map<string, ArticleFacts>();
  const texts: string[] = [];
  for (const kept of valid) {
    // Drafts count only for the role warnings: on a worker from their facts, else from the summaries (below).
    if (!pool && kept.summary.draft) continue;
    const file = kept.summary.sourcePath;
    // Facts parsed in this run without a cache have no JSON yet (parse-outcome.ts keptFacts): made here, where it is needed.
    const json = kept.json ?? (kept.value ? JSON.stringify(kept.value) : cache.factsJson(file, kept.digest));
    const facts = kept.value ?? (json === undefined ? undefined : reviveFacts(json, file));
    if (!facts || json === undefined) throw new DamagedCache();
    factsOf.set(file, facts);
    texts.push(json);
  }
  // With worker threads running (a first run), the role warnings are found on one while this thread plans the site.
  const rolesThere = pool?.roles(texts).then(
    (roles) => roles,
    () => undefined,
  );
  const articlesOf = new Map([...factsOf.values()].map((f) => [f, standInArticle(f)]));
  const planned = order.map((s) => factsOf.get(s.sourcePath)).filter((f): f is ArticleFacts => f !== undefined);
  const site = planSiteOf(rootDir, standIns(planned, articlesOf), problems, record);
  const roles = await rolesThere;
  if (roles) return { errors: site.errors, roles };
  // Without drafts the people pages were made from these very articles: their persons are the index the role warning needs.
  // With drafts, the people rules over the summaries (quick-site.ts; the same warnings as a second people index, without building one).
  return { errors: site.errors, roles: drafts ? quickRoleWarnings(valid.map((kept) => kept.summary)) : roleWarnings({ persons: site.persons }) };
}

/** Runs every check over the content folder. Never throws on bad content: all of it is in the report. */
export async function runCheck(options: CheckOptions): Promise<CheckReport> {
  try {
    return await checkOnce(options, false);
  } catch (error) {
    // Facts in the cache that do not read back (a damaged or forged cache): once more, with none of it.
    if (error instanceof DamagedCache) return checkOnce(options, true);
    throw error;
  }
}

async function checkOnce(options: CheckOptions, ignoreCache: boolean): Promise<CheckReport> {
  const contentDir = options.contentDir ?? "content";
  const now = options.now ?? Date.now();
  const scan = scanContent(options.rootDir, contentDir);
  const articles = options.articles ? scan.articles.filter((f) => options.articles?.has(f)) : scan.articles;
  const cache = options.cache === false ? CheckCache.disabled() : CheckCache.open(options.rootDir, cacheKey(getLanguage(), vietnamYear(now)), ignoreCache);
  const locators = new Map<string, Located>();
  const { outcomes, pool } = await articleOutcomes(options.rootDir, contentDir, articles, cache, locators, options.threads ?? availableParallelism(), options.parallelFrom ?? PARALLEL_FROM);
  try {
    return await checkParsed(options, contentDir, scan, articles, outcomes, cache, locators, pool);
  } finally {
    await pool?.close();
  }
}

/** The rest of a check once every article's outcome is known. */
async function checkParsed(options: CheckOptions, contentDir: string, scan: ReturnType<typeof scanContent>, articles: readonly string[], outcomes: readonly FileOutcome[], cache: CheckCache, locators: Map<string, Located>, pool: ParsePool | undefined): Promise<CheckReport> {
  const now = options.now ?? Date.now();
  const named = options.files ? new Set(options.files) : undefined;
  const problems: ContentError[] = [...scan.errors];
  const valid: KeptFacts[] = [];
  const used = new Set<string>();
  const outcomeOf = new Map(articles.map((file, i) => [file, outcomes[i]] as const).filter((e): e is [string, FileOutcome] => e[1] !== undefined));
  for (const outcome of outcomes) {
    for (const use of outcome.uses) used.add(use.path);
    problems.push(...outcome.errors, ...outcome.warnings);
    if (outcome.errors.length === 0 && outcome.facts) valid.push(outcome.facts);
  }
  const summaries = valid.map((f) => f.summary);

  // The build's steps after the loader, over the articles it publishes, as
  // the build runs them: the cross-checks, then the site data (published-URL
  // record, people) and its output plan. With named files, those go last: a
  // pair is then reported on the named file.
  const published = summaries.filter((f) => !f.draft);
  const order = named ? [...published.filter((f) => !named.has(f.sourcePath)), ...published.filter((f) => named.has(f.sourcePath))] : published;
  problems.push(...crossCheck(order));
  problems.push(...contentNotices(scan, used), ...fileNameNotices(summaries));
  // The long part (site data, output plan, people) depends on the facts, not
  // the texts: kept in the cache, and done again only when its key changes.
  const record = options.record ?? readLedger(options.rootDir);
  // Kept from an earlier run when nothing it reads changed; else found from the facts when they show
  // the build's site phase is not needed (quick-site.ts); else the build's site phase.
  const key = cache.enabled ? siteKey(valid, order, record, problems) : "";
  let site = cache.enabled ? cache.getSite(key) : undefined;
  if (!site) {
    if (!options.buildSitePhase && quickSiteApplies(published, record)) {
      // With a worker running (a first run), the role warnings are found there while this thread plans the reduced site.
      const there = pool?.quickRoles(summaries).then(
        (roles) => roles,
        () => undefined,
      );
      const errors = quickSiteErrors(options.rootDir, published, problems);
      site = { errors, roles: (await there) ?? quickRoleWarnings(summaries) };
    } else site = await sitePhase(options.rootDir, valid, order, problems, record, pool, cache);
    cache.setSite(key, site);
  }
  problems.push(...site.errors);

  const pending = [...futureDateWarnings(summaries, now), ...duplicateTitleWarnings(summaries), ...site.roles];
  // A warning about another file that names a named one is reported too (the role it contradicts is in the named file).
  const relevant = named ? pending.filter((w) => named.has(w.problem.file) || w.related.some((r) => named.has(r))) : pending;
  const placed = placeWarnings(options.rootDir, contentDir, relevant, outcomeOf, locators, cache);
  cache.save();
  if (!named) return { problems: [...problems, ...placed].sort(byPlace), articleCount: articles.length, otherErrors: 0, cacheHits: cache.hits };

  // Problems of the content folder itself (not of one file in it) are always reported.
  const isReported = (p: ContentError): boolean => named.has(p.file) || !p.file.startsWith(`${contentDir}/`);
  const reported = problems.filter(isReported);
  const otherErrors = problems.filter((p) => p.severity !== "warning" && !isReported(p)).length;
  return { problems: [...reported, ...placed].sort(byPlace), articleCount: articles.length, otherErrors, cacheHits: cache.hits };
}

/**
 * One article's bytes → what the check keeps of it (FileOutcome): the
 * loader's validate-only parse, then this check's single-article warnings
 * and the facts the rules across articles read. The same function runs in
 * the main thread and in the check's worker threads. Most valid articles
 * take the fast path (fast-parse.ts), which also gives the line of every
 * value, so that warnings found across articles need no second parse.
 */
import type { Locator } from "../content/front-matter.ts";
import { parseArticleBytes } from "../content/parse-article.ts";
import { articleWarnings } from "./article-rules.ts";
import { factsDigest, type FileOutcome } from "./check-cache.ts";
import { factsOf, summaryOf, type ArticleFacts } from "./facts.ts";
import { fastParse } from "./fast-parse.ts";

/**
 * Facts as the cache keeps them (JSON text and its digest) when results are kept; else only the value and summary, with
 * an empty digest: the JSON is made only if the build's site phase asks for it (run-check.ts sitePhase), which a run
 * without a cache and without a published-URL record never does. Making both for every article was ~0.35 s of CPU at
 * 10,000 (`process.cpuUsage` around each step over the 10k corpus in one thread, a scratch script, load average ~13: stringify 0.24 s, digest 0.11 s).
 */
function keptFacts(facts: ArticleFacts, keep: boolean): NonNullable<FileOutcome["facts"]> {
  if (!keep) return { digest: "", summary: summaryOf(facts), value: facts };
  const json = JSON.stringify(facts);
  return { digest: factsDigest(json), json, summary: summaryOf(facts), value: facts };
}

/** The lines the rules across articles may place a warning at (site-rules.ts: title, date, an official's role), kept with the outcome. */
function siteRuleLines(lines: Readonly<Record<string, number>>): Record<string, number> {
  // Looked up by name, not by testing every key against a pattern (that was ~2 % of a cold worker's `node --cpu-prof` profile at 10k):
  // the fast path gives each list item a line of its own ("officials.0", "officials.1", … with no gap), then its fields'.
  const out: Record<string, number> = {};
  for (const key of ["title", "date"]) if (Object.hasOwn(lines, key)) out[key] = lines[key] ?? 0;
  for (let i = 0; Object.hasOwn(lines, officialKey(i)); i++) {
    const key = roleKey(i);
    if (Object.hasOwn(lines, key)) out[key] = lines[key] ?? 0;
  }
  return out;
}

/*
 * The keys "officials.N" and "officials.N.role", made once each and kept: a key built anew for every lookup had to be
 * hashed and looked up in V8's string table each time (as in plain-front-matter.ts itemKey). Bounded: a list has at
 * most LIMITS.yamlValues items.
 */
const officialKeys: string[] = [];
const roleKeys: string[] = [];
const officialKey = (i: number): string => (officialKeys[i] ??= `officials.${i}`);
const roleKey = (i: number): string => (roleKeys[i] ??= `officials.${i}.role`);

/**
 * The full parse's outcome (the loader's validate-only parse), without the fast path: what the fast path is compared with in tests
 * (with `usualShape` false: front matter through js-yaml and zod only, see ParseOptions).
 */
export function fullParseOutcome(file: string, bytes: Uint8Array, usualShape = true, keep = true): { outcome: FileOutcome; locate?: Locator } {
  const parsed = parseArticleBytes(file, bytes, { validateOnly: true, usualShape });
  if (parsed.ok && parsed.source) {
    return {
      outcome: { errors: [], warnings: [...parsed.warnings, ...articleWarnings(parsed.article, parsed.source)], uses: parsed.uses, facts: keptFacts(factsOf(parsed.article), keep) },
      locate: parsed.source.locate,
    };
  }
  return { outcome: { errors: parsed.ok ? [] : parsed.errors, warnings: parsed.warnings, uses: parsed.uses } };
}

/**
 * The outcome of one article, and its front-matter locator when it is valid (kept in-process for warning lines).
 * @param keep whether the outcome is kept in the cache (then its facts have their JSON text and digest: see keptFacts)
 */
export function parseOutcome(file: string, bytes: Uint8Array, keep = true): { outcome: FileOutcome; locate?: Locator } {
  // The common case without the libraries (fast-parse.ts); anything else, and every error, from the loader.
  const fast = fastParse(file, bytes);
  if (fast) return { outcome: { errors: [], warnings: fast.warnings, uses: fast.uses, facts: keptFacts(factsOf(fast.article), keep), lines: siteRuleLines(fast.lines) }, locate: fast.source.locate };
  return fullParseOutcome(file, bytes, true, keep);
}

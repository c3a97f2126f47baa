/**
 * One article's bytes → what the check keeps of it (FileOutcome): the
 * loader's validate-only parse, then this check's single-article warnings
 * and the facts the rules across articles read. The same function runs in
 * the main thread and in the check's worker threads.
 */
import type { Locator } from "../content/front-matter.ts";
import { parseArticleBytes } from "../content/parse-article.ts";
import { articleWarnings } from "./article-rules.ts";
import type { FileOutcome } from "./check-cache.ts";
import { factsOf, summaryOf, type ArticleFacts } from "./facts.ts";

/** Facts as the cache keeps them: JSON text and summary. */
function keptFacts(facts: ArticleFacts): NonNullable<FileOutcome["facts"]> {
  return { json: JSON.stringify(facts), summary: summaryOf(facts), value: facts };
}

/** The outcome of one article, and its front-matter locator when it is valid (kept in-process for warning lines). */
export function parseOutcome(file: string, bytes: Uint8Array): { outcome: FileOutcome; locate?: Locator } {
  const parsed = parseArticleBytes(file, bytes, { validateOnly: true });
  if (parsed.ok && parsed.source) {
    return {
      outcome: { errors: [], warnings: [...parsed.warnings, ...articleWarnings(parsed.article, parsed.source)], uses: parsed.uses, facts: keptFacts(factsOf(parsed.article)) },
      locate: parsed.source.locate,
    };
  }
  return { outcome: { errors: parsed.ok ? [] : parsed.errors, warnings: parsed.warnings, uses: parsed.uses } };
}

/**
 * The role warnings over the facts of every valid article (drafts
 * included): the people index of their stand-in articles, as the people
 * pages' rules build it, then site-rules.ts's roleWarnings. Run by a worker
 * thread while the main thread plans the site (run-check.ts), when there is
 * one; else in the main thread.
 */
import { compareNewestFirst, type Article } from "../content/article.ts";
import { buildPeopleIndex } from "../people/identity.ts";
import { standInArticle, type ArticleFacts } from "./facts.ts";
import { roleWarnings, type PendingWarning } from "./site-rules.ts";

/** The role warnings of these articles' officials. */
export function roleWarningsOf(facts: readonly ArticleFacts[]): PendingWarning[] {
  const articles = facts.map(standInArticle).filter((a): a is Article => a !== undefined).sort(compareNewestFirst);
  return roleWarnings({ persons: buildPeopleIndex(articles).persons });
}

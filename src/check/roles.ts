/**
 * The role warnings over every valid article (drafts included), two ways:
 * over their facts, by the people index of their stand-in articles as the
 * people pages' rules build it, then site-rules.ts's roleWarnings (with the
 * build's site phase); or over their summaries, by the same rules of who is
 * who without building the index (quickRoleWarnings, with the quick site
 * phase, quick-site.ts). Run by a worker thread while the main thread plans
 * the site (run-check.ts), when there is one; else in the main thread.
 */
import { compareNewestFirst, type Article } from "../content/article.ts";
import { buildPeopleIndex } from "../people/identity.ts";
import { normaliseName } from "../people/names.ts";
import { getProvince } from "../provinces.ts";
import { standInArticle, type ArticleFacts, type ArticleSummary } from "./facts.ts";
import { roleWarnings, roleWarningsOfMentions, type PendingWarning } from "./site-rules.ts";

/** The role warnings of these articles' officials. */
export function roleWarningsOf(facts: readonly ArticleFacts[]): PendingWarning[] {
  const articles = facts.map(standInArticle).filter((a): a is Article => a !== undefined).sort(compareNewestFirst);
  return roleWarnings({ persons: buildPeopleIndex(articles).persons });
}

/** One official in one article, as identity.ts makes a mention. */
interface QuickMention {
  readonly article: ArticleSummary;
  readonly index: number;
  readonly name: string;
  readonly role?: string;
}

/**
 * site-rules.ts roleWarnings over the people identity.ts's buildPeopleIndex
 * makes of these articles, without making the rest of the index (display
 * names, sorting, provinces): the same persons, the same mentions of each.
 */
export function quickRoleWarnings(articles: readonly ArticleSummary[]): PendingWarning[] {
  const normal = new Map<string, ReturnType<typeof normaliseName>>();
  const normalised = (name: string): ReturnType<typeof normaliseName> => {
    let n = normal.get(name);
    if (!n) normal.set(name, (n = normaliseName(name)));
    return n;
  };
  // Pass 1 (identity.ts): the ids pinned on each name in each unit.
  const idsByKey = new Map<string, Set<string>>();
  const units: (string | undefined)[] = [];
  for (const article of articles) {
    const unit = getProvince(article.province)?.id;
    units.push(unit);
    if (unit === undefined) continue;
    for (const official of article.officials) {
      if (!official.id) continue;
      const n = normalised(official.name);
      if (n.key === "") continue;
      const key = `${unit}/${n.key}`;
      let ids = idsByKey.get(key);
      if (!ids) idsByKey.set(key, (ids = new Set()));
      ids.add(official.id);
    }
  }
  // Pass 2: each mention to its person; one mention per person and article, the first.
  const persons = new Map<string, QuickMention[]>();
  articles.forEach((article, a) => {
    const unit = units[a];
    if (unit === undefined) return;
    article.officials.forEach((official, index) => {
      const n = normalised(official.name);
      if (n.key === "") return;
      let identity: string;
      if (official.id) identity = `id:${official.id}`;
      else {
        const ids = idsByKey.get(`${unit}/${n.key}`);
        // Two ids on the name: the people pages report it, and the mention belongs to nobody.
        if (ids && ids.size > 1) return;
        const only = ids?.values().next().value;
        identity = only !== undefined ? `id:${only}` : `name:${unit}/${n.key}`;
      }
      let mentions = persons.get(identity);
      if (!mentions) persons.set(identity, (mentions = []));
      if (mentions.at(-1)?.article === article) return;
      mentions.push({ article, index, name: n.display, ...(official.role ? { role: official.role } : {}) });
    });
  });
  return roleWarningsOfMentions(persons.values());
}

/**
 * Who is who: every official mentioned in the articles, grouped into people
 * in one linear pass.
 *
 * The rules (README: People):
 * - Mentions whose names are equal after normalisation (names.ts) in the
 *   same province — the unit named by the article, as it was at the time —
 *   are one person. The same name in two provinces is two people.
 * - An editor may pin an `id` on an official. Every mention with that id is
 *   the one person, whatever the name or province (a person who moved, or a
 *   name spelt two ways). Unpinned mentions of a name in a province join the
 *   id pinned on that name there, so one pinned mention per province is
 *   enough to join a person across provinces.
 * - When editors pinned two different ids on the same name in the same
 *   province (two people with one name), an unpinned mention of that name
 *   there could be either: that is an error naming both ids, so nobody is
 *   silently merged or split.
 */
import type { Article, Official } from "../content/article.ts";
import type { ContentError } from "../content/errors.ts";
import type { Honorific } from "../content/schema.ts";
import { explain } from "../messages/index.ts";
import { provinceLabel, type ProvinceUnit } from "../provinces.ts";
import { slugify } from "../slug.ts";
import { compareNameKeys, compareVietnamese, nameSortKey, normaliseName, type NameSortKey } from "./names.ts";

/** One official in one article. */
export interface Mention {
  readonly article: Article;
  /** Position in `article.officials`. */
  readonly index: number;
  /** The name as written, normalised for display (honorific removed). */
  readonly name: string;
  readonly role?: string;
  readonly honorific?: Honorific;
}

/** One person: every mention of them, newest first. */
export interface Person {
  /** "id:<pinned id>" or "name:<province>/<lowercase name>": unique, stable while the identity is. */
  readonly identity: string;
  /** The id editors pinned, if any. */
  readonly pinnedId?: string;
  /** Identity keys of the mentions ("gia-lai/nguyễn dũng"), sorted: what the published-URL record matches on. */
  readonly keys: readonly string[];
  /** The most used spelling (ties: the newest). */
  readonly name: string;
  readonly sortKey: NameSortKey;
  /** The most used honorific, if any. */
  readonly honorific?: Honorific;
  /** The units the person was mentioned in, most recent first. */
  readonly provinces: readonly ProvinceUnit[];
  /** Newest first (the articles' order). */
  readonly mentions: readonly Mention[];
  /** What the page address is made from when nothing else decides it: the pinned id, or name and province. */
  readonly naturalSlug: string;
}

export interface PeopleIndex {
  /** Every person, in Vietnamese name order. */
  readonly persons: readonly Person[];
  /** The person of each official of each article (same positions as `article.officials`). */
  readonly personsOf: ReadonlyMap<Article, readonly (Person | undefined)[]>;
  readonly errors: readonly ContentError[];
}

/** "gia-lai/nguyễn dũng": a name in a province. */
function identityKey(provinceId: string, nameKey: string): string {
  return `${provinceId}/${nameKey}`;
}

/** The address slug of a person without a pinned id: name and province ("nguyen-dung-gia-lai"). */
export function naturalSlugFor(name: string, provinceId: string): string {
  return `${slugify(name, 60) || "nguoi"}-${provinceId}`;
}

interface Draft {
  identity: string;
  pinnedId?: string;
  keys: Set<string>;
  mentions: Mention[];
  /** Spelling → [count, newest position]; lower position = newer. */
  spellings: Map<string, [number, number]>;
  honorifics: Map<Honorific, number>;
  provinces: ProvinceUnit[];
  firstKey: string;
}

function mostUsed<K>(counts: ReadonlyMap<K, number | [number, number]>): K | undefined {
  let best: K | undefined;
  let bestCount = -1;
  let bestPosition = Infinity;
  for (const [k, v] of counts) {
    const [count, position] = typeof v === "number" ? [v, 0] : v;
    if (count > bestCount || (count === bestCount && position < bestPosition)) {
      best = k;
      bestCount = count;
      bestPosition = position;
    }
  }
  return best;
}

/**
 * Groups the officials of `articles` (newest first, as the site model holds
 * them) into people. Linear in the number of mentions, plus sorting people.
 */
export function buildPeopleIndex(articles: readonly Article[]): PeopleIndex {
  // Pass 1: normalise every mention once; collect the ids pinned on each name in each province.
  const normal = new Map<string, ReturnType<typeof normaliseName>>();
  const normalised: (ReturnType<typeof normaliseName> | undefined)[][] = [];
  const idsByKey = new Map<string, Set<string>>();
  for (const article of articles) {
    const row = article.officials.map((official: Official) => {
      let n = normal.get(official.name);
      if (!n) {
        n = normaliseName(official.name);
        normal.set(official.name, n);
      }
      if (n.key === "") return undefined;
      if (official.id) {
        const key = identityKey(article.province.id, n.key);
        let ids = idsByKey.get(key);
        if (!ids) idsByKey.set(key, (ids = new Set()));
        ids.add(official.id);
      }
      return n;
    });
    normalised.push(row);
  }

  // Pass 2: assign each mention to its person.
  const drafts = new Map<string, Draft>();
  const personIdentityOf: (string | undefined)[][] = [];
  const errors: ContentError[] = [];
  let position = 0;
  articles.forEach((article, a) => {
    const row: (string | undefined)[] = [];
    article.officials.forEach((official, index) => {
      const n = normalised[a]?.[index];
      if (!n) {
        row.push(undefined);
        return;
      }
      const key = identityKey(article.province.id, n.key);
      let identity: string;
      let pinnedId: string | undefined;
      if (official.id) {
        pinnedId = official.id;
        identity = `id:${official.id}`;
      } else {
        const ids = idsByKey.get(key);
        if (ids && ids.size > 1) {
          const sorted = [...ids].sort();
          errors.push({
            file: article.sourcePath,
            field: `officials #${index + 1}.id`,
            value: JSON.stringify(official.name),
            ...explain("people.ambiguousName", { name: n.display, province: provinceLabel(article.province), ids: sorted.join(", "), first: sorted[0] ?? "" }),
          });
          row.push(undefined);
          return;
        }
        const only = ids?.values().next().value;
        if (only !== undefined) pinnedId = only;
        identity = only !== undefined ? `id:${only}` : `name:${key}`;
      }
      let draft = drafts.get(identity);
      if (!draft) {
        draft = { identity, ...(pinnedId ? { pinnedId } : {}), keys: new Set(), mentions: [], spellings: new Map(), honorifics: new Map(), provinces: [], firstKey: key };
        drafts.set(identity, draft);
      }
      draft.keys.add(key);
      const honorific = official.honorific ?? n.honorific;
      row.push(identity);
      // Named twice in one article (a list pasted twice, two roles): one mention, the first.
      if (draft.mentions.at(-1)?.article === article) return;
      draft.mentions.push({ article, index, name: n.display, ...(official.role ? { role: official.role } : {}), ...(honorific ? { honorific } : {}) });
      const spelling = draft.spellings.get(n.display);
      if (spelling) spelling[0]++;
      else draft.spellings.set(n.display, [1, position]);
      if (honorific) draft.honorifics.set(honorific, (draft.honorifics.get(honorific) ?? 0) + 1);
      if (!draft.provinces.includes(article.province)) draft.provinces.push(article.province);
      position++;
    });
    personIdentityOf.push(row);
  });

  const byIdentity = new Map<string, Person>();
  const persons: Person[] = [];
  for (const draft of drafts.values()) {
    const name = mostUsed(draft.spellings) ?? "";
    const honorific = mostUsed(draft.honorifics);
    const province = draft.firstKey.slice(0, draft.firstKey.indexOf("/"));
    const person: Person = {
      identity: draft.identity,
      ...(draft.pinnedId ? { pinnedId: draft.pinnedId } : {}),
      keys: [...draft.keys].sort(),
      name,
      sortKey: nameSortKey(name),
      ...(honorific ? { honorific } : {}),
      provinces: draft.provinces,
      mentions: draft.mentions,
      // The slug comes from the identity key (lowercase), not the chosen spelling, so a new spelling never moves the page.
      naturalSlug: draft.pinnedId ?? naturalSlugFor(draft.firstKey.slice(province.length + 1), province),
    };
    persons.push(person);
    byIdentity.set(draft.identity, person);
  }
  sortPersons(persons);

  const personsOf = new Map<Article, (Person | undefined)[]>();
  articles.forEach((article, a) => {
    const row = personIdentityOf[a] ?? [];
    if (row.some((id) => id !== undefined)) personsOf.set(article, row.map((id) => (id === undefined ? undefined : byIdentity.get(id))));
  });
  return { persons, personsOf, errors };
}

/**
 * Sorts people in Vietnamese name order (the order of {@link comparePersons})
 * comparing each distinct name part once: the parts are ranked with the
 * collator, then people are sorted by ranks. Names repeat a lot (given names
 * especially), so this is a fraction of the collator calls of sorting people
 * directly.
 */
function sortPersons(persons: Person[]): void {
  const rank = (parts: readonly string[]): Map<string, number> => new Map([...new Set(parts)].sort(compareVietnamese).map((p, i) => [p, i]));
  const given = rank(persons.map((p) => p.sortKey.given));
  const family = rank(persons.map((p) => p.sortKey.family));
  const middle = rank(persons.map((p) => p.sortKey.middle));
  const keyOf = new Map(persons.map((p) => [p, [given.get(p.sortKey.given)!, family.get(p.sortKey.family)!, middle.get(p.sortKey.middle)!] as const]));
  persons.sort((a, b) => {
    const x = keyOf.get(a)!;
    const y = keyOf.get(b)!;
    return x[0] - y[0] || x[1] - y[1] || x[2] - y[2] || (a.identity < b.identity ? -1 : a.identity > b.identity ? 1 : 0);
  });
}

/** Vietnamese name order, then identity so equal names keep one order on every build. */
export function comparePersons(a: Person, b: Person): number {
  return compareNameKeys(a.sortKey, b.sortKey) || (a.identity < b.identity ? -1 : a.identity > b.identity ? 1 : 0);
}

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
import { compareNameKeys, compareVietnamese, nameSortKey, normaliseName, type NameSortKey, type NormalName } from "./names.ts";

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
  /** The person made from this draft (set once every mention is assigned). */
  person?: Person;
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

/** A name as written, normalised once per build (names repeat across articles), with its identity key per province. */
interface Normalised {
  readonly name: NormalName;
  /** Province id → identity key ("gia-lai/nguyễn dũng"), built once per name and province. */
  readonly keys: Map<string, string>;
}

/**
 * Groups the officials of `articles` (newest first, as the site model holds
 * them) into people. Linear in the number of mentions, plus sorting people.
 * Each distinct spelling is normalised once and each identity key built
 * once (not per mention): at 10,000 articles a build has ~60,000 mentions of
 * ~24,000 people.
 */
export function buildPeopleIndex(articles: readonly Article[]): PeopleIndex {
  // Pass 1: normalise every mention once; collect the ids pinned on each name in each province.
  const normal = new Map<string, Normalised | undefined>();
  const keyOf = (n: Normalised, provinceId: string): string => {
    let key = n.keys.get(provinceId);
    if (key === undefined) n.keys.set(provinceId, (key = identityKey(provinceId, n.name.key)));
    return key;
  };
  /** Per article, per official: the normalised name (undefined: no name). */
  const normalised: (Normalised | undefined)[][] = new Array(articles.length);
  const idsByKey = new Map<string, Set<string>>();
  for (let a = 0; a < articles.length; a++) {
    const article = articles[a]!;
    const officials = article.officials;
    const row: (Normalised | undefined)[] = new Array(officials.length);
    for (let i = 0; i < officials.length; i++) {
      const official = officials[i]!;
      let n = normal.get(official.name);
      if (n === undefined && !normal.has(official.name)) {
        const name = normaliseName(official.name);
        n = name.key === "" ? undefined : { name, keys: new Map() };
        normal.set(official.name, n);
      }
      row[i] = n;
      if (n && official.id) {
        const key = keyOf(n, article.province.id);
        let ids = idsByKey.get(key);
        if (!ids) idsByKey.set(key, (ids = new Set()));
        ids.add(official.id);
      }
    }
    normalised[a] = row;
  }

  // Pass 2: assign each mention to its person.
  const drafts = new Map<string, Draft>();
  const draftsOf: (Draft | undefined)[][] = new Array(articles.length);
  const errors: ContentError[] = [];
  let position = 0;
  for (let a = 0; a < articles.length; a++) {
    const article = articles[a]!;
    const officials = article.officials;
    const names = normalised[a]!;
    const row: (Draft | undefined)[] = new Array(officials.length);
    draftsOf[a] = row;
    for (let index = 0; index < officials.length; index++) {
      const official = officials[index]!;
      const n = names[index];
      if (!n) continue;
      const key = keyOf(n, article.province.id);
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
            ...explain("people.ambiguousName", { name: n.name.display, province: provinceLabel(article.province), ids: sorted.join(", "), first: sorted[0] ?? "" }),
          });
          continue;
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
      const honorific = official.honorific ?? n.name.honorific;
      row[index] = draft;
      // Named twice in one article (a list pasted twice, two roles): one mention, the first.
      if (draft.mentions.at(-1)?.article === article) continue;
      const display = n.name.display;
      draft.mentions.push({ article, index, name: display, ...(official.role ? { role: official.role } : {}), ...(honorific ? { honorific } : {}) });
      const spelling = draft.spellings.get(display);
      if (spelling) spelling[0]++;
      else draft.spellings.set(display, [1, position]);
      if (honorific) draft.honorifics.set(honorific, (draft.honorifics.get(honorific) ?? 0) + 1);
      if (!draft.provinces.includes(article.province)) draft.provinces.push(article.province);
      position++;
    }
  }

  const persons: Person[] = [];
  for (const draft of drafts.values()) {
    const name = mostUsed(draft.spellings) ?? "";
    const honorific = mostUsed(draft.honorifics);
    const province = draft.firstKey.slice(0, draft.firstKey.indexOf("/"));
    const person: Person = {
      identity: draft.identity,
      ...(draft.pinnedId ? { pinnedId: draft.pinnedId } : {}),
      keys: draft.keys.size === 1 ? [draft.firstKey] : [...draft.keys].sort(),
      name,
      sortKey: nameSortKey(name),
      ...(honorific ? { honorific } : {}),
      provinces: draft.provinces,
      mentions: draft.mentions,
      // The slug comes from the identity key (lowercase), not the chosen spelling, so a new spelling never moves the page.
      naturalSlug: draft.pinnedId ?? naturalSlugFor(draft.firstKey.slice(province.length + 1), province),
    };
    persons.push(person);
    draft.person = person;
  }
  sortPersons(persons);

  const personsOf = new Map<Article, (Person | undefined)[]>();
  for (let a = 0; a < articles.length; a++) {
    const row = draftsOf[a]!;
    let any = false;
    const people: (Person | undefined)[] = new Array(row.length);
    for (let i = 0; i < row.length; i++) {
      const person = row[i]?.person;
      people[i] = person;
      if (person) any = true;
    }
    if (any) personsOf.set(articles[a]!, people);
  }
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
  // Ranks in flat arrays by position, and positions sorted: no map lookup per comparison.
  const n = persons.length;
  const ranks = new Float64Array(n * 3);
  for (let i = 0; i < n; i++) {
    const key = persons[i]!.sortKey;
    ranks[3 * i] = given.get(key.given)!;
    ranks[3 * i + 1] = family.get(key.family)!;
    ranks[3 * i + 2] = middle.get(key.middle)!;
  }
  const order = Array.from({ length: n }, (_, i) => i);
  order.sort((i, j) => {
    const a = persons[i]!.identity;
    const b = persons[j]!.identity;
    return ranks[3 * i]! - ranks[3 * j]! || ranks[3 * i + 1]! - ranks[3 * j + 1]! || ranks[3 * i + 2]! - ranks[3 * j + 2]! || (a < b ? -1 : a > b ? 1 : 0);
  });
  const sorted = order.map((i) => persons[i]!);
  for (let i = 0; i < n; i++) persons[i] = sorted[i]!;
}

/** Vietnamese name order, then identity so equal names keep one order on every build. */
export function comparePersons(a: Person, b: Person): number {
  return compareNameKeys(a.sortKey, b.sortKey) || (a.identity < b.identity ? -1 : a.identity > b.identity ? 1 : 0);
}

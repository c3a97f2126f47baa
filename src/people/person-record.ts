/**
 * Person pages keep their addresses: the `people` list of the published-URL
 * record (published-urls.json, beside the articles' `entries`).
 *
 * Why the same file: it is already the one record of what the site has
 * published, committed with the content and checked the same way (a build
 * that would break a published address fails; new addresses are fine), and
 * whoever writes it (the deploying CI run) writes both lists at once. This
 * module owns only the `people` list: its shape, matching it against the
 * people found in the content, and its next version; src/links/ledger.ts
 * carries the list through untouched.
 *
 * An entry is one person page: every address it has had (oldest first, the
 * current one last), the identity keys of its mentions ("gia-lai/nguyễn
 * dũng"), the pinned id if any, the short codes of the articles naming the
 * person (so withdrawing those articles withdraws the page with them, and
 * errors can name the files), and the name for people reading diffs.
 * Matching a person of this build to entries, in order:
 * 1. by pinned id: the entry's `id`, else an entry that has the address
 *    /nhan-vat/<id>/ (so "add id: <old address>" keeps an old page);
 * 2. by identity key, for entries still unmatched. An entry with an id is
 *    not matched by key to a person whose id matched another entry (two
 *    people told apart by ids stay apart).
 * A person matching several entries (people joined by an id) takes one
 * address and the others redirect to it. An entry matching several people
 * (one name told apart into several people) becomes a page listing them.
 * An entry matching nobody is an error naming the fix, unless it is
 * withdrawn, or every article that named the person was withdrawn.
 */
import { z } from "zod";
import type { ContentError } from "../content/errors.ts";
import { PERSON_ID_MAX_LENGTH, PERSON_ID_PATTERN } from "../content/schema.ts";
import type { Article } from "../content/article.ts";
import { editDistance } from "../edit-distance.ts";
import { isShortCode } from "../links/short-code.ts";
import { explain } from "../messages/index.ts";
import { getProvince, provinceLabel } from "../provinces.ts";
import { foldDiacritics } from "../slug.ts";
import type { Person } from "./identity.ts";

/** Where person pages live. */
export const PEOPLE_BASE = "/nhan-vat/";

/** "/nhan-vat/<slug>/". */
export function personPath(slug: string): string {
  return `${PEOPLE_BASE}${slug}/`;
}

const PERSON_PATH = /^\/nhan-vat\/[a-z0-9]+(?:-[a-z0-9]+)*\/$/;
/** Bounds for an untrusted file: generous for real records, small enough that a crafted one cannot exhaust memory per entry. */
const MAX_URLS = 1000;
const MAX_KEYS = 1000;
const MAX_TEXT = 500;
const MAX_ARTICLES = 100_000;

/** Text shown to people (names in errors, withdrawal reasons): no control characters, which a terminal could run as escapes. */
const PRINTABLE = /^[^\u0000-\u001f\u007f-\u009f]*$/;

const entrySchema = z.strictObject({
  urls: z.array(z.string().max(200).regex(PERSON_PATH)).min(1).max(MAX_URLS),
  id: z.string().max(PERSON_ID_MAX_LENGTH).regex(PERSON_ID_PATTERN).optional(),
  keys: z.array(z.string().min(3).max(MAX_TEXT).regex(PRINTABLE)).max(MAX_KEYS),
  articles: z.array(z.string().refine(isShortCode)).max(MAX_ARTICLES).optional(),
  name: z.string().max(MAX_TEXT).regex(PRINTABLE).optional(),
  withdrawn: z.string().min(1).max(2000).regex(PRINTABLE).optional(),
});

export type PersonRecordEntry = z.output<typeof entrySchema>;

/** The field of the record file this module owns. */
export const PEOPLE_FIELD = "people";

/** Every published person page, as read from the record. */
export interface PersonRecord {
  readonly entries: readonly PersonRecordEntry[];
}

export const EMPTY_PERSON_RECORD: PersonRecord = { entries: [] };

function lineOf(text: string, needle: string): number | undefined {
  const at = text.indexOf(needle);
  return at < 0 ? undefined : text.slice(0, at).split("\n").length;
}

/**
 * Checks the `people` list of the record (undefined: no person pages published yet).
 * @param file the record's file name, for errors
 * @param text the record's text, for line numbers
 */
export function parsePersonRecord(raw: unknown, file: string, text = ""): { record: PersonRecord } | { errors: ContentError[] } {
  if (raw === undefined) return { record: EMPTY_PERSON_RECORD };
  const parsed = z.array(entrySchema).safeParse(raw);
  if (!parsed.success) {
    return { errors: parsed.error.issues.slice(0, 20).map((issue) => ({ file, field: [PEOPLE_FIELD, ...issue.path].join("."), ...explain("people.recordInvalid") })) };
  }
  const seen = new Set<string>();
  const errors: ContentError[] = [];
  for (const entry of parsed.data) {
    for (const url of entry.urls) {
      if (seen.has(url)) {
        // The second occurrence is the one to look at.
        const first = text.indexOf(`"${url}"`);
        const second = first < 0 ? -1 : text.indexOf(`"${url}"`, first + 1);
        errors.push({ file, ...(second >= 0 ? { line: text.slice(0, second).split("\n").length } : {}), field: PEOPLE_FIELD, ...explain("people.recordDuplicateUrl", { url }) });
      }
      seen.add(url);
    }
  }
  return errors.length > 0 ? { errors } : { record: { entries: parsed.data } };
}

/** One entry with its fields in the record's order. */
function canonicalEntry(e: PersonRecordEntry): PersonRecordEntry {
  return { urls: e.urls, ...(e.id ? { id: e.id } : {}), keys: e.keys, ...(e.articles ? { articles: e.articles } : {}), ...(e.name ? { name: e.name } : {}), ...(e.withdrawn ? { withdrawn: e.withdrawn } : {}) };
}

/** Sorts entries by first address (unique: the record's addresses are). */
function sortEntries(entries: PersonRecordEntry[]): PersonRecordEntry[] {
  return entries.sort((a, b) => (a.urls[0]! < b.urls[0]! ? -1 : a.urls[0]! > b.urls[0]! ? 1 : 0));
}

/** Entries in a stable order (by first address), each with its fields in one order: small diffs, reproducible builds. */
export function serializePersonRecord(record: PersonRecord): PersonRecordEntry[] {
  return sortEntries(record.entries.map(canonicalEntry));
}

/**
 * CI's commit-back after a deploy (scripts/merge-published-urls.ts): adds
 * what the deploy recorded to the record on main as it is now. Like the
 * articles' merge, nothing on main is removed or changed but by addition: an
 * entry sharing an address with one on main gains the deploy's new addresses,
 * name keys and article codes; an entry none of whose addresses main knows is
 * added; an address main gives to another entry stays with that entry.
 * @returns the merged record and how many entries were added or extended
 */
export function mergePersonRecords(main: PersonRecord, deployed: PersonRecord): { record: PersonRecord; added: number; extended: number } {
  const entries = main.entries.map((e) => ({ ...e, urls: [...e.urls], keys: [...e.keys], ...(e.articles ? { articles: [...e.articles] } : {}) }));
  const owner = new Map<string, (typeof entries)[number]>();
  for (const e of entries) for (const url of e.urls) owner.set(url, e);
  let added = 0;
  let extended = 0;
  for (const entry of deployed.entries) {
    const target = entry.urls.map((url) => owner.get(url)).find((e) => e !== undefined);
    const urls = entry.urls.filter((url) => !owner.has(url));
    if (!target) {
      const fresh = { ...entry, urls: [...entry.urls], keys: [...entry.keys], ...(entry.articles ? { articles: [...entry.articles] } : {}) };
      entries.push(fresh);
      for (const url of fresh.urls) owner.set(url, fresh);
      added++;
      continue;
    }
    const keys = entry.keys.filter((k) => !target.keys.includes(k));
    const articles = (entry.articles ?? []).filter((c) => !(target.articles ?? []).includes(c));
    if (urls.length + keys.length + articles.length === 0) continue;
    target.urls.push(...urls);
    target.keys.push(...keys);
    if (articles.length > 0) target.articles = [...(target.articles ?? []), ...articles];
    for (const url of urls) owner.set(url, target);
    extended++;
  }
  return { record: { entries }, added, extended };
}

/** A published address that now covers several people (a name told apart into people by ids). */
export interface SharedPersonPage {
  readonly urls: readonly string[];
  readonly name: string;
  readonly persons: readonly Person[];
}

/** What matching the people against the record decided. */
export interface PersonUrlPlan {
  /** Root-relative address of every person. */
  readonly urlOf: ReadonlyMap<Person, string>;
  /** Earlier addresses of each person that now redirect to `urlOf`. */
  readonly formerUrlsOf: ReadonlyMap<Person, readonly string[]>;
  readonly shared: readonly SharedPersonPage[];
  /** Entries withdrawn on purpose: their addresses explain why. */
  readonly withdrawn: readonly PersonRecordEntry[];
  /** Entries of people named only in articles since withdrawn: withdrawn with them. */
  readonly withdrawnWithArticles: readonly PersonRecordEntry[];
  /** The record after this build. */
  readonly record: PersonRecord;
  /** True when the record must be rewritten. */
  readonly changed: boolean;
  /** People given an address for the first time. */
  readonly added: number;
  readonly errors: readonly ContentError[];
}

/** The province and name an identity key holds ("gia-lai/nguyễn dũng"). */
function splitKey(key: string): { province: string; name: string } {
  const slash = key.indexOf("/");
  return { province: key.slice(0, slash), name: key.slice(slash + 1) };
}

const sameList = (a: readonly string[] | undefined, b: readonly string[] | undefined): boolean => (a ?? []).length === (b ?? []).length && (a ?? []).every((x, i) => x === b?.[i]);

function sameEntry(a: PersonRecordEntry, b: PersonRecordEntry): boolean {
  return a.id === b.id && a.name === b.name && a.withdrawn === b.withdrawn && sameList(a.urls, b.urls) && sameList(a.keys, b.keys) && sameList(a.articles, b.articles);
}

/** What the article side of the record knows: each article's short code, and which codes were withdrawn. */
export interface ArticleCodes {
  codeOf(article: Article): string | undefined;
  isWithdrawn(code: string): boolean;
  /** The file of the article holding a code now, for errors. */
  sourceOf(code: string): string | undefined;
}

const NO_CODES: ArticleCodes = { codeOf: () => undefined, isWithdrawn: () => false, sourceOf: () => undefined };

/**
 * Gives every person an address, keeping every address the record lists
 * working, and computes the next record.
 * @param persons every person of this build (identity.ts), in their display order
 * @param file the record's file name, for errors
 * @param text the record's text, for line numbers
 * @param codes the articles' short codes (src/links/ledger.ts)
 */
export function planPersonUrls(persons: readonly Person[], record: PersonRecord, file: string, text = "", codes: ArticleCodes = NO_CODES): PersonUrlPlan {
  const entries = record.entries;
  const claimedBy: (Person | undefined)[] = entries.map(() => undefined);
  const idClaimers = new Set<Person>();
  const byId = new Map<string, number>();
  const byUrl = new Map<string, number>();
  const byKey = new Map<string, number[]>();
  entries.forEach((entry, i) => {
    if (entry.withdrawn) return;
    if (entry.id && !byId.has(entry.id)) byId.set(entry.id, i);
    for (const url of entry.urls) byUrl.set(url, i);
    for (const key of entry.keys) {
      const list = byKey.get(key);
      if (list) list.push(i);
      else byKey.set(key, [i]);
    }
  });

  // 1. Pinned ids: the entry with that id, else the entry holding /nhan-vat/<id>/.
  const pinned = persons.filter((p) => p.pinnedId !== undefined);
  for (const person of pinned) {
    const i = byId.get(person.pinnedId!);
    if (i !== undefined && !claimedBy[i]) {
      claimedBy[i] = person;
      idClaimers.add(person);
    }
  }
  for (const person of pinned) {
    const i = byUrl.get(personPath(person.pinnedId!));
    if (i !== undefined && !claimedBy[i]) {
      claimedBy[i] = person;
      idClaimers.add(person);
    }
  }

  // 2. Identity keys, for entries still unmatched.
  const candidates = new Map<number, Person[]>();
  for (const person of persons) {
    for (const key of person.keys) {
      for (const i of byKey.get(key) ?? []) {
        if (claimedBy[i]) continue;
        if (entries[i]!.id && idClaimers.has(person)) continue;
        const list = candidates.get(i) ?? [];
        if (!list.includes(person)) list.push(person);
        candidates.set(i, list);
      }
    }
  }
  // An entry several people match is split by address: an address that is a candidate's own
  // natural one goes back to that person; the rest lists them all.
  const shared: SharedPersonPage[] = [];
  const sharedEntries = new Map<number, PersonRecordEntry>();
  const ownUrls = new Map<Person, string[]>();
  for (const [i, list] of candidates) {
    if (list.length === 1) {
      claimedBy[i] = list[0];
      continue;
    }
    const entry = entries[i]!;
    const rest: string[] = [];
    for (const url of entry.urls) {
      const owners = list.filter((p) => personPath(p.naturalSlug) === url);
      if (owners.length === 1) {
        const own = ownUrls.get(owners[0]!) ?? [];
        own.push(url);
        ownUrls.set(owners[0]!, own);
      } else rest.push(url);
    }
    if (rest.length > 0) {
      sharedEntries.set(i, { ...entry, urls: rest });
      shared.push({ urls: rest, name: entry.name ?? list[0]!.name, persons: list });
    } else sharedEntries.set(i, { ...entry, urls: [] });
  }

  // 3. Entries that lead nowhere now.
  const errors: ContentError[] = [];
  const unmatched = entries.filter((e, i) => !e.withdrawn && !claimedBy[i] && !sharedEntries.has(i));
  const withArticles = unmatched.filter((e) => e.articles !== undefined && e.articles.length > 0 && e.articles.every((c) => codes.isWithdrawn(c)));
  const withdrawnWith = new Set(withArticles);
  const lost = unmatched.filter((e) => !withdrawnWith.has(e));
  if (lost.length > 0) errors.push(...lostErrors(lost, persons, file, text, codes));

  // 4. Addresses: people with a pinned id choose first (an editor's explicit choice), then the rest, each in display order.
  const taken = new Set<string>();
  for (const entry of entries) for (const url of entry.urls) taken.add(url);
  const ownEntries = new Map<Person, number[]>();
  claimedBy.forEach((person, i) => {
    if (!person) return;
    const list = ownEntries.get(person) ?? [];
    list.push(i);
    ownEntries.set(person, list);
  });
  /** Every address a person keeps: of the entries they matched, then single addresses taken back from shared entries. */
  const kept = (person: Person): readonly string[] => {
    const entryList = ownEntries.get(person);
    const taken = ownUrls.get(person);
    if (!entryList && !taken) return NO_URLS;
    return [...(entryList ?? []).flatMap((i) => entries[i]!.urls), ...(taken ?? [])];
  };
  const urlOf = new Map<Person, string>();
  const keptOf = new Map<Person, readonly string[]>();
  const order = [...pinned, ...persons.filter((p) => p.pinnedId === undefined)];
  for (const person of order) {
    const mine = kept(person);
    keptOf.set(person, mine);
    const slug = person.naturalSlug;
    // Keep the current address of a matched entry when it is still made from the same slug (a "-2" stays "-2").
    let url = mine.length === 0 ? undefined : [...(ownEntries.get(person) ?? []).map((i) => entries[i]!.urls.at(-1)!), ...(ownUrls.get(person) ?? [])].find((u) => isFormOf(u, slug));
    if (!url) {
      url = personPath(slug);
      if (taken.has(url)) {
        const own = new Set(mine);
        for (let n = 2; taken.has(url) && !own.has(url); n++) url = personPath(`${slug}-${n}`);
      }
    }
    taken.add(url);
    urlOf.set(person, url);
  }

  // 5. The next record: one entry per person (entries of people joined by an id merge), the rest as they were.
  const next: PersonRecordEntry[] = [];
  claimedBy.forEach((person, i) => {
    if (person) return;
    const entry = sharedEntries.get(i) ?? entries[i]!;
    if (entry.urls.length > 0) next.push(canonicalEntry(entry));
  });
  const formerUrlsOf = new Map<Person, string[]>();
  let added = 0;
  for (const person of persons) {
    const url = urlOf.get(person)!;
    const mine = keptOf.get(person)!;
    if (mine.length === 0) added++;
    const urls = mine.length === 0 ? [] : [...new Set(mine)].filter((u) => u !== url);
    formerUrlsOf.set(person, urls);
    const articles = articleCodesOf(person, codes);
    // Fields in the record's order (serializePersonRecord), so the entry is already canonical.
    next.push({ urls: [...urls, url], ...(person.pinnedId ? { id: person.pinnedId } : {}), keys: [...person.keys], ...(articles.length > 0 ? { articles } : {}), name: person.name });
  }
  const before = serializePersonRecord(record);
  const after = sortEntries(next);
  const changed = before.length !== after.length || before.some((e, i) => !sameEntry(e, after[i]!));
  return {
    urlOf,
    formerUrlsOf,
    shared,
    withdrawn: entries.filter((e) => e.withdrawn),
    withdrawnWithArticles: withArticles,
    record: { entries: after },
    changed,
    added,
    errors,
  };
}

const NO_URLS: readonly string[] = Object.freeze([]) as readonly string[];

/** Whether `url` is /nhan-vat/<slug>/ or /nhan-vat/<slug>-<number>/ (what a person's address is made from). */
function isFormOf(url: string, slug: string): boolean {
  const head = `${PEOPLE_BASE}${slug}`;
  if (!url.startsWith(head) || !url.endsWith("/")) return false;
  const rest = url.slice(head.length, -1);
  return rest === "" || /^-\d+$/.test(rest);
}

/** The short codes of the articles naming a person, sorted, each once. */
function articleCodesOf(person: Person, codes: ArticleCodes): string[] {
  const found = new Set<string>();
  for (const m of person.mentions) {
    const code = codes.codeOf(m.article);
    if (code !== undefined) found.add(code);
  }
  return found.size === 1 ? [...found] : [...found].sort();
}

/** One error per lost entry, naming people of the same province with a similar name as the likely new spelling. */
function lostErrors(lost: readonly PersonRecordEntry[], persons: readonly Person[], file: string, text: string, codes: ArticleCodes): ContentError[] {
  const byProvince = new Map<string, Set<Person>>();
  for (const person of persons) {
    for (const key of person.keys) {
      const { province } = splitKey(key);
      const set = byProvince.get(province) ?? new Set();
      set.add(person);
      byProvince.set(province, set);
    }
  }
  const fold = (s: string): string => foldDiacritics(s).toLowerCase();
  return lost.map((entry) => {
    const url = entry.urls.at(-1)!;
    const slug = url.slice(PEOPLE_BASE.length, -1);
    const key = entry.keys[0] ? splitKey(entry.keys[0]) : { province: "", name: "" };
    const unit = getProvince(key.province);
    const name = entry.name ?? key.name;
    // Where the person used to be named: people named there now, with a similar name, are the likely new spelling.
    const formerFiles = new Set((entry.articles ?? []).map((c) => codes.sourceOf(c)).filter((f): f is string => f !== undefined));
    const near = [...(byProvince.get(key.province) ?? [])]
      .map((p) => ({ p, d: editDistance(fold(p.name), fold(name)), there: p.mentions.find((m) => formerFiles.has(m.article.sourcePath)) }))
      .filter(({ d, there }) => d <= (there ? 6 : 3))
      .sort((a, b) => Number(!a.there) - Number(!b.there) || a.d - b.d)
      .slice(0, 3)
      .map(({ p, there }) => `${p.name} (${(there ?? p.mentions[0])?.article.sourcePath ?? ""})`);
    const params = { url, name, province: unit ? provinceLabel(unit) : key.province, slug };
    const line = lineOf(text, `"${url}"`);
    return {
      file,
      ...(line !== undefined ? { line } : {}),
      field: PEOPLE_FIELD,
      ...(near.length > 0 ? explain("people.lostNear", { ...params, candidates: near.join(", ") }) : explain("people.lost", params)),
    };
  });
}

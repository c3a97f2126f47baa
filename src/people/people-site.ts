/**
 * Everything the site publishes about people, from the article list and the
 * record, in one linear pass: a page per person with their roles over the
 * years, the directory by province, the address of each official named on
 * an article page, redirects from former addresses.
 */
import type { Article } from "../content/article.ts";
import type { ContentError } from "../content/errors.ts";
import { PROVINCES, type ProvinceUnit } from "../provinces.ts";
import { buildPeopleIndex, type Mention, type Person } from "./identity.ts";
import { planPersonUrls, type ArticleCodes, type PersonRecord, type PersonRecordEntry, EMPTY_PERSON_RECORD } from "./person-record.ts";

/** A role as held over time ("Phó Giám đốc", 2016–2018), from the mentions. */
export interface RoleSpan {
  readonly role: string;
  readonly province: ProvinceUnit;
  /** Years of the first and last article naming it. */
  readonly from: number;
  readonly to: number;
}

/** One province's mentions on a person page. */
export interface MentionGroup {
  readonly province: ProvinceUnit;
  /** Newest first. */
  readonly mentions: readonly Mention[];
}

export interface PersonPage {
  readonly person: Person;
  /** Root-relative address ("/nhan-vat/nguyen-dung-gia-lai/"). */
  readonly url: string;
  /** Earlier addresses that redirect here. */
  readonly formerUrls: readonly string[];
  /** Mentions by province, the province of the newest mention first. */
  readonly groups: readonly MentionGroup[];
  /** Distinct roles, the most recently held first. */
  readonly roles: readonly RoleSpan[];
}

/** The people of one province in the directory, in Vietnamese name order. */
export interface DirectoryGroup {
  readonly province: ProvinceUnit;
  readonly pages: readonly PersonPage[];
}

/** A published address that now covers several people. */
export interface SharedPage {
  readonly urls: readonly string[];
  readonly name: string;
  readonly pages: readonly PersonPage[];
}

/** An old address to answer with a redirect. */
export interface PersonRedirect {
  readonly from: string;
  readonly to: string;
  readonly title: string;
}

export interface PeopleSite {
  /** Every person page, in Vietnamese name order. */
  readonly pages: readonly PersonPage[];
  /** Provinces (registry order) with the people named there. */
  readonly directory: readonly DirectoryGroup[];
  readonly shared: readonly SharedPage[];
  readonly withdrawn: readonly PersonRecordEntry[];
  /** Pages of people named only in articles since withdrawn. */
  readonly withdrawnWithArticles: readonly PersonRecordEntry[];
  readonly redirects: readonly PersonRedirect[];
  /** The person page of each official of `article` (same positions as `article.officials`; undefined: no page). */
  officialUrls(article: Article): readonly (string | undefined)[];
  /** The person page of one official of `article`. */
  pageOf(article: Article, index: number): PersonPage | undefined;
  /** The `people` list of the record after this build. */
  readonly record: PersonRecord;
  readonly recordChanged: boolean;
  /** People published for the first time by this build. */
  readonly added: number;
  readonly errors: readonly ContentError[];
}

const NONE: readonly (string | undefined)[] = Object.freeze([]);

function roleSpans(mentions: readonly Mention[]): RoleSpan[] {
  const spans = new Map<string, { role: string; province: ProvinceUnit; from: number; to: number }>();
  for (const m of mentions) {
    if (!m.role) continue;
    const year = m.article.date.year;
    const key = `${m.article.province.id}/${m.role.toLowerCase()}`;
    const span = spans.get(key);
    // Mentions are newest first: the first seen is the latest year, later ones push `from` back.
    if (span) span.from = Math.min(span.from, year);
    else spans.set(key, { role: m.role, province: m.article.province, from: year, to: year });
  }
  return [...spans.values()];
}

function mentionGroups(person: Person): MentionGroup[] {
  const byUnit = new Map<ProvinceUnit, Mention[]>();
  for (const unit of person.provinces) byUnit.set(unit, []);
  for (const m of person.mentions) byUnit.get(m.article.province)?.push(m);
  return [...byUnit].map(([province, mentions]) => Object.freeze({ province, mentions: Object.freeze(mentions) }));
}

/**
 * Builds the people pages.
 * @param articles published articles, newest first
 * @param record the `people` list of the published-URL record
 * @param recordFile the record's file name and text, for errors
 * @param codes the articles' short codes and which were withdrawn
 */
export function buildPeopleSite(articles: readonly Article[], record: PersonRecord = EMPTY_PERSON_RECORD, recordFile = "published-urls.json", recordText = "", codes?: ArticleCodes): PeopleSite {
  const index = buildPeopleIndex(articles);
  const plan = planPersonUrls(index.persons, record, recordFile, recordText, codes);
  const pageOfPerson = new Map<Person, PersonPage>();
  // Frozen: Eleventy wraps unfrozen objects it paginates over in a new Proxy per page (see src/eleventy/site-data.ts).
  const pages = index.persons.map((person) => {
    const page: PersonPage = Object.freeze({
      person,
      url: plan.urlOf.get(person)!,
      formerUrls: plan.formerUrlsOf.get(person) ?? [],
      groups: Object.freeze(mentionGroups(person)),
      roles: Object.freeze(roleSpans(person.mentions)),
    });
    pageOfPerson.set(person, page);
    return page;
  });
  const byUnit = new Map<string, PersonPage[]>();
  for (const page of pages) {
    for (const unit of page.person.provinces) {
      const list = byUnit.get(unit.id);
      if (list) list.push(page);
      else byUnit.set(unit.id, [page]);
    }
  }
  const directory = PROVINCES.filter((unit) => byUnit.has(unit.id)).map((province) => Object.freeze({ province, pages: Object.freeze(byUnit.get(province.id) ?? []) }));
  const urlsOf = new Map<Article, readonly (string | undefined)[]>();
  const pagesOf = new Map<Article, readonly (PersonPage | undefined)[]>();
  for (const [article, persons] of index.personsOf) {
    const row = persons.map((p) => (p ? pageOfPerson.get(p) : undefined));
    pagesOf.set(article, row);
    urlsOf.set(article, Object.freeze(row.map((p) => p?.url)));
  }
  const redirects: PersonRedirect[] = pages.flatMap((page) => page.formerUrls.map((from) => ({ from, to: page.url, title: page.person.name })));
  const shared = plan.shared.map((s) => Object.freeze({ urls: s.urls, name: s.name, pages: s.persons.map((p) => pageOfPerson.get(p)!) }));
  return Object.freeze({
    pages: Object.freeze(pages),
    directory: Object.freeze(directory),
    shared: Object.freeze(shared),
    withdrawn: plan.withdrawn,
    withdrawnWithArticles: plan.withdrawnWithArticles,
    redirects: Object.freeze(redirects),
    officialUrls: (article: Article) => urlsOf.get(article) ?? NONE,
    pageOf: (article: Article, i: number) => pagesOf.get(article)?.[i],
    record: plan.record,
    recordChanged: plan.changed,
    added: plan.added,
    errors: [...index.errors, ...plan.errors],
  });
}

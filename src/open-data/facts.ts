/**
 * The structured facts of the front matter made navigable, computed once
 * per build from the article list: people (src/people/) and awards
 * (src/awards/). The open-data files (datasets.ts) are written from these
 * too. One entry point, so the wiring that hands site data to the pages
 * needs one line.
 */
import type { Article } from "../content/article.ts";
import { AWARDS_BASE, buildAwardsSite, type AwardsSite } from "../awards/awards.ts";
import { LEDGER_FILE, type Ledger, type LinkPlan } from "../links/ledger.ts";
import { buildPeopleSite, type PeopleSite } from "../people/people-site.ts";
import { EMPTY_PERSON_RECORD, PEOPLE_BASE, parsePersonRecord, type ArticleCodes } from "../people/person-record.ts";
import { OPEN_DATA_PAGE } from "./datasets.ts";

export interface Facts {
  readonly people: PeopleSite;
  readonly awards: AwardsSite;
}

/**
 * People and awards of the published articles (newest first).
 * @param ledger the published-URL record; its `people` list keeps person addresses permanent
 * @param ledgerText the record's text, for line numbers in errors
 * @param links the articles' side of the record (short codes, withdrawn articles)
 */
export function buildFacts(articles: readonly Article[], ledger?: Ledger, ledgerText = "", links?: Pick<LinkPlan, "codesOf" | "withdrawn">): Facts {
  const parsed = parsePersonRecord(ledger?.people, LEDGER_FILE, ledgerText);
  const record = "record" in parsed ? parsed.record : EMPTY_PERSON_RECORD;
  const people = buildPeopleSite(articles, record, LEDGER_FILE, ledgerText, links ? articleCodes(links) : undefined);
  return {
    // A damaged record is reported, and nothing is matched against it.
    people: "errors" in parsed ? Object.freeze({ ...people, errors: [...parsed.errors, ...people.errors] }) : people,
    awards: buildAwardsSite(articles),
  };
}

/** The article codes person entries refer to: each article's first (printed) code. */
function articleCodes(links: Pick<LinkPlan, "codesOf" | "withdrawn">): ArticleCodes {
  const sources = new Map<string, string>();
  for (const [article, codes] of links.codesOf) for (const code of codes) sources.set(code, article.sourcePath);
  const withdrawn = new Set(links.withdrawn.map((e) => e.code));
  return {
    codeOf: (article) => links.codesOf.get(article)?.[0],
    isWithdrawn: (code) => withdrawn.has(code),
    sourceOf: (code) => sources.get(code),
  };
}

/** A canonical page of the facts, for the sitemap. */
export interface FactsPage {
  /** Root-relative. */
  readonly url: string;
  /** Day of the newest article it shows ("2016-11-29"). */
  readonly lastmod?: string;
}

/** Every canonical page of people, awards and open data (never a redirect or a shared address). */
export function factsPages(facts: Facts, newestDay?: string): FactsPage[] {
  const at = (url: string, lastmod: string | undefined): FactsPage => ({ url, ...(lastmod ? { lastmod } : {}) });
  const pages: FactsPage[] = [at(PEOPLE_BASE, newestDay), at(AWARDS_BASE, newestDay), at(OPEN_DATA_PAGE, newestDay)];
  for (const page of facts.people.pages) pages.push(at(page.url, page.person.mentions[0]?.article.date.day));
  for (const year of facts.awards.years) pages.push(at(year.url, newestOf(year.tables.map((t) => t.rows[0]?.article.date.day))));
  for (const table of facts.awards.tables) pages.push(at(table.url, table.rows[0]?.article.date.day));
  return pages;
}

/** How many pages factsPages lists, without listing them. */
export function factsPageCount(facts: Facts): number {
  return 3 + facts.people.pages.length + facts.awards.years.length + facts.awards.tables.length;
}

function newestOf(days: readonly (string | undefined)[]): string | undefined {
  let newest: string | undefined;
  for (const day of days) if (day && (!newest || day > newest)) newest = day;
  return newest;
}

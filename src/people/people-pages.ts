/**
 * The people pages as producers of the output plan: a page per person, the
 * directory, and the pages old person addresses lead to (redirects to the
 * person's current address, a page listing the people an address now
 * covers, the explanation at a withdrawn person's addresses). /nhan-vat/ is
 * reserved for these alone.
 */
import { renderPeopleDirectory } from "../../layouts/people-directory.ts";
import { renderPersonPage, renderSharedPersonPage } from "../../layouts/person-page.ts";
import { renderRedirectPage, renderWithdrawnPage } from "../../layouts/redirect-page.ts";
import { LEDGER_FILE } from "../links/ledger.ts";
import { aliasFile, definePageType, defineFileStep, defineSinglePage } from "../plan/output-plan.ts";
import type { SiteData } from "../site-data.ts";
import { UI } from "../ui-strings.ts";
import { PEOPLE_BASE } from "./person-record.ts";
import { NO_VALUE, articleDigest, digest, joinedDigest, stableDigest } from "../build/stable-digest.ts";
import type { PersonPage } from "./people-site.ts";

const FOLDER = PEOPLE_BASE.replaceAll("/", "");

/** Every field of a Person that {@link personFingerprint} describes (a test fails when Person gains one it does not). */
export const PERSON_FINGERPRINT_FIELDS = ["identity", "pinnedId", "keys", "name", "sortKey", "honorific", "provinces", "mentions", "naturalSlug"] as const;
/** Every field of a Mention that {@link personFingerprint} describes. */
export const MENTION_FINGERPRINT_FIELDS = ["article", "index", "name", "role", "honorific"] as const;

/**
 * The inputs of a person page: its address and former addresses, and every
 * field of the person and of each mention (each article by its digest). The
 * page's groups and roles are made from the mentions alone (people-site.ts),
 * so describing them again adds nothing; provinces are registry units, named
 * by id (the registry is code, in the build digest).
 *
 * Written out field by field rather than with stableDigest: the generic
 * describer (keys sorted, every string quoted, each object checked for being
 * an article) cost 38 µs a person, ~0.9 s CPU of every build at 10,000
 * articles (24,080 people; `npx tsx scripts/bench-facts.ts --root <corpus>`);
 * this costs a fraction of that. The field lists above keep it whole: the
 * people tests compare them with the fields a built person has.
 */
export function personFingerprint(page: PersonPage): string {
  const { person } = page;
  const { sortKey } = person;
  const parts: string[] = ["person", page.url, String(page.formerUrls.length), ...page.formerUrls];
  parts.push(person.identity, person.pinnedId ?? NO_VALUE, String(person.keys.length), ...person.keys, person.name, sortKey.given, sortKey.family, sortKey.middle, person.honorific ?? NO_VALUE);
  parts.push(String(person.provinces.length));
  for (const unit of person.provinces) parts.push(unit.id);
  parts.push(person.naturalSlug, String(person.mentions.length));
  for (const m of person.mentions) parts.push(articleDigest(m.article), String(m.index), m.name, m.role ?? NO_VALUE, m.honorific ?? NO_VALUE);
  return joinedDigest(parts);
}

export const personPages = definePageType<SiteData, PersonPage>({
  name: "person",
  items: (site) => site.people.pages,
  url: (page) => page.url,
  fingerprint: personFingerprint,
  render: (page, site) => renderPersonPage(site.layout, page),
  reserves: () => [{ path: FOLDER, shown: PEOPLE_BASE, allow: ["people-directory", "people-links"] }],
});

export const peopleDirectoryPage = defineSinglePage<SiteData>({
  name: "people-directory",
  url: PEOPLE_BASE,
  render: (site) => renderPeopleDirectory(site.layout, site.people, site.assets.peopleFilterScript.url),
});

export const peopleLinksStep = defineFileStep<SiteData>({
  name: "people-links",
  *declare(site) {
    const { config } = site.layout;
    const source = { file: LEDGER_FILE, field: "people" };
    for (const r of site.people.redirects) yield { url: r.from, file: aliasFile(r.from), source, kind: "site", redirectTo: r.to, fingerprint: () => digest("redirect", r.to, r.title), body: () => renderRedirectPage(config, r.to, r.title) };
    for (const shared of site.people.shared) {
      const fingerprint = (): string => stableDigest(shared);
      for (const url of shared.urls) yield { url, source, kind: "site", fingerprint, body: () => renderSharedPersonPage(site.layout, shared) };
    }
    for (const entry of site.people.withdrawn) for (const url of entry.urls) yield { url, source, kind: "fallback", fingerprint: () => stableDigest("withdrawn", entry.name, entry.withdrawn ?? ""), body: () => renderWithdrawnPage(config, entry.name, entry.withdrawn ?? "") };
    for (const entry of site.people.withdrawnWithArticles) for (const url of entry.urls) yield { url, source, kind: "fallback", fingerprint: () => stableDigest("withdrawn-with-articles", entry.name), body: () => renderWithdrawnPage(config, entry.name, UI.personWithdrawnWithArticles) };
  },
});

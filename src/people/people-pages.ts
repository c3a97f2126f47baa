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
import { digest, stableDigest } from "../build/stable-digest.ts";

const FOLDER = PEOPLE_BASE.replaceAll("/", "");

export const personPages = definePageType<SiteData, SiteData["people"]["pages"][number]>({
  name: "person",
  items: (site) => site.people.pages,
  url: (page) => page.url,
  // The person, address and former addresses: the page's groups and roles are made from the person's
  // mentions alone (people-site.ts), so describing them again (every mention twice) adds nothing.
  fingerprint: (page) => stableDigest(page.person, page.url, page.formerUrls),
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

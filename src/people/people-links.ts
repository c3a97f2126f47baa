/**
 * The pages old person addresses lead to, written with the other link
 * pages (src/build/links-step.ts): a page listing the people an address now
 * covers, and the explanation at a withdrawn person's addresses. Redirects
 * of people joined under one address are PeopleSite.redirects.
 */
import { renderSharedPersonPage } from "../../layouts/person-page.ts";
import { renderWithdrawnPage } from "../../layouts/redirect-page.ts";
import type { LayoutContext } from "../../layouts/base.ts";
import { UI } from "../ui-strings.ts";
import type { PeopleSite } from "./people-site.ts";

/** A page at each of `urls`. */
export interface PersonNoticePage {
  readonly urls: readonly string[];
  readonly contents: string;
}

/** Pages for addresses that lead to several people, or to a withdrawn person. */
export function personNoticePages(ctx: LayoutContext, people: PeopleSite): PersonNoticePage[] {
  return [
    ...people.shared.map((shared) => ({ urls: shared.urls, contents: renderSharedPersonPage(ctx, shared) })),
    ...people.withdrawn.map((entry) => ({ urls: entry.urls, contents: renderWithdrawnPage(entry.name, entry.withdrawn ?? "") })),
    ...people.withdrawnWithArticles.map((entry) => ({ urls: entry.urls, contents: renderWithdrawnPage(entry.name, UI.personWithdrawnWithArticles) })),
  ];
}

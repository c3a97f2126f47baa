/**
 * The check's site phase without building the site: what a check runs
 * instead of the build's createSiteData + planSite (run-check.ts) when the
 * published-URL record has no entries.
 *
 * Why: the build's site phase (people pages and their address plan, awards,
 * short codes, the whole output plan) cost ~5 s of CPU at 10,000 articles,
 * on one thread after every article was parsed: most of a cold check. Its
 * errors come from three sources:
 *
 * - the published-URL record (src/links/ledger.ts planLinks: a URL that
 *   would break, is taken, or whose article is gone; the people list,
 *   src/people/person-record.ts): none without entries and without a people
 *   list — else this returns undefined and the build's site phase runs;
 * - two pinned ids on one name in one province (src/people/identity.ts,
 *   people.ambiguousName): when a published official has an id, the
 *   build's site phase runs;
 * - the output plan (src/plan/output-plan.ts): made here by planOutputs
 *   itself over a reduced site — the build's producers over a site with no
 *   articles (their reservations and the site's own files), plus the claims
 *   made for content exactly as the build declares them: article pages,
 *   pictures served from the article's folder (src/build/article-images.ts
 *   without processed media, as in a check), aliases (src/build/links-step.ts).
 *   Left out: short links and share pages, in folders reserved for them,
 *   under codes that are new and distinct when the record is empty, so they
 *   can neither be refused nor refuse anything else; and what the site
 *   generates from content (tag, people, award, index and feed pages), all
 *   inside folders the site with no articles already reserves or claims —
 *   test/check-quick-site.test.ts holds every producer of the build to that
 *   on a full site, and compares both phases' errors.
 *
 * The role warnings are found here too: by the people pages' rules of who
 * is who (identity.ts), over the summaries, without building the people
 * index (compared with the build's index in the same test).
 */
import { EMPTY_LEDGER } from "../links/ledger.ts";
import { aliasFile, planOutputs, urlProblem, type OutputDeclaration, type Producer } from "../plan/output-plan.ts";
import { createSiteData, type SiteData } from "../site-data.ts";
import { articlePages } from "../pages/article.ts";
import { articleImagesStep } from "../build/article-images.ts";
import { linksStep } from "../build/links-step.ts";
import type { ContentError } from "../content/errors.ts";
import type { Ledger } from "../links/ledger.ts";
import { explain } from "../messages/index.ts";
import type { ArticleSummary } from "./facts.ts";
import { CHECK_PRODUCERS } from "./check-producers.ts";
import { quickRoleWarnings } from "./roles.ts";
import type { PendingWarning } from "./site-rules.ts";

// Kept in roles.ts, which the check's worker threads load (they find these warnings while the main thread plans the site);
// exported here too, beside quickSiteOutcome, which uses it.
export { quickRoleWarnings };

/** What the site phase finds (check-cache.ts SiteOutcome). */
export interface QuickSiteOutcome {
  readonly errors: readonly ContentError[];
  readonly roles: readonly PendingWarning[];
}

/** The published-URL record as read (src/site-data.ts readLedger). */
export interface RecordShape {
  readonly ledger: Ledger;
  readonly errors: readonly ContentError[];
}

/** The site model's order (compareNewestFirst), on summaries. */
function newestFirst(a: ArticleSummary, b: ArticleSummary): number {
  return b.date.timestamp - a.date.timestamp || (a.url < b.url ? -1 : a.url > b.url ? 1 : 0);
}

const NO_BODY = (): string => "";

/** The claims the build makes for the published articles that can meet another claim (see the header), by producer. */
function contentClaims(published: readonly ArticleSummary[]): Map<Producer<SiteData>, OutputDeclaration[]> {
  const articles = [...published].sort(newestFirst);
  // src/pages/article.ts
  const pages: OutputDeclaration[] = articles.map((a) => ({ url: a.url, source: { file: a.sourcePath }, crossChecked: true, body: NO_BODY }));
  // src/build/article-images.ts, previewOriginals
  const pictures: OutputDeclaration[] = [];
  const seen = new Set<string>();
  for (const a of articles) {
    for (const { file, field } of [{ file: a.imageFile, field: "image.src" }, ...a.bodyFiles.map((f) => ({ file: f, field: "body" }))]) {
      if (!file) continue;
      const url = `${a.url}${file.slice(file.lastIndexOf("/") + 1)}`;
      if (seen.has(url)) continue;
      seen.add(url);
      pictures.push({ url, source: { file: a.sourcePath, field }, body: NO_BODY });
    }
  }
  // src/build/links-step.ts, RedirectPage
  const aliases: OutputDeclaration[] = [];
  for (const a of articles) {
    for (const alias of a.aliases) {
      const file = urlProblem(alias) === undefined ? aliasFile(alias) : undefined;
      aliases.push({ url: alias, ...(file !== undefined ? { file } : {}), kind: "alias", source: { file: a.sourcePath, field: "aliases" }, crossChecked: true, redirectTo: a.url, body: NO_BODY });
    }
  }
  return new Map<Producer<SiteData>, OutputDeclaration[]>([
    [articlePages, pages],
    [articleImagesStep, pictures],
    [linksStep, aliases],
  ]);
}

/** The output plan's errors over the reduced site (see the header). */
function reducedPlanErrors(rootDir: string, published: readonly ArticleSummary[]): readonly ContentError[] {
  const site = createSiteData([], { rootDir, ledger: EMPTY_LEDGER, ledgerText: "" });
  const claims = contentClaims(published);
  const producers = CHECK_PRODUCERS.map((p): Producer<SiteData> => {
    const extra = claims.get(p);
    if (!extra || p.renderer === "bundle") return p;
    const declare = (s: SiteData): OutputDeclaration[] => [...p.declare(s), ...extra];
    return p.renderer === "eleventy" ? { ...p, declare } : { ...p, declare };
  });
  return planOutputs(site, producers).errors;
}

/**
 * The site phase's outcome from the summaries, or undefined when the build's
 * site phase must run (see the header).
 * @param valid the summaries of every valid article, drafts included
 * @param published the published ones
 * @param loaded the problems found before (errors hold back "nothing to publish", as in planSiteOf)
 */
export function quickSiteOutcome(rootDir: string, valid: readonly ArticleSummary[], published: readonly ArticleSummary[], record: RecordShape, loaded: readonly ContentError[]): QuickSiteOutcome | undefined {
  if (!quickSiteApplies(published, record)) return undefined;
  return { errors: quickSiteErrors(rootDir, published, loaded), roles: quickRoleWarnings(valid) };
}

/** Whether the quick site phase gives the build's site phase's errors (see the header): else the build's must run. */
export function quickSiteApplies(published: readonly ArticleSummary[], record: RecordShape): boolean {
  if (record.errors.length > 0 || record.ledger.entries.length > 0 || (record.ledger.people !== undefined && record.ledger.people.length > 0)) return false;
  return !published.some((a) => a.officials.some((o) => o.id !== undefined));
}

/** The errors of the quick site phase, when {@link quickSiteApplies} (its role warnings: {@link quickRoleWarnings}, which may run on another thread meanwhile). */
export function quickSiteErrors(rootDir: string, published: readonly ArticleSummary[], loaded: readonly ContentError[]): readonly ContentError[] {
  const found = reducedPlanErrors(rootDir, published);
  // As planSiteOf: a site with nothing to publish is an error, once every other error is fixed.
  const none = published.length === 0 && found.length === 0 && !loaded.some((p) => p.severity !== "warning");
  return none ? [{ file: "content/", ...explain("cli.nothingToPublish") }] : found;
}

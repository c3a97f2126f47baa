/**
 * The site data: everything pages and files are generated from, built once
 * per build (and once per edit in the preview) from the validated articles
 * and the published-URL record. Plain data for the output plan
 * (src/plan/site-outputs.ts); nothing here knows about Eleventy.
 *
 * The typed loader reads, validates and renders each article once; the
 * site model and the links are then one linear pass each.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { LayoutContext } from "../layouts/base.ts";
import type { Article } from "./content/article.ts";
import type { ContentError } from "./content/errors.ts";
import type { MediaIndex } from "./images/article-media.ts";
import { loadContentParallel } from "./content/parallel-load.ts";
import { EMPTY_LEDGER, planLinks, type Ledger } from "./links/ledger.ts";
import { readLedgerOrErrors } from "./links/ledger-file.ts";
import { QrStore } from "./links/qr-store.ts";
import { createSiteLinks, type SiteLinks } from "./links/site-links.ts";
import { searchScript } from "./search/search-script.ts";
import { siteConfigFromEnv, type SiteConfig } from "./site-config.ts";
import { buildSiteModel, type IndexPage, type SiteModel } from "./site-model.ts";
import { buildFacts, type Facts } from "./open-data/facts.ts";
import { peopleFilterScript } from "./people/people-script.ts";
import { readAsset, readerScript, type StaticAsset } from "./static-asset.ts";
import type { ArticleDate } from "./dates.ts";
import { gitDatesNotice, readGitDates } from "./git-dates.ts";

/** Project root (one level above this file): the default content root, and where the page template lives. */
export const ROOT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** Where the QR symbol cache of a project lives. */
export function qrCacheFile(rootDir: string): string {
  return path.join(rootDir, ".cache/qr-v1.json");
}

/** Everything pages and files are generated from. Frozen (see createSiteData). */
export interface SiteData {
  /** The project root holding content/ (article images are read from it). */
  readonly rootDir: string;
  readonly model: SiteModel;
  readonly layout: LayoutContext;
  /** Home pages then province index pages. */
  readonly indexPages: readonly IndexPage[];
  /** Fingerprinted files under /assets/. */
  readonly assets: { readonly stylesheet: StaticAsset; readonly readerScript: StaticAsset; readonly searchScript: StaticAsset; readonly peopleFilterScript: StaticAsset };
  /** Short codes, short URLs and share pages. */
  readonly links: SiteLinks;
  /** QR symbols of the short URLs. */
  readonly qr: QrStore;
  /** Processed pictures and share cards (src/build/article-images.ts adds them before the site is planned; absent in the preview). */
  readonly media?: MediaIndex;
  /** People and awards (src/open-data/facts.ts). */
  readonly people: Facts["people"];
  readonly awards: Facts["awards"];
  /** Last change of each article file after it was added, from git history, by source path (src/git-dates.ts: lastUpdated); absent in the preview. */
  readonly updated?: ReadonlyMap<string, ArticleDate>;
}

/**
 * Reads the published-URL record of a project (an absent file is an empty
 * record): a regular file only, bounded and checked — see
 * src/links/ledger-file.ts, where the reading lives.
 */
export function readLedger(rootDir: string): { ledger: Ledger; text: string; errors: readonly ContentError[] } {
  return readLedgerOrErrors(rootDir);
}

export interface CreateSiteDataOptions {
  readonly rootDir?: string;
  readonly config?: SiteConfig;
  readonly ledger?: Ledger;
  readonly ledgerText?: string;
  readonly qrCacheFile?: string;
  /** A QR store to reuse (the preview keeps one across edits instead of re-reading the cache). */
  readonly qr?: QrStore;
  /** Last-updated dates (src/git-dates.ts). */
  readonly updated?: ReadonlyMap<string, ArticleDate>;
}

/** Builds the site data from already validated articles, newest first. */
export function createSiteData(articles: readonly Article[], options: CreateSiteDataOptions = {}): SiteData {
  const config = options.config ?? siteConfigFromEnv();
  // Read on every call, so the preview shows stylesheet edits.
  const stylesheet = readAsset("site.css");
  const reader = readerScript();
  const model = buildSiteModel(config, articles);
  const links = createSiteLinks(config, articles, planLinks(articles, options.ledger ?? EMPTY_LEDGER, options.ledgerText));
  const facts = buildFacts(articles, options.ledger, options.ledgerText, links.plan);
  // Frozen on purpose: Eleventy wraps every plain object it hands a paginated
  // page in a fresh Proxy (ProxyWrap), except frozen ones; caches keyed on
  // these objects (related articles) then keep working across pages.
  return Object.freeze({
    rootDir: options.rootDir ?? ROOT_DIR,
    model: Object.freeze(model),
    indexPages: Object.freeze([...model.homePages, ...model.provincePages]),
    layout: Object.freeze({ config, stylesheetUrl: stylesheet.url, scriptUrl: reader.url }),
    assets: Object.freeze({ stylesheet, readerScript: reader, searchScript: searchScript(), peopleFilterScript: peopleFilterScript() }),
    links: Object.freeze(links),
    qr: options.qr ?? new QrStore(options.qrCacheFile),
    people: facts.people,
    awards: facts.awards,
    ...(options.updated ? { updated: options.updated } : {}),
  });
}

/** What the build starts from: the site data and every problem found reading it. */
export interface LoadedSite {
  readonly data: SiteData;
  /** Invalid articles and a damaged record (the site data holds the valid articles only). */
  readonly contentErrors: readonly ContentError[];
  /** Content warnings and notices (never fatal; the build prints them). */
  readonly contentWarnings: readonly ContentError[];
}

export interface LoadSiteOptions {
  readonly rootDir?: string;
  readonly includeDrafts?: boolean;
  readonly config?: SiteConfig;
}

/** Loads content and the published-URL record from disk (all cores for large sites). */
export async function loadSite(options: LoadSiteOptions = {}): Promise<LoadedSite> {
  const rootDir = options.rootDir ?? ROOT_DIR;
  const config = options.config ?? siteConfigFromEnv();
  // One git log for the whole tree, while the workers read the articles.
  const [result, gitDates] = await Promise.all([loadContentParallel({ rootDir, ...(options.includeDrafts ? { includeDrafts: true } : {}) }), readGitDates(rootDir)]);
  const { ledger, text, errors } = readLedger(rootDir);
  const data = createSiteData(result.articles, { rootDir, config, ledger, ledgerText: text, qrCacheFile: qrCacheFile(rootDir), updated: gitDates.updated });
  const notice = gitDatesNotice(gitDates);
  return { data, contentErrors: [...result.errors, ...errors], contentWarnings: notice ? [...result.warnings, notice] : result.warnings };
}

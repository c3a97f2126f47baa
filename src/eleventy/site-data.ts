/**
 * Loads the content once per build and shares it with every template.
 *
 * Eleventy would otherwise treat each Markdown file as its own template (a
 * cost that grows faster than the article count, and Liquid run over
 * untrusted Markdown). Instead the typed loader reads, validates and renders
 * each article once, and Eleventy paginates over the resulting data.
 */
import path from "node:path";
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { ContentValidationError } from "../content/errors.ts";
import { loadContentParallel } from "../content/parallel-load.ts";
import { buildSiteModel, type IndexPage, type SiteModel } from "../site-model.ts";
import { siteConfigFromEnv, type SiteConfig } from "../site-config.ts";
import type { Article } from "../content/article.ts";
import type { LayoutContext } from "../../layouts/base.ts";
import { readAsset } from "./static-asset.ts";
import { EMPTY_LEDGER, LEDGER_FILE, parseLedger, planLinks, type Ledger } from "../links/ledger.ts";
import { QrStore } from "../links/qr-store.ts";
import { createSiteLinks, type SiteLinks } from "../links/site-links.ts";

/** Project root (two levels above this file). */
export const ROOT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** Everything templates need, built once per build. */
export interface SiteData {
  readonly model: SiteModel;
  readonly layout: LayoutContext;
  /** Home pages then province index pages: one Eleventy pagination covers both. */
  readonly indexPages: readonly IndexPage[];
  /** The stylesheet's text and its fingerprinted URL. */
  readonly stylesheet: { readonly url: string; readonly css: string };
  /** Short codes, short URLs and share pages. */
  readonly links: SiteLinks;
  /** QR symbols of the short URLs. */
  readonly qr: QrStore;
}

// Held on globalThis, not in a module variable: the build script and Eleventy
// may load this module through different loaders (tsx for Eleventy's config,
// vitest's own graph in tests), which would otherwise give two copies.
const STORE = Symbol.for("tong-ket.site-data");
type Store = { data?: SiteData };
function store(): Store {
  const holder = globalThis as unknown as Record<symbol, Store | undefined>;
  holder[STORE] ??= {};
  return holder[STORE];
}

/** Where the site data is read from. */
export interface SiteDataOptions {
  readonly rootDir?: string;
  readonly includeDrafts?: boolean;
}

/** Reads the published-URL record of a project (an absent file is an empty record). */
export function readLedger(rootDir: string): { ledger: Ledger; text: string } {
  const file = path.join(rootDir, LEDGER_FILE);
  if (!existsSync(file)) return { ledger: EMPTY_LEDGER, text: "" };
  const text = readFileSync(file, "utf8");
  const parsed = parseLedger(text);
  if ("errors" in parsed) throw new ContentValidationError(parsed.errors);
  return { ledger: parsed.ledger, text };
}

/**
 * Builds the site data from disk.
 * @throws ContentValidationError listing every invalid article and every
 *   published URL the content would break
 */
export async function loadSiteData(opts: SiteDataOptions = {}): Promise<SiteData> {
  const rootDir = opts.rootDir ?? ROOT_DIR;
  const result = await loadContentParallel({ rootDir, ...(opts.includeDrafts ? { includeDrafts: true } : {}) });
  const { ledger, text } = readLedger(rootDir);
  if (result.errors.length > 0) throw new ContentValidationError(result.errors);
  const data = createSiteData(result.articles, { ledger, ledgerText: text, qrCacheFile: path.join(rootDir, ".cache/qr-v1.json") });
  if (data.links.plan.errors.length > 0) throw new ContentValidationError(data.links.plan.errors);
  return data;
}

export interface CreateSiteDataOptions {
  readonly config?: SiteConfig;
  readonly ledger?: Ledger;
  readonly ledgerText?: string;
  readonly qrCacheFile?: string;
  /** A QR store to reuse (the preview keeps one across edits instead of re-reading the cache). */
  readonly qr?: QrStore;
}

/** Builds the site data from already validated articles, newest first. */
export function createSiteData(articles: readonly Article[], options: CreateSiteDataOptions = {}): SiteData {
  const config = options.config ?? siteConfigFromEnv();
  // Read on every call, so the preview shows stylesheet edits.
  const { text: css, url } = readAsset("site.css");
  const model = buildSiteModel(config, articles);
  // Frozen on purpose: Eleventy wraps every plain object it hands a paginated
  // page in a fresh Proxy (ProxyWrap), except frozen ones. Unfrozen, each of
  // 20,000 pages saw new wrappers of the site data, which defeated caches
  // keyed on it and slowed every property read.
  return Object.freeze({
    model: Object.freeze(model),
    indexPages: [...model.homePages, ...model.provincePages],
    layout: Object.freeze({ config, stylesheetUrl: url }),
    stylesheet: Object.freeze({ url, css }),
    links: Object.freeze(createSiteLinks(config, articles, planLinks(articles, options.ledger ?? EMPTY_LEDGER, options.ledgerText))),
    qr: options.qr ?? new QrStore(options.qrCacheFile),
  });
}

/** Hands already-loaded data to the templates (the build script validates first). */
export function setSiteData(data: SiteData): void {
  store().data = data;
}

/** The memoised site data for this build. */
export async function getSiteData(): Promise<SiteData> {
  const s = store();
  s.data ??= await loadSiteData();
  return s.data;
}

/**
 * Issue 10's byte budget, measured in a real browser: at 10,000 articles one
 * query downloads at most 100 KB compressed. The index is the search
 * step's own writer (src/search/search-index.ts) over 10,000 synthetic
 * records (test/search-corpus.ts: seconds, not a site build), served with
 * the search page, its script and the site's headers (CSP included) by a
 * server that compresses text like a CDN. Each query runs on a fresh
 * browser context (nothing cached), and Chromium's own count of bytes
 * received (CDP Network.loadingFinished encodedDataLength: compressed body
 * plus response headers) is summed over the index's files: the manifest,
 * the word shards and the records of the results shown. The page's HTML,
 * stylesheet and script load once per visit, not per query, and are
 * reported apart.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import type { Server } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FAVICON_PATH, FAVICON_SVG } from "../src/build/static-files-step.ts";
import { renderSearchPage } from "../layouts/search-page.ts";
import { SEARCH_BUNDLE_DIR, SEARCH_PAGE_URL } from "../src/search/search-config.ts";
import { SearchIndexWriter, type SearchManifest } from "../src/search/search-index.ts";
import { searchScript } from "../src/search/search-script.ts";
import { HEADER_RULES, headersForPath } from "../src/security-headers.ts";
import { siteConfigFromEnv } from "../src/site-config.ts";
import { buildSiteModel } from "../src/site-model.ts";
import { readAsset, readerScript } from "../src/static-asset.ts";
import { launchChromium, requireChromium, serveStaticSite, waitForSearch } from "./browser-helpers.ts";
import { RARE_OFFICIAL, syntheticSearchCorpus } from "./search-corpus.ts";

const ARTICLES = 10_000;
const BUDGET = 100 * 1024;

const work = mkdtempSync(path.join(tmpdir(), "search-bytes-"));
let server: Server | undefined;
let origin = "";
let browser: Browser | undefined;
let manifest: SearchManifest | undefined;
let rareUrl = "";

beforeAll(async () => {
  requireChromium();
  const { vocabulary, articles } = syntheticSearchCorpus(ARTICLES);
  rareUrl = articles.find((a) => a.document.o?.some((o) => o.startsWith(RARE_OFFICIAL)))?.document.u ?? "";
  const writer = new SearchIndexWriter(vocabulary);
  for (const article of articles) writer.add(article);
  const index = await writer.finish();
  manifest = index.manifest;
  for (const file of index.files) {
    const target = path.join(work, SEARCH_BUNDLE_DIR, file.path);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, file.contents);
  }
  // The search page as the build renders it, with its script and stylesheet.
  const config = siteConfigFromEnv({});
  const stylesheet = readAsset("site.css");
  const script = searchScript();
  mkdirSync(path.join(work, SEARCH_PAGE_URL), { recursive: true });
  writeFileSync(path.join(work, SEARCH_PAGE_URL, "index.html"), renderSearchPage({ config, stylesheetUrl: stylesheet.url }, buildSiteModel(config, []), script.url));
  mkdirSync(path.join(work, "assets"), { recursive: true });
  writeFileSync(path.join(work, stylesheet.url), stylesheet.text);
  writeFileSync(path.join(work, script.url), script.text);
  writeFileSync(path.join(work, readerScript().url), readerScript().text);
  writeFileSync(path.join(work, FAVICON_PATH), FAVICON_SVG);
  const rules = HEADER_RULES;
  ({ server, origin } = await serveStaticSite(work, { notFound: "text", gzipText: true, headers: (pathname) => headersForPath(rules, pathname) }));
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  server?.close();
  rmSync(work, { recursive: true, force: true });
});

interface Measured {
  readonly urls: string[];
  readonly status: string;
  /** Bytes received for the index's files (manifest, shards, records), and how many files. */
  readonly indexBytes: number;
  readonly indexFiles: number;
  readonly shards: number;
  readonly records: number;
  /** Bytes received for the page itself (HTML, stylesheet, script). */
  readonly pageBytes: number;
  readonly problems: string[];
}

/** Opens the search page for `query` in a fresh context and counts what Chromium received. */
async function measure(query: string): Promise<Measured> {
  if (!browser) throw new Error("the browser did not start");
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error" || m.type() === "warning") problems.push(`${m.type()}: ${m.text()}`);
  });
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  page.on("response", (r) => {
    if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${new URL(r.url()).pathname}`);
  });
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  const urls = new Map<string, string>();
  const received = new Map<string, number>();
  cdp.on("Network.requestWillBeSent", (e) => urls.set(e.requestId, new URL(e.request.url).pathname));
  cdp.on("Network.loadingFinished", (e) => received.set(e.requestId, e.encodedDataLength));
  cdp.on("Network.loadingFailed", (e) => problems.push(`${urls.get(e.requestId) ?? e.requestId}: ${e.errorText}`));
  await page.goto(`${origin}${SEARCH_PAGE_URL}?q=${encodeURIComponent(query)}`);
  await waitForSearch(page, 30_000);
  const shown = await page.evaluate(() => ({
    status: document.getElementById("search-status")?.textContent ?? "",
    urls: Array.from(document.querySelectorAll("#search-results li h2 a"), (a) => a.getAttribute("href") ?? ""),
  }));
  // Every response that started has finished: the page is done with the network.
  await page.waitForLoadState("networkidle");
  let indexBytes = 0;
  let pageBytes = 0;
  let indexFiles = 0;
  let shards = 0;
  let records = 0;
  for (const [id, pathname] of urls) {
    const bytes = received.get(id);
    if (bytes === undefined) throw new Error(`${pathname}: never finished loading (${problems.join("; ")})`);
    if (pathname.startsWith(`/${SEARCH_BUNDLE_DIR}/`)) {
      indexBytes += bytes;
      indexFiles++;
      if (pathname.includes("/w/")) shards++;
      if (pathname.includes("/d/")) records++;
    } else {
      pageBytes += bytes;
    }
  }
  await context.close();
  return { ...shown, indexBytes, indexFiles, shards, records, pageBytes, problems };
}

/** `rare`: the query names the one article with {@link RARE_OFFICIAL}, which must come first. */
const QUERIES: readonly { query: string; why: string; rare?: boolean }[] = [
  { query: "năm", why: "the most common word: on every article" },
  { query: "nam", why: "the same without diacritics (also the given name Nam)" },
  { query: "đường giao thông", why: "two words with diacritics" },
  { query: "duong giao thong", why: "the same without" },
  { query: "“chuyển đổi số”", why: "a quoted phrase" },
  { query: '"chuyen doi so"', why: "the phrase without diacritics" },
  { query: RARE_OFFICIAL, why: "a name on one article", rare: true },
  { query: "hoang thi xuyen", why: "the same without diacritics", rare: true },
  { query: "hội nghị tổng kết công tác năm 2023 triển khai nhiệm vụ năm 2024", why: "a title-like query, common words" },
  { query: "sở thông tin và truyền thông tổ chức hội nghị tổng kết công tác năm", why: "twelve common words: the longest query the page runs" },
];

describe(`one query at ${ARTICLES.toLocaleString("en")} articles downloads at most 100 KB compressed`, () => {
  it("the index was written at scale", () => {
    expect(manifest?.docs).toBe(ARTICLES);
    expect(manifest?.buckets).toBeGreaterThan(100);
    expect(rareUrl).not.toBe("");
  });

  it.each(QUERIES)("$query ($why)", async ({ query, rare }) => {
    const m = await measure(query);
    if (rare) expect(m.urls[0]).toBe(rareUrl);
    console.log(`search bytes: ${JSON.stringify(query)}: ${m.urls.length} shown, ${(m.indexBytes / 1024).toFixed(1)} KiB in ${m.indexFiles} index files (${m.shards} shards, ${m.records} records); page itself ${(m.pageBytes / 1024).toFixed(1)} KiB once`);
    expect(m.problems).toEqual([]);
    // The search really ran: results, one record per result shown, at least one shard.
    expect(m.urls.length).toBeGreaterThan(0);
    expect(m.records).toBe(m.urls.length);
    expect(m.shards).toBeGreaterThan(0);
    expect(m.indexBytes).toBeLessThanOrEqual(BUDGET);
  });
});

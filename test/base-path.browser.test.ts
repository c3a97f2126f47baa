/**
 * SITE_URL with a path, in a real browser: the fixture site built for
 * https://tongket.example.gov.vn/tin/ is served under /tin/ only (nothing at
 * the root, as on a GitHub Pages project site or a folder of a department's
 * domain), with the headers of its own `_headers`. A reader clicks through
 * home, article, province, search (the page loads its index from
 * /tin/du-lieu-tim-kiem/ and results link under /tin/), the QR share page, a short
 * link and the 404 page; every request must stay under /tin/ and succeed,
 * with no console error and no CSP violation. Debian's Chromium through
 * playwright-core; missing Chromium fails, never skips.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import type { Server } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import jsQRModule from "jsqr";
import { PNG } from "pngjs";
import { type Browser, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSite } from "../src/build/build-site.ts";
import { headersForPath, parseHeadersFile, type HeaderRule } from "../src/security-headers.ts";
import { siteConfigFromEnv } from "../src/site-config.ts";
import { UI } from "../src/ui-strings.ts";
import { launchChromium, requireChromium, serveStaticSite } from "./browser-helpers.ts";

// jsqr is CommonJS with `exports.default = jsQR` (see qr.test.ts).
const jsQR = jsQRModule.default;

const BASE = "/tin";

const work = mkdtempSync(path.join(tmpdir(), "base-path-browser-"));
const siteRoot = path.join(work, "project");
const out = path.join(work, "site");
let server: Server | undefined;
let origin = "";
let browser: Browser | undefined;
let context: BrowserContext | undefined;

/** Serves the build under /tin/ only: index.html for folders, /tin/404.html with status 404, `_headers` rules. */
function serve(dir: string, rules: readonly HeaderRule[]): Promise<{ server: Server; origin: string }> {
  return serveStaticSite(dir, { basePath: BASE, headers: (pathname) => headersForPath(rules, pathname) });
}

beforeAll(async () => {
  requireChromium();
  cpSync(path.resolve(import.meta.dirname, "fixtures/valid-site"), siteRoot, { recursive: true, filter: (src) => !src.includes(`${path.sep}.cache`) });
  const article = path.join(siteRoot, "content/gia-lai/2016-11-29-hoi-nghi-tong-ket.md");
  writeFileSync(article, readFileSync(article, "utf8").replace(/^---\n/, '---\naliases: ["/tin-tuc/hoi-nghi-2016/"]\n'));
  await buildSite({ outDir: out, rootDir: siteRoot, config: siteConfigFromEnv({ SITE_URL: `https://tongket.example.gov.vn${BASE}/` }) });
  ({ server, origin } = await serve(out, parseHeadersFile(readFileSync(path.join(out, "_headers"), "utf8"))));
  browser = await launchChromium();
  context = await browser.newContext();
  await context.addInitScript(() => {
    (window as unknown as { __csp: string[] }).__csp = [];
    document.addEventListener("securitypolicyviolation", (e) => (window as unknown as { __csp: string[] }).__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
}, 120_000);

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  rmSync(work, { recursive: true, force: true });
});

/** A page that records every request outside /tin/, every failed response and every console error. */
async function reader(): Promise<{ page: Page; problems: string[] }> {
  if (!context) throw new Error("the browser did not start");
  const page = await context.newPage();
  const problems: string[] = [];
  page.on("request", (r) => {
    const url = r.url();
    if (!url.startsWith(`${origin}${BASE}/`) && !url.startsWith("data:")) problems.push(`request outside ${BASE}/: ${url}`);
  });
  page.on("response", (r) => {
    if (r.status() >= 400 && !r.url().endsWith("/khong-co/")) problems.push(`${r.status()} ${r.url()}`);
  });
  page.on("console", (m) => {
    if (m.type() === "error" || m.type() === "warning") problems.push(`${m.type()}: ${m.text()}`);
  });
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  return { page, problems };
}

async function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
}

describe(`the site served under ${BASE}/`, () => {
  it("home → article → province → search → result → share page → QR download, all under /tin/", async () => {
    const { page, problems } = await reader();
    await page.goto(`${origin}${BASE}/`);
    expect(await page.textContent("h1")).toBe(UI.latest);
    // The stylesheet and the reading-tools script loaded (reader.js marks <html>).
    expect(await page.evaluate(() => document.documentElement.classList.contains("js"))).toBe(true);
    expect(await page.evaluate(() => getComputedStyle(document.body).fontFamily)).toContain("system-ui");

    await Promise.all([page.waitForURL(`${origin}${BASE}/binh-dinh/2025/tin-binh-dinh/`), page.click("ol.cards li h2 a >> nth=0")]);
    expect(await page.textContent("h1")).toBe("Tin Bình Định tháng 6 năm 2025");
    expect(await page.evaluate(() => (document.querySelector("figure img") as HTMLImageElement | null)?.naturalWidth ?? 0)).toBeGreaterThan(0);

    await Promise.all([page.waitForURL(`${origin}${BASE}/binh-dinh/`), page.click("nav.crumbs a >> text=Bình Định")]);
    await Promise.all([page.waitForURL(`${origin}${BASE}/tim-kiem/`), page.click(`header a.header-search >> text=${UI.searchTitle}`)]);
    await page.fill("#tu-khoa", "binh dinh");
    await page.press("#tu-khoa", "Enter");
    await page.waitForSelector("#search-results li h2 a", { timeout: 20_000 });
    const result = await page.getAttribute("#search-results li h2 a >> nth=0", "href");
    expect(result).toBe(`${BASE}/binh-dinh/2025/tin-binh-dinh/`);
    await Promise.all([page.waitForURL(`${origin}${BASE}/binh-dinh/2025/tin-binh-dinh/`), page.click("#search-results li h2 a >> nth=0")]);

    await Promise.all([page.waitForURL(new RegExp(`^${origin}${BASE}/ma-qr/[0-9a-z]+/$`)), page.click(`.share-page-link a`)]);
    // The PNG download is a data: URL in the page (src/pages/share.ts): a real click downloads a QR code of the short link.
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("a[download$='.png']")]);
    expect(download.suggestedFilename()).toMatch(/^ma-qr-[0-9a-z]+\.png$/);
    const saved = await download.path();
    const png = PNG.sync.read(readFileSync(saved));
    const decoded = jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data;
    const shortUrl = await page.getAttribute(".share-qr figcaption a", "href");
    expect(decoded).toBe(shortUrl);
    const [svgDownload] = await Promise.all([page.waitForEvent("download"), page.click("a[download$='.svg']")]);
    expect(readFileSync(await svgDownload.path(), "utf8")).toMatch(/^<svg [^>]*viewBox="0 0 \d+ \d+"/);
    expect(shortUrl).toMatch(/^https:\/\/tongket\.example\.gov\.vn\/tin\/q\/[0-9a-z]+\/$/);
    // Shown as people type it: no scheme, no final slash.
    expect(await page.textContent(".share-qr figcaption a")).toBe(shortUrl?.replace(/^https:\/\//, "").replace(/\/$/, ""));

    expect(await cspViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("a short link and an old URL forward to the article under /tin/", async () => {
    const { page, problems } = await reader();
    await page.goto(`${origin}${BASE}/`);
    const code = /q\/([0-9a-z]+)\//.exec(readFileSync(path.join(out, "_redirects"), "utf8"))?.[1];
    expect(code).toBeDefined();
    await page.goto(`${origin}${BASE}/q/${code}/`);
    await page.waitForURL(new RegExp(`^${origin}${BASE}/(gia-lai|binh-dinh)/\\d{4}/[a-z-]+/$`));
    await page.goto(`${origin}${BASE}/tin-tuc/hoi-nghi-2016/`);
    await page.waitForURL(`${origin}${BASE}/gia-lai/2016/hoi-nghi-tong-ket/`);
    expect(await page.textContent("h1")).toContain("Hội nghị tổng kết công tác năm 2016");
    expect(problems).toEqual([]);
    await page.close();
  });

  it("the 404 page works at any depth: its stylesheet loads and its links lead home", async () => {
    const { page, problems } = await reader();
    const response = await page.goto(`${origin}${BASE}/gia-lai/2016/khong-co/`);
    expect(response?.status()).toBe(404);
    expect(await page.evaluate(() => getComputedStyle(document.body).fontFamily)).toContain("system-ui");
    await Promise.all([page.waitForURL(`${origin}${BASE}/`), page.click(`main a >> text=${UI.notFoundLatest}`)]);
    expect(problems.filter((p) => !p.startsWith("404 ") && !p.includes("Failed to load resource"))).toEqual([]);
    await page.close();
  });

  it("the feed links and the feeds are under /tin/", async () => {
    const { page, problems } = await reader();
    await page.goto(`${origin}${BASE}/gia-lai/`);
    const feed = await page.getAttribute("a.feed-link", "href");
    expect(feed).toBe(`${BASE}/gia-lai/feed.xml`);
    const rss = await page.request.get(`${origin}${feed}`);
    expect(rss.status()).toBe(200);
    expect(await rss.text()).toContain("<link>https://tongket.example.gov.vn/tin/gia-lai/</link>");
    expect(problems).toEqual([]);
    await page.close();
  });
});

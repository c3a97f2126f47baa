/**
 * Quality bars of the built site, checked in a real browser (Debian's
 * Chromium driven by playwright-core; never downloaded, never skipped):
 * accessibility (axe-core), the Content-Security-Policy of `_headers`
 * enforced with zero violations and zero console errors, a 360 px wide
 * phone, the remembered text size, print, layout shift. Plus checks that
 * need no browser: page weight, headers file, robots.txt, no inline code.
 */
import { gzipSync } from "node:zlib";
import type { Server } from "node:http";
import { createRequire } from "node:module";
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { AxeResults } from "axe-core";
import { type Browser, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSite } from "../src/build/build-site.ts";
import { CONTENT_SECURITY_POLICY, headersForPath, parseHeadersFile, type HeaderRule } from "../src/security-headers.ts";
import { siteConfigFromEnv } from "../src/site-config.ts";
import { copyFixture } from "./helpers.ts";
import { launchChromium, requireChromium, serveStaticSite } from "./browser-helpers.ts";

const AXE_SCRIPT = createRequire(import.meta.url).resolve("axe-core/axe.min.js");
const SITE_URL = siteConfigFromEnv().url;
/** First-round-trip budget: HTML + CSS + render-blocking JS, each gzipped as a CDN serves it. */
const WEIGHT_BUDGET = 14 * 1024;

/** Serves the built folder as a CDN would: index.html for folders, 404.html with status 404, headers from `_headers`. */
function serve(dir: string, rules: readonly HeaderRule[]): Promise<{ server: Server; origin: string }> {
  return serveStaticSite(dir, { headers: (pathname) => headersForPath(rules, pathname) });
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((f) => statSync(path.join(dir, f)).isFile()).map((f) => f.split(path.sep).join("/")).sort();
}

/** Root-relative URL of a built index.html ("gia-lai/index.html" → "/gia-lai/"). */
function urlOf(file: string): string {
  return `/${file.replace(/index\.html$/, "")}`;
}

const work = mkdtempSync(path.join(tmpdir(), "site-quality-"));
const out = path.join(work, "site");
/** The five seed articles (test/fixtures/seed-site), never the repository's content/. */
const root = copyFixture("seed-site");
let files: string[] = [];
let rules: HeaderRule[] = [];
let server: Server | undefined;
let origin = "";
let browser: Browser | undefined;
/** Every page type: name → root-relative URL. */
const pageTypes = new Map<string, string>();
let articleUrls: string[] = [];

beforeAll(async () => {
  requireChromium();
  await buildSite({ outDir: out, rootDir: root });
  files = listFiles(out);
  rules = parseHeadersFile(readFileSync(path.join(out, "_headers"), "utf8"));
  articleUrls = files.filter((f) => /^[a-z-]+\/\d{4}\/[a-z0-9-]+\/index\.html$/.test(f)).map(urlOf);
  pageTypes.set("home", "/");
  pageTypes.set("article", articleUrls[0] ?? "(none built)");
  pageTypes.set("province index", "/gia-lai/");
  pageTypes.set("province directory", "/tinh-thanh/");
  pageTypes.set("search", "/tim-kiem/");
  const share = files.find((f) => /^ma-qr\/[^/]+\/index\.html$/.test(f));
  if (share) pageTypes.set("share page", urlOf(share));
  pageTypes.set("404", "/404.html");
  ({ server, origin } = await serve(out, rules));
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  rmSync(work, { recursive: true, force: true });
  rmSync(root, { recursive: true, force: true });
});

function theBrowser(): Browser {
  if (!browser) throw new Error("Chromium did not start");
  return browser;
}

describe("the built site has every page type", () => {
  it("home, articles, province index, directory, search, share pages, 404", () => {
    expect(articleUrls).toHaveLength(5);
    for (const f of ["index.html", "gia-lai/index.html", "tinh-thanh/index.html", "tim-kiem/index.html", "404.html"]) expect(files).toContain(f);
    // The QR share pages (/ma-qr/<code>/) are part of the site: at least one must exist.
    expect(pageTypes.has("share page"), "no ma-qr/*/index.html in the build").toBe(true);
  });
});

describe("security headers and static files", () => {
  it("_headers carries a strict CSP and the other security headers for every path", () => {
    const headers = headersForPath(rules, "/gia-lai/");
    expect(headers["Content-Security-Policy"]).toBe(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/'unsafe-inline'|'unsafe-eval'/);
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self';");
    expect(headers["Strict-Transport-Security"]).toBe("max-age=31536000; includeSubDomains");
    expect(headers["X-Content-Type-Options"]).toBe("nosniff");
    expect(headers["Referrer-Policy"]).toBe("strict-origin-when-cross-origin");
    expect(headers["Permissions-Policy"]).toMatch(/^camera=\(\), microphone=\(\), geolocation=\(\), interest-cohort=\(\)/);
  });

  it("fingerprinted assets are cached for a year, pages are not", () => {
    const css = files.find((f) => /^assets\/site-[0-9a-f]{10}\.css$/.test(f));
    const js = files.find((f) => /^assets\/reader-[0-9a-f]{10}\.js$/.test(f));
    expect(css).toBeDefined();
    expect(js).toBeDefined();
    for (const f of [css, js]) expect(headersForPath(rules, `/${f}`)["Cache-Control"]).toBe("public, max-age=31536000, immutable");
    expect(headersForPath(rules, "/")["Cache-Control"]).toBeUndefined();
  });

  it("robots.txt allows everything and names the sitemap", () => {
    expect(readFileSync(path.join(out, "robots.txt"), "utf8")).toBe(`User-agent: *\nAllow: /\n\nSitemap: ${SITE_URL}/sitemap.xml\n`);
  });

  it("the favicon every page links exists, so no browser fetches the 404 page for it", () => {
    const home = readFileSync(path.join(out, "index.html"), "utf8");
    const href = /<link rel="icon" href="\/([^"]+)"/.exec(home)?.[1];
    expect(href).toBe("favicon.svg");
    expect(readFileSync(path.join(out, href ?? ""), "utf8")).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  });

  it("no page has inline script, inline style or a style attribute; JSON-LD is the only script without src", () => {
    const offenders: string[] = [];
    for (const f of files.filter((x) => x.endsWith(".html"))) {
      const page = readFileSync(path.join(out, f), "utf8");
      for (const tag of page.match(/<script\b[^>]*>/g) ?? []) if (!/\bsrc="/.test(tag) && !/type="application\/ld\+json"/.test(tag)) offenders.push(`${f}: ${tag}`);
      if (/<style\b/i.test(page)) offenders.push(`${f}: <style>`);
      if (/<[a-z][^>]*\sstyle=/i.test(page)) offenders.push(`${f}: style attribute`);
      if (/<[a-z][^>]*\son[a-z]+=/i.test(page)) offenders.push(`${f}: event handler attribute`);
    }
    expect(offenders).toEqual([]);
  });

  it("no web fonts: the stylesheet uses the system font stack only", () => {
    const css = files.filter((f) => f.endsWith(".css")).map((f) => readFileSync(path.join(out, f), "utf8")).join("\n");
    expect(css).not.toMatch(/@font-face|@import|url\(/);
    expect(css).toContain("system-ui");
  });
});

describe("page weight", () => {
  it(`every article page needs under ${WEIGHT_BUDGET} bytes (gzip -9) of HTML + CSS + render-blocking JS for its first render`, () => {
    const weights: Record<string, number> = {};
    for (const url of articleUrls) {
      const page = readFileSync(path.join(out, url, "index.html"), "utf8");
      const head = page.slice(0, page.indexOf("</head>"));
      const css = [...head.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) => m[1] ?? "");
      const blockingJs = [...head.matchAll(/<script\b([^>]*)\bsrc="([^"]+)"([^>]*)>/g)].filter((m) => !/\b(defer|async)\b|type="module"/.test(`${m[1]}${m[3]}`)).map((m) => m[2] ?? "");
      expect(css).toHaveLength(1);
      let total = gzipSync(page, { level: 9 }).length;
      for (const asset of [...css, ...blockingJs]) total += gzipSync(readFileSync(path.join(out, asset)), { level: 9 }).length;
      weights[url] = total;
    }
    console.log(`article first-render weight (gzip -9, bytes): ${JSON.stringify(weights)}`);
    for (const [url, total] of Object.entries(weights)) expect(total, url).toBeLessThan(WEIGHT_BUDGET);
  });
});

describe("head metadata", () => {
  it("article pages have a canonical link, Open Graph tags and NewsArticle JSON-LD with +07:00 dates", () => {
    for (const url of articleUrls) {
      const page = readFileSync(path.join(out, url, "index.html"), "utf8");
      const absolute = `${SITE_URL}${url}`;
      expect(page).toContain(`<link rel="canonical" href="${absolute}">`);
      expect(page).toContain(`<meta property="og:url" content="${absolute}">`);
      expect(page).toContain('<meta property="og:type" content="article">');
      expect(page).toMatch(/<meta property="og:title" content="[^"]+">/);
      expect(page).toMatch(/<meta property="og:description" content="[^"]+">/);
      const json = /<script type="application\/ld\+json">([^<]*)<\/script>/.exec(page)?.[1];
      expect(json, url).toBeDefined();
      const data = JSON.parse(json ?? "{}") as { "@graph": { "@type": string; datePublished?: string; url?: string }[] };
      const article = data["@graph"].find((n) => n["@type"] === "NewsArticle");
      expect(article?.datePublished).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+07:00$/);
      expect(article?.url).toBe(absolute);
      expect(data["@graph"].some((n) => n["@type"] === "BreadcrumbList")).toBe(true);
    }
  });
});

/** Console errors, page errors, failed requests and CSP violations seen while a page loads. */
interface PageProblems {
  readonly console: string[];
  readonly violations: string[];
}

declare global {
  interface Window {
    __cspViolations?: string[];
    __layoutShift?: number;
  }
}

/** A context that enforces the CSP the server sends and records every violation. */
async function cspContext(): Promise<BrowserContext> {
  const context = await theBrowser().newContext({ bypassCSP: false });
  // Injected through the DevTools protocol, so the page's CSP does not apply to it.
  await context.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener("securitypolicyviolation", (e) => window.__cspViolations?.push(`${e.violatedDirective} blocked ${e.blockedURI || "inline"} (${e.sourceFile}:${e.lineNumber})`));
  });
  return context;
}

async function visit(context: BrowserContext, url: string): Promise<{ page: Page; problems: PageProblems; status: number }> {
  const page = await context.newPage();
  const problems: PageProblems = { console: [], violations: [] };
  page.on("console", (m) => {
    if (m.type() === "error" || m.type() === "warning") problems.console.push(`${m.type()}: ${m.text()}`);
  });
  page.on("pageerror", (e) => problems.console.push(`pageerror: ${e.message}`));
  page.on("requestfailed", (r) => problems.console.push(`request failed: ${r.url()} ${r.failure()?.errorText ?? ""}`));
  const response = await page.goto(`${origin}${url}`, { waitUntil: "load" });
  await page.waitForTimeout(50);
  problems.violations.push(...(await page.evaluate(() => window.__cspViolations ?? ["(the violation listener did not run)"])));
  return { page, problems, status: response?.status() ?? 0 };
}

describe("in Chromium", () => {
  it("serves pages with the CSP from _headers", async () => {
    const context = await cspContext();
    const { page, status } = await visit(context, "/");
    expect(status).toBe(200);
    const response = await page.request.get(`${origin}/`);
    expect(response.headers()["content-security-policy"]).toBe(CONTENT_SECURITY_POLICY);
    await context.close();
  });

  it("the CSP check catches a violation (the harness is not blind)", async () => {
    const context = await cspContext();
    const { page } = await visit(context, "/");
    await page.evaluate(() => {
      const style = document.createElement("style");
      style.textContent = "body { color: red; }";
      document.head.append(style);
    });
    await page.waitForTimeout(50);
    expect(await page.evaluate(() => window.__cspViolations ?? [])).toEqual([expect.stringContaining("style-src")]);
    await context.close();
  });

  it("every page type loads under the CSP with zero violations and zero console errors", async () => {
    const context = await cspContext();
    const seen: Record<string, PageProblems> = {};
    for (const [name, url] of [...pageTypes, ...articleUrls.map((u) => [`article ${u}`, u] as const)]) {
      const { page, problems, status } = await visit(context, url);
      expect(status, `${name} ${url}`).toBe(200);
      // Let the page's own script run its click handlers too: a CSP that blocks them shows up here.
      if (await page.locator("[data-text-size='+']").count()) await page.click("[data-text-size='+']");
      seen[name] = problems;
      await page.close();
    }
    expect(seen).toEqual(Object.fromEntries(Object.keys(seen).map((k) => [k, { console: [], violations: [] }])));
    await context.close();
  });

  it("an unknown address answers 404 with the 404 page", async () => {
    const context = await cspContext();
    const { page, problems, status } = await visit(context, "/khong-co/trang-nay/");
    expect(status).toBe(404);
    await expect(page.locator("h1").textContent()).resolves.toBe("Không tìm thấy trang");
    // Chrome reports the 404 status of the document itself; nothing else may appear.
    expect(problems.console.filter((m) => !/status of 404/.test(m))).toEqual([]);
    expect(problems.violations).toEqual([]);
    // The stylesheet and script load from the nested path too.
    expect(await page.evaluate(() => getComputedStyle(document.querySelector(".site-header") ?? document.body).display)).toBe("flex");
    await context.close();
  });

  it("axe-core finds zero accessibility violations on every page type", async () => {
    // axe is injected as a script, which a CSP-enforcing page would block: this context bypasses the CSP.
    const context = await theBrowser().newContext({ bypassCSP: true });
    const found: Record<string, string[]> = {};
    for (const [name, url] of pageTypes) {
      for (const width of [1280, 360]) {
        const page = await context.newPage();
        await page.setViewportSize({ width, height: 800 });
        await page.goto(`${origin}${url}`, { waitUntil: "load" });
        await page.addScriptTag({ path: AXE_SCRIPT });
        const results = await page.evaluate(() => (window as unknown as { axe: { run(): Promise<AxeResults> } }).axe.run());
        found[`${name} @${width}`] = results.violations.map((v) => `${v.id} (${v.impact ?? "?"}): ${v.help} → ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
        await page.close();
      }
    }
    expect(found).toEqual(Object.fromEntries(Object.keys(found).map((k) => [k, []])));
    await context.close();
    // Fourteen page loads with axe: over a minute on a loaded two-core machine.
  }, 180_000);

  it("a 360 px wide phone never scrolls sideways, at the default and at the largest text size", async () => {
    const context = await theBrowser().newContext({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
    const wide: Record<string, number> = {};
    for (const size of [null, "4"]) {
      for (const [name, url] of pageTypes) {
        const page = await context.newPage();
        await page.goto(`${origin}${url}`);
        if (size !== null) {
          await page.evaluate((s) => localStorage.setItem("co-chu", s), size);
          await page.reload();
        }
        const scrollWidth = await page.evaluate(() => (document.scrollingElement ?? document.documentElement).scrollWidth);
        if (scrollWidth > 360) wide[`${name} (text size ${size ?? "default"})`] = scrollWidth;
        await page.close();
      }
    }
    expect(wide).toEqual({});
    await context.close();
  });

  it("the text-size buttons change the body text size and the choice survives a reload", async () => {
    const context = await cspContext();
    const url = pageTypes.get("article") ?? "";
    const { page } = await visit(context, url);
    const bodySize = () => page.evaluate(() => parseFloat(getComputedStyle(document.querySelector(".body p") ?? document.body).fontSize));
    const start = await bodySize();
    expect(start).toBe(16);
    await expect(page.locator("[data-text-size='+']").isVisible()).resolves.toBe(true);
    await page.click("[data-text-size='+']");
    const larger = await bodySize();
    expect(larger).toBeGreaterThan(start);
    await page.click("[data-text-size='+']");
    expect(await bodySize()).toBeGreaterThan(larger);
    await page.reload();
    const remembered = await bodySize();
    expect(remembered).toBeGreaterThan(larger);
    // Remembered across pages too.
    await page.goto(`${origin}/`);
    expect(await page.evaluate(() => document.documentElement.className)).toContain("text-xl");
    await page.goto(`${origin}${url}`);
    await page.click("[data-text-size='0']");
    expect(await bodySize()).toBe(start);
    await page.click("[data-text-size='-']");
    expect(await bodySize()).toBeLessThan(start);
    await page.click("[data-text-size='0']");
    await page.reload();
    expect(await bodySize()).toBe(start);
    expect(await page.evaluate(() => window.__cspViolations)).toEqual([]);
    await context.close();
  });

  it("printing hides the header and navigation and shows the article's address (and QR code when present)", async () => {
    const context = await cspContext();
    for (const url of articleUrls) {
      const { page } = await visit(context, url);
      await expect(page.locator(".print-source").isVisible()).resolves.toBe(false);
      await page.emulateMedia({ media: "print" });
      for (const hidden of [".site-header", ".crumbs", ".tools", ".article-share", ".site-header nav"]) {
        await expect(page.locator(hidden).first().isVisible(), `${hidden} on ${url}`).resolves.toBe(false);
      }
      await expect(page.locator("h1").isVisible()).resolves.toBe(true);
      await expect(page.locator(".print-source").isVisible()).resolves.toBe(true);
      const printed = (await page.locator(".print-url").textContent()) ?? "";
      expect(printed.startsWith(`${SITE_URL}/`), printed).toBe(true);
      if (await page.locator(".print-qr").count()) {
        const box = await page.locator(".print-qr svg, .print-qr img").first().boundingBox();
        expect(box?.width ?? 0).toBeGreaterThan(50);
      }
      expect(await page.evaluate(() => getComputedStyle(document.body).fontFamily)).toMatch(/serif/);
      await page.close();
    }
    await context.close();
  });

  it("no layout shift while an article loads, also with a remembered text size", async () => {
    const context = await cspContext();
    await context.addInitScript(() => {
      window.__layoutShift = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
          if (!entry.hadRecentInput) window.__layoutShift = (window.__layoutShift ?? 0) + entry.value;
        }
      }).observe({ type: "layout-shift", buffered: true });
    });
    const shifts: Record<string, number> = {};
    for (const size of ["1", "3"]) {
      for (const url of [...articleUrls, "/", "/gia-lai/"]) {
        const page = await context.newPage();
        await page.goto(`${origin}/404.html`);
        await page.evaluate((s) => localStorage.setItem("co-chu", s), size);
        await page.goto(`${origin}${url}`, { waitUntil: "load" });
        await page.waitForTimeout(300);
        shifts[`${url} (size ${size})`] = await page.evaluate(() => window.__layoutShift ?? -1);
        await page.close();
      }
    }
    for (const [name, cls] of Object.entries(shifts)) expect(cls, name).toBeLessThan(0.01);
    // The observer does see shifts: push the article down and it must report one.
    const page = await context.newPage();
    await page.goto(`${origin}${pageTypes.get("article") ?? "/"}`, { waitUntil: "load" });
    await page.evaluate(() => {
      const block = document.createElement("p");
      block.textContent = "x".repeat(400);
      document.querySelector("main")?.prepend(block);
    });
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => window.__layoutShift ?? 0)).toBeGreaterThan(0.01);
    await context.close();
  });

  it("web fonts are never downloaded", async () => {
    const context = await theBrowser().newContext();
    const page = await context.newPage();
    const fonts: string[] = [];
    page.on("request", (r) => {
      if (r.resourceType() === "font") fonts.push(r.url());
    });
    await page.goto(`${origin}${pageTypes.get("article") ?? "/"}`, { waitUntil: "load" });
    expect(fonts).toEqual([]);
    await context.close();
  });
});

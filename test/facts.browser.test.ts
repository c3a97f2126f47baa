/**
 * The people, awards and open-data pages in a real browser (Debian's
 * Chromium through playwright-core; never downloaded, never skipped): zero
 * CSP violations and console errors under the `_headers` policy, zero axe
 * violations at desktop and phone widths, no sideways scrolling on a 360 px
 * phone, valid HTML, and the people filter working without diacritics.
 */
import type { Server } from "node:http";
import { createRequire } from "node:module";
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { AxeResults } from "axe-core";
import { HtmlValidate } from "html-validate";
import { type Browser, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSite } from "../src/build/build-site.ts";
import { headersForPath, parseHeadersFile, type HeaderRule } from "../src/security-headers.ts";
import { writeFactsSite } from "./facts-fixture.ts";
import { launchChromium, requireChromium, serveStaticSite } from "./browser-helpers.ts";

const AXE_SCRIPT = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

/** The new page types: name → root-relative URL. */
const PAGES: Readonly<Record<string, string>> = {
  "people directory": "/nhan-vat/",
  "person": "/nhan-vat/nguyen-dung-gia-lai/",
  "person in two provinces": "/nhan-vat/le-van-cuong/",
  "awards overview": "/khen-thuong/",
  "national year": "/khen-thuong/2016/",
  "province year": "/khen-thuong/gia-lai/2016/",
  "open data": "/du-lieu/",
  "article with linked officials": "/ha-tinh/2016/tong-ket/",
};

/** Serves the folder as a CDN would: index.html for folders, 404.html with 404, headers from `_headers`. */
function serve(dir: string, rules: readonly HeaderRule[]): Promise<{ server: Server; origin: string }> {
  return serveStaticSite(dir, { headers: (pathname) => headersForPath(rules, pathname) });
}

const work = mkdtempSync(path.join(tmpdir(), "facts-browser-"));
const out = path.join(work, "out");
let server: Server | undefined;
let origin = "";
let browser: Browser | undefined;

beforeAll(async () => {
  requireChromium();
  const root = path.join(work, "site");
  writeFactsSite(root);
  await buildSite({ outDir: out, rootDir: root });
  ({ server, origin } = await serve(out, parseHeadersFile(readFileSync(path.join(out, "_headers"), "utf8"))));
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  rmSync(work, { recursive: true, force: true });
});

function theBrowser(): Browser {
  if (!browser) throw new Error("Chromium did not start");
  return browser;
}

declare global {
  interface Window {
    __cspViolations?: string[];
  }
}

async function cspContext(): Promise<BrowserContext> {
  const context = await theBrowser().newContext({ bypassCSP: false });
  await context.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener("securitypolicyviolation", (e) => window.__cspViolations?.push(`${e.violatedDirective} blocked ${e.blockedURI || "inline"}`));
  });
  return context;
}

/** Opens a page and collects console errors, failed requests and CSP violations. */
async function open(context: BrowserContext, url: string): Promise<{ page: Page; problems: string[] }> {
  const page = await context.newPage();
  const problems: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error" || m.type() === "warning") problems.push(`${m.type()}: ${m.text()}`);
  });
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  page.on("requestfailed", (r) => problems.push(`request failed: ${r.url()}`));
  const response = await page.goto(`${origin}${url}`, { waitUntil: "load" });
  if (response?.status() !== 200) problems.push(`status ${response?.status() ?? "none"}`);
  return { page, problems };
}

async function violations(page: Page): Promise<string[]> {
  await page.waitForTimeout(50);
  return page.evaluate(() => window.__cspViolations ?? ["(the violation listener did not run)"]);
}

describe("people, awards and open data in Chromium", () => {
  it("every new page loads under the site's CSP with zero violations and zero console errors", async () => {
    const context = await cspContext();
    const seen: Record<string, string[]> = {};
    for (const [name, url] of Object.entries(PAGES)) {
      const { page, problems } = await open(context, url);
      seen[name] = [...problems, ...(await violations(page))];
      await page.close();
    }
    expect(seen).toEqual(Object.fromEntries(Object.keys(PAGES).map((k) => [k, []])));
    await context.close();
  });

  it("filters the directory by name with or without diacritics, đ included, under the CSP", async () => {
    const context = await cspContext();
    const { page, problems } = await open(context, "/nhan-vat/");
    const input = page.locator("#loc-ten");
    await expect(input.isVisible()).resolves.toBe(true);
    const visibleNames = (): Promise<string[]> => page.locator("#danh-sach-nhan-vat li:not([hidden]) a").allTextContents();
    const visibleGroups = (): Promise<number> => page.locator("#danh-sach-nhan-vat [data-group]:not([hidden])").count();
    const all = await visibleNames();
    expect(all.length).toBeGreaterThanOrEqual(5);

    await input.fill("dung");
    await page.waitForFunction(() => document.querySelector("#loc-nhan-vat-ket-qua")?.textContent !== "");
    expect(await visibleNames()).toEqual(["Nguyễn Dũng", "Nguyễn Dũng"]);
    expect(await page.locator("#loc-nhan-vat-ket-qua").textContent()).toBe("Có 2 người phù hợp.");

    await input.fill("dang hung");
    await page.waitForFunction(() => document.querySelectorAll("#danh-sach-nhan-vat li:not([hidden])").length === 1);
    expect(await visibleNames()).toEqual(["Đặng Minh Hưng"]);
    expect(await visibleGroups()).toBe(1);

    await input.fill("ĐẶNG");
    await input.press("Enter");
    expect(await visibleNames()).toEqual(["Đặng Minh Hưng"]);
    expect(page.url()).toBe(`${origin}/nhan-vat/`);

    await input.fill("không có ai");
    await page.waitForFunction(() => document.querySelectorAll("#danh-sach-nhan-vat li:not([hidden])").length === 0);
    expect(await page.locator("#loc-nhan-vat-ket-qua").textContent()).toBe("Không có ai có tên phù hợp.");

    await input.fill("");
    await page.waitForFunction((n) => document.querySelectorAll("#danh-sach-nhan-vat li:not([hidden])").length === n, all.length);
    expect(await visibleNames()).toEqual(all);
    expect([...problems, ...(await violations(page))]).toEqual([]);
    await context.close();
  });

  it("without JavaScript the directory shows everyone and no useless filter box", async () => {
    const context = await theBrowser().newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${origin}/nhan-vat/`);
    expect(await page.locator("#loc-nhan-vat").isVisible()).toBe(false);
    expect(await page.locator("#danh-sach-nhan-vat li").count()).toBeGreaterThanOrEqual(5);
    await context.close();
  });

  it("axe-core finds zero accessibility violations at 1280 and 360 px, filter in use", async () => {
    // axe is injected as a script, which the CSP would block: this context bypasses it.
    const context = await theBrowser().newContext({ bypassCSP: true });
    const found: Record<string, string[]> = {};
    for (const [name, url] of Object.entries(PAGES)) {
      for (const width of [1280, 360]) {
        const page = await context.newPage();
        await page.setViewportSize({ width, height: 800 });
        await page.goto(`${origin}${url}`, { waitUntil: "load" });
        if (url === "/nhan-vat/") {
          await page.fill("#loc-ten", "dung");
          await page.waitForFunction(() => document.querySelector("#loc-nhan-vat-ket-qua")?.textContent !== "");
        }
        await page.addScriptTag({ path: AXE_SCRIPT });
        const results = await page.evaluate(() => (window as unknown as { axe: { run(): Promise<AxeResults> } }).axe.run());
        found[`${name} @${width}`] = results.violations.map((v) => `${v.id} (${v.impact ?? "?"}): ${v.help} → ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
        await page.close();
      }
    }
    expect(found).toEqual(Object.fromEntries(Object.keys(found).map((k) => [k, []])));
    await context.close();
  }, 240_000);

  it("a 360 px phone never scrolls sideways: wide tables scroll inside their own box", async () => {
    const context = await theBrowser().newContext({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
    const wide: Record<string, number> = {};
    for (const [name, url] of Object.entries(PAGES)) {
      const page = await context.newPage();
      await page.goto(`${origin}${url}`);
      const scrollWidth = await page.evaluate(() => (document.scrollingElement ?? document.documentElement).scrollWidth);
      if (scrollWidth > 360) wide[name] = scrollWidth;
      await page.close();
    }
    expect(wide).toEqual({});
    await context.close();
  });
});

describe("the built pages", () => {
  it("are valid HTML (html-validate, recommended rules), hostile names included", async () => {
    const validator = new HtmlValidate({ extends: ["html-validate:recommended"], rules: { "doctype-style": "off", "long-title": "off" } });
    const pages = readdirSync(out, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".html") && /^(nhan-vat|khen-thuong|du-lieu)\//.test(f));
    expect(pages.length).toBeGreaterThanOrEqual(10);
    const found: string[] = [];
    for (const file of pages) {
      const report = await validator.validateString(readFileSync(path.join(out, file), "utf8"), file);
      found.push(...report.results.flatMap((r) => r.messages.map((m) => `${file}:${m.line} ${m.ruleId}: ${m.message}`)));
    }
    expect(found).toEqual([]);
  });
});

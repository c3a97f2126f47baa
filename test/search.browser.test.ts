/**
 * Search in a real browser: the built site (the seed articles plus one
 * fixture about Đà Nẵng, for the "đường"/"Đà Nẵng" examples) served over
 * HTTP with the site's own headers, so the Content-Security-Policy applies
 * to search.js, Pagefind's worker and its WebAssembly. Debian's Chromium,
 * driven by playwright-core; missing Chromium fails the tests, never skips.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSite } from "../src/build/build-site.ts";
import { loadContent } from "../src/content/load-content.ts";
import { headersForPath, parseHeadersFile, type HeaderRule } from "../src/security-headers.ts";
import { UI } from "../src/ui-strings.ts";
import { SEED_CONTENT } from "./helpers.ts";

const CHROMIUM = "/usr/bin/chromium";
const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

const TYPES: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".xml": "application/xml",
  ".txt": "text/plain; charset=utf-8",
};

/** The seed articles (test/fixtures/seed-site), by province folder. */
const HAI_PHONG = "/hai-phong/2019/hoi-nghi-tong-ket-cong-tac-2018-trien-khai-nhiem-vu-2019/";
const BINH_DUONG = "/binh-duong/2017/hoi-nghi-tong-ket-cong-tac-2016-trien-khai-nhiem-vu-2017/";
const GIA_LAI = "/gia-lai/2016/hoi-nghi-danh-gia-nhiem-vu-2016-trien-khai-ke-hoach-2017/";
const QUANG_NGAI = "/quang-ngai/2016/trung-tam-cntt-tt-trien-khai-nhiem-vu-nam-2016/";
const HA_TINH = "/ha-tinh/2015/tong-ket-nganh-thong-tin-va-truyen-thong-ban-chi-dao-cntt/";
/** The fixture this test adds. */
const DA_NANG = "/da-nang/2024/so-giao-thong-van-tai-da-nang-tong-ket-nam-2023/";

const FIXTURE = `---
title: "Sở Giao thông vận tải Đà Nẵng tổng kết công tác năm 2023"
date: 2024-01-10T08:00
province: da-nang
agency: Sở Giao thông vận tải
---
Năm 2023, Sở đã hoàn thành nâng cấp 12 km đường ven biển và cải tạo hệ thống chiếu sáng trên các tuyến phố chính.

Năm 2024, Sở tập trung đầu tư các dự án đường nối cảng Liên Chiểu.
`;

const work = mkdtempSync(path.join(tmpdir(), "search-browser-"));
const siteRoot = path.join(work, "project");
const out = path.join(work, "site");
let server: Server | undefined;
let origin = "";
let browser: Browser | undefined;
let context: BrowserContext | undefined;

/** Serves the build as the CDN would: index.html for folders, the `_headers` rules (CSP included). */
function serve(dir: string, rules: readonly HeaderRule[]): Promise<{ server: Server; origin: string }> {
  const s = createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? "/", "http://localhost").pathname);
    const file = path.join(dir, pathname.endsWith("/") ? `${pathname}index.html` : pathname);
    if (!file.startsWith(dir + path.sep) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { "content-type": "text/plain; charset=utf-8" });
      res.end("not found");
      return;
    }
    res.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream", ...headersForPath(rules, pathname) });
    res.end(readFileSync(file));
  });
  return new Promise((resolve) => s.listen(0, "127.0.0.1", () => resolve({ server: s, origin: `http://127.0.0.1:${(s.address() as AddressInfo).port}` })));
}

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium is required at ${CHROMIUM} (Debian package "chromium": scripts/install-system-deps.sh); the browser tests are never skipped`);
  cpSync(SEED_CONTENT, path.join(siteRoot, "content"), { recursive: true });
  mkdirSync(path.join(siteRoot, "content/da-nang"), { recursive: true });
  writeFileSync(path.join(siteRoot, "content/da-nang/2024-01-10-so-giao-thong-van-tai-da-nang-tong-ket-nam-2023.md"), FIXTURE);
  await buildSite({ outDir: out, rootDir: siteRoot });
  ({ server, origin } = await serve(out, parseHeadersFile(readFileSync(path.join(out, "_headers"), "utf8"))));
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  context = await browser.newContext({ bypassCSP: false });
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

interface Shown {
  readonly status: string;
  readonly urls: string[];
  readonly dates: string[];
  readonly marks: string[];
}

/** Waits until the page has finished searching (status set, list not busy) and reads the results. */
async function results(page: Page): Promise<Shown> {
  await page.waitForFunction(
    (searching) => {
      const status = document.getElementById("search-status")?.textContent ?? "";
      return status !== "" && status !== searching && !document.getElementById("search-results")?.hasAttribute("aria-busy");
    },
    UI.searchSearching,
    { timeout: 20_000 },
  );
  return page.evaluate(() => ({
    status: document.getElementById("search-status")?.textContent ?? "",
    urls: Array.from(document.querySelectorAll("#search-results li h2 a"), (a) => a.getAttribute("href") ?? ""),
    dates: Array.from(document.querySelectorAll("#search-results li time"), (t) => t.getAttribute("datetime") ?? ""),
    marks: Array.from(document.querySelectorAll("#search-results mark"), (m) => m.textContent ?? ""),
  }));
}

/** Problems the page reported: console errors and warnings, page errors, CSP violations. */
function watch(page: Page): string[] {
  const problems: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error" || m.type() === "warning") problems.push(`${m.type()}: ${m.text()}`);
  });
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  return problems;
}

async function open(query: string): Promise<{ page: Page; shown: Shown | undefined; problems: string[] }> {
  if (!context) throw new Error("the browser did not start");
  const page = await context.newPage();
  const problems = watch(page);
  await page.goto(`${origin}/tim-kiem/${query}`);
  const shown = query ? await results(page) : undefined;
  problems.push(...(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)));
  return { page, shown, problems };
}

/** Searches by URL and returns the result URLs, closing the page. */
async function search(query: string): Promise<Shown> {
  const { page, shown, problems } = await open(query);
  await page.close();
  expect(problems, query).toEqual([]);
  if (!shown) throw new Error("no search ran");
  return shown;
}

/** Types into the search box and waits for the (debounced) search to start. */
async function type(page: Page, text: string): Promise<void> {
  await page.fill("#tu-khoa", text);
  await page.waitForFunction((q) => new URLSearchParams(location.search).get("q") === q, text, { timeout: 5_000 });
}

const count = (n: number) => UI.searchCount.replace("{n}", String(n));

describe("search in Chromium", () => {
  it("the build has the fixture and the seed articles", () => {
    const loaded = loadContent({ rootDir: siteRoot });
    expect(loaded.errors).toEqual([]);
    expect(loaded.articles.map((a) => a.url)).toEqual([DA_NANG, HAI_PHONG, BINH_DUONG, GIA_LAI, QUANG_NGAI, HA_TINH]);
  });

  it('"duong" finds "đường" (and "Dương", "dưỡng": every word that folds to duong)', async () => {
    const shown = await search("?q=duong");
    expect(shown.urls).toContain(DA_NANG); // "đường ven biển"
    expect(shown.urls).toContain(BINH_DUONG); // "Bình Dương"
    expect(shown.marks).toContain("đường");
    expect((await search(`?q=${encodeURIComponent("đường")}`)).urls).toEqual(shown.urls);
  });

  it('"da nang" finds "Đà Nẵng" (the words side by side, not "đã … năng"), and so does "Đà Nẵng"', async () => {
    const plain = await search("?q=da+nang");
    expect(plain.urls).toEqual([DA_NANG]);
    expect(plain.status).toBe(count(1));
    expect(plain.marks).toEqual(expect.arrayContaining(["Đà", "Nẵng"]));
    expect((await search(`?q=${encodeURIComponent("Đà Nẵng")}`)).urls).toEqual([DA_NANG]);
  });

  it('"so thong tin" finds "Sở Thông tin", newest first', async () => {
    const shown = await search("?q=so+thong+tin");
    expect(shown.urls).toEqual([HAI_PHONG, BINH_DUONG, GIA_LAI, QUANG_NGAI, HA_TINH]);
    expect(shown.status).toBe(count(5));
    expect([...shown.dates].sort().reverse()).toEqual(shown.dates);
    expect((await search(`?q=${encodeURIComponent("Sở Thông tin")}`)).urls).toEqual(shown.urls);
  });

  it("real đ-words of the seed articles, typed with and without diacritics", async () => {
    expect((await search("?q=duc+pho")).urls).toEqual([QUANG_NGAI]); // "huyện Đức Phổ"
    expect((await search(`?q=${encodeURIComponent("Đức Phổ")}`)).urls).toEqual([QUANG_NGAI]);
    expect((await search("?q=hdnd")).urls).toEqual([BINH_DUONG]); // "HĐND"
    expect((await search(`?q=${encodeURIComponent("HĐND")}`)).urls).toEqual([BINH_DUONG]);
    expect((await search("?q=dap+ung")).urls).toEqual([HA_TINH]); // "đáp ứng"
    expect((await search(`?q=${encodeURIComponent("đáp ứng")}`)).urls).toEqual([HA_TINH]);
  });

  it("words that no article has side by side: every article with all of them, and the reader is told", async () => {
    // The bundled articles have "bà", "rìa", "vùng", "tàu" but never "Bà Rịa – Vũng Tàu".
    const shown = await search("?q=ba+ria+vung+tau");
    expect(shown.urls.length).toBeGreaterThan(0);
    expect(shown.status).toBe(UI.searchLoose.replace("{n}", String(shown.urls.length)));
  });

  it("the province filter narrows the results, also to a former unit's current city", async () => {
    expect((await search(`?q=so+thong+tin&tinh=${encodeURIComponent("Gia Lai")}`)).urls).toEqual([GIA_LAI]);
    // Bình Dương merged into Hồ Chí Minh City: its article is listed under both.
    expect((await search(`?q=so+thong+tin&tinh=${encodeURIComponent("Hồ Chí Minh")}`)).urls).toEqual([BINH_DUONG]);
    expect((await search(`?q=so+thong+tin&tinh=${encodeURIComponent("Bình Dương")}`)).urls).toEqual([BINH_DUONG]);
  });

  it("the year filter narrows the results; filters alone list a unit's or a year's articles", async () => {
    expect((await search("?q=so+thong+tin&nam=2016")).urls).toEqual([GIA_LAI, QUANG_NGAI]);
    expect((await search(`?tinh=${encodeURIComponent("Hải Phòng")}`)).urls).toEqual([HAI_PHONG]);
    expect((await search("?nam=2016")).urls).toEqual([GIA_LAI, QUANG_NGAI]);
  });

  it("typing and choosing filters searches as you go and keeps the address linkable", async () => {
    const { page, problems } = await open("");
    await type(page, "so thong tin");
    expect((await results(page)).urls).toHaveLength(5);
    expect(new URL(page.url()).searchParams.get("q")).toBe("so thong tin");
    await page.selectOption("#loc-tinh", "Quảng Ngãi");
    expect((await results(page)).urls).toEqual([QUANG_NGAI]);
    expect(new URL(page.url()).searchParams.get("tinh")).toBe("Quảng Ngãi");
    await page.selectOption("#loc-tinh", "");
    await page.selectOption("#loc-nam", "2015");
    expect((await results(page)).urls).toEqual([HA_TINH]);
    // The linked address restores the same search.
    const again = await search(new URL(page.url()).search);
    expect(again.urls).toEqual([HA_TINH]);
    await type(page, "zzzzkhongco");
    const none = await results(page);
    expect(none.status).toBe(UI.searchNone);
    expect(none.urls).toEqual([]);
    expect(problems).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([]);
    await page.close();
  });

  it("results show the title with the query highlighted, the date and the unit", async () => {
    const { page } = await open("?q=da+nang");
    const card = page.locator("#search-results li").first();
    await expect(card.locator("h2 a").textContent()).resolves.toBe("Sở Giao thông vận tải Đà Nẵng tổng kết công tác năm 2023");
    await expect(card.locator(".meta").textContent()).resolves.toBe("10/01/2024 · Đà Nẵng");
    await expect(card.locator("h2 mark").allTextContents()).resolves.toEqual(["Đà", "Nẵng"]);
    await page.close();
  });

  it("an empty search page loads nothing from Pagefind until the reader starts a search", async () => {
    if (!context) throw new Error("the browser did not start");
    const page = await context.newPage();
    const requests: string[] = [];
    page.on("request", (r) => requests.push(new URL(r.url()).pathname));
    await page.goto(`${origin}/tim-kiem/`);
    await page.waitForTimeout(200);
    expect(requests.filter((r) => r.startsWith("/pagefind/"))).toEqual([]);
    expect(await page.textContent("#search-status")).toBe("");
    await page.close();
  });
});

/**
 * Search in a real browser: the built site (the seed articles plus two
 * fixtures: one about Đà Nẵng, for the "đường"/"Đà Nẵng" examples, one
 * with "chuyển đổi số") served over HTTP with the site's own headers, so
 * the Content-Security-Policy applies to search.js and its fetches.
 * Excerpts and highlighting, phrases, the sort switch, accessibility of
 * the results (axe-core) and the bytes one query downloads. Debian's
 * Chromium, driven by playwright-core; missing Chromium fails the tests,
 * never skips.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import type { Server } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { createRequire } from "node:module";
import type { AxeResults } from "axe-core";
import { type Browser, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSite } from "../src/build/build-site.ts";
import { loadContent } from "../src/content/load-content.ts";
import { headersForPath, parseHeadersFile, type HeaderRule } from "../src/security-headers.ts";
import { UI } from "../src/ui-strings.ts";
import { SEARCH_BUNDLE_DIR } from "../src/search/search-config.ts";
import { SEED_CONTENT } from "./helpers.ts";
import { launchChromium, requireChromium, serveStaticSite, waitForSearch } from "./browser-helpers.ts";

const AXE_SCRIPT = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

/** The seed articles (test/fixtures/seed-site), by province folder. */
const HAI_PHONG = "/hai-phong/2019/hoi-nghi-tong-ket-cong-tac-2018-trien-khai-nhiem-vu-2019/";
const BINH_DUONG = "/binh-duong/2017/hoi-nghi-tong-ket-cong-tac-2016-trien-khai-nhiem-vu-2017/";
const GIA_LAI = "/gia-lai/2016/hoi-nghi-danh-gia-nhiem-vu-2016-trien-khai-ke-hoach-2017/";
const QUANG_NGAI = "/quang-ngai/2016/trung-tam-cntt-tt-trien-khai-nhiem-vu-nam-2016/";
const HA_TINH = "/ha-tinh/2015/tong-ket-nganh-thong-tin-va-truyen-thong-ban-chi-dao-cntt/";
/** The fixtures this test adds. */
const DA_NANG = "/da-nang/2024/so-giao-thong-van-tai-da-nang-tong-ket-nam-2023/";
const DIGITAL = "/hue/2025/chuyen-doi-so-nam-2024/";
const HOSTILE = "/lam-dong/2014/bai-co-ma-doc/";

const FIXTURE = `---
title: "Sở Giao thông vận tải Đà Nẵng tổng kết công tác năm 2023"
date: 2024-01-10T08:00
province: da-nang
agency: Sở Giao thông vận tải
---
Năm 2023, Sở đã hoàn thành nâng cấp 12 km đường ven biển và cải tạo hệ thống chiếu sáng trên các tuyến phố chính.

Năm 2024, Sở tập trung đầu tư các dự án đường nối cảng Liên Chiểu.
`;

const DIGITAL_FIXTURE = `---
title: "Huế tổng kết năm 2024: chuyển đổi số trong cơ quan nhà nước"
date: 2025-01-08T09:00
province: hue
---
Năm 2024, thành phố đẩy mạnh chuyển đổi số; số hồ sơ trực tuyến tăng gấp đôi. Chuyển đổi số được xác định là nhiệm vụ trọng tâm của năm 2025.
`;

/** Markup in every field that reaches the index: it must reach the reader as text. */
const HOSTILE_FIXTURE = `---
title: "Zzmadoc <img src=x onerror=alert(1)> tổng kết"
date: 2014-03-03
province: lam-dong
agency: "<script>alert(2)</script> Sở Zzmadoc"
officials:
  - name: "Zzmadoc <b onmouseover=alert(3)>Ba</b>"
---
Zzmadoc <img src=x onerror="document.title='pwned'"> và <a href="javascript:alert(4)">liên kết</a> zzmadoc.
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
  return serveStaticSite(dir, { notFound: "text", headers: (pathname) => headersForPath(rules, pathname) });
}

beforeAll(async () => {
  requireChromium();
  cpSync(SEED_CONTENT, path.join(siteRoot, "content"), { recursive: true });
  mkdirSync(path.join(siteRoot, "content/da-nang"), { recursive: true });
  writeFileSync(path.join(siteRoot, "content/da-nang/2024-01-10-so-giao-thong-van-tai-da-nang-tong-ket-nam-2023.md"), FIXTURE);
  mkdirSync(path.join(siteRoot, "content/hue"), { recursive: true });
  writeFileSync(path.join(siteRoot, "content/hue/2025-01-08-chuyen-doi-so-nam-2024.md"), DIGITAL_FIXTURE);
  mkdirSync(path.join(siteRoot, "content/lam-dong"), { recursive: true });
  writeFileSync(path.join(siteRoot, "content/lam-dong/2014-03-03-bai-co-ma-doc.md"), HOSTILE_FIXTURE);
  await buildSite({ outDir: out, rootDir: siteRoot });
  ({ server, origin } = await serve(out, parseHeadersFile(readFileSync(path.join(out, "_headers"), "utf8"))));
  browser = await launchChromium();
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
  /** Each result's excerpt as text, with its highlighted words. */
  readonly excerpts: { text: string; marks: string[] }[];
}

/** Waits until the page has finished searching (status set, list not busy) and reads the results. */
async function results(page: Page): Promise<Shown> {
  await waitForSearch(page);
  return page.evaluate(() => ({
    status: document.getElementById("search-status")?.textContent ?? "",
    urls: Array.from(document.querySelectorAll("#search-results li h2 a"), (a) => a.getAttribute("href") ?? ""),
    dates: Array.from(document.querySelectorAll("#search-results li time"), (t) => t.getAttribute("datetime") ?? ""),
    marks: Array.from(document.querySelectorAll("#search-results mark"), (m) => m.textContent ?? ""),
    excerpts: Array.from(document.querySelectorAll("#search-results li .excerpt"), (p) => ({ text: p.textContent ?? "", marks: Array.from(p.querySelectorAll("mark"), (m) => m.textContent ?? "") })),
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

/** The highlighted words of each result card. */
async function cardMarks(query: string): Promise<string[][]> {
  const { page } = await open(query);
  const marks = await page.evaluate(() => Array.from(document.querySelectorAll("#search-results li"), (li) => Array.from(li.querySelectorAll("mark"), (m) => m.textContent ?? "")));
  await page.close();
  return marks;
}

/** Types into the search box and waits for the (debounced) search to start. */
async function type(page: Page, text: string): Promise<void> {
  await page.fill("#tu-khoa", text);
  await page.waitForFunction((q) => new URLSearchParams(location.search).get("q") === q, text, { timeout: 5_000 });
}

const count = (n: number) => UI.searchCount.replace("{n}", String(n));
const NEWEST = `&sap-xep=moi-nhat`;

describe("search in Chromium", () => {
  it("the build has the fixtures and the seed articles", () => {
    const loaded = loadContent({ rootDir: siteRoot });
    expect(loaded.errors).toEqual([]);
    expect(loaded.articles.map((a) => a.url)).toEqual([DIGITAL, DA_NANG, HAI_PHONG, BINH_DUONG, GIA_LAI, QUANG_NGAI, HA_TINH, HOSTILE]);
  });

  it('"duong" finds "đường" (and "Dương", "dưỡng": every word that folds to duong), with an excerpt around it', async () => {
    const shown = await search("?q=duong");
    expect(shown.urls).toContain(DA_NANG); // "đường ven biển"
    expect(shown.urls).toContain(BINH_DUONG); // "Bình Dương"
    expect(shown.marks).toContain("đường");
    const excerpt = shown.excerpts[shown.urls.indexOf(DA_NANG)];
    expect(excerpt?.text).toContain("nâng cấp 12 km đường ven biển");
    expect(excerpt?.marks[0]).toBe("đường");
    // Every result shows why it matched: a highlighted word in its title, unit or excerpt.
    const cards = await cardMarks("?q=duong");
    expect(cards.length).toBe(shown.urls.length);
    for (const marks of cards) expect(marks.map((m) => m.toLowerCase().normalize("NFD").replace(/\p{M}/gu, "").replace(/đ/g, "d"))).toContain("duong");
    expect((await search(`?q=${encodeURIComponent("đường")}`)).urls).toEqual(shown.urls);
  });

  it('"da nang" puts "Đà Nẵng" (the words side by side) first, and so does "Đà Nẵng"', async () => {
    const plain = await search("?q=da+nang");
    expect(plain.urls[0]).toBe(DA_NANG);
    expect(plain.marks).toEqual(expect.arrayContaining(["Đà", "Nẵng"]));
    expect((await search(`?q=${encodeURIComponent("Đà Nẵng")}`)).urls[0]).toBe(DA_NANG);
  });

  it('"so thong tin" finds "Sở Thông tin"; "Mới nhất" lists the same articles newest first', async () => {
    const relevant = await search("?q=so+thong+tin");
    const newest = await search(`?q=so+thong+tin${NEWEST}`);
    expect([...newest.urls].sort()).toEqual([...relevant.urls].sort());
    for (const url of [HAI_PHONG, BINH_DUONG, GIA_LAI, QUANG_NGAI, HA_TINH]) expect(newest.urls).toContain(url);
    // The five with all three words first, newest first; then "Sở … giao thông" (Đà Nẵng), "số" (Huế), "Sở" (Lâm Đồng).
    expect(newest.urls).toEqual([HAI_PHONG, BINH_DUONG, GIA_LAI, QUANG_NGAI, HA_TINH, DA_NANG, DIGITAL, HOSTILE]);
    expect(newest.dates.slice(0, 5)).toEqual([...newest.dates.slice(0, 5)].sort().reverse());
    expect((await search(`?q=${encodeURIComponent("Sở Thông tin")}`)).urls).toEqual(relevant.urls);
  });

  it("real đ-words of the seed articles, typed with and without diacritics, rank their article first", async () => {
    for (const [query, url] of [["duc pho", QUANG_NGAI], ["hdnd", BINH_DUONG], ["dap ung", HA_TINH]] as const) {
      expect((await search(`?q=${encodeURIComponent(query)}`)).urls[0], query).toBe(url);
      expect((await search(`?q=${encodeURIComponent({ "duc pho": "Đức Phổ", hdnd: "HĐND", "dap ung": "đáp ứng" }[query])}`)).urls[0], query).toBe(url);
    }
    expect((await search("?q=hdnd")).urls).toEqual([BINH_DUONG]); // "HĐND"
  });

  it('a quoted phrase matches its words in order: "chuyển đổi số", typed with or without diacritics, highlighted as a phrase', async () => {
    for (const q of ["“chuyển đổi số”", '"chuyen doi so"']) {
      const shown = await search(`?q=${encodeURIComponent(q)}`);
      expect(shown.urls, q).toEqual([DIGITAL]);
      expect(shown.status).toBe(count(1));
      // Both occurrences, and not the "số" of "số hồ sơ" between them.
      expect(shown.excerpts[0]?.marks).toEqual(["chuyển", "đổi", "số", "Chuyển", "đổi", "số"]);
    }
    expect((await search(`?q=${encodeURIComponent('"so chuyen doi"')}`)).status).toBe(UI.searchNone);
  });

  it("several words: articles with all of them first, then those with some, and the reader is told", async () => {
    const shown = await search("?q=duong+lien+chieu"); // only Đà Nẵng has "đường … Liên Chiểu"
    expect(shown.urls[0]).toBe(DA_NANG);
    expect(shown.urls.length).toBeGreaterThan(1);
    const told = new RegExp(`^${UI.searchPartial.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace("{n}", "(\\d+)").replace("{m}", "(\\d+)")}$`).exec(shown.status);
    expect(told, shown.status).not.toBeNull();
    expect(Number(told?.[1]) + Number(told?.[2])).toBe(shown.urls.length);
    expect(Number(told?.[2])).toBeGreaterThan(0);
  });

  it("the province filter narrows the results, also to a former unit's current city", async () => {
    expect((await search(`?q=so+thong+tin&tinh=${encodeURIComponent("Gia Lai")}`)).urls).toEqual([GIA_LAI]);
    // Bình Dương merged into Hồ Chí Minh City: its article is listed under both.
    expect((await search(`?q=so+thong+tin&tinh=${encodeURIComponent("Hồ Chí Minh")}`)).urls).toEqual([BINH_DUONG]);
    expect((await search(`?q=so+thong+tin&tinh=${encodeURIComponent("Bình Dương")}`)).urls).toEqual([BINH_DUONG]);
  });

  it("the year filter narrows the results; filters alone list a unit's or a year's articles", async () => {
    expect((await search(`?q=so+thong+tin&nam=2016${NEWEST}`)).urls).toEqual([GIA_LAI, QUANG_NGAI]);
    expect((await search(`?tinh=${encodeURIComponent("Hải Phòng")}`)).urls).toEqual([HAI_PHONG]);
    expect((await search("?nam=2016")).urls).toEqual([GIA_LAI, QUANG_NGAI]);
  });

  it("typing, filters and the sort switch search as you go and keep the address linkable", async () => {
    const { page, problems } = await open("");
    await type(page, "so thong tin");
    const typed = await results(page);
    // Five articles have the three words; "Sở … giao thông" (Đà Nẵng), "số" (Huế) and "Sở" (Lâm Đồng) only some.
    expect(typed.status).toBe(UI.searchPartial.replace("{n}", "5").replace("{m}", "3"));
    expect(new URL(page.url()).searchParams.get("q")).toBe("so thong tin");
    await page.selectOption("#sap-xep", "moi-nhat");
    const newest = await results(page);
    expect(newest.urls).toEqual([HAI_PHONG, BINH_DUONG, GIA_LAI, QUANG_NGAI, HA_TINH, DA_NANG, DIGITAL, HOSTILE]);
    expect(new URL(page.url()).searchParams.get("sap-xep")).toBe("moi-nhat");
    await page.selectOption("#loc-tinh", "Quảng Ngãi");
    expect((await results(page)).urls).toEqual([QUANG_NGAI]);
    expect(new URL(page.url()).searchParams.get("tinh")).toBe("Quảng Ngãi");
    await page.selectOption("#loc-tinh", "");
    await page.selectOption("#loc-nam", "2015");
    expect((await results(page)).urls).toEqual([HA_TINH]);
    // The linked address restores the same search, sort included.
    const { page: again, shown } = await open(new URL(page.url()).search);
    expect(shown?.urls).toEqual([HA_TINH]);
    expect(await again.inputValue("#sap-xep")).toBe("moi-nhat");
    await again.close();
    await page.selectOption("#sap-xep", "");
    expect(new URL(page.url()).searchParams.has("sap-xep")).toBe(false);
    await type(page, "zzzzkhongco");
    const none = await results(page);
    expect(none.status).toBe(UI.searchNone);
    expect(none.urls).toEqual([]);
    expect(problems).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([]);
    await page.close();
  });

  it("results show the title with the query highlighted, the date, the unit and the excerpt", async () => {
    const { page } = await open("?q=da+nang");
    const card = page.locator("#search-results li").first();
    await expect(card.locator("h2 a").textContent()).resolves.toBe("Sở Giao thông vận tải Đà Nẵng tổng kết công tác năm 2023");
    await expect(card.locator(".meta").textContent()).resolves.toBe("10/01/2024 · Đà Nẵng");
    await expect(card.locator("h2 mark").allTextContents()).resolves.toEqual(["Đà", "Nẵng"]);
    await expect(card.locator(".excerpt").count()).resolves.toBe(1);
    await page.close();
  });

  it("an article's text is shown as text: markup in the index never becomes elements", async () => {
    for (const q of ["zzmadoc", "alert"]) {
      const { page, shown, problems } = await open(`?q=${q}`);
      expect(shown?.urls[0], q).toBe(HOSTILE);
      // No element in the results but those the script makes; the markup is there as text.
      const tags = await page.evaluate(() => [...new Set(Array.from(document.querySelectorAll("#search-results *"), (e) => e.tagName.toLowerCase()))].sort());
      expect(tags.every((t) => ["a", "h2", "li", "mark", "p", "span", "time"].includes(t)), tags.join(" ")).toBe(true);
      const card = await page.textContent("#search-results li");
      expect(card).toContain("<img src=x onerror=alert(1)>");
      expect(await page.title()).not.toBe("pwned");
      expect(await page.evaluate(() => Array.from(document.querySelectorAll("#search-results a"), (a) => a.getAttribute("href") ?? "").every((h) => h.startsWith("/")))).toBe(true);
      expect(problems).toEqual([]);
      await page.close();
    }
  });

  it("axe-core finds no accessibility violation on the search page with results, sort switch and excerpts", async () => {
    if (!browser) throw new Error("the browser did not start");
    // axe is injected as a script, which a CSP-enforcing page would block: this context bypasses the CSP.
    const axeContext = await browser.newContext({ bypassCSP: true });
    const found: Record<string, string[]> = {};
    for (const width of [1280, 360]) {
      const page = await axeContext.newPage();
      await page.setViewportSize({ width, height: 800 });
      await page.goto(`${origin}/tim-kiem/?q=duong+lien+chieu`);
      await results(page);
      await page.addScriptTag({ path: AXE_SCRIPT });
      const axe = await page.evaluate(() => (window as unknown as { axe: { run(): Promise<AxeResults> } }).axe.run());
      found[String(width)] = axe.violations.map((v) => `${v.id}: ${v.help} → ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
      await page.close();
    }
    expect(found).toEqual({ "1280": [], "360": [] });
    await axeContext.close();
  });

  it("one query downloads the script, the manifest, a shard per word and a record per result shown: bytes measured", async () => {
    if (!context) throw new Error("the browser did not start");
    const page = await context.newPage();
    const sizes = new Map<string, number>();
    page.on("response", async (r) => {
      const url = new URL(r.url());
      if (url.pathname.startsWith(`/${SEARCH_BUNDLE_DIR}/`) || /\/assets\/search-/.test(url.pathname)) sizes.set(url.pathname, (await r.body()).length);
    });
    await page.goto(`${origin}/tim-kiem/?q=${encodeURIComponent("sở thông tin và truyền thông")}`);
    const shown = await results(page);
    await page.waitForTimeout(100);
    const paths = [...sizes.keys()];
    expect(paths.filter((p) => p.includes("/d/"))).toHaveLength(shown.urls.length);
    expect(paths.filter((p) => p.endsWith("/index.json"))).toHaveLength(1);
    const bytes = [...sizes.values()].reduce((a, b) => a + b, 0);
    console.log(`search: one query on ${shown.urls.length} results downloaded ${bytes} bytes in ${paths.length} files`);
    expect(bytes).toBeGreaterThan(0);
    expect(bytes).toBeLessThan(100 * 1024);
    await page.close();
  });

  it("an empty search page loads nothing of the index until the reader starts a search", async () => {
    if (!context) throw new Error("the browser did not start");
    const page = await context.newPage();
    const requests: string[] = [];
    page.on("request", (r) => requests.push(new URL(r.url()).pathname));
    await page.goto(`${origin}/tim-kiem/`);
    await page.waitForTimeout(200);
    expect(requests.filter((r) => r.startsWith(`/${SEARCH_BUNDLE_DIR}/`))).toEqual([]);
    expect(await page.textContent("#search-status")).toBe("");
    await page.close();
  });
});

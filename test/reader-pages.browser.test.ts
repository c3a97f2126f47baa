/**
 * Pages a reader would call finished (issue 10) and last-updated dates
 * (issue 7), checked on a built fixture in Debian's Chromium (never
 * downloaded, never skipped): a 360 px phone, print to PDF on A4 and A6,
 * layout shift, CSP and accessibility on every new element.
 *
 * The fixture: the five seed articles plus articles made here — a 16:9
 * photo, tags that differ only in spacing and case or collide in their
 * slug, an article alone in its province and year, a very long title —
 * in a git repository with fixed commit dates: one article edited in a
 * later commit, one only renamed, one new and uncommitted.
 */
import { execFileSync } from "node:child_process";
import type { Server } from "node:http";
import { createRequire } from "node:module";
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { AxeResults } from "axe-core";
import { type Browser, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSite } from "../src/build/build-site.ts";
import { headersForPath, parseHeadersFile, type HeaderRule } from "../src/security-headers.ts";
import { siteConfigFromEnv } from "../src/site-config.ts";
import { UI } from "../src/ui-strings.ts";
import { copyFixture } from "./helpers.ts";
import { photoJpeg } from "./image-fixtures.ts";
import { launchChromium, requireChromium, serveStaticSite } from "./browser-helpers.ts";

const AXE_SCRIPT = createRequire(import.meta.url).resolve("axe-core/axe.min.js");
const CONFIG = { ...siteConfigFromEnv({}), pageSize: 2 };

const LONG_TITLE = `Hội nghị tổng kết công tác năm 2019, triển khai nhiệm vụ năm 2020 ${"của Sở Thông tin và Truyền thông thành phố Hải Phòng cùng các đơn vị trực thuộc, ".repeat(6)}kết thúc`;

function article(fields: Record<string, string>, body = "Nội dung bài viết.\n"): string {
  return `---\n${Object.entries(fields).map(([k, v]) => `${k}: ${v}`).join("\n")}\n---\n${body}`;
}

/** Runs git with fixed dates and identity, never the machine's settings. */
function git(cwd: string, args: readonly string[], date = "2024-01-01T09:00:00+07:00"): void {
  execFileSync("git", ["-c", "user.name=Biên tập", "-c", "user.email=bien-tap@example.gov.vn", "-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main", ...args], {
    cwd,
    env: { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date, GIT_CONFIG_NOSYSTEM: "1", GIT_CONFIG_GLOBAL: "/dev/null" },
    stdio: "pipe",
  });
}

const root = copyFixture("seed-site", "reader-pages-");
const out = path.join(mkdtempSync(path.join(tmpdir(), "reader-pages-out-")), "site");
const URLS = {
  photo: "/gia-lai/2024/anh-16-9/",
  tagged: "/gia-lai/2024/chu-de-trung/",
  alone: "/son-la/2014/mot-minh/",
  long: "/hai-phong/2020/tieu-de-dai/",
  renamed: "/ha-tinh/2015/tong-ket-nganh-thong-tin-va-truyen-thong-doi-ten/",
  uncommitted: "/gia-lai/2024/chua-commit/",
};
let server: Server | undefined;
let origin = "";
let browser: Browser | undefined;
let rules: HeaderRule[] = [];

function read(file: string): string {
  return readFileSync(path.join(out, file), "utf8");
}

function serve(dir: string): Promise<{ server: Server; origin: string }> {
  return serveStaticSite(dir, { headers: (pathname) => headersForPath(rules, pathname) });
}

beforeAll(async () => {
  requireChromium();
  const content = path.join(root, "content");
  writeFileSync(path.join(content, "gia-lai/anh-16-9.jpg"), await photoJpeg(1600, 900, { seed: 3 }));
  writeFileSync(
    path.join(content, "gia-lai/2024-01-10-anh-16-9.md"),
    article({ title: "Ảnh 16:9 ở đầu bài", date: "2024-01-10T08:00", province: "gia-lai", tags: "[Chuyển đổi số, Tổng kết]", image: "{ src: anh-16-9.jpg, alt: Toàn cảnh hội nghị }" }, "Đoạn một.\n\nĐoạn hai.\n"),
  );
  writeFileSync(path.join(content, "gia-lai/2024-01-12-chu-de-trung.md"), article({ title: "Chủ đề viết khác", date: "2024-01-12", province: "gia-lai", tags: '["chuyển  đổi SỐ", "Tổng két", "!!!"]' }));
  mkdirSync(path.join(content, "son-la"));
  writeFileSync(path.join(content, "son-la/2014-03-01-mot-minh.md"), article({ title: "Bài duy nhất của Sơn La năm 2014", date: "2014-03-01", province: "son-la" }));
  writeFileSync(path.join(content, "hai-phong/2020-01-05-tieu-de-dai.md"), article({ title: JSON.stringify(LONG_TITLE), date: "2020-01-05", province: "hai-phong", tags: "[Chuyển đổi số]" }));
  git(root, ["init", "-q"]);
  git(root, ["add", "-A"]);
  git(root, ["commit", "-q", "-m", "Bài đầu tiên"], "2024-01-15T09:00:00+07:00");
  // A later edit of one article, a rename of another (same text), then a new file left uncommitted.
  const edited = path.join(content, "gia-lai/2024-01-10-anh-16-9.md");
  writeFileSync(edited, readFileSync(edited, "utf8").replace("Đoạn hai.", "Đoạn hai, đã sửa."));
  git(root, ["add", "-A"]);
  git(root, ["commit", "-q", "-m", "Sửa bài"], "2025-03-04T10:00:00+07:00");
  renameSync(path.join(content, "ha-tinh/2015-12-07-tong-ket-nganh-thong-tin-va-truyen-thong-ban-chi-dao-cntt.md"), path.join(content, "ha-tinh/2015-12-07-tong-ket-nganh-thong-tin-va-truyen-thong-doi-ten.md"));
  git(root, ["add", "-A"]);
  git(root, ["commit", "-q", "-m", "Đổi tên tệp"], "2025-05-06T10:00:00+07:00");
  writeFileSync(path.join(content, "gia-lai/2024-02-01-chua-commit.md"), article({ title: "Bài chưa commit", date: "2024-02-01", province: "gia-lai" }));
  await buildSite({ outDir: out, rootDir: root, config: CONFIG });
  rules = parseHeadersFile(read("_headers"));
  ({ server, origin } = await serve(out));
  browser = await launchChromium();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  rmSync(path.dirname(out), { recursive: true, force: true });
  rmSync(root, { recursive: true, force: true });
});

function theBrowser(): Browser {
  if (!browser) throw new Error("Chromium did not start");
  return browser;
}

async function phone(): Promise<BrowserContext> {
  return theBrowser().newContext({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
}

async function open(context: BrowserContext, url: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${origin}${url}`, { waitUntil: "load" });
  return page;
}

function shareUrlOf(articleUrl: string): string {
  const href = /<p class="share-page-link"><a href="([^"]+)">/.exec(read(`${articleUrl.slice(1)}index.html`))?.[1];
  if (!href) throw new Error(`no share page link on ${articleUrl}`);
  return href;
}

describe("on a 360 px phone", () => {
  it("the menu is one line under the site name and 'Tìm kiếm', on every kind of page", async () => {
    const context = await phone();
    const found: Record<string, unknown> = {};
    for (const url of ["/", URLS.photo, "/tinh-thanh/", "/chu-de/", "/gia-lai/"]) {
      const page = await open(context, url);
      const layout = await page.evaluate(() => {
        const items = Array.from(document.querySelectorAll(".site-header nav li")).map((li) => li.getBoundingClientRect());
        const ul = document.querySelector(".site-header nav ul");
        const search = document.querySelector(".header-search")?.getBoundingClientRect();
        const brand = document.querySelector(".brand")?.getBoundingClientRect();
        return {
          items: items.length,
          tops: new Set(items.map((r) => Math.round(r.top))).size,
          fits: ul ? ul.scrollWidth <= ul.clientWidth : false,
          searchOnBrandLine: !!search && !!brand && Math.abs(search.top + search.height / 2 - (brand.top + brand.height / 2)) < 8,
          searchOneLine: !!search && search.height < 40,
        };
      });
      found[url] = layout;
      await page.close();
    }
    expect(found).toEqual(Object.fromEntries(Object.keys(found).map((u) => [u, { items: 4, tops: 1, fits: true, searchOnBrandLine: true, searchOneLine: true }])));
    await context.close();
  });

  it("the breadcrumb never starts a line with '›': the separator ends the item before it", async () => {
    const context = await phone();
    const page = await open(context, URLS.long);
    const crumbs = await page.evaluate(() =>
      Array.from(document.querySelectorAll(".crumbs li")).map((li) => ({ before: getComputedStyle(li, "::before").content, after: getComputedStyle(li, "::after").content, text: li.textContent ?? "" })),
    );
    expect(crumbs.length).toBe(3);
    for (const c of crumbs) expect(c.before).toBe("none");
    expect(crumbs.map((c) => c.after)).toEqual(['"›"', '"›"', "none"]);
    await context.close();
  });

  it("lists show each article's thumbnail at 4:3, and the lead photo keeps its own 16:9 shape with no box around it", async () => {
    const context = await phone();
    const home = await open(context, "/trang/2/");
    const homeThumbs = await home.locator(".card img.thumb").count();
    const province = await open(context, "/gia-lai/trang/2/");
    const thumb = province.locator(`.card:has(a[href="${URLS.photo}"]) img.thumb`);
    await expect(thumb.count()).resolves.toBe(1);
    expect(await thumb.getAttribute("alt")).toBe("");
    expect([await thumb.getAttribute("width"), await thumb.getAttribute("height")]).toEqual(["240", "180"]);
    const box = await thumb.boundingBox();
    expect((box?.width ?? 0) / (box?.height ?? 1)).toBeCloseTo(4 / 3, 1);
    // Articles without a photo have no thumbnail and no empty box.
    expect(await (await open(context, "/gia-lai/")).locator(`.card:has(a[href="${URLS.tagged}"]) .card-thumb`).count()).toBe(0);
    expect(homeThumbs + (await (await open(context, "/")).locator(".card img.thumb").count())).toBeGreaterThan(0);
    const page = await open(context, URLS.photo);
    const figure = await page.evaluate(() => {
      const img = document.querySelector("figure.lead img");
      const fig = document.querySelector("figure.lead picture");
      const r = img?.getBoundingClientRect();
      const p = fig?.getBoundingClientRect();
      return { ratio: r ? r.width / r.height : 0, pictureHeight: p?.height ?? 0, imgHeight: r?.height ?? 0, complete: img instanceof HTMLImageElement && img.complete && img.naturalWidth > 0 };
    });
    expect(figure.complete).toBe(true);
    expect(figure.ratio).toBeCloseTo(16 / 9, 1);
    expect(Math.abs(figure.pictureHeight - figure.imgHeight)).toBeLessThan(2);
    await context.close();
  });

  it("the QR page keeps the short URL's host on one line", async () => {
    const context = await phone();
    const page = await open(context, shareUrlOf(URLS.long));
    const host = page.locator(".short-host");
    await expect(host.textContent()).resolves.toBe(new URL(CONFIG.url).host);
    const lines = await host.evaluate((e) => e.getClientRects().length);
    expect(lines).toBe(1);
    const scrollWidth = await page.evaluate(() => (document.scrollingElement ?? document.documentElement).scrollWidth);
    expect(scrollWidth).toBeLessThanOrEqual(360);
    await context.close();
  });

  it("no layout shift while the article with a photo loads (thumbnails and photo boxes are sized in advance)", async () => {
    const context = await phone();
    await context.addInitScript(() => {
      (window as unknown as { __cls: number }).__cls = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
          if (!entry.hadRecentInput) (window as unknown as { __cls: number }).__cls += entry.value;
        }
      }).observe({ type: "layout-shift", buffered: true });
    });
    const shifts: Record<string, number> = {};
    for (const url of [URLS.photo, "/gia-lai/", URLS.alone]) {
      const page = await open(context, url);
      await page.waitForTimeout(300);
      shifts[url] = await page.evaluate(() => (window as unknown as { __cls: number }).__cls);
      await page.close();
    }
    expect(shifts).toEqual(Object.fromEntries(Object.keys(shifts).map((u) => [u, 0])));
    await context.close();
  });
});

describe("printing", () => {
  /** Pages in a PDF: its page objects (/Type /Page, not /Pages). */
  function pageCount(pdf: Buffer): number {
    return pdf.toString("latin1").match(/\/Type\s*\/Page(?![a-z])/g)?.length ?? 0;
  }

  it("the QR card fits one sheet of A4 and of A6, portrait and landscape, with a short or a very long title", async () => {
    const context = await theBrowser().newContext();
    const counts: Record<string, number> = {};
    for (const articleUrl of [URLS.long, URLS.alone]) {
      const page = await open(context, shareUrlOf(articleUrl));
      for (const format of ["A4", "A6"] as const) {
        for (const landscape of [false, true]) counts[`${articleUrl} ${format}${landscape ? " landscape" : ""}`] = pageCount(await page.pdf({ format, landscape }));
      }
      // Everything a reader needs is printed: the site's name, the code, the short URL.
      await page.emulateMedia({ media: "print" });
      await expect(page.locator(".print-brand").isVisible()).resolves.toBe(true);
      await expect(page.locator(".share-qr svg").isVisible()).resolves.toBe(true);
      await expect(page.locator(".short-url").isVisible()).resolves.toBe(true);
      await expect(page.locator(".share-actions").isVisible()).resolves.toBe(false);
      await page.close();
    }
    expect(counts).toEqual(Object.fromEntries(Object.keys(counts).map((k) => [k, 1])));
    await context.close();
  });

  it("the printed QR code stays large enough to scan (at least 4.5 cm on A6)", async () => {
    const context = await theBrowser().newContext();
    const page = await open(context, shareUrlOf(URLS.long));
    await page.emulateMedia({ media: "print" });
    // A6 portrait at 96 px per inch, less the 1.5 cm margins: the page box print media gives.
    await page.setViewportSize({ width: Math.round(((105 - 30) / 25.4) * 96), height: Math.round(((148 - 30) / 25.4) * 96) });
    const side = await page.locator(".share-qr svg").evaluate((e) => e.getBoundingClientRect().width);
    expect((side / 96) * 2.54).toBeGreaterThan(3.5);
    await context.close();
  });

  it("printed pages carry the site's name and address", async () => {
    const context = await theBrowser().newContext();
    for (const url of [URLS.photo, "/gia-lai/"]) {
      const page = await open(context, url);
      await expect(page.locator(".print-brand").isVisible()).resolves.toBe(false);
      await page.emulateMedia({ media: "print" });
      await expect(page.locator(".print-brand").isVisible()).resolves.toBe(true);
      await expect(page.locator(".print-brand").textContent()).resolves.toBe(`${UI.siteName} · ${new URL(CONFIG.url).host}`);
      await page.close();
    }
    await context.close();
  });
});

describe("tags", () => {
  it("an article's tags link to their pages; spellings of one tag share a page, colliding slugs get their own", () => {
    const photo = read("gia-lai/2024/anh-16-9/index.html");
    expect(photo).toContain('<p class="tags">Chủ đề: <a href="/chu-de/chuyen-doi-so/">Chuyển đổi số</a>, <a href="/chu-de/tong-ket/">Tổng kết</a></p>');
    const tagged = read("gia-lai/2024/chu-de-trung/index.html");
    expect(tagged).toContain('<a href="/chu-de/chuyen-doi-so/">chuyển đổi SỐ</a>');
    expect(tagged).toContain('<a href="/chu-de/tong-ket-2/">Tổng két</a>');
    expect(tagged).toContain('<a href="/chu-de/chu-de/">!!!</a>');
  });

  it("tag pages are paginated, newest first, shown in the spelling of the oldest article, and in the sitemap", () => {
    const first = read("chu-de/chuyen-doi-so/index.html");
    expect(first).toContain("<h1>Chủ đề: Chuyển đổi số</h1>");
    expect(first.indexOf(URLS.tagged)).toBeGreaterThan(0);
    expect(first.indexOf(URLS.tagged)).toBeLessThan(first.indexOf(URLS.photo));
    expect(first).toContain('<a rel="next" href="/chu-de/chuyen-doi-so/trang/2/">');
    const second = read("chu-de/chuyen-doi-so/trang/2/index.html");
    expect(second).toContain(URLS.long);
    const index = read("chu-de/index.html");
    expect(index).toContain('<a href="/chu-de/chuyen-doi-so/">Chuyển đổi số</a> <span class="count">3 bài</span>');
    const sitemap = read("sitemap.xml");
    for (const url of ["/chu-de/", "/chu-de/chuyen-doi-so/", "/chu-de/chuyen-doi-so/trang/2/", "/chu-de/tong-ket-2/"]) expect(sitemap).toContain(`<loc>${CONFIG.url}${url}</loc>`);
  });
});

describe("the rest of a finished page", () => {
  it("an article alone in its province and year ends on the latest news", () => {
    const page = read("son-la/2014/mot-minh/index.html");
    const section = /<section class="related" aria-labelledby="tin-moi"><h2 id="tin-moi">([^<]+)<\/h2><ul>(.*?)<\/ul><\/section>/s.exec(page);
    expect(section?.[1]).toBe(UI.latest);
    const links = [...(section?.[2] ?? "").matchAll(/<a href="([^"]+)">/g)].map((m) => m[1]);
    expect(links).toHaveLength(5);
    expect(links).not.toContain(URLS.alone);
    // An article with neighbours keeps "Tin khác".
    expect(read("gia-lai/2024/anh-16-9/index.html")).toContain(`<h2 id="tin-khac">${UI.related}</h2>`);
  });

  it("unit names read as written: 'Tin tỉnh Gia Lai', 'Tin thành phố Hải Phòng'", () => {
    expect(read("gia-lai/index.html")).toContain("<h1>Tin tỉnh Gia Lai</h1>");
    expect(read("hai-phong/index.html")).toContain("<h1>Tin thành phố Hải Phòng</h1>");
    expect(read("gia-lai/feed.xml")).toContain("Tin tỉnh Gia Lai – ");
  });

  it("the province directory is a grid per region with counts, empty units de-emphasised", async () => {
    const context = await phone();
    const page = await open(context, "/tinh-thanh/");
    const regions = await page.locator("section.region").count();
    expect(regions).toBe(6);
    expect(await page.locator(".directory > li").count()).toBe(34);
    const gialai = page.locator('.directory > li:has(> a[href="/gia-lai/"])');
    await expect(gialai.locator("> .count").textContent()).resolves.toBe("4 bài");
    await expect(gialai.getAttribute("class")).resolves.toBe("unit");
    const hanoi = page.locator('.directory > li:has(> a[href="/ha-noi/"])');
    await expect(hanoi.getAttribute("class")).resolves.toBe("unit empty");
    await expect(hanoi.locator("> .count").textContent()).resolves.toBe(UI.noArticlesShort);
    // Two columns on a phone: compact.
    const columns = await page.locator(".directory").first().evaluate((e) => getComputedStyle(e).gridTemplateColumns.split(" ").length);
    expect(columns).toBe(2);
    await context.close();
  });
});

describe("last updated, from git history", () => {
  it("an article edited in a later commit shows when, in +07:00, on its page and in its JSON-LD", () => {
    const page = read("gia-lai/2024/anh-16-9/index.html");
    expect(page).toContain(`<span class="updated">${UI.updatedOn} <time datetime="2025-03-04T10:00:00+07:00">04/03/2025, 10:00</time></span>`);
    expect(page).toContain('"dateModified":"2025-03-04T10:00:00+07:00"');
  });

  it("articles never edited, only renamed, or not committed show their publication date only", () => {
    for (const url of [URLS.tagged, URLS.renamed, URLS.uncommitted, URLS.alone]) expect(read(`${url.slice(1)}index.html`), url).not.toContain('class="updated"');
  });

  it("the sitemap's lastmod and the feeds' updated follow the last change; RSS pubDate stays the publication date", () => {
    const sitemap = read("sitemap.xml");
    expect(sitemap).toContain(`<loc>${CONFIG.url}${URLS.photo}</loc><lastmod>2025-03-04</lastmod>`);
    expect(sitemap).toContain(`<loc>${CONFIG.url}${URLS.renamed}</loc><lastmod>2015-12-07</lastmod>`);
    expect(sitemap).toContain(`<loc>${CONFIG.url}${URLS.uncommitted}</loc><lastmod>2024-02-01</lastmod>`);
    const json = JSON.parse(read("gia-lai/feed.json")) as { items: { url: string; date_published: string; date_modified: string }[] };
    const item = json.items.find((i) => i.url === `${CONFIG.url}${URLS.photo}`);
    expect(item).toMatchObject({ date_published: "2024-01-10T08:00:00+07:00", date_modified: "2025-03-04T10:00:00+07:00" });
    const atom = read("gia-lai/atom.xml");
    expect(atom).toMatch(/<feed[^]*?<updated>2025-03-04T10:00:00\+07:00<\/updated>/);
    const rss = read("gia-lai/feed.xml");
    expect(rss).toContain("<pubDate>Wed, 10 Jan 2024 08:00:00 +0700</pubDate>");
    expect(rss).not.toMatch(/<pubDate>[^<]*Mar 2025/);
    expect(rss).toContain("<lastBuildDate>Tue, 04 Mar 2025 10:00:00 +0700</lastBuildDate>");
  });
});

describe("the same commit builds the same bytes", () => {
  it("a second build of the repository gives byte-identical pages, sitemap and feeds", async () => {
    const again = path.join(path.dirname(out), "again");
    await buildSite({ outDir: again, rootDir: root, config: CONFIG });
    const files = ["sitemap.xml", "feed.xml", "atom.xml", "feed.json", "gia-lai/feed.json", `${URLS.photo.slice(1)}index.html`, "chu-de/index.html", "chu-de/chuyen-doi-so/index.html", "tinh-thanh/index.html", "index.html"];
    for (const file of files) expect(readFileSync(path.join(again, file), "utf8"), file).toBe(read(file));
  }, 240_000);
});

describe("in Chromium, the new elements pass the CSP and accessibility checks", () => {
  const pages = () => ["/", "/trang/2/", "/gia-lai/", "/tinh-thanh/", "/chu-de/", "/chu-de/chuyen-doi-so/", URLS.photo, URLS.alone, shareUrlOf(URLS.long)];

  it("zero CSP violations and zero console errors", async () => {
    const context = await theBrowser().newContext();
    await context.addInitScript(() => {
      (window as unknown as { __csp: string[] }).__csp = [];
      document.addEventListener("securitypolicyviolation", (e) => (window as unknown as { __csp: string[] }).__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    const problems: Record<string, string[]> = {};
    for (const url of pages()) {
      const page = await context.newPage();
      const seen: string[] = [];
      page.on("console", (m) => {
        if (m.type() === "error" || m.type() === "warning") seen.push(m.text());
      });
      page.on("pageerror", (e) => seen.push(e.message));
      const response = await page.goto(`${origin}${url}`, { waitUntil: "load" });
      expect(response?.status(), url).toBe(200);
      expect(response?.headers()["content-security-policy"], url).toBeTruthy();
      await page.waitForTimeout(50);
      seen.push(...(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)));
      problems[url] = seen;
      await page.close();
    }
    expect(problems).toEqual(Object.fromEntries(Object.keys(problems).map((u) => [u, []])));
    await context.close();
  }, 120_000);

  it("axe-core finds zero violations at 360 px and 1280 px", async () => {
    const context = await theBrowser().newContext({ bypassCSP: true });
    const found: Record<string, string[]> = {};
    for (const url of pages()) {
      for (const width of [360, 1280]) {
        const page = await context.newPage();
        await page.setViewportSize({ width, height: 800 });
        await page.goto(`${origin}${url}`, { waitUntil: "load" });
        await page.addScriptTag({ path: AXE_SCRIPT });
        const results = await page.evaluate(() => (window as unknown as { axe: { run(): Promise<AxeResults> } }).axe.run());
        found[`${url} @${width}`] = results.violations.map((v) => `${v.id}: ${v.help} → ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
        await page.close();
      }
    }
    expect(found).toEqual(Object.fromEntries(Object.keys(found).map((k) => [k, []])));
    await context.close();
  }, 240_000);
});

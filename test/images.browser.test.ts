/**
 * Article pictures in a real browser (Debian's Chromium through
 * playwright-core; never downloaded, never skipped), on a fixture site
 * with camera-sized photos built in a temp folder:
 * - the first screen of an article on a 360 px phone downloads at most
 *   150 KB in all (HTML + CSS + JS + pictures), counted from the network;
 * - no layout shift (CLS 0) while the pictures arrive, even slowly;
 * - the browser picks the small AVIF, not the JPEG or the 1200 px file;
 * - pages with pictures keep zero CSP violations and zero axe violations.
 */
import type { Server } from "node:http";
import { createRequire } from "node:module";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { AxeResults } from "axe-core";
import { type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSite } from "../src/build/build-site.ts";
import { headersForPath, parseHeadersFile, type HeaderRule } from "../src/security-headers.ts";
import { photoJpeg } from "./image-fixtures.ts";
import { mdFile } from "./helpers.ts";
import { launchChromium, requireChromium, serveStaticSite } from "./browser-helpers.ts";

const AXE_SCRIPT = createRequire(import.meta.url).resolve("axe-core/axe.min.js");
/** The bar for the first screen of an article with a photo on a 360 px phone. */
const FIRST_SCREEN_BUDGET = 150 * 1024;

const work = mkdtempSync(path.join(tmpdir(), "images-browser-"));
const out = path.join(work, "site");
let server: Server | undefined;
let origin = "";
let browser: Browser | undefined;
/** Delay for picture responses (ms), to show that boxes are reserved before the files arrive. */
let imageDelay = 0;

function serve(dir: string, rules: readonly HeaderRule[]): Promise<{ server: Server; origin: string }> {
  return serveStaticSite(dir, { gzipText: true, delay: (pathname) => (pathname.startsWith("/anh/") ? imageDelay : 0), headers: (pathname) => headersForPath(rules, pathname) });
}

const LONG_TEXT = Array.from({ length: 14 }, (_, i) => `Đoạn ${i + 1}: Sở Thông tin và Truyền thông tổng kết công tác năm 2016, đánh giá kết quả chuyển đổi số, cải cách hành chính và đề ra nhiệm vụ trọng tâm năm 2017 cho toàn ngành trên địa bàn tỉnh.`).join("\n\n");
const ARTICLES = {
  landscape: "/gia-lai/2016/anh-ngang/",
  portrait: "/gia-lai/2016/anh-doc/",
};
/** A body picture right under the lead photo: Chrome fetches lazy pictures within ~1250 px of the screen, so it counts too. */
const NEAR_PICTURE = "/gia-lai/2016/anh-gan/";

beforeAll(async () => {
  requireChromium();
  const dir = path.join(work, "root/content/gia-lai");
  mkdirSync(dir, { recursive: true });
  // Camera-sized photos: 3000 × 2000 (about 2–3 MB as committed) and a portrait one.
  writeFileSync(path.join(dir, "toan-canh.jpg"), await photoJpeg(3000, 2000, { seed: 3 }));
  writeFileSync(path.join(dir, "chan-dung.jpg"), await photoJpeg(1500, 2000, { seed: 5 }));
  writeFileSync(path.join(dir, "trao-thuong.jpg"), await photoJpeg(2400, 1600, { seed: 9 }));
  const fm = (title: string, image: string) => `title: ${title}\ndate: 2016-11-29\nprovince: gia-lai\nagency: Sở Thông tin và Truyền thông\nimage:\n  src: ${image}\n  alt: Toàn cảnh hội nghị\n  caption: Toàn cảnh hội nghị tại phòng họp Sở`;
  writeFileSync(path.join(dir, "2016-11-29-anh-ngang.md"), mdFile(fm("Hội nghị tổng kết công tác năm 2016, triển khai nhiệm vụ năm 2017", "toan-canh.jpg"), `${LONG_TEXT}\n\n![Trao thưởng cho các cá nhân](trao-thuong.jpg)\n\n${LONG_TEXT}`));
  writeFileSync(path.join(dir, "2016-11-30-anh-doc.md"), mdFile(fm("Phó Giám đốc Sở phát biểu tại hội nghị", "chan-dung.jpg"), `${LONG_TEXT}\n\n![Trao thưởng](trao-thuong.jpg)`));
  writeFileSync(path.join(dir, "2016-12-01-anh-gan.md"), mdFile(fm("Trao thưởng tại hội nghị", "chan-dung.jpg"), `Mở đầu.\n\n![Trao thưởng](trao-thuong.jpg)\n\n${LONG_TEXT}`));
  await buildSite({ outDir: out, rootDir: path.join(work, "root") });
  const rules = parseHeadersFile(readFileSync(path.join(out, "_headers"), "utf8"));
  ({ server, origin } = await serve(out, rules));
  browser = await launchChromium();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  rmSync(work, { recursive: true, force: true });
});

function theBrowser(): Browser {
  if (!browser) throw new Error("Chromium did not start");
  return browser;
}

/** Opens a page on a phone and sums what the network delivered until it went quiet. */
async function firstScreen(url: string, deviceScaleFactor: number): Promise<{ total: number; byType: Record<string, number>; requests: string[]; page: Page }> {
  const context = await theBrowser().newContext({ viewport: { width: 360, height: 740 }, deviceScaleFactor, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  const finished: Promise<void>[] = [];
  const byType: Record<string, number> = {};
  const requests: string[] = [];
  let total = 0;
  page.on("requestfinished", (request) => {
    finished.push(
      request.sizes().then((sizes) => {
        const bytes = sizes.responseBodySize + sizes.responseHeadersSize;
        total += bytes;
        byType[request.resourceType()] = (byType[request.resourceType()] ?? 0) + bytes;
        requests.push(`${new URL(request.url()).pathname} ${bytes}`);
      }),
    );
  });
  await page.goto(`${origin}${url}`, { waitUntil: "networkidle" });
  await Promise.all(finished);
  return { total, byType, requests, page };
}

describe("an article with photos on a 360 px phone", () => {
  it(`downloads at most ${FIRST_SCREEN_BUDGET / 1024} KB for its first screen (HTML + CSS + JS + pictures)`, async () => {
    const figures: Record<string, number> = {};
    for (const [name, url] of Object.entries(ARTICLES)) {
      for (const dpr of [2, 3]) {
        const { total, byType, requests, page } = await firstScreen(url, dpr);
        figures[`${name} @${dpr}x`] = total;
        console.log(`first screen ${name} @${dpr}x: ${total} bytes ${JSON.stringify(byType)}\n  ${requests.join("\n  ")}`);
        // The lead photo came as AVIF, sized for the screen, not the 1200 px file or the JPEG.
        const current = await page.evaluate(() => document.querySelector<HTMLImageElement>("figure.lead img")?.currentSrc ?? "");
        expect(current, `${name} @${dpr}x`).toMatch(dpr === 2 ? /-720\.avif$/ : /-(720|1200|1125)\.avif$/);
        // No original file is ever requested.
        expect(requests.filter((r) => /toan-canh|chan-dung|trao-thuong/.test(r))).toEqual([]);
        if (dpr === 2) expect(total, `${name} @${dpr}x: ${requests.join(", ")}`).toBeLessThanOrEqual(FIRST_SCREEN_BUDGET);
        await page.context().close();
      }
    }
    // Measured and reported, not held to the bar: the lazy picture just below the lead is fetched with the first screen.
    const near = await firstScreen(NEAR_PICTURE, 2);
    figures["portrait + body picture right below @2x"] = near.total;
    await near.page.context().close();
    console.log(`first-screen bytes: ${JSON.stringify(figures)}`);
  });

  it("has no layout shift while the pictures arrive (CLS 0), even when they arrive late, at phone and desktop widths", async () => {
    imageDelay = 600;
    try {
      const shifts: Record<string, number> = {};
      for (const [width, height] of [[360, 740], [1280, 800]] as const) {
        const context = await theBrowser().newContext({ viewport: { width, height } });
        await context.addInitScript(() => {
          (window as unknown as { __cls: number }).__cls = 0;
          new PerformanceObserver((list) => {
            for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
              if (!entry.hadRecentInput) (window as unknown as { __cls: number }).__cls += entry.value;
            }
          }).observe({ type: "layout-shift", buffered: true });
        });
        for (const [name, url] of Object.entries(ARTICLES)) {
          const page = await context.newPage();
          await page.goto(`${origin}${url}`, { waitUntil: "load" });
          // Bring every picture into view so the lazy ones load too, then back to the top.
          for (let i = 0; i < (await page.locator("img").count()); i++) {
            await page.locator("img").nth(i).scrollIntoViewIfNeeded();
            await page.waitForTimeout(100);
          }
          await page
            .waitForFunction(() => Array.from(document.images).every((img) => img.complete && img.naturalWidth > 0), null, { timeout: 20_000 })
            .catch(async (error: unknown) => {
              const pending = await page.evaluate(() => Array.from(document.images).filter((img) => !(img.complete && img.naturalWidth > 0)).map((img) => `${img.currentSrc || img.src} complete=${img.complete}`));
              throw new Error(`${name} @${width}: pictures not loaded: ${pending.join(", ")} (${String(error)})`);
            });
          await page.evaluate(() => window.scrollTo(0, 0));
          await page.waitForTimeout(200);
          shifts[`${name} @${width}`] = await page.evaluate(() => (window as unknown as { __cls: number }).__cls);
          await page.close();
        }
        await context.close();
      }
      expect(shifts).toEqual(Object.fromEntries(Object.keys(shifts).map((k) => [k, 0])));
      // The observer does see shifts (the harness is not blind): push the article down and it reports one.
      const context = await theBrowser().newContext({ viewport: { width: 360, height: 740 } });
      const page = await context.newPage();
      await page.goto(`${origin}${ARTICLES.landscape}`, { waitUntil: "load" });
      const seen = await page.evaluate(
        () =>
          new Promise<number>((resolve) => {
            let total = 0;
            new PerformanceObserver((list) => {
              for (const entry of list.getEntries() as (PerformanceEntry & { value: number })[]) total += entry.value;
            }).observe({ type: "layout-shift" });
            const block = document.createElement("p");
            block.textContent = "x".repeat(400);
            document.querySelector("main")?.prepend(block);
            setTimeout(() => resolve(total), 300);
          }),
      );
      expect(seen).toBeGreaterThan(0.01);
      await context.close();
    } finally {
      imageDelay = 0;
    }
  });

  it("shows photos at their own aspect ratio, within the column", async () => {
    const context = await theBrowser().newContext({ viewport: { width: 360, height: 740 } });
    for (const [name, url] of Object.entries(ARTICLES)) {
      const page = await context.newPage();
      await page.goto(`${origin}${url}`, { waitUntil: "load" });
      const box = await page.evaluate(() => {
        const img = document.querySelector<HTMLImageElement>("figure.lead img");
        const r = img?.getBoundingClientRect();
        return { w: r?.width ?? 0, h: r?.height ?? 0, nw: img?.naturalWidth ?? 0, nh: img?.naturalHeight ?? 1 };
      });
      expect(box.w, name).toBeGreaterThan(300);
      expect(box.w, name).toBeLessThanOrEqual(328);
      expect(box.w / box.h, name).toBeCloseTo(box.nw / box.nh, 2);
      await page.close();
    }
    await context.close();
  });

  it("keeps zero CSP violations, zero console errors and zero axe violations on pages with pictures", async () => {
    const context = await theBrowser().newContext();
    const found: Record<string, string[]> = {};
    for (const [name, url] of Object.entries(ARTICLES)) {
      const page = await context.newPage();
      const problems: string[] = [];
      page.on("console", (m) => {
        if (m.type() === "error" || m.type() === "warning") problems.push(m.text());
      });
      page.on("requestfailed", (r) => problems.push(`failed: ${r.url()}`));
      await page.addInitScript(() => document.addEventListener("securitypolicyviolation", (e) => console.error(`CSP ${e.violatedDirective} ${e.blockedURI}`)));
      await page.goto(`${origin}${url}`, { waitUntil: "networkidle" });
      found[`${name} console`] = problems;
      await page.close();
    }
    const axeContext = await theBrowser().newContext({ bypassCSP: true });
    for (const [name, url] of Object.entries(ARTICLES)) {
      for (const width of [360, 1280]) {
        const page = await axeContext.newPage();
        await page.setViewportSize({ width, height: 800 });
        await page.goto(`${origin}${url}`, { waitUntil: "load" });
        await page.addScriptTag({ path: AXE_SCRIPT });
        const results = await page.evaluate(() => (window as unknown as { axe: { run(): Promise<AxeResults> } }).axe.run());
        found[`${name} axe @${width}`] = results.violations.map((v) => `${v.id}: ${v.help}`);
        await page.close();
      }
    }
    expect(found).toEqual(Object.fromEntries(Object.keys(found).map((k) => [k, []])));
    await context.close();
    await axeContext.close();
  });
});

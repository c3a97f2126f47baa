/**
 * The web editor (/admin/) in a real browser: a fixture site is built (the
 * real admin page, bundle and generated config.yml), served with its own
 * `_headers`, and driven in Debian's Chromium through Decap's in-browser
 * test-repo backend — the only change to the generated configuration is the
 * backend's name. Every page load records Content-Security-Policy
 * violations, console errors and uncaught errors; none is allowed.
 *
 * The files the editor writes are taken out of the test backend and run
 * through the real content loader (src/content/), which must accept them
 * with the values typed into the form.
 */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import type { Server } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { type Browser, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSite } from "../src/build/build-site.ts";
import { adminConfig, renderConfigYaml } from "../src/cms/config.ts";
import { MAX_IMAGE_BYTES } from "../src/cms/fields.ts";
import { adminSettingsFromEnv } from "../src/cms/settings.ts";
import type { Article } from "../src/content/article.ts";
import { loadArticleFile } from "../src/content/load-content.ts";
import { CONTENT_SECURITY_POLICY, adminContentSecurityPolicy, headersForPath, parseHeadersFile, type HeaderRule } from "../src/security-headers.ts";
import { siteConfigFromEnv } from "../src/site-config.ts";
import { launchChromium, requireChromium, serveStaticSite } from "./browser-helpers.ts";

const ROOT = path.resolve(import.meta.dirname, "..");
const SEED_ROOT = path.join(ROOT, "test/fixtures/cms/seed");
const SEED_FILE = "content/gia-lai/2016-11-29-hoi-nghi-tong-ket.md";
const SEED_FORMER = "content/binh-dinh/2025-06-30-tin-binh-dinh.md";
const SEED_IMAGE = "content/gia-lai/toan-canh.png";

const work = mkdtempSync(path.join(tmpdir(), "cms-admin-"));
const out = path.join(work, "site");
let rules: HeaderRule[] = [];
let server: Server | undefined;
let origin = "";
let browser: Browser | undefined;

/** Serves the build as a CDN would: index.html for folders, the `_headers` rules. */
function serve(dir: string): Promise<{ server: Server; origin: string }> {
  return serveStaticSite(dir, { notFound: "text", headers: (pathname) => headersForPath(rules, pathname) });
}

beforeAll(async () => {
  requireChromium();
  await buildSite({ outDir: out, rootDir: SEED_ROOT, ledger: "check" });
  // The generated configuration, with Decap's in-browser backend instead of a git host.
  const generated = adminConfig(adminSettingsFromEnv(), siteConfigFromEnv());
  writeFileSync(path.join(out, "admin/config.yml"), renderConfigYaml({ ...generated, backend: { name: "test-repo" } }));
  rules = parseHeadersFile(readFileSync(path.join(out, "_headers"), "utf8"));
  ({ server, origin } = await serve(out));
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  rmSync(work, { recursive: true, force: true });
});

declare global {
  interface Window {
    __cspViolations?: string[];
    __pwned?: string;
    repoFiles?: Record<string, unknown>;
  }
}

/** What went wrong on a page: CSP violations, console errors, uncaught errors, dialogs. */
interface Problems {
  readonly errors: string[];
  readonly dialogs: string[];
}

/** A Vietnam-time browser context (where Decap's own date-to-file-name logic would slip a day) that records CSP violations. */
async function adminContext(repoFiles?: string): Promise<BrowserContext> {
  if (!browser) throw new Error("Chromium did not start");
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, timezoneId: "Asia/Ho_Chi_Minh", locale: "vi-VN" });
  await context.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener("securitypolicyviolation", (e) => window.__cspViolations?.push(`${e.violatedDirective} blocked ${e.blockedURI || "inline"} (${e.sourceFile}:${e.lineNumber})`));
  });
  // The test backend starts from window.repoFiles: the "repository" the editor sees.
  if (repoFiles) await context.addInitScript(repoFiles);
  return context;
}

async function openAdmin(context: BrowserContext): Promise<{ page: Page; problems: Problems }> {
  const page = await context.newPage();
  const problems: Problems = { errors: [], dialogs: [] };
  page.on("console", (m) => {
    if (m.type() === "error") problems.errors.push(`console: ${m.text()}`);
  });
  page.on("pageerror", (e) => problems.errors.push(`pageerror: ${e.message}`));
  page.on("dialog", (d) => {
    problems.dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(`${origin}/admin/`);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await page.getByText("Bài viết", { exact: true }).first().waitFor();
  return { page, problems };
}

async function violations(page: Page): Promise<string[]> {
  return page.evaluate(() => window.__cspViolations ?? ["(the violation listener did not run)"]);
}

/** An input or textarea of the form by field name (Decap's ids are "<name>-field-<n>"), in page order. */
function field(page: Page, name: string, nth = 0) {
  return page.locator(`input[id^="${name}-field-"], textarea[id^="${name}-field-"]`).nth(nth);
}

/** The "Add …" button of a list field: Decap's "Thêm %{item}" with the list's label_singular from the generated config. */
function addButton(page: Page, list: string) {
  const field = adminConfig({ enabled: true }, siteConfigFromEnv()).collections[0]?.fields?.find((f) => f.name === list) as { label_singular?: string } | undefined;
  return page.getByRole("button", { name: `Thêm ${field?.label_singular ?? list}` });
}

/** Chooses in a select widget: type, then pick the option whose label is exactly `label`. */
async function choose(page: Page, name: string, label: string, nth = 0): Promise<void> {
  await field(page, name, nth).fill(label);
  await page.getByRole("option", { name: label, exact: true }).click();
}

async function publish(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Công bố", exact: true }).click();
  await page.getByRole("menuitem", { name: "Công bố ngay" }).click();
  await page.getByText("Mục đã được lưu").first().waitFor();
}

/** A file the editor wrote: text, or the bytes of an uploaded picture (base64). */
async function repoFile(page: Page, file: string): Promise<string | undefined> {
  return page.evaluate(async (segments) => {
    let node: unknown = window.repoFiles;
    for (const s of segments) node = node && typeof node === "object" ? (node as Record<string, unknown>)[s] : undefined;
    const content = node && typeof node === "object" ? (node as { content?: unknown }).content : undefined;
    if (typeof content === "string") return content;
    const fileObj = content && typeof content === "object" ? (content as { fileObj?: File }).fileObj : undefined;
    if (!fileObj) return undefined;
    const bytes = new Uint8Array(await fileObj.arrayBuffer());
    let binary = "";
    for (const b of bytes) binary += String.fromCharCode(b);
    return `base64:${btoa(binary)}`;
  }, file.split("/"));
}

/** Paths of every file in the test backend. */
async function repoPaths(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const walk = (node: unknown, prefix: string): void => {
      if (!node || typeof node !== "object") return;
      for (const [k, v] of Object.entries(node)) {
        if (v && typeof v === "object" && "content" in v) out.push(`${prefix}${k}`);
        else walk(v, `${prefix}${k}/`);
      }
    };
    walk(window.repoFiles, "");
    return out.sort();
  });
}

/** Runs files through the real loader, in a project folder of their own. */
function loadWritten(files: Readonly<Record<string, string | Buffer>>, article: string): Article {
  const root = mkdtempSync(path.join(work, "loaded-"));
  for (const [file, contents] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), contents);
  }
  const result = loadArticleFile(root, article);
  if (!result.ok) throw new Error(`the loader rejected ${article}:\n${JSON.stringify(result.errors, null, 2)}\n\n${String(files[article])}`);
  return result.article;
}

/** The init script that fills the test backend with files from a folder of fixtures. */
function repoFilesScript(files: Readonly<Record<string, string>>, pictures: Readonly<Record<string, Buffer>> = {}): string {
  // Pictures are stored the way the test backend stores uploads: an object with a File and a blob: URL.
  return `(() => {
    const tree = {};
    const put = (path, content) => {
      const parts = path.split("/");
      let node = tree;
      for (const p of parts.slice(0, -1)) node = node[p] = node[p] || {};
      node[parts[parts.length - 1]] = { content, path };
    };
    const texts = ${JSON.stringify(files)};
    for (const [path, text] of Object.entries(texts)) put(path, text);
    const pictures = ${JSON.stringify(Object.fromEntries(Object.entries(pictures).map(([k, v]) => [k, v.toString("base64")])))};
    for (const [path, b64] of Object.entries(pictures)) {
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const fileObj = new File([bytes], path.slice(path.lastIndexOf("/") + 1), { type: "image/png" });
      const url = URL.createObjectURL(fileObj);
      put(path, { path, url, fileObj, toString: () => url });
    }
    window.repoFiles = tree;
  })();`;
}

describe("/admin/ in Chromium", () => {
  it("opens in Vietnamese under its own Content-Security-Policy with no violation and no error", async () => {
    const context = await adminContext();
    const { page, problems } = await openAdmin(context);
    const response = await page.request.get(`${origin}/admin/`);
    expect(response.headers()["content-security-policy"]).toBe(adminContentSecurityPolicy());
    expect(response.headers()["x-robots-tag"]).toBe("noindex, nofollow");
    await expect(page.getByText("Tin hội nghị tổng kết và triển khai nhiệm vụ năm", { exact: false }).isVisible()).resolves.toBe(true);
    await page.goto(`${origin}/admin/#/collections/articles/new`);
    await field(page, "title").waitFor();
    expect(await page.getByRole("button", { name: "Công bố", exact: true }).isVisible()).toBe(true);
    expect(await violations(page)).toEqual([]);
    expect(problems).toEqual({ errors: [], dialogs: [] });
    await context.close();
  });

  it("creates an article the build's loader accepts with exactly the values typed into the form", { timeout: 240_000 }, async () => {
    const context = await adminContext();
    const { page, problems } = await openAdmin(context);
    await page.goto(`${origin}/admin/#/collections/articles/new`);
    await field(page, "title").waitFor();
    // Before anything is typed, the preview says what it waits for (not a list of errors).
    await expect(page.frameLocator("iframe").first().locator(".cms-preview-waiting").textContent()).resolves.toBe("Bản xem trước sẽ hiện ở đây khi đã điền: Tiêu đề, Tỉnh, thành phố.");

    await field(page, "title").fill("Hội nghị tổng kết: công tác năm 2016 – Đắk Lắk & Gia Lai");
    // 05:30 in Vietnam is the previous day in UTC: the file name must still say 29.
    await field(page, "date").fill("2016-11-29T05:30");
    await choose(page, "province", "Gia Lai");
    await field(page, "agency").fill("Sở Thông tin và Truyền thông");
    await field(page, "reviewYear").fill("2016");
    await field(page, "planYear").fill("2017");
    await addButton(page, "officials").click();
    await addButton(page, "officials").click();
    await field(page, "name", 0).fill("Nguyễn Dũng");
    await field(page, "role", 0).fill("Giám đốc Trung tâm CNTT&TT");
    await choose(page, "honorific", "Ông", 0);
    await field(page, "name", 1).fill("Trần Thị Bích Thủy");
    await choose(page, "honorific", "Bà", 1);
    // Typed, then emptied: Decap keeps "", which the build would reject.
    await field(page, "role", 1).fill("Phó Giám đốc");
    await field(page, "role", 1).fill("");
    await addButton(page, "awards").click();
    await field(page, "title", 1).fill("Lao động tiên tiến");
    await field(page, "recipient").fill("cá nhân");
    await field(page, "count").fill("11");
    await field(page, "conferredBy").fill("Giám đốc Sở TT&TT");
    await field(page, "author").fill("Trần Thị Bích Thủy");
    await field(page, "summary").fill("Tổng kết năm 2016 và nhiệm vụ năm 2017.");

    // The picture: uploaded through the media library, saved next to the article.
    const picture = readFileSync(path.join(SEED_ROOT, SEED_IMAGE));
    await page.getByRole("button", { name: "Chọn một hình" }).click();
    // Larger than the build accepts: refused with a message, nothing uploaded.
    // Made in the page: sending 20 MB through the DevTools protocol is slow.
    await page.locator('input[type="file"]').evaluate((input: HTMLInputElement, size) => {
      const files = new DataTransfer();
      files.items.add(new File([new Uint8Array(size)], "qua-lon.png", { type: "image/png" }));
      input.files = files.files;
      input.dispatchEvent(new Event("change", { bubbles: true }));
    }, MAX_IMAGE_BYTES + 1);
    await expect.poll(() => problems.dialogs.length).toBe(1);
    await page.locator('input[type="file"]').setInputFiles({ name: "Ảnh Hội nghị.PNG", mimeType: "image/png", buffer: picture });
    await page.getByText("anh-hoi-nghi.png").waitFor();
    await page.getByRole("button", { name: "Lấy những cái đã chọn" }).click();
    await field(page, "alt").fill("Toàn cảnh hội nghị");
    await field(page, "caption").fill("Toàn cảnh hội nghị tại phòng họp Sở");
    await addButton(page, "tags").click();
    await field(page, "tags", 0).fill("tổng kết");
    await addButton(page, "tags").click();
    await field(page, "tags", 1).fill("chuyển đổi số");
    await addButton(page, "aliases").click();
    await field(page, "aliases").fill("/tin-tuc/hoi-nghi-2016/");
    await page.locator('[contenteditable="true"]').first().click();
    await page.keyboard.type("Chiều 29/11/2016, tại phòng họp Sở, hội nghị tổng kết đã diễn ra.");

    // The preview is the site's own layout and stylesheet with the values typed.
    const preview = page.frameLocator("iframe").first();
    await expect(preview.locator("h1").textContent()).resolves.toBe("Hội nghị tổng kết: công tác năm 2016 – Đắk Lắk & Gia Lai");
    await expect(preview.locator(".officials li").allTextContents()).resolves.toEqual(["Ông Nguyễn Dũng – Giám đốc Trung tâm CNTT&TT", "Bà Trần Thị Bích Thủy"]);
    expect(await preview.locator(".site-header").evaluate((e) => getComputedStyle(e).display)).toBe("flex");

    await publish(page);
    const files = await repoPaths(page);
    const article = "content/gia-lai/2016-11-29-hoi-nghi-tong-ket-cong-tac-nam-2016-dak-lak-gia-lai.md";
    expect(files).toEqual([article, "content/gia-lai/anh-hoi-nghi.png"]);
    const markdown = (await repoFile(page, article)) ?? "";
    const uploaded = (await repoFile(page, "content/gia-lai/anh-hoi-nghi.png")) ?? "";
    expect(uploaded).toBe(`base64:${picture.toString("base64")}`);
    expect(markdown).not.toMatch(/: ""$|: \[\]$/m);

    const loaded = loadWritten({ [article]: markdown, "content/gia-lai/anh-hoi-nghi.png": picture }, article);
    expect(loaded).toMatchObject({
      url: "/gia-lai/2016/hoi-nghi-tong-ket-cong-tac-nam-2016-dak-lak-gia-lai/",
      title: "Hội nghị tổng kết: công tác năm 2016 – Đắk Lắk & Gia Lai",
      date: { iso: "2016-11-29T05:30:00+07:00", hasTime: true },
      province: { id: "gia-lai" },
      agency: "Sở Thông tin và Truyền thông",
      reviewYear: 2016,
      planYear: 2017,
      officials: [
        { name: "Nguyễn Dũng", role: "Giám đốc Trung tâm CNTT&TT", honorific: "Ông" },
        { name: "Trần Thị Bích Thủy", honorific: "Bà" },
      ],
      awards: [{ title: "Lao động tiên tiến", recipient: "cá nhân", count: 11, conferredBy: "Giám đốc Sở TT&TT" }],
      author: "Trần Thị Bích Thủy",
      summary: "Tổng kết năm 2016 và nhiệm vụ năm 2017.",
      image: { src: "/gia-lai/2016/hoi-nghi-tong-ket-cong-tac-nam-2016-dak-lak-gia-lai/anh-hoi-nghi.png", alt: "Toàn cảnh hội nghị", caption: "Toàn cảnh hội nghị tại phòng họp Sở", sourceFile: "content/gia-lai/anh-hoi-nghi.png" },
      tags: ["tổng kết", "chuyển đổi số"],
      draft: false,
      aliases: ["/tin-tuc/hoi-nghi-2016/"],
      bodyText: "Chiều 29/11/2016, tại phòng họp Sở, hội nghị tổng kết đã diễn ra.",
    });
    expect(loaded.officials[1]).toEqual({ name: "Trần Thị Bích Thủy", honorific: "Bà" });

    expect(problems.dialogs).toEqual([expect.stringMatching(/20971/)]);
    expect(problems.errors).toEqual([]);
    expect(await violations(page)).toEqual([]);
    await context.close();
  });

  it("rewrites an existing article with every value kept, whatever its YAML looked like", { timeout: 180_000 }, async () => {
    const seed = readFileSync(path.join(SEED_ROOT, SEED_FILE), "utf8");
    const former = readFileSync(path.join(SEED_ROOT, SEED_FORMER), "utf8");
    const picture = readFileSync(path.join(SEED_ROOT, SEED_IMAGE));
    const context = await adminContext(repoFilesScript({ [SEED_FILE]: seed, [SEED_FORMER]: former }, { [SEED_IMAGE]: picture }));
    const { page, problems } = await openAdmin(context);
    const before = { seed: loadWritten({ [SEED_FILE]: seed, [SEED_IMAGE]: picture }, SEED_FILE), former: loadWritten({ [SEED_FORMER]: former }, SEED_FORMER) };

    // Decap saves only an entry whose values changed: the editor corrects the
    // author (and, in the other article, adds a paragraph); everything else
    // must come back from Decap's rewrite of the file as it was.
    await page.getByText("29/11/2016 · Hội nghị tổng kết", { exact: false }).click();
    await field(page, "author").fill("Trần Thị Bích Thủy (sửa)");
    await expect(page.frameLocator("iframe").first().locator("figure img").getAttribute("src")).resolves.toMatch(/^blob:/);
    await publish(page);
    const seedAfter = (await repoFile(page, SEED_FILE)) ?? "";
    const seedLoaded = loadWritten({ [SEED_FILE]: seedAfter, [SEED_IMAGE]: picture }, SEED_FILE);
    expect(seedLoaded).toEqual({ ...before.seed, author: "Trần Thị Bích Thủy (sửa)" });

    await page.goto(`${origin}/admin/#/collections/articles`);
    await page.getByText("30/06/2025 · Tin Bình Định", { exact: false }).click();
    await page.locator('[contenteditable="true"]').first().click();
    await page.keyboard.press("Control+End");
    await page.keyboard.press("Enter");
    await page.keyboard.type("Đoạn mới.");
    await publish(page);
    const formerAfter = (await repoFile(page, SEED_FORMER)) ?? "";
    const formerLoaded = loadWritten({ [SEED_FORMER]: formerAfter }, SEED_FORMER);
    expect({ ...formerLoaded, body: undefined, bodyText: undefined, summary: undefined }).toEqual({ ...before.former, body: undefined, bodyText: undefined, summary: undefined });
    expect(formerLoaded.bodyText).toBe(`${before.former.bodyText}\nĐoạn mới.`);
    // A date with an offset and a former province survive as written.
    expect(formerAfter).toMatch(/^date: 2025-06-30T08:00:00\+07:00$/m);
    expect(formerAfter).toMatch(/^province: binh-dinh$/m);

    expect(problems).toEqual({ errors: [], dialogs: [] });
    expect(await violations(page)).toEqual([]);
    await context.close();
  });

  it("runs no code from a hostile article: ---js front matter, markup in fields, script and javascript: links in the text", { timeout: 120_000 }, async () => {
    const hostileJs = `---js\n({ title: (window.__pwned = "front matter", "x"), date: "2016-12-01", province: "gia-lai" })\n---\nx\n`;
    const markup = `<img src=x onerror="window.__pwned='field'">`;
    const hostile = [
      "---",
      `title: ${JSON.stringify(markup)}`,
      "date: 2016-12-02",
      "province: gia-lai",
      `author: ${JSON.stringify('"><script>window.__pwned="author"</script>')}`,
      "---",
      `${markup}`,
      "",
      `<script>window.__pwned = "script"</script>`,
      "",
      "[bấm vào đây](javascript:window.__pwned='link')",
      "",
    ].join("\n");
    const context = await adminContext(repoFilesScript({ "content/gia-lai/2016-12-01-js.md": hostileJs, "content/gia-lai/2016-12-02-markup.md": hostile }));
    const { page, problems } = await openAdmin(context);
    await page.goto(`${origin}/admin/#/collections/articles/entries/gia-lai/2016-12-02-markup`);
    const preview = page.frameLocator("iframe").first();
    await expect(preview.locator("h1").textContent()).resolves.toBe(markup);
    await expect(preview.locator(".body img, .body script, a[href^='javascript:']").count()).resolves.toBe(0);
    await preview.getByText("bấm vào đây").click().catch(() => undefined);
    await page.waitForTimeout(200);
    expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
    expect(await preview.locator("body").evaluate(() => (window as Window).__pwned)).toBeUndefined();
    // Nothing was even attempted: an injected handler would show as a violation.
    expect(await violations(page)).toEqual([]);
    // The ---js file is not read as an article (gray-matter's JavaScript engine is removed from the bundle).
    expect(problems.errors.filter((e) => !/JavaScript front matter is not allowed/.test(e))).toEqual([]);
    await context.close();
  });
});

describe("/admin/ in the built site", () => {
  it("has its own policy; every other path keeps the site's policy, unchanged", () => {
    expect(headersForPath(rules, "/admin/")["Content-Security-Policy"]).toBe(adminContentSecurityPolicy());
    expect(headersForPath(rules, "/admin/config.yml")["Content-Security-Policy"]).toBe(adminContentSecurityPolicy());
    for (const pathname of ["/", "/gia-lai/", "/gia-lai/2016/hoi-nghi-tong-ket/", "/tim-kiem/", "/404.html", "/administrator/", "/tin/admin/"]) {
      expect(headersForPath(rules, pathname)["Content-Security-Policy"], pathname).toBe(CONTENT_SECURITY_POLICY);
      expect(headersForPath(rules, pathname)["X-Robots-Tag"], pathname).toBeUndefined();
    }
    const admin = adminContentSecurityPolicy();
    expect(admin).not.toMatch(/'unsafe-eval'|script-src[^;]*'unsafe-inline'/);
  });

  it("is out of the sitemap, the search index and robots' way, and no other page loads its script", () => {
    const files = readdirRecursive(out);
    const bundle = files.find((f) => /^admin\/cms-[0-9a-f]{10}\.js$/.test(f));
    expect(bundle).toBeDefined();
    expect(readFileSync(path.join(out, "sitemap.xml"), "utf8")).not.toContain("/admin");
    const search = files.filter((f) => f.startsWith("du-lieu-tim-kiem/"));
    expect(search.length).toBeGreaterThan(0);
    for (const f of files.filter((x) => x.endsWith(".html") && !x.startsWith("admin/"))) {
      const page = readFileSync(path.join(out, f), "utf8");
      expect(page, f).not.toMatch(/admin\/|cms-[0-9a-f]{10}\.js/);
    }
    expect(readFileSync(path.join(out, "admin/index.html"), "utf8")).toContain('<meta name="robots" content="noindex, nofollow">');
    expect(headersForPath(rules, `/${bundle ?? ""}`)["Cache-Control"]).toBe("public, max-age=31536000, immutable");
    expect(headersForPath(rules, "/admin/config.yml")["Cache-Control"]).toBeUndefined();
  });
});

function readdirRecursive(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => statSync(path.join(dir, f)).isFile())
    .map((f) => f.split(path.sep).join("/"))
    .sort();
}

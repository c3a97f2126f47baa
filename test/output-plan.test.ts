/**
 * The output side of the hostile-input suite: every output is claimed once
 * in the output plan before anything is written. Aliases that name a path
 * the site generates (or may generate), short links (in use, withdrawn or
 * not yet allocated), two spellings of one file, a file where a folder is
 * needed; the build and the preview reporting the same errors; writes that
 * cannot interleave; SITE_URL with a path everywhere; a bad SITE_URL.
 */
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { buildSite } from "../src/build/build-site.ts";
import { writeOutputFiles } from "../src/build/output-files.ts";
import { ContentValidationError, formatContentError, type ContentError } from "../src/content/errors.ts";
import { LEDGER_FILE, parseLedger, serializeLedger } from "../src/links/ledger.ts";
import { newShortCode } from "../src/links/short-code.ts";
import { OutputPlanBug, defineFileStep, definePageType, aliasFile, fileForUrl, planOutputs } from "../src/plan/output-plan.ts";
import { planSite } from "../src/plan/site-outputs.ts";
import { startPreview } from "../src/preview/preview-server.ts";
import { normaliseSiteUrl, siteConfigFromEnv } from "../src/site-config.ts";
import { loadSite } from "../src/site-data.ts";

const FIXTURE = path.resolve(import.meta.dirname, "fixtures/valid-site");
const ARTICLE = "content/gia-lai/2016-11-29-hoi-nghi-tong-ket.md";
const OTHER = "content/binh-dinh/2025-06-30-tin-binh-dinh.md";
const URL_PATH = "/gia-lai/2016/hoi-nghi-tong-ket/";
const work = mkdtempSync(path.join(tmpdir(), "output-plan-test-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

let root: string;
let n = 0;
beforeEach(() => {
  root = path.join(work, `site-${n++}`);
  cpSync(FIXTURE, root, { recursive: true, filter: (src) => !src.includes(`${path.sep}.cache`) });
});

/** Adds front-matter lines (e.g. aliases) to an article of the fixture. */
function addFrontMatter(lines: string, file = ARTICLE): void {
  const full = path.join(root, file);
  writeFileSync(full, readFileSync(full, "utf8").replace(/^---\n/, `---\n${lines}\n`));
}

function aliases(list: readonly string[], file = ARTICLE): void {
  addFrontMatter(`aliases: ${JSON.stringify(list)}`, file);
}

/** The errors of the plan of `root`, as the build sees them (no Eleventy, nothing written). */
async function planErrors(): Promise<readonly ContentError[]> {
  const { data, contentErrors } = await loadSite({ rootDir: root, config: siteConfigFromEnv({}) });
  return planSite(data, contentErrors).errors;
}

async function buildErrors(out = path.join(root, "_site")): Promise<readonly ContentError[]> {
  const error = await buildSite({ outDir: out, rootDir: root, config: siteConfigFromEnv({}) }).catch((e: unknown) => e);
  if (!(error instanceof ContentValidationError)) throw new Error(`expected a content error, got ${error instanceof Error ? error.stack : String(error)}`);
  return error.errors;
}

/** Writes the published-URL record of the fixture as a build would, then lets the test change it. */
async function recordLedger(): Promise<{ code: string; urls: string[]; title?: string; withdrawn?: string }[]> {
  await buildSite({ outDir: path.join(root, "_site"), rootDir: root, ledger: "record", config: siteConfigFromEnv({}) });
  const parsed = parseLedger(readFileSync(path.join(root, LEDGER_FILE), "utf8"));
  if ("errors" in parsed) throw new Error(JSON.stringify(parsed.errors));
  return parsed.ledger.entries.map((e) => ({ ...e, urls: [...e.urls] }));
}

/** The alias as the loader keeps it: folder-like paths end with "/". */
function asKept(alias: string): string {
  const last = alias.slice(alias.lastIndexOf("/") + 1);
  return last === "" || last.includes(".") ? alias : `${alias}/`;
}

function codeOf(entries: readonly { code: string; urls: readonly string[] }[], url: string): string {
  const entry = entries.find((e) => e.urls.includes(url));
  if (!entry) throw new Error(`no entry for ${url}`);
  return entry.code;
}

describe("URLs and files", () => {
  it("a URL's file", () => {
    expect(fileForUrl("/")).toBe("index.html");
    expect(fileForUrl("/gia-lai/")).toBe("gia-lai/index.html");
    expect(fileForUrl("/feed.xml")).toBe("feed.xml");
    expect(fileForUrl("/_headers")).toBe("_headers");
    expect(aliasFile("/tin-tuc/bai-123")).toBe("tin-tuc/bai-123/index.html");
    expect(aliasFile("/tin-tuc/bai-123.aspx")).toBe("tin-tuc/bai-123.aspx");
    expect(aliasFile("/tin-tuc/")).toBe("tin-tuc/index.html");
  });
});

describe("aliases cannot take what the site generates or may generate", () => {
  // Each is rejected against the file that holds the alias, in the aliases field, naming the value.
  const RESERVED = [
    "/", "/index.html", "/feed.xml", "/atom.xml", "/feed.json", "/FEED.XML",
    "/gia-lai/feed.xml", "/gia-lai/atom.xml", "/ho-chi-minh/feed.json", "/thua-thien-hue/feed.xml",
    "/robots.txt", "/favicon.svg", "/favicon.ico", "/_headers", "/_redirects", "/404.html",
    "/sitemap.xml", "/sitemap.xml/", "/sitemap-2.xml", "/sitemap-index.xml",
    "/du-lieu-tim-kiem/index.json", "/du-lieu-tim-kiem/", "/du-lieu-tim-kiem", "/assets/site-0123456789.css", "/assets/", "/assets",
    "/q/", "/q", "/Q/abcde/", "/q/zzzzz/", "/ma-qr/", "/ma-qr/zzzzz/", "/ma-qr/zzzzz/qr.png",
    "/tim-kiem/", "/tim-kiem/cu/", "/tinh-thanh/", "/tinh-thanh/gia-lai/",
    "/trang/2/", "/trang/999/", "/gia-lai/trang/9/", "/binh-duong/trang/2/",
    "/gia-lai/", "/gia-lai", "/gia-lai/index.html", "/thua-thien-hue/",
    "/__preview/errors/", "/admin/", "/admin/config.yml", "/.tong-ket-build", "/.tong-ket-build/",
  ];

  it.each(RESERVED)("%s", async (alias) => {
    aliases([alias]);
    const errors = await planErrors();
    expect(errors, alias).toHaveLength(1);
    expect(errors[0]).toMatchObject({ file: ARTICLE, field: "aliases", value: JSON.stringify(asKept(alias)) });
    expect(errors[0]?.code).toMatch(/^output\./);
    expect(errors[0]?.fix).toBeTruthy();
  });

  it("all at once: every bad alias of every file in one report", async () => {
    aliases(["/feed.xml", "/q/zzzzz/", "/_redirects"]);
    aliases(["/robots.txt", "/tin-cu/binh-dinh/"], OTHER);
    const errors = await planErrors();
    expect(errors.map((e) => `${e.file} ${e.value}`).sort()).toEqual([`${OTHER} "/robots.txt"`, `${ARTICLE} "/_redirects/"`, `${ARTICLE} "/feed.xml"`, `${ARTICLE} "/q/zzzzz/"`]);
  });

  it("an alias with a . or .. part, or an overlong one, is a clean error", async () => {
    aliases(["/../x/", "/a/./b/"]);
    const dots = await planErrors();
    expect(dots.length).toBeGreaterThan(0);
    for (const e of dots) expect(e).toMatchObject({ file: ARTICLE, field: expect.stringMatching(/^aliases/) });
    cpSync(path.join(FIXTURE, ARTICLE), path.join(root, ARTICLE));
    aliases([`/${"a".repeat(1100)}/`]);
    expect(await planErrors()).toMatchObject([{ file: ARTICLE, field: "aliases", code: "output.urlTooLong" }]);
  });

  it("two spellings of one file are one claim: the later one is an error naming both files", async () => {
    // Articles are planned newest first: the Bình Định one (2025) claims first.
    aliases(["/tin-tuc/hoi-nghi/"], OTHER);
    aliases(["/TIN-TUC/hoi-nghi/index.html"]);
    const errors = await planErrors();
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ file: ARTICLE, field: "aliases", code: "output.takenByAlias", value: '"/TIN-TUC/hoi-nghi/index.html"' });
    expect(errors[0]?.message).toContain(OTHER);
  });

  it("an alias spelling another article's page differently is that article's page", async () => {
    aliases(["/binh-dinh/2025/tin-binh-dinh/index.html"]);
    const errors = await planErrors();
    expect(errors).toMatchObject([{ file: ARTICLE, code: "output.takenByArticle" }]);
    expect(errors[0]?.message).toContain(OTHER);
  });

  it("an alias on an article's image is an error naming the image's article", async () => {
    aliases(["/binh-dinh/2025/tin-binh-dinh/toan-canh.png"]);
    expect(await planErrors()).toMatchObject([{ file: ARTICLE, field: "aliases", code: "output.takenByImage" }]);
  });

  it("a file where another claim needs a folder, and the other way round", async () => {
    aliases(["/tin/cu.html"], OTHER);
    aliases(["/tin/cu.html/x/"]);
    expect(await planErrors()).toMatchObject([{ file: ARTICLE, code: "output.folderConflict" }]);
  });

  it("an old URL without an extension becomes a folder page, so hosts serve it as HTML", async () => {
    aliases(["/tin-tuc/bai-123"]);
    const { data, contentErrors } = await loadSite({ rootDir: root, config: siteConfigFromEnv({}) });
    const { plan, errors } = planSite(data, contentErrors);
    expect(errors).toEqual([]);
    expect(plan.get("tin-tuc/bai-123/index.html")).toMatchObject({ producer: "links", kind: "alias", redirectTo: URL_PATH });
    expect(plan.get("tin-tuc/bai-123")).toBeUndefined();
  });
});

describe("short links: printed QR codes cannot be taken over", () => {
  it("an alias on an existing code is reported against the file that holds the alias, not the article that owns the code", async () => {
    const entries = await recordLedger();
    const victim = codeOf(entries, "/binh-dinh/2025/tin-binh-dinh/");
    aliases([`/q/${victim}/`]);
    const errors = await planErrors();
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ file: ARTICLE, field: "aliases", value: JSON.stringify(`/q/${victim}/`), code: "output.reserved" });
  });

  it("a withdrawn code keeps its explanation page: an alias cannot claim it", async () => {
    const entries = await recordLedger();
    const code = codeOf(entries, "/binh-dinh/2025/tin-binh-dinh/");
    rmSync(path.join(root, OTHER));
    const withdrawn = entries.map((e) => (e.code === code ? { ...e, withdrawn: "Bài đã được gỡ." } : e));
    writeFileSync(path.join(root, LEDGER_FILE), serializeLedger({ entries: withdrawn }));
    aliases([`/q/${code}/`, "/binh-dinh/2025/tin-binh-dinh/"]);
    const { data, contentErrors } = await loadSite({ rootDir: root, config: siteConfigFromEnv({}) });
    const { plan, errors } = planSite(data, contentErrors);
    expect(errors).toMatchObject([{ file: ARTICLE, field: "aliases", value: JSON.stringify(`/q/${code}/`), code: "output.reserved" }]);
    expect(String(plan.get(`q/${code}/index.html`)?.body())).toContain("Bài đã được gỡ.");
    // The withdrawn article's old page address gives way to a live article's alias.
    expect(plan.get("binh-dinh/2025/tin-binh-dinh/index.html")).toMatchObject({ kind: "alias", source: { file: ARTICLE } });
  });

  it("the code a future article will get cannot be claimed first: the alias is the error, the new article builds", async () => {
    await recordLedger();
    const futureUrl = "/gia-lai/2018/bai-moi/";
    const taken = new Set((await recordLedger()).map((e) => e.code));
    const future = newShortCode(futureUrl, taken);
    aliases([`/q/${future}/`]);
    writeFileSync(path.join(root, "content/gia-lai/2018-01-02-bai-moi.md"), "---\ntitle: Bài mới\ndate: 2018-01-02\nprovince: gia-lai\n---\nMới.\n");
    const errors = await planErrors();
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ file: ARTICLE, field: "aliases", value: JSON.stringify(`/q/${future}/`) });
  });

  it("a withdrawn URL the record spells badly is a clean error on the record, not a crash", async () => {
    const entries = await recordLedger();
    const code = codeOf(entries, "/binh-dinh/2025/tin-binh-dinh/");
    rmSync(path.join(root, OTHER));
    const bad = entries.map((e) => (e.code === code ? { ...e, urls: [...e.urls, "/../etc/", "/a b/"], withdrawn: "Gỡ." } : e));
    writeFileSync(path.join(root, LEDGER_FILE), JSON.stringify({ entries: bad }));
    const errors = await planErrors();
    expect(errors.map((e) => [e.file, e.code, e.value])).toEqual([
      // The record's own check (src/links/ledger.ts) names them before the plan sees them.
      [LEDGER_FILE, "ledger.badUrl", '"/../etc/"'],
      [LEDGER_FILE, "ledger.badUrl", '"/a b/"'],
    ]);
  });
});

describe("the plan itself", () => {
  interface Site {
    readonly pages: readonly string[];
  }
  const pages = definePageType<Site, string>({ name: "p", items: (s) => s.pages, url: (u) => u, render: (u) => `<p>${u}</p>` });

  it("two generated outputs on one path are a bug naming both producers, never a silent overwrite", () => {
    const files = defineFileStep<Site>({ name: "f", declare: () => [{ url: "/a/", body: () => "x" }] });
    expect(() => planOutputs({ pages: ["/a/"] }, [pages, files])).toThrow(OutputPlanBug);
    expect(() => planOutputs({ pages: ["/a/"] }, [pages, files])).toThrow(/f: \/a\//);
    expect(() => planOutputs({ pages: [] }, [pages, pages])).toThrow(/two producers are named "p"/);
  });

  it("lists pages for Eleventy and files for the writer, and renders nothing until asked", () => {
    let rendered = 0;
    const files = defineFileStep<Site>({ name: "f", declare: () => [{ url: "/x.txt", body: () => String(++rendered) }] });
    const plan = planOutputs({ pages: ["/", "/b/"] }, [pages, files]);
    expect(plan.pages.map((p) => p.path)).toEqual(["index.html", "b/index.html"]);
    expect(plan.files.map((p) => p.path)).toEqual(["x.txt"]);
    expect(rendered).toBe(0);
    expect(plan.get("x.txt")?.body()).toBe("1");
  });

  it("the site's plan claims every output of the fixture once, with content sources where content made them", async () => {
    const { data, contentErrors } = await loadSite({ rootDir: root, config: siteConfigFromEnv({}) });
    const { plan, errors } = planSite(data, contentErrors);
    expect(errors).toEqual([]);
    const paths = plan.outputs.map((o) => o.path.toLowerCase());
    expect(new Set(paths).size).toBe(paths.length);
    expect(plan.get("gia-lai/2016/hoi-nghi-tong-ket/index.html")).toMatchObject({ producer: "article", renderer: "eleventy", source: { file: ARTICLE } });
    expect(plan.get("binh-dinh/2025/tin-binh-dinh/toan-canh.png")).toMatchObject({ producer: "article-images", source: { file: OTHER, field: "image.src" } });
    for (const file of ["feed.xml", "gia-lai/atom.xml", "robots.txt", "_headers", "_redirects", "favicon.svg", "sitemap.xml", "404.html", "tim-kiem/index.html"]) expect(plan.get(file), file).toBeDefined();
    expect(plan.bundles.map((b) => b.folder)).toEqual(["du-lieu-tim-kiem", "admin"]);
  });
});

describe("planning again after an edit", () => {
  it("keeps the claims when no address changed, and renders the new text", async () => {
    const config = siteConfigFromEnv({});
    const first = await loadSite({ rootDir: root, config });
    const before = planSite(first.data, first.contentErrors).plan;
    const full = path.join(root, ARTICLE);
    writeFileSync(full, readFileSync(full, "utf8").replace(/^title: .*$/m, "title: Tiêu đề đã sửa"));
    const second = await loadSite({ rootDir: root, config });
    const after = planSite(second.data, second.contentErrors, undefined, before).plan;
    expect(after).toBe(before);
    expect(String(after.get("gia-lai/2016/hoi-nghi-tong-ket/index.html")?.body())).toContain("<h1>Tiêu đề đã sửa</h1>");
    expect(String(after.get("feed.xml")?.body())).toContain("Tiêu đề đã sửa");
  });

  it("plans afresh when an address changed, with the new errors", async () => {
    const config = siteConfigFromEnv({});
    const first = await loadSite({ rootDir: root, config });
    const before = planSite(first.data, first.contentErrors).plan;
    aliases(["/tin-tuc/moi/", "/feed.xml"]);
    const second = await loadSite({ rootDir: root, config });
    const after = planSite(second.data, second.contentErrors, undefined, before);
    expect(after.plan).not.toBe(before);
    expect(after.plan.get("tin-tuc/moi/index.html")).toBeDefined();
    expect(after.errors).toMatchObject([{ file: ARTICLE, value: '"/feed.xml"' }]);
  });
});

describe("the build", () => {
  it("aliases /_headers, /_redirects and /sitemap.xml/ are clean errors, and the previous site stays as it was", async () => {
    const out = path.join(root, "_site");
    await buildSite({ outDir: out, rootDir: root, config: siteConfigFromEnv({}) });
    const before = new Map(readdirSync(out, { recursive: true, encoding: "utf8" }).filter((f) => f.includes(".")).map((f) => [f, readFileSync(path.join(out, f))]));
    aliases(["/_headers", "/_redirects", "/sitemap.xml/"]);
    const errors = await buildErrors(out);
    expect(errors.map((e) => e.value)).toEqual(['"/_headers/"', '"/_redirects/"', '"/sitemap.xml/"']);
    for (const e of errors) expect(formatContentError(e)).toContain(`${ARTICLE}: aliases:`);
    for (const [file, bytes] of before) expect(readFileSync(path.join(out, file)).equals(bytes), file).toBe(true);
    expect(readdirSync(root).filter((f) => f.includes(".tmp-"))).toEqual([]);
  });

  it("writes each redirect once and lists in _redirects only what the plan accepted", async () => {
    aliases(["/tin-tuc/hoi-nghi-2016/", "/tin-tuc/bai-123"]);
    const out = path.join(root, "_site");
    await buildSite({ outDir: out, rootDir: root, config: siteConfigFromEnv({}) });
    const lines = readFileSync(path.join(out, "_redirects"), "utf8").trim().split("\n");
    expect(lines).toContain(`/tin-tuc/hoi-nghi-2016/ ${URL_PATH} 301`);
    expect(lines).toContain(`/tin-tuc/bai-123/ ${URL_PATH} 301`);
    expect(new Set(lines).size).toBe(lines.length);
    expect(readFileSync(path.join(out, "tin-tuc/bai-123/index.html"), "utf8")).toContain(`url=${URL_PATH}`);
  });
});

describe("rendering the plan's pages", () => {
  it("in batches (one Eleventy run each) gives the same site as one run", async () => {
    const one = path.join(root, "one");
    const batched = path.join(root, "batched");
    await buildSite({ outDir: one, rootDir: root, config: siteConfigFromEnv({}) });
    await buildSite({ outDir: batched, rootDir: root, config: siteConfigFromEnv({}), pageBatchSize: 40 });
    const list = (dir: string): string[] => readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name))).sort();
    const files = list(one);
    expect(files.filter((f) => f.endsWith(".html")).length).toBeGreaterThan(40);
    expect(list(batched)).toEqual(files);
    for (const f of files) expect(readFileSync(path.join(batched, f)).equals(readFileSync(path.join(one, f))), f).toBe(true);
  });
});

describe("writes cannot interleave", () => {
  it("refuses a path twice (or two spellings of it) before writing anything", async () => {
    const out = path.join(root, "out");
    await expect(writeOutputFiles(out, [{ path: "a/x.txt", contents: "1" }, { path: "b.txt", contents: "2" }, { path: "a/x.txt", contents: "3" }])).rejects.toThrow(/"a\/x\.txt" twice/);
    await expect(writeOutputFiles(out, [{ path: "a/x.txt", contents: "1" }, { path: "A/X.txt", contents: "2" }])).rejects.toThrow(/twice/);
    expect(existsSync(out)).toBe(false);
  });

  it("never replaces a file already written (by Eleventy or an earlier step)", async () => {
    const out = path.join(root, "out");
    mkdirSync(out);
    writeFileSync(path.join(out, "_redirects"), "first");
    await expect(writeOutputFiles(out, [{ path: "_redirects", contents: "second" }])).rejects.toThrow(/EEXIST/);
    expect(readFileSync(path.join(out, "_redirects"), "utf8")).toBe("first");
  });

  it("renders lazy contents just before writing each file", async () => {
    const out = path.join(root, "out");
    let calls = 0;
    await writeOutputFiles(out, [{ path: "a.txt", contents: () => String(++calls) }, { path: "b.txt", contents: () => String(++calls) }]);
    expect(calls).toBe(2);
    expect(readFileSync(path.join(out, "b.txt"), "utf8")).toMatch(/^[12]$/);
  });
});

describe("the preview reports the same errors as the build", () => {
  it("for bad aliases, a damaged article and a duplicate URL", async () => {
    aliases(["/tin/a/index.html", "/tinh-thanh/"], OTHER);
    aliases(["/feed.xml", "/q/zzzzz/", "/tin/A/", `/${"a".repeat(1100)}/`]);
    writeFileSync(path.join(root, "content/gia-lai/2016-12-01-hong.md"), "---\ntitle: Hỏng\ndate: 2016-13-01\nprovince: gia-lai\naliases: [/../x/]\n---\nx\n");
    mkdirSync(path.join(root, "content/khac"));
    cpSync(path.join(root, OTHER), path.join(root, "content/khac/2025-06-30-tin-binh-dinh.md"));
    const built = (await buildErrors()).map(formatContentError).sort();
    // /tinh-thanh/ (reserved), /feed.xml (reserved), /q/zzzzz/ (reserved), /tin/A/ (same file as /tin/a/index.html),
    // the overlong alias, the broken date and alias, the duplicate URL.
    expect(built.length).toBeGreaterThanOrEqual(8);
    const preview = await startPreview({ rootDir: root, port: 0, config: siteConfigFromEnv({}) });
    try {
      expect(preview.current().errors.map(formatContentError).sort()).toEqual(built);
      const page = await (await fetch(`${preview.url}/__preview/errors/`)).text();
      for (const line of built) expect(page).toContain(line.split("\n")[0]!.replaceAll('"', "&quot;"));
    } finally {
      await preview.close();
    }
  });
});

describe("SITE_URL with a path", () => {
  const SITE = "https://tongket.example.gov.vn/tin/";

  it("every link, asset, feed, redirect, sitemap entry, QR code and search address is under /tin/", async () => {
    aliases(["/tin-tuc/hoi-nghi-2016/"]);
    const out = path.join(root, "_site");
    const config = siteConfigFromEnv({ SITE_URL: SITE });
    expect(config.basePath).toBe("/tin");
    await buildSite({ outDir: out, rootDir: root, config });
    const files = readdirSync(out, { recursive: true, encoding: "utf8" }).filter((f) => !f.startsWith("du-lieu-tim-kiem"));
    const html = files.filter((f) => f.endsWith(".html"));
    expect(html.length).toBeGreaterThan(70);
    const checked: string[] = [];
    for (const file of html) {
      const text = readFileSync(path.join(out, file), "utf8");
      for (const [, attr, value] of text.matchAll(/\s(href|src|action|data-bundle|data-base|content)="([^"]*)"/g)) {
        if (attr === "content" && !/^0; url=/.test(value!)) continue;
        const link = value!.replace(/^0; url=/, "");
        checked.push(link);
        // The open-data licence (/du-lieu/) links to the licence's own text.
        if (link === config.dataLicence.url) continue;
        // The QR downloads of a share page are data: URLs in the page (src/pages/share.ts): no address at all.
        expect(link, `${file}: ${attr}`).toMatch(/^(\/tin\/|https:\/\/tongket\.example\.gov\.vn\/tin\/|https:\/\/(www\.facebook\.com|button-share\.zalo\.me)\/|mailto:|#|data:image\/(png|svg\+xml);base64,)/);
      }
    }
    expect(checked.length).toBeGreaterThan(1000);
    const search = readFileSync(path.join(out, "tim-kiem/index.html"), "utf8");
    expect(search).toContain('data-bundle="/tin/du-lieu-tim-kiem/"');
    expect(search).toContain('action="/tin/tim-kiem/"');
    for (const line of readFileSync(path.join(out, "_redirects"), "utf8").trim().split("\n")) expect(line).toMatch(/^\/tin\/\S+ \/tin\/\S+ 301$/);
    const headers = readFileSync(path.join(out, "_headers"), "utf8");
    expect(headers).toContain("/tin/assets/*");
    expect(headers).toContain("/tin/du-lieu-tim-kiem/v/*");
    expect(readFileSync(path.join(out, "robots.txt"), "utf8")).toContain("Sitemap: https://tongket.example.gov.vn/tin/sitemap.xml");
    const sitemap = readFileSync(path.join(out, "sitemap.xml"), "utf8");
    for (const [, loc] of sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)) expect(loc).toMatch(/^https:\/\/tongket\.example\.gov\.vn\/tin\//);
    for (const feed of ["feed.xml", "atom.xml", "feed.json", "gia-lai/feed.xml"]) {
      const text = readFileSync(path.join(out, feed), "utf8");
      expect(text).toContain("https://tongket.example.gov.vn/tin/");
      expect(text).not.toMatch(/https:\/\/tongket\.example\.gov\.vn\/(?!tin\/)/);
    }
    const article = readFileSync(path.join(out, "gia-lai/2016/hoi-nghi-tong-ket/index.html"), "utf8");
    expect(article).toContain('<link rel="canonical" href="https://tongket.example.gov.vn/tin/gia-lai/2016/hoi-nghi-tong-ket/">');
    expect(article).toContain('"url":"https://tongket.example.gov.vn/tin/gia-lai/2016/hoi-nghi-tong-ket/"');
    expect(article).toContain('<meta property="og:url" content="https://tongket.example.gov.vn/tin/gia-lai/2016/hoi-nghi-tong-ket/">');
    const share = files.find((f) => /^ma-qr\/[^/]+\/index\.html$/.test(f));
    expect(share).toBeDefined();
    // The PNG download is a data: URL in the share page (src/pages/share.ts).
    const base64 = /href="data:image\/png;base64,([A-Za-z0-9+/=]+)"/.exec(readFileSync(path.join(out, share!), "utf8"))?.[1];
    expect(base64).toBeDefined();
    const png = path.join(work, "share-qr.png");
    writeFileSync(png, Buffer.from(base64!, "base64"));
    const decoded = execFileSync("zbarimg", ["--quiet", "--raw", png], { encoding: "utf8" }).trim();
    expect(decoded).toMatch(/^https:\/\/tongket\.example\.gov\.vn\/tin\/q\/[0-9a-z]{5}\/$/);
    expect(readFileSync(path.join(out, "tin-tuc/hoi-nghi-2016/index.html"), "utf8")).toContain("url=/tin/gia-lai/2016/hoi-nghi-tong-ket/");
    expect(readFileSync(path.join(out, "404.html"), "utf8")).toContain('href="/tin/tinh-thanh/"');
  });

  it.each([
    ["ftp://example.gov.vn/", "output.siteUrlScheme"],
    ["javascript:alert(1)", "output.siteUrlScheme"],
    ["example.gov.vn", "output.siteUrlInvalid"],
    ["https://", "output.siteUrlInvalid"],
    ["https://user:secret@example.gov.vn/", "output.siteUrlCredentials"],
    ["https://example.gov.vn/?a=1", "output.siteUrlQuery"],
    ["https://example.gov.vn/#x", "output.siteUrlQuery"],
    ["https://example.gov.vn/tin tuc/", "output.siteUrlInvalid"],
    ["https://example.gov.vn/tin%20tuc/", "output.siteUrlPath"],
    ["https://example.gov.vn/a/../tin/", "output.siteUrlPath"],
    ["https://example.gov.vn//tin/", "output.siteUrlPath"],
    ["https://example.gov.vn/tin\"/", "output.siteUrlPath"],
  ])("a bad SITE_URL %s is a clear error (%s)", (value, code) => {
    let error: unknown;
    try {
      normaliseSiteUrl(value);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ContentValidationError);
    const [first] = (error as ContentValidationError).errors;
    expect(first).toMatchObject({ file: "SITE_URL", code });
    expect(first?.value).not.toContain("secret");
  });

  it("good ones are normalised", () => {
    expect(normaliseSiteUrl("https://example.gov.vn/tin/")).toBe("https://example.gov.vn/tin");
    expect(normaliseSiteUrl("http://localhost:8080")).toBe("http://localhost:8080");
    expect(normaliseSiteUrl("https://Example.gov.vn/a/b.c/")).toBe("https://example.gov.vn/a/b.c");
  });
});

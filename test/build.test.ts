/**
 * End-to-end: builds fixture sites with the real pipeline (loader, Eleventy,
 * build steps, atomic swap) and asserts on the files written.
 */
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSite } from "../src/build/build-site.ts";
import { OUTPUT_MARKER } from "../src/build/output-dir.ts";
import { ContentValidationError } from "../src/content/errors.ts";
import { generateArticles } from "../scripts/generate-articles.ts";
import { SEED_CONTENT, copyFixture } from "./helpers.ts";

const ROOT = path.resolve(import.meta.dirname, "..");
const FIXTURES = path.join(ROOT, "test/fixtures");
const work = mkdtempSync(path.join(tmpdir(), "build-test-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function read(dir: string, rel: string): string {
  const file = path.join(dir, rel);
  if (!existsSync(file)) throw new Error(`expected ${rel} in the build output; found: ${readdirSync(dir).join(", ")}`);
  return readFileSync(file, "utf8");
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}

describe("building the fixture site", () => {
  const out = path.join(work, "valid");
  beforeAll(async () => {
    const result = await buildSite({ outDir: out, rootDir: path.join(FIXTURES, "valid-site") });
    expect(result.articleCount).toBe(2);
    // Counted while writing, not by walking the tree: the count must be the tree's.
    expect(result.fileCount).toBe(readdirSync(out, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length);
  });

  it("writes one page per article with the structured sections", () => {
    const page = read(out, "gia-lai/2016/hoi-nghi-tong-ket/index.html");
    expect(page).toContain('<html lang="vi">');
    expect(page).toContain("<h1>Hội nghị tổng kết công tác năm 2016, triển khai nhiệm vụ năm 2017</h1>");
    expect(page).toContain('<time datetime="2016-11-29T14:00:00+07:00">Thứ Ba, 29/11/2016, 14:00</time>');
    expect(page).toContain("Sở Thông tin và Truyền thông");
    expect(page).toMatch(/<h2 id="dai-bieu">Đại biểu, lãnh đạo<\/h2><ul><li><span class="name"><a href="\/nhan-vat\/nguyen-dung-gia-lai\/">Ông Nguyễn Dũng<\/a><\/span><span class="role"> – Giám đốc Trung tâm CNTT&amp;TT<\/span>/);
    expect(page).toContain("<strong>Lao động tiên tiến</strong>: 11 cá nhân");
    expect(page).toContain("Trần Thị Bích Thủy</p>");
    expect(page).toContain("<h3>Kết quả</h3>");
  });

  it("escapes raw HTML from Markdown", () => {
    const page = read(out, "gia-lai/2016/hoi-nghi-tong-ket/index.html");
    expect(page).not.toContain('<script>alert("không chạy")</script>');
    expect(page).toContain("&lt;script&gt;");
    // Only external scripts and JSON-LD data blocks: nothing inline that could run.
    for (const tag of page.match(/<script\b[^>]*>/g) ?? []) expect(tag).toMatch(/\bsrc="\/|type="application\/ld\+json"/);
  });

  it("shows a former unit with its successor and lists it on both indexes", () => {
    const page = read(out, "binh-dinh/2025/tin-binh-dinh/index.html");
    expect(page).toContain("Bình Định, nay thuộc Gia Lai");
    expect(read(out, "binh-dinh/index.html")).toContain('href="/binh-dinh/2025/tin-binh-dinh/"');
    expect(read(out, "gia-lai/index.html")).toContain('href="/binh-dinh/2025/tin-binh-dinh/"');
    expect(read(out, "gia-lai/index.html")).toContain('href="/gia-lai/2016/hoi-nghi-tong-ket/"');
    expect(read(out, "ho-chi-minh/index.html")).not.toContain("tin-binh-dinh");
  });

  it("normalises NFD front matter to NFC on the page", () => {
    const page = read(out, "binh-dinh/2025/tin-binh-dinh/index.html");
    expect(page).toContain("Tin Bình Định tháng 6 năm 2025".normalize("NFC"));
    expect(page).toContain("Thúy Vân".normalize("NFC"));
    expect(page).not.toContain("Thúy Vân".normalize("NFD"));
  });

  it("renders the figure with the processed picture and never publishes the original file", () => {
    const page = read(out, "binh-dinh/2025/tin-binh-dinh/index.html");
    const img = /<figure class="lead"><picture>.*?<img src="\/anh\/([0-9a-f]{16}-2\.jpg)"[^>]* width="2" height="2" alt="Toàn cảnh hội nghị" loading="eager" fetchpriority="high" decoding="async"><\/picture>/.exec(page);
    expect(img, page).not.toBeNull();
    expect(page).toContain("<figcaption>Toàn cảnh hội nghị tại Quy Nhơn</figcaption>");
    expect(existsSync(path.join(out, "anh", img?.[1] ?? "?"))).toBe(true);
    expect(existsSync(path.join(out, "binh-dinh/2025/tin-binh-dinh/toan-canh.png"))).toBe(false);
  });

  it("does not publish drafts", () => {
    expect(listFiles(out).some((f) => f.includes("ban-nhap"))).toBe(false);
    expect(read(out, "index.html")).not.toContain("Bản nháp");
  });

  it("lists articles newest first on the home page", () => {
    const home = read(out, "index.html");
    expect(home.indexOf("tin-binh-dinh")).toBeGreaterThan(0);
    expect(home.indexOf("tin-binh-dinh")).toBeLessThan(home.indexOf("hoi-nghi-tong-ket"));
  });

  it("writes a directory of the 34 current units with former units and counts", () => {
    const dir = read(out, "tinh-thanh/index.html").split("<main")[1] ?? "";
    expect(dir.match(/<li class="unit( empty)?"><a href="\/[a-z-]+\/">/g)?.length).toBe(34);
    expect(dir.match(/<ul class="former">/g)?.length).toBe(24);
    expect(dir.match(/<li( class="empty")?><a href="\/[a-z-]+\/">/g)?.length).toBe(30); // 29 merged units and Thừa Thiên Huế
    expect(dir).toContain('<li class="unit"><a href="/gia-lai/">Gia Lai</a> <span class="count">2 bài</span>');
    expect(dir).toContain('<li><a href="/binh-dinh/">Bình Định</a> <span class="count">1 bài</span></li>');
  });

  it("writes an index for every unit, current and former, with ASCII URLs", () => {
    for (const id of ["ha-noi", "hue", "thua-thien-hue", "ba-ria-vung-tau", "dak-lak"]) expect(existsSync(path.join(out, id, "index.html")), id).toBe(true);
    for (const file of listFiles(out)) expect(file).toMatch(/^[a-z0-9./_-]+$/);
  });

  it("links a fingerprinted stylesheet that exists", () => {
    const href = /<link rel="stylesheet" href="(\/assets\/site-[0-9a-f]{10}\.css)">/.exec(read(out, "index.html"))?.[1];
    expect(href).toBeDefined();
    expect(read(out, href!.slice(1))).toContain(":root");
  });

  it("produces byte-identical output when built twice", async () => {
    const again = path.join(work, "valid-again");
    await buildSite({ outDir: again, rootDir: path.join(FIXTURES, "valid-site") });
    const files = listFiles(out);
    expect(listFiles(again)).toEqual(files);
    for (const f of files) expect(readFileSync(path.join(again, f)).equals(readFileSync(path.join(out, f))), f).toBe(true);
  });
});

describe("pagination", () => {
  it("splits long lists into pages of 20, newest first, with prev/next links", async () => {
    const root = path.join(work, "many");
    generateArticles(root, 130, { drafts: false });
    const out = path.join(work, "many-out");
    // Pagination only: 130 drawn share cards would cost ~10 s of CPU here (tested in share-cards.test.ts).
    process.env["GENERATED_SHARE_CARDS"] = "0";
    const result = await buildSite({ outDir: out, rootDir: root }).finally(() => delete process.env["GENERATED_SHARE_CARDS"]);
    expect(result.articleCount).toBe(130);
    const home = read(out, "index.html");
    expect(home.match(/<li class="card[ "]/g)).toHaveLength(20);
    expect(home).toContain('<a rel="next" href="/trang/2/">');
    const last = read(out, "trang/7/index.html");
    expect(last.match(/<li class="card[ "]/g)).toHaveLength(10);
    expect(last).toContain('<a rel="prev" href="/trang/6/">');
    const dates = [...home.matchAll(/<time datetime="([^"]+)"/g)].map((m) => Date.parse(m[1]!));
    expect([...dates].sort((a, b) => b - a)).toEqual(dates);
  });
});

describe("invalid content", () => {
  it("fails with every error of every file and writes nothing", async () => {
    const out = path.join(work, "invalid-out");
    mkdirSync(out, { recursive: true });
    writeFileSync(path.join(out, "published.html"), "previous site");
    // A previous build's output (the build only replaces folders it made).
    writeFileSync(path.join(out, OUTPUT_MARKER), "");
    const error = await buildSite({ outDir: out, rootDir: path.join(FIXTURES, "invalid-site") }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContentValidationError);
    const errors = (error as ContentValidationError).errors;
    const files = new Set(errors.map((e) => e.file));
    expect(files.size).toBe(readdirSync(path.join(FIXTURES, "invalid-site/content/x")).length);
    expect(errors.find((e) => e.field === "province" && e.value === '"gia-lia"')?.line).toBe(4);
    expect(errors.find((e) => e.field === "titel")?.fix).toContain('did you mean "title"');
    expect(listFiles(out)).toEqual([OUTPUT_MARKER, "published.html"]);
    expect(readdirSync(work).filter((f) => f.includes(".tmp-"))).toEqual([]);
  });

  it("cleans up folders left by a build that was killed", async () => {
    const out = path.join(work, "abandoned-out");
    // Pid 2^22+1 is above Linux's default pid_max, so no live process has it.
    const stale = [`${out}.tmp-4194305`, `${out}.old-4194305`];
    for (const dir of stale) mkdirSync(dir, { recursive: true });
    await buildSite({ outDir: out, rootDir: path.join(FIXTURES, "valid-site") });
    await expect.poll(() => stale.filter((d) => existsSync(d)), { timeout: 10_000 }).toEqual([]);
    expect(existsSync(path.join(out, "index.html"))).toBe(true);
  });

  it("names both files when two articles claim one URL", async () => {
    const root = path.join(work, "dupes");
    cpSync(path.join(FIXTURES, "valid-site"), root, { recursive: true });
    mkdirSync(path.join(root, "content/other"), { recursive: true });
    cpSync(path.join(root, "content/gia-lai/2016-11-29-hoi-nghi-tong-ket.md"), path.join(root, "content/other/2016-12-01-hoi-nghi-tong-ket.md"));
    const error = await buildSite({ outDir: path.join(work, "dupes-out"), rootDir: root }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContentValidationError);
    const [dupe] = (error as ContentValidationError).errors;
    expect(dupe?.message).toContain("/gia-lai/2016/hoi-nghi-tong-ket/");
    expect(dupe?.message).toContain("content/gia-lai/2016-11-29-hoi-nghi-tong-ket.md");
    expect(dupe?.file).toBe("content/other/2016-12-01-hoi-nghi-tong-ket.md");
  });

  it("the CLI exits non-zero and prints all errors", () => {
    const run = spawnSync(process.execPath, ["--import", "tsx", path.join(ROOT, "scripts/build.ts"), "--root", path.join(FIXTURES, "invalid-site"), "--out", path.join(work, "cli-out")], { cwd: ROOT, encoding: "utf8", env: { ...process.env, LANG: "en_US.UTF-8" } });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("Build failed: the content has errors");
    expect(run.stderr).toMatch(/\d+ errors in 7 files/);
    expect(run.stderr).toContain("content/x/2016-11-29-bad-province.md:4: province:");
    expect(existsSync(path.join(work, "cli-out"))).toBe(false);
  });
});

describe("the seed articles (test/fixtures/seed-site)", () => {
  it("builds all five with their officials and awards", async () => {
    const root = copyFixture("seed-site");
    try {
      const out = path.join(work, "seed");
      const result = await buildSite({ outDir: out, rootDir: root });
      expect(result.articleCount).toBe(5);
      const gl = read(out, "gia-lai/2016/hoi-nghi-danh-gia-nhiem-vu-2016-trien-khai-ke-hoach-2017/index.html");
      for (const name of ["Nguyễn Dũng", "Trần Thị Bích Thủy", "Nguyễn Ngọc Hùng", "Ngô Hữu Công"]) expect(gl).toContain(name);
      expect(gl.match(/<li><strong>/g)).toHaveLength(5);
      expect(read(out, "ho-chi-minh/index.html")).toContain("/binh-duong/2017/");
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

/**
 * The parse cache (src/cache/): a warm load re-parses nothing and gives the
 * same articles as a cold one; it re-parses exactly what changed; it is
 * never stale when the code key or the message language changes; and a
 * damaged or crafted cache never crashes the load, never changes what it
 * returns, and is never read or written through a symlink.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import MarkdownIt from "markdown-it";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { articleDigest } from "../src/build/stable-digest.ts";
import { isRenderedMarkdown, reviveCachedEntry } from "../src/cache/cached-article.ts";
import { PARSE_CACHE_DIR, parseCacheKey, shardOf } from "../src/cache/parse-cache.ts";
import { loadContent, type LoadResult } from "../src/content/load-content.ts";
import { loadContentParallel, type ParallelLoadResult } from "../src/content/parallel-load.ts";
import { renderMarkdown } from "../src/markdown.ts";
import { setLanguage } from "../src/messages/index.ts";
import { rememberedTable, rememberedWords } from "../src/search/search-record.ts";
import { generateArticles } from "../scripts/generate-articles.ts";

const work = mkdtempSync(path.join(tmpdir(), "parse-cache-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Every Markdown construct the renderer has, so the cache's HTML check must accept them all. */
const RICH_BODY = `Đoạn mở đầu có **đậm**, *nghiêng*, ~~gạch~~, \`mã\`, [liên kết](https://example.gov.vn/a?b=1&c=2 "tiêu đề") và <https://example.gov.vn>.
Dòng mới mềm.  
Ngắt dòng cứng. Ký tự đặc biệt: < > & " ' © —.

## Tiêu đề hai

### Tiêu đề ba

> Trích dẫn
> nhiều dòng

1. một
2. hai

3) ba

- a
- b

---

| Cột trái | Giữa | Phải |
|:---|:---:|---:|
| 1 | 2 | 3 |

\`\`\`js
const x = 1 < 2;
\`\`\`

    mã thụt lề

![ảnh trong bài](anh.jpg "tiêu đề ảnh") ![ảnh ở xa](https://example.gov.vn/anh/x.png)

<b>HTML thô hiện thành chữ</b> [xấu](javascript:alert(1))
`;

/** Markup the renderer writes that an article cannot publish (a level-1 heading warns, a data: picture is refused): for the HTML check only. */
const RENDERER_ONLY = `# Tiêu đề một\n\n![dữ liệu](data:image/png;base64,AAAA)\n`;

const RICH = `---
title: "Bài đầy đủ: mọi trường"
date: 2016-11-29T14:00
province: binh-dinh
agency: Sở Thông tin và Truyền thông
reviewYear: 2016
planYear: 2017
officials:
  - name: Nguyễn Dũng
    role: Giám đốc
    honorific: Ông
awards:
  - title: Lao động tiên tiến
    recipient: cá nhân
    count: 11
    conferredBy: Giám đốc Sở
author: Trần Thị Bích Thủy
summary: Tóm tắt.
image:
  src: anh.jpg
  alt: Toàn cảnh
  caption: Chú thích
tags: [tổng kết, "chuyển đổi số"]
aliases:
  - /tin-tuc/bai-cu/
  - /tin-tuc/bai-cu.html
---
${RICH_BODY}`;

function makeSite(name: string, count = 12): string {
  const root = path.join(work, name);
  generateArticles(root, count);
  mkdirSync(path.join(root, "content/binh-dinh"), { recursive: true });
  writeFileSync(path.join(root, "content/binh-dinh/2016-11-29-bai-day-du.md"), RICH);
  writeFileSync(path.join(root, "content/binh-dinh/anh.jpg"), "jpeg");
  writeFileSync(path.join(root, "content/binh-dinh/2016-11-30-loi.md"), "---\ntitle: Lỗi\ndate: 2016-02-30\nprovince: gia-lia\n---\nx\n");
  return root;
}

/** A load on two workers; waits for the cache to be written, as the next load of a test expects it. */
async function load(root: string): Promise<ParallelLoadResult> {
  const result = await loadContentParallel({ rootDir: root, threads: 2, minFiles: 1 });
  await result.cacheSaved;
  return result;
}

/** Everything a load returns, in comparable form (SafeHtml as its string). */
function snapshot(result: LoadResult): unknown {
  return { articles: result.articles.map((a) => ({ ...a, body: a.body.value })), errors: result.errors, fileCount: result.fileCount };
}

function shardFiles(root: string): string[] {
  const dir = path.join(root, PARSE_CACHE_DIR);
  return readdirSync(dir).filter((f) => f.endsWith(".json")).map((f) => path.join(dir, f));
}

/** Rewrites the cached value of `file` with `change`. */
function tamper(root: string, file: string, change: (value: Record<string, unknown>) => void): void {
  const shard = path.join(root, PARSE_CACHE_DIR, `${shardOf(file)}.json`);
  const json = JSON.parse(readFileSync(shard, "utf8")) as { entries: Record<string, { value: Record<string, unknown> }> };
  const entry = json.entries[file];
  if (!entry) throw new Error(`${file} is not cached`);
  change(entry.value);
  writeFileSync(shard, JSON.stringify(json));
}

/** Replaces one of the cached texts of `file` ("html", "text" or "words") in its shard's blob with `text`. */
function tamperText(root: string, file: string, which: "html" | "text" | "words", text: string): void {
  const shard = path.join(root, PARSE_CACHE_DIR, `${shardOf(file)}.json`);
  const json = JSON.parse(readFileSync(shard, "utf8")) as { blob: string; entries: Record<string, { value: { spans: Record<string, [number, number]> } }> };
  const entry = json.entries[file];
  if (!entry) throw new Error(`${file} is not cached`);
  const blob = path.join(root, PARSE_CACHE_DIR, `${shardOf(file)}-${json.blob}.bin`);
  const bytes = readFileSync(blob);
  const added = Buffer.from(text, "utf8");
  writeFileSync(blob, Buffer.concat([bytes, added]));
  entry.value.spans[which] = [bytes.length, added.length];
  writeFileSync(shard, JSON.stringify(json));
}

const RICH_FILE = "content/binh-dinh/2016-11-29-bai-day-du.md";

describe("parse cache", () => {
  let root: string;
  let cold: ParallelLoadResult;
  beforeEach(async () => {
    root = makeSite(`site-${Math.random().toString(36).slice(2)}`);
    cold = await load(root);
  });

  it("answers a warm load entirely from the cache, with the same result as a cold and a serial load", async () => {
    expect(cold.cacheHits).toBe(0);
    expect(cold.errors.length).toBeGreaterThan(0); // the broken file
    const warm = await load(root);
    expect(warm.cacheHits).toBe(cold.fileCount - 1); // every valid file; errors are never cached
    expect(snapshot(warm)).toEqual(snapshot(cold));
    expect(snapshot(warm)).toEqual(snapshot(loadContent({ rootDir: root })));
    const rich = warm.articles.find((a) => a.sourcePath === RICH_FILE);
    expect(rich?.image?.sourceFile).toBe("content/binh-dinh/anh.jpg");
    // Article digests made by the workers (cold), kept by the cache (warm) and made here (serial) agree.
    const serial = loadContent({ rootDir: root }).articles.map(articleDigest);
    expect(cold.articles.map(articleDigest)).toEqual(serial);
    expect(warm.articles.map(articleDigest)).toEqual(serial);
    expect(new Set(serial).size).toBe(serial.length);
  });

  it("re-parses exactly the files that changed, and drops deleted ones from the cache", async () => {
    const file = path.join(root, RICH_FILE);
    writeFileSync(file, RICH.replace("Tóm tắt.", "Tóm tắt mới."));
    const victim = cold.articles.find((a) => a.sourcePath !== RICH_FILE)!;
    unlinkSync(path.join(root, victim.sourcePath));
    const warm = await load(root);
    expect(warm.cacheHits).toBe(cold.fileCount - 3); // edited, deleted, broken
    expect(warm.articles.find((a) => a.sourcePath === RICH_FILE)?.summary).toBe("Tóm tắt mới.");
    // Its shard is rewritten without it, or removed when it held no other file.
    const shard = path.join(root, PARSE_CACHE_DIR, `${shardOf(victim.sourcePath)}.json`);
    expect(existsSync(shard) ? readFileSync(shard, "utf8") : "").not.toContain(victim.sourcePath);
  });

  it("reports an article's image that disappeared even though the article is cached", async () => {
    unlinkSync(path.join(root, "content/binh-dinh/anh.jpg"));
    const warm = await load(root);
    expect(warm.errors.some((e) => e.file === RICH_FILE && e.field === "image.src")).toBe(true);
    expect(warm.errors.some((e) => e.file === RICH_FILE && e.field === "body" && e.line !== undefined)).toBe(true);
  });

  it("is never used across a change of code version or message language", async () => {
    expect(parseCacheKey("code-1", "en")).not.toBe(parseCacheKey("code-2", "en"));
    expect(parseCacheKey("code-1", "en")).not.toBe(parseCacheKey("code-1", "vi"));
    // Another code version: every shard carries a key the current code does not have.
    for (const shard of shardFiles(root)) writeFileSync(shard, readFileSync(shard, "utf8").replace(/"key":"[0-9a-f]+"/, `"key":"${"0".repeat(64)}"`));
    expect((await load(root)).cacheHits).toBe(0);
    // Another language: nothing reused, and errors come in that language.
    setLanguage("vi");
    try {
      expect((await load(root)).cacheHits).toBe(0);
    } finally {
      setLanguage("en");
    }
    expect((await load(root)).cacheHits).toBe(0);
    expect((await load(root)).cacheHits).toBe(cold.fileCount - 1);
  });

  it("survives damaged shards: truncated, not JSON, wrong shapes", async () => {
    const shards = shardFiles(root);
    const damage = ["", "{", "null", "[]", '{"format":"tong-ket-parse-cache-2","key":1,"entries":[]}', "\u0000\u0001binary"];
    shards.forEach((shard, i) => writeFileSync(shard, i < damage.length ? damage[i]! : readFileSync(shard, "utf8").slice(0, 100)));
    const again = await load(root);
    expect(snapshot(again)).toEqual(snapshot(cold));
    // … and rewrites them, so the next load is warm again.
    expect((await load(root)).cacheHits).toBe(cold.fileCount - 1);
  });

  it("never serves a crafted entry: paths, URLs, images, markup and prototypes are checked", async () => {
    const crafted: ((v: Record<string, unknown>) => void)[] = [
      (v) => ((v["article"] as Record<string, unknown>)["url"] = "/../../../etc/"),
      (v) => ((v["article"] as Record<string, unknown>)["sourcePath"] = "content/other.md"),
      (v) => ((v["article"] as Record<string, unknown>)["province"] = { id: "atlantis" }),
      (v) => ((v["article"] as Record<string, unknown>)["aliases"] = ["/../../outside/"]),
      (v) => ((v["article"] as Record<string, unknown>)["image"] = { src: `/binh-dinh/2016/bai-day-du/anh.jpg`, alt: "x", sourceFile: "../../etc/passwd" }),
      (v) => ((v["article"] as Record<string, unknown>)["title"] = "Tiêu đề\u0007"),
      (v) => ((v["article"] as Record<string, unknown>)["bodyImages"] = [{ src: "anh.jpg", alt: "x", line: 1, sourceFile: "../../etc/passwd" }]),
      (v) => ((v["article"] as Record<string, unknown>)["bodyImages"] = [{ src: "javascript:alert(1)", alt: "x", line: 1 }]),
      (v) => ((v["article"] as Record<string, unknown>)["officials"] = [{ name: "A", id: "../x" }]),
      (v) => ((v["article"] as Record<string, unknown>)["extra"] = 1),
      // An own "__proto__" key, as JSON.parse creates it from crafted text.
      (v) => Object.defineProperty(v["article"], "__proto__", { value: { polluted: true }, enumerable: true }),
      (v) => (v["spans"] = { html: [0, 1e12], text: [0, 1], words: [0, 1] }), // beyond the blob
      (v) => (v["spans"] = { html: [-1, 2], text: [0, 1], words: [0, 1] }),
      (v) => (v["spans"] = 42),
      (v) => (v["digest"] = "not a digest"),
      (v) => delete v["digest"],
    ];
    for (const change of crafted) {
      tamper(root, RICH_FILE, change);
      const result = await load(root);
      expect(result.cacheHits).toBe(cold.fileCount - 2); // the crafted entry is a miss, the file is parsed again
      expect(snapshot(result)).toEqual(snapshot(cold));
    }
    // Texts in the blob are checked when read: a crafted one is never served, the file is parsed again then.
    const craftedTexts: ["html" | "text" | "words", string][] = [
      ["html", "<p>x</p><script>alert(1)</script>"],
      ["html", '<p><a href="javascript:alert(1)">x</a></p>'],
      ["html", '<p><a href="&#106;avascript:alert(1)">x</a></p>'],
      ["html", '<p><a href="java\tscript:alert(1)">x</a></p>'],
      ["html", '<p><img src="x" onerror="alert(1)"></p>'],
      ["html", '<p><img data-x="1" src="x"></p>'],
      ["html", '<p style="background:url(x)">x</p>'],
      ["html", "<p>x</p><!-- <script> -->"],
      ["html", "<p>x</p><iframe src=x></iframe>"],
      ["html", '<p><img data-anh="7" src="anh.jpg" alt="x"></p>'], // a picture the article does not have
      ["text", "chữ\u0007"],
    ];
    for (const [which, text] of craftedTexts) {
      await load(root); // a clean cache again
      tamperText(root, RICH_FILE, which, text);
      const result = await load(root);
      expect(snapshot(result)).toEqual(snapshot(cold));
      expect(result.articles.map((a) => a.body.value + a.bodyText).join("")).not.toContain(text);
    }
    // A text longer than any article's (limits.ts) is a miss even when the blob holds it.
    await load(root);
    tamperText(root, RICH_FILE, "text", "chữ ".repeat(400_000));
    const long = await load(root);
    expect(long.cacheHits).toBe(cold.fileCount - 2);
    expect(snapshot(long)).toEqual(snapshot(cold));
    // Pictures taken away: the body (whose data-anh="0" would point at nothing) fails its check when read and comes from the file.
    await load(root);
    tamper(root, RICH_FILE, (v) => ((v["article"] as Record<string, unknown>)["bodyImages"] = []));
    const noPictures = await load(root);
    const coldRich = cold.articles.find((a) => a.sourcePath === RICH_FILE)!;
    expect(noPictures.articles.find((a) => a.sourcePath === RICH_FILE)?.body.value).toBe(coldRich.body.value);
    // Search words with a control character are no words: the search step folds the article again.
    await load(root);
    tamperText(root, RICH_FILE, "words", "1 a\u0000 1");
    const words = await load(root);
    const rich = words.articles.find((a) => a.sourcePath === RICH_FILE)!;
    const table = rememberedTable(words.articles);
    expect(table).toBeDefined();
    expect(rememberedWords(rich, table!)).toBeUndefined();
    expect(rememberedWords(words.articles.find((a) => a.sourcePath !== RICH_FILE)!, table!)?.ids.length).toBeGreaterThan(0);
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
  }, 240_000); // two worker loads per crafted entry: minutes on a loaded shared machine

  it("neither reads nor writes through symlinks in the cache", async () => {
    const outside = path.join(work, `outside-${Math.random().toString(36).slice(2)}`);
    mkdirSync(outside);
    const target = path.join(outside, "secret.json");
    writeFileSync(target, "do not touch");
    const shard = path.join(root, PARSE_CACHE_DIR, `${shardOf(RICH_FILE)}.json`);
    rmSync(shard);
    symlinkSync(target, shard);
    const result = await load(root);
    expect(snapshot(result)).toEqual(snapshot(cold));
    expect(readFileSync(target, "utf8")).toBe("do not touch");
    // Nor a blob that is a symlink: its shard is parsed again.
    rmSync(shard);
    await load(root);
    const json = JSON.parse(readFileSync(shard, "utf8")) as { blob: string };
    const blob = path.join(root, PARSE_CACHE_DIR, `${shardOf(RICH_FILE)}-${json.blob}.bin`);
    writeFileSync(path.join(outside, "blob.bin"), readFileSync(blob));
    rmSync(blob);
    symlinkSync(path.join(outside, "blob.bin"), blob);
    const viaLink = await load(root);
    expect(snapshot(viaLink)).toEqual(snapshot(cold));
    expect(viaLink.cacheHits).toBeLessThan(cold.fileCount - 1);
    rmSync(path.join(outside, "blob.bin"));
    // A symlinked cache folder is not used at all.
    rmSync(path.join(root, PARSE_CACHE_DIR), { recursive: true });
    symlinkSync(outside, path.join(root, PARSE_CACHE_DIR));
    expect((await load(root)).cacheHits).toBe(0);
    expect(readdirSync(outside)).toEqual(["secret.json"]);
  });
});

describe("isRenderedMarkdown (the cache's check of body HTML)", () => {
  it("accepts everything the Markdown renderer writes", () => {
    for (const body of [RICH_BODY, RENDERER_ONLY]) {
      expect(isRenderedMarkdown(renderMarkdown(body).html.value)).toBe(true);
      const plain = new MarkdownIt({ html: false }).render(body);
      expect(isRenderedMarkdown(plain)).toBe(true);
    }
  });

  it("refuses markup the renderer never writes", () => {
    for (const html of ["<script>x</script>", "<p onclick=\"x\">a</p>", '<a href="vbscript:x">a</a>', '<img src="data:text/html,x">', "<p>&#60;script&#62;</p>", "<P>x</P>", "<p>x</p><", "<svg><script>x</script></svg>"]) {
      expect(isRenderedMarkdown(html), html).toBe(false);
    }
  });

  it("rejects a cached article that is not an object", () => {
    expect(reviveCachedEntry(RICH_FILE, null, 100)).toBeUndefined();
    expect(reviveCachedEntry(RICH_FILE, "x", 100)).toBeUndefined();
    expect(reviveCachedEntry(RICH_FILE, { article: [], digest: "", spans: {} }, 100)).toBeUndefined();
  });
});

/**
 * Article pictures: what the build accepts (real JPEG/PNG/WebP/AVIF/GIF by
 * their bytes, within file and pixel limits), what it makes of them
 * (upright sRGB renditions at 360/720/1200 px, never upscaled, no camera
 * metadata, cached by content), the errors an editor gets, and the markup.
 */
import type { ContentError } from "../src/content/errors.ts";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Article } from "../src/content/article.ts";
import { loadContent } from "../src/content/load-content.ts";
import { prepareArticleMedia, type ArticleMedia, type MediaIndex, type MediaStats } from "../src/images/article-media.ts";
import { feedBody, pageBody, pictureHtml, thumbnailHtml } from "../src/images/picture-html.ts";
import { describeContents, sniffImageFormat } from "../src/images/sniff.ts";
import { explainIn } from "../src/messages/index.ts";
import { HEADER_RULES, IMMUTABLE_CACHE, headersForPath } from "../src/security-headers.ts";
import { siteConfigFromEnv } from "../src/site-config.ts";
import { alphaPng, cmykJpeg, photoJpeg, pngBomb, SVG_WITH_SCRIPT } from "./image-fixtures.ts";
import { mdFile, MINIMAL, parseErrors, parseOk } from "./helpers.ts";

describe("what an image file is, by its bytes", () => {
  it("recognises the five raster formats the site publishes", async () => {
    const base = sharp({ create: { width: 4, height: 4, channels: 3, background: "#a3181d" } });
    expect(sniffImageFormat(await base.clone().jpeg().toBuffer())).toBe("jpeg");
    expect(sniffImageFormat(await base.clone().png().toBuffer())).toBe("png");
    expect(sniffImageFormat(await base.clone().webp().toBuffer())).toBe("webp");
    expect(sniffImageFormat(await base.clone().avif().toBuffer())).toBe("avif");
    expect(sniffImageFormat(await base.clone().gif().toBuffer())).toBe("gif");
  });

  it("refuses SVG, HTML, PDF, HEIC-like and empty files whatever their name", () => {
    const cases: [string | Buffer, string][] = [
      [SVG_WITH_SCRIPT, "svg"],
      ['<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"/>', "svg"],
      ["<!doctype html><script>alert(1)</script>", "html"],
      ["%PDF-1.7\n", "pdf"],
      [Buffer.concat([Buffer.from([0, 0, 0, 24]), Buffer.from("ftypheic\0\0\0\0mif1heic", "latin1")]), "heic"],
      ["", "empty"],
      ["just text", "unknown"],
    ];
    for (const [contents, kind] of cases) {
      const bytes = typeof contents === "string" ? Buffer.from(contents) : contents;
      expect(sniffImageFormat(bytes), kind).toBeUndefined();
      expect(describeContents(bytes)).toBe(kind);
    }
  });
});

describe("pictures in the body", () => {
  it("are listed with their file line and the file next to the article", () => {
    const source = mdFile(MINIMAL, "Đoạn đầu.\n\n![Toàn cảnh hội nghị](toan-canh.jpg \"Chiều 29/11\")\n\nĐoạn giữa ![Trao thưởng](https://cdn.example.vn/a.jpg).");
    const article = parseOk(source, "content/gia-lai/2016-11-29-hoi-nghi.md");
    expect(article.bodyImages).toEqual([
      { src: "toan-canh.jpg", alt: "Toàn cảnh hội nghị", title: "Chiều 29/11", line: 8, sourceFile: "content/gia-lai/toan-canh.jpg" },
      { src: "https://cdn.example.vn/a.jpg", alt: "Trao thưởng", line: 10 },
    ]);
    expect(article.body.value).toContain('<img data-anh="0" src="toan-canh.jpg" alt="Toàn cảnh hội nghị" title="Chiều 29/11" loading="lazy" decoding="async">');
  });

  it("must have alt text and be a file next to the article or an https:// address: one error per picture, with its line", () => {
    const errors = parseErrors(mdFile(MINIMAL, "![](anh.jpg)\n\n![Ảnh](../khac/anh.jpg)\n\n![Ảnh](http://example.vn/a.jpg)\n\n![Ảnh](data:image/png;base64,iVBORw0KGgo=)\n\n![Ảnh](anh.svg)"));
    expect(errors.map((e) => [e.line, e.field, e.code, e.value])).toEqual([
      [6, "body", "media.bodyAltMissing", '"anh.jpg"'],
      [8, "body", "media.bodySrcInvalid", '"../khac/anh.jpg"'],
      [10, "body", "media.bodySrcInvalid", '"http://example.vn/a.jpg"'],
      [12, "body", "media.bodySrcInvalid", '"data:image/png;base64,iVBORw0KGgo="'],
      [14, "body", "media.bodySrcInvalid", '"anh.svg"'],
    ]);
    expect(errors[0]?.fix).toBe("write it like: ![Toàn cảnh hội nghị](anh.jpg)");
  });

  it("are reported together with the front matter's errors", () => {
    const errors = parseErrors(mdFile(`${MINIMAL.replace("gia-lai", "gia-lia")}`, "![](anh.jpg)"));
    expect(errors.map((e) => e.field)).toEqual(["province", "body"]);
  });

  it("are limited in number", () => {
    const body = Array.from({ length: 41 }, (_, i) => `![Ảnh ${i}](anh-${i}.jpg)`).join("\n\n");
    expect(parseErrors(mdFile(MINIMAL, body)).map((e) => e.code)).toEqual(["media.tooManyBodyImages"]);
  });
});

/** A content folder in a temp dir with one article per case. */
const work = mkdtempSync(path.join(tmpdir(), "images-test-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function article(dir: string, name: string, image: string | undefined, body = "Nội dung.", caption = ""): void {
  const fm = `title: Bài ${name}\ndate: 2016-11-29\nprovince: gia-lai${image ? `\nimage:\n  src: ${image}\n  alt: Ảnh của bài ${name}${caption ? `\n  caption: ${caption}` : ""}` : ""}`;
  writeFileSync(path.join(dir, `2016-11-29-${name}.md`), mdFile(fm, body));
}

describe("processing an article's pictures", () => {
  const root = path.join(work, "site");
  const dir = path.join(root, "content/gia-lai");
  let articles: readonly Article[] = [];
  type Prepared = { index: MediaIndex; errors: readonly { file: string; field?: string; line?: number; code?: string; message: string; fix?: string }[]; stats: MediaStats };
  let first: Prepared;
  /** The valid articles alone (a build with errors makes no share cards: it publishes nothing). */
  let clean: Prepared;
  let cached: Prepared;
  const BAD = ["bom", "svg", "cut", "qua-lon", "lien-ket", "thieu"];
  const media = (name: string): ArticleMedia | undefined => {
    const a = articles.find((x) => x.slug === name);
    if (!a) throw new Error(`no article ${name}`);
    return clean.index.of(a);
  };
  let loaderErrors: readonly ContentError[] = [];
  const errorsOf = (name: string) => [...loaderErrors, ...first.errors].filter((e) => e.file.endsWith(`-${name}.md`));

  beforeAll(async () => {
    mkdirSync(dir, { recursive: true });
    const photo = await photoJpeg(2000, 1125, { orientation: 6 });
    writeFileSync(path.join(dir, "dung.jpg"), photo);
    writeFileSync(path.join(dir, "nho.png"), await alphaPng(300, 200));
    writeFileSync(path.join(dir, "cmyk.jpg"), await cmykJpeg());
    writeFileSync(path.join(dir, "that-ra-la-png.jpg"), await alphaPng(120, 90));
    writeFileSync(path.join(dir, "bom.png"), pngBomb());
    writeFileSync(path.join(dir, "ve.jpg"), SVG_WITH_SCRIPT);
    writeFileSync(path.join(dir, "cut.jpg"), photo.subarray(0, Math.floor(photo.length / 2)));
    const huge = Buffer.alloc(26 * 1024 * 1024);
    Buffer.from([0xff, 0xd8, 0xff, 0xe0]).copy(huge);
    writeFileSync(path.join(dir, "qua-lon.jpg"), huge);
    writeFileSync(path.join(work, "ngoai.jpg"), await photoJpeg(64, 48));
    symlinkSync(path.join(work, "ngoai.jpg"), path.join(dir, "lien-ket.jpg"));
    article(dir, "anh-dung", "dung.jpg", "Đoạn một.\n\n![Ảnh trong bài](nho.png)\n\n![Ảnh ngoài](https://cdn.example.vn/x.jpg)", "Chú thích");
    article(dir, "cmyk", "cmyk.jpg");
    article(dir, "doi-duoi", "that-ra-la-png.jpg");
    article(dir, "khong-anh", undefined);
    article(dir, "anh-xa", "https://cdn.example.vn/anh.jpg");
    article(dir, "bom", "bom.png");
    article(dir, "svg", "ve.jpg");
    article(dir, "cut", undefined, "Mở đầu.\n\n![Ảnh hỏng](cut.jpg)");
    article(dir, "qua-lon", "qua-lon.jpg");
    article(dir, "lien-ket", "lien-ket.jpg");
    article(dir, "thieu", undefined, "![Ảnh thiếu](khong-co.jpg)");
    const loaded = loadContent({ rootDir: root });
    // What the file system alone shows (a link, too many bytes, no file) the loader reports, through the checked reader.
    loaderErrors = loaded.errors;
    articles = loaded.articles;
    first = await prepareArticleMedia(articles, { rootDir: root, siteName: "Tổng kết công tác năm" });
    const good = articles.filter((a) => !BAD.includes(a.slug));
    clean = await prepareArticleMedia(good, { rootDir: root, siteName: "Tổng kết công tác năm" });
    cached = await prepareArticleMedia(good, { rootDir: root, siteName: "Tổng kết công tác năm" });
  }, 180_000);

  it("refuses every bad file with an error naming the article, the field, the line and the fix", () => {
    expect(errorsOf("bom").map((e) => [e.field, e.code, e.message])).toEqual([["image.src", "media.tooManyPixels", "the picture is too big (20000 × 20000 pixels)"]]);
    expect(errorsOf("svg").map((e) => [e.field, e.code, e.message])).toEqual([["image.src", "media.notAnImage", "is not a JPEG, PNG, WebP, AVIF or GIF image (the file contains an SVG drawing, whatever its name says)"]]);
    expect(errorsOf("cut").map((e) => [e.field, e.line, e.code])).toEqual([["body", 8, "media.unreadable"]]);
    expect(errorsOf("cut")[0]?.message).toMatch(/damaged or incomplete.*Premature end/);
    expect(errorsOf("qua-lon").map((e) => [e.code, e.message])).toEqual([["content.read.imageTooLarge", "the image qua-lon.jpg is too large: 26.0 MiB"]]);
    expect(errorsOf("lien-ket").map((e) => e.code)).toEqual(["content.read.link"]);
    expect(errorsOf("thieu").map((e) => [e.field, e.line, e.code])).toEqual([["body", 6, "content.imageMissing"]]);
    for (const e of [...loaderErrors, ...first.errors]) expect(e.fix, e.code).toBeTruthy();
    expect(loaderErrors).toHaveLength(3);
    expect(first.errors).toHaveLength(3);
  });

  it("in Vietnamese by default", () => {
    expect(explainIn("vi", "media.notAnImage", { found: "một bản vẽ SVG" }).message).toBe("không phải ảnh JPEG, PNG, WebP, AVIF hoặc GIF (nội dung tệp là một bản vẽ SVG, dù tên tệp nói khác)");
  });

  it("makes AVIF, WebP and JPEG at 360, 720 and 1200 px (at most the photo's own width) of an upright photo, with their real sizes", async () => {
    const lead = media("anh-dung")?.lead;
    if (lead?.kind !== "local") throw new Error("expected a processed lead picture");
    // 2000 × 1125 turned by its EXIF orientation (6: 90°) is 1125 × 2000: the widest rendition is the photo's own width.
    expect(lead.renditions.map((r) => `${r.format} ${r.width}×${r.height}`)).toEqual([
      "avif 360×640", "avif 720×1280", "avif 1125×2000",
      "webp 360×640", "webp 720×1280", "webp 1125×2000",
      "jpeg 360×640", "jpeg 720×1280", "jpeg 1125×2000",
    ]);
    expect([lead.width, lead.height]).toEqual([1125, 2000]);
    const jpeg = lead.renditions.find((r) => r.format === "jpeg" && r.width === 720);
    const output = clean.index.outputs.find((o) => o.path === `anh/${path.basename(jpeg?.url ?? "")}`);
    const meta = await sharp(output?.from ?? "").metadata();
    expect([meta.width, meta.height, meta.space, meta.orientation, meta.exif]).toEqual([720, 1280, "srgb", undefined, undefined]);
    expect(lead.caption).toBe("Chú thích");
  });

  it("never upscales a small picture, keeps its body pictures in order, leaves remote ones as they are", () => {
    const body = media("anh-dung")?.body ?? [];
    expect(body.map((b) => b.kind)).toEqual(["local", "remote"]);
    const small = body[0];
    if (small?.kind !== "local") throw new Error("expected a processed body picture");
    expect([...new Set(small.renditions.map((r) => r.width))]).toEqual([300]);
    // eleventy-img leaves out a width the photo barely exceeds (under 1.25×): a 900 px photo gets 360 and 720, not a 900 that is hardly larger.
    expect(body[1]).toEqual({ kind: "remote", url: "https://cdn.example.vn/x.jpg", alt: "Ảnh ngoài" });
  });

  it("turns a CMYK JPEG into sRGB and takes a PNG named .jpg for what it is", async () => {
    for (const name of ["cmyk", "doi-duoi"]) {
      const lead = media(name)?.lead;
      if (lead?.kind !== "local") throw new Error(`${name}: expected a processed picture`);
      const file = clean.index.outputs.find((o) => o.path.endsWith(path.basename(lead.renditions.at(-1)?.url ?? "")))?.from ?? "";
      expect((await sharp(file).metadata()).space, name).toBe("srgb");
    }
  });

  it("makes a list thumbnail and a 1200 × 630 share card from the photo, and a generated card otherwise", () => {
    const m = media("anh-dung");
    expect(m?.thumbnail?.renditions.map((r) => `${r.format} ${r.width}×${r.height}`)).toEqual(["avif 240×180", "webp 240×180", "jpeg 240×180"]);
    expect(m?.share).toMatchObject({ width: 1200, height: 630, type: "image/jpeg", alt: "Ảnh của bài anh-dung" });
    expect(m?.share?.url).toMatch(/^\/anh\/[0-9a-f]{16}-og\.jpg$/);
    for (const name of ["khong-anh", "anh-xa"]) {
      expect(media(name)?.share, name).toMatchObject({ width: 1200, height: 630, type: "image/png" });
      expect(media(name)?.share?.url, name).toMatch(/^\/anh\/the-[0-9a-f]{16}\.png$/);
    }
    expect(media("anh-xa")?.lead).toEqual({ kind: "remote", url: "https://cdn.example.vn/anh.jpg", alt: "Ảnh của bài anh-xa" });
    expect(media("anh-xa")?.feedImage).toEqual({ url: "https://cdn.example.vn/anh.jpg", type: "image/jpeg", bytes: 0 });
  });

  it("publishes only processed files under /anh/, never the originals, cached for ever by CDNs (content-hashed names)", () => {
    expect(headersForPath(HEADER_RULES, "/anh/0123456789abcdef-720.avif")["Cache-Control"]).toBe(IMMUTABLE_CACHE);
    const paths = clean.index.outputs.map((o) => o.path);
    expect(paths.length).toBeGreaterThan(20);
    for (const p of paths) expect(p).toMatch(/^anh\/(?:[0-9a-f]{16}-(?:\d+|n240|og)\.(?:avif|webp|jpg)|the-[0-9a-f]{16}\.png)$/);
  });

  it("costs nothing for unchanged pictures and cards on the next build", () => {
    expect(first.stats).toMatchObject({ imagesMade: 4, cardsMade: 0 });
    expect(clean.errors).toEqual([]);
    expect(clean.stats).toMatchObject({ imagesMade: 0, imagesCached: 4, cardsMade: 2, cardsCached: 0 });
    expect(cached.stats).toMatchObject({ imagesMade: 0, imagesCached: 4, cardsMade: 0, cardsCached: 2 });
    console.log(`media preparation: cold ${first.stats.imageMs} ms images + ${clean.stats.cardMs} ms cards; cached ${cached.stats.imageMs} ms + ${cached.stats.cardMs} ms`);
    for (const a of articles.filter((x) => !BAD.includes(x.slug))) expect(cached.index.of(a)).toEqual(clean.index.of(a));
  });

  it("draws no card when generated cards are switched off (GENERATED_SHARE_CARDS=0); a photo's card stays", async () => {
    const some = articles.filter((a) => a.slug === "khong-anh" || a.slug === "anh-dung");
    const off = await prepareArticleMedia(some, { rootDir: root, siteName: "S", generateCards: false });
    expect(off.index.of(some.find((a) => a.slug === "khong-anh") as Article)).toEqual({ body: [] });
    expect(off.index.of(some.find((a) => a.slug === "anh-dung") as Article)?.share?.type).toBe("image/jpeg");
    expect(off.stats.cardsMade + off.stats.cardsCached).toBe(0);
  });

  it("publishes the original only when asked (PUBLISH_ORIGINAL_IMAGES)", async () => {
    const good = articles.filter((a) => a.slug === "anh-dung");
    const withOriginals = await prepareArticleMedia(good, { rootDir: root, siteName: "S", publishOriginals: true });
    const lead = withOriginals.index.of(good[0] as Article)?.lead;
    expect(lead && "original" in lead ? lead.original?.url : undefined).toBe("/gia-lai/2016/anh-dung/dung.jpg");
    expect(withOriginals.index.outputs.some((o) => o.path === "gia-lai/2016/anh-dung/dung.jpg")).toBe(true);
  });

  it("writes <picture> with sources, srcset, sizes, width and height; eager for the lead, lazy in the body", () => {
    const config = siteConfigFromEnv({ SITE_URL: "https://example.gov.vn/tin" });
    const m = media("anh-dung");
    if (m?.lead?.kind !== "local") throw new Error("expected a processed lead picture");
    const lead = pictureHtml(config, m.lead, { eager: true }).value;
    expect(lead).toMatch(/^<picture><source type="image\/avif" srcset="\/tin\/anh\/[0-9a-f]{16}-360\.avif 360w, \/tin\/anh\/[0-9a-f]{16}-720\.avif 720w, \/tin\/anh\/[0-9a-f]{16}-1125\.avif 1125w" sizes="\(min-width: 48rem\) 46rem, calc\(100vw - 2rem\)"><source type="image\/webp" srcset="[^"]+" sizes="[^"]+"><img src="\/tin\/anh\/[0-9a-f]{16}-1125\.jpg" srcset="[^"]+ 360w, [^"]+ 720w, [^"]+ 1125w" sizes="[^"]+" width="1125" height="2000" alt="Ảnh của bài anh-dung" loading="eager" fetchpriority="high" decoding="async"><\/picture>$/);
    const a = articles.find((x) => x.slug === "anh-dung") as Article;
    const body = pageBody(config, a.body, m).value;
    expect(body).not.toContain("data-anh");
    expect(body).toMatch(/<picture><source type="image\/avif"[^>]*><source[^>]*><img src="\/tin\/anh\/[0-9a-f]{16}-300\.jpg"[^>]* width="300" height="200" alt="Ảnh trong bài" loading="lazy" decoding="async"><\/picture>/);
    expect(body).toContain('<img class="remote" src="https://cdn.example.vn/x.jpg" alt="Ảnh ngoài" loading="lazy" decoding="async" referrerpolicy="no-referrer">');
    expect(feedBody(config, a.body, m).value).toMatch(/<img src="https:\/\/example\.gov\.vn\/tin\/anh\/[0-9a-f]{16}-300\.jpg" width="300" height="200" alt="Ảnh trong bài">/);
    if (!m.thumbnail) throw new Error("expected a thumbnail");
    expect(thumbnailHtml(config, m.thumbnail).value).toMatch(/<img class="thumb" src="\/tin\/anh\/[0-9a-f]{16}-n240\.jpg"[^>]* sizes="120px" width="240" height="180" alt="" loading="lazy"/);
  });
});

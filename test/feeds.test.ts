/**
 * Feeds: well-formed (xmllint and fast-xml-parser), readable by a real feed
 * parser (feedsmith: RSS, Atom and JSON Feed), complete, correctly dated,
 * deterministic, limited, and safe with whatever an editor pastes.
 *
 * xmllint is required (apt-get install libxml2-utils): without it these tests
 * fail rather than skip, so a CI machine missing it cannot pass silently.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { XMLValidator } from "fast-xml-parser";
import { parseAtomFeed, parseJsonFeed, parseRssFeed, type AtomFeed, type JsonFeed, type RssFeed } from "feedsmith";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderArticlePage } from "../layouts/article.ts";
import { feedHeadLinks, feedVisibleLink } from "../layouts/feed-links.ts";
import { createSiteData } from "../src/site-data.ts";
import { SITE_PRODUCERS, planSite } from "../src/plan/site-outputs.ts";
import type { MediaIndex } from "../src/images/article-media.ts";
import type { OutputFile } from "../src/build/output-files.ts";
import { compareNewestFirst, type Article } from "../src/content/article.ts";
import { loadContent } from "../src/content/load-content.ts";
import { parseArticle } from "../src/content/parse-article.ts";
import { FEED_ITEM_LIMIT, JSON_FEED_VERSION, buildFeeds, feedPaths, feedsStep } from "../src/feeds.ts";
import { PROVINCES, UnknownProvinceError, formerUnitsOf, provinceFullName } from "../src/provinces.ts";
import { trustedHtml } from "../src/safe-html.ts";
import { DEFAULT_SITE_URL, siteConfigFromEnv, type SiteConfig } from "../src/site-config.ts";
import { buildSiteModel, type SiteModel } from "../src/site-model.ts";
import { UI } from "../src/ui-strings.ts";
import { SEED_SITE } from "./helpers.ts";

const CONFIG = siteConfigFromEnv({});

// ---------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------

/** Parses one Markdown file into an Article, failing loudly if it is invalid. */
function mdArticle(file: string, frontMatter: string, body = "Nội dung bài viết."): Article {
  const result = parseArticle(file, `---\n${frontMatter.trim()}\n---\n\n${body}\n`);
  if (!result.ok) throw new Error(`fixture ${file} is invalid:\n${JSON.stringify(result.errors, null, 2)}`);
  return result.article;
}

function modelOf(articles: readonly Article[], config: SiteConfig = CONFIG): SiteModel {
  return buildSiteModel(config, [...articles].sort(compareNewestFirst));
}

function text(file: OutputFile): string {
  if (typeof file.contents !== "string") throw new Error(`${file.path} is not text`);
  return file.contents;
}

function fileMap(files: readonly OutputFile[]): Map<string, string> {
  return new Map(files.map((f) => [f.path, text(f)]));
}

function need(files: ReadonlyMap<string, string>, p: string): string {
  const contents = files.get(p);
  if (contents === undefined) throw new Error(`no output file ${p}`);
  return contents;
}

/** Decodes the entities escapeHtml writes (for HTML-typed Atom/RSS text). */
function decodeHtml(html: string): string {
  const map: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'" };
  return html.replace(/&(amp|lt|gt|quot|#39);/g, (entity, name: string) => map[name] ?? entity);
}

/** Runs xmllint --noout over the XML outputs; fails (never skips) when xmllint is missing. */
function xmllint(files: readonly OutputFile[]): void {
  const dir = mkdtempSync(path.join(tmpdir(), "feeds-xmllint-"));
  try {
    const paths = files
      .filter((f) => f.path.endsWith(".xml"))
      .map((f, i) => {
        const target = path.join(dir, `${i}-${f.path.replaceAll("/", "_")}`);
        writeFileSync(target, text(f));
        return target;
      });
    try {
      execFileSync("xmllint", ["--noout", "--nonet", ...paths], { stdio: ["ignore", "pipe", "pipe"] });
    } catch (error) {
      const e = error as NodeJS.ErrnoException & { stderr?: Buffer };
      if (e.code === "ENOENT") throw new Error("xmllint is not installed: apt-get install -y libxml2-utils (the feed tests need it)");
      throw new Error(`xmllint rejected a feed:\n${e.stderr?.toString() ?? String(error)}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function expectWellFormed(files: readonly OutputFile[]): void {
  for (const file of files) {
    if (file.path.endsWith(".xml")) {
      expect(XMLValidator.validate(text(file)), file.path).toBe(true);
    } else {
      expect(() => JSON.parse(text(file)), file.path).not.toThrow();
    }
  }
  xmllint(files);
}

/** Item URLs, dates and titles of one feed set, through the real parser. */
interface ParsedSet {
  readonly rss: RssFeed.Feed<string>;
  readonly atom: AtomFeed.Feed<string>;
  readonly json: JsonFeed.Feed<string>;
  readonly rawJson: { version: string; language: string; items: { id: string; url: string; date_published: string }[] };
}

function parseSet(files: ReadonlyMap<string, string>, provinceId?: string): ParsedSet {
  const paths = feedPaths(provinceId);
  const rawJson = JSON.parse(need(files, paths.json.slice(1))) as ParsedSet["rawJson"];
  return {
    rss: parseRssFeed(need(files, paths.rss.slice(1))),
    atom: parseAtomFeed(need(files, paths.atom.slice(1))),
    json: parseJsonFeed(rawJson),
    rawJson,
  };
}

/** Checks one feed set against the articles it should list (newest first). */
function expectFeedSet(set: ParsedSet, expected: readonly Article[], config: SiteConfig): void {
  const shown = expected.slice(0, FEED_ITEM_LIMIT);
  const urls = shown.map((a) => config.url + a.url);
  const rssItems = set.rss.items ?? [];
  const atomEntries = set.atom.entries ?? [];
  const jsonItems = set.json.items ?? [];

  expect(rssItems.map((i) => i.link)).toEqual(urls);
  expect(rssItems.map((i) => i.guid?.value)).toEqual(urls);
  expect(atomEntries.map((e) => e.links?.[0]?.href)).toEqual(urls);
  expect(atomEntries.map((e) => e.id)).toEqual(urls);
  expect(jsonItems.map((i) => i.url)).toEqual(urls);
  expect(jsonItems.map((i) => i.id)).toEqual(urls);

  const times = shown.map((a) => a.date.timestamp);
  expect(rssItems.map((i) => Date.parse(i.pubDate ?? ""))).toEqual(times);
  expect(atomEntries.map((e) => Date.parse(e.published ?? ""))).toEqual(times);
  expect(atomEntries.map((e) => Date.parse(e.updated ?? ""))).toEqual(times);
  expect(set.rawJson.items.map((i) => Date.parse(i.date_published))).toEqual(times);
  // Atom and JSON keep the article's own +07:00 offset.
  expect(atomEntries.map((e) => e.published)).toEqual(shown.map((a) => a.date.iso));
  expect(set.rawJson.items.map((i) => i.date_published)).toEqual(shown.map((a) => a.date.iso));

  // Channel: updated is the newest item's date, never the build time.
  const newest = shown[0];
  expect(Date.parse(set.atom.updated ?? "")).toBe(newest?.date.timestamp ?? 0);
  expect(Date.parse(set.rss.lastBuildDate ?? "")).toBe(newest?.date.timestamp ?? 0);

  expect(set.rss.language).toBe("vi");
  expect(set.rawJson.version).toBe(JSON_FEED_VERSION);
  expect(set.rawJson.language).toBe("vi");
}

/** The articles a unit's pages should list, computed without byProvince. */
function expectedFor(articles: readonly Article[], unitId: string): Article[] {
  const ids = new Set([unitId, ...formerUnitsOf(unitId).map((u) => u.id)]);
  return articles.filter((a) => ids.has(a.province.id));
}

// ---------------------------------------------------------------------------
// The seed articles (test/fixtures/seed-site; never the repository's content/)
// ---------------------------------------------------------------------------

describe("feeds of the seed articles", () => {
  const loaded = loadContent({ rootDir: SEED_SITE });
  const model = buildSiteModel(CONFIG, loaded.articles);
  const outputs = buildFeeds(model);
  const files = fileMap(outputs);

  it("loads the sample content without errors", () => {
    expect(loaded.errors).toEqual([]);
    expect(loaded.articles.length).toBeGreaterThan(0);
  });

  it("writes RSS, Atom and JSON Feed for the site and for every registry unit", () => {
    const expected = [undefined, ...PROVINCES.map((p) => p.id)].flatMap((id) => {
      const p = feedPaths(id);
      return [p.rss, p.atom, p.json].map((u) => u.slice(1));
    });
    expect(outputs.map((f) => f.path)).toEqual(expected);
    expect(expected).toContain("feed.xml");
    expect(expected).toContain("atom.xml");
    expect(expected).toContain("feed.json");
    expect(expected).toContain("thua-thien-hue/feed.xml");
    expect(expected).toContain("ho-chi-minh/feed.json");
    expect(outputs).toHaveLength(3 * (PROVINCES.length + 1));
  });

  it("is well-formed XML (xmllint, fast-xml-parser) and valid JSON", () => {
    expectWellFormed(outputs);
  });

  it("lists every article in the site feeds, newest first, with absolute links and correct dates", () => {
    expectFeedSet(parseSet(files), loaded.articles, CONFIG);
  });

  it("lists each unit's articles (a current unit's include its former units')", () => {
    for (const unit of PROVINCES) {
      const expected = expectedFor(loaded.articles, unit.id);
      expect(model.byProvince.get(unit.id)?.length, unit.id).toBe(expected.length);
      expectFeedSet(parseSet(files, unit.id), expected, CONFIG);
    }
  });

  it("puts the Bình Dương article in both the binh-duong and the ho-chi-minh feeds, and nowhere else", () => {
    const article = loaded.articles.find((a) => a.province.id === "binh-duong");
    expect(article).toBeDefined();
    const url = CONFIG.url + (article?.url ?? "");
    for (const unit of PROVINCES) {
      const items = parseSet(files, unit.id).rss.items ?? [];
      expect(items.some((i) => i.link === url), unit.id).toBe(unit.id === "binh-duong" || unit.id === "ho-chi-minh");
    }
    const atom = parseSet(files, "ho-chi-minh").atom;
    expect(atom.title?.value).toBe(UI.feedProvinceTitle("Thành phố Hồ Chí Minh", CONFIG.name));
  });

  it("carries channel metadata: titles, self links, descriptions", () => {
    const site = parseSet(files);
    expect(site.rss.title).toBe(CONFIG.name);
    expect(site.rss.link).toBe(`${CONFIG.url}/`);
    expect(site.atom.links).toContainEqual({ href: `${CONFIG.url}/atom.xml`, rel: "self" });
    expect(site.rss.atom?.links).toContainEqual({ href: `${CONFIG.url}/feed.xml`, rel: "self", type: "application/rss+xml" });
    expect(site.json.feed_url).toBe(`${CONFIG.url}/feed.json`);
    expect(site.json.home_page_url).toBe(`${CONFIG.url}/`);

    const gl = parseSet(files, "gia-lai");
    expect(gl.rss.title).toBe(`Tin tỉnh Gia Lai – ${CONFIG.name}`);
    expect(gl.rss.link).toBe(`${CONFIG.url}/gia-lai/`);
    expect(gl.rss.description).toContain("gồm cả tin của tỉnh Bình Định"); // its former unit
    expect(parseSet(files, "binh-duong").rss.description).toContain("nay thuộc thành phố Hồ Chí Minh");
    expect(parseSet(files, "thua-thien-hue").rss.description).toContain("nay là thành phố Huế");
  });

  it("gives each item its author, summary, full content and categories (province and tags)", () => {
    const article = loaded.articles.find((a) => a.author !== undefined && a.tags.length > 0);
    if (!article) throw new Error("the seed articles should have one with author and tags");
    const url = CONFIG.url + article.url;
    const set = parseSet(files, article.province.id);
    const rss = set.rss.items?.find((i) => i.link === url);
    const atom = set.atom.entries?.find((e) => e.id === url);
    const json = set.json.items?.find((i) => i.id === url);
    const categories = [provinceFullName(article.province), ...article.tags];

    expect(rss?.dc?.creators).toEqual([article.author]);
    expect(decodeHtml(rss?.description ?? "")).toBe(article.summary);
    // The body as on the page, then officials and awards (tested in detail in "item content is what the page shows").
    expect(rss?.content?.encoded?.startsWith(article.body.value.trim())).toBe(true);
    expect(rss?.categories?.map((c) => c.name)).toEqual(categories);

    expect(atom?.authors?.map((a) => a.name)).toEqual([article.author]);
    expect(decodeHtml(atom?.summary?.value ?? "")).toBe(article.summary);
    expect(atom?.content?.value).toBe(rss?.content?.encoded);
    expect(atom?.categories?.map((c) => c.term)).toEqual(categories);

    expect(json?.authors?.map((a) => a.name)).toEqual([article.author]);
    expect(json?.summary).toBe(article.summary);
    expect(json?.content_html).toBe(rss?.content?.encoded);
    expect(json?.tags).toEqual(categories);
    expect(json?.title).toBe(article.title);
  });

  it("dates an empty feed at a fixed instant, not the build time", () => {
    const unit = PROVINCES.find((p) => expectedFor(loaded.articles, p.id).length === 0);
    if (!unit) throw new Error("expected a unit without articles");
    const set = parseSet(files, unit.id);
    expect(set.rss.items ?? []).toEqual([]);
    expect(set.atom.entries ?? []).toEqual([]);
    expect(set.rawJson.items).toEqual([]);
    expect(Date.parse(set.atom.updated ?? "")).toBe(0);
    expect(Date.parse(set.rss.lastBuildDate ?? "")).toBe(0);
  });

  it("is deterministic: same content, byte-identical files (also from a fresh load)", () => {
    const again = buildFeeds(buildSiteModel(CONFIG, loadContent({ rootDir: SEED_SITE }).articles));
    expect(again).toEqual(outputs);
    expect(buildFeeds(model)).toEqual(outputs);
  });

  it("builds every link from SITE_URL", () => {
    const config = siteConfigFromEnv({ SITE_URL: "https://x.example/" });
    expect(config.url).toBe("https://x.example");
    const moved = buildFeeds(buildSiteModel(config, loaded.articles));
    const movedFiles = fileMap(moved);
    for (const file of moved) expect(text(file), file.path).not.toContain(new URL(DEFAULT_SITE_URL).host);
    expectFeedSet(parseSet(movedFiles), loaded.articles, config);
    expectFeedSet(parseSet(movedFiles, "ho-chi-minh"), expectedFor(loaded.articles, "ho-chi-minh"), config);
    expect(parseSet(movedFiles).atom.links).toContainEqual({ href: "https://x.example/atom.xml", rel: "self" });
  });

  it("is the feeds step of the output plan: the same files, each claimed before it is written", () => {
    expect(feedsStep.name).toBe("feeds");
    expect(SITE_PRODUCERS).toContain(feedsStep);
    const { plan, errors } = planSite(createSiteData(model.articles, { config: CONFIG, rootDir: SEED_SITE }));
    expect(errors).toEqual([]);
    const planned = plan.files.filter((f) => f.producer === "feeds").map((f) => ({ path: f.path, contents: f.body() }));
    expect(planned).toEqual(outputs);
  });
});

// ---------------------------------------------------------------------------
// Whatever an editor pastes
// ---------------------------------------------------------------------------

describe("feeds with hostile text", () => {
  const TITLE = 'A ]]> & <b>B</b> ]]> &amp; "q" 😀 Ế';
  const SUMMARY = "Tóm tắt ]]> & <i>x</i> &amp; ]]>";
  const AUTHOR = "Nguyễn & <Co> ]]>";
  const TAGS = ["a<b", "R&amp;D", 'x"y', "]]>", "🎉"];
  const nasty = mdArticle(
    "content/gia-lai/2016-12-09-tin-kho.md",
    `
title: ${JSON.stringify(TITLE)}
date: "2016-12-09T08:30"
province: gia-lai
author: ${JSON.stringify(AUTHOR)}
summary: ${JSON.stringify(SUMMARY)}
tags: ${JSON.stringify(TAGS)}
`,
    "Đoạn ]]> một & <script>alert(1)</script> 😀 ]]>\n\n[trang tỉnh](/gia-lai/) ![ảnh](anh-hoi-nghi.jpg) [ngoài](https://example.org/?a=1&b=2)",
  );
  // Built by hand: what the loader would never let through, to prove this module does not rely on it.
  const raw = {
    ...nasty,
    sourcePath: "content/binh-dinh/2016-12-10-tho.md",
    url: "/binh-dinh/2016/tho/",
    slug: "tho",
    province: PROVINCES.find((p) => p.id === "binh-dinh") ?? nasty.province,
    listedUnder: ["binh-dinh", "gia-lai"],
    date: { ...nasty.date, iso: "2016-12-10T09:00:00+07:00", timestamp: Date.parse("2016-12-10T09:00:00+07:00"), day: "2016-12-10" },
    title: "Lone \uD800 high, lone \uDFFF low, \u0001 control, \uFFFE\uFFFF nonchars, pair 😀",
    summary: "S ]]> \uD83D",
    author: "\u0008Bell",
    tags: ["\uDC00", "ok"],
    body: trustedHtml("<p>x ]]> y ]]> z \uDBFF ]]]> w</p>"),
  } satisfies Article;
  const outputs = buildFeeds(modelOf([nasty, raw]));
  const files = fileMap(outputs);
  const nastyUrl = CONFIG.url + nasty.url;

  it("is well-formed XML and valid JSON", () => {
    expectWellFormed(outputs);
  });

  it("parser sees the loader's article as the editor wrote it", () => {
    expect(nasty.title).toBe(TITLE); // the fixture really contains the nasty text
    const set = parseSet(files, "gia-lai");
    const rss = set.rss.items?.find((i) => i.link === nastyUrl);
    const atom = set.atom.entries?.find((e) => e.id === nastyUrl);
    const json = set.json.items?.find((i) => i.id === nastyUrl);

    expect(rss?.title).toBe(TITLE); // RSS title: plain text
    expect(decodeHtml(atom?.title?.value ?? "")).toBe(TITLE); // Atom title: type="html"
    expect(json?.title).toBe(TITLE);

    expect(decodeHtml(rss?.description ?? "")).toBe(SUMMARY);
    expect(decodeHtml(atom?.summary?.value ?? "")).toBe(SUMMARY);
    expect(json?.summary).toBe(SUMMARY);

    expect(rss?.dc?.creators).toEqual([AUTHOR]);
    expect(atom?.authors?.[0]?.name).toBe(AUTHOR);
    expect(json?.authors?.[0]?.name).toBe(AUTHOR);

    const categories = ["Tỉnh Gia Lai", ...TAGS];
    expect(rss?.categories?.map((c) => c.name)).toEqual(categories);
    expect(atom?.categories?.map((c) => c.term)).toEqual(categories);
    expect(json?.tags).toEqual(categories);

    // Raw HTML in Markdown stays text; relative links and images become absolute.
    for (const content of [rss?.content?.encoded, atom?.content?.value, json?.content_html]) {
      expect(content).toContain("&lt;script&gt;");
      expect(content).not.toContain("<script>");
      expect(content).toContain(`href="${CONFIG.url}/gia-lai/"`);
      expect(content).toContain(`src="${CONFIG.url}${nasty.url}anh-hoi-nghi.jpg"`);
      expect(content).toContain('href="https://example.org/?a=1&amp;b=2"');
    }
  });

  it("splits every ]]> in CDATA, not just the first", () => {
    const rss = need(files, "gia-lai/feed.xml");
    expect(rss).toContain("<title><![CDATA[A ]]]]><![CDATA[> & <b>B</b> ]]]]><![CDATA[> &amp;");
    const item = parseSet(files, "binh-dinh").rss.items?.[0];
    expect(item?.content?.encoded).toBe("<p>x ]]> y ]]> z  ]]]> w</p>");
  });

  it("drops characters XML cannot carry and keeps the rest", () => {
    for (const file of outputs) {
      expect(/\p{Cs}|[\u0000-\u0008\uFFFE\uFFFF]/u.test(text(file)), file.path).toBe(false);
      expect(Buffer.from(text(file), "utf8").toString("utf8")).toBe(text(file));
    }
    const set = parseSet(files, "binh-dinh");
    expect(set.rss.items?.[0]?.title).toBe("Lone  high, lone  low,  control,  nonchars, pair 😀");
    expect(set.json.items?.[0]?.title).toBe("Lone  high, lone  low,  control,  nonchars, pair 😀");
    expect(set.rss.items?.[0]?.dc?.creators).toEqual(["Bell"]);
    expect(set.json.items?.[0]?.tags).toEqual(["Tỉnh Bình Định", "ok"]);
  });

  it("lists the former unit's article under its successor too", () => {
    const urls = parseSet(files, "gia-lai").json.items?.map((i) => i.url);
    expect(urls).toEqual([CONFIG.url + raw.url, nastyUrl]);
  });
});

// ---------------------------------------------------------------------------
// Limit
// ---------------------------------------------------------------------------

describe("item limit", () => {
  const COUNT = FEED_ITEM_LIMIT + 10;
  const start = Date.parse("2016-01-01T00:00:00Z");
  const articles = Array.from({ length: COUNT }, (_, i) => {
    const day = new Date(start + i * 86_400_000).toISOString().slice(0, 10);
    return mdArticle(`content/ha-tinh/${day}-tin-${i}.md`, `title: "Tin số ${i}"\ndate: "${day}"\nprovince: ha-tinh`);
  });
  const model = modelOf(articles);
  const files = fileMap(buildFeeds(model));

  it(`keeps the newest ${FEED_ITEM_LIMIT} of ${COUNT} articles in every format`, () => {
    for (const id of [undefined, "ha-tinh"]) {
      const set = parseSet(files, id);
      expect(set.rss.items).toHaveLength(FEED_ITEM_LIMIT);
      expect(set.atom.entries).toHaveLength(FEED_ITEM_LIMIT);
      expect(set.rawJson.items).toHaveLength(FEED_ITEM_LIMIT);
      expectFeedSet(set, model.articles, CONFIG);
      expect(set.json.items?.[0]?.title).toBe(`Tin số ${COUNT - 1}`);
      expect(set.json.items?.at(-1)?.title).toBe(`Tin số ${COUNT - FEED_ITEM_LIMIT}`);
    }
  });
});

// ---------------------------------------------------------------------------
// Links in pages
// ---------------------------------------------------------------------------

describe("feed links for pages", () => {
  it("autodiscovery links for the site: three types, absolute hrefs", () => {
    const head = feedHeadLinks(CONFIG).value;
    expect(head).toContain(`<link rel="alternate" type="application/rss+xml" title="${CONFIG.name} (RSS)" href="${CONFIG.url}/feed.xml">`);
    expect(head).toContain(`<link rel="alternate" type="application/atom+xml" title="${CONFIG.name} (Atom)" href="${CONFIG.url}/atom.xml">`);
    expect(head).toContain(`<link rel="alternate" type="application/feed+json" title="${CONFIG.name} (JSON Feed)" href="${CONFIG.url}/feed.json">`);
  });

  it("autodiscovery links for a province follow SITE_URL", () => {
    const config = siteConfigFromEnv({ SITE_URL: "https://x.example" });
    const head = feedHeadLinks(config, "binh-duong").value;
    expect(head).toContain('href="https://x.example/binh-duong/feed.xml"');
    expect(head).toContain('href="https://x.example/binh-duong/atom.xml"');
    expect(head).toContain('href="https://x.example/binh-duong/feed.json"');
    expect(head).toContain(`title="Tin tỉnh Bình Dương – ${config.name} (RSS)"`);
  });

  it("escapes what it interpolates", () => {
    const head = feedHeadLinks({ ...CONFIG, name: 'A "B" <C> & D' }).value;
    expect(head).toContain('title="A &quot;B&quot; &lt;C&gt; &amp; D (RSS)"');
  });

  it("visible RSS link", () => {
    expect(feedVisibleLink(CONFIG).value).toBe(`<a class="feed-link" href="/feed.xml" type="application/rss+xml">${UI.feedSubscribe}</a>`);
    expect(feedVisibleLink(CONFIG, "gia-lai").value).toContain('href="/gia-lai/feed.xml"');
    expect(feedVisibleLink({ basePath: "/tin" }, "gia-lai").value).toContain('href="/tin/gia-lai/feed.xml"');
  });

  it("refuses an unknown province id", () => {
    expect(() => feedVisibleLink(CONFIG, "gia-lay")).toThrow(UnknownProvinceError);
    expect(() => feedHeadLinks(CONFIG, "../x")).toThrow(UnknownProvinceError);
  });
});

describe("item content and photos as the page shows them", () => {
  const PHOTO = "content/gia-lai/2016-11-29-hoi-nghi.md";
  const withPhoto = mdArticle(
    PHOTO,
    `title: Hội nghị có ảnh\ndate: 2016-11-29T14:00\nprovince: gia-lai\nimage:\n  src: toan-canh.jpg\n  alt: Toàn cảnh hội nghị\n  caption: Chiều 29/11\nofficials:\n  - name: Nguyễn Dũng\n    role: Giám đốc\n    honorific: Ông\nawards:\n  - title: Lao động tiên tiến\n    count: 11\n    recipient: cá nhân`,
    "# Kết quả\n\nĐoạn một.\n\n## Chi tiết\n\n![Trao thưởng](trao-thuong.jpg)",
  );
  const remote = mdArticle("content/ha-tinh/2016-12-01-anh-xa.md", "title: Ảnh ở nơi khác\ndate: 2016-12-01\nprovince: ha-tinh\nimage:\n  src: https://cdn.example.vn/a.png\n  alt: Ảnh", "Nội dung.");
  const rendition = (file: string, format: "avif" | "webp" | "jpeg", width: number, height: number, bytes: number) => ({ file, url: `/anh/${file}`, format, width, height, bytes });
  const picture = (key: string, alt: string) => ({
    kind: "local" as const,
    alt,
    width: 1200,
    height: 800,
    renditions: [rendition(`${key}-360.avif`, "avif", 360, 240, 9000), rendition(`${key}-360.jpg`, "jpeg", 360, 240, 20000), rendition(`${key}-720.jpg`, "jpeg", 720, 480, 61000), rendition(`${key}-1200.jpg`, "jpeg", 1200, 800, 150123)],
  });
  const share = { url: "/anh/x-og.jpg", width: 1200, height: 630, type: "image/jpeg", alt: "Toàn cảnh hội nghị", bytes: 90000 };
  const media: MediaIndex = {
    of: (a) =>
      a === withPhoto
        ? { lead: { ...picture("aaaaaaaaaaaaaaaa", "Toàn cảnh hội nghị"), caption: "Chiều 29/11" }, body: [picture("bbbbbbbbbbbbbbbb", "Trao thưởng")], share, feedImage: { url: "/anh/aaaaaaaaaaaaaaaa-1200.jpg", type: "image/jpeg", bytes: 150123 } }
        : a === remote
          ? { lead: { kind: "remote", url: "https://cdn.example.vn/a.png", alt: "Ảnh" }, body: [], share, feedImage: { url: "https://cdn.example.vn/a.png", type: "image/png", bytes: 0 } }
          : undefined,
    outputs: [],
  };
  const files = fileMap(buildFeeds(modelOf([withPhoto, remote]), media));
  const set = parseSet(files);
  const url = `${CONFIG.url}${withPhoto.url}`;
  const photoUrl = `${CONFIG.url}/anh/aaaaaaaaaaaaaaaa-1200.jpg`;

  it("dates RSS items and the channel in +0700 like the other formats", () => {
    const rss = need(files, "feed.xml");
    expect(rss).toContain("<pubDate>Tue, 29 Nov 2016 14:00:00 +0700</pubDate>");
    expect(rss).toContain("<lastBuildDate>Thu, 01 Dec 2016 00:00:00 +0700</lastBuildDate>");
    expect(rss).not.toContain("GMT");
    expect(Date.parse("Tue, 29 Nov 2016 14:00:00 +0700")).toBe(withPhoto.date.timestamp);
  });

  it("attaches the photo in every format: RSS enclosure, Atom enclosure link, JSON Feed image", () => {
    const rssItem = set.rss.items?.find((i) => i.link === url);
    expect(rssItem?.enclosures).toEqual([{ url: photoUrl, type: "image/jpeg", length: 150123 }]);
    const atomEntry = set.atom.entries?.find((e) => e.id === url);
    expect(atomEntry?.links?.find((l) => l.rel === "enclosure")).toMatchObject({ href: photoUrl, type: "image/jpeg", length: 150123 });
    expect(set.json.items?.find((i) => i.id === url)?.image).toBe(photoUrl);
    // A remote photo: its own address, length unknown (0, as RSS advises).
    const remoteUrl = `${CONFIG.url}${remote.url}`;
    expect(set.rss.items?.find((i) => i.link === remoteUrl)?.enclosures).toEqual([{ url: "https://cdn.example.vn/a.png", type: "image/png", length: 0 }]);
    expect(set.json.items?.find((i) => i.id === remoteUrl)?.image).toBe("https://cdn.example.vn/a.png");
  });

  it("puts the photo, the body with its pictures, officials and awards in the content, headings at the page's levels", () => {
    const content = set.json.items?.find((i) => i.id === url)?.content_html ?? "";
    expect(content).toContain(`<figure><img src="${CONFIG.url}/anh/aaaaaaaaaaaaaaaa-720.jpg" width="720" height="480" alt="Toàn cảnh hội nghị"><figcaption>Chiều 29/11</figcaption></figure>`);
    expect(content).toContain(`<img src="${CONFIG.url}/anh/bbbbbbbbbbbbbbbb-720.jpg" width="720" height="480" alt="Trao thưởng">`);
    expect(content).not.toContain("data-anh");
    expect(content).toContain('<h2>Đại biểu, lãnh đạo</h2><ul><li><span class="name">Ông Nguyễn Dũng</span><span class="role"> – Giám đốc</span></li></ul>');
    expect(content).toContain("<h2>Khen thưởng</h2><ul><li><strong>Lao động tiên tiến</strong>: 11 cá nhân</li></ul>");
    // The page's headings: the title is its <h1>, Markdown # is <h2>, ## is <h3>; the feed keeps exactly those.
    const page = renderArticlePage({ config: CONFIG, stylesheetUrl: "/assets/site.css", scriptUrl: "/assets/reader.js" }, withPhoto, { media: media.of(withPhoto) });
    const headings = (h: string) => [...h.matchAll(/<(h[1-6])\b[^>]*>([^<]*)</g)].map((m) => `${m[1]} ${m[2]}`);
    const pageHeadings = headings(page).filter((h) => !h.startsWith("h1") && !h.includes("Tin khác"));
    expect(headings(content)).toEqual(pageHeadings);
    expect(headings(content)).toEqual(["h2 Kết quả", "h3 Chi tiết", "h2 Đại biểu, lãnh đạo", "h2 Khen thưởng"]);
    expect(set.rss.items?.find((i) => i.link === url)?.content?.encoded).toBe(content);
  });

  it("stays valid XML with enclosures (xmllint)", () => {
    xmllint(buildFeeds(modelOf([withPhoto, remote]), media));
  });
});

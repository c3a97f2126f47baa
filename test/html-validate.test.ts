/**
 * Every built page is valid HTML: the seed articles' site is built and each .html
 * file checked with html-validate's recommended rules. The article layout
 * is also checked with everything the build may pass it (related articles,
 * short URL, QR code), so a part not wired into the build yet is covered.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { HtmlValidate, type Message } from "html-validate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderArticlePage } from "../layouts/article.ts";
import { renderNotFoundPage } from "../layouts/not-found.ts";
import { buildSite } from "../src/build/build-site.ts";
import { trustedHtml } from "../src/safe-html.ts";
import { siteConfigFromEnv } from "../src/site-config.ts";
import { copyFixture, mdFile, parseOk } from "./helpers.ts";


const validator = new HtmlValidate({
  extends: ["html-validate:recommended"],
  rules: {
    // `<!doctype html>` is the HTML standard's own spelling (the doctype is
    // case-insensitive); uppercase is a style preference, not an error.
    "doctype-style": "off",
    // <title> is the editor's headline followed by the site name: cutting it
    // to 70 characters would hide the words readers search for (search
    // engines shorten titles for display themselves).
    "long-title": "off",
  },
});

async function problems(markup: string, name: string): Promise<string[]> {
  const report = await validator.validateString(markup, name);
  return report.results.flatMap((r) => r.messages.map((m: Message) => `${name}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`));
}

describe("html-validate on every built page", () => {
  const work = mkdtempSync(path.join(tmpdir(), "html-validate-"));
  const out = path.join(work, "site");
  const root = copyFixture("seed-site");
  let pages: string[] = [];
  beforeAll(async () => {
    await buildSite({ outDir: out, rootDir: root });
    pages = readdirSync(out, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".html")).sort();
  }, 120_000);
  afterAll(() => {
    rmSync(work, { recursive: true, force: true });
    rmSync(root, { recursive: true, force: true });
  });

  it("finds the page types it must check", () => {
    expect(pages).toContain("index.html");
    expect(pages).toContain("404.html");
    expect(pages).toContain("tinh-thanh/index.html");
    expect(pages).toContain("gia-lai/index.html");
    expect(pages.filter((p) => /^[a-z-]+\/\d{4}\/[a-z0-9-]+\/index\.html$/.test(p)).length).toBe(5);
  });

  it("reports zero errors", async () => {
    const found: string[] = [];
    for (const page of pages) found.push(...(await problems(readFileSync(path.join(out, page), "utf8"), page)));
    expect(found).toEqual([]);
  });
});

describe("html-validate on layouts with every optional part", () => {
  const config = siteConfigFromEnv({});
  const ctx = { config, stylesheetUrl: "/assets/site-0000000000.css", scriptUrl: "/assets/reader-0000000000.js" };
  const main = parseOk(
    mdFile(
      `title: "Hội nghị <tổng kết> & \\"triển khai\\""
date: 2016-11-29T14:00
province: binh-dinh
agency: Sở Thông tin và Truyền thông
author: Nguyễn Văn A
officials:
  - name: Nguyễn Dũng
    role: Giám đốc
    honorific: Ông
awards:
  - title: Lao động tiên tiến
    count: 11
    recipient: cá nhân
image:
  src: https://example.org/anh.jpg
  alt: Toàn cảnh hội nghị
  caption: Toàn cảnh
tags: [tổng kết, "</script>"]`,
      "Nội dung [liên kết](https://example.org/x).\n\n## Kết quả\n\nĐoạn hai.",
    ),
    "content/binh-dinh/2016-11-29-hoi-nghi.md",
  );
  const other = parseOk(mdFile("title: Tin khác\ndate: 2016-10-01\nprovince: gia-lai"), "content/gia-lai/2016-10-01-tin-khac.md");
  const qr = trustedHtml('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 21 21" role="img" aria-label="Mã QR"><path d="M0 0h7v7H0z"/></svg>');

  it("the article page with related articles, short URL and print QR", async () => {
    const page = renderArticlePage(ctx, main, { related: [other], shareUrl: "https://tongket.example.gov.vn/q/abc12/", printQr: qr });
    expect(page).toContain("Tin khác");
    expect(await problems(page, "article.html")).toEqual([]);
  });

  it("the 404 page with and without articles", async () => {
    expect(await problems(renderNotFoundPage(ctx, [main, other]), "404.html")).toEqual([]);
    expect(await problems(renderNotFoundPage(ctx, []), "404-empty.html")).toEqual([]);
  });
});

/**
 * Open Graph tags, schema.org JSON-LD (src/seo.ts) and the article page's
 * head, share links and printed address (layouts/article.ts).
 */
import { Buffer } from "node:buffer";
import { describe, expect, it } from "vitest";
import { emailShareUrl, facebookShareUrl, renderArticlePage, zaloShareUrl } from "../layouts/article.ts";
import { renderNotFoundPage } from "../layouts/not-found.ts";
import { trustedHtml } from "../src/safe-html.ts";
import { articleOpenGraph, breadcrumbJsonLd, jsonLdScript, newsArticleJsonLd, openGraphTags, serializeJsonForHtml, websiteJsonLd } from "../src/seo.ts";
import { siteConfigFromEnv } from "../src/site-config.ts";
import { mdFile, parseOk } from "./helpers.ts";

const config = siteConfigFromEnv({ SITE_URL: "https://tongket.gialai.gov.vn" });
const ctx = { config, stylesheetUrl: "/assets/site-0123456789.css", scriptUrl: "/assets/reader-0123456789.js" };

const full = parseOk(
  mdFile(`title: 'Hội nghị "tổng kết" </script><!-- 2016'
date: 2016-11-29T14:00
province: binh-dinh
agency: Sở Thông tin và Truyền thông
author: Trần Thị Bích Thủy
summary: Tóm tắt <b>không</b> phải HTML & đúng.
officials:
  - name: Nguyễn Dũng
    role: Giám đốc
image:
  src: anh.jpg
  alt: Toàn cảnh
tags: [tổng kết, chuyển đổi số]`),
  "content/binh-dinh/2016-11-29-hoi-nghi.md",
);
const bare = parseOk(mdFile("title: Tin ngắn\ndate: 2016-01-18\nprovince: quang-ngai"), "content/quang-ngai/2016-01-18-tin-ngan.md");

/** The JSON inside the page's JSON-LD block. */
function jsonLdOf(page: string): Record<string, unknown> {
  const body = /<script type="application\/ld\+json">([^<]*)<\/script>/.exec(page)?.[1];
  if (body === undefined) throw new Error("no JSON-LD block");
  return JSON.parse(body) as Record<string, unknown>;
}

describe("Open Graph", () => {
  it("an article card: type, absolute URL and image, escaped text, publication time with +07:00", () => {
    const tags = openGraphTags(articleOpenGraph(config, full)).value;
    expect(tags).toContain('<meta property="og:type" content="article">');
    expect(tags).toContain('<meta property="og:url" content="https://tongket.gialai.gov.vn/binh-dinh/2016/hoi-nghi/">');
    expect(tags).toContain('<meta property="og:image" content="https://tongket.gialai.gov.vn/binh-dinh/2016/hoi-nghi/anh.jpg">');
    expect(tags).toContain('<meta property="og:image:alt" content="Toàn cảnh">');
    expect(tags).toContain('<meta property="og:title" content="Hội nghị &quot;tổng kết&quot; &lt;/script&gt;&lt;!-- 2016">');
    expect(tags).toContain('<meta property="og:description" content="Tóm tắt &lt;b&gt;không&lt;/b&gt; phải HTML &amp; đúng.">');
    expect(tags).toContain('<meta property="article:published_time" content="2016-11-29T14:00:00+07:00">');
    expect(tags).toContain('<meta property="article:section" content="Bình Định, nay thuộc Gia Lai">');
    expect(tags).toContain('<meta property="article:tag" content="chuyển đổi số">');
    expect(tags).toContain('<meta property="og:locale" content="vi_VN">');
    expect(tags).toContain('<meta name="twitter:card" content="summary_large_image">');
  });

  it("keeps https:// images as they are and shortens very long descriptions at a word", () => {
    const tags = openGraphTags({ type: "website", title: "T", description: "chữ ".repeat(200), url: "https://x.vn/", siteName: "S", image: { url: "https://cdn.example.org/a.jpg", alt: "a" } }).value;
    expect(tags).toContain('content="https://cdn.example.org/a.jpg"');
    const description = /og:description" content="([^"]*)"/.exec(tags)?.[1] ?? "";
    expect(description.length).toBeLessThanOrEqual(300);
    expect(description.endsWith("chữ…")).toBe(true);
    expect(openGraphTags({ type: "website", title: "T", description: "d", url: "https://x.vn/", siteName: "S" }).value).toContain('content="summary"');
  });
});

describe("JSON-LD", () => {
  it("a NewsArticle with +07:00 dates, absolute URLs, author, publisher and place", () => {
    const node = newsArticleJsonLd(config, full);
    expect(node).toMatchObject({
      "@type": "NewsArticle",
      headline: full.title,
      datePublished: "2016-11-29T14:00:00+07:00",
      dateModified: "2016-11-29T14:00:00+07:00",
      url: "https://tongket.gialai.gov.vn/binh-dinh/2016/hoi-nghi/",
      mainEntityOfPage: "https://tongket.gialai.gov.vn/binh-dinh/2016/hoi-nghi/",
      image: ["https://tongket.gialai.gov.vn/binh-dinh/2016/hoi-nghi/anh.jpg"],
      inLanguage: "vi",
      author: { "@type": "Person", name: "Trần Thị Bích Thủy" },
      publisher: { "@type": "Organization", name: config.name, url: "https://tongket.gialai.gov.vn/" },
      sourceOrganization: { "@type": "GovernmentOrganization", name: "Sở Thông tin và Truyền thông" },
      keywords: "tổng kết, chuyển đổi số",
      mentions: [{ "@type": "Person", name: "Nguyễn Dũng", jobTitle: "Giám đốc" }],
    });
    // Without a byline the site is the author; a date without time is midnight in Vietnam.
    expect(newsArticleJsonLd(config, bare)).toMatchObject({ author: { "@type": "Organization", name: config.name }, datePublished: "2016-01-18T00:00:00+07:00" });
    expect(newsArticleJsonLd(config, bare)).not.toHaveProperty("image");
  });

  it("a breadcrumb list with positions and absolute URLs, the last item being the page", () => {
    expect(breadcrumbJsonLd(config, [{ label: "Trang chủ", url: "/" }, { label: "Bài" }], "/a/2016/b/")).toEqual({
      "@type": "BreadcrumbList",
      itemListElement: [
        { "@type": "ListItem", position: 1, name: "Trang chủ", item: "https://tongket.gialai.gov.vn/" },
        { "@type": "ListItem", position: 2, name: "Bài", item: "https://tongket.gialai.gov.vn/a/2016/b/" },
      ],
    });
  });

  it("serialises so no value can close the script element or open a comment, and parses back unchanged", () => {
    const value = { a: "</script><script>alert(1)</script>", b: "<!-- & -->", c: "\u2028" };
    const text = serializeJsonForHtml(value);
    expect(text).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(text)).toEqual(value);
  });

  it("one block: a single node with its @context, several in a @graph", () => {
    const one = jsonLdScript([websiteJsonLd(config)]).value;
    expect(JSON.parse(one.replace(/^<script type="application\/ld\+json">|<\/script>$/g, ""))).toEqual({ "@context": "https://schema.org", ...websiteJsonLd(config) });
    const two = jsonLdScript([websiteJsonLd(config), newsArticleJsonLd(config, bare)]).value;
    expect(JSON.parse(two.replace(/^<script type="application\/ld\+json">|<\/script>$/g, ""))).toMatchObject({ "@context": "https://schema.org", "@graph": [{ "@type": "WebSite" }, { "@type": "NewsArticle" }] });
    expect(jsonLdScript([]).value).toBe("");
  });
});

describe("the article page", () => {
  const page = renderArticlePage(ctx, full);

  it("has one canonical link, the card, and NewsArticle + BreadcrumbList JSON-LD in which `<` cannot appear", () => {
    expect(page.match(/<link rel="canonical"/g)).toHaveLength(1);
    expect(page).toContain('<link rel="canonical" href="https://tongket.gialai.gov.vn/binh-dinh/2016/hoi-nghi/">');
    expect(page).toContain('<meta property="og:type" content="article">');
    const ld = jsonLdOf(page) as { "@graph": { "@type": string; headline?: string }[] };
    expect(ld["@graph"].map((n) => n["@type"])).toEqual(["NewsArticle", "BreadcrumbList"]);
    expect(ld["@graph"][0]?.headline).toBe(full.title);
    expect(page).not.toContain("</script><!--");
  });

  it("loads the stylesheet and the reading script from their fingerprinted URLs, nothing inline", () => {
    expect(page).toContain('<link rel="stylesheet" href="/assets/site-0123456789.css">');
    expect(page).toContain('<script src="/assets/reader-0123456789.js"></script>');
    expect(page).not.toMatch(/\sstyle=|<style|\son[a-z]+=/);
  });

  it("has plain share links with encoded URLs: e-mail, Zalo and Facebook", () => {
    const canonical = "https://tongket.gialai.gov.vn/binh-dinh/2016/hoi-nghi/";
    expect(facebookShareUrl(canonical)).toBe("https://www.facebook.com/sharer/sharer.php?u=https%3A%2F%2Ftongket.gialai.gov.vn%2Fbinh-dinh%2F2016%2Fhoi-nghi%2F");
    const zalo = new URL(zaloShareUrl(canonical));
    expect(zalo.origin + zalo.pathname).toBe("https://button-share.zalo.me/share_external");
    expect(JSON.parse(Buffer.from(zalo.searchParams.get("d") ?? "", "base64").toString("utf8"))).toEqual({ url: canonical });
    const mail = new URL(emailShareUrl("Tiêu đề & \"x\"", canonical));
    expect(mail.protocol).toBe("mailto:");
    expect(mail.searchParams.get("subject")).toBe('Tiêu đề & "x"');
    expect(mail.searchParams.get("body")).toContain(canonical);
    // In the page the URLs are attribute-escaped (& → &amp;).
    expect(page).toContain(`<a href="${facebookShareUrl(canonical)}">Facebook</a>`);
    expect(page).toContain(`<a href="${zaloShareUrl(canonical).replaceAll("&", "&amp;")}">Zalo</a>`);
    expect(page).not.toMatch(/<script[^>]+(zalo|facebook)/);
  });

  it("prints the canonical address, or the short URL and QR code when given", () => {
    expect(page).toContain('<span class="print-url">https://tongket.gialai.gov.vn/binh-dinh/2016/hoi-nghi/</span>');
    expect(page).not.toContain('class="print-qr"');
    const withShort = renderArticlePage(ctx, full, { shareUrl: "https://tongket.gialai.gov.vn/q/ab12c/", printQr: trustedHtml("<svg></svg>") });
    expect(withShort).toContain('<span class="print-url">https://tongket.gialai.gov.vn/q/ab12c/</span>');
    expect(withShort).toContain('<div class="print-qr"><svg></svg></div><p>Quét mã QR để đọc bài trên điện thoại.<br>Đọc bài trực tuyến tại:<br><span class="print-url">https://tongket.gialai.gov.vn/q/ab12c/</span></p>');
    // The short URL goes into the e-mail; Zalo and Facebook get the canonical page (its card).
    expect(withShort).toContain(encodeURIComponent("https://tongket.gialai.gov.vn/q/ab12c/"));
    expect(withShort).toContain(facebookShareUrl("https://tongket.gialai.gov.vn/binh-dinh/2016/hoi-nghi/"));
  });

  it("has the text-size and print buttons, the figure with its caption, the byline and breadcrumbs", () => {
    for (const control of ['data-text-size="-"', 'data-text-size="0"', 'data-text-size="+"', "data-print"]) expect(page).toContain(control);
    expect(page).toContain('<figure class="lead"><img src="/binh-dinh/2016/hoi-nghi/anh.jpg" alt="Toàn cảnh"');
    expect(page).toContain('<p class="byline"><span class="visually-hidden">Tác giả: </span>Trần Thị Bích Thủy</p>');
    expect(page).toContain('<nav class="crumbs" aria-label="Đường dẫn"><ol><li><a href="/">Trang chủ</a></li><li><a href="/binh-dinh/">Bình Định</a></li>');
  });
});

describe("the 404 page", () => {
  it("is not indexed and has no canonical address or card", () => {
    const page = renderNotFoundPage(ctx, [bare]);
    expect(page).toContain('<meta name="robots" content="noindex">');
    expect(page).not.toContain('rel="canonical"');
    expect(page).not.toContain("og:");
    expect(page).toContain('href="/quang-ngai/2016/tin-ngan/"');
  });
});

/**
 * Tags (src/tags.ts, layouts/tag-pages.ts): one tag however it is spaced or
 * cased, slugs from Vietnamese text, collisions settled by first use so an
 * older tag keeps its address, pagination, links under a base path; and the
 * latest-news fallback of "Tin khác" (src/related.ts).
 */
import { describe, expect, it } from "vitest";
import { renderTagIndex, renderTagPage } from "../layouts/tag-pages.ts";
import { relatedSection } from "../layouts/article.ts";
import { compareNewestFirst, type Article } from "../src/content/article.ts";
import { parseArticleDate } from "../src/dates.ts";
import { getProvince, listingProvinceIds } from "../src/provinces.ts";
import { latestArticles, relatedArticles } from "../src/related.ts";
import { buildSiteModel } from "../src/site-model.ts";
import { siteConfigFromEnv } from "../src/site-config.ts";
import { buildTagIndex, tagKey } from "../src/tags.ts";
import { UI } from "../src/ui-strings.ts";
import { mdFile, parseOk } from "./helpers.ts";

const template = parseOk(mdFile("title: Mẫu\ndate: 2016-01-01\nprovince: gia-lai"));

function article(date: string, slug: string, tags: readonly string[], province = "gia-lai"): Article {
  const parsed = parseArticleDate(date);
  const unit = getProvince(province);
  if (!parsed || !unit) throw new Error("bad test article");
  return { ...template, slug, title: slug, url: `/${province}/${parsed.year}/${slug}/`, date: parsed, province: unit, listedUnder: listingProvinceIds(province), tags };
}

const newestFirst = (list: Article[]): Article[] => list.sort(compareNewestFirst);

describe("buildTagIndex", () => {
  it("one tag for every spelling that differs only in spaces or case, shown as the oldest article wrote it", () => {
    expect(tagKey("  Chuyển   đổi SỐ ")).toBe("chuyển đổi số");
    const index = buildTagIndex(newestFirst([article("2020-01-01", "moi", ["chuyển  ĐỔI số"]), article("2016-01-01", "cu", ["Chuyển đổi số"])]), 20);
    expect(index.tags.map((t) => [t.name, t.url, t.articles.map((a) => a.slug)])).toEqual([["Chuyển đổi số", "/chu-de/chuyen-doi-so/", ["moi", "cu"]]]);
    expect(index.urlOf("CHUYỂN ĐỔI SỐ")).toBe("/chu-de/chuyen-doi-so/");
    expect(index.urlOf("không có")).toBeUndefined();
  });

  it("different tags with the same slug: the older keeps the plain slug, whichever is added later", () => {
    const old = article("2016-01-01", "cu", ["Tổng két"]);
    const recent = article("2020-01-01", "moi", ["Tổng kết"]);
    const index = buildTagIndex(newestFirst([recent, old]), 20);
    expect(index.urlOf("Tổng két")).toBe("/chu-de/tong-ket/");
    expect(index.urlOf("Tổng kết")).toBe("/chu-de/tong-ket-2/");
    // A natural "tong-ket-2" arriving later never takes an address already given.
    const later = buildTagIndex(newestFirst([article("2024-01-01", "x", ["Tổng kết 2"]), recent, old]), 20);
    expect(later.urlOf("Tổng kết 2")).toBe("/chu-de/tong-ket-2-2/");
    expect(later.urlOf("Tổng kết")).toBe("/chu-de/tong-ket-2/");
  });

  it("a tag of symbols only gets a readable slug; very long tags are cut at a word", () => {
    const long = "chuyển đổi số ".repeat(20);
    const index = buildTagIndex([article("2020-01-01", "a", ["!!!", "🙂", long])], 20);
    expect(index.urlOf("!!!")).toBe("/chu-de/chu-de/");
    expect(index.urlOf("🙂")).toBe("/chu-de/chu-de-2/");
    const slug = /\/chu-de\/([^/]+)\//.exec(index.urlOf(long) ?? "")?.[1] ?? "";
    expect(slug.length).toBeLessThanOrEqual(60);
    expect(slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it("paginates each tag, newest first, with previous and next pages", () => {
    const list = newestFirst(Array.from({ length: 5 }, (_, i) => article(`2016-01-0${i + 1}`, `a${i + 1}`, ["Khen thưởng"])));
    const pages = buildTagIndex(list, 2).pages;
    expect(pages.map((p) => [p.url, p.articles.map((a) => a.slug), p.previousUrl ?? "", p.nextUrl ?? ""])).toEqual([
      ["/chu-de/khen-thuong/", ["a5", "a4"], "", "/chu-de/khen-thuong/trang/2/"],
      ["/chu-de/khen-thuong/trang/2/", ["a3", "a2"], "/chu-de/khen-thuong/", "/chu-de/khen-thuong/trang/3/"],
      ["/chu-de/khen-thuong/trang/3/", ["a1"], "/chu-de/khen-thuong/trang/2/", ""],
    ]);
  });

  it("tag pages and the index link under the site's base path and escape tag text", () => {
    const config = siteConfigFromEnv({ SITE_URL: "https://example.gov.vn/tin/" });
    const index = buildTagIndex([article("2020-01-01", "a", ["<b>đậm</b>"])], 20);
    const ctx = { config, stylesheetUrl: "/assets/site.css" };
    const page = renderTagPage(ctx, index.pages[0]!);
    expect(page).toContain("<h1>Chủ đề: &lt;b&gt;đậm&lt;/b&gt;</h1>");
    expect(page).toContain('<a href="/tin/gia-lai/2020/a/">');
    expect(page).toContain('<link rel="canonical" href="https://example.gov.vn/tin/chu-de/b-dam-b/">');
    expect(renderTagIndex(ctx, index.tags)).toContain('<a href="/tin/chu-de/b-dam-b/">&lt;b&gt;đậm&lt;/b&gt;</a>');
  });
});

describe("'Tin khác' falls back to the latest news", () => {
  const config = siteConfigFromEnv({});
  const alone = article("2014-03-01", "mot-minh", [], "son-la");
  const others = Array.from({ length: 7 }, (_, i) => article(`2020-0${i + 1}-01`, `tin-${i + 1}`, []));
  const model = buildSiteModel(config, newestFirst([alone, ...others]));

  it("an article alone in its province and year has no related article, and gets the five newest others", () => {
    expect(relatedArticles(model, alone)).toEqual([]);
    expect(latestArticles(model, alone).map((a) => a.slug)).toEqual(["tin-7", "tin-6", "tin-5", "tin-4", "tin-3"]);
    expect(latestArticles(model, others[6]!).map((a) => a.slug)).toEqual(["tin-6", "tin-5", "tin-4", "tin-3", "tin-2"]);
  });

  it("the section is titled 'Tin mới nhất' then, and 'Tin khác' when there are related articles", () => {
    const fallback = relatedSection(config, alone, [], latestArticles(model, alone)).value;
    expect(fallback).toContain(`<h2 id="tin-moi">${UI.latest}</h2>`);
    expect(fallback.match(/<li>/g)).toHaveLength(5);
    const related = relatedSection(config, others[0]!, relatedArticles(model, others[0]!), latestArticles(model, others[0]!)).value;
    expect(related).toContain(`<h2 id="tin-khac">${UI.related}</h2>`);
    expect(relatedSection(config, alone, [], []).value).toBe("");
  });
});

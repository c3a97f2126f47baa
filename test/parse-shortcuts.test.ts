/**
 * The shortcuts of the loader's parse (src/content/parse-article.ts,
 * src/content/front-matter.ts) give exactly what the libraries they stand
 * in for gave: quickArticleDate what Luxon's parseArticleDate gives (or
 * nothing, then Luxon answers); the front-matter split what gray-matter
 * split; isPlainText only for text that cleanText leaves as it is, and a
 * plain file parses as the same text given as a string; front matter read
 * in the usual shape (plain-front-matter.ts) gives the article and the
 * errors js-yaml and zod give.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import matter from "gray-matter";
import { describe, expect, it } from "vitest";
import { generateArticles } from "../scripts/generate-articles.ts";
import { scanContent } from "../src/content/content-files.ts";
import { decodeArticle, isPlainText } from "../src/content/front-matter.ts";
import { parseArticle, parseArticleBytes } from "../src/content/parse-article.ts";
import { parseArticleDate, quickArticleDate } from "../src/dates.ts";
import { cleanText } from "../src/text.ts";

const FILE = "content/gia-lai/2016-11-29-hoi-nghi.md";

describe("quickArticleDate", () => {
  const samples = [
    "2016-11-29",
    "1945-01-01",
    "2100-12-31",
    "2024-02-29",
    "2023-02-29",
    "2024-02-30",
    "2016-13-01",
    "2016-00-10",
    "2016-01-00",
    "2016-11-29T14:00",
    "2016-11-29 14:00",
    "2016-11-29T14:00:59",
    "2016-11-29T23:59:59",
    "2016-11-29T24:00",
    "2016-11-29T14:60",
    "2016-11-29T14:00:60",
    "2016-11-29T20:30:00Z",
    "2016-12-31T20:30:00Z",
    "2016-11-29T09:00:00-05:00",
    "2016-11-29T09:00-0500",
    "2016-11-29T09:00+14:00",
    "2016-11-29T09:00+1400",
    "2016-11-29T09:00+15:00",
    "2016-11-29T09:00+07:60",
    "2016-11-29T09:00-00:00",
    "1945-01-01T03:00+09:00",
    "0050-01-01",
    "0999-12-31",
    "9999-12-31T23:00-05:00",
    " 2016-11-29",
    "2016-11-29 ",
    "2016-1-2",
    "29/11/2016",
    "2016-11-29T14",
    "2016-11-29T14:00:00.5",
    "",
  ];

  it("gives what Luxon gives, or leaves the date to it", () => {
    let quick = 0;
    for (const text of samples) {
      const fast = quickArticleDate(text);
      if (fast === undefined) continue;
      quick++;
      expect(fast, text).toEqual(parseArticleDate(text));
    }
    // Most of the valid forms take the quick way.
    expect(quick).toBeGreaterThan(15);
    // Unusual ones are Luxon's to decide.
    for (const text of ["0050-01-01", " 2016-11-29", "2016-11-29T24:00", "2024-02-30"]) expect(quickArticleDate(text), text).toBeUndefined();
  });

  it("agrees with Luxon on every day and many times of a leap year and a common one", () => {
    for (const year of [2023, 2024]) {
      for (let day = 0; day < 366; day++) {
        const d = new Date(Date.UTC(year, 0, 1 + day));
        const iso = d.toISOString().slice(0, 10);
        const withTime = `${iso}T${String(day % 24).padStart(2, "0")}:${String(day % 60).padStart(2, "0")}${["", "Z", "+03:30", "-1100", "+07:00"][day % 5]}`;
        for (const text of [iso, withTime]) expect(quickArticleDate(text), text).toEqual(parseArticleDate(text));
      }
    }
  });
});

describe("the front-matter split", () => {
  const texts = [
    "---\ntitle: A\n---\nBody\n",
    "---\ntitle: A\n---\n\nBody\n",
    "---\ntitle: A\n---",
    "---\ntitle: A\n---\n",
    "---yaml\ntitle: A\n---\nBody",
    "--- yaml \ntitle: A\n---\nBody",
    "---\ntitle: A\n----\nBody",
    "---\ntitle: A\n---x\nBody",
    "---\n---\nBody",
    "---\n# only a comment\n---\nBody",
    "---\ntitle: A\n---\n---\nBody\n---\n",
    "---\ntitle: A\n\nSome text\n---\nBody",
  ];

  it("splits where gray-matter split", () => {
    for (const text of texts) {
      const split = matter(text, { engines: { yaml: () => ({}) }, language: "yaml" });
      const result = parseArticle(FILE, text, { validateOnly: true });
      // The body's first line as gray-matter's split gives it, for every text with a body.
      const bodyStart = text.slice(0, text.length - split.content.length).split("\n").length;
      const viaGrayMatter = `---\n${split.matter.slice(1)}\n---\n${split.content}`;
      if (result.ok) expect(result.source?.bodyStart, JSON.stringify(text)).toBe(bodyStart);
      if (result.ok) expect(result.source?.body, JSON.stringify(text)).toBe(split.content);
      // The same errors as the text re-assembled from gray-matter's parts (where that is the same file).
      if (viaGrayMatter === text) expect(parseArticle(FILE, viaGrayMatter)).toEqual(parseArticle(FILE, text));
    }
  });

  it("reports a body line as the line gray-matter's split gave", () => {
    const text = "---\ntitle: Hội nghị\ndate: 2016-11-29\nprovince: gia-lai\n---\n\n# Tiêu đề\n\nNội dung.\n";
    const result = parseArticle(FILE, text);
    expect(result.ok).toBe(true);
    expect(result.warnings.map((w) => w.line)).toEqual([7]);
  });
});

describe("isPlainText", () => {
  // U+00AD (soft hyphen) is not cleaned either.
  const plain = ["a\u00ADb", "Hội nghị tổng kết công tác năm 2018 – “đạt” … ₫ 100%\n\tSở Nông nghiệp", "ASCII only\n", "Ơ ư đ Đ ạ ỹ Ỹ ÀÁÂÃ"];
  const notPlain = ["a\rb", "\uFEFFx", "a\u0000", "a\u007F", "a\u0085", "a\u200Eb", "a\u202Eb", "a\u2028b", "e\u0301", "日本", "\u{1F600}"];

  it("is true only for text cleanText leaves as it is", () => {
    for (const text of plain) {
      expect(isPlainText(Buffer.from(text)), text).toBe(true);
      expect(cleanText(text)).toBe(text);
    }
    for (const text of notPlain) expect(isPlainText(Buffer.from(text)), JSON.stringify(text)).toBe(false);
  });

  it("a plain file parses as its text does, and one that is not is cleaned", () => {
    for (const body of ["Nội dung “đạt”.\n", "Nội dung\r\nhai dòng\r\n", "Cafe\u0301 e\u0301\n", "Văn bản \u202Eđảo\u202C.\n"]) {
      const text = `---\ntitle: "Hội nghị tổng kết"\ndate: 2016-11-29\nprovince: gia-lai\n---\n\n${body}`;
      const bytes = Buffer.from(text);
      const decoded = decodeArticle(bytes);
      expect(decoded.ok && decoded.plain, JSON.stringify(body)).toBe(isPlainText(bytes));
      const fromBytes = parseArticleBytes(FILE, bytes);
      expect(fromBytes).toEqual(parseArticle(FILE, text));
      expect(fromBytes.ok).toBe(true);
      if (fromBytes.ok) expect(fromBytes.article.bodyText).toBe(cleanText(fromBytes.article.bodyText));
    }
  });
});

describe("front matter in the usual shape", () => {
  const base = ["title: \"Hội nghị tổng kết năm 2016\"", "date: 2016-11-29T14:00", "province: gia-lai", "agency: Sở Nội vụ", "reviewYear: 2016", "planYear: 2017"];
  const variants: Record<string, string[]> = {
    plain: base,
    officials: [...base, "officials:", "  - name: Nguyễn Văn A", "    role: \"Giám đốc Sở\"", "    honorific: Ông", "  - name: 'Trần Thị B'"],
    awards: [...base, "awards:", "- title: Lao động tiên tiến", "  count: 12", "  recipient: cá nhân"],
    image: [...base, "image:", "  src: https://example.gov.vn/a.jpg", "  alt: \"Quang cảnh\"", "  caption: Hội nghị"],
    lists: [...base, "tags: [\"cải cách\", 'chuyển đổi số']", "aliases:", "  - /tin/a/", "draft: true"],
    escapes: [...base.slice(1), "title: \"Hội nghị \\\"lớn\\\" \\\\ x\""],
    "quoted number": [...base.slice(0, 4), "reviewYear: \"2016\""],
    "number title": ["title: 2016", ...base.slice(1)],
    "null agency": [...base.slice(0, 3), "agency: null"],
    "boolean-looking": [...base.slice(0, 3), "agency: yes"],
    "unknown key": [...base, "titel: x"],
    "duplicate key": [...base, "agency: Sở khác"],
    tab: [...base, "officials:", "\t- name: A"],
    "empty value": [...base.slice(0, 3), "agency:"],
    "empty text": [...base.slice(0, 3), "agency: \"\""],
    "folded spaces": [...base.slice(1), "title: \"  Hội   nghị  \""],
    "comment": [...base, "# a comment", "author: Lê Văn C # not a comment?"],
    "plan before review": [...base.slice(0, 4), "reviewYear: 2017", "planYear: 2016"],
    "bad honorific": [...base, "officials:", "  - name: A", "    honorific: Ngài"],
    "bad date": [...base.slice(0, 1), "date: 29/11/2016", ...base.slice(2)],
    "anchor": [...base.slice(0, 3), "agency: &a Sở", "author: *a"],
  };

  it("gives what js-yaml and zod give, for the build's parse and the check's", () => {
    let usual = 0;
    for (const [name, lines] of Object.entries(variants)) {
      const text = `---\n${lines.join("\n")}\n---\n\nNội dung bài viết.\n`;
      const bytes = Buffer.from(text);
      for (const validateOnly of [false, true]) {
        const fast = parseArticleBytes(FILE, bytes, { validateOnly });
        const slow = parseArticleBytes(FILE, bytes, { validateOnly, usualShape: false });
        const { source: fastSource, ...fastRest } = fast.ok ? fast : { ...fast, source: undefined };
        const { source: slowSource, ...slowRest } = slow.ok ? slow : { ...slow, source: undefined };
        expect(fastRest, name).toEqual(slowRest);
        expect(JSON.stringify(fastRest), name).toBe(JSON.stringify(slowRest));
        expect(fastSource?.frontMatter, name).toEqual(slowSource?.frontMatter);
      }
      if (parseArticleBytes(FILE, bytes).ok) usual++;
    }
    expect(usual).toBeGreaterThan(5);
  });

  it("gives the same articles on generated ones", () => {
    const root = mkdtempSync(path.join(os.tmpdir(), "parse-shortcuts-"));
    try {
      generateArticles(root, 150);
      const files = scanContent(root).articles;
      expect(files.length).toBe(150);
      for (const file of files) {
        const bytes = readFileSync(path.join(root, file));
        const fast = parseArticleBytes(file, bytes);
        expect(fast.ok, file).toBe(true);
        expect(JSON.stringify(fast), file).toBe(JSON.stringify(parseArticleBytes(file, bytes, { usualShape: false })));
      }
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

/**
 * The warnings `npm run check` adds for likely mistakes, each with an
 * article that should get it and close ones that should not. Articles are
 * written to temp folders and checked through runCheck, as the command does.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { leadDay, openingParagraph, titleYears } from "../src/check/article-rules.ts";
import { runCheck } from "../src/check/run-check.ts";
import { vietnamDay } from "../src/check/site-rules.ts";
import type { ContentError } from "../src/content/errors.ts";
import { RESULT_SUMMARY_LENGTH } from "../src/search/search-config.ts";

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

/** A project with these files (paths under content/). */
function project(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(os.tmpdir(), "check-rules-"));
  roots.push(root);
  for (const [rel, text] of Object.entries(files)) {
    const file = path.join(root, "content", rel);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  return root;
}

/** An article file from front-matter lines and a body. */
function article(frontMatter: string, body = "Nội dung bài viết."): string {
  return `---\n${frontMatter.trim()}\n---\n${body}\n`;
}

const NOW = Date.parse("2026-11-27T03:00:00Z"); // 10:00 in Vietnam

async function check(files: Record<string, string>, options: { now?: number; files?: string[] } = {}): Promise<readonly ContentError[]> {
  return (await runCheck({ rootDir: project(files), cache: false, now: options.now ?? NOW, ...(options.files ? { files: options.files } : {}) })).problems;
}

const codes = (problems: readonly ContentError[]): (string | undefined)[] => problems.map((p) => p.code);
const withCode = (problems: readonly ContentError[], code: string): ContentError[] => problems.filter((p) => p.code === code);

describe("title and reviewYear/planYear", () => {
  it("reads the review and plan years from the parts of a title", async () => {
    expect(titleYears("Hội nghị tổng kết công tác năm 2016, triển khai nhiệm vụ năm 2017")).toEqual([
      { kind: "review", year: 2016, phrase: "tổng kết công tác năm 2016" },
      { kind: "plan", year: 2017, phrase: "triển khai nhiệm vụ năm 2017" },
    ]);
    // The real Gia Lai title: "Đánh giá … triển khai nhiệm vụ năm 2016" is the review.
    expect(titleYears("Trung tâm CNTT&TT tổ chức Hội nghị Đánh giá công tác triển khai nhiệm vụ năm 2016 và Triển khai nhiệm vụ, kế hoạch năm 2017.").map((f) => [f.kind, f.year])).toEqual([
      ["review", 2016],
      ["plan", 2017],
    ]);
    expect(titleYears("Trung tâm công nghệ Thông tin và Truyền thông triển khai nhiệm vụ năm 2016").map((f) => [f.kind, f.year])).toEqual([["plan", 2016]]);
    expect(titleYears("Tổng kết hoạt động ngành Thông tin và Truyền thông (TT&TT)")).toEqual([]);
    // A period is not a year; a clause with two years says nothing certain.
    expect(titleYears("Triển khai kế hoạch giai đoạn 2016-2020")).toEqual([]);
    expect(titleYears("Tổng kết năm 2015 và 2016")).toEqual([{ kind: "review", year: 2015, phrase: "Tổng kết năm 2015" }]);
  });

  it("warns when reviewYear or planYear contradicts the title, naming the field's line", async () => {
    const problems = await check({
      "gia-lai/2017-01-06-a.md": article(`title: "Hội nghị tổng kết công tác năm 2016, triển khai nhiệm vụ năm 2017"\ndate: 2017-01-06\nprovince: gia-lai\nreviewYear: 2017\nplanYear: 2018`),
    });
    const review = withCode(problems, "check.warn.titleReviewYear");
    const plan = withCode(problems, "check.warn.titlePlanYear");
    expect(review).toHaveLength(1);
    expect(review[0]).toMatchObject({ severity: "warning", field: "reviewYear", line: 5, file: "content/gia-lai/2017-01-06-a.md" });
    expect(review[0]?.message).toContain("tổng kết công tác năm 2016");
    expect(review[0]?.message).toContain("2017");
    expect(review[0]?.fix).toContain("reviewYear: 2016");
    expect(plan[0]).toMatchObject({ field: "planYear", line: 6 });
    expect(plan[0]?.fix).toContain("planYear: 2017");
  });

  it("is silent when the years agree, are absent, or the title names none", async () => {
    const problems = await check({
      "gia-lai/2017-01-06-a.md": article(`title: "Hội nghị tổng kết công tác năm 2016, triển khai nhiệm vụ năm 2017"\ndate: 2017-01-06\nprovince: gia-lai\nreviewYear: 2016\nplanYear: 2017`),
      "gia-lai/2017-01-07-b.md": article(`title: "Hội nghị tổng kết công tác năm 2016"\ndate: 2017-01-07\nprovince: gia-lai`),
      "gia-lai/2017-01-08-c.md": article(`title: "Tổng kết hoạt động ngành"\ndate: 2017-01-08\nprovince: gia-lai\nreviewYear: 2016\nplanYear: 2017`),
    });
    expect(problems).toEqual([]);
  });
});

describe("the opening paragraph's day and the date", () => {
  it("finds the conference day in the forms press releases write it", async () => {
    expect(leadDay("Chiều 29/11/2016, tại phòng họp Sở")).toMatchObject({ phrase: "Chiều 29/11/2016", iso: "2016-11-29" });
    expect(leadDay("Nhằm đánh giá kết quả năm 2018, sáng 11/01/2019, Sở tổ chức")).toMatchObject({ iso: "2019-01-11" });
    expect(leadDay("Sáng thứ Ba, 29-11-2016, hội nghị")).toMatchObject({ iso: "2016-11-29" });
    expect(leadDay("Ngày 29 tháng 11 năm 2016, Sở tổ chức")).toMatchObject({ iso: "2016-11-29" });
    // No year ("Chiều 6-1"), no time word, an impossible day: nothing.
    expect(leadDay("(BDO) Chiều 6-1, Sở Thông tin và Truyền thông tổ chức hội nghị năm 2016")).toBeUndefined();
    expect(leadDay("Theo Quyết định 29/11/2015 của UBND tỉnh")).toBeUndefined();
    expect(leadDay("Chiều 31/11/2016, hội nghị")).toBeUndefined();
  });

  it("takes the first paragraph after headings and pictures", async () => {
    expect(openingParagraph("\n## Tin vắn\n\n![ảnh](a.jpg)\n\nSáng 7/12/2015, hội nghị\nvẫn đoạn đầu\n\nĐoạn hai 2014")).toEqual({ text: "Sáng 7/12/2015, hội nghị\nvẫn đoạn đầu", line: 5 });
    expect(openingParagraph("\n\n")).toBeUndefined();
  });

  it("warns when the opening paragraph's year contradicts the date, at the paragraph's line", async () => {
    const problems = await check({
      "gia-lai/2016-11-29-a.md": article(`title: Hội nghị\ndate: 2016-11-29\nprovince: gia-lai`, "\nChiều 29/11/2015, tại phòng họp Sở, Trung tâm tổ chức hội nghị."),
    });
    const found = withCode(problems, "check.warn.bodyYear");
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: "warning", field: "date", line: 7 });
    expect(found[0]?.message).toContain("Chiều 29/11/2015");
    expect(found[0]?.fix).toContain("29/11/2016");
    expect(found[0]?.fix).toContain("date: 2015-11-29");
  });

  it("is silent for the same year, a conference just before New Year, later paragraphs and other dates", async () => {
    const problems = await check({
      "gia-lai/2016-12-09-a.md": article(`title: A\ndate: 2016-12-09\nprovince: gia-lai`, "Chiều 29/11/2016, tại phòng họp Sở."),
      // Held on 29/12/2016, published on 5/1/2017.
      "gia-lai/2017-01-05-b.md": article(`title: B\ndate: 2017-01-05\nprovince: gia-lai`, "Sáng 29/12/2016, Sở tổ chức hội nghị."),
      // Years elsewhere: the review year, a later paragraph's date, a decree's date.
      "gia-lai/2017-01-06-c.md": article(`title: C\ndate: 2017-01-06\nprovince: gia-lai`, "Chiều 6-1, Sở tổng kết năm 2016 theo Quyết định 12/3/2015.\n\nNgày 15/3/2010, Sở được thành lập."),
    });
    expect(withCode(problems, "check.warn.bodyYear")).toEqual([]);
  });
});

describe("photo caption", () => {
  it("warns about a photo without a caption, suggesting one from its alt text", async () => {
    const problems = await check({ "gia-lai/2016-11-29-a.md": article(`title: A\ndate: 2016-11-29\nprovince: gia-lai\nimage:\n  src: https://example.org/a.jpg\n  alt: Toàn cảnh hội nghị`) });
    const found = withCode(problems, "check.warn.imageCaption");
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ field: "image.caption", line: 5 });
    expect(found[0]?.fix).toContain("caption: Toàn cảnh hội nghị");
  });

  it("is silent with a caption, or without a photo", async () => {
    const problems = await check({
      "gia-lai/2016-11-29-a.md": article(`title: A\ndate: 2016-11-29\nprovince: gia-lai\nimage:\n  src: https://example.org/a.jpg\n  alt: Toàn cảnh\n  caption: Toàn cảnh hội nghị`),
      "gia-lai/2016-11-30-b.md": article(`title: B\ndate: 2016-11-30\nprovince: gia-lai`),
    });
    expect(problems).toEqual([]);
  });
});

describe("summary length", () => {
  const summaryOf = (length: number): string => "Tổng kết ".repeat(80).slice(0, length).replace(/ $/, "x");

  it("warns when the summary is longer than a search result shows, showing where it is cut", async () => {
    const problems = await check({ "gia-lai/2016-11-29-a.md": article(`title: A\ndate: 2016-11-29\nprovince: gia-lai\nsummary: "${summaryOf(RESULT_SUMMARY_LENGTH + 1)}"`) });
    const found = withCode(problems, "check.warn.summaryLong");
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ field: "summary", line: 5 });
    expect(found[0]?.message).toContain(String(RESULT_SUMMARY_LENGTH + 1));
    expect(found[0]?.message).toContain("…");
  });

  it("is silent at exactly the length a result shows, and for the summary made from the first paragraph", async () => {
    const problems = await check({
      "gia-lai/2016-11-29-a.md": article(`title: A\ndate: 2016-11-29\nprovince: gia-lai\nsummary: "${summaryOf(RESULT_SUMMARY_LENGTH)}"`),
      "gia-lai/2016-11-30-b.md": article(`title: B\ndate: 2016-11-30\nprovince: gia-lai`, "Rất dài ".repeat(100)),
    });
    expect(problems).toEqual([]);
  });
});

describe("a date in the future", () => {
  it("warns about a day after today in Vietnam, and a time later today", async () => {
    expect(vietnamDay(Date.parse("2026-11-27T17:30:00Z"))).toBe("2026-11-28");
    const problems = await check({
      "gia-lai/2026-11-28-a.md": article(`title: A\ndate: 2026-11-28\nprovince: gia-lai`),
      "gia-lai/2026-11-27-b.md": article(`title: B\ndate: 2026-11-27T15:00\nprovince: gia-lai`),
    });
    const found = withCode(problems, "check.warn.futureDate");
    expect(found.map((p) => [p.file, p.line])).toEqual([
      ["content/gia-lai/2026-11-27-b.md", 3],
      ["content/gia-lai/2026-11-28-a.md", 3],
    ]);
    expect(found[1]?.message).toContain("2026-11-27");
    expect(found[1]?.fix).toContain("draft: true");
  });

  it("is silent for today, an earlier time today, and the past", async () => {
    const problems = await check({
      "gia-lai/2026-11-27-a.md": article(`title: A\ndate: 2026-11-27\nprovince: gia-lai`),
      "gia-lai/2026-11-27-b.md": article(`title: B\ndate: 2026-11-27T09:00\nprovince: gia-lai`),
      "gia-lai/2016-11-27-c.md": article(`title: C\ndate: 2016-11-27\nprovince: gia-lai`),
    });
    expect(problems).toEqual([]);
  });
});

describe("duplicate titles", () => {
  const title = "Hội nghị tổng kết công tác năm 2016, triển khai nhiệm vụ năm 2017";

  it("warns on each article of one province and year with the same title, naming the others", async () => {
    const problems = await check({
      "gia-lai/2016-12-09-a.md": article(`title: "${title}"\ndate: 2016-12-09\nprovince: gia-lai`),
      "gia-lai/2016-12-20-b.md": article(`title: "${title.toUpperCase()}."\ndate: 2016-12-20\nprovince: gia-lai\ndraft: true`),
    });
    const found = withCode(problems, "check.warn.duplicateTitle");
    expect(found.map((p) => [p.file, p.line])).toEqual([
      ["content/gia-lai/2016-12-09-a.md", 2],
      ["content/gia-lai/2016-12-20-b.md", 2],
    ]);
    expect(found[0]?.message).toContain("content/gia-lai/2016-12-20-b.md");
    expect(found[1]?.message).toContain("content/gia-lai/2016-12-09-a.md");
  });

  it("is silent across provinces, across years, and for different titles", async () => {
    const problems = await check({
      "gia-lai/2016-12-09-a.md": article(`title: "${title}"\ndate: 2016-12-09\nprovince: gia-lai`),
      "ha-tinh/2016-12-09-a.md": article(`title: "${title}"\ndate: 2016-12-09\nprovince: ha-tinh`),
      "gia-lai/2017-01-05-b.md": article(`title: "${title}"\ndate: 2017-01-05\nprovince: gia-lai`),
      "gia-lai/2016-12-10-c.md": article(`title: "${title} của Sở"\ndate: 2016-12-10\nprovince: gia-lai`),
    });
    expect(problems).toEqual([]);
  });
});

describe("an official's role", () => {
  const withRole = (date: string, role: string, province = "gia-lai", name = "Nguyễn Dũng"): string =>
    article(`title: Hội nghị ${date}\ndate: ${date}\nprovince: ${province}\nofficials:\n  - name: ${name}\n    role: ${role}`);

  it("warns when the role differs from the last known one, showing both and the other article", async () => {
    const problems = await check({
      "gia-lai/2016-12-01-a.md": withRole("2016-12-01", "Giám đốc Trung tâm CNTT&TT"),
      "gia-lai/2016-12-09-b.md": withRole("2016-12-09", "Phó Giám đốc"),
    });
    const found = withCode(problems, "check.warn.roleChanged");
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ file: "content/gia-lai/2016-12-09-b.md", field: "officials #1.role", line: 7 });
    expect(found[0]?.message).toContain("Phó Giám đốc");
    expect(found[0]?.message).toContain("Giám đốc Trung tâm CNTT&TT");
    expect(found[0]?.message).toContain("content/gia-lai/2016-12-01-a.md");
  });

  it("takes a change repeated by a later article as real, and flags only the slip between two that agree", async () => {
    const promoted = await check({
      "gia-lai/2015-01-01-a.md": withRole("2015-01-01", "Phó Giám đốc"),
      "gia-lai/2016-01-01-b.md": withRole("2016-01-01", "Giám đốc"),
      "gia-lai/2017-01-01-c.md": withRole("2017-01-01", "Giám đốc"),
    });
    expect(withCode(promoted, "check.warn.roleChanged")).toEqual([]);
    const slip = await check({
      "gia-lai/2015-01-01-a.md": withRole("2015-01-01", "Giám đốc"),
      "gia-lai/2016-01-01-b.md": withRole("2016-01-01", "Phó Giám đốc"),
      "gia-lai/2017-01-01-c.md": withRole("2017-01-01", "Giám đốc"),
    });
    expect(withCode(slip, "check.warn.roleChanged").map((p) => p.file)).toEqual(["content/gia-lai/2016-01-01-b.md"]);
  });

  it("is silent for the same role written differently, the same name in another province, and officials without a role", async () => {
    const problems = await check({
      "gia-lai/2016-12-01-a.md": withRole("2016-12-01", "Giám đốc Sở"),
      "gia-lai/2016-12-09-b.md": withRole("2016-12-09", "giám đốc sở."),
      "ha-tinh/2016-12-10-c.md": withRole("2016-12-10", "Phó Chủ tịch UBND tỉnh", "ha-tinh"),
      "gia-lai/2016-12-11-d.md": article(`title: D\ndate: 2016-12-11\nprovince: gia-lai\nofficials:\n  - name: Nguyễn Dũng`),
    });
    expect(codes(problems)).toEqual([]);
  });
});

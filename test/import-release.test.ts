/**
 * The pure import (src/import/): the five seed releases against front matter
 * written by hand (test/fixtures/import/expected.ts), field by field, and
 * variations written for these tests.
 */
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseArticle } from "../src/content/parse-article.ts";
import { parseDateLine, findLeadDate, inferLeadYear } from "../src/import/find-dates.ts";
import { escapeMarkdown, importPressRelease, type ImportDraft } from "../src/import/import-release.ts";
import { extractOfficials } from "../src/import/officials.ts";
import { extractAwards } from "../src/import/awards.ts";
import { findProvince } from "../src/import/find-province.ts";
import { decodeInput, MAX_INPUT_BYTES } from "../src/import/decode-input.ts";
import { draftFileName, renderDraft } from "../src/import/render-draft.ts";
import { renderMarkdown } from "../src/markdown.ts";
import { setLanguage } from "../src/messages/index.ts";
import { EXPECTED } from "./fixtures/import/expected.ts";

const SEEDS = path.join(import.meta.dirname, "fixtures/import/seeds");

function importText(text: string, sourceName = "test.txt", defaultProvince?: string): ImportDraft {
  return importPressRelease(text, { sourceName, ...(defaultProvince ? { defaultProvince } : {}) });
}

/** The rendered draft through the real loader, at the path the importer would use. */
function load(draft: ImportDraft) {
  return parseArticle(`content/${draft.province ?? "x"}/${draftFileName(draft)}`, renderDraft(draft));
}

describe("importing the five seed releases", () => {
  const files = readdirSync(SEEDS).filter((f) => f.endsWith(".txt")).sort();

  it("has an expectation for every seed", () => {
    expect(files).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const file of Object.keys(EXPECTED).sort()) {
    const expected = EXPECTED[file];
    if (!expected) continue;
    describe(file, () => {
      const draft = importText(readFileSync(path.join(SEEDS, file), "utf8"), file);

      it("reads title, date, province, agency and years", () => {
        expect(draft.title).toBe(expected.title);
        expect(draft.date).toBe(expected.date);
        expect(draft.conferenceDay).toBe(expected.conferenceDay);
        expect(draft.province).toBe(expected.province);
        expect(draft.agency).toBe(expected.agency);
        expect(draft.reviewYear).toBe(expected.reviewYear);
        expect(draft.planYear).toBe(expected.planYear);
        expect(draft.author).toBe(expected.author);
      });

      it("lists every official named, with role and honorific, and nobody else", () => {
        expect(draft.officials.map((o) => ({ name: o.name, ...(o.role ? { role: o.role } : {}), ...(o.honorific ? { honorific: o.honorific } : {}) }))).toEqual(expected.officials);
      });

      it("lists every award with count, recipient and conferrer", () => {
        expect(draft.awards.map((a) => ({ title: a.title, ...(a.recipient ? { recipient: a.recipient } : {}), ...(a.count !== undefined ? { count: a.count } : {}), ...(a.conferredBy ? { conferredBy: a.conferredBy } : {}) }))).toEqual(expected.awards);
      });

      it("keeps the text and captions, drops the portal chrome and byline", () => {
        expect(draft.captions).toHaveLength(expected.captions);
        for (const sentence of expected.bodyHas) expect(draft.body).toContain(escapeMarkdown(sentence).replace(/^\\\*/, "*").replace(/\\\*$/, "*"));
        for (const chrome of expected.bodyLacks) expect(draft.body).not.toContain(chrome);
      });

      it("passes the content loader, or says exactly what is left to fill in", () => {
        const result = load(draft);
        if (expected.province === undefined) {
          expect(draft.missing).toEqual(["province"]);
          expect(result.ok).toBe(false);
          expect(renderDraft(draft)).toMatch(/# FILL IN: the text names no province[^\n]*\nprovince:\n/);
        } else {
          expect(draft.missing).toEqual([]);
          expect(result.ok, JSON.stringify(result.ok ? [] : result.errors)).toBe(true);
          if (result.ok) {
            expect(result.article.draft).toBe(true);
            expect(result.article.title).toBe(expected.title);
          }
        }
      });
    });
  }

  it("marks what it inferred for the editor to confirm", () => {
    const binhDuong = renderDraft(importText(readFileSync(path.join(SEEDS, "001_3a86204044c2cc8d.txt"), "utf8")));
    expect(binhDuong).toContain('# CONFIRM: "Chiều 6-1" gives no year; 2017 was inferred from the years reviewed and planned.');
    expect(binhDuong).toContain('# CONFIRM: read from the newspaper tag "(BDO)" of Bình Dương');
    expect(binhDuong).toContain("# CONFIRM: the text has no headline line; the title comes from the opening sentence.");
    const haiPhong = renderDraft(importText(readFileSync(path.join(SEEDS, "002_e651969653ca2667.txt"), "utf8")));
    expect(haiPhong).toContain("beside the Print button");
    expect(haiPhong).toContain("# The conference was held on 2019-01-11");
    const haTinh = renderDraft(importText(readFileSync(path.join(SEEDS, "004_eb447706b82accdd.txt"), "utf8")));
    expect(haTinh).toContain('# CONFIRM: role written before the name: "Chủ tịch UBND huyện Trịnh Văn Ngọc"');
    expect(haTinh).toContain("# CONFIRM: year reviewed 2015 inferred");
  });

  it("uses --province only for a text that names none, in force on the date", () => {
    const haTinh = importText(readFileSync(path.join(SEEDS, "004_eb447706b82accdd.txt"), "utf8"), "004.txt", "ha-tinh");
    expect(haTinh.province).toBe("ha-tinh");
    expect(load(haTinh).ok).toBe(true);
    const giaLai = importText(readFileSync(path.join(SEEDS, "000_55f457eac0504ad9.txt"), "utf8"), "000.txt", "ha-tinh");
    expect(giaLai.province).toBe("gia-lai");
    expect(giaLai.notes.province?.map((n) => n.key)).toContain("import.note.provinceDiffersFromOption");
  });

  it("writes its notes in Vietnamese by default", () => {
    setLanguage("vi");
    try {
      const text = renderDraft(importText(readFileSync(path.join(SEEDS, "004_eb447706b82accdd.txt"), "utf8"), "004.txt"));
      expect(text).toContain("# CẦN ĐIỀN: bài không nêu tỉnh/thành phố");
      expect(text).toContain("# XÁC NHẬN: chức vụ đứng trước tên");
    } finally {
      setLanguage("en");
    }
  });
});

describe("portal date lines", () => {
  it.each([
    ["09/12/2016", "2016-12-09", "portal"],
    ["18/01/2016 02:07:38 PM", "2016-01-18T14:07:38", "portal"],
    ["Print Thứ Bảy, 26/01/2019 23:25", "2019-01-26T23:25", "print"],
    ["Cập nhật: 09/12/2016 08:30", "2016-12-09T08:30", "updated"],
    ["Cập nhật lúc 08:30, 9-12-2016", "2016-12-09T08:30", "updated"],
    ["Ngày đăng: 9.12.2016", "2016-12-09", "portal"],
    ["Thứ Sáu, 09/12/2016 | 14h05", "2016-12-09T14:05", "portal"],
    ["ngày 9 tháng 12 năm 2016", "2016-12-09", "portal"],
    ["12:00 AM 01/02/2017", "2017-02-01T00:00", "portal"],
    ["09/12/2016 (GMT+7)", "2016-12-09", "portal"],
  ])("reads %j", (line, iso, source) => {
    const found = parseDateLine(line);
    expect(found).toBeDefined();
    const pad = (n: number | undefined): string => String(n ?? 0).padStart(2, "0");
    const got = `${found?.year}-${pad(found?.month)}-${pad(found?.day)}${found?.hour !== undefined ? `T${pad(found.hour)}:${pad(found.minute)}${found.second !== undefined ? `:${pad(found.second)}` : ""}` : ""}`;
    expect(got).toBe(iso);
    expect(found?.source).toBe(source);
  });

  it.each(["Năm 2016 là năm nhiều khó khăn, 09/12/2016 đánh dấu…", "30/02/2016", "nhiệm kỳ 2016-2020", "In 2016", "Thứ Hai"])("does not take %j for a date line", (line) => {
    expect(parseDateLine(line)).toBeUndefined();
  });

  it("notices a weekday that does not match the date", () => {
    expect(parseDateLine("Thứ Hai, 26/01/2019")?.weekdayMismatch).toBe(true);
    expect(parseDateLine("Thứ Bảy, 26/01/2019")?.weekdayMismatch).toBe(false);
  });
});

describe("conference dates in the lead", () => {
  it.each([
    ["Chiều 29/11/2016, tại phòng họp", { day: 29, month: 11, year: 2016, partOfDay: "chiều" }],
    ["(BDO) Chiều 6-1, Sở Thông tin", { day: 6, month: 1, partOfDay: "chiều" }],
    ["…hiệu quả cao, sáng 11/01/2019, Sở Thông tin", { day: 11, month: 1, year: 2019, partOfDay: "sáng" }],
    ["Ngày 7 tháng 12 năm 2015, UBND tỉnh", { day: 7, month: 12, year: 2015 }],
    ["Sáng nay (7/12), tại Hà Tĩnh", { day: 7, month: 12, partOfDay: "sáng" }],
  ])("reads %j", (text, expected) => {
    expect(findLeadDate(text)).toMatchObject(expected);
  });

  it("infers a missing year from the publication date, else from the years reviewed and planned", () => {
    const lead = { day: 29, month: 11, raw: "Chiều 29/11" };
    expect(inferLeadYear(lead, { year: 2016, month: 12, day: 9, raw: "" }, undefined, undefined)).toBe(2016);
    expect(inferLeadYear({ day: 28, month: 12, raw: "" }, { year: 2017, month: 1, day: 3, raw: "" }, undefined, undefined)).toBe(2016);
    expect(inferLeadYear({ day: 6, month: 1, raw: "" }, undefined, 2016, 2017)).toBe(2017);
    expect(inferLeadYear({ day: 7, month: 12, raw: "" }, undefined, undefined, 2016)).toBe(2015);
    expect(inferLeadYear({ day: 7, month: 12, raw: "" }, undefined, undefined, undefined)).toBeUndefined();
  });
});

describe("officials", () => {
  it("reads other honorifics and shapes", () => {
    const found = extractOfficials([
      "Dự hội nghị có đồng chí Nguyễn Thiện, Phó Chủ tịch Thường trực UBND tỉnh và bà Lê Thị Hoa – Phó Giám đốc Sở Nội vụ.",
      "Đ/c Hoàng Văn Nam, Trưởng phòng Văn hóa và Thông tin huyện phát biểu.",
      "Giám đốc Sở Tư pháp Võ Minh Tâm chủ trì.",
    ]);
    expect(found.map(({ name, role, honorific }) => ({ name, role, honorific }))).toEqual([
      { name: "Nguyễn Thiện", role: "Phó Chủ tịch Thường trực UBND tỉnh", honorific: "Đồng chí" },
      { name: "Lê Thị Hoa", role: "Phó Giám đốc Sở Nội vụ", honorific: "Bà" },
      { name: "Hoàng Văn Nam", role: "Trưởng phòng Văn hóa và Thông tin huyện", honorific: "Đồng chí" },
      { name: "Võ Minh Tâm", role: "Giám đốc Sở Tư pháp", honorific: undefined },
    ]);
  });

  it("invents nobody: places, lowercase words and lone names are not people", () => {
    expect(
      extractOfficials([
        "Tại điểm cầu huyện Vũ Quang, tỉnh Hà Tĩnh, Chủ tịch UBND tỉnh Quảng Ngãi phát biểu.",
        "Ông cũng chỉ ra những hạn chế; bà con nhân dân phấn khởi.",
        "Tỉnh Bà Rịa – Vũng Tàu và Giám đốc Sở đã dự.",
        "Bài viết không nêu tên ai cả.",
      ]),
    ).toEqual([]);
  });

  it("imports an article with no officials without an officials field", () => {
    const draft = importText("Sở Thông tin và Truyền thông tổng kết năm 2020\n\n15/01/2021\n\nSáng 14/1, Sở Thông tin và Truyền thông tỉnh Nghệ An tổ chức hội nghị tổng kết công tác năm 2020, triển khai nhiệm vụ năm 2021. Các phòng ban báo cáo kết quả một năm làm việc.\n");
    expect(draft.officials).toEqual([]);
    expect(renderDraft(draft)).not.toContain("officials:");
    expect(draft.province).toBe("nghe-an");
    expect(load(draft).ok).toBe(true);
  });
});

describe("awards", () => {
  it("reads counts, several groups and conferrers, and nothing that is not an award", () => {
    const awards = extractAwards([
      "Dịp này, UBND tỉnh đã tặng Bằng khen cho 5 tập thể, 7 cá nhân và Cờ thi đua cho Sở Nội vụ.",
      "Sở Y tế tặng quà cho 20 hộ nghèo.",
      "Chủ tịch UBND tỉnh trao Huân chương Lao động hạng Ba của Chủ tịch nước cho ông Trần Văn Bình.",
    ]);
    expect(awards.map(({ title, recipient, count, conferredBy }) => ({ title, recipient, count, conferredBy }))).toEqual([
      { title: "Bằng khen", recipient: "tập thể", count: 5, conferredBy: "UBND tỉnh" },
      { title: "Bằng khen", recipient: "cá nhân", count: 7, conferredBy: "UBND tỉnh" },
      { title: "Cờ thi đua", recipient: "Sở Nội vụ", count: undefined, conferredBy: "UBND tỉnh" },
      { title: "Huân chương Lao động hạng Ba", recipient: "Trần Văn Bình", count: undefined, conferredBy: "Chủ tịch nước" },
    ]);
  });
});

describe("provinces", () => {
  it("applies the 2025 merger rule and the Huế renaming to the article's date", () => {
    expect(findProvince("Sở TT&TT tỉnh Bình Dương tổ chức hội nghị", "2017-01-06")).toMatchObject({ id: "binh-duong", evidence: "named" });
    expect(findProvince("Sở KH&CN tỉnh Bình Dương tổ chức hội nghị", "2025-09-01")).toMatchObject({ id: "ho-chi-minh", movedFrom: "binh-duong" });
    expect(findProvince("UBND thành phố Huế", "2023-05-01")).toMatchObject({ id: "thua-thien-hue", movedFrom: "hue" });
    expect(findProvince("tỉnh Thừa Thiên Huế", "2023-05-01")).toMatchObject({ id: "thua-thien-hue" });
  });

  it("matches with or without old-style accents, and only capitalised names", () => {
    expect(findProvince("Sở Y tế tỉnh Thanh Hoá", undefined)?.id).toBe("thanh-hoa");
    expect(findProvince("các lực lượng bình định vùng biên", undefined)).toBeUndefined();
    expect(findProvince("học tập tư tưởng Hồ Chí Minh", undefined)).toBeUndefined();
  });

  it("says what is missing when the text names no province and has no date", () => {
    const draft = importText("Hội nghị tổng kết công tác\n\nCác đơn vị đã báo cáo kết quả công tác trong năm vừa qua và thống nhất phương hướng cho năm tới với nhiều chỉ tiêu cụ thể.\n");
    expect(draft.missing).toEqual(["date", "province"]);
    const text = renderDraft(draft);
    expect(text).toMatch(/# FILL IN: no date found[^\n]*\ndate:\n/);
    expect(text).toMatch(/# FILL IN: the text names no province[^\n]*\nprovince:\n/);
    expect(load(draft).ok).toBe(false);
    expect(draftFileName(draft)).toBe("hoi-nghi-tong-ket-cong-tac.md");
  });
});

describe("untrusted text", () => {
  it("escapes Markdown so the page shows the portal's words, and keeps YAML values inert", () => {
    const draft = importText('Tiêu đề: "yes" # không phải chú thích\n\n09/12/2016\n\n# Không phải tiêu đề, mà là một câu trong bài viết có dấu chấm ở cuối.\n\n- không phải danh sách *đậm* [liên kết](javascript:alert(1)) <script>alert(1)</script> &copy;\n\n1. không phải danh sách số, tỉnh Gia Lai có nhiều hoạt động trong năm vừa qua và đạt nhiều kết quả tốt.\n');
    const result = load(draft);
    expect(result.ok, JSON.stringify(result.ok ? [] : result.errors)).toBe(true);
    if (!result.ok) return;
    expect(result.article.title).toBe('Tiêu đề: "yes" # không phải chú thích');
    const html = renderMarkdown(draft.body).html.value;
    expect(html).not.toMatch(/<h1|<ul|<ol|<em|<a |<script/);
    expect(html).toContain("&amp;copy;");
    expect(html).toContain("<p>1. không phải danh sách số");
    expect(html).toContain("<p># Không phải tiêu đề");
  });

  it("removes bidi controls and zero-width characters", () => {
    const draft = importText("Tiêu đề\u202E có ký tự ẩn\u200B\n\n09/12/2016\n\nNội dung bài viết ở tỉnh Gia Lai với nhiều hoạt động trong năm vừa qua và đạt kết quả tốt đẹp.\n");
    expect(draft.title).toBe("Tiêu đề có ký tự ẩn");
  });

  it("finishes on a megabyte of hostile text", () => {
    const nasty = ["Ông ".repeat(60_000), "cho ".repeat(60_000), "Giám đốc ".repeat(30_000), "a".repeat(300_000), "1/".repeat(50_000)].join("\n");
    const draft = importText(nasty);
    expect(draft.officials).toEqual([]);
  });

  it("refuses binary, UTF-16, non-UTF-8, empty and oversized input", () => {
    expect(decodeInput(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0]))).toEqual({ ok: false, problem: "binary" });
    expect(decodeInput(new Uint8Array([0xff, 0xfe, 0x41, 0]))).toEqual({ ok: false, problem: "utf16" });
    expect(decodeInput(new Uint8Array([0x54, 0x68, 0xe1, 0x6e, 0x67]))).toEqual({ ok: false, problem: "not-utf8", offset: 2 });
    expect(decodeInput(new TextEncoder().encode(" \n\t "))).toEqual({ ok: false, problem: "empty" });
    expect(decodeInput(new Uint8Array(MAX_INPUT_BYTES + 1).fill(0x61))).toEqual({ ok: false, problem: "too-large" });
    expect(decodeInput(new TextEncoder().encode("Thông tin"))).toEqual({ ok: true, text: "Thông tin" });
  });
});

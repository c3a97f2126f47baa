import { describe, expect, it } from "vitest";
import { foldDiacritics, slugify } from "../src/slug.ts";
import { slugFromFileName } from "../src/content/parse-article.ts";

describe("slugify", () => {
  it.each([
    ["Đắk Lắk", "dak-lak"],
    ["Bà Rịa – Vũng Tàu", "ba-ria-vung-tau"],
    ["Hội nghị tổng kết công tác năm 2016, triển khai nhiệm vụ năm 2017", "hoi-nghi-tong-ket-cong-tac-nam-2016-trien-khai-nhiem-vu-nam-2017"],
    ["ĐƯỜNG ĐI", "duong-di"],
    ["  --Trung tâm CNTT&TT--  ", "trung-tam-cntt-tt"],
    ["Thừa Thiên Huế", "thua-thien-hue"],
    ["../../etc/passwd", "etc-passwd"],
    ["<script>alert(1)</script>", "script-alert-1-script"],
    ["文字", ""],
  ])("%s → %s", (input, slug) => {
    expect(slugify(input)).toBe(slug);
  });

  it("gives the same slug for NFD and NFC input", () => {
    expect(slugify("Thủy".normalize("NFD"))).toBe(slugify("Thủy".normalize("NFC")));
  });

  it("cuts long slugs at a word boundary", () => {
    const slug = slugify("một hai ba bốn năm sáu bảy tám chín mười ".repeat(10), 40);
    expect(slug.length).toBeLessThanOrEqual(40);
    expect(slug.endsWith("-")).toBe(false);
    expect("mot-hai-ba-bon-nam-sau-bay-tam-chin-muoi-".repeat(10).startsWith(`${slug}-`)).toBe(true);
  });

  it("only ever produces [a-z0-9-]", () => {
    const nasty = "A\u0000B/\\C..D?E#F%G \u202eH😀İ";
    expect(slugify(nasty)).toMatch(/^[a-z0-9-]*$/);
  });

  it("folds diacritics but keeps case and punctuation", () => {
    expect(foldDiacritics("Sở Thông tin & Đà Nẵng")).toBe("So Thong tin & Da Nang");
  });
});

describe("slugFromFileName", () => {
  it("drops the folder, extension and date prefix", () => {
    expect(slugFromFileName("content/gia-lai/2016-12-09-hoi-nghi.md")).toBe("hoi-nghi");
    expect(slugFromFileName("content/x/Hội Nghị.MD")).toBe("hoi-nghi");
  });

  it("keeps a date-only file name usable", () => {
    expect(slugFromFileName("content/x/2016-12-09.md")).toBe("2016-12-09");
  });

  it("gives what slugify gives for names nearly in slug form (the shortcut for names already in it)", () => {
    const long = Array.from({ length: 20 }, (_, i) => `tu${i}`).join("-");
    expect(long.length).toBeGreaterThan(80);
    for (const name of ["hoi-nghi", "hoi--nghi", "-hoi-nghi", "hoi-nghi-", "Hoi-nghi", "hội-nghị", "hoi_nghi", long, long.slice(0, 80), "a"]) {
      expect(slugFromFileName(`content/x/2016-12-09-${name}.md`)).toBe(slugify(name) || slugify(`2016-12-09-${name}`));
    }
    expect(slugFromFileName(`content/x/2016-12-09-${long}.md`).length).toBeLessThanOrEqual(80);
  });
});

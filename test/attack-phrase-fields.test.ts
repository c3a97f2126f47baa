/**
 * An official or award written under `officials:`/`awards:` as the press
 * release phrases it ("- Ông Trần Văn B – Phó Giám đốc") was answered with
 * the generic example "- name: Nguyễn Dũng": the fix now shows the item with
 * the editor's own values, as one YAML line that, pasted in its place, gives
 * a valid article with those fields.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { awardPhrase, listItemFromPhrase, officialPhrase } from "../src/content/phrase-fields.ts";
import { parseArticle } from "../src/content/parse-article.ts";
import { setLanguage } from "../src/messages/index.ts";

beforeEach(() => setLanguage("vi"));

const FILE = "content/ha-noi/2024-12-20-hoi-nghi.md";
const article = (list: string): string => `---\ntitle: "Hội nghị tổng kết công tác năm 2024"\ndate: 2024-12-20\nprovince: ha-noi\n${list}\n---\nChiều 20/12/2024, Sở tổ chức hội nghị.\n`;

/** The fix's YAML line ("viết như sau: - { … }"), for the item at `index`. */
function suggested(source: string, field: string): string {
  const result = parseArticle(FILE, source);
  if (result.ok) throw new Error("parsed");
  const error = result.errors.find((e) => e.field === field);
  const line = /(?:viết như sau|write it like): (- \{.*\})$/.exec(error?.fix ?? "")?.[1];
  if (!line) throw new Error(`no filled-in fix: ${JSON.stringify(error)}`);
  return line;
}

describe("a list item written as the release phrases it", () => {
  it("splits officials and awards into their fields", () => {
    expect(officialPhrase("Ông Nguyễn Dũng – Giám đốc Trung tâm CNTT&TT")).toEqual({ name: "Nguyễn Dũng", role: "Giám đốc Trung tâm CNTT&TT", honorific: "Ông" });
    expect(officialPhrase("đồng chí Nguyễn Thiện, Phó Chủ tịch Thường trực UBND tỉnh")).toEqual({ name: "Nguyễn Thiện", role: "Phó Chủ tịch Thường trực UBND tỉnh", honorific: "Đồng chí" });
    expect(officialPhrase("Nguyễn Dũng")).toBeUndefined();
    expect(awardPhrase("Giấy khen của Giám đốc Sở cho 04 cá nhân")).toEqual({ title: "Giấy khen của Giám đốc Sở", count: 4, recipient: "cá nhân" });
    expect(awardPhrase("Cờ thi đua")).toBeUndefined();
    expect(listItemFromPhrase("officials", 'Bà Lê "Thị" C')).toBe('- { name: "Lê \\"Thị\\" C", honorific: "Bà" }');
    expect(listItemFromPhrase("awards", "x".repeat(300))).toBeUndefined();
  });

  it("is answered with the item filled in, which pasted in its place gives those fields", () => {
    const officials = article("officials:\n  - Ông Trần Văn B – Phó Giám đốc Sở");
    const official = suggested(officials, "officials #1");
    expect(official).toBe('- { name: "Trần Văn B", role: "Phó Giám đốc Sở", honorific: "Ông" }');
    const fixed = parseArticle(FILE, article(`officials:\n  ${official}`));
    expect(fixed.ok && fixed.article.officials).toEqual([{ name: "Trần Văn B", role: "Phó Giám đốc Sở", honorific: "Ông" }]);

    const awards = article("awards:\n  - Lao động tiên tiến – 11 cá nhân");
    const award = suggested(awards, "awards #1");
    const fixedAward = parseArticle(FILE, article(`awards:\n  ${award}`));
    expect(fixedAward.ok && fixedAward.article.awards).toEqual([{ title: "Lao động tiên tiến", recipient: "cá nhân", count: 11 }]);

    // A plain name is a name.
    expect(suggested(article("officials:\n  - Nguyễn Dũng"), "officials #1")).toBe('- { name: "Nguyễn Dũng" }');
  });
});

describe("an honorific not in the list", () => {
  const fixOf = (honorific: string): string | undefined => {
    const result = parseArticle(FILE, article(`officials:\n  - name: Lê Thị C\n    honorific: ${honorific}`));
    return result.ok ? undefined : result.errors.find((e) => e.field === "officials #1.honorific")?.fix;
  };
  it("is answered with the one meant, never another person's (before: 'honorific: Ông' for 'bà')", () => {
    expect(fixOf("bà")).toBe("viết như sau: honorific: Bà");
    expect(fixOf("Ba")).toBe("viết như sau: honorific: Bà");
    expect(fixOf("đ/c")).toBe("viết như sau: honorific: Đồng chí");
    expect(fixOf("Ngài")).toBe("bỏ dòng honorific (không bắt buộc), hoặc viết honorific: Ông, honorific: Bà hay honorific: Đồng chí");
    setLanguage("en");
    expect(fixOf("Ngài")).toBe("leave the honorific line out (it is optional), or write honorific: Ông, honorific: Bà or honorific: Đồng chí");
  });
});

import { describe, expect, it } from "vitest";
import { AWARD_KEYS, FRONT_MATTER_KEYS, HONORIFICS, IMAGE_KEYS, OFFICIAL_KEYS, fieldHelp } from "../src/content/schema.ts";
import { fieldHelpPatterns } from "../src/messages/index.ts";

describe("field help (the catalogue's field.* entries)", () => {
  const patterns = [
    ...FRONT_MATTER_KEYS,
    ...OFFICIAL_KEYS.map((k) => `officials[].${k}`),
    ...AWARD_KEYS.map((k) => `awards[].${k}`),
    ...IMAGE_KEYS.map((k) => `image.${k}`),
    "officials[]",
    "awards[]",
    "tags[]",
    "aliases[]",
  ];

  it("covers every field of the schema, in both languages", () => {
    for (const pattern of patterns) {
      for (const lang of ["vi", "en"] as const) {
        const help = fieldHelp(pattern, lang);
        expect(help, `${pattern} (${lang})`).toBeDefined();
        expect(help!.label.trim()).not.toBe("");
        expect(help!.expected.trim()).not.toBe("");
        expect(help!.example.trim()).not.toBe("");
      }
    }
    expect(fieldHelpPatterns().sort()).toEqual([...new Set(patterns)].sort());
  });

  it("gives Vietnamese by default and English on request, with the same example", () => {
    expect(fieldHelp("title", "vi")).toEqual({ label: "Tiêu đề", expected: "tiêu đề bài viết", example: 'title: "Hội nghị tổng kết công tác năm 2016"' });
    expect(fieldHelp("title", "en")).toEqual({ label: "Title", expected: "the headline as text", example: 'title: "Hội nghị tổng kết công tác năm 2016"' });
    expect(fieldHelp("image.src", "vi")?.example).toBe(fieldHelp("image.src", "en")?.example);
  });

  it("lists every allowed honorific", () => {
    for (const lang of ["vi", "en"] as const) for (const h of HONORIFICS) expect(fieldHelp("officials[].honorific", lang)?.expected).toContain(h);
  });

  it("has no help for unknown patterns (and is not fooled by prototype names)", () => {
    expect(fieldHelp("titel")).toBeUndefined();
    expect(fieldHelp("__proto__")).toBeUndefined();
    expect(fieldHelp("constructor")).toBeUndefined();
  });
});

import { describe, expect, it } from "vitest";
import { catalogueEntries } from "../src/messages/catalogue.ts";
import type { Text, Params } from "../src/messages/define.ts";
import { LANGS, explainIn, getLanguage, parseLang, resolveLanguage, setLanguage, t, tIn } from "../src/messages/index.ts";

const render = (text: Text<Params> | undefined, params: Params): string | undefined => (typeof text === "function" ? text(params) : text);

describe("the message catalogue", () => {
  it("has every part of every message in both languages, non-empty for the sample parameters", () => {
    const entries = catalogueEntries();
    expect(entries.length).toBeGreaterThan(0);
    for (const [key, def] of entries) {
      for (const part of ["message", "expected", "fix"] as const) {
        const present = LANGS.map((lang) => def[lang][part] !== undefined);
        expect(present.every((p) => p === present[0]), `${key}.${part}: present in one language only`).toBe(true);
        for (const lang of LANGS) {
          const text = render(def[lang][part], def.sample);
          if (text === undefined) continue;
          expect(text.trim(), `${key}.${part} (${lang}) is empty`).not.toBe("");
          expect(text, `${key}.${part} (${lang}) shows an unfilled placeholder`).not.toMatch(/undefined|\[object Object\]|NaN/);
        }
      }
    }
  });

  it("uses every sample parameter in both languages (no fact dropped in translation)", () => {
    for (const [key, def] of catalogueEntries()) {
      for (const [name, value] of Object.entries(def.sample)) {
        for (const lang of LANGS) {
          const all = (["message", "expected", "fix"] as const).map((part) => render(def[lang][part], def.sample) ?? "").join("\n");
          // Numbers may be shown formatted or drive a plural instead of appearing as digits.
          if (typeof value === "number") continue;
          expect(all.includes(value), `${key} (${lang}) does not show parameter ${name}`).toBe(true);
        }
      }
    }
  });

  it("never sends an editor to the developers' README in Vietnamese (their guide is docs/huong-dan-bien-tap.md)", () => {
    for (const [key, def] of catalogueEntries()) {
      const all = (["message", "expected", "fix"] as const).map((part) => render(def.vi[part], def.sample) ?? "").join("\n");
      // "README:" or "README.md" points to the developers' README; a notice about a file named README is fine.
      expect(all, `${key} (vi)`).not.toMatch(/README(?:\.md|:)/);
    }
  });
});

describe("message language", () => {
  it("is Vietnamese unless English is asked for", () => {
    expect(resolveLanguage(undefined, {})).toBe("vi");
    expect(resolveLanguage(undefined, { LANG: "C.UTF-8" })).toBe("vi");
    expect(resolveLanguage(undefined, { LANG: "en_US.UTF-8" })).toBe("en");
    expect(resolveLanguage(undefined, { LANG: "vi_VN.UTF-8", LC_ALL: "en_GB.UTF-8" })).toBe("en");
    expect(resolveLanguage("vi", { LANG: "en_US.UTF-8" })).toBe("vi");
    expect(resolveLanguage("en", {})).toBe("en");
    expect(parseLang("fr")).toBeUndefined();
  });

  it("switches every message at once", () => {
    const before = getLanguage();
    try {
      setLanguage("vi");
      expect(t("general.fixLabel")).toBe("cách sửa");
      setLanguage("en");
      expect(t("general.fixLabel")).toBe("fix");
    } finally {
      setLanguage(before);
    }
    expect(tIn("vi", "general.errorSummary", { errors: 1, files: 1 })).toBe("1 lỗi trong 1 tệp:");
    expect(explainIn("en", "general.errorSummary", { errors: 2, files: 1 })).toEqual({ code: "general.errorSummary", message: "2 errors in 1 file:" });
  });
});

import { describe, expect, it } from "vitest";
import { cleanData, cleanLine, cleanText, findBidiControls, hasVisibleText } from "../src/text.ts";

describe("text hygiene", () => {
  it("normalises NFD to NFC so pasted macOS text equals typed text", () => {
    const nfd = "Thủy Đà Nẵng".normalize("NFD");
    expect(nfd).not.toBe("Thủy Đà Nẵng");
    expect(cleanText(nfd)).toBe("Thủy Đà Nẵng");
  });

  it("removes C0/C1 control characters, BOM and lone surrogates but keeps tabs, newlines and emoji", () => {
    expect(cleanText("\uFEFFa\u0000b\u0007c\u001Fd\u007Fe\u0085f\tg\nh\uD800i😀")).toBe("abcdef\tg\nhi😀");
  });

  it("unifies CRLF and CR line endings", () => {
    expect(cleanText("a\r\nb\rc")).toBe("a\nb\nc");
  });

  it("cleanLine folds whitespace for single-line fields", () => {
    expect(cleanLine("  Ông\n  Nguyễn\u00a0 Dũng  ")).toBe("Ông Nguyễn Dũng");
  });

  it("cleanData applies to nested strings and keeps other values", () => {
    expect(cleanData({ a: ["x\u0000y", 3, true, null], b: { c: " d " } })).toEqual({ a: ["xy", 3, true, null], b: { c: "d" } });
  });

  it("removes bidi controls (Trojan-source style reversal) and reports where they were", () => {
    const text = "a\nb\u202Ec\u2066d\u2069\u200F";
    expect(findBidiControls(text)).toEqual({ count: 4, line: 2 });
    expect(findBidiControls("Hội nghị")).toBeUndefined();
    expect(cleanText(text)).toBe("a\nbcd");
  });

  it("tells visible text from invisible characters", () => {
    expect(hasVisibleText("Hội nghị")).toBe(true);
    expect(hasVisibleText("\u200B x")).toBe(true);
    for (const invisible of ["", " ", "\u200B\u200C\u200D", "\u2060\uFEFF", "\u3164", "\u00AD", "\u2800", "\u0301", "\uFE0F"]) expect(hasVisibleText(invisible), JSON.stringify(invisible)).toBe(false);
  });

  it("cleanData never sets a prototype from a __proto__ key", () => {
    const data = cleanData(JSON.parse('{"__proto__": {"title": "x"}}')) as Record<string, unknown>;
    expect(Object.getPrototypeOf(data)).toBe(Object.prototype);
    expect((data as { title?: unknown }).title).toBeUndefined();
  });
});

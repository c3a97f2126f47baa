import { describe, expect, it } from "vitest";
import { cleanData, cleanLine, cleanText } from "../src/text.ts";

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
});

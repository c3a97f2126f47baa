/**
 * Content messages: one message per real cause, with the corrected value
 * filled in where it can be known, in Vietnamese (the default) and English.
 * Each case parses a fixture in both languages and checks the catalogue key
 * (stable across languages), the line, the field and the wording.
 */
import { afterEach, describe, expect, it } from "vitest";
import { maxArticleYear } from "../src/dates.ts";
import type { ContentError } from "../src/content/errors.ts";
import { formatContentError, formatContentWarnings } from "../src/content/errors.ts";
import { LIMITS } from "../src/content/limits.ts";
import { parseArticle, parseArticleBytes, type ParseResult } from "../src/content/parse-article.ts";
import { setLanguage, type Lang } from "../src/messages/index.ts";
import { MINIMAL, mdFile } from "./helpers.ts";

const FILE = "content/gia-lai/2016-11-29-hoi-nghi.md";

afterEach(() => setLanguage("en"));

/** Parses `source` in `lang`. */
function parseIn(lang: Lang, source: string | Uint8Array): ParseResult {
  setLanguage(lang);
  try {
    return typeof source === "string" ? parseArticle(FILE, source) : parseArticleBytes(FILE, source);
  } finally {
    setLanguage("en");
  }
}

/** The errors in both languages; fails when the article is valid. */
function errorsIn(source: string | Uint8Array): { vi: readonly ContentError[]; en: readonly ContentError[] } {
  const vi = parseIn("vi", source);
  const en = parseIn("en", source);
  if (vi.ok || en.ok) throw new Error("expected errors, the article was valid");
  // Same causes, same places, whatever the language.
  expect(vi.errors.map((e) => [e.code, e.line, e.field])).toEqual(en.errors.map((e) => [e.code, e.line, e.field]));
  return { vi: vi.errors, en: en.errors };
}

/** The only error in both languages. */
function onlyError(source: string | Uint8Array): { vi: ContentError; en: ContentError } {
  const { vi, en } = errorsIn(source);
  expect(en.map((e) => formatContentError(e))).toHaveLength(1);
  return { vi: vi[0]!, en: en[0]! };
}

function warningsIn(lang: Lang, source: string): readonly ContentError[] {
  const result = parseIn(lang, source);
  return result.warnings;
}

describe("dates: the corrected value, or the exact reason", () => {
  it("20/12/2024 → write 2024-12-20", () => {
    const { vi, en } = onlyError(mdFile('title: X\ndate: "20/12/2024"\nprovince: gia-lai'));
    expect(en).toMatchObject({ code: "content.date.dayMonthYear", field: "date", line: 3, message: "is written day/month/year", fix: "write date: 2024-12-20 (year-month-day)" });
    expect(vi).toMatchObject({ message: "viết theo thứ tự ngày/tháng/năm", fix: "viết date: 2024-12-20 (năm-tháng-ngày)" });
  });

  it("a day/month/year date with a time keeps the time", () => {
    expect(onlyError(mdFile("title: X\ndate: 29/11/2016 14:00\nprovince: gia-lai")).en.fix).toBe("write date: 2016-11-29T14:00 (year-month-day)");
  });

  it("2024-02-30 → February 2024 has 29 days", () => {
    const { vi, en } = onlyError(mdFile("title: X\ndate: 2024-02-30\nprovince: gia-lai"));
    expect(en).toMatchObject({ code: "content.date.noSuchDay", message: "February 2024 has 29 days, not 30" });
    expect(vi.message).toBe("tháng 2 năm 2024 chỉ có 29 ngày, không có ngày 30");
  });

  it("2023-02-29 in a non-leap year, 31/04/2016 written day first", () => {
    expect(onlyError(mdFile("title: X\ndate: 2023-02-29\nprovince: gia-lai")).en.message).toBe("February 2023 has 28 days, not 29");
    expect(onlyError(mdFile('title: X\ndate: "31/04/2016"\nprovince: gia-lai')).en.message).toBe("April 2016 has 30 days, not 31");
  });

  it("month 13, hour 25, a one-digit month, an impossible offset", () => {
    expect(onlyError(mdFile("title: X\ndate: 2016-13-01\nprovince: gia-lai")).en).toMatchObject({ message: "there is no month 13" });
    expect(onlyError(mdFile("title: X\ndate: 2016-11-29T25:00\nprovince: gia-lai")).vi).toMatchObject({ message: "không có giờ 25:00" });
    const pad = onlyError(mdFile("title: X\ndate: 2016-1-2\nprovince: gia-lai"));
    expect(pad.en).toMatchObject({ message: "has a day or month with one digit", fix: "write date: 2016-01-02" });
    expect(pad.vi.fix).toBe("viết date: 2016-01-02");
    expect(onlyError(mdFile("title: X\ndate: 2016-11-29T14:00+25:00\nprovince: gia-lai")).en.message).toBe("the offset +25:00 does not exist");
  });

  it.each(["0001-01-01", "1944-12-31", "9999-12-31", `${maxArticleYear() + 1}-01-01`])("rejects %s as outside 1945 to next year, naming the field", (date) => {
    const { vi, en } = onlyError(mdFile(`title: X\ndate: ${date}\nprovince: gia-lai`));
    expect(en).toMatchObject({ code: "content.date.outOfRange", field: "date", line: 3, expected: `a date from 1945 to the end of ${maxArticleYear()}` });
    expect(en.message).toBe(`the year ${Number(date.slice(0, 4))} is outside the allowed range`);
    expect(vi.expected).toBe(`một ngày từ năm 1945 đến hết năm ${maxArticleYear()}`);
  });

  it("accepts 1945 and the end of next year, both with +07:00", () => {
    for (const date of ["1945-09-02", `${maxArticleYear()}-12-31`]) {
      const result = parseArticle(FILE, mdFile(`title: X\ndate: ${date}\nprovince: gia-lai`));
      expect(result.ok, date).toBe(true);
      if (result.ok) expect(result.article.date.iso).toBe(`${date}T00:00:00+07:00`);
    }
  });

  it("a merged province is not also reported when the date is the problem", () => {
    const errors = errorsIn(mdFile("title: X\ndate: 2025-13-01\nprovince: binh-duong")).en;
    expect(errors.map((e) => e.field)).toEqual(["date"]);
  });
});

describe("front matter structure", () => {
  it("a missing closing --- is reported once, at the opening one", () => {
    const source = "---\ntitle: X\ndate: 2016-11-29\nprovince: gia-lai\n\nChiều 29/11/2016, tại phòng họp Sở: các đại biểu đã dự.\n\n## Kết quả\n\nNăm qua: tốt.\n";
    const { vi, en } = onlyError(source);
    expect(en).toMatchObject({ code: "content.frontMatterUnclosedAt", line: 1, message: "the front matter opened here is never closed: line 6 is already article text", fix: "add a line containing only --- before line 6" });
    expect(vi.message).toBe("phần thông tin đầu bài mở ở dòng này nhưng không được đóng lại: dòng 6 đã là phần thân bài");
  });

  it("a missing closing --- with a --- rule further down the body is still one error at line 1", () => {
    const source = "---\ntitle: X\ndate: 2016-11-29\nprovince: gia-lai\n\nChiều 29/11/2016, tại phòng họp Sở: các đại biểu đã dự.\n\nNăm qua: tốt.\n\n---\n\nẢnh: Sở TT&TT\n";
    expect(onlyError(source).en).toMatchObject({ code: "content.frontMatterUnclosedAt", line: 1 });
  });

  it("a missing closing --- with no article text after the fields", () => {
    expect(onlyError("---\ntitle: X\ndate: 2016-11-29\nprovince: gia-lai\n").en).toMatchObject({ code: "content.frontMatterUnclosed", line: 1, message: "the front matter opened here is never closed" });
  });

  it("no front matter, a list instead of fields, code front matter", () => {
    expect(onlyError("Chỉ có nội dung.").vi.message).toBe("thiếu phần thông tin đầu bài (front matter)");
    expect(onlyError("---\n- a\n---\nx").vi.message).toBe("phần thông tin đầu bài phải gồm các dòng dạng tên: giá trị");
    expect(onlyError("---js\n{}\n---\nx").vi.message).toBe('phần thông tin đầu bài viết bằng ngôn ngữ "js", điều này không được phép');
  });
});

describe("YAML: one message per real cause", () => {
  it("a tab → use spaces (no knock-on errors after it)", () => {
    const { vi, en } = onlyError(mdFile(`${MINIMAL}\nofficials:\n\t- name: A\n\t  role: B`));
    expect(en).toMatchObject({ code: "content.yaml.tab", line: 6, fix: "use spaces instead of tabs at the start of the line (YAML does not allow tabs)" });
    expect(vi.fix).toBe("dùng dấu cách thay cho Tab ở đầu dòng (YAML không chấp nhận Tab)");
  });

  it("a colon in a value → the quoted line to write", () => {
    const { vi, en } = onlyError(mdFile('title: Hội nghị: tổng kết "năm"\ndate: 2016-11-29\nprovince: gia-lai'));
    expect(en).toMatchObject({ code: "content.yaml.colon", line: 2, field: "title", fix: 'put the value in double quotes: title: "Hội nghị: tổng kết \\"năm\\""' });
    expect(vi.fix).toBe('đặt giá trị trong ngoặc kép: title: "Hội nghị: tổng kết \\"năm\\""');
  });

  it("an unclosed quote is reported where it opens", () => {
    const { vi, en } = onlyError(mdFile('title: "Hội nghị tổng kết\ndate: 2016-11-29\nprovince: gia-lai'));
    expect(en).toMatchObject({ code: "content.yaml.unclosedQuote", line: 2 });
    expect(vi.message).toBe("dấu ngoặc kép mở ở dòng này không được đóng lại");
  });

  it("a bad indentation", () => {
    const { vi, en } = onlyError(mdFile(`${MINIMAL}\nofficials:\n  - name: A\n   role: B`));
    expect(en).toMatchObject({ code: "content.yaml.indent", line: 7 });
    expect(vi.message).toBe("dòng này thụt đầu dòng không khớp với các dòng xung quanh");
  });

  it("duplicate keys: each is its own cause", () => {
    const { vi, en } = errorsIn(mdFile(`${MINIMAL}\ntitle: again\nprovince: ha-tinh`));
    expect(en.map((e) => [e.line, e.field, e.message])).toEqual([
      [5, "title", "the field title appears twice"],
      [6, "province", "the field province appears twice"],
    ]);
    expect(vi[0]?.message).toBe("trường title xuất hiện hai lần");
  });

  it("a custom tag", () => {
    expect(onlyError(mdFile(`${MINIMAL}\nsummary: !!js/function "f"`)).vi.message).toBe("thẻ YAML !!js/function không được phép: thông tin đầu bài chỉ là dữ liệu");
  });

  it("a typo of a required field is reported as the typo only, not also as missing", () => {
    const { vi, en } = onlyError(mdFile("titel: Hội nghị\ndate: 2016-11-29\nprovince: gia-lai"));
    expect(en).toMatchObject({ field: "titel", fix: 'did you mean "title"? Rename the key.' });
    expect(vi).toMatchObject({ message: 'không có trường "titel"', fix: 'có phải ý bạn là "title"? Sửa lại tên trường.' });
  });
});

describe("YAML limits: bounded time, memory and messages", () => {
  const bomb = [
    "title: X",
    "date: 2016-11-29",
    "province: gia-lai",
    'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
    ...["b", "c", "d", "e", "f", "g", "h", "i", "j"].map((k, i) => `${k}: &${k} [${Array(9).fill(`*${"abcdefghij"[i]}`).join(",")}]`),
  ].join("\n");

  it("the 15-line alias bomb fails fast, naming the field where it exploded", () => {
    const started = performance.now();
    const { vi, en } = errorsIn(mdFile(bomb));
    // Bounded, not a timing assertion: unbounded expansion takes minutes and gigabytes.
    expect(performance.now() - started).toBeLessThan(20_000);
    const limit = en.find((e) => e.code === "content.yaml.tooManyValues");
    expect(limit).toMatchObject({ file: FILE, message: `the front matter expands to more than ${LIMITS.yamlValues} values (YAML anchors & and aliases * repeat data)` });
    expect(limit?.line).toBeGreaterThanOrEqual(5);
    expect(vi.find((e) => e.code === "content.yaml.tooManyValues")?.fix).toBe("viết đầy đủ từng giá trị, không dùng & và *");
    // Every message stays short: no huge value is ever serialised.
    for (const e of en) expect(formatContentError(e).length).toBeLessThan(1000);
  });

  it("deep nesting is refused", () => {
    const deep = `${MINIMAL}\nsummary: ${"[".repeat(40)}1${"]".repeat(40)}`;
    expect(onlyError(mdFile(deep)).en).toMatchObject({ code: "content.yaml.tooDeep", field: "summary" });
    const deeper = `${MINIMAL}\nsummary: ${"[".repeat(5000)}1${"]".repeat(5000)}`;
    expect(onlyError(mdFile(deeper)).vi.message).toBe(`phần thông tin đầu bài lồng nhau quá ${LIMITS.yamlDepth} cấp`);
  });

  it.each(["__proto__", "constructor", "prototype"])("rejects the key %s at any depth, and it supplies nothing", (key) => {
    const top = errorsIn(mdFile(`date: 2016-11-29\nprovince: gia-lai\n${key}:\n  title: Tiêu đề lấy từ prototype`)).en;
    expect(top.find((e) => e.code === "content.yaml.reservedKey")).toMatchObject({ field: key, line: 4, message: `the field name "${key}" is not allowed` });
    expect(top.find((e) => e.field === "title")?.message).toBe("is required but missing");
    const nested = errorsIn(mdFile(`${MINIMAL}\nofficials:\n  - name: A\n    ${key}: { name: B }`)).vi;
    expect(nested.find((e) => e.code === "content.yaml.reservedKey")).toMatchObject({ field: `officials #1.${key}`, line: 7 });
  });

  it("front matter and body size limits", () => {
    const big = onlyError(mdFile(`${MINIMAL}\nsummary: "${"x".repeat(LIMITS.frontMatterBytes)}"`));
    expect(big.en).toMatchObject({ code: "content.size.frontMatter", line: 1, message: "the front matter (between the --- lines) is too long: 65 KiB" });
    expect(big.vi.expected).toBe("tối đa 64 KiB");
    const body = onlyError(mdFile(MINIMAL, "Đoạn văn. ".repeat(LIMITS.bodyBytes / 8)));
    expect(body.en).toMatchObject({ code: "content.size.body", line: 6 });
  });

  it("caps the errors of one file", () => {
    const keys = Array.from({ length: 200 }, (_, i) => `zz${i}: 1`).join("\n");
    expect(errorsIn(mdFile(`${MINIMAL}\n${keys}`)).en).toHaveLength(LIMITS.errorsPerFile);
  });
});

describe("encodings: UTF-8 only", () => {
  it("Windows-1258 bytes → file, line and save as UTF-8", () => {
    // "Hội nghị" in Windows-1258 has bytes that are not UTF-8.
    const bytes = Buffer.concat([Buffer.from("---\ntitle: X\ndate: 2016-11-29\nprovince: gia-lai\nagency: S"), Buffer.from([0xf5, 0x20, 0x54, 0xd2]), Buffer.from("\n---\nx\n")]);
    const { vi, en } = onlyError(bytes);
    expect(en).toMatchObject({ code: "content.encoding.invalidUtf8", line: 5 });
    expect(en.fix).toContain("save the file as UTF-8");
    expect(vi.fix).toContain("lưu lại tệp bằng UTF-8");
  });

  it("a UTF-16 or UTF-32 byte-order mark says so", () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(mdFile(MINIMAL), "utf16le")]);
    expect(onlyError(utf16).en).toMatchObject({ code: "content.encoding.utf16", message: "the file is saved as UTF-16, not UTF-8" });
    expect(onlyError(Buffer.from([0xff, 0xfe, 0, 0, 0x2d, 0, 0, 0])).vi.message).toBe("tệp được lưu bằng bảng mã UTF-32, không phải UTF-8");
  });

  it("UTF-16 without a byte-order mark shows as zero bytes", () => {
    expect(onlyError(Buffer.from(mdFile(MINIMAL), "utf16le")).en).toMatchObject({ code: "content.encoding.zeroBytes", line: 1 });
  });

  it("a UTF-8 byte-order mark is fine", () => {
    const result = parseArticleBytes(FILE, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(mdFile(MINIMAL))]));
    expect(result.ok).toBe(true);
  });
});

describe("visible text and bidi controls", () => {
  it.each(["\u200B\u200B", "\u200D\u2060\uFEFF", "\u3164", "\u00AD", "\u2800"])("rejects a title made only of invisible characters (%j)", (invisible) => {
    const { vi, en } = onlyError(mdFile(`title: "${invisible}"\ndate: 2016-11-29\nprovince: gia-lai`));
    expect(en).toMatchObject({ code: "content.invisible", field: "title", line: 2 });
    expect(vi.message).toBe("chỉ có ký tự vô hình (như dấu cách độ rộng 0), người đọc không thấy gì");
  });

  it("rejects invisible names of officials and award titles too", () => {
    const errors = errorsIn(mdFile(`${MINIMAL}\nofficials:\n  - name: "\u200B"\nawards:\n  - title: "\u200C"`)).en;
    expect(errors.map((e) => e.field)).toEqual(["officials #1.name", "awards #1.title"]);
  });

  it("removes bidi controls and warns once, with the line and the count", () => {
    const source = mdFile("title: \"Hội nghị \u202Egnort\u202C tổng kết\"\ndate: 2016-11-29\nprovince: gia-lai", "Nội dung \u2067x\u2069.");
    const result = parseIn("en", source);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.article.title).toBe("Hội nghị gnort tổng kết");
      expect(result.article.bodyText).toBe("Nội dung x.");
    }
    expect(result.warnings).toEqual([expect.objectContaining({ code: "content.warn.bidi", severity: "warning", line: 2, message: "contained 4 invisible text-direction characters (such as U+202E), which can make text display reversed; they were removed" })]);
    expect(warningsIn("vi", source)[0]?.message).toContain("có 4 ký tự điều khiển hướng chữ vô hình");
  });

  it("a title of bidi controls only is empty after removal", () => {
    expect(onlyError(mdFile('title: "\u202E\u202D"\ndate: 2016-11-29\nprovince: gia-lai')).en.message).toBe("must not be empty");
  });
});

describe("warnings never fail the article", () => {
  it("a # heading in the body warns that the title is already the page's heading, with the line to write", () => {
    const source = mdFile(MINIMAL, "Đoạn đầu.\n\n# Kết quả năm 2016\n\nĐoạn sau.\n\nKết luận\n===\n");
    const result = parseIn("en", source);
    expect(result.ok).toBe(true);
    expect(result.warnings.map((w) => [w.code, w.line, w.fix])).toEqual([
      ["content.warn.h1", 8, "write ## Kết quả năm 2016"],
      ["content.warn.h1", 12, "write ## Kết luận"],
    ]);
    expect(result.warnings[0]?.message).toBe("a level-1 heading (#) in the body: the title is already the page's heading");
    const vi = warningsIn("vi", source);
    expect(vi[0]).toMatchObject({ message: "tiêu đề cấp 1 (#) trong thân bài: tiêu đề bài viết (title) đã là tiêu đề lớn của trang", fix: "viết ## Kết quả năm 2016" });
  });

  it("a # inside a code block is not a heading", () => {
    expect(parseIn("en", mdFile(MINIMAL, "```\n# not a heading\n```\n")).warnings).toEqual([]);
  });

  it("warnings print with a label and their own summary", () => {
    setLanguage("vi");
    const text = formatContentWarnings([{ file: FILE, line: 3, severity: "warning", message: "m" }]);
    expect(text).toBe(`1 cảnh báo trong 1 tệp (không ngăn việc đăng bài):\n${FILE}:3: cảnh báo: m`);
    setLanguage("en");
    expect(formatContentWarnings([{ file: FILE, severity: "warning", message: "m" }])).toBe(`1 warning in 1 file (these do not stop the build):\n${FILE}: warning: m`);
    expect(formatContentWarnings([])).toBe("");
  });
});

describe("the old messages, now from the catalogue, in Vietnamese", () => {
  it("required, type, empty, allowed values, province, alias, image", () => {
    setLanguage("vi");
    const result = parseArticle(FILE, mdFile("title: X\ndate: 2016-11-29\nprovince: gia-lia\nreviewYear: \"2016\"\nagency: \"\"\nofficials:\n  - name: A\n    honorific: Ngài\naliases: [\"/a b/\"]\nimage:\n  src: ../x.jpg\n  alt: A"));
    setLanguage("en");
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const by = (field: string) => result.errors.find((e) => e.field === field);
    expect(by("province")).toMatchObject({ message: "không phải mã tỉnh, thành phố nào", fix: 'có phải ý bạn là "gia-lai"?' });
    expect(by("reviewYear")).toMatchObject({ message: "phải là một số nguyên, không phải chữ", fix: "viết như sau: reviewYear: 2016" });
    expect(by("agency")?.message).toBe("không được để trống");
    expect(by("officials #1.honorific")).toMatchObject({ message: "không phải giá trị được phép", expected: "một trong: Ông, Bà, Đồng chí" });
    expect(by("aliases #1")?.message).toBe("không phải đường dẫn an toàn");
    expect(by("image.src")?.message).toBe("không phải tên tệp ảnh hay địa chỉ https://");
  });
});

/**
 * An attacker's differential pass over the hand-written front-matter reader
 * (src/content/plain-front-matter.ts): for every front matter, the build's
 * parse and the check's must give exactly what js-yaml, the bounded copy and
 * zod give (`usualShape: false`) — the same article, or the same errors with
 * the same lines. Hand-picked tricky YAML (quotes, escapes, anchors, tags,
 * block scalars, values that YAML reads as numbers, null or booleans, white
 * space JavaScript's \s folds but YAML does not, the value budget's edge)
 * and a seeded generator of a few hundred mixed front matters. Each case also
 * records whether the hand-written reader took it, so the test cannot pass
 * by the reader giving up on everything.
 */
import { describe, expect, it } from "vitest";
import { parseArticleBytes, type ParseResult } from "../src/content/parse-article.ts";
import { readPlainFrontMatter } from "../src/content/plain-front-matter.ts";

const FILE = "content/gia-lai/2016-11-29-hoi-nghi.md";
const HEAD = ['title: "Hội nghị tổng kết năm 2016"', "date: 2016-11-29", "province: gia-lai"];

/** The result without `source` (its body text is the same by construction), as JSON, and the front matter it carries. */
function shape(result: ParseResult): string {
  const { source, ...rest } = result.ok ? result : { ...result, source: undefined };
  return `${JSON.stringify(rest)}|${JSON.stringify(source?.frontMatter)}`;
}

/** Compares both paths for the build's parse and the check's; answers whether the hand-written reader took the text. */
function compare(name: string, text: string): boolean {
  const bytes = Buffer.from(text);
  for (const validateOnly of [false, true]) {
    const fast = shape(parseArticleBytes(FILE, bytes, { validateOnly }));
    const slow = shape(parseArticleBytes(FILE, bytes, { validateOnly, usualShape: false }));
    expect(fast, `${name}: ${JSON.stringify(text)}`).toBe(slow);
  }
  const close = text.indexOf("\n---", 4);
  return close > 0 && text.startsWith("---\n") && readPlainFrontMatter(text.slice(3, close)) !== undefined;
}

const article = (lines: readonly string[]): string => `---\n${lines.join("\n")}\n---\n\nNội dung bài viết.\n`;

// Values on a field line: each is tried as `agency`, as the title and in lists.
const SCALARS = [
  "Hội nghị", '"Hội nghị"', "'Hội nghị'", "'it''s'", '"a \\"b\\" c"', '"a\\\\b"', '"a\\nb"', '"a\\tb"', '"\\u0048i"', '"\\x41"', '"\\/"', '"\\N"', '"\\L"', '"\\e"', '"\\ "',
  "yes", "no", "on", "off", "Yes", "NO", "y", "true", "True", "TRUE", "tRue", "false", "null", "Null", "~", "NULL", "nULL",
  "2016", "2016-11-29", "2016-11-29T14:00", "1_000", "0x1F", "0o17", "017", "0b101", "1e5", "1e+5", "1e", "1.", ".5", "+.5", "-1", "+1", "-0", "0.", ".inf", "-.inf", ".Inf", ".NaN", ".nan", "+.nan", "1:20", "1__0", "_1", "+_1", "0x_", "0b_", "0o8", "+0x1", "1.5e5_", "٣", "１２",
  "a: b", "a:b", "a:", "a::b", "http://x.vn:8080/a", "a #b", "a#b", "#a", "&a x", "*a", "!!str x", "!!js/function 'function(){}'", "!x y", "@x", "`x`", "%x", "| x", "> x", "|", ">", "|-", ">+",
  "[a]", "{a: b}", '["a"]', "x]", "x}", "x,y", "a, b", "? x", "a ?b", "-x", "- x", "--x", ",x", "<<", "=", "a 'b'", "a > b", "a | b", "a &b", "a *b", "a !b",
  '""', "''", '"  "', "'\u200B'", "\u200B", "\u00AD", "\u0301", "a\u00A0b", '"a\u00A0b"', "\u00A0x", "Hội nghị\u00A0", "a\u3000b", "a\u2000b", "a\uFEFFb", '"a   b"', "a   b", "Cafe\u0301", '"e\\u0301"',
  "a\u2028b", "a\u0085b", '"a\u0085b"', "a\u000Bb", "a\u000Cb", "a\u202Eb", "x\ty", '"x\ty"',
  '"a" # c', "'a' b", '"a', "'a", "a'", 'a"', '"a"b"', "\u{1F600}", "日本", "y".repeat(120), `"${"x".repeat(200)}"`,
];

describe("the hand-written front-matter reader against js-yaml and zod", () => {
  it("gives the same on every tricky value, in every field that takes text", { timeout: 120_000 }, () => {
    let taken = 0;
    for (const value of SCALARS) {
      if (compare(`agency ${value}`, article([...HEAD, `agency: ${value}`]))) taken++;
      compare(`title ${value}`, article([`title: ${value}`, ...HEAD.slice(1)]));
      compare(`tag ${value}`, article([...HEAD, "tags:", `  - ${value}`]));
      compare(`official ${value}`, article([...HEAD, "officials:", `  - name: ${value}`, `    role: ${value}`]));
      compare(`image ${value}`, article([...HEAD, "image:", "  src: https://example.gov.vn/a.jpg", `  alt: ${value}`]));
    }
    // The usual values are read by hand; the rest went to the libraries and still agreed.
    expect(taken).toBeGreaterThan(40);
    expect(taken).toBeLessThan(SCALARS.length);
  });

  it("gives the same on structure: indents, comments, blank lines, duplicates, anchors, block scalars, unknown and reserved keys", { timeout: 120_000 }, () => {
    const cases: Record<string, string[]> = {
      "comment deeper in an item": [...HEAD, "officials:", "  - name: A", "      # c", "    role: B"],
      "comment at column 0 in a mapping": [...HEAD, "image:", "  src: a.jpg", "# c", "  alt: x"],
      "blank line in an item": [...HEAD, "officials:", "  - name: A", "", "    role: B"],
      "image indented by one": [...HEAD, "image:", " src: https://example.gov.vn/a.jpg", " alt: x"],
      "image keys at two indents": [...HEAD, "image:", "  src: a.jpg", "   alt: x"],
      "items indented by four": [...HEAD, "officials:", "    - name: A", "      role: B", "    - name: C"],
      "items at two indents": [...HEAD, "officials:", "  - name: A", "- name: C"],
      "item field too deep": [...HEAD, "officials:", "  - name: A", "      role: B"],
      "list at column 0, then a key": [...HEAD, "tags:", "- a", "author: B"],
      "flow lists": [...HEAD, "tags: [ ]", "aliases: [\"/a/\", '/b/']"],
      "flow list, trailing comma": [...HEAD, 'tags: ["a",]'],
      "flow list with a comment": [...HEAD, 'tags: ["a"] # c'],
      "flow list of plain words": [...HEAD, "tags: [a, b]"],
      "flow mapping": [...HEAD, "image: {src: a.jpg, alt: x}"],
      "empty list": [...HEAD, "officials: []"],
      "duplicate top-level key": [...HEAD, "agency: A", "agency: B"],
      "duplicate item key": [...HEAD, "officials:", "  - name: A", "    name: B"],
      "anchor and alias": [...HEAD, "agency: &a Sở", "author: *a"],
      "merge key": [...HEAD, "officials:", "  - &o", "    name: A", "  - <<: *o", "    role: B"],
      "literal block": [...HEAD, "summary: |", "  Dòng một", "  Dòng hai"],
      "folded block": [...HEAD, "summary: >-", "  Dòng một", "  dòng hai"],
      "multi-line plain": [...HEAD, "summary: Dòng một", "  dòng hai"],
      "multi-line quoted": [...HEAD, 'summary: "Dòng một', '  dòng hai"'],
      "key with two spaces": [...HEAD, "agency:  Sở"],
      "key without a space": [...HEAD, "agency:Sở"],
      "key then NBSP": [...HEAD, "agency:\u00A0Sở"],
      "empty value": [...HEAD, "agency:"],
      "empty value with spaces": [...HEAD, "agency:   "],
      "tab indent": [...HEAD, "officials:", "\t- name: A"],
      "tab on a blank line": [...HEAD, "\t", "agency: A"],
      "tab in a comment line": [...HEAD, "\t# c", "agency: A"],
      "tab after the colon": [...HEAD, "agency:\tA"],
      "quoted key": [...HEAD, '"agency": A'],
      "unknown key": [...HEAD, "titel: x"],
      "key in another case": [...HEAD, "Agency: x"],
      "reserved keys": [...HEAD, "__proto__: x", "constructor: y"],
      "dashed key": [...HEAD, "conferred-by: x"],
      "directive-like line": ["%YAML 1.2", ...HEAD],
      "document end marker": [...HEAD, "...", "agency: x"],
      "years": [...HEAD, "reviewYear: 1945", "planYear: 2100"],
      "year out of range": [...HEAD, "reviewYear: 1944"],
      "plan before review": [...HEAD, "reviewYear: 2020", "planYear: 2019"],
      "year as hex": [...HEAD, "reviewYear: 0x7E0"],
      "year quoted": [...HEAD, 'reviewYear: "2016"'],
      "year with underscore": [...HEAD, "reviewYear: 2_016"],
      "year with a zero in front": [...HEAD, "reviewYear: 02016"],
      "year as float": [...HEAD, "reviewYear: 2016.0"],
      "count 1 and a big one": [...HEAD, "awards:", "  - title: A", "    count: 1", "  - title: B", "    count: 999999999"],
      "count 0": [...HEAD, "awards:", "  - title: A", "    count: 0"],
      "draft forms": [...HEAD, "draft: True"],
      "draft quoted": [...HEAD, "draft: 'true'"],
      "honorific in lower case": [...HEAD, "officials:", "  - name: A", "    honorific: ông"],
      "tag of 100 and of 101 characters": [...HEAD, `tags: ["${"t".repeat(100)}", "${"t".repeat(101)}"]`],
      "tag folded to 100": [...HEAD, `tags: ["${"t".repeat(99)}   u"]`],
      "tag of astral characters": [...HEAD, `tags: ["${"\u{1F600}".repeat(50)}"]`],
      "30 tags": [...HEAD, `tags: [${Array.from({ length: 30 }, (_, i) => `"t${i}"`).join(", ")}]`],
      "31 tags": [...HEAD, `tags: [${Array.from({ length: 31 }, (_, i) => `"t${i}"`).join(", ")}]`],
      "21 aliases": [...HEAD, "aliases:", ...Array.from({ length: 21 }, (_, i) => `  - /a${i}/`)],
      "unsafe alias": [...HEAD, 'aliases: ["/../x/"]'],
      "a very long line": [...HEAD, `agency: ${"x".repeat(60_000)}`],
    };
    // The value budget (LIMITS.yamlValues): both sides of its edge, in two shapes.
    for (const n of [4996, 4997, 4998]) cases[`${n} officials`] = [...HEAD, "officials:", ...Array.from({ length: n }, () => "- name: A")];
    for (const n of [3331, 3332]) cases[`${n} officials with ids`] = [...HEAD, "agency: x", "officials:", ...Array.from({ length: n }, () => "- name: A\n  id: a")];
    let taken = 0;
    for (const [name, lines] of Object.entries(cases)) if (compare(name, article(lines))) taken++;
    expect(taken).toBeGreaterThan(10);
    // The whole file's encoding forms: CRLF, a byte-order mark, decomposed (NFD) text.
    const usual = article([...HEAD, "agency: Sở Nội vụ", "officials:", "  - name: Nguyễn Văn A", "    honorific: Ông"]);
    expect(compare("usual", usual)).toBe(true);
    compare("CRLF", usual.replace(/\n/g, "\r\n"));
    compare("BOM", `\uFEFF${usual}`);
    compare("NFD", usual.normalize("NFD"));
  });

  it("gives the same on a few hundred generated front matters", { timeout: 120_000 }, () => {
    let seed = 20261128;
    const random = (): number => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed / 0x7fffffff;
    };
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
    const years = ["2016", "2017", "1945", "1944", "2101", "0", '"2016"', "2016.0", "0x7E0", "null", "", "2016 # c", "+2016"];
    const counts = ["1", "12", "0", "-3", "1.5", '"4"', "04", "null", "", "0x10"];
    const indents = ["", "  ", "  ", " ", "    ", "\t"];
    const item = (keys: readonly string[], indent: string): string[] =>
      Array.from({ length: 1 + Math.floor(random() * 3) }, (_, i) => {
        const key = random() < 0.05 ? pick(["nme", "__proto__", "Name"]) : pick(keys);
        const value = key === "count" ? pick(counts) : key === "honorific" ? pick(["Ông", "Bà", "Đồng chí", "ông", '"Bà"', "Ngài"]) : pick(SCALARS);
        return i === 0 ? `${indent}- ${key}: ${value}` : `${indent}${random() < 0.9 ? "  " : pick([" ", "   ", "\t"])}${key}: ${value}`;
      });
    let taken = 0;
    for (let n = 0; n < 400; n++) {
      const lines = [
        `title: ${random() < 0.6 ? '"Hội nghị tổng kết năm 2016"' : pick(SCALARS)}`,
        `date: ${random() < 0.8 ? pick(["2016-11-29", "2016-11-29T14:00", '"2016-11-29"', "'2016-11-29 14:00'"]) : pick(SCALARS)}`,
        `province: ${random() < 0.85 ? pick(["gia-lai", '"gia-lai"']) : pick(SCALARS)}`,
      ];
      for (let k = Math.floor(random() * 6); k > 0; k--) {
        const indent = random() < 0.8 ? pick(["", "  "]) : pick(indents);
        const field = pick(["agency", "author", "summary", "reviewYear", "planYear", "draft", "tags", "aliases", "officials", "awards", "image", "comment", "blank", "duplicate", "anchor"]);
        if (field === "agency" || field === "author" || field === "summary") lines.push(`${field}:${pick([" ", " ", "  ", ""])}${pick(SCALARS)}`);
        else if (field === "reviewYear" || field === "planYear") lines.push(`${field}: ${pick(years)}`);
        else if (field === "draft") lines.push(`draft: ${pick(["true", "false", "True", "yes", '"true"', "null", ""])}`);
        else if (field === "tags" || field === "aliases") {
          if (random() < 0.5) lines.push(`${field}: [${Array.from({ length: Math.floor(random() * 3) }, () => pick(['"cải cách"', "'a'", '"/tin/a/"', "a", '""', "'x''y'", '"a,b"', '"a]"'])).join(pick([", ", ",", " , "]))}]${pick(["", " ", " # c"])}`);
          else lines.push(`${field}:`, ...Array.from({ length: 1 + Math.floor(random() * 3) }, () => `${indent}- ${pick(SCALARS)}`));
        } else if (field === "officials") lines.push("officials:", ...item(["name", "role", "honorific", "id"], indent), ...item(["name", "role"], indent));
        else if (field === "awards") lines.push("awards:", ...item(["title", "recipient", "count", "conferredBy"], indent));
        else if (field === "image") {
          const inner = random() < 0.9 ? "  " : pick(indents);
          lines.push("image:", ...["src", "alt", "caption"].filter(() => random() < 0.8).map((key) => `${inner}${key}: ${pick(["https://example.gov.vn/a.jpg", '"Quang cảnh"', ...SCALARS])}`));
        } else if (field === "comment") lines.push(`${pick(indents)}# ${pick(SCALARS)}`);
        else if (field === "blank") lines.push(pick(["", " ", "\t"]));
        else if (field === "duplicate") lines.push(`title: ${pick(SCALARS)}`);
        else lines.push(`agency: &a ${pick(SCALARS)}`, "author: *a");
      }
      if (random() < 0.2) lines.sort(() => random() - 0.5);
      const text = article(lines);
      const form = random();
      if (compare(`generated ${n}`, form < 0.05 ? text.replace(/\n/g, "\r\n") : form < 0.08 ? `\uFEFF${text}` : form < 0.1 ? text.normalize("NFD") : text)) taken++;
    }
    // Enough of them in the usual shape to test the reader itself, enough not to test the fall-back.
    expect(taken).toBeGreaterThan(40);
    expect(taken).toBeLessThan(360);
  });
});

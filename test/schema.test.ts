import { describe, expect, it } from "vitest";
import { formatContentError } from "../src/content/errors.ts";
import { MINIMAL, mdFile, parseErrors, parseOk } from "./helpers.ts";

describe("front matter: valid articles", () => {
  it("accepts the minimal article and fills defaults", () => {
    const a = parseOk(mdFile(MINIMAL, "Đoạn đầu tiên.\n\nĐoạn hai."));
    expect(a.title).toBe("Hội nghị tổng kết");
    expect(a.province.id).toBe("gia-lai");
    expect(a.url).toBe("/gia-lai/2016/hoi-nghi/");
    expect(a.summary).toBe("Đoạn đầu tiên.");
    expect(a.officials).toEqual([]);
    expect(a.awards).toEqual([]);
    expect(a.tags).toEqual([]);
    expect(a.draft).toBe(false);
  });

  it("accepts every field", () => {
    const a = parseOk(
      mdFile(`
title: Hội nghị tổng kết công tác năm 2016, triển khai nhiệm vụ năm 2017
date: 2016-11-29T14:00
province: binh-dinh
agency: Sở Thông tin và Truyền thông
reviewYear: 2016
planYear: 2017
officials:
  - name: Nguyễn Dũng
    role: Giám đốc Trung tâm CNTT&TT
    honorific: Ông
  - name: Trần Thị Bích Thủy
    honorific: Bà
  - name: Lương Hải Âu
    honorific: Đồng chí
awards:
  - title: Lao động tiên tiến
    recipient: cá nhân
    count: 11
    conferredBy: Giám đốc Sở
author: Trần Thị Bích Thủy
summary: Tóm tắt.
tags: [tổng kết, tổng kết]
draft: false
aliases: [/tin-tuc/123, /old/page.html]
`),
    );
    expect(a.officials).toHaveLength(3);
    expect(a.officials[0]).toEqual({ name: "Nguyễn Dũng", role: "Giám đốc Trung tâm CNTT&TT", honorific: "Ông" });
    expect(a.awards[0]).toEqual({ title: "Lao động tiên tiến", recipient: "cá nhân", count: 11, conferredBy: "Giám đốc Sở" });
    expect(a.summary).toBe("Tóm tắt.");
    expect(a.tags).toEqual(["tổng kết"]);
    expect(a.aliases).toEqual(["/tin-tuc/123/", "/old/page.html"]);
    expect(a.listedUnder).toEqual(["binh-dinh", "gia-lai"]);
    expect(a.date.iso).toBe("2016-11-29T14:00:00+07:00");
  });

  it("treats an empty optional field as absent", () => {
    const a = parseOk(mdFile(`${MINIMAL}\nagency:\nauthor:`));
    expect(a.agency).toBeUndefined();
    expect(a.author).toBeUndefined();
  });

  it("normalises NFD text to NFC and strips control characters", () => {
    const nfd = "Trần Thị Bích Thủy".normalize("NFD");
    const a = parseOk(mdFile(`title: "Ông\\u0007 ${nfd}"\ndate: 2016-11-29\nprovince: gia-lai\nauthor: ${nfd}`));
    expect(a.author).toBe("Trần Thị Bích Thủy");
    expect(a.author).toBe("Trần Thị Bích Thủy".normalize("NFC"));
    expect(a.title).toBe("Ông Trần Thị Bích Thủy");
  });

  it("takes the URL slug from the file name, without the date prefix", () => {
    expect(parseOk(mdFile(MINIMAL), "content/x/2016-11-29-Hội-nghị Tổng kết.md").url).toBe("/gia-lai/2016/hoi-nghi-tong-ket/");
  });
});

describe("front matter: errors name file, line, field, value, expectation and fix", () => {
  it("reports a missing required field with the expected form", () => {
    const [e] = parseErrors(mdFile("title: X\ndate: 2016-11-29"));
    expect(e).toMatchObject({ file: "content/gia-lai/2016-11-29-hoi-nghi.md", field: "province", message: "is required but missing" });
    expect(e?.expected).toContain("province id");
    expect(e?.fix).toContain("province: gia-lai");
  });

  it("reports every missing required field at once", () => {
    const errors = parseErrors(mdFile("agency: X"));
    expect(errors.map((e) => e.field).sort()).toEqual(["date", "province", "title"]);
  });

  it("rejects unknown keys with a did-you-mean and the line", () => {
    const errors = parseErrors(mdFile(`${MINIMAL}\ntitel: typo\nofficials:\n  - name: A\n    honorfic: Ông`));
    const top = errors.find((e) => e.field === "titel");
    expect(top).toMatchObject({ line: 5, message: 'unknown field "titel"' });
    expect(top?.fix).toContain('did you mean "title"');
    const nested = errors.find((e) => e.field === "officials #1.honorfic");
    expect(nested?.line).toBe(8);
    expect(nested?.fix).toContain('"honorific"');
  });

  it("rejects an unknown key with no close match and says what to do", () => {
    const [e] = parseErrors(mdFile(`${MINIMAL}\nxyzzy: 1`));
    expect(e?.fix).toContain("remove the line");
    expect(e?.expected).toContain("title, date, province");
  });

  it("bounds tags and aliases (each is a page: 3,000 tags in one 29 KiB file made 3,300 files)", () => {
    const list = (key: string, n: number, item: (i: number) => string) => `${key}:\n${Array.from({ length: n }, (_, i) => `  - ${item(i)}`).join("\n")}`;
    expect(parseOk(mdFile(`${MINIMAL}\n${list("tags", 30, (i) => `chủ đề ${i}`)}`)).tags).toHaveLength(30);
    const [tooMany] = parseErrors(mdFile(`${MINIMAL}\n${list("tags", 3000, (i) => `t${i}`)}`));
    expect(tooMany).toMatchObject({ field: "tags", line: 6, message: "is outside the allowed range" });
    expect(tooMany?.expected).toContain("at most 30");
    const [tooLong] = parseErrors(mdFile(`${MINIMAL}\ntags: ["${"x".repeat(101)}"]`));
    expect(tooLong?.field).toBe("tags #1");
    expect(tooLong?.expected).toContain("at most 100 characters");
    const [aliases] = parseErrors(mdFile(`${MINIMAL}\n${list("aliases", 21, (i) => `/cu/${i}/`)}`));
    expect(aliases?.field).toBe("aliases");
    expect(aliases?.expected).toContain("at most 20");
  });

  it("rejects a wrong type with the type found", () => {
    const [e] = parseErrors(mdFile(`${MINIMAL}\nreviewYear: "2016"`));
    expect(e).toMatchObject({ field: "reviewYear", message: "must be a whole number, not text", value: '"2016"', line: 5 });
  });

  it("rejects a fractional year", () => {
    const [e] = parseErrors(mdFile(`${MINIMAL}\nplanYear: 2016.5`));
    expect(e?.message).toBe("must be a whole number, not a fraction");
  });

  it("rejects a year out of range", () => {
    const [e] = parseErrors(mdFile(`${MINIMAL}\nreviewYear: 16`));
    expect(e?.field).toBe("reviewYear");
    expect(e?.expected).toContain("1945");
  });

  it("rejects planYear before reviewYear", () => {
    const [e] = parseErrors(mdFile(`${MINIMAL}\nreviewYear: 2017\nplanYear: 2016`));
    expect(e).toMatchObject({ field: "planYear", message: "is before reviewYear 2017" });
  });

  it("rejects an empty title", () => {
    const [e] = parseErrors(mdFile('title: ""\ndate: 2016-11-29\nprovince: gia-lai'));
    expect(e).toMatchObject({ field: "title", message: "must not be empty", line: 2 });
  });

  it("rejects an impossible date, saying how many days the month has", () => {
    const [e] = parseErrors(mdFile("title: X\ndate: 2016-02-30\nprovince: gia-lai"));
    expect(e).toMatchObject({ field: "date", message: "February 2016 has 29 days, not 30", value: '"2016-02-30"', line: 3 });
    expect(e?.expected).toContain("2016-11-29T14:00");
  });

  it("rejects a date in no accepted form with the accepted forms", () => {
    const [e] = parseErrors(mdFile('title: X\ndate: "hôm qua"\nprovince: gia-lai'));
    expect(e).toMatchObject({ field: "date", message: "is not a valid date", line: 3 });
    expect(e?.expected).toContain("2016-11-29T14:00");
    expect(e?.fix).toContain("YYYY-MM-DD");
  });

  it.each(["29/11/2016", "2016-11-29T25:00", "2016-1-2", "hôm qua"])("rejects the date %s", (value) => {
    expect(parseErrors(mdFile(`title: X\ndate: "${value}"\nprovince: gia-lai`))[0]?.field).toBe("date");
  });

  it("rejects an unknown province with suggestions", () => {
    const [e] = parseErrors(mdFile("title: X\ndate: 2016-11-29\nprovince: gia-lia"));
    expect(e).toMatchObject({ field: "province", message: "is not a known province id", value: '"gia-lia"', line: 4 });
    expect(e?.fix).toContain('"gia-lai"');
  });

  it("rejects a former unit after it was merged, naming the successor", () => {
    const [e] = parseErrors(mdFile("title: X\ndate: 2025-08-01\nprovince: binh-duong"));
    expect(e?.message).toContain("became part of Thành phố Hồ Chí Minh on 2025-07-01");
    expect(e?.fix).toBe("write province: ho-chi-minh");
  });

  it("accepts a former unit before its merger", () => {
    expect(parseOk(mdFile("title: X\ndate: 2025-06-30\nprovince: binh-duong")).listedUnder).toEqual(["binh-duong", "ho-chi-minh"]);
  });

  it("rejects Thừa Thiên Huế after it became Huế", () => {
    const [e] = parseErrors(mdFile("title: X\ndate: 2025-02-01\nprovince: thua-thien-hue"));
    expect(e?.message).toContain("was renamed");
    expect(e?.fix).toBe("write province: hue");
  });

  it("rejects an honorific outside the list", () => {
    const [e] = parseErrors(mdFile(`${MINIMAL}\nofficials:\n  - name: A\n    honorific: Ngài`));
    expect(e).toMatchObject({ field: "officials #1.honorific", message: "is not an allowed value", value: '"Ngài"', line: 7 });
    expect(e?.expected).toBe("one of Ông, Bà, Đồng chí");
  });

  it("rejects an official without a name", () => {
    const [e] = parseErrors(mdFile(`${MINIMAL}\nofficials:\n  - role: Giám đốc`));
    expect(e).toMatchObject({ field: "officials #1.name", message: "is required but missing", line: 6 });
  });

  it("rejects an award without a title and a non-numeric count", () => {
    const errors = parseErrors(mdFile(`${MINIMAL}\nawards:\n  - recipient: cá nhân\n    count: mười`));
    expect(errors.map((e) => e.field).sort()).toEqual(["awards #1.count", "awards #1.title"]);
    expect(errors.find((e) => e.field === "awards #1.count")?.line).toBe(7);
  });

  it("rejects a zero count", () => {
    expect(parseErrors(mdFile(`${MINIMAL}\nawards:\n  - title: X\n    count: 0`))[0]?.field).toBe("awards #1.count");
  });

  it("rejects officials given as text instead of a list", () => {
    const [e] = parseErrors(mdFile(`${MINIMAL}\nofficials: Nguyễn Dũng`));
    expect(e).toMatchObject({ field: "officials", message: "must be a list, not text" });
  });

  it("rejects draft that is not true/false", () => {
    expect(parseErrors(mdFile(`${MINIMAL}\ndraft: "yes"`))[0]?.message).toBe("must be true or false, not text");
  });

  it.each(["tin-tuc/1", "/a b/", "/../etc/passwd", "https://example.com/x", "/a?id=1", "/tin/đường/"])("rejects the alias %s", (alias) => {
    const [e] = parseErrors(mdFile(`${MINIMAL}\naliases: ["${alias}"]`));
    expect(e).toMatchObject({ field: "aliases #1", message: "is not a safe URL path" });
  });

  it("rejects an image src that is a path or a script URL", () => {
    for (const src of ["../secret.jpg", "javascript:alert(1)", "/etc/x.png", "http://insecure.example/x.jpg", "anh.svg"]) {
      const [e] = parseErrors(mdFile(`${MINIMAL}\nimage:\n  src: "${src}"\n  alt: A`));
      expect(e?.field).toBe("image.src");
    }
  });

  it("requires alt text on an image", () => {
    expect(parseErrors(mdFile(`${MINIMAL}\nimage:\n  src: anh.jpg`))[0]?.field).toBe("image.alt");
  });

  it("reports a colon in a value at its line, with the quoted line to write", () => {
    const errors = parseErrors(mdFile("title: Hội nghị: tổng kết\ndate: 2016-11-29\nprovince: gia-lai"));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ line: 2, field: "title" });
    expect(errors[0]?.message).toContain("colon");
    expect(errors[0]?.fix).toBe('put the value in double quotes: title: "Hội nghị: tổng kết"');
  });

  it("reports an unclosed [ at the line that opens it", () => {
    const errors = parseErrors(mdFile("title: X\ntags: [a, b\ndate: 2016-11-29\nprovince: gia-lai"));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ line: 3, message: "the [ opened on this line is not closed with ]", fix: "add ] at the end of the line" });
  });

  it("reports other YAML syntax errors as not valid YAML, with their line", () => {
    const [e] = parseErrors(mdFile("title: X\nsummary: *nowhere\ndate: 2016-11-29\nprovince: gia-lai"));
    expect(e?.line).toBe(3);
    expect(e?.message).toContain("not valid YAML");
  });

  it("rejects duplicate keys", () => {
    const [e] = parseErrors(mdFile(`${MINIMAL}\ntitle: again`));
    expect(e).toMatchObject({ line: 5, field: "title", message: "the field title appears twice" });
  });

  it("refuses JavaScript front matter without running it", () => {
    const [e] = parseErrors('---js\n{ title: (() => { throw new Error("ran") })() }\n---\nx');
    expect(e).toMatchObject({ line: 1, message: 'front matter language "js" is not allowed' });
  });

  it("does not run YAML custom tags", () => {
    const errors = parseErrors(mdFile(`${MINIMAL}\nsummary: !!js/function "function () { return 1 }"`));
    expect(errors[0]).toMatchObject({ line: 5, message: "the YAML tag !!js/function is not allowed: front matter is data only" });
  });

  it("rejects a file without front matter", () => {
    expect(parseErrors("Chỉ có nội dung.")[0]).toMatchObject({ line: 1, message: "has no front matter" });
  });

  it("rejects front matter that is a list", () => {
    expect(parseErrors("---\n- a\n- b\n---\nx")[0]?.message).toBe("front matter must be key: value fields");
  });

  it("reports shape and semantic errors of one file together", () => {
    const errors = parseErrors(mdFile("title: X\ndate: 2016-13-01\nprovince: gia-lia\nagency: 5"));
    expect(errors.map((e) => e.field).sort()).toEqual(["agency", "date", "province"]);
  });

  it("formats an error as file:line: field: message with expected and fix lines", () => {
    const [e] = parseErrors(mdFile("title: X\ndate: 2016-11-29\nprovince: gia-lia"));
    expect(formatContentError(e!)).toBe(
      [
        'content/gia-lai/2016-11-29-hoi-nghi.md:4: province: is not a known province id (got "gia-lia")',
        "    expected: a province id from the registry, e.g. gia-lai, ha-tinh, ho-chi-minh (README: Province ids)",
        '    fix: did you mean "gia-lai"?',
      ].join("\n"),
    );
  });
});

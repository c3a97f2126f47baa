/**
 * `npm run new`: the province search, the file it builds (through the real
 * loader), flag parsing, the interactive prompts driven with scripted
 * keystrokes (@inquirer/testing), and the real CLI with flags.
 */
import { screen } from "@inquirer/testing/vitest";
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadContent } from "../src/content/load-content.ts";
import { parseArticle } from "../src/content/parse-article.ts";
import { formatTable, progressBar } from "../src/import/summary.ts";
import { articleFileName, checkDate, checkProvince, newArticleText, parseAwardFlag, parseOfficialFlag, todayInVietnam, type NewArticle } from "../src/new-article/new-article.ts";
import { provinceChoices, searchProvinces } from "../src/new-article/province-search.ts";
import { askNewArticle } from "../src/new-article/wizard.ts";

const ROOT = path.resolve(import.meta.dirname, "..");
let work: string;
beforeAll(() => {
  work = mkdtempSync(path.join(os.tmpdir(), "new-article-"));
});
afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

const ids = (query: string, day: string): string[] => searchProvinces(provinceChoices(day), query).map((c) => c.id);

describe("province search", () => {
  it("ignores case and diacritics, đ included", () => {
    expect(ids("da nang", "2026-01-01")[0]).toBe("da-nang");
    expect(ids("ĐÀ NẴNG", "2026-01-01")[0]).toBe("da-nang");
    expect(ids("dak lak", "2026-01-01")[0]).toBe("dak-lak");
    expect(ids("đắk", "2017-01-01")).toEqual(["dak-lak", "dak-nong"]);
    expect(ids("ha tinh", "2017-01-01")).toEqual(["ha-tinh"]);
    expect(ids("xyz", "2017-01-01")).toEqual([]);
  });

  it("offers the units in force on the article's date (the 2025 merger rule)", () => {
    expect(provinceChoices("2017-01-06")).toHaveLength(63);
    expect(provinceChoices("2026-01-01")).toHaveLength(34);
    expect(ids("binh duong", "2017-01-06")).toEqual(["binh-duong"]);
    // After the merger Bình Dương is found under Hồ Chí Minh.
    expect(ids("binh duong", "2025-07-01")).toEqual(["ho-chi-minh"]);
    expect(ids("hue", "2024-06-01")).toEqual(["thua-thien-hue"]);
    expect(ids("hue", "2025-03-01")).toEqual(["hue"]);
    const binhDinh = provinceChoices("2024-05-01").find((c) => c.id === "binh-dinh");
    expect(binhDinh?.label).toBe("Bình Định (until 30/06/2025, now part of Gia Lai) — binh-dinh");
  });
});

describe("the new article file", () => {
  const article: NewArticle = {
    date: "2016-11-29",
    province: "gia-lai",
    title: 'Hội nghị tổng kết: "năm 2016" # và - kế hoạch',
    agency: "Sở Thông tin và Truyền thông",
    reviewYear: 2016,
    planYear: 2017,
    officials: [{ name: "Nguyễn Dũng", role: "Giám đốc Trung tâm CNTT&TT", honorific: "Ông", id: "nguyen-dung-gia-lai" }],
    awards: [{ title: "Lao động tiên tiến", recipient: "cá nhân", count: 11, conferredBy: "Giám đốc Sở TT&TT" }],
    author: "Trần Thị Bích Thủy",
  };

  it("loads through the real loader with every value intact, as a draft", () => {
    const file = `content/gia-lai/${articleFileName(article)}`;
    expect(file).toBe("content/gia-lai/2016-11-29-hoi-nghi-tong-ket-nam-2016-va-ke-hoach.md");
    const result = parseArticle(file, newArticleText(article));
    expect(result.ok, JSON.stringify(result.ok ? [] : result.errors)).toBe(true);
    if (!result.ok) return;
    expect(result.article).toMatchObject({ title: article.title, url: "/gia-lai/2016/hoi-nghi-tong-ket-nam-2016-va-ke-hoach/", agency: article.agency, reviewYear: 2016, planYear: 2017, officials: article.officials, awards: article.awards, author: article.author, draft: true });
  });

  it("parses --official and --award, refusing malformed ones", () => {
    expect(parseOfficialFlag("Nguyễn Dũng; Giám đốc; ông")).toEqual({ name: "Nguyễn Dũng", role: "Giám đốc", honorific: "Ông" });
    expect(parseOfficialFlag("Lương Hải Âu;;Đồng chí")).toEqual({ name: "Lương Hải Âu", honorific: "Đồng chí" });
    expect(parseOfficialFlag("A; b; Ngài")).toBeUndefined();
    expect(parseOfficialFlag("Nguyễn Dũng; Giám đốc; Ông; nguyen-dung-gia-lai")).toEqual({ name: "Nguyễn Dũng", role: "Giám đốc", honorific: "Ông", id: "nguyen-dung-gia-lai" });
    expect(parseOfficialFlag("Nguyễn Dũng;;; Nguyễn Dũng")).toBeUndefined();
    expect(parseOfficialFlag(" ; b")).toBeUndefined();
    expect(parseAwardFlag("Giấy khen; cá nhân; 04; Sở")).toEqual({ title: "Giấy khen", recipient: "cá nhân", count: 4, conferredBy: "Sở" });
    expect(parseAwardFlag("Giấy khen; cá nhân; 0; Sở")).toBeUndefined();
    expect(parseAwardFlag("Giấy khen; cá nhân; 4; Sở")).toEqual({ title: "Giấy khen", recipient: "cá nhân", count: 4, conferredBy: "Sở" });
    expect(parseAwardFlag("Cờ thi đua")).toEqual({ title: "Cờ thi đua" });
  });

  it("checks the province against the date", () => {
    expect(checkProvince("gia-lai", "2016-11-29")).toBeUndefined();
    expect(checkProvince("binh-duong", "2025-08-01")?.fix).toBe("use --province ho-chi-minh");
    expect(checkProvince("gia-lia", "2016-11-29")?.fix).toContain("gia-lai");
  });

  it("says why a well-formed date does not exist, as the content check does", () => {
    expect(checkDate("2024-02-29")).toBeUndefined();
    expect(checkDate("2024-02-30")?.message).toBe('the date "2024-02-30" is not valid: February 2024 has 29 days, not 30.');
    expect(checkDate("2023-13-01")?.message).toMatch(/^the date "2023-13-01" is not valid: .*13/);
    // A day-month-year date still gets the corrected value.
    expect(checkDate("20/12/2024")?.fix).toContain("2024-12-20");
  });

  it("takes today's date in Vietnam, not the computer's zone", () => {
    expect(todayInVietnam(new Date("2024-12-31T17:30:00Z"))).toBe("2025-01-01");
    expect(todayInVietnam(new Date("2024-12-31T16:59:00Z"))).toBe("2024-12-31");
  });
});

describe("the prompts, driven by scripted keystrokes", () => {
  it("asks for every field, searches provinces without diacritics, and returns a valid article", async () => {
    const answers = askNewArticle({}, new Date("2017-01-06T03:00:00Z"));
    expect(screen.getScreen()).toContain("Publication date (YYYY-MM-DD) (2017-01-06)");
    screen.keypress("enter");
    await screen.next();
    screen.type("binh duong");
    await screen.next();
    expect(screen.getScreen()).toContain("Bình Dương");
    screen.keypress("enter");
    await screen.next();
    screen.type("Hội nghị tổng kết công tác năm 2016, triển khai nhiệm vụ năm 2017");
    screen.keypress("enter");
    await screen.next();
    screen.type("Sở Thông tin và Truyền thông");
    screen.keypress("enter");
    await screen.next();
    // Years are prefilled from the title.
    expect(screen.getScreen()).toContain("(2016)");
    screen.keypress("enter");
    await screen.next();
    expect(screen.getScreen()).toContain("(2017)");
    screen.keypress("enter");
    await screen.next();
    screen.type("y");
    screen.keypress("enter");
    await screen.next();
    screen.type("Đặng Minh Hưng");
    screen.keypress("enter");
    await screen.next();
    screen.type("Phó Chủ tịch UBND tỉnh");
    screen.keypress("enter");
    await screen.next();
    screen.keypress("enter"); // Ông
    await screen.next();
    screen.type("n");
    screen.keypress("enter");
    await screen.next();
    screen.type("y");
    screen.keypress("enter");
    await screen.next();
    screen.type("Giấy khen");
    screen.keypress("enter");
    await screen.next();
    screen.type("cá nhân");
    screen.keypress("enter");
    await screen.next();
    screen.type("mười");
    screen.keypress("enter");
    await screen.next();
    expect(screen.getScreen()).toContain("Write a whole number from 1, or leave it empty.");
    for (let i = 0; i < 4; i++) screen.keypress("backspace");
    screen.type("12");
    screen.keypress("enter");
    await screen.next();
    screen.type("Sở TT-TT");
    screen.keypress("enter");
    await screen.next();
    screen.keypress("enter"); // no more awards
    await screen.next();
    screen.type("T.LÝ-NHI PHẠM");
    screen.keypress("enter");
    const article = await answers;
    expect(article).toEqual({
      date: "2017-01-06",
      province: "binh-duong",
      title: "Hội nghị tổng kết công tác năm 2016, triển khai nhiệm vụ năm 2017",
      agency: "Sở Thông tin và Truyền thông",
      reviewYear: 2016,
      planYear: 2017,
      officials: [{ name: "Đặng Minh Hưng", role: "Phó Chủ tịch UBND tỉnh", honorific: "Ông" }],
      awards: [{ title: "Giấy khen", recipient: "cá nhân", count: 12, conferredBy: "Sở TT-TT" }],
      author: "T.LÝ-NHI PHẠM",
    });
    expect(parseArticle(`content/binh-duong/${articleFileName(article)}`, newArticleText(article)).ok).toBe(true);
  });
});

describe("npm run new with flags (the real CLI)", () => {
  const run = (args: readonly string[], lang = "en_US.UTF-8") => spawnSync(process.execPath, ["--import", "tsx", path.join(ROOT, "scripts/new.ts"), ...args], { cwd: ROOT, encoding: "utf8", input: "", env: { ...process.env, LANG: lang, LC_ALL: "", INIT_CWD: ROOT } });

  it("creates a file that loads with no error, prints its path and URL, and refuses to overwrite", () => {
    const root = path.join(work, "flags");
    mkdirSync(path.join(root, "content"), { recursive: true });
    const args = ["--root", root, "--province", "gia-lai", "--title", "Hội nghị tổng kết công tác năm 2016", "--date", "2016-11-29", "--official", "Nguyễn Dũng; Giám đốc Trung tâm CNTT&TT; Ông", "--award", "Lao động tiên tiến; cá nhân; 11"];
    const first = run(args);
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toContain("content/gia-lai/2016-11-29-hoi-nghi-tong-ket-cong-tac-nam-2016.md");
    expect(first.stdout).toContain("Address once published: https://tongket.example.gov.vn/gia-lai/2016/hoi-nghi-tong-ket-cong-tac-nam-2016/");
    const loaded = loadContent({ rootDir: root, includeDrafts: true });
    expect(loaded.errors).toEqual([]);
    expect(loaded.articles.map((a) => a.officials)).toEqual([[{ name: "Nguyễn Dũng", role: "Giám đốc Trung tâm CNTT&TT", honorific: "Ông" }]]);
    const second = run(args);
    expect(second.status).toBe(1);
    expect(second.stderr).toContain("already exists; not overwritten");
    // Same address from another date in the file name: refused too.
    const third = run([...args.slice(0, 6), "--date", "2016-12-09"]);
    expect(third.status).toBe(1);
    expect(third.stderr).toContain("already belongs to content/gia-lai/2016-11-29-hoi-nghi-tong-ket-cong-tac-nam-2016.md");
    expect(readdirSync(path.join(root, "content/gia-lai"))).toHaveLength(1);
  });

  it("reports every bad flag at once in Vietnamese by default, with usage, exit 2", () => {
    const root = path.join(work, "bad");
    mkdirSync(path.join(root, "content"), { recursive: true });
    const bad = run(["--root", root, "--province", "binh-duong", "--title", "X", "--date", "2025-08-01", "--review-year", "2k16", "--official", "A; b; Ngài"], "C.UTF-8");
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("Bình Dương không còn là đơn vị riêng từ 2025-07-01");
    expect(bad.stderr).toContain("dùng --province ho-chi-minh");
    expect(bad.stderr).toContain('--review-year "2k16" không phải một năm.');
    expect(bad.stderr).toContain('--official "A; b; Ngài": danh xưng "Ngài" không dùng được.');
    expect(bad.stderr).toContain("Cách dùng: npm run new");
    expect(readdirSync(path.join(root, "content"))).toEqual([]);
    const unknown = run(["--titel", "X"]);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain("unknown option --titel — did you mean --title?");
    expect(unknown.stderr).not.toMatch(/\n\s+at /);
    const help = run(["--help"]);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain("--official \"Name; role; Ông|Bà|Đồng chí; person id\"");
  });

  it("does not write through a province folder that links outside content/", () => {
    const root = path.join(work, "link");
    const outside = path.join(work, "link-outside");
    mkdirSync(path.join(root, "content"), { recursive: true });
    mkdirSync(outside, { recursive: true });
    writeFileSync(path.join(outside, ".keep"), "");
    spawnSync("ln", ["-s", outside, path.join(root, "content/gia-lai")]);
    const result = run(["--root", root, "--province", "gia-lai", "--title", "Tin", "--date", "2016-11-29"]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("leads outside the content/ folder");
    expect(readdirSync(outside)).toEqual([".keep"]);
  });
});

describe("progress bar and summary table", () => {
  it("draws a bar that fits the terminal, and pads Vietnamese text by columns", () => {
    expect(progressBar(3, 12, "003.txt")).toBe("[######..................] 3/12 003.txt");
    expect([...progressBar(1, 2, "x".repeat(200), 40)]).toHaveLength(39);
    expect(formatTable(["tệp", "kết quả"], [["a.txt", "sẵn sàng duyệt"], ["bài-dài.txt", "lỗi"]])).toBe("tệp          kết quả\n-----------  --------------\na.txt        sẵn sàng duyệt\nbài-dài.txt  lỗi");
  });
});

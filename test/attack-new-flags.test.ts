/**
 * `npm run new --official/--award` as a new editor types them: every wrong
 * value says which part is wrong, what it holds, what is expected, and the
 * whole flag written right (with the editor's own values where the right
 * one can be known), in Vietnamese by default and in English. Before, every
 * case answered only '--official "A;B;Ngài" không đúng dạng.', and a flag
 * written as press releases phrase it ("Ông Nguyễn Dũng – Giám đốc") was
 * taken whole as a name.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { setLanguage } from "../src/messages/index.ts";
import { checkAwardFlag, checkOfficialFlag, type InputProblem } from "../src/new-article/list-flags.ts";

const ROOT = path.resolve(import.meta.dirname, "..");
const work = mkdtempSync(path.join(os.tmpdir(), "attack-new-flags-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));
beforeEach(() => setLanguage("vi"));

function refused(result: ReturnType<typeof checkOfficialFlag> | ReturnType<typeof checkAwardFlag>): InputProblem {
  if (result.ok) throw new Error(`accepted: ${JSON.stringify(result.value)}`);
  return result.problem;
}

describe("--official", () => {
  it("names the honorific found, the ones expected, and the flag without it", () => {
    const p = refused(checkOfficialFlag("A;B;Ngài"));
    expect(p.message).toBe('--official "A;B;Ngài": danh xưng "Ngài" không dùng được.');
    expect(p.expected).toContain("Ông, Bà hoặc Đồng chí");
    expect(p.fix).toContain('--official "A; B"');
    setLanguage("en");
    const en = refused(checkOfficialFlag("A;B;Ngài"));
    expect(en.message).toBe('--official "A;B;Ngài": the honorific "Ngài" cannot be used.');
    expect(en.expected).toContain("Ông, Bà or Đồng chí");
    expect(en.fix).toContain('--official "A; B"');
  });

  it("fills in the honorific meant when only its diacritics are missing, and folds a person id, in one example", () => {
    const p = refused(checkOfficialFlag("Trần Bình; Phó Giám đốc; ba; Trần Bình"));
    expect(p.message).toContain('danh xưng "ba" cần viết đúng dấu');
    expect(p.fix).toBe('viết --official "Trần Bình; Phó Giám đốc; Bà; tran-binh"');
    expect(refused(checkOfficialFlag("Lê Văn C; ; d/c")).fix).toBe('viết --official "Lê Văn C; ; Đồng chí"');
    const id = refused(checkOfficialFlag("Nguyễn Dũng; Giám đốc; Ông; Nguyễn Dũng Gia Lai"));
    expect(id.message).toContain('mã người "Nguyễn Dũng Gia Lai" không đúng dạng');
    expect(id.expected).toContain("chữ thường không dấu");
    expect(id.fix).toContain('--official "Nguyễn Dũng; Giám đốc; Ông; nguyen-dung-gia-lai"');
  });

  it("splits a line written as a press release writes it", () => {
    const p = refused(checkOfficialFlag("Ông Nguyễn Dũng – Giám đốc Trung tâm CNTT&TT"));
    expect(p.message).toContain("danh xưng hoặc chức vụ đang nằm chung trong phần họ tên");
    expect(p.fix).toBe('viết --official "Nguyễn Dũng; Giám đốc Trung tâm CNTT&TT; Ông"');
    expect(refused(checkOfficialFlag("Bà Trần Thị Bích Thủy")).fix).toBe('viết --official "Trần Thị Bích Thủy; ; Bà"');
    // A plain name is a name.
    expect(checkOfficialFlag("Nguyễn Dũng")).toEqual({ ok: true, value: { name: "Nguyễn Dũng" } });
  });

  it("says how many parts were found, and that the name is missing", () => {
    const parts = refused(checkOfficialFlag("Nguyễn Dũng; Giám đốc; Bí thư; Ông; nguyen-dung"));
    expect(parts.message).toContain("có 5 phần");
    expect(parts.expected).toBe("Họ tên; chức vụ; danh xưng; mã người");
    expect(parts.fix).toContain("dấu phẩy");
    expect(refused(checkOfficialFlag("; Giám đốc; Ông")).message).toContain("thiếu họ tên");
  });
});

describe("--award", () => {
  it("reads a count written as portals do (04), and explains one that is not a number", () => {
    expect(checkAwardFlag("Giấy khen; cá nhân; 04; Giám đốc Sở")).toEqual({ ok: true, value: { title: "Giấy khen", recipient: "cá nhân", count: 4, conferredBy: "Giám đốc Sở" } });
    const p = refused(checkAwardFlag("Cờ thi đua; tập thể; mười"));
    expect(p.message).toBe('--award "Cờ thi đua; tập thể; mười": số lượng "mười" không phải một số.');
    expect(p.expected).toContain("viết bằng chữ số");
    expect(p.fix).toBe('viết --award "Cờ thi đua; tập thể"');
    setLanguage("en");
    expect(refused(checkAwardFlag("Cờ thi đua; tập thể; mười")).message).toBe('--award "Cờ thi đua; tập thể; mười": the count "mười" is not a number.');
  });

  it("moves a count written inside the title or the recipient to its part", () => {
    expect(refused(checkAwardFlag("Lao động tiên tiến – 11 cá nhân")).fix).toBe('viết --award "Lao động tiên tiến; cá nhân; 11"');
    expect(refused(checkAwardFlag("Giấy khen của Giám đốc Sở cho 04 cá nhân")).fix).toBe('viết --award "Giấy khen của Giám đốc Sở; cá nhân; 4"');
    expect(refused(checkAwardFlag("Giấy khen; 11 cá nhân; ; Sở")).fix).toBe('viết --award "Giấy khen; cá nhân; 11; Sở"');
    expect(refused(checkAwardFlag("Giấy khen; cá nhân; 11 người")).fix).toBe('viết --award "Giấy khen; cá nhân"');
  });

  it("says how many parts were found, and that the title is missing", () => {
    expect(refused(checkAwardFlag("a; b; 1; c; d")).message).toContain("có 5 phần");
    expect(refused(checkAwardFlag("; cá nhân; 11")).message).toContain("thiếu danh hiệu");
  });
});

describe("npm run new with wrong flags", () => {
  it("prints what was found, what is expected and the fix for each, in both languages, writing nothing", () => {
    const root = path.join(work, "cli");
    mkdirSync(path.join(root, "content"), { recursive: true });
    const run = (lang: string) =>
      spawnSync(process.execPath, ["--import", "tsx", path.join(ROOT, "scripts/new.ts"), "--root", root, "--province", "gia-lai", "--title", "Tin", "--date", "2016-11-29", "--official", "A;B;Ngài", "--award", "Giấy khen; cá nhân; mười"], {
        cwd: ROOT,
        encoding: "utf8",
        input: "",
        env: { ...process.env, LANG: lang, LC_ALL: "", INIT_CWD: ROOT },
      });
    const vi = run("C.UTF-8");
    expect(vi.status).toBe(2);
    expect(vi.stderr).toContain('--official "A;B;Ngài": danh xưng "Ngài" không dùng được.\n    cần: Ông, Bà hoặc Đồng chí');
    expect(vi.stderr).toContain('cách sửa: viết --official "A; B"');
    expect(vi.stderr).toContain('số lượng "mười" không phải một số.\n    cần: ');
    const en = run("en_US.UTF-8");
    expect(en.stderr).toContain('the honorific "Ngài" cannot be used.\n    expected: Ông, Bà or Đồng chí');
    expect(en.stderr).toContain('fix: write --award "Giấy khen; cá nhân"');
    expect(readdirSync(path.join(root, "content"))).toEqual([]);
  });
});

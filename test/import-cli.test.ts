/**
 * `npm run import` as an editor and an attacker would run it: the real
 * script in a child process, on copies of the seeds and on hostile inputs,
 * in temp folders; what it writes is then read by the real content loader.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadContent } from "../src/content/load-content.ts";

const ROOT = path.resolve(import.meta.dirname, "..");
const SEEDS = path.join(import.meta.dirname, "fixtures/import/seeds");
let work: string;

function run(args: readonly string[], cwd = ROOT, lang = "en_US.UTF-8") {
  const result = spawnSync(process.execPath, ["--import", "tsx", path.join(ROOT, "scripts/import.ts"), ...args], { cwd, encoding: "utf8", env: { ...process.env, LANG: lang, LC_ALL: "", INIT_CWD: cwd } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function project(name: string): string {
  const dir = path.join(work, name);
  mkdirSync(path.join(dir, "content"), { recursive: true });
  return dir;
}

const files = (dir: string): string[] => (existsSync(dir) ? readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join("/")).sort() : []);

beforeAll(() => {
  work = mkdtempSync(path.join(os.tmpdir(), "import-cli-"));
});
afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

describe("npm run import on the seed folder", () => {
  it("writes complete drafts by the naming convention, the incomplete one to ban-nhap/, and they load", () => {
    const root = project("seeds");
    const { status, stdout, stderr } = run(["--root", root, SEEDS]);
    expect(status, stderr).toBe(0);
    expect(files(path.join(root, "content"))).toEqual([
      "binh-duong/2017-01-06-hoi-nghi-tong-ket-cong-tac-nam-2016-trien-khai-nhiem-vu-nam-2017.md",
      "gia-lai/2016-12-09-trung-tam-cong-nghe-thong-tin-va-truyen-thong-tinh-gia-lai-to-chuc-hoi.md",
      "hai-phong/2019-01-26-hoi-nghi-tong-ket-cong-tac-nam-2018-trien-khai-nhiem-vu-nam-2019-nganh.md",
      "quang-ngai/2016-01-18-trung-tam-cong-nghe-thong-tin-va-truyen-thong-trien-khai-nhiem-vu-nam.md",
    ]);
    expect(files(path.join(root, "ban-nhap"))).toEqual(["2015-12-07-tong-ket-hoat-dong-nganh-thong-tin-va-truyen-thong-tt-tt-hoat-dong-cua.md"]);
    // The drafts in content/ pass the real loader (drafts included); nothing incomplete is there to break a build.
    const loaded = loadContent({ rootDir: root, includeDrafts: true });
    expect(loaded.errors).toEqual([]);
    expect(loaded.articles).toHaveLength(4);
    expect(loaded.articles.every((a) => a.draft)).toBe(true);
    // Paths, addresses, what to confirm and what to fill in are printed; then a summary table.
    expect(stdout).toContain("address once published: https://tongket.example.gov.vn/gia-lai/2016/trung-tam-cong-nghe-thong-tin-va-truyen-thong-tinh-gia-lai-to-chuc-hoi/");
    expect(stdout).toContain("left to fill in: province");
    expect(stdout).toMatch(/source file\s+result\s+to confirm\s+draft/);
    expect(stdout).toContain("5 files: 4 drafts ready to review, 1 incomplete, 0 already there, 0 failed.");
    // Not a terminal: progress as plain lines.
    expect(stderr).toContain("Importing 5/5 004_eb447706b82accdd.txt");
  });

  it("never overwrites: a second run leaves every file alone and says so", () => {
    const root = project("twice");
    run(["--root", root, SEEDS]);
    const target = path.join(root, "content/gia-lai/2016-12-09-trung-tam-cong-nghe-thong-tin-va-truyen-thong-tinh-gia-lai-to-chuc-hoi.md");
    writeFileSync(target, "edited by the editor\n");
    const again = run(["--root", root, SEEDS]);
    expect(again.stdout).toContain("5 files: 0 drafts ready to review, 0 incomplete, 5 already there, 0 failed.");
    expect(readFileSync(target, "utf8")).toBe("edited by the editor\n");
  });

  it("picks a free name when another file already has the draft's address, and says so", () => {
    const root = project("same-url");
    mkdirSync(path.join(root, "content/gia-lai"), { recursive: true });
    writeFileSync(path.join(root, "content/gia-lai/2016-01-01-trung-tam-cong-nghe-thong-tin-va-truyen-thong-tinh-gia-lai-to-chuc-hoi.md"), "---\ntitle: Khác\ndate: 2016-01-01\nprovince: gia-lai\n---\nBài khác.\n");
    const { stdout } = run(["--root", root, path.join(SEEDS, "000_55f457eac0504ad9.txt")]);
    expect(stdout).toContain("already has the same address; the draft is named");
    expect(existsSync(path.join(root, "content/gia-lai/2016-12-09-trung-tam-cong-nghe-thong-tin-va-truyen-thong-tinh-gia-lai-to-chuc-hoi-2.md"))).toBe(true);
    expect(loadContent({ rootDir: root, includeDrafts: true }).errors).toEqual([]);
  });

  it("uses --province for texts that name none, and --out for another folder", () => {
    const root = project("out");
    const out = path.join(work, "out-drafts");
    const { status } = run(["--root", root, "--out", out, "--province", "ha-tinh", path.join(SEEDS, "004_eb447706b82accdd.txt")]);
    expect(status).toBe(0);
    expect(files(out)).toEqual(["ha-tinh/2015-12-07-tong-ket-hoat-dong-nganh-thong-tin-va-truyen-thong-tt-tt-hoat-dong-cua.md"]);
    expect(files(path.join(root, "content"))).toEqual([]);
  });

  it("speaks Vietnamese by default", () => {
    const root = project("vi");
    const { stdout } = run(["--root", root, path.join(SEEDS, "004_eb447706b82accdd.txt")], ROOT, "C.UTF-8");
    expect(stdout).toContain("còn phải điền: province");
    expect(stdout).toContain("1 tệp: 0 bài nháp sẵn sàng duyệt, 1 bài còn thiếu thông tin");
  });
});

describe("npm run import as an attacker would", () => {
  it("refuses huge, binary, UTF-16 and non-UTF-8 files with a reason each, and exits 1", () => {
    const root = project("hostile");
    const inputs = path.join(work, "hostile-inputs");
    mkdirSync(inputs, { recursive: true });
    writeFileSync(path.join(inputs, "huge.txt"), Buffer.alloc(3 * 1024 * 1024, 0x61));
    writeFileSync(path.join(inputs, "image.txt"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
    writeFileSync(path.join(inputs, "utf16.txt"), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("Hội nghị", "utf16le")]));
    writeFileSync(path.join(inputs, "latin1.txt"), Buffer.from("H\xf4i ngh\xec", "latin1"));
    const { status, stdout } = run(["--root", root, inputs]);
    expect(status).toBe(1);
    expect(stdout).toContain("huge.txt: 3.0 MB, more than the 1.0 MB limit for one release; skipped.");
    expect(stdout).toContain("image.txt: not text");
    expect(stdout).toContain("utf16.txt: saved as UTF-16; skipped.");
    expect(stdout).toContain("latin1.txt: not UTF-8 text (byte 1); skipped.");
    expect(stdout).toContain("4 files: 0 drafts ready to review, 0 incomplete, 0 already there, 4 failed.");
    expect(files(root)).toEqual([]);
  });

  it("prints hostile file names harmlessly and never lets them choose the output path", () => {
    const root = project("names");
    const inputs = path.join(work, "name-inputs");
    mkdirSync(inputs, { recursive: true });
    const nasty = "x\u001b[31mred\u202e\nline.txt";
    copyFileSync(path.join(SEEDS, "003_628cbb2a95f42247.txt"), path.join(inputs, nasty));
    const { stdout, stderr } = run(["--root", root, inputs]);
    expect(`${stdout}${stderr}`).not.toMatch(/[\u001b\u202e]/);
    expect(stdout).toContain("x?[31mred??line.txt");
    expect(files(path.join(root, "content"))).toEqual(["quang-ngai/2016-01-18-trung-tam-cong-nghe-thong-tin-va-truyen-thong-trien-khai-nhiem-vu-nam.md"]);
  });

  it("does not follow links inside a folder, nor write through a province folder that links outside", () => {
    const root = project("links");
    const outside = path.join(work, "outside");
    mkdirSync(outside, { recursive: true });
    symlinkSync(outside, path.join(root, "content/gia-lai"));
    const inputs = path.join(work, "link-inputs");
    mkdirSync(inputs, { recursive: true });
    copyFileSync(path.join(SEEDS, "000_55f457eac0504ad9.txt"), path.join(inputs, "000.txt"));
    symlinkSync("/etc/passwd", path.join(inputs, "passwd.txt"));
    const { status, stdout } = run(["--root", root, inputs]);
    expect(status).toBe(1);
    expect(stdout).toContain("leads outside the target folder");
    expect(stdout).not.toContain("passwd");
    expect(readdirSync(outside)).toEqual([]);
  });

  it("prints usage for --help (exit 0), and for an unknown flag or no input (exit 2)", () => {
    const help = run(["--help"]);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain("Usage: npm run import -- [options] FILE|FOLDER…");
    const unknown = run(["--fast", "x.txt"]);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain("error: unknown option --fast");
    expect(unknown.stderr).toContain("Usage: npm run import");
    expect(unknown.stderr).not.toMatch(/\n\s+at /);
    expect(run([]).status).toBe(2);
    const badProvince = run(["--province", "gia-lia", "x.txt"]);
    expect(badProvince.status).toBe(2);
    expect(badProvince.stderr).toContain('did you mean "gia-lai"?');
  });

  it("refuses a --root that is not a project folder", () => {
    const empty = path.join(work, "not-a-project");
    mkdirSync(empty, { recursive: true });
    const { status, stderr } = run(["--root", empty, SEEDS]);
    expect(status).toBe(2);
    expect(stderr).toContain("has no content/ folder");
  });
});

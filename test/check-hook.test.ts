/**
 * The pre-commit hook (scripts/hooks/pre-commit) in a real git repository:
 * a temp copy of the project (its sources, scripts and package.json; the
 * installed node_modules linked), installed as README says
 * (`git config core.hooksPath scripts/hooks`), committed to as an editor
 * would.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const REPO = path.resolve(import.meta.dirname, "..");
let root = "";

function git(args: string[], env: NodeJS.ProcessEnv = {}): { status: number | null; output: string } {
  const result = spawnSync("git", ["-c", "user.name=Biên tập viên", "-c", "user.email=bientap@example.org", "-c", "commit.gpgsign=false", ...args], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, LANG: "C.UTF-8", LC_ALL: "", LC_MESSAGES: "", ...env },
    timeout: 120_000,
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

function write(rel: string, text: string): void {
  const file = path.join(root, rel);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}

const article = (title: string, date: string, extra = ""): string => `---\ntitle: "${title}"\ndate: ${date}\nprovince: gia-lai\n${extra}---\nChiều ${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}, hội nghị.\n`;

beforeAll(() => {
  root = mkdtempSync(path.join(os.tmpdir(), "check-hook-"));
  for (const part of ["src", "scripts", "layouts", "package.json"]) cpSync(path.join(REPO, part), path.join(root, part), { recursive: true });
  symlinkSync(path.join(REPO, "node_modules"), path.join(root, "node_modules"));
  writeFileSync(path.join(root, ".gitignore"), "node_modules\n.cache/\n");
  write("content/gia-lai/2016-12-09-hoi-nghi.md", article("Hội nghị tổng kết năm 2016", "2016-12-09"));
  expect(git(["init", "-q", "-b", "main"]).status).toBe(0);
  expect(git(["config", "core.hooksPath", "scripts/hooks"]).status).toBe(0);
  expect(git(["add", "-A"]).status).toBe(0);
  const first = git(["commit", "-q", "-m", "Bài đầu tiên"]);
  expect(first.output).toContain("Đã kiểm tra 1 bài viết: không có lỗi");
  expect(first.status).toBe(0);
});

afterAll(() => {
  // The bundle the hook built for this copy (scripts/run-bundled.mjs names it after the folder).
  const tag = createHash("sha256").update(root).digest("hex").slice(0, 8);
  for (const suffix of [".mjs", ".inputs.json"]) rmSync(path.join(REPO, "node_modules/.cache/tong-ket", `check-${tag}${suffix}`), { force: true });
  rmSync(root, { recursive: true, force: true });
});

describe("the pre-commit hook", () => {
  it("runs the very command package.json's check script runs, with --staged (without npm in front: less to wait for on every commit)", () => {
    const script = (JSON.parse(readFileSync(path.join(REPO, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts["check"];
    expect(script).toBe("node scripts/run-bundled.mjs scripts/check.ts");
    expect(readFileSync(path.join(REPO, "scripts/hooks/pre-commit"), "utf8")).toContain(`\nexec ${script} --staged\n`);
  });

  it("refuses a commit with a broken article, listing what to fix in Vietnamese", () => {
    write("content/gia-lai/2016-12-10-loi.md", `---\ntitle: Lỗi\ndate: 10/12/2016\nprovince: gia-lia\n---\nx\n`);
    git(["add", "content/gia-lai/2016-12-10-loi.md"]);
    const refused = git(["commit", "-m", "Bài lỗi"]);
    expect(refused.status).not.toBe(0);
    expect(refused.output).toContain("content/gia-lai/2016-12-10-loi.md:3: date:");
    expect(refused.output).toContain("2016-12-10");
    expect(refused.output).toContain('content/gia-lai/2016-12-10-loi.md:4: province: không phải mã tỉnh, thành phố nào (đang ghi "gia-lia")');
    expect(refused.output).toContain("2 lỗi");
    // git itself says nothing when a hook refuses: the check says it.
    expect(refused.output).toContain("Chưa commit. Sửa các lỗi trên");
    expect(refused.output).toContain("(chỉ báo về 1 tệp trong lần commit này; các quy tắc giữa nhiều bài vẫn xét cả 2 bài)");
    expect(git(["log", "--oneline"]).output.trim().split("\n")).toHaveLength(1);
    // Fixed and staged again: it commits.
    write("content/gia-lai/2016-12-10-loi.md", article("Hội nghị sơ kết", "2016-12-10"));
    git(["add", "content/gia-lai/2016-12-10-loi.md"]);
    const fixed = git(["commit", "-m", "Sửa bài"]);
    expect(fixed.status).toBe(0);
    expect(fixed.output).toContain("không có lỗi");
  });

  it("commits with warnings only, showing them", () => {
    write("content/gia-lai/2016-12-11-canh-bao.md", article("Hội nghị có ảnh", "2016-12-11", "image:\n  src: https://example.org/a.jpg\n  alt: Toàn cảnh\n"));
    git(["add", "-A"]);
    const committed = git(["commit", "-m", "Bài có cảnh báo"]);
    expect(committed.status).toBe(0);
    expect(committed.output).toContain("content/gia-lai/2016-12-11-canh-bao.md:5: cảnh báo: image.caption:");
    expect(committed.output).toContain("không có lỗi, 1 cảnh báo");
  });

  it("refuses a file changed again after git add, since what would be committed was not what was checked", () => {
    write("content/gia-lai/2016-12-12-sua.md", article("Hội nghị mới", "2016-12-12"));
    git(["add", "content/gia-lai/2016-12-12-sua.md"]);
    write("content/gia-lai/2016-12-12-sua.md", article("Hội nghị mới (sửa)", "2016-12-12"));
    const refused = git(["commit", "-m", "Sửa dở"]);
    expect(refused.status).not.toBe(0);
    expect(refused.output).toContain("content/gia-lai/2016-12-12-sua.md: tệp đã được sửa thêm sau khi chọn để commit");
    expect(refused.output).toContain("git add content/gia-lai/2016-12-12-sua.md");
    expect(refused.output).toContain("Chưa commit.");
    expect(refused.output).not.toContain("Đã kiểm tra 0 bài viết");
    // `git commit -a` stages it: accepted.
    expect(git(["commit", "-a", "-m", "Bài mới"]).status).toBe(0);
  });

  it("judges the commit, not the folder: an article not added is not part of it", () => {
    // The same address as the article being committed, but never added: not in the commit, so no conflict.
    write("content/gia-lai/nhap/2016-12-13-them.md", article("Bản nháp chưa thêm", "2016-12-13"));
    write("content/gia-lai/2016-12-13-them.md", article("Hội nghị thêm", "2016-12-13"));
    git(["add", "content/gia-lai/2016-12-13-them.md"]);
    const committed = git(["commit", "-m", "Thêm bài"]);
    expect(committed.status).toBe(0);
    expect(committed.output).not.toContain("content.duplicateUrl");
    expect(committed.output).toContain("không có lỗi");
    rmSync(path.join(root, "content/gia-lai/nhap"), { recursive: true });
  });

  it("lets a commit without articles through, saying there was nothing to check", () => {
    write("ghi-chu.txt", "Ghi chú");
    git(["add", "ghi-chu.txt"]);
    const committed = git(["commit", "-m", "Ghi chú"]);
    expect(committed.status).toBe(0);
    expect(committed.output).toContain("Không có bài viết nào trong lần commit này");
  });

  it("speaks English under an English locale, and can be skipped with --no-verify", () => {
    write("content/gia-lai/2016-12-14-loi.md", `---\ntitle: Lỗi\ndate: 2016-12-14\nprovince: gia-lia\n---\nx\n`);
    git(["add", "content/gia-lai/2016-12-14-loi.md"]);
    const refused = git(["commit", "-m", "Lỗi"], { LANG: "en_US.UTF-8" });
    expect(refused.status).not.toBe(0);
    expect(refused.output).toContain("is not a known province id");
    expect(git(["commit", "--no-verify", "-m", "Lỗi, cố ý"]).status).toBe(0);
  });
});

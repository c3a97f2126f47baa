/**
 * A content file named as a new editor names it ("content/ha-noi/Hội nghị
 * 2024.md": spaces, capitals, diacritics) was published as
 * /ha-noi/2024/hoi-nghi-2024/ without a word. `npm run check` and the build
 * now give a warning with the conventional name to rename it to, in both
 * languages, and renaming the file to that name keeps the article's address
 * (the name part is the address's slug): no published URL moves.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { buildSite } from "../src/build/build-site.ts";
import { runCheck } from "../src/check/run-check.ts";
import { conventionalFileName } from "../src/content/content-files.ts";
import { loadContent } from "../src/content/load-content.ts";
import { ContentStore } from "../src/preview/content-store.ts";
import { slugFromFileName } from "../src/content/parse-article.ts";
import { setLanguage } from "../src/messages/index.ts";
import { siteConfigFromEnv } from "../src/site-config.ts";

const FIXTURE = path.resolve(import.meta.dirname, "fixtures/valid-site");
const work = mkdtempSync(path.join(tmpdir(), "attack-file-names-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));
beforeEach(() => setLanguage("vi"));

const ARTICLE = '---\ntitle: "Hội nghị tổng kết công tác năm 2024"\ndate: 2024-12-20\nprovince: ha-noi\n---\nChiều 20/12/2024, Sở tổ chức hội nghị tổng kết.\n';

describe("the conventional name of an article file", () => {
  const cases: [string, string | undefined][] = [
    ["content/ha-noi/Hội nghị 2024.md", "2024-12-20-hoi-nghi-2024.md"],
    ["content/ha-noi/Hoi-Nghi-Tong-Ket.MD", "2024-12-20-hoi-nghi-tong-ket.md"],
    ["content/ha-noi/2024-12-19 Hội nghị tổng kết.md", "2024-12-19-hoi-nghi-tong-ket.md"],
    ["content/ha-noi/2024/2024-12-20_hoi_nghi.md", "2024-12-20-hoi-nghi.md"],
    ["content/ha-noi/2024-12-20-hoi-nghi--tong-ket-.md", "2024-12-20-hoi-nghi-tong-ket.md"],
    ["content/ha-noi/Đắk Lắk (bản cuối).md", "2024-12-20-dak-lak-ban-cuoi.md"],
    // Already conventional, or nothing to keep: no notice.
    ["content/ha-noi/2024-12-20-hoi-nghi-tong-ket.md", undefined],
    ["content/ha-noi/hoi-nghi-tong-ket.md", undefined],
    ["content/ha-noi/2024-12-20.md", undefined],
  ];
  it("folds the name part and keeps the file's date, or takes the article's", () => {
    for (const [file, expected] of cases) expect(conventionalFileName(file, "2024-12-20"), file).toBe(expected);
  });

  it("keeps the article's address: its name part is the slug the address is made of", () => {
    for (const [file, suggested] of cases) if (suggested) expect(slugFromFileName(suggested), file).toBe(slugFromFileName(file));
  });
});

describe("a file not named by the convention", () => {
  it("gets a warning from the loader, in Vietnamese and in English, with the name to rename it to", () => {
    const root = path.join(work, "load");
    mkdirSync(path.join(root, "content/ha-noi"), { recursive: true });
    writeFileSync(path.join(root, "content/ha-noi/Hội nghị 2024.md"), ARTICLE);
    writeFileSync(path.join(root, "content/ha-noi/2024-12-21-hoi-nghi-dung-ten.md"), ARTICLE.replace("2024-12-20", "2024-12-21"));
    const vi = loadContent({ rootDir: root });
    expect(vi.errors).toEqual([]);
    expect(vi.warnings.map((w) => [w.file, w.code])).toEqual([["content/ha-noi/Hội nghị 2024.md", "content.notice.fileName"]]);
    const [warning] = vi.warnings;
    expect(warning?.message).toBe('tên tệp "Hội nghị 2024.md" không theo quy ước đặt tên');
    expect(warning?.expected).toContain("chữ thường không dấu");
    expect(warning?.fix).toBe("đổi tên tệp thành content/ha-noi/2024-12-20-hoi-nghi-2024.md; địa chỉ bài vẫn là /ha-noi/2024/hoi-nghi-2024/, không đổi");
    setLanguage("en");
    const en = loadContent({ rootDir: root });
    expect(en.warnings[0]?.fix).toBe("rename the file to content/ha-noi/2024-12-20-hoi-nghi-2024.md; the article's address stays /ha-noi/2024/hoi-nghi-2024/");
  });

  it("gets the same warning in the preview, gone once the file is renamed", () => {
    const root = path.join(work, "preview");
    mkdirSync(path.join(root, "content/ha-noi"), { recursive: true });
    writeFileSync(path.join(root, "content/ha-noi/Hội nghị 2024.md"), ARTICLE);
    const store = new ContentStore(root);
    store.loadAll();
    expect(store.snapshot().warnings.map((w) => [w.file, w.code])).toEqual([["content/ha-noi/Hội nghị 2024.md", "content.notice.fileName"]]);
    renameSync(path.join(root, "content/ha-noi/Hội nghị 2024.md"), path.join(root, "content/ha-noi/2024-12-20-hoi-nghi-2024.md"));
    const renamed = new ContentStore(root);
    renamed.loadAll();
    expect(renamed.snapshot().warnings).toEqual([]);
  });

  it("gets the same warning from npm run check", async () => {
    const root = path.join(work, "check");
    mkdirSync(path.join(root, "content/ha-noi"), { recursive: true });
    writeFileSync(path.join(root, "content/ha-noi/Hội nghị 2024.md"), ARTICLE);
    const report = await runCheck({ rootDir: root, cache: false, now: Date.parse("2025-01-10T00:00:00Z") });
    const notices = report.problems.filter((p) => p.code === "content.notice.fileName");
    expect(notices.map((p) => [p.file, p.severity, p.fix])).toEqual([["content/ha-noi/Hội nghị 2024.md", "warning", "đổi tên tệp thành content/ha-noi/2024-12-20-hoi-nghi-2024.md; địa chỉ bài vẫn là /ha-noi/2024/hoi-nghi-2024/, không đổi"]]);
  });

  it("is built with the warning, and renamed as it says, is built at the same address with none", { timeout: 240_000 }, async () => {
    const root = path.join(work, "build");
    cpSync(FIXTURE, root, { recursive: true, filter: (src) => !src.includes(`${path.sep}.cache`) });
    mkdirSync(path.join(root, "content/ha-noi"), { recursive: true });
    writeFileSync(path.join(root, "content/ha-noi/Hội nghị 2024.md"), ARTICLE);
    const out = path.join(root, "_site");
    const first = await buildSite({ rootDir: root, outDir: out, config: siteConfigFromEnv({}) });
    expect(first.warnings.filter((w) => w.code === "content.notice.fileName").map((w) => w.file)).toEqual(["content/ha-noi/Hội nghị 2024.md"]);
    const published = readdirSync(path.join(out, "ha-noi/2024"));
    expect(published).toContain("hoi-nghi-2024");
    renameSync(path.join(root, "content/ha-noi/Hội nghị 2024.md"), path.join(root, "content/ha-noi/2024-12-20-hoi-nghi-2024.md"));
    const second = await buildSite({ rootDir: root, outDir: out, config: siteConfigFromEnv({}) });
    expect(second.warnings.filter((w) => w.code === "content.notice.fileName")).toEqual([]);
    expect(readdirSync(path.join(out, "ha-noi/2024"))).toEqual(published);
  });
});

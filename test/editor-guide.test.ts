/**
 * The editor's guide (docs/huong-dan-bien-tap.md) cannot drift from the
 * product: its message examples are what the check prints today, every
 * message code it names is in the catalogue, and its front-matter examples
 * load through the real loader without an error or a warning.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { PROVINCES } from "../src/provinces.ts";
import { fillGuide, GUIDE_CASES, GUIDE_NOW, guideKeys, isCatalogueKey } from "../src/check/editor-guide.ts";
import { runCheck } from "../src/check/run-check.ts";
import { loadContent } from "../src/content/load-content.ts";

const REPO = path.resolve(import.meta.dirname, "..");
const GUIDE = readFileSync(path.join(REPO, "docs/huong-dan-bien-tap.md"), "utf8");
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0]);

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

/** A project with these files, and a stand-in file for every image an article names. */
function project(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(os.tmpdir(), "guide-"));
  roots.push(root);
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    writeFileSync(path.join(root, rel), text);
    for (const m of text.matchAll(/^\s*src: ["']?([\w.-]+\.(?:jpe?g|png|webp|avif|gif))["']?\s*$/gim)) writeFileSync(path.join(root, path.dirname(rel), m[1] ?? ""), JPEG);
  }
  return root;
}

/** Fenced blocks of a language, each with the paragraph before it. */
function blocks(language: string): { before: string; body: string }[] {
  const out: { before: string; body: string }[] = [];
  const fence = new RegExp("(?:^|\\n)([^\\n]*)\\n+```" + language + "\\n([\\s\\S]*?)```", "g");
  for (const m of GUIDE.matchAll(fence)) out.push({ before: m[1] ?? "", body: m[2] ?? "" });
  return out;
}

describe("the editor's guide", () => {
  it("shows every message example exactly as the check prints it today", async () => {
    const keys = guideKeys(GUIDE);
    expect(keys.length).toBeGreaterThanOrEqual(20);
    // When this fails after a message changed: npx tsx scripts/editor-guide.ts
    expect(await fillGuide(GUIDE)).toBe(GUIDE);
  });

  it("lists every province id of the registry in its table, and the unknown-province message points to it", () => {
    const table = /<!-- bảng-mã-tỉnh -->\n([\s\S]*?)<!-- hết-bảng-mã-tỉnh -->/.exec(GUIDE)?.[1] ?? "";
    const ids = [...table.matchAll(/^\| `([a-z-]+)` \|/gm)].map((m) => m[1]);
    expect(ids).toEqual(PROVINCES.map((p) => p.id));
    expect(table).toContain("| `binh-duong` | Bình Dương | tỉnh | sáp nhập vào `ho-chi-minh` từ 01/07/2025 |");
    expect(table).toContain("| `ha-noi` | Hà Nội | thành phố | đang dùng |");
    expect(GUIDE).toContain("## 10. Bảng mã tỉnh, thành phố");
    // The example is the check's own output (the test above keeps it so).
    const example = /<!-- ví-dụ: content.province.unknown -->\n([\s\S]*?)<!-- hết-ví-dụ -->/.exec(GUIDE)?.[1] ?? "";
    expect(example).toContain("xem bảng mã tỉnh ở phần 10 của docs/huong-dan-bien-tap.md");
  });

  it("has an example for every case it keeps, and names only codes the catalogue has", () => {
    expect(new Set(guideKeys(GUIDE))).toEqual(new Set(Object.keys(GUIDE_CASES)));
    const named = [...GUIDE.matchAll(/`((?:content|media|ledger|people|output|check)\.[a-zA-Z0-9.]+)`/g)].map((m) => m[1] ?? "");
    expect(named.length).toBeGreaterThanOrEqual(20);
    expect(named.filter((key) => !isCatalogueKey(key))).toEqual([]);
    expect(guideKeys(GUIDE).filter((key) => !isCatalogueKey(key))).toEqual([]);
  });

  it("gives a complete article that loads and checks without an error or a warning, at the path it names", async () => {
    const articles = blocks("markdown");
    expect(articles).toHaveLength(1);
    const [{ before, body } = { before: "", body: "" }] = articles;
    const file = /`(content\/[^`]+\.md)`/.exec(before)?.[1];
    expect(file).toBeDefined();
    const root = project({ [file ?? ""]: body });
    const load = loadContent({ rootDir: root });
    expect(load.errors).toEqual([]);
    expect(load.articles).toHaveLength(1);
    expect(load.articles[0]?.url).toBe(`/gia-lai/2016/${path.basename(file ?? "", ".md").slice(11)}/`);
    expect(load.articles[0]?.officials.map((o) => o.honorific)).toEqual(["Ông", "Bà", "Ông"]);
    const report = await runCheck({ rootDir: root, cache: false, now: GUIDE_NOW });
    expect(report.problems).toEqual([]);
  });

  it("gives field examples that each load and check cleanly in an article", async () => {
    const snippets = blocks("yaml").map((b) => b.body);
    expect(snippets.length).toBeGreaterThanOrEqual(15);
    const base: Record<string, string> = { title: 'title: "Hội nghị tổng kết công tác năm 2016, triển khai nhiệm vụ năm 2017"', date: "date: 2016-12-09", province: "province: gia-lai" };
    const files: Record<string, string> = {};
    snippets.forEach((snippet, i) => {
      const keys = [...snippet.matchAll(/^([A-Za-z]+):/gm)].map((m) => m[1] ?? "");
      expect(keys.length).toBeGreaterThan(0);
      const lines = Object.entries(base)
        .filter(([key]) => !keys.includes(key))
        .map(([, line]) => line);
      // A province other than gia-lai keeps its own folder; the address does not depend on it.
      files[`content/vi-du/2016-12-09-vi-du-${i + 1}.md`] = `---\n${[...lines, snippet.trimEnd()].join("\n")}\n---\nChiều 29/11/2016, Sở Thông tin và Truyền thông tổ chức hội nghị tổng kết.\n`;
    });
    const root = project(files);
    const report = await runCheck({ rootDir: root, cache: false, now: GUIDE_NOW });
    const notAboutTheSnippet = new Set(["check.warn.duplicateTitle", "check.warn.titleReviewYear", "check.warn.titlePlanYear", "check.warn.bodyYear", "check.warn.roleChanged"]);
    expect(report.problems.filter((p) => !notAboutTheSnippet.has(p.code ?? ""))).toEqual([]);
    expect(report.problems.filter((p) => p.severity !== "warning")).toEqual([]);
    expect(report.articleCount).toBe(snippets.length);
  });
});

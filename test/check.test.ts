/**
 * `npm run check` (src/check/, scripts/check.ts): it reports exactly what
 * the build's loader reports plus its own warnings, for every file or for
 * the files named; its cache never changes a result; its three output
 * formats; and the command line as an editor and an attacker would use it.
 * Every project is written to a temp folder.
 */
import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createHash } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { writeTempProject } from "./helpers.ts";
import { annotation, escapeAnnotationData, escapeAnnotationProperty, formatJson, formatText } from "../src/check/format.ts";
import { parseCheckCommandLine } from "../src/check/command.ts";
import { runCheck, type CheckReport } from "../src/check/run-check.ts";
import { stagedRecord } from "../src/check/staged.ts";
import { buildSite } from "../src/build/build-site.ts";
import { ContentValidationError, type ContentError } from "../src/content/errors.ts";
import { loadContent } from "../src/content/load-content.ts";
import { parseArticle } from "../src/content/parse-article.ts";
import { setLanguage } from "../src/messages/index.ts";
import { CHECK_PRODUCERS, RESERVATION_ONLY } from "../src/check/check-producers.ts";
import { planSite, SITE_PRODUCERS } from "../src/plan/site-outputs.ts";
import { createSiteData } from "../src/site-data.ts";

const REPO = path.resolve(import.meta.dirname, "..");
const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

const project = (files: Record<string, string | Buffer>): string => writeTempProject(files, "check-", roots);

const article = (frontMatter: string, body = "Nội dung bài viết."): string => `---\n${frontMatter.trim()}\n---\n${body}\n`;
const valid = (title: string, date: string, extra = ""): string => article(`title: "${title}"\ndate: ${date}\nprovince: gia-lai\n${extra}`);
const NOW = Date.parse("2026-11-27T03:00:00Z");
const key = (p: ContentError): string => JSON.stringify([p.file, p.line ?? null, p.field ?? null, p.code ?? null, p.message, p.severity ?? "error"]);

/** Articles with one problem of every kind the loader knows, and some notices. */
const BROKEN: Record<string, string | Buffer> = {
  "content/gia-lai/2016-11-29-ok.md": valid("Hợp lệ", "2016-11-29"),
  "content/gia-lai/2016-11-30-province.md": article(`title: A\ndate: 2016-11-30\nprovince: gia-lia`),
  "content/gia-lai/2016-12-01-date.md": article(`title: B\ndate: 01/12/2016\nprovince: gia-lai`),
  "content/gia-lai/2016-12-02-unknown.md": article(`titel: C\ndate: 2016-12-02\nprovince: gia-lai`),
  "content/gia-lai/2016-12-03-yaml.md": article(`title: D: E\ndate: 2016-12-03\nprovince: gia-lai`),
  "content/gia-lai/2016-12-04-unclosed.md": "---\ntitle: F\ndate: 2016-12-04\nprovince: gia-lai\n\nThân bài.\n",
  "content/gia-lai/2016-12-05-image.md": article(`title: G\ndate: 2016-12-05\nprovince: gia-lai\nimage:\n  src: Anh.JPG\n  alt: Ảnh\n  caption: Ảnh`),
  "content/gia-lai/anh.jpg": Buffer.from([0xff, 0xd8, 0xff]),
  "content/gia-lai/2016-12-06-h1.md": article(`title: H\ndate: 2016-12-06\nprovince: gia-lai`, "# Kết quả\n\nSetext\n===\n\n```\n# không phải tiêu đề\n```"),
  "content/gia-lai/2016-12-07-bidi.md": article(`title: "I\u202Ej"\ndate: 2016-12-07\nprovince: gia-lai`),
  "content/gia-lai/2016-12-08-latin1.md": Buffer.from("---\ntitle: Hội\ndate: 2016-12-08\nprovince: gia-lai\n---\n\xE9\n", "latin1"),
  "content/gia-lai/2016-12-09-same.md": valid("Một", "2016-12-09"),
  "content/ha-tinh/2016-12-09-same.md": valid("Hai", "2016-12-09"),
  "content/gia-lai/2016-12-10-alias.md": valid("Ba", "2016-12-10", "aliases: [/gia-lai/2016/ok/]"),
  "content/gia-lai/README.md": "Ghi chú",
  "content/gia-lai/ghi-chu.txt": "x",
};

describe("what the check reports", () => {
  it("parses in validate-only mode exactly as the build parses: same validity, errors, warnings and files named", async () => {
    const sources = [
      valid("Hợp lệ", "2016-11-29", "reviewYear: 2016\nplanYear: 2017"),
      article(`title: H\ndate: 2016-12-06\nprovince: gia-lai`, "# Một\n\nHai\n===\n\n    # mã\n\n```\n# mã\n```\n\n> # trích dẫn\n\n- # trong danh sách"),
      ...Object.values(BROKEN).filter((v): v is string => typeof v === "string"),
      article(`title: A\ndate: 2016-12-06\nprovince: gia-lai\nimage:\n  src: anh.jpg\n  alt: Ảnh`, "![ảnh](x.png)\n\n# Sau ảnh"),
    ];
    for (const source of sources) {
      const full = parseArticle("content/gia-lai/2016-12-06-x.md", source);
      const quick = parseArticle("content/gia-lai/2016-12-06-x.md", source, { validateOnly: true });
      expect(quick.ok).toBe(full.ok);
      expect(quick.warnings).toEqual(full.warnings);
      expect(quick.uses).toEqual(full.uses);
      if (!full.ok && !quick.ok) expect(quick.errors).toEqual(full.errors);
      if (full.ok && quick.ok) {
        expect(quick.article.url).toBe(full.article.url);
        expect(quick.article.body.value).toBe("");
        expect(quick.source?.bodyStart).toBeGreaterThan(1);
      }
    }
  });

  it("reports every error and warning the build's loader reports, no more, no fewer, plus its own warnings", async () => {
    const root = project(BROKEN);
    const load = loadContent({ rootDir: root });
    const report = await runCheck({ rootDir: root, cache: false, now: NOW });
    const fromLoader = [...load.errors, ...load.warnings].map(key).sort();
    const ownCodes = (p: ContentError): boolean => p.code?.startsWith("check.") ?? false;
    expect(report.problems.filter((p) => !ownCodes(p)).map(key).sort()).toEqual(fromLoader);
    expect(fromLoader.length).toBeGreaterThan(10);
    // Every problem can be told apart by its catalogue code (JSON consumers rely on it).
    expect(report.problems.every((p) => typeof p.code === "string" && p.code !== "")).toBe(true);
    expect(report.articleCount).toBe(load.fileCount);
    // One error per real cause: the duplicate URL is reported once, the alias collision once.
    expect(report.problems.filter((p) => p.code === "content.duplicateUrl")).toHaveLength(1);
    expect(report.problems.filter((p) => p.code === "content.aliasOtherArticle")).toHaveLength(1);
  });

  /** The build's errors and warnings for a project (nothing is written: it fails before). */
  async function buildProblems(root: string): Promise<ContentError[]> {
    const error = await buildSite({ outDir: path.join(root, "_site"), rootDir: root }).catch((e: unknown) => e);
    if (!(error instanceof ContentValidationError)) throw new Error(`the build did not fail: ${String(error)}`);
    return [...error.errors, ...error.warnings];
  }
  const notOwn = (p: ContentError): boolean => !(p.code?.startsWith("check.") ?? false);

  it("reports exactly the build's errors and warnings: loader, output plan and people, with broken articles", async () => {
    const root = project({
      ...BROKEN,
      // Output plan: an alias on a page of the site.
      "content/gia-lai/2016-12-11-reserved.md": valid("Bốn", "2016-12-11", "aliases: [/tinh-thanh/]"),
      // People: a name two ids tell apart, then a mention without an id.
      "content/ha-tinh/2016-12-12-a.md": valid("Năm", "2016-12-12", "officials:\n  - name: Lê Văn An\n    id: le-van-an-so\n").replace("gia-lai", "ha-tinh"),
      "content/ha-tinh/2016-12-13-b.md": valid("Sáu", "2016-12-13", "officials:\n  - name: Lê Văn An\n    id: le-van-an-ubnd\n").replace("gia-lai", "ha-tinh"),
      "content/ha-tinh/2016-12-14-c.md": valid("Bảy", "2016-12-14", "officials:\n  - name: Lê Văn An\n").replace("gia-lai", "ha-tinh"),
    });
    const fromBuild = (await buildProblems(root)).map(key).sort();
    const report = await runCheck({ rootDir: root, cache: false, now: NOW });
    expect(report.problems.filter(notOwn).map(key).sort()).toEqual(fromBuild);
    for (const code of ["content.province.unknown", "content.duplicateUrl", "output.reserved", "people.ambiguousName"]) expect(report.problems.map((p) => p.code)).toContain(code);
  });

  it("skips only producers whose files cannot take part in an error: site files inside their own folders, nobody else allowed in", async () => {
    const extra = "officials:\n  - name: Lê Văn An\n    role: Giám đốc\nawards:\n  - title: Lao động tiên tiến\n    recipient: cá nhân\n    count: 11";
    const root = project({
      "content/gia-lai/2016-12-09-mot.md": valid("Một", "2016-12-09", extra),
      "content/ha-tinh/2017-01-05-hai.md": valid("Hai", "2017-01-05", extra).replace("gia-lai", "ha-tinh"),
      // An alias into the skipped folder: refused by the reservation, the same error with or without the files declared.
      "content/gia-lai/2016-12-10-ba.md": valid("Ba", "2016-12-10", "aliases: [/api/v1/articles.json, /api/]"),
    });
    const data = createSiteData(loadContent({ rootDir: root }).articles, { rootDir: root });
    const full = planSite(data, [], SITE_PRODUCERS);
    const checked = planSite(data, [], CHECK_PRODUCERS);
    expect(checked.errors).toEqual(full.errors);
    expect(checked.errors.map((e) => e.code)).toEqual(["output.reserved", "output.reserved"]);
    expect(RESERVATION_ONLY.length).toBeGreaterThan(0);
    for (const producer of RESERVATION_ONLY) {
      const reservations = [...(producer.reserves?.(data) ?? [])];
      expect(reservations.length).toBeGreaterThan(0);
      for (const r of reservations) expect(r.allow ?? []).toEqual([]);
      const inside = (path: string): boolean => reservations.some((r) => (r.path !== undefined && (path.toLowerCase() === r.path.toLowerCase() || path.toLowerCase().startsWith(`${r.path.toLowerCase()}/`))) || (r.pattern?.test(path.toLowerCase()) ?? false));
      const outputs = full.plan.outputs.filter((o) => o.producer === producer.name);
      expect(outputs.length).toBeGreaterThan(0);
      for (const output of outputs) {
        expect(output.source).toBeUndefined();
        expect(inside(output.path), output.path).toBe(true);
      }
      expect(checked.plan.outputs.filter((o) => o.producer === producer.name)).toEqual([]);
    }
  });

  it("reports exactly the build's errors about the published-URL record, and a site with nothing to publish", async () => {
    const record = { entries: [{ code: "abcde", urls: ["/gia-lai/2016/da-xoa/"] }, { code: "bcdef", urls: ["/gia-lai/2016/hop-le/"] }] };
    const root = project({
      "content/gia-lai/2016-11-29-hop-le-moi.md": valid("Hợp lệ", "2016-11-29"),
      "published-urls.json": JSON.stringify(record, null, 2),
    });
    const fromBuild = (await buildProblems(root)).map(key).sort();
    const report = await runCheck({ rootDir: root, cache: false, now: NOW });
    expect(fromBuild.length).toBeGreaterThan(0);
    expect(report.problems.filter(notOwn).map(key).sort()).toEqual(fromBuild);
    expect(report.problems.every((p) => p.file === "published-urls.json" || p.severity === "warning")).toBe(true);

    const drafts = project({ "content/gia-lai/2016-11-29-nhap.md": valid("Nháp", "2016-11-29", "draft: true") });
    const draftReport = await runCheck({ rootDir: drafts, cache: false, now: NOW });
    expect(draftReport.problems.filter(notOwn).map(key).sort()).toEqual((await buildProblems(drafts)).map(key).sort());
    expect(draftReport.problems.map((p) => p.code)).toEqual(["cli.nothingToPublish"]);
  });

  it("reports an image name that differs only by case once: the error with the right name, not also the file as unused", async () => {
    const root = project({
      "content/gia-lai/2016-11-29-a.md": valid("A", "2016-11-29", "image:\n  src: toan-canh.jpg\n  alt: Toàn cảnh\n  caption: Toàn cảnh"),
      "content/gia-lai/Toan-Canh.jpg": Buffer.from([0xff, 0xd8, 0xff, 0xe0]),
      "content/gia-lai/thua.jpg": Buffer.from([0xff, 0xd8, 0xff, 0xe0]),
    });
    const report = await runCheck({ rootDir: root, cache: false, now: NOW });
    expect(report.problems.map((p) => [p.file, p.code])).toEqual([
      ["content/gia-lai/2016-11-29-a.md", "content.imageMissingSuggest"],
      ["content/gia-lai/thua.jpg", "content.notice.unusedImage"],
    ]);
    expect(report.problems[0]?.fix).toContain("Toan-Canh.jpg");
    expect(report.problems[0]?.line).toBe(6);
    expect(report.problems.filter(notOwn).map(key).sort()).toEqual((await buildProblems(root)).map(key).sort());
  });

  it("gives the same report when articles are parsed on worker threads", async () => {
    const many: Record<string, string | Buffer> = { ...BROKEN };
    for (let i = 0; i < 40; i++) many[`content/gia-lai/2016/2016-11-${String((i % 28) + 1).padStart(2, "0")}-bai-${i}.md`] = valid(`Bài ${i % 30}`, `2016-11-${String((i % 28) + 1).padStart(2, "0")}`, `officials:\n  - name: Lê A\n    role: ${i % 7 === 0 ? "Phó Giám đốc" : "Giám đốc"}`);
    // A draft takes part in the role warnings (found on a worker while the site is planned, with threads).
    many["content/gia-lai/2016/2016-12-20-nhap.md"] = valid("Nháp", "2016-12-20", "draft: true\nofficials:\n  - name: Lê A\n    role: Trưởng phòng");
    const root = project(many);
    const serial = await runCheck({ rootDir: root, cache: false, now: NOW, threads: 1 });
    const threaded = await runCheck({ rootDir: root, cache: false, now: NOW, threads: 2, parallelFrom: 1 });
    expect(threaded.problems).toEqual(serial.problems);
    expect(serial.problems.some((p) => p.code === "check.warn.roleChanged")).toBe(true);
    expect(serial.problems.some((p) => p.code === "check.warn.roleChanged" && p.file.endsWith("-nhap.md"))).toBe(true);
    // The cache the threads filled gives the same report again.
    const filled = await runCheck({ rootDir: root, now: NOW, threads: 2, parallelFrom: 1 });
    const again = await runCheck({ rootDir: root, now: NOW, threads: 2, parallelFrom: 1 });
    expect(again.cacheHits).toBe(serial.articleCount);
    expect(again.problems).toEqual(filled.problems);
    expect(again.problems).toEqual(serial.problems);
  });

  it("reports a URL taken twice once, on the later file, as the build does", async () => {
    const root = project({
      "content/gia-lai/2016-12-09-hoi-nghi.md": valid("Một", "2016-12-09"),
      "content/gia-lai/2016/2016-12-10-hoi-nghi.md": valid("Hai", "2016-12-10"),
    });
    const report = await runCheck({ rootDir: root, cache: false, now: NOW });
    expect(report.problems.map((p) => [p.file, p.code])).toEqual([["content/gia-lai/2016/2016-12-10-hoi-nghi.md", "content.duplicateUrl"]]);
    expect(loadContent({ rootDir: root }).errors.map((e) => e.file)).toEqual(["content/gia-lai/2016/2016-12-10-hoi-nghi.md"]);
  });

  it("checks drafts like any article, but leaves them out of the URL cross-checks as the build does", async () => {
    const root = project({
      "content/gia-lai/2016-12-09-hoi-nghi.md": valid("Một", "2016-12-09"),
      "content/gia-lai/nhap/2016-12-10-hoi-nghi.md": valid("Hai", "2016-12-10", "draft: true"),
      "content/gia-lai/2016-12-11-nhap.md": article(`title: Ba\ndate: 2016-12-11\nprovince: gia-lia\ndraft: true`),
    });
    const report = await runCheck({ rootDir: root, cache: false, now: NOW });
    expect(report.problems.map((p) => p.code)).toEqual(["content.province.unknown"]);
  });
});

describe("role warnings and drafts", () => {
  it("warns about a role changed in a draft as in a published article (the people pages leave drafts out, the warning does not)", async () => {
    const role = (r: string): string => `officials:\n  - name: Lê A\n    role: ${r}`;
    const files = {
      "content/gia-lai/2016-11-01-a.md": valid("Một", "2016-11-01", role("Giám đốc")),
      "content/gia-lai/2016-11-02-b.md": valid("Hai", "2016-11-02", role("Phó Giám đốc")),
      "content/gia-lai/2016-11-03-c.md": valid("Ba", "2016-11-03", role("Giám đốc")),
    };
    const roles = async (project_: Record<string, string>): Promise<string[]> =>
      (await runCheck({ rootDir: project(project_), cache: false, now: NOW })).problems.filter((p) => p.code === "check.warn.roleChanged").map((p) => p.file);
    expect(await roles(files)).toEqual(["content/gia-lai/2016-11-02-b.md"]);
    const drafted = { ...files, "content/gia-lai/2016-11-02-b.md": valid("Hai", "2016-11-02", `draft: true\n${role("Phó Giám đốc")}`) };
    expect(await roles(drafted)).toEqual(["content/gia-lai/2016-11-02-b.md"]);
  });
});

describe("checking some files", () => {
  const files = {
    "content/gia-lai/2016-12-09-hoi-nghi.md": valid("Một", "2016-12-09"),
    "content/gia-lai/2016/2016-12-10-hoi-nghi.md": valid("Hai", "2016-12-10"),
    "content/gia-lai/2016-12-11-loi.md": article(`title: Ba\ndate: 2016-12-11\nprovince: gia-lia`),
    "content/gia-lai/2016-12-12-vai-tro.md": valid("Bốn", "2016-12-12", "officials:\n  - name: Lê A\n    role: Giám đốc"),
    "content/gia-lai/2016-12-13-vai-tro-moi.md": valid("Năm", "2016-12-13", "officials:\n  - name: Lê A\n    role: Phó Giám đốc"),
  };

  it("reports a URL collision on the named file, whichever side of the pair it is", async () => {
    const root = project(files);
    const earlier = await runCheck({ rootDir: root, cache: false, now: NOW, files: ["content/gia-lai/2016-12-09-hoi-nghi.md"] });
    expect(earlier.problems.map((p) => [p.file, p.code])).toEqual([["content/gia-lai/2016-12-09-hoi-nghi.md", "content.duplicateUrl"]]);
    expect(earlier.problems[0]?.message).toContain("content/gia-lai/2016/2016-12-10-hoi-nghi.md");
    const later = await runCheck({ rootDir: root, cache: false, now: NOW, files: ["content/gia-lai/2016/2016-12-10-hoi-nghi.md"] });
    expect(later.problems.map((p) => [p.file, p.code])).toEqual([["content/gia-lai/2016/2016-12-10-hoi-nghi.md", "content.duplicateUrl"]]);
  });

  it("leaves out other files' problems but counts their errors, and keeps warnings that name the file", async () => {
    const root = project(files);
    const report = await runCheck({ rootDir: root, cache: false, now: NOW, files: ["content/gia-lai/2016-12-12-vai-tro.md"] });
    // The later article contradicts the named one's role: shown, since the named file is part of it.
    expect(report.problems.map((p) => [p.file, p.code])).toEqual([["content/gia-lai/2016-12-13-vai-tro-moi.md", "check.warn.roleChanged"]]);
    expect(report.otherErrors).toBe(2);
    expect(report.articleCount).toBe(5);
  });

  it("takes part only the articles that exist in the commit (staged mode)", async () => {
    const root = project(files);
    const articles = new Set(["content/gia-lai/2016-12-09-hoi-nghi.md", "content/gia-lai/2016-12-12-vai-tro.md"]);
    const report = await runCheck({ rootDir: root, cache: false, now: NOW, files: ["content/gia-lai/2016-12-09-hoi-nghi.md"], articles });
    expect(report.problems).toEqual([]);
    expect(report.articleCount).toBe(2);
  });

  it("reads the published-URL record of the commit (git's index), not the file on disk (staged mode)", async () => {
    const broken = JSON.stringify({ entries: [{ code: "abcde", urls: ["/gia-lai/2016/da-xoa/"] }] }, null, 2);
    const root = project({ "content/gia-lai/2016-12-09-hoi-nghi.md": valid("Một", "2016-12-09"), "published-urls.json": broken });
    const git = (...args: string[]): string => {
      const result = spawnSync("git", ["-c", "user.name=T", "-c", "user.email=t@example.org", ...args], { cwd: root, encoding: "utf8" });
      if (result.status !== 0) throw new Error(result.stderr);
      return result.stdout;
    };
    const staged = async (): Promise<string[]> => {
      const record = stagedRecord(root);
      expect(record).toBeDefined();
      const report = await runCheck({ rootDir: root, cache: false, now: NOW, files: ["content/gia-lai/2016-12-09-hoi-nghi.md"], ...(record ? { record } : {}) });
      return report.problems.map((p) => `${p.file} ${p.code}`);
    };
    git("init", "-q");
    git("add", "-A");
    // Staged with an error, fixed on disk only: the commit would carry the error.
    writeFileSync(path.join(root, "published-urls.json"), JSON.stringify({ entries: [] }));
    const onDisk = await runCheck({ rootDir: root, cache: false, now: NOW, files: ["content/gia-lai/2016-12-09-hoi-nghi.md"] });
    expect(onDisk.problems).toEqual([]);
    expect((await staged()).some((p) => p.startsWith("published-urls.json "))).toBe(true);
    // Fixed and staged: no error, whatever the disk says.
    git("add", "published-urls.json");
    writeFileSync(path.join(root, "published-urls.json"), "{not json");
    expect(await staged()).toEqual([]);
    // Not in the index: an empty record, as an absent file is.
    git("rm", "-q", "-f", "--cached", "published-urls.json");
    expect(await staged()).toEqual([]);
    // Staged as a link, or not UTF-8: the same errors the build gives for such a file.
    rmSync(path.join(root, "published-urls.json"));
    symlinkSync("/etc/passwd", path.join(root, "published-urls.json"));
    git("add", "published-urls.json");
    expect(await staged()).toEqual(["published-urls.json ledger.symlink"]);
    rmSync(path.join(root, "published-urls.json"));
    writeFileSync(path.join(root, "published-urls.json"), Buffer.from([0x7b, 0xff, 0x7d]));
    git("add", "published-urls.json");
    expect(await staged()).toEqual(["published-urls.json ledger.notUtf8"]);
  });
});

describe("the check's cache", () => {
  it("gives the same report from the cache, and parses again only what changed", async () => {
    const root = project(BROKEN);
    const first = await runCheck({ rootDir: root, now: NOW });
    expect(first.cacheHits).toBe(0);
    expect(existsSync(path.join(root, ".cache/check/results.json"))).toBe(true);
    const second = await runCheck({ rootDir: root, now: NOW });
    expect(second.cacheHits).toBe(first.articleCount);
    expect(second.problems).toEqual(first.problems);
    writeFileSync(path.join(root, "content/gia-lai/2016-11-29-ok.md"), valid("Hợp lệ", "2016-11-29", "province2: x"));
    const third = await runCheck({ rootDir: root, now: NOW });
    expect(third.cacheHits).toBe(first.articleCount - 1);
    expect(third.problems.some((p) => p.file === "content/gia-lai/2016-11-29-ok.md" && p.code === "content.unknownField")).toBe(true);
  });

  it("keeps the lines of warned fields, so a warning repeated from the cache has its line without a second parse", async () => {
    const role = (r: string): string => `officials:\n  - name: Lê A\n    role: Giám đốc\n  - name: Trần B\n    role: ${r}`;
    const root = project({
      "content/gia-lai/2016-11-01-a.md": valid("Hội nghị", "2016-11-01", role("Trưởng phòng")),
      "content/gia-lai/2016-11-02-b.md": valid("Hội nghị", "2016-11-02", role("Phó phòng")),
      "content/gia-lai/2026-12-03-c.md": valid("Ba", "2026-12-03"),
    });
    const fresh = await runCheck({ rootDir: root, cache: false, now: NOW });
    const placed = fresh.problems.filter((p) => p.code === "check.warn.roleChanged" || p.code === "check.warn.duplicateTitle" || p.code === "check.warn.futureDate");
    expect(placed.map((p) => [p.code, p.line])).toEqual([
      ["check.warn.duplicateTitle", 2],
      ["check.warn.duplicateTitle", 2],
      ["check.warn.roleChanged", 9],
      ["check.warn.futureDate", 3],
    ]);
    await runCheck({ rootDir: root, now: NOW });
    const kept = JSON.parse(readFileSync(path.join(root, ".cache/check/results.json"), "utf8")) as { entries: Record<string, { outcome: { lines?: Record<string, number> } }> };
    // The fast path keeps the lines of every field a rule across articles may warn at (title, date, roles).
    expect(kept.entries["content/gia-lai/2016-11-02-b.md"]?.outcome.lines).toMatchObject({ title: 2, "officials.1.role": 9 });
    // Lines kept by the run before are used: the same report, and (a forged line shows it) not looked up again.
    const entry = kept.entries["content/gia-lai/2016-11-02-b.md"];
    if (entry?.outcome.lines) entry.outcome.lines["officials.1.role"] = 7;
    writeFileSync(path.join(root, ".cache/check/results.json"), JSON.stringify(kept));
    const cached = await runCheck({ rootDir: root, now: NOW });
    expect(cached.cacheHits).toBe(3);
    expect(cached.problems.find((p) => p.code === "check.warn.roleChanged")?.line).toBe(7);
    expect(cached.problems.map((p) => p.code)).toEqual(fresh.problems.map((p) => p.code));
  });

  it("keeps what it finds across articles until a fact, the record or an error changes it; an edit to the text keeps it", async () => {
    const role = (r: string): string => `officials:\n  - name: Lê A\n    role: ${r}`;
    const record = { entries: [{ code: "abcde", urls: ["/gia-lai/2016/da-xoa/"] }] };
    const root = project({
      "content/gia-lai/2016-11-01-a.md": valid("Một", "2016-11-01", role("Giám đốc")),
      "content/gia-lai/2016-11-02-b.md": valid("Hai", "2016-11-02", role("Phó Giám đốc")),
      "published-urls.json": JSON.stringify(record),
    });
    const fresh = async (): Promise<string[]> => (await runCheck({ rootDir: root, cache: false, now: NOW })).problems.map(key);
    const first = await runCheck({ rootDir: root, now: NOW });
    expect(first.problems.map(key)).toEqual(await fresh());
    expect(first.problems.map((p) => p.code)).toContain("check.warn.roleChanged");
    expect(first.problems.some((p) => p.file === "published-urls.json")).toBe(true);
    // A marker in the kept site outcome shows when it is used.
    const cacheFile = path.join(root, ".cache/check/results.json");
    const mark = (): void => {
      const kept = JSON.parse(readFileSync(cacheFile, "utf8")) as { site: { outcome: { errors: object[] } } };
      kept.site.outcome.errors.push({ file: "content/", message: "marker" });
      writeFileSync(cacheFile, JSON.stringify(kept));
    };
    const marked = (report: CheckReport): boolean => report.problems.some((p) => p.message === "marker");
    mark();
    writeFileSync(path.join(root, "content/gia-lai/2016-11-02-b.md"), valid("Hai", "2016-11-02", role("Phó Giám đốc")).replace("Nội dung", "Nội dung mới"));
    const textEdited = await runCheck({ rootDir: root, now: NOW });
    expect(textEdited.cacheHits).toBe(1);
    expect(marked(textEdited)).toBe(true);
    // A fact changes: done again, the same as without a cache.
    mark();
    writeFileSync(path.join(root, "content/gia-lai/2016-11-02-b.md"), valid("Hai", "2016-11-02", role("Giám đốc")));
    const factEdited = await runCheck({ rootDir: root, now: NOW });
    expect(marked(factEdited)).toBe(false);
    expect(factEdited.problems.map(key)).toEqual(await fresh());
    expect(factEdited.problems.map((p) => p.code)).not.toContain("check.warn.roleChanged");
    // The record changes: done again.
    mark();
    writeFileSync(path.join(root, "published-urls.json"), JSON.stringify({ entries: [] }));
    const recordEdited = await runCheck({ rootDir: root, now: NOW });
    expect(marked(recordEdited)).toBe(false);
    expect(recordEdited.problems.map(key)).toEqual(await fresh());
    // An article breaks (its error holds back the record's): done again.
    mark();
    writeFileSync(path.join(root, "published-urls.json"), JSON.stringify(record));
    writeFileSync(path.join(root, "content/gia-lai/2016-11-01-a.md"), article(`title: A\ndate: 2016-11-01\nprovince: gia-lia`));
    const broken = await runCheck({ rootDir: root, now: NOW });
    expect(marked(broken)).toBe(false);
    expect(broken.problems.map(key)).toEqual(await fresh());
    expect(broken.problems.some((p) => p.file === "published-urls.json")).toBe(false);
  });

  it("recognises an unchanged article by its file times, and a rewritten one even with the same size and modification time", async () => {
    const root = project({ "content/gia-lai/2016-11-29-a.md": article(`title: A\ndate: 2016-11-29\nprovince: gia-lai`), "content/gia-lai/2016-11-30-b.md": valid("B", "2016-11-30") });
    const file = path.join(root, "content/gia-lai/2016-11-29-a.md");
    // Times are kept only for files written at least 2 s before a run.
    await new Promise((resolve) => setTimeout(resolve, 2100));
    await runCheck({ rootDir: root, now: NOW });
    const kept = JSON.parse(readFileSync(path.join(root, ".cache/check/results.json"), "utf8")) as { entries: Record<string, { stat?: string }> };
    expect(Object.values(kept.entries).every((e) => typeof e.stat === "string")).toBe(true);
    expect((await runCheck({ rootDir: root, now: NOW })).cacheHits).toBe(2);
    // Same length, same modification time, different province: the change time gives it away.
    const before = statSync(file);
    writeFileSync(file, article(`title: A\ndate: 2016-11-29\nprovince: gia-lia`));
    utimesSync(file, before.atime, before.mtime);
    expect(statSync(file).size).toBe(before.size);
    const after = await runCheck({ rootDir: root, now: NOW });
    expect(after.cacheHits).toBe(1);
    expect(after.problems.map((p) => p.code)).toEqual(["content.province.unknown"]);
  });

  it("checks the named image every time: one that appears or goes is seen even when the article is cached", async () => {
    const root = project({ "content/gia-lai/2016-11-29-a.md": valid("A", "2016-11-29", "image:\n  src: anh.jpg\n  alt: Ảnh\n  caption: Ảnh") });
    expect((await runCheck({ rootDir: root, now: NOW })).problems.map((p) => p.code)).toEqual(["content.imageMissing"]);
    writeFileSync(path.join(root, "content/gia-lai/anh.jpg"), Buffer.from([0xff, 0xd8]));
    const after = await runCheck({ rootDir: root, now: NOW });
    expect(after.cacheHits).toBe(1);
    expect(after.problems).toEqual([]);
    rmSync(path.join(root, "content/gia-lai/anh.jpg"));
    expect((await runCheck({ rootDir: root, now: NOW })).problems.map((p) => p.code)).toEqual(["content.imageMissing"]);
  });

  it("is keyed on the language: English after Vietnamese is parsed again, in English", async () => {
    const root = project({ "content/gia-lai/2016-11-29-a.md": article(`title: A\ndate: 2016-11-29\nprovince: gia-lia`) });
    setLanguage("vi");
    try {
      expect((await runCheck({ rootDir: root, now: NOW })).problems[0]?.message).toContain("không phải mã tỉnh");
    } finally {
      setLanguage("en");
    }
    const english = await runCheck({ rootDir: root, now: NOW });
    expect(english.cacheHits).toBe(0);
    expect(english.problems[0]?.message).toContain("not a known province id");
  });

  it("ignores a damaged or forged cache, never crashing and never hiding an error", async () => {
    const root = project({ "content/gia-lai/2016-11-29-a.md": article(`title: A\ndate: 2016-11-29\nprovince: gia-lia`) });
    const expected = (await runCheck({ rootDir: root, cache: false, now: NOW })).problems;
    const cacheFile = path.join(root, ".cache/check/results.json");
    await runCheck({ rootDir: root, now: NOW });
    const good = JSON.parse(readFileSync(cacheFile, "utf8")) as { entries: Record<string, { hash: string; outcome: Record<string, unknown> }> };
    const entry = good.entries["content/gia-lai/2016-11-29-a.md"];
    if (!entry) throw new Error("no cache entry");
    const forgeries = [
      "{not json",
      JSON.stringify({ ...good, entries: { "content/gia-lai/2016-11-29-a.md": { ...entry, outcome: { errors: [], warnings: [], uses: [] } } } }),
      JSON.stringify({ ...good, entries: { "content/gia-lai/2016-11-29-a.md": { ...entry, outcome: { errors: [{ file: "content/other.md", message: "x" }], warnings: [], uses: [] } } } }),
      JSON.stringify({ ...good, entries: { "content/gia-lai/2016-11-29-a.md": { ...entry, outcome: { ...entry.outcome, uses: [{ path: "/etc/passwd", field: "image.src", value: "x" }] } } } }),
      JSON.stringify({ ...good, entries: { __proto__: { polluted: true } } }),
      JSON.stringify({ ...good, key: "other" }),
    ];
    for (const forged of forgeries) {
      writeFileSync(cacheFile, forged);
      expect((await runCheck({ rootDir: root, now: NOW })).problems).toEqual(expected);
    }
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
  });

  it("starts again without the cache when a valid article's kept facts do not read back", async () => {
    const root = project({
      "content/gia-lai/2016-11-29-a.md": valid("A", "2016-11-29", "officials:\n  - name: Lê A\n    role: Giám đốc"),
      "content/gia-lai/2016-11-30-b.md": valid("B", "2016-11-30", "aliases: [/gia-lai/2016/a/]\nofficials:\n  - name: Lê A\n    role: Phó Giám đốc"),
    });
    const expected = (await runCheck({ rootDir: root, cache: false, now: NOW })).problems;
    expect(expected.map((p) => p.code).sort()).toEqual(["check.warn.roleChanged", "content.aliasOtherArticle"]);
    const cacheFile = path.join(root, ".cache/check/results.json");
    const factsFile = path.join(root, ".cache/check/facts.json");
    await runCheck({ rootDir: root, now: NOW });
    const kept = JSON.parse(readFileSync(cacheFile, "utf8")) as { site?: unknown; entries: Record<string, { outcome: { facts: { digest: string; summary: Record<string, unknown> } } }> };
    const keptFacts = JSON.parse(readFileSync(factsFile, "utf8")) as { facts: Record<string, string> };
    const entry = kept.entries["content/gia-lai/2016-11-30-b.md"];
    if (!entry) throw new Error("no cache entry");
    expect(keptFacts.facts["content/gia-lai/2016-11-30-b.md"]).toBeTypeOf("string");
    const digest = entry.outcome.facts.digest;
    // Facts that are not JSON, or of another shape, with the build's site phase to run again (no kept site outcome; the quick one reads no facts):
    // with the digest they were kept under (they do not match it), and with a digest forged to match them.
    for (const json of ["{not json", JSON.stringify({ sourcePath: "content/gia-lai/2016-11-30-b.md" }), "null"]) {
      for (const forgedDigest of [digest, createHash("sha256").update(json).digest("hex")]) {
        entry.outcome.facts.digest = forgedDigest;
        delete kept.site;
        writeFileSync(cacheFile, JSON.stringify(kept));
        writeFileSync(factsFile, JSON.stringify({ ...keptFacts, facts: { ...keptFacts.facts, "content/gia-lai/2016-11-30-b.md": json } }));
        expect((await runCheck({ rootDir: root, now: NOW, buildSitePhase: true })).problems).toEqual(expected);
        // The cache written by that run is sound again.
        expect((await runCheck({ rootDir: root, now: NOW, buildSitePhase: true })).problems).toEqual(expected);
      }
    }
    // The facts file gone (or of another run), with the site phase to run again.
    entry.outcome.facts.digest = digest;
    delete kept.site;
    writeFileSync(cacheFile, JSON.stringify(kept));
    rmSync(factsFile);
    expect((await runCheck({ rootDir: root, now: NOW, buildSitePhase: true })).problems).toEqual(expected);
    expect(existsSync(factsFile)).toBe(true);
    // A summary that does not belong to the file is a miss for that file.
    entry.outcome.facts.summary = { ...entry.outcome.facts.summary, sourcePath: "content/gia-lai/2016-11-29-a.md" };
    writeFileSync(cacheFile, JSON.stringify(kept));
    const report = await runCheck({ rootDir: root, now: NOW });
    expect(report.problems).toEqual(expected);
    expect(report.cacheHits).toBe(1);
    // An edit to one article's text keeps the facts file as it was (it holds the same facts).
    const factsBefore = statSync(factsFile).mtimeMs;
    const b = path.join(root, "content/gia-lai/2016-11-30-b.md");
    writeFileSync(b, readFileSync(b, "utf8").replace("Nội dung", "Nội dung mới"));
    const afterEdit = await runCheck({ rootDir: root, now: NOW });
    expect(afterEdit.problems).toEqual(expected);
    expect(afterEdit.cacheHits).toBe(1);
    expect(statSync(factsFile).mtimeMs).toBe(factsBefore);
  });

  it("neither reads nor writes through a linked cache folder", async () => {
    const outside = mkdtempSync(path.join(os.tmpdir(), "check-outside-"));
    roots.push(outside);
    const root = project({ "content/gia-lai/2016-11-29-a.md": valid("A", "2016-11-29") });
    symlinkSync(outside, path.join(root, ".cache"));
    expect((await runCheck({ rootDir: root, now: NOW })).problems).toEqual([]);
    expect(readdirSync(outside)).toEqual([]);
  });
});

describe("output formats", () => {
  const report = (problems: ContentError[]): CheckReport => ({ problems, articleCount: 3, otherErrors: 0, cacheHits: 0 });
  const error: ContentError = { code: "content.province.unknown", file: "content/gia-lai/a.md", line: 4, field: "province", value: '"gia-lia"', message: "is not a known province id", expected: "a province id", fix: 'did you mean "gia-lai"?' };
  const warning: ContentError = { code: "check.warn.imageCaption", severity: "warning", file: "content/gia-lai/a.md", line: 9, field: "image.caption", message: "the photo has no caption" };

  it("escapes annotation text as GitHub requires: % CR LF everywhere, and : , in properties", async () => {
    expect(escapeAnnotationData("50% a\r\nb")).toBe("50%25 a%0D%0Ab");
    expect(escapeAnnotationProperty("a:b,c%d\ne")).toBe("a%3Ab%2Cc%25d%0Ae");
    expect(annotation(error)).toBe('::error file=content/gia-lai/a.md,line=4,title=Content error%3A province::is not a known province id (got "gia-lia")%0Aexpected: a province id%0Afix: did you mean "gia-lai"?');
    expect(annotation(warning)).toBe("::warning file=content/gia-lai/a.md,line=9,title=Warning%3A image.caption::the photo has no caption");
  });

  it("keeps a hostile file name inside its annotation: no new command, no terminal escapes", async () => {
    const hostile: ContentError = { ...error, file: "content/x,line=1::\n::error file=evil.md::forged%0A\u001b[31m.md", field: "a:b,c", message: "m\n::warning::forged" };
    const line = annotation(hostile);
    expect(line.split("\n")).toHaveLength(1);
    expect(line).not.toContain("\u001b");
    // The properties end at the first "::": everything the editor wrote in them is escaped.
    const properties = /^::error (.*?)::/.exec(line)?.[1];
    expect(properties).toBe("file=content/x%2Cline=1%3A%3A\\u000a%3A%3Aerror file=evil.md%3A%3Aforged%250A\\u001b[31m.md,line=4,title=Content error%3A a%3Ab%2Cc");
    expect(line.endsWith("::m\\u000a::warning::forged (got \"gia-lia\")%0Aexpected: a province id%0Afix: did you mean \"gia-lai\"?")).toBe(true);
  });

  it("prints JSON with stable fields, null when absent, that parses back", async () => {
    const parsed = JSON.parse(formatJson(report([error, warning]))) as Record<string, unknown>[];
    expect(parsed).toHaveLength(2);
    for (const item of parsed) expect(Object.keys(item)).toEqual(["severity", "code", "file", "line", "field", "value", "message", "expected", "fix"]);
    expect(parsed[1]).toMatchObject({ severity: "warning", code: "check.warn.imageCaption", value: null, expected: null, fix: null });
    expect(formatJson(report([]))).toBe("[]\n");
  });

  it("prints text as the build does, errors then warnings labelled as such, then a summary", async () => {
    const text = formatText(report([error, warning]));
    expect(text).toContain('content/gia-lai/a.md:4: province: is not a known province id (got "gia-lia")');
    expect(text).toContain("content/gia-lai/a.md:9: warning: image.caption: the photo has no caption");
    expect(text.indexOf("1 error in 1 file")).toBeLessThan(text.indexOf("1 warning in 1 file"));
    expect(text.trim().endsWith("Content with errors cannot be published: fix the errors above.")).toBe(true);
  });
});

describe("the command line", () => {
  it("parses options, file names and --help; refuses unknown options and bad values with exit code 2", async () => {
    const ok = parseCheckCommandLine(["--format", "github", "--no-cache", "--lang", "en", "content/a.md"], "/p");
    expect(ok).toMatchObject({ ok: true, lang: "en", command: { format: "github", cache: false, staged: false, rootDir: "/p", files: ["content/a.md"] } });
    expect(parseCheckCommandLine(["--help"], "/p", {})).toMatchObject({ ok: false, exitCode: 0, lang: "vi" });
    const bad = parseCheckCommandLine(["--fromat", "json", "--format=xml", "-x", "--staged", "a.md", "--root"], "/p", { LANG: "en_US.UTF-8" });
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toContain("unknown option --fromat — did you mean --format?");
    expect(bad.stderr).toContain('--format does not accept "xml": choose one of text, github, json');
    expect(bad.stderr).toContain("unknown option -x");
    expect(bad.stderr).toContain("option --root needs a value");
    expect(bad.stderr).toContain("Usage: npm run check");
    const both = parseCheckCommandLine(["--staged", "a.md"], "/p", { LANG: "en_US.UTF-8" });
    expect(both).toMatchObject({ ok: false, exitCode: 2, stdout: "" });
    expect(both.ok ? "" : both.stderr).toMatch(/^error: --staged takes the files from git[^\n]*\n\nUsage: npm run check/);
  });
});

/** Runs `npm run check` as package.json does (the bundled command), in `cwd`. */
function runCli(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [path.join(REPO, "scripts/run-bundled.mjs"), "scripts/check.ts", ...args], {
    cwd: options.cwd ?? REPO,
    encoding: "utf8",
    env: { ...process.env, LANG: "C.UTF-8", LC_ALL: "", LC_MESSAGES: "", ...options.env },
    timeout: 120_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("npm run check", () => {
  it("exits 1 on errors with every problem listed in Vietnamese, 0 with warnings only, 2 for a wrong option", async () => {
    const root = project(BROKEN);
    const failed = runCli(["--root", root]);
    expect(failed.status).toBe(1);
    expect(failed.stdout).toContain('content/gia-lai/2016-11-30-province.md:4: province: không phải mã tỉnh, thành phố nào (đang ghi "gia-lia")');
    expect(failed.stdout).toContain("cảnh báo");
    expect(failed.stdout).toMatch(/Đã kiểm tra 13 bài viết: \d+ lỗi/);
    expect(failed.stderr).toBe("");

    const warned = project({ "content/gia-lai/2016-11-29-a.md": valid("A", "2016-11-29", "image:\n  src: https://example.org/a.jpg\n  alt: Ảnh") });
    const ok = runCli(["--root", warned, "--lang", "en"]);
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain("content/gia-lai/2016-11-29-a.md:5: warning: image.caption:");
    expect(ok.stdout).toContain("Checked 1 article: no errors, 1 warning");

    const usage = runCli(["--root", warned, "--frmat", "json"]);
    expect(usage.status).toBe(2);
    expect(usage.stdout).toBe("");
    expect(usage.stderr).toContain("không có tùy chọn --frmat");
    expect(usage.stderr).toContain("Cách dùng: npm run check");
    expect(usage.stderr).not.toMatch(/\n\s+at /);
  });

  it("prints only JSON with --format json, and annotations with --format github", async () => {
    const root = project(BROKEN);
    const json = runCli(["--root", root, "--format", "json", "--lang", "en"]);
    expect(json.status).toBe(1);
    const problems = JSON.parse(json.stdout) as { severity: string; code: string; file: string }[];
    expect(problems.some((p) => p.severity === "error" && p.code === "content.province.unknown" && p.file === "content/gia-lai/2016-11-30-province.md")).toBe(true);
    const github = runCli(["--root", root, "--format", "github", "--lang", "en"]);
    const lines = github.stdout.trim().split("\n");
    expect(lines.filter((l) => l.startsWith("::error file=")).length).toBe(problems.filter((p) => p.severity === "error").length);
    expect(lines.filter((l) => l.startsWith("::warning file=")).length).toBe(problems.filter((p) => p.severity === "warning").length);
  });

  it("checks only the files named, relative to where it runs, and refuses names outside content/", async () => {
    const root = project(BROKEN);
    const named = runCli(["content/gia-lai/2016-11-29-ok.md", "content/gia-lai/2016-11-30-province.md", "--lang", "en"], { cwd: root });
    expect(named.status).toBe(1);
    expect(named.stdout).toContain("2016-11-30-province.md:4: province");
    expect(named.stdout).not.toContain("2016-12-01-date.md");
    expect(named.stdout).toContain("reporting on the 2 files named only");
    expect(named.stdout).toMatch(/Note: other files have \d+ errors/);
    const outside = runCli(["package.json", "--lang", "en"], { cwd: root });
    expect(outside.status).toBe(2);
    expect(outside.stdout).toContain("package.json: package.json is not an article in the content/ folder");
  });

  it("says so when the project has no content folder or no article", async () => {
    const empty = project({ "README.md": "x" });
    const missing = runCli(["--root", empty, "--lang", "en"]);
    expect(missing.status).toBe(1);
    expect(missing.stdout).toContain("has no content/ folder");
    const none = project({ "content/gia-lai/README.md": "x" });
    const noArticles = runCli(["--root", none, "--lang", "en"]);
    expect(noArticles.status).toBe(1);
    expect(noArticles.stdout).toContain("holds no article");
  });

  it("reports a hostile file name escaped in every format, and a huge file as too large", async () => {
    const name = "content/gia-lai/2016-11-29-a\u001b[2J,b:c%0A\n::error::x.md";
    const root = project({
      [name]: article(`title: A\ndate: 2016-11-29\nprovince: gia-lia`),
      "content/gia-lai/2016-11-30-lon.md": `---\ntitle: B\ndate: 2016-11-30\nprovince: gia-lai\n---\n${"Nội dung dài. ".repeat(100_000)}`,
    });
    chmodSync(root, 0o755);
    const text = runCli(["--root", root, "--lang", "en"]);
    expect(text.stdout).not.toContain("\u001b");
    expect(text.stdout).toContain("\\u001b[2J,b:c%0A\\u000a::error::x.md:4: province");
    expect(text.stdout).toMatch(/2016-11-30-lon\.md.*(1\.0 MiB|too large|larger)/);
    const github = runCli(["--root", root, "--format", "github", "--lang", "en"]);
    for (const line of github.stdout.trim().split("\n")) expect(line.startsWith("::error ") || line.startsWith("::warning ") || line.startsWith("Checked ")).toBe(true);
    expect(github.stdout).not.toContain("\u001b");
    const json = runCli(["--root", root, "--format", "json", "--lang", "en"]);
    const problems = JSON.parse(json.stdout) as { file: string }[];
    expect(problems.map((p) => p.file)).toContain(name);
  });
});

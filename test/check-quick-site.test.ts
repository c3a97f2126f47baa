/**
 * The check's quick site phase (src/check/quick-site.ts) against the
 * build's: the same errors and role warnings, and the rule it rests on —
 * whatever a full site generates lies where a site with no articles already
 * claims or reserves — held for every producer of the build.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { writeTempProject } from "./helpers.ts";
import { generateArticles } from "../scripts/generate-articles.ts";
import type { ContentError } from "../src/content/errors.ts";
import { scanContent } from "../src/content/content-files.ts";
import { loadContent } from "../src/content/load-content.ts";
import { factsOf, type ArticleFacts, type ArticleSummary } from "../src/check/facts.ts";
import { parseOutcome } from "../src/check/parse-outcome.ts";
import { quickRoleWarnings, quickSiteOutcome } from "../src/check/quick-site.ts";
import { roleWarningsOf } from "../src/check/roles.ts";
import { runCheck } from "../src/check/run-check.ts";
import type { PendingWarning } from "../src/check/site-rules.ts";
import { EMPTY_LEDGER } from "../src/links/ledger.ts";
import type { Reservation } from "../src/plan/output-plan.ts";
import { planSite, SITE_PRODUCERS } from "../src/plan/site-outputs.ts";
import { createSiteData, type SiteData } from "../src/site-data.ts";
import { writeFactsSite } from "./facts-fixture.ts";

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

const project = (files: Record<string, string | Buffer>): string => writeTempProject(files, "check-quick-", roots);

const NOW = Date.parse("2026-11-27T03:00:00Z");
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0]);
const article = (frontMatter: string, body = "Nội dung bài viết."): string => `---\n${frontMatter.trim()}\n---\n${body}\n`;
const valid = (title: string, date: string, extra = "", province = "gia-lai"): string => article(`title: "${title}"\ndate: ${date}\nprovince: ${province}\n${extra}`);
const aliases = (...urls: string[]): string => `aliases:\n${urls.map((u) => `  - ${u}`).join("\n")}`;

/** Published articles whose claims meet in every way the output plan knows. */
const CLAIMS: Record<string, string | Buffer> = {
  // Two pictures whose names differ in case only: one address on a Mac.
  "content/gia-lai/2016-11-29-a.md": article('title: "A"\ndate: 2016-11-29\nprovince: gia-lai\nimage:\n  src: Anh.jpg\n  alt: Ảnh\n  caption: Ảnh\ntags: [Chuyển đổi số]', "![Ảnh](anh.jpg)"),
  "content/gia-lai/Anh.jpg": JPEG,
  "content/gia-lai/anh.jpg": JPEG,
  // An alias equal to another article's URL (the cross-check's), and one differing from it in case only (the plan's).
  "content/gia-lai/2016-11-30-b.md": valid("B", "2016-11-30", aliases("/gia-lai/2016/a/", "/Gia-Lai/2016/A/")),
  // Aliases on a page of the site, on a reserved file and folder, on a picture, and a file standing where a folder is needed.
  "content/gia-lai/2016-12-01-c.md": valid("C", "2016-12-01", aliases("/gia-lai/", "/feed.xml", "/chu-de/chuyen-doi-so/", "/sitemap-2.xml", "/gia-lai/2016/a/anh.jpg", "/old.html", "/tinh-thanh")),
  "content/gia-lai/2016-12-02-d.md": valid("D", "2016-12-02", aliases("/old.html/x/", "/tin-tuc/1/", "/Tin-Tuc/2/")),
  // The same alias twice (the cross-check's), and one differing in case only from another article's.
  "content/ha-tinh/2016-12-03-e.md": valid("E", "2016-12-03", `${aliases("/tin-tuc/1/", "/tin-tuc/2/")}\nofficials:\n  - name: Lê Văn An\n    role: Giám đốc\nawards:\n  - title: Lao động tiên tiến\n    recipient: cá nhân\n    count: 3`, "ha-tinh"),
  // Plain articles, one in a former unit, and a draft whose alias would collide (drafts are not published).
  "content/thua-thien-hue/2007-05-01-f.md": valid("F", "2007-05-01", "", "thua-thien-hue"),
  "content/gia-lai/2017-01-05-g.md": valid("G", "2017-01-05", "officials:\n  - name: Ông Lê Văn An\n    role: Phó Giám đốc"),
  "content/gia-lai/2017-01-06-nhap.md": valid("Nháp", "2017-01-06", `draft: true\n${aliases("/gia-lai/")}`),
};

/** The summaries of the valid articles of a project, as the check keeps them. */
function summaries(root: string): ArticleSummary[] {
  const out: ArticleSummary[] = [];
  for (const file of scanContent(root, "content").articles) {
    const { outcome } = parseOutcome(file, readFileSync(path.join(root, file)));
    if (outcome.errors.length === 0 && outcome.facts) out.push(outcome.facts.summary);
  }
  return out;
}

const pendingKey = (w: PendingWarning): string => JSON.stringify([w.problem, w.path, w.related]);
const problemKey = (p: ContentError): string => JSON.stringify(p);

describe("the quick site phase", () => {
  it("finds exactly the build's site-phase errors where claims meet: aliases on pages, pictures, reserved paths and folders, case-only differences", async () => {
    const root = project(CLAIMS);
    const all = summaries(root);
    const published = all.filter((s) => !s.draft);
    const quick = quickSiteOutcome(root, all, published, { ledger: EMPTY_LEDGER, errors: [] }, []);
    expect(quick).toBeDefined();
    const codes = new Set(quick?.errors.map((e) => e.code));
    for (const code of ["output.takenByImage", "output.takenByArticle", "output.takenByGenerated", "output.reserved", "output.reservedName", "output.folderConflict"]) expect(codes, code).toContain(code);
    const fast = await runCheck({ rootDir: root, cache: false, now: NOW });
    const build = await runCheck({ rootDir: root, cache: false, now: NOW, buildSitePhase: true });
    expect(fast.problems.map(problemKey)).toEqual(build.problems.map(problemKey));
    expect(fast.problems.map((p) => p.code)).toContain("content.aliasShared");
  });

  it("leaves the site phase to the build's code when the record has entries or people, or a published official is pinned", () => {
    const root = project({ "content/gia-lai/2016-11-29-a.md": valid("A", "2016-11-29") });
    const all = summaries(root);
    expect(quickSiteOutcome(root, all, all, { ledger: EMPTY_LEDGER, errors: [] }, [])).toEqual({ errors: [], roles: [] });
    expect(quickSiteOutcome(root, all, all, { ledger: { entries: [{ code: "abcde", urls: ["/gia-lai/2016/a/"] }] }, errors: [] }, [])).toBeUndefined();
    expect(quickSiteOutcome(root, all, all, { ledger: { entries: [], people: [{}] }, errors: [] }, [])).toBeUndefined();
    expect(quickSiteOutcome(root, all, all, { ledger: EMPTY_LEDGER, errors: [{ file: "published-urls.json", message: "x" }] }, [])).toBeUndefined();
    const pinned = project({ "content/gia-lai/2016-11-29-a.md": valid("A", "2016-11-29", "officials:\n  - name: Lê Văn An\n    id: le-van-an") });
    const withId = summaries(pinned);
    expect(quickSiteOutcome(pinned, withId, withId, { ledger: EMPTY_LEDGER, errors: [] }, [])).toBeUndefined();
  });

  it("says a site with nothing to publish is an error once nothing else is, as the build does", () => {
    const root = project({ "content/gia-lai/2016-11-29-nhap.md": valid("Nháp", "2016-11-29", "draft: true") });
    const all = summaries(root);
    expect(quickSiteOutcome(root, all, [], { ledger: EMPTY_LEDGER, errors: [] }, [])?.errors.map((e) => e.code)).toEqual(["cli.nothingToPublish"]);
    expect(quickSiteOutcome(root, all, [], { ledger: EMPTY_LEDGER, errors: [] }, [{ file: "content/x.md", message: "x" }])?.errors).toEqual([]);
  });

  it("finds the role warnings the people index gives: pinned ids across provinces, two ids on one name, a name twice in one article, honorifics, drafts", () => {
    const root = mkdtempSync(path.join(os.tmpdir(), "check-quick-"));
    roots.push(root);
    writeFactsSite(root);
    const extra: Record<string, string> = {
      "content/gia-lai/2018-01-01-hai-lan.md": valid("Hai lần", "2018-01-01", "officials:\n  - name: Nguyễn Dũng\n  - name: Ông Nguyễn Dũng\n    role: Giám đốc"),
      "content/gia-lai/2018-02-01-nhap.md": valid("Nháp", "2018-02-01", "draft: true\nofficials:\n  - name: nguyễn  dũng\n    role: Chánh Văn phòng"),
      "content/ha-tinh/2016-01-01-x.md": valid("X", "2016-01-01", "officials:\n  - name: Trần B\n    id: tran-b-1\n    role: Giám đốc", "ha-tinh"),
      "content/ha-tinh/2016-02-01-y.md": valid("Y", "2016-02-01", "officials:\n  - name: Trần B\n    id: tran-b-2\n    role: Phó Giám đốc", "ha-tinh"),
      "content/ha-tinh/2016-03-01-z.md": valid("Z", "2016-03-01", "officials:\n  - name: Trần B\n    role: Trưởng phòng", "ha-tinh"),
    };
    for (const [rel, text] of Object.entries(extra)) {
      mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
      writeFileSync(path.join(root, rel), text);
    }
    generateArticles(path.join(root, "gen"), 400, { seed: 3 });
    const facts: ArticleFacts[] = [];
    const sums: ArticleSummary[] = [];
    for (const base of [root, path.join(root, "gen")]) {
      for (const file of scanContent(base, "content").articles) {
        const { outcome } = parseOutcome(file, readFileSync(path.join(base, file)));
        if (outcome.errors.length > 0 || !outcome.facts?.value) continue;
        facts.push(outcome.facts.value);
        sums.push(outcome.facts.summary);
      }
    }
    const expected = roleWarningsOf(facts).map(pendingKey).sort();
    expect(expected.length).toBeGreaterThan(3);
    expect(quickRoleWarnings(sums).map(pendingKey).sort()).toEqual(expected);
    expect(loadContent({ rootDir: root }).articles.length).toBeGreaterThan(0);
  });

  it("gives the build's report on generated articles, with the cache and on threads", async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), "check-quick-"));
    roots.push(root);
    generateArticles(root, 300, { seed: 7 });
    const build = await runCheck({ rootDir: root, cache: false, now: NOW, buildSitePhase: true });
    const fast = await runCheck({ rootDir: root, cache: false, now: NOW, threads: 2, parallelFrom: 1 });
    expect(fast.problems.map(problemKey)).toEqual(build.problems.map(problemKey));
    expect(build.problems.some((p) => p.code === "check.warn.roleChanged")).toBe(true);
    const filled = await runCheck({ rootDir: root, now: NOW });
    const warm = await runCheck({ rootDir: root, now: NOW });
    expect(warm.cacheHits).toBe(warm.articleCount);
    // From the cache, fields come back in another order: the same problems (the formats print fields in one order).
    expect(filled.problems).toEqual(build.problems);
    expect(warm.problems).toEqual(build.problems);
  });

  it("rests on a rule every producer keeps: a full site generates nothing a site with no articles does not claim or reserve, and reserves the same", () => {
    const root = mkdtempSync(path.join(os.tmpdir(), "check-quick-"));
    roots.push(root);
    writeFactsSite(root);
    for (const [rel, text] of Object.entries(CLAIMS)) {
      mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
      writeFileSync(path.join(root, rel), text);
    }
    generateArticles(path.join(root, "gen"), 200, { seed: 5 });
    const articles = [...loadContent({ rootDir: root }).articles, ...loadContent({ rootDir: path.join(root, "gen") }).articles];
    const full = createSiteData(articles, { rootDir: root });
    const empty = createSiteData([], { rootDir: root, ledger: EMPTY_LEDGER, ledgerText: "" });
    const reservations = (site: SiteData): string[] =>
      SITE_PRODUCERS.flatMap((p) => [...[...(p.reserves?.(site) ?? [])].map((r: Reservation) => `${p.name}|${r.path ?? ""}|${r.pattern?.source ?? ""}|${(r.allow ?? []).join(",")}`), ...(p.renderer === "bundle" ? [`${p.name}|bundle|${p.folder}`] : [])]).sort();
    expect(reservations(full)).toEqual(reservations(empty));
    const fullPlan = planSite(full).plan;
    const emptyPlan = planSite(empty).plan;
    const reserved = SITE_PRODUCERS.flatMap((p) => [...[...(p.reserves?.(empty) ?? [])].map((r) => ({ producer: p.name, r })), ...(p.renderer === "bundle" ? [{ producer: p.name, r: { path: p.folder } as Reservation }] : [])]);
    const inside = (file: string): string | undefined => {
      const lower = file.toLowerCase();
      const segments = lower.split("/");
      for (let i = 1; i <= segments.length; i++) {
        const prefix = segments.slice(0, i).join("/");
        const hit = reserved.find(({ r }) => (r.path !== undefined && r.path.toLowerCase() === prefix) || (r.pattern?.test(prefix) ?? false));
        if (hit) return hit.producer;
      }
      return undefined;
    };
    const contentProducers = new Set(["article", "article-images", "links"]);
    let generated = 0;
    for (const output of fullPlan.outputs) {
      if (output.source && contentProducers.has(output.producer) && !output.path.startsWith("q/")) continue;
      generated++;
      // The site's own files (tag, people, award, index, feed pages…) and short links and share pages.
      const covered = emptyPlan.get(output.path) !== undefined || inside(output.path) !== undefined;
      expect(covered, `${output.producer}: ${output.path}`).toBe(true);
    }
    expect(generated).toBeGreaterThan(300);
    expect(fullPlan.outputs.some((o) => o.producer === "tag" && emptyPlan.get(o.path) === undefined)).toBe(true);
  });
});

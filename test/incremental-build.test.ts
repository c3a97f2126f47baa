/**
 * Incremental builds (src/build/incremental.ts): after each change to a
 * small generated corpus, a build that keeps the previous output and
 * `.cache/` gives exactly the files, byte for byte, of a cold build of the
 * same content (a copy in a fresh folder: no cache, no previous output), and
 * says how many outputs it rendered and reused. Then the manifest and the
 * previous output as an attacker would leave them.
 */
import { cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSite, type BuildResult } from "../src/build/build-site.ts";
import { manifestFile } from "../src/build/output-manifest.ts";
import { articleDigest, stableDigest } from "../src/build/stable-digest.ts";
import { MINIMAL, mdFile, parseOk } from "./helpers.ts";
import { siteConfigFromEnv, type SiteConfig } from "../src/site-config.ts";
import { generateArticles } from "../scripts/generate-articles.ts";

const work = mkdtempSync(path.join(tmpdir(), "incremental-test-"));
const root = path.join(work, "site");
const out = path.join(work, "out");
const content = path.join(root, "content");
let colds = 0;
let config: SiteConfig | undefined;

/** Every file under `dir` (relative, sorted); links reported as such. */
function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => !e.isDirectory())
    .map((e) => `${path.relative(dir, path.join(e.parentPath, e.name))}${e.isSymbolicLink() ? " (link)" : ""}`)
    .sort();
}

function articleFiles(): string[] {
  return readdirSync(content, { recursive: true }).map(String).filter((f) => f.endsWith(".md")).sort();
}

function build(outDir: string, rootDir = root): Promise<BuildResult> {
  return buildSite({ outDir, rootDir, ...(config ? { config } : {}) });
}

/** Builds incrementally into `out`, and cold from a copy of the content; expects the same files and bytes. */
async function incrementalMatchesCold(): Promise<BuildResult> {
  const result = await build(out);
  const coldRoot = path.join(work, `cold-${++colds}`);
  cpSync(content, path.join(coldRoot, "content"), { recursive: true });
  const coldOut = path.join(coldRoot, "_site");
  const cold = await build(coldOut, coldRoot);
  expect(cold.outputs.reused).toBe(0);
  const files = listFiles(out);
  expect(files).toEqual(listFiles(coldOut));
  // No folder left behind (an in-place update removes the folders it empties).
  const folders = (dir: string): string[] => readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => path.relative(dir, path.join(e.parentPath, e.name))).sort();
  expect(folders(out)).toEqual(folders(coldOut));
  const differing = files.filter((f) => !readFileSync(path.join(out, f)).equals(readFileSync(path.join(coldOut, f))));
  expect(differing).toEqual([]);
  expect(result.outputs.rendered + result.outputs.reused).toBe(cold.outputs.rendered);
  rmSync(coldRoot, { recursive: true, force: true });
  return result;
}

function editFile(rel: string, change: (text: string) => string): void {
  const file = path.join(content, rel);
  const before = readFileSync(file, "utf8");
  const after = change(before);
  expect(after).not.toBe(before);
  writeFileSync(file, after);
}

beforeAll(() => {
  process.env["GENERATED_SHARE_CARDS"] = "0";
  generateArticles(root, 24, { seed: 7, drafts: false });
});
afterAll(() => {
  delete process.env["GENERATED_SHARE_CARDS"];
  rmSync(work, { recursive: true, force: true });
});

describe("incremental build", { timeout: 240_000 }, () => {
  it("renders everything first, then nothing when nothing changed", async () => {
    const first = await incrementalMatchesCold();
    expect(first.outputs.reused).toBe(0);
    expect(existsSync(manifestFile(root, out)!)).toBe(true);
    const again = await incrementalMatchesCold();
    expect(again.outputs.rendered).toBe(0);
    expect(again.outputs.reused).toBe(first.outputs.rendered);
  });

  it("follows edits, additions, deletions and renames byte for byte", async () => {
    const files = articleFiles();
    // A word in one body: that article's page and what shows it, not the site.
    editFile(files[3]!, (t) => `${t.trimEnd()} Cập nhật thêm.\n`);
    const edited = await incrementalMatchesCold();
    expect(edited.outputs.renderedBy["article"]).toBeGreaterThanOrEqual(1);
    expect(edited.outputs.reused).toBeGreaterThan(edited.outputs.rendered);
    // A few files changed: put into the previous output in place, not a whole new folder.
    expect(edited.commit).toBe("in-place");

    // A title: lists, feeds, share page and QR label change too.
    editFile(files[5]!, (t) => t.replace(/^title: "/m, 'title: "Tiêu đề mới – '));
    const retitled = await incrementalMatchesCold();
    expect(retitled.outputs.renderedBy["index"]).toBeGreaterThanOrEqual(1);
    expect(retitled.outputs.renderedBy["share"]).toBe(1);

    // A new article, as new as the newest (of a unit in force then): every list it heads shifts.
    const newest = [...files].sort((a, b) => path.basename(b).localeCompare(path.basename(a)))[0]!;
    const added = path.join(path.dirname(newest), `${path.basename(newest).slice(0, 10)}-bai-moi.md`);
    writeFileSync(path.join(content, added), readFileSync(path.join(content, newest), "utf8").replace(/^title: ".*"$/m, 'title: "Bài mới hoàn toàn"').replace(/^aliases:\n(?: {2}- .*\n)+/m, ""));
    const withNew = await incrementalMatchesCold();
    expect(withNew.articleCount).toBe(25);
    expect(withNew.outputs.renderedBy["article"]).toBeGreaterThanOrEqual(1);

    // A deletion: its page, share page and QR files are gone.
    const deletedText = readFileSync(path.join(content, files[8]!), "utf8");
    rmSync(path.join(content, files[8]!));
    const removed = await incrementalMatchesCold();
    expect(removed.articleCount).toBe(24);
    expect(removed.commit).toBe("in-place");
    expect(deletedText).toContain("title:");

    // A rename that keeps the old address alive as an alias.
    const renamedFrom = files[10]!;
    const before = listFiles(out);
    const renamedTo = path.join(path.dirname(renamedFrom), "2010-01-01-ten-moi-cua-bai.md".replace("2010-01-01", path.basename(renamedFrom).slice(0, 10)));
    const oldUrl = `/${path.dirname(renamedFrom)}/${path.basename(renamedFrom, ".md").slice(11)}/`;
    renameSync(path.join(content, renamedFrom), path.join(content, renamedTo));
    editFile(renamedTo, (t) => t.replace(/^---\n/, `---\naliases: ["${oldUrl}"]\n`));
    await incrementalMatchesCold();
    const after = listFiles(out);
    expect(after).not.toEqual(before);
    expect(readFileSync(path.join(out, oldUrl.slice(1), "index.html"), "utf8")).toContain("ten-moi-cua-bai");

    // An official's name: the person pages and the article.
    editFile(files[12]!, (t) => t.replace(/^ {2}- name: .*$/m, "  - name: Nguyễn Văn Thử Nghiệm"));
    const official = await incrementalMatchesCold();
    expect(official.outputs.renderedBy["person"]).toBeGreaterThanOrEqual(1);
  });

  it("renders everything again when the site's address changes", async () => {
    config = siteConfigFromEnv({ SITE_URL: "https://tin.example.gov.vn/tong-ket/" });
    try {
      const moved = await incrementalMatchesCold();
      expect(moved.outputs.renderedBy["article"]).toBe(24);
      // Everything changed: a whole new folder swapped in.
      expect(moved.commit).toBe("swap");
      expect(readFileSync(path.join(out, "index.html"), "utf8")).toContain("/tong-ket/");
    } finally {
      config = undefined;
    }
    const back = await incrementalMatchesCold();
    expect(back.outputs.renderedBy["article"]).toBe(24);
  });

  it("builds from scratch when the manifest is damaged, missing or the output was deleted by hand", async () => {
    const manifest = manifestFile(root, out)!;
    writeFileSync(manifest, '{"version":1,"entries":[["index.html","x",');
    expect((await incrementalMatchesCold()).outputs.reused).toBe(0);
    rmSync(manifest);
    expect((await incrementalMatchesCold()).outputs.reused).toBe(0);
    expect((await incrementalMatchesCold()).outputs.rendered).toBe(0);
    rmSync(out, { recursive: true, force: true });
    expect((await incrementalMatchesCold()).outputs.reused).toBe(0);
  });

  it("renders again a file of the previous output edited by hand", async () => {
    const page = path.join(out, "index.html");
    const text = readFileSync(page, "utf8");
    const { mtime } = statSync(page);
    // Same size: only the time tells (a hand edit moves it).
    rmSync(page);
    writeFileSync(page, text.replace("<html", "<HTML"));
    utimesSync(page, new Date(), new Date(mtime.getTime() + 5000));
    const result = await incrementalMatchesCold();
    expect(result.outputs.rendered).toBe(1);
    expect(result.outputs.renderedBy["index"]).toBe(1);
  });
});

describe("fingerprint digests", () => {
  /** The same value with every object's keys in reverse order (as an article read back from the parse cache may have them). */
  function reordered<T>(value: T): T {
    if (Array.isArray(value)) return value.map(reordered) as T;
    if (value === null || typeof value !== "object") return value;
    return Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, reordered(v)])) as T;
  }

  it("do not depend on the order of an article's fields, but on every value", () => {
    const article = parseOk(mdFile(`${MINIMAL}\nofficials:\n  - name: Nguyễn Văn A\n    role: Chủ tịch`));
    const copy = { ...reordered({ ...article, body: undefined }), body: article.body } as typeof article;
    expect(Object.keys(copy)).not.toEqual(Object.keys(article));
    expect(articleDigest(copy)).toBe(articleDigest(article));
    expect(articleDigest({ ...article, officials: [{ name: "Nguyễn Văn B", role: "Chủ tịch" }] })).not.toBe(articleDigest(article));
    expect(stableDigest({ page: 1, articles: [copy] })).toBe(stableDigest(reordered({ page: 1, articles: [article] })));
    expect(stableDigest({ page: 2, articles: [article] })).not.toBe(stableDigest({ page: 1, articles: [article] }));
  });

  it("give up (render) on what JSON cannot describe", () => {
    expect(stableDigest({ render: () => "x" })).toBe("");
    const cycle: Record<string, unknown> = {};
    cycle["self"] = cycle;
    expect(stableDigest(cycle)).toBe("");
  });
});

describe("incremental build as an attacker leaves the previous output", { timeout: 240_000 }, () => {
  it("never links a planted symbolic link, nor a file below a linked folder", async () => {
    await build(out);
    const secret = path.join(work, "secret");
    mkdirSync(secret, { recursive: true });
    // A file replaced by a link to a file outside, with the size and time the manifest records.
    const page = path.join(out, "tinh-thanh", "index.html");
    const outside = path.join(secret, "directory.html");
    cpSync(page, outside, { preserveTimestamps: true });
    rmSync(page);
    symlinkSync(outside, page);
    // A folder replaced by a link to an outside copy (same names, sizes and times).
    const feedsDir = readdirSync(out).find((n) => existsSync(path.join(out, n, "feed.xml")) && lstatSync(path.join(out, n)).isDirectory())!;
    const copy = path.join(secret, "unit");
    cpSync(path.join(out, feedsDir), copy, { recursive: true, preserveTimestamps: true });
    rmSync(path.join(out, feedsDir), { recursive: true });
    symlinkSync(copy, path.join(out, feedsDir));
    const outsideInode = statSync(path.join(copy, "feed.xml")).ino;

    const result = await incrementalMatchesCold();
    expect(result.outputs.rendered).toBeGreaterThan(0);
    // Never written through a planted link: a whole new folder.
    expect(result.commit).toBe("swap");
    expect(lstatSync(path.join(out, "tinh-thanh", "index.html")).isFile()).toBe(true);
    expect(lstatSync(path.join(out, feedsDir)).isDirectory()).toBe(true);
    expect(statSync(path.join(out, feedsDir, "feed.xml")).ino).not.toBe(outsideInode);
    // The outside files are untouched.
    expect(readdirSync(secret).sort()).toEqual(["directory.html", "unit"]);
  });

  it("never keeps a file or link planted in the previous output, however few files changed", async () => {
    await build(out);
    writeFileSync(path.join(out, "planted.html"), "<p>not ours</p>");
    const feedsDir = readdirSync(out).find((n) => existsSync(path.join(out, n, "feed.xml")) && lstatSync(path.join(out, n)).isDirectory())!;
    symlinkSync("/etc/passwd", path.join(out, feedsDir, "passwd.txt"));
    mkdirSync(path.join(out, "planted-folder"));
    writeFileSync(path.join(out, "planted-folder", "index.html"), "<p>not ours</p>");
    editFile(articleFiles()[2]!, (t) => `${t.trimEnd()} Thêm một câu.\n`);
    const result = await incrementalMatchesCold();
    expect(result.outputs.reused).toBeGreaterThan(result.outputs.rendered);
    expect(result.commit).toBe("swap");
    expect(existsSync(path.join(out, "planted.html"))).toBe(false);
    expect(existsSync(path.join(out, "planted-folder"))).toBe(false);
    // Clean again: the next small change goes in place.
    editFile(articleFiles()[2]!, (t) => `${t.trimEnd()} Và một câu nữa.\n`);
    expect((await incrementalMatchesCold()).commit).toBe("in-place");
  });

  it("ignores manifest entries naming paths outside the output, and a manifest that is a link", async () => {
    await build(out);
    const manifest = manifestFile(root, out)!;
    const outsideFile = path.join(work, "outside.txt");
    writeFileSync(outsideFile, "outside");
    const st = statSync(outsideFile);
    const json = JSON.parse(readFileSync(manifest, "utf8")) as { version: number; entries: unknown[][] };
    json.entries.push(["../outside.txt", "x", "x", st.size, st.mtimeMs], ["/etc/passwd", "x", "x", 1, 1], ["a/../../outside.txt", "x", "x", st.size, st.mtimeMs]);
    writeFileSync(manifest, JSON.stringify(json));
    const result = await incrementalMatchesCold();
    expect(result.outputs.rendered).toBe(0);
    expect(result.commit).toBe("in-place");
    expect(readFileSync(outsideFile, "utf8")).toBe("outside");
    expect(existsSync(path.join(out, "outside.txt"))).toBe(false);

    // A manifest replaced by a link: not read (a full build), not written through.
    const elsewhere = path.join(work, "elsewhere.json");
    renameSync(manifest, elsewhere);
    symlinkSync(elsewhere, manifest);
    const before = readFileSync(elsewhere, "utf8");
    const linked = await incrementalMatchesCold();
    expect(linked.outputs.reused).toBe(0);
    expect(readFileSync(elsewhere, "utf8")).toBe(before);
    expect(lstatSync(manifest).isFile()).toBe(true);
  });
});

/**
 * The output folder rules (src/build/output-dir.ts): where the build may
 * write, and which folders it may delete. Nothing here runs a build.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { OUTPUT_MARKER, OutputDirError, checkOutputDir, isBuildOutput, prepareOutputDir } from "../src/build/output-dir.ts";
import { setLanguage } from "../src/messages/index.ts";

const work = mkdtempSync(path.join(tmpdir(), "output-dir-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));
let root: string;
let n = 0;
beforeEach(() => {
  root = path.join(work, `project${n++}`);
  mkdirSync(path.join(root, "content/gia-lai"), { recursive: true });
  mkdirSync(path.join(root, ".git"));
  writeFileSync(path.join(root, "content/gia-lai/a.md"), "x");
});

/** The refusal for `out`, run from the project root (as `npm run build` is). */
function refusal(out: string, extra: { cwd?: string; home?: string } = {}): OutputDirError {
  try {
    checkOutputDir(path.resolve(root, out), { rootDir: root, cwd: extra.cwd ?? root, home: extra.home ?? path.join(work, "home") });
  } catch (error) {
    if (error instanceof OutputDirError) return error;
    throw error;
  }
  throw new Error(`expected --out ${out} to be refused`);
}

describe("where the output folder may be", () => {
  it.each([
    [".", "outputDir.isProtected"],
    ["content", "outputDir.isProtected"],
    ["..", "outputDir.containsProtected"],
    ["/", "outputDir.filesystemRoot"],
    ["content/site", "outputDir.insideProtected"],
    [".git", "outputDir.isProtected"],
    [".git/site", "outputDir.insideProtected"],
    ["content/..", "outputDir.isProtected"],
  ])("refuses --out %s (%s)", (out, code) => {
    const error = refusal(out);
    expect(error.code).toBe(code);
    expect(error.message).toMatch(/^Not building into .*: nothing was deleted or changed\.\n {2}\S/);
    expect(error.message).toContain("fix: ");
  });

  it("refuses the working directory and the home folder, and anything containing them", () => {
    const cwd = path.join(work, `cwd${n}`);
    mkdirSync(cwd);
    expect(refusal(cwd, { cwd }).code).toBe("outputDir.isProtected");
    expect(refusal(path.dirname(cwd), { cwd }).code).toBe("outputDir.containsProtected");
    const home = path.join(work, `home${n}`);
    mkdirSync(home);
    expect(refusal(home, { home }).code).toBe("outputDir.isProtected");
  });

  it("sees through links: a link to the project or into content/ is refused", () => {
    const viaLink = path.join(work, `link-to-project${n}`);
    symlinkSync(root, viaLink);
    expect(refusal(viaLink).code).toBe("outputDir.isProtected");
    expect(refusal(path.join(viaLink, "content/x")).code).toBe("outputDir.insideProtected");
  });

  it("refuses an output folder that is a link, or a file", () => {
    const target = path.join(work, `target${n}`);
    mkdirSync(target);
    symlinkSync(target, path.join(root, "_site"));
    expect(refusal("_site").code).toBe("outputDir.isLink");
    writeFileSync(path.join(root, "out.txt"), "x");
    expect(refusal("out.txt").code).toBe("outputDir.notFolder");
  });

  it("accepts _site inside the project and a new folder elsewhere", () => {
    expect(() => checkOutputDir(path.join(root, "_site"), { rootDir: root, cwd: root })).not.toThrow();
    expect(() => checkOutputDir(path.join(work, `new${n}/deep/site`), { rootDir: root, cwd: root })).not.toThrow();
  });

  it("explains in Vietnamese by default", () => {
    setLanguage("vi");
    try {
      expect(refusal(".").message).toContain("Không tạo trang web vào .: không có gì bị xóa hay thay đổi.");
      expect(refusal(".").message).toContain("tạo trang web vào đó sẽ xóa toàn bộ nội dung của nó");
    } finally {
      setLanguage("en");
    }
  });
});

describe("whose folder it is", () => {
  it("refuses an existing folder the build did not make, deleting nothing", () => {
    mkdirSync(path.join(root, "docs"));
    writeFileSync(path.join(root, "docs/guide.md"), "keep me");
    const error = refusal("docs");
    expect(error.code).toBe("outputDir.notOurs");
    expect(error.message).toContain(`it has no ${OUTPUT_MARKER} marker file`);
    expect(readdirSync(path.join(root, "docs"))).toEqual(["guide.md"]);
  });

  it("accepts a marked folder, an empty folder, and a site built before the marker existed", () => {
    const marked = path.join(work, `marked${n}`);
    mkdirSync(marked);
    writeFileSync(path.join(marked, OUTPUT_MARKER), "");
    writeFileSync(path.join(marked, "anything.bin"), "");
    expect(isBuildOutput(marked)).toBe(true);
    const empty = path.join(work, `empty${n}`);
    mkdirSync(empty);
    expect(isBuildOutput(empty)).toBe(true);
    const legacy = path.join(work, `legacy${n}`);
    mkdirSync(path.join(legacy, "gia-lai"), { recursive: true });
    for (const f of ["index.html", "sitemap.xml", "robots.txt", "_headers", "feed.xml"]) writeFileSync(path.join(legacy, f), "");
    expect(isBuildOutput(legacy)).toBe(true);
  });

  it("does not take a project or a person's folder for an old build, even with index.html and sitemap.xml", () => {
    for (const extra of [".git", "package.json", "content", "src", "README.md"]) {
      const dir = path.join(work, `lookalike${n}-${extra}`);
      mkdirSync(dir);
      for (const f of ["index.html", "sitemap.xml", "robots.txt"]) writeFileSync(path.join(dir, f), "");
      writeFileSync(path.join(dir, extra), "");
      expect(isBuildOutput(dir), extra).toBe(false);
    }
    const partial = path.join(work, `partial${n}`);
    mkdirSync(partial);
    writeFileSync(path.join(partial, "index.html"), "");
    expect(isBuildOutput(partial)).toBe(false);
  });
});

describe("staging and swap", () => {
  it("marks the staging folder first, swaps it in, and restores the previous site on failure", () => {
    const out = path.join(work, `site${n}`);
    const first = prepareOutputDir(out, { rootDir: root, cwd: root });
    first.createStaging();
    expect(readdirSync(first.staging)).toEqual([OUTPUT_MARKER]);
    writeFileSync(path.join(first.staging, "index.html"), "v1");
    first.commit();
    expect(readdirSync(out).sort()).toEqual([OUTPUT_MARKER, "index.html"]);

    const second = prepareOutputDir(out, { rootDir: root, cwd: root });
    second.createStaging();
    writeFileSync(path.join(second.staging, "index.html"), "half-written");
    second.abort();
    expect(existsSync(second.staging)).toBe(false);
    expect(readdirSync(out).sort()).toEqual([OUTPUT_MARKER, "index.html"]);
  });

  it("leaves an unmarked folder or a link named like an abandoned staging folder alone, and refuses one in its own way", async () => {
    const out = path.join(work, `site${n}`);
    const foreign = `${out}.tmp-4194305`;
    mkdirSync(foreign);
    writeFileSync(path.join(foreign, "keep.txt"), "not the build's");
    const linkTarget = path.join(work, `precious${n}`);
    mkdirSync(linkTarget);
    writeFileSync(path.join(linkTarget, "keep.txt"), "x");
    symlinkSync(linkTarget, `${out}.old-4194306`);
    const abandoned = `${out}.tmp-4194307`;
    mkdirSync(abandoned);
    writeFileSync(path.join(abandoned, OUTPUT_MARKER), "");
    const output = prepareOutputDir(out, { rootDir: root, cwd: root });
    output.createStaging();
    output.commit();
    await expect.poll(() => existsSync(abandoned), { timeout: 10_000 }).toBe(false);
    expect(readdirSync(foreign)).toEqual(["keep.txt"]);
    expect(readdirSync(linkTarget)).toEqual(["keep.txt"]);

    mkdirSync(`${out}.tmp-${process.pid}`);
    writeFileSync(path.join(`${out}.tmp-${process.pid}`, "mine.txt"), "x");
    expect(() => prepareOutputDir(out, { rootDir: root, cwd: root }).createStaging()).toThrow(OutputDirError);
    expect(readdirSync(`${out}.tmp-${process.pid}`)).toEqual(["mine.txt"]);
  });

  it("removes the replaced site in the background, its marker last, so a removal killed halfway is finished by the next build", async () => {
    const out = path.join(work, `site${n}`);
    const first = prepareOutputDir(out, { rootDir: root, cwd: root });
    first.createStaging();
    mkdirSync(path.join(first.staging, "a"));
    writeFileSync(path.join(first.staging, "index.html"), "v1");
    writeFileSync(path.join(first.staging, "a", "index.html"), "a");
    first.commit();
    const second = prepareOutputDir(out, { rootDir: root, cwd: root });
    second.createStaging();
    second.commit();
    // The replaced folder (marker and all) goes: the removal script runs whole.
    const siblings = () => readdirSync(work).filter((name) => name.startsWith(`site${n}.old-`));
    await expect.poll(siblings, { timeout: 10_000 }).toEqual([]);
    // A removal killed halfway leaves the marker (it goes last) and some files: the next build removes the rest.
    const halfway = `${out}.old-4194309-1`;
    mkdirSync(path.join(halfway, "z"), { recursive: true });
    writeFileSync(path.join(halfway, OUTPUT_MARKER), "");
    writeFileSync(path.join(halfway, "z", "index.html"), "z");
    prepareOutputDir(out, { rootDir: root, cwd: root }).createStaging();
    await expect.poll(() => existsSync(halfway), { timeout: 10_000 }).toBe(false);
  });

  it("checks again before the swap: a folder replaced during the build is not deleted", () => {
    const out = path.join(work, `site${n}`);
    const output = prepareOutputDir(out, { rootDir: root, cwd: root });
    output.createStaging();
    mkdirSync(out);
    writeFileSync(path.join(out, "notes.txt"), "made during the build");
    expect(() => output.commit()).toThrow(OutputDirError);
    expect(readdirSync(out)).toEqual(["notes.txt"]);
    output.abort();
    expect(existsSync(output.staging)).toBe(false);
  });
});

/**
 * The checked reader and the content scan: only regular files whose real
 * path is inside content/ are read; everything else under content/ is
 * listed for a notice. Fixtures and symlinks are made by the test.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { checkContentFile, readContentFile, scanContent, tryReadContentFile } from "../src/content/content-files.ts";
import { ContentValidationError, formatContentError } from "../src/content/errors.ts";
import { LIMITS } from "../src/content/limits.ts";
import { loadContent } from "../src/content/load-content.ts";
import { setLanguage } from "../src/messages/index.ts";
import { MINIMAL, mdFile } from "./helpers.ts";

const work = mkdtempSync(path.join(tmpdir(), "content-files-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));
let root: string;
let n = 0;
beforeEach(() => {
  root = path.join(work, `p${n++}`);
  mkdirSync(path.join(root, "content/gia-lai"), { recursive: true });
  mkdirSync(path.join(root, ".git"), { recursive: true });
  writeFileSync(path.join(root, ".git/config"), "[http]\n\textraheader = AUTHORIZATION: basic c2VjcmV0\n");
});

const about = { article: "content/gia-lai/a.md", field: "image.src", value: "anh.png", line: 5 };

function errorOf(rel: string, limit: number = LIMITS.imageBytes) {
  const result = tryReadContentFile(root, rel, limit, about);
  expect(result.ok, rel).toBe(false);
  if (result.ok || result.problem.kind !== "error") throw new Error(`expected an error for ${rel}`);
  return result.problem.error;
}

describe("readContentFile", () => {
  it("reads a regular file inside content/", () => {
    writeFileSync(path.join(root, "content/gia-lai/anh.png"), "PNG");
    expect(readContentFile(root, "content/gia-lai/anh.png", 100).toString()).toBe("PNG");
    expect(checkContentFile(root, "content/gia-lai/anh.png", 100)).toBeUndefined();
  });

  it.each([
    ["/proc/self/environ", "environ"],
    ["/etc/passwd", "passwd"],
    ["/dev/zero", "zero"],
    ["GIT", "git config"],
  ])("refuses a symlink to %s, naming the article and field, reading nothing", (target) => {
    symlinkSync(target === "GIT" ? path.join(root, ".git/config") : target, path.join(root, "content/gia-lai/anh.png"));
    const error = errorOf("content/gia-lai/anh.png");
    expect(error).toMatchObject({ file: "content/gia-lai/a.md", line: 5, field: "image.src", value: '"anh.png"', code: "content.read.link" });
    expect(error.message).toBe("the file anh.png is a link (symlink), not an ordinary file: links are never followed");
  });

  it("refuses a relative symlink that stays inside content/ too (links are never followed)", () => {
    writeFileSync(path.join(root, "content/gia-lai/real.png"), "PNG");
    symlinkSync("real.png", path.join(root, "content/gia-lai/anh.png"));
    expect(errorOf("content/gia-lai/anh.png").code).toBe("content.read.link");
  });

  it("refuses a folder, a FIFO and a device without hanging", () => {
    mkdirSync(path.join(root, "content/gia-lai/anh.png"));
    expect(errorOf("content/gia-lai/anh.png")).toMatchObject({ code: "content.read.folder", message: "anh.png is a folder, not a file" });
    execFileSync("mkfifo", [path.join(root, "content/gia-lai/pipe.png")]);
    expect(errorOf("content/gia-lai/pipe.png").code).toBe("content.read.special");
  });

  it("refuses a file reached through a linked folder", () => {
    mkdirSync(path.join(work, `outside${n}`));
    writeFileSync(path.join(work, `outside${n}`, "anh.png"), "SECRET");
    symlinkSync(path.join(work, `outside${n}`), path.join(root, "content/linked"));
    expect(errorOf("content/linked/anh.png")).toMatchObject({ code: "content.read.outside", field: "image.src" });
  });

  it("refuses paths outside content/ whatever their form", () => {
    for (const rel of ["content/../.git/config", ".git/config", "/etc/passwd", "content/gia-lai/../../.git/config", "content", "content//x.png"]) {
      expect(errorOf(rel).code, rel).toBe("content.read.outside");
    }
  });

  it("refuses a content folder that is a link out of the project", () => {
    const other = path.join(work, `elsewhere${n}`);
    mkdirSync(path.join(other, "gia-lai"), { recursive: true });
    writeFileSync(path.join(other, "gia-lai/anh.png"), "PNG");
    rmSync(path.join(root, "content"), { recursive: true });
    symlinkSync(other, path.join(root, "content"));
    expect(tryReadContentFile(root, "content/gia-lai/anh.png", 100)).toMatchObject({ ok: false, problem: { kind: "error", error: { file: "content", code: "content.read.contentFolderLink" } } });
    expect(scanContent(root).errors[0]).toMatchObject({ file: "content", message: "the content folder is a link (symlink) to another place" });
  });

  it("enforces the size limit before reading (a sparse 21 MiB image)", () => {
    const file = path.join(root, "content/gia-lai/anh.png");
    writeFileSync(file, "");
    truncateSync(file, 21 * 1024 * 1024);
    const error = errorOf("content/gia-lai/anh.png");
    expect(error).toMatchObject({ code: "content.read.imageTooLarge", message: "the image anh.png is too large: 21.0 MiB", expected: "an image of at most 20.0 MiB" });
    setLanguage("vi");
    try {
      expect(errorOf("content/gia-lai/anh.png")).toMatchObject({ message: "ảnh anh.png quá lớn: 21,0 MiB", expected: "ảnh tối đa 20,0 MiB" });
    } finally {
      setLanguage("en");
    }
  });

  it("reports a missing file as missing (the loader words it), and throws a named error from readContentFile", () => {
    expect(tryReadContentFile(root, "content/gia-lai/none.png", 100, about)).toEqual({ ok: false, problem: { kind: "missing" } });
    const thrown = (() => {
      try {
        readContentFile(root, "content/gia-lai/none.png", 100, about);
      } catch (error) {
        return error;
      }
      return undefined;
    })();
    expect(thrown).toBeInstanceOf(ContentValidationError);
    expect((thrown as ContentValidationError).errors[0]).toMatchObject({ file: "content/gia-lai/a.md", field: "image.src", message: "names an image file that does not exist" });
  });
});

describe("scanContent and the notices", () => {
  it("sorts every entry into articles and the rest, without following links", () => {
    const c = (rel: string) => path.join(root, "content", rel);
    writeFileSync(c("gia-lai/2016-11-29-a.md"), mdFile(MINIMAL));
    writeFileSync(c("README.md"), "notes");
    writeFileSync(c("gia-lai/.hidden.md"), mdFile(MINIMAL));
    writeFileSync(c("gia-lai/2016-11-29-b.markdown"), mdFile(MINIMAL));
    writeFileSync(c("gia-lai/unused.png"), "PNG");
    writeFileSync(c("gia-lai/notes.docx"), "x");
    mkdirSync(c(".obsidian"));
    writeFileSync(c(".obsidian/x.md"), "x");
    symlinkSync("/etc/passwd", c("gia-lai/linked.md"));
    symlinkSync("/etc", c("etc"));
    execFileSync("mkfifo", [c("gia-lai/pipe")]);
    const scan = scanContent(root);
    expect(scan.articles).toEqual(["content/gia-lai/2016-11-29-a.md"]);
    expect(scan.others.map((o) => [o.path, o.kind])).toEqual([
      ["content/.obsidian", "hiddenFolder"],
      ["content/README.md", "readme"],
      ["content/etc", "link"],
      ["content/gia-lai/.hidden.md", "hidden"],
      ["content/gia-lai/2016-11-29-b.markdown", "extension"],
      ["content/gia-lai/linked.md", "link"],
      ["content/gia-lai/notes.docx", "stray"],
      ["content/gia-lai/pipe", "special"],
      ["content/gia-lai/unused.png", "image"],
    ]);
    const load = loadContent({ rootDir: root });
    expect(load.errors).toEqual([]);
    expect(load.articles).toHaveLength(1);
    expect(load.warnings.map((w) => [w.file, w.severity, w.code])).toEqual([
      ["content/.obsidian", "warning", "content.notice.hiddenFolder"],
      ["content/README.md", "warning", "content.notice.readme"],
      ["content/etc", "warning", "content.notice.link"],
      ["content/gia-lai/.hidden.md", "warning", "content.notice.hidden"],
      ["content/gia-lai/2016-11-29-b.markdown", "warning", "content.notice.extension"],
      ["content/gia-lai/linked.md", "warning", "content.notice.link"],
      ["content/gia-lai/notes.docx", "warning", "content.notice.stray"],
      ["content/gia-lai/pipe", "warning", "content.notice.special"],
      ["content/gia-lai/unused.png", "warning", "content.notice.unusedImage"],
    ]);
    expect(load.warnings.find((w) => w.code === "content.notice.extension")?.fix).toBe("if this is an article, rename it to 2016-11-29-b.md");
  });

  it("an image an article uses gets no notice, and an image with the wrong case gets a suggestion", () => {
    const c = (rel: string) => path.join(root, "content", rel);
    writeFileSync(c("gia-lai/toan-canh.png"), "PNG");
    writeFileSync(c("gia-lai/2016-11-29-a.md"), mdFile(`${MINIMAL}\nimage:\n  src: toan-canh.png\n  alt: A`));
    writeFileSync(c("gia-lai/2016-11-29-b.md"), mdFile(`${MINIMAL}\nimage:\n  src: Toan-Canh.PNG\n  alt: A`));
    const load = loadContent({ rootDir: root });
    expect(load.warnings).toEqual([]);
    expect(load.errors).toEqual([
      expect.objectContaining({
        file: "content/gia-lai/2016-11-29-b.md",
        line: 6,
        field: "image.src",
        code: "content.imageMissingSuggest",
        fix: "did you mean toan-canh.png? Write src: toan-canh.png (file names must match exactly, capital letters included)",
      }),
    ]);
  });

  it("an article that is too large is named, and not read", () => {
    const file = path.join(root, "content/gia-lai/2016-11-29-a.md");
    writeFileSync(file, mdFile(MINIMAL));
    truncateSync(file, LIMITS.articleBytes + 1);
    expect(loadContent({ rootDir: root }).errors).toEqual([expect.objectContaining({ file: "content/gia-lai/2016-11-29-a.md", code: "content.read.articleTooLarge", message: "the article file is too large: 1.0 MiB" })]);
  });
});

describe("file names an attacker chooses", () => {
  it("a file name with a terminal escape sequence and a line break is printed escaped", () => {
    const name = "x\u001b[2J\nfake.md";
    writeFileSync(path.join(root, "content/gia-lai", name), "not an article");
    const load = loadContent({ rootDir: root });
    const text = formatContentError(load.errors[0]!);
    expect(text.split("\n")[0]).toContain("content/gia-lai/x\\u001b[2J\\u000afake.md:");
    expect(text).not.toContain("\u001b");
  });
});

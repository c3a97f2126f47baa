/**
 * A rendition cache that cannot be written (a full disk, a quota, a
 * read-only .cache) is the build machine's problem: the editor is told so,
 * not that a good photo is damaged (attack, session 9). The disk is made
 * "full" by making the cache write fail as a full disk does (ENOSPC), since
 * filling a real disk needs a mount.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { loadContent } from "../src/content/load-content.ts";
import { prepareArticleMedia } from "../src/images/article-media.ts";
import { photoJpeg } from "./image-fixtures.ts";
import { mdFile } from "./helpers.ts";

vi.mock("../src/images/renditions.ts", async (original) => {
  const actual = await original<typeof import("../src/images/renditions.ts")>();
  return {
    ...actual,
    makeRenditions: async () => {
      throw Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });
    },
  };
});

const work = mkdtempSync(path.join(tmpdir(), "images-cache-full-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("a rendition cache that cannot be written", () => {
  it("is reported as the build machine's problem, naming the folder and the code, not as a damaged photo", async () => {
    const dir = path.join(work, "content/gia-lai");
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, "anh.jpg"), await photoJpeg(64, 48));
    writeFileSync(path.join(dir, "2016-11-29-bai.md"), mdFile("title: Bài\ndate: 2016-11-29\nprovince: gia-lai\nimage:\n  src: anh.jpg\n  alt: Ảnh", "Nội dung."));
    const { articles } = loadContent({ rootDir: work });
    const { errors } = await prepareArticleMedia(articles, { rootDir: work, siteName: "Tổng kết" });
    expect(errors.map((e) => [e.field, e.code])).toEqual([["image.src", "media.cacheUnwritable"]]);
    expect(errors[0]?.message).toContain(".cache/images-v1");
    expect(errors[0]?.message).toContain("ENOSPC");
    expect(errors[0]?.message).not.toMatch(/damaged/);
  });
});

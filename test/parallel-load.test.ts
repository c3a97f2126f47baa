import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadContent } from "../src/content/load-content.ts";
import { loadContentParallel } from "../src/content/parallel-load.ts";
import { getProvince } from "../src/provinces.ts";
import { isSafeHtml } from "../src/safe-html.ts";
import { generateArticles } from "../scripts/generate-articles.ts";
import { setLanguage } from "../src/messages/index.ts";

const root = mkdtempSync(path.join(tmpdir(), "parallel-load-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("loadContentParallel", () => {
  it("gives the same articles and errors as the serial loader", async () => {
    generateArticles(root, 90);
    writeFileSync(path.join(root, "content/broken.md"), "---\ntitle: X\ndate: 2016-02-30\nprovince: gia-lia\n---\nx\n");
    const serial = loadContent({ rootDir: root });
    const parallel = await loadContentParallel({ rootDir: root, threads: 2, minFiles: 10 });
    expect(parallel.fileCount).toBe(91);
    expect(parallel.articles.map((a) => a.url)).toEqual(serial.articles.map((a) => a.url));
    expect(parallel.articles.map((a) => a.body.value)).toEqual(serial.articles.map((a) => a.body.value));
    expect(parallel.errors).toEqual(serial.errors);
    expect(parallel.errors).toHaveLength(2);
    const first = parallel.articles[0]!;
    expect(isSafeHtml(first.body)).toBe(true);
    expect(first.province).toBe(getProvince(first.province.id));
  });

  it("gives worker messages in the caller's language, and the same warnings and notices", async () => {
    writeFileSync(path.join(root, "content/README.md"), "notes");
    writeFileSync(path.join(root, "content/heading.md"), "---\ntitle: X\ndate: 2016-11-29\nprovince: gia-lai\n---\n# Tiêu đề thừa\n");
    setLanguage("vi");
    try {
      const serial = loadContent({ rootDir: root });
      const parallel = await loadContentParallel({ rootDir: root, threads: 2, minFiles: 10 });
      await parallel.cacheSaved;
      // Warm: articles from the parse cache, warnings and notices still produced.
      const warm = await loadContentParallel({ rootDir: root, threads: 2, minFiles: 10 });
      expect(warm.cacheHits).toBeGreaterThan(80);
      for (const result of [parallel, warm]) {
        expect(result.errors).toEqual(serial.errors);
        expect(result.warnings).toEqual(serial.warnings);
        expect(result.articles.map((a) => a.url)).toEqual(serial.articles.map((a) => a.url));
      }
      expect(parallel.errors.find((e) => e.field === "date")?.message).toBe("tháng 2 năm 2016 chỉ có 29 ngày, không có ngày 30");
      expect(parallel.warnings.map((w) => w.code).sort()).toEqual(["content.notice.readme", "content.warn.h1"]);
    } finally {
      setLanguage("en");
    }
  });
});

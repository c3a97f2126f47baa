/**
 * A body store whose scratch file cannot take a body (a full disk, a quota:
 * simulated by a descriptor open for reading only, which every write refuses
 * as a full disk would) must not stop the build: before the store, a full
 * `.cache` only made builds slower. The load worker keeps that body in its
 * answer, as a loader without a store does.
 */
import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { generateArticles } from "../scripts/generate-articles.ts";
import { scanContent } from "../src/content/content-files.ts";
import { loadArticlesTask } from "../src/content/load-worker-task.ts";

const root = mkdtempSync(path.join(tmpdir(), "attack-body-full-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("a body store that cannot be written", () => {
  it("keeps the bodies in the load worker's answer instead of failing", () => {
    generateArticles(root, 6, { seed: 9, drafts: false });
    const files = scanContent(root).articles;
    const scratch = path.join(root, "scratch");
    writeFileSync(scratch, "");
    const fd = openSync(scratch, "r");
    try {
      const withStore = loadArticlesTask({ rootDir: root, files, bodies: { fd, end: new SharedArrayBuffer(8) } }).output.results;
      const without = loadArticlesTask({ rootDir: root, files }).output.results;
      expect(withStore.length).toBe(files.length);
      for (const [i, result] of withStore.entries()) {
        const plain = without[i];
        if (!result.ok || !plain?.ok) throw new Error(`${files[i]} did not load`);
        expect(result.value.spans).toBeUndefined();
        expect(result.value.bodyHtml).toBe(plain.value.bodyHtml);
        expect(result.value.article.bodyText).toBe(plain.value.article.bodyText);
        expect(result.value.bodyHtml.length).toBeGreaterThan(0);
      }
    } finally {
      closeSync(fd);
    }
  });
});

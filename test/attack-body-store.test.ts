/**
 * An attacker's pass over the body store (src/content/body-store.ts): what
 * stands where the scratch file's folder should be, spans that do not come
 * from a writer, and bodies that could come back different from the disk
 * (astral characters, numeric entities of surrogates and NUL, a body at the
 * size limit) — a parallel load through the store must give exactly the
 * bodies a serial load keeps in memory, cold and warm.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { generateArticles } from "../scripts/generate-articles.ts";
import { BodyStore, writeBody } from "../src/content/body-store.ts";
import { LIMITS } from "../src/content/limits.ts";
import { loadContent } from "../src/content/load-content.ts";
import { loadContentParallel } from "../src/content/parallel-load.ts";

const root = mkdtempSync(path.join(tmpdir(), "attack-body-store-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("the body store's folder", () => {
  it("is refused when .cache is a file, a dangling link or a link to a folder, and nothing is made there", () => {
    const asFile = path.join(root, "as-file");
    mkdirSync(asFile);
    writeFileSync(path.join(asFile, ".cache"), "not a folder");
    expect(BodyStore.open(asFile)).toBeUndefined();

    const dangling = path.join(root, "dangling");
    mkdirSync(dangling);
    const target = path.join(root, "dangling-target");
    symlinkSync(target, path.join(dangling, ".cache"));
    expect(BodyStore.open(dangling)).toBeUndefined();
    // Not created through the link either.
    expect(existsSync(target)).toBe(false);

    const linked = path.join(root, "linked");
    const elsewhere = path.join(root, "elsewhere");
    mkdirSync(linked);
    mkdirSync(elsewhere);
    symlinkSync(elsewhere, path.join(linked, ".cache"));
    expect(BodyStore.open(linked)).toBeUndefined();
    expect(readdirSync(elsewhere)).toEqual([]);
  });

  it("reads back only spans within what was written, whatever numbers a span carries", () => {
    const dir = path.join(root, "spans");
    mkdirSync(dir);
    const store = BodyStore.open(dir);
    if (!store) throw new Error("no store in a plain folder");
    const span = writeBody(store.shared, "Hội nghị");
    expect(store.read(span)).toBe("Hội nghị");
    for (const forged of [[0.5, 1], [0, 1.5], [Number.NaN, 1], [0, Number.POSITIVE_INFINITY], [Number.MAX_SAFE_INTEGER, 1], [-1, 1], [0, span[1] + 1], [span[1], 1]] as const) {
      expect(() => store.read(forged), JSON.stringify(forged)).toThrow(/outside/);
    }
  });
});

describe("bodies through the store", () => {
  it("come back as the serial loader keeps them: astral characters, entities of surrogates and NUL, a body at the size limit", async () => {
    const dir = path.join(root, "bodies");
    generateArticles(dir, 12, { seed: 5, drafts: false });
    const folder = path.join(dir, "content", "gia-lai");
    mkdirSync(folder, { recursive: true });
    const head = (title: string): string => `---\ntitle: "${title}"\ndate: 2016-11-29\nprovince: gia-lai\n---\n\n`;
    writeFileSync(path.join(folder, "2016-11-29-ky-tu.md"), `${head("Ký tự lạ")}Cờ 🇻🇳 và 😀; thực thể &#xD83D; &#xDE00; &#0; &#x1F600; &amp; e\u0301.\n\n| a | b |\n|:-:|--:|\n| 😀 | ${"đ".repeat(40)} |\n`);
    // Just under the body limit, in three-byte characters: the store's offsets are bytes, the text's length is not.
    const paragraph = `${"ệ".repeat(99)}\n\n`;
    const body = paragraph.repeat(Math.floor((LIMITS.bodyBytes - 64) / Buffer.byteLength(paragraph)));
    writeFileSync(path.join(folder, "2016-11-29-rat-dai.md"), `${head("Bài rất dài")}${body}`);
    const serial = loadContent({ rootDir: dir });
    expect(serial.errors).toEqual([]);
    for (const pass of ["cold", "warm"]) {
      const parallel = await loadContentParallel({ rootDir: dir, threads: 2, minFiles: 5 });
      await parallel.cacheSaved;
      expect(parallel.errors, pass).toEqual([]);
      if (pass === "warm") expect(parallel.cacheHits).toBe(serial.articles.length);
      const long = parallel.articles.find((a) => a.slug === "rat-dai");
      // Read through the store, not kept on the heap.
      expect(long && Object.getOwnPropertyDescriptor(long, "body")?.get, pass).toBeTypeOf("function");
      expect(parallel.articles.map((a) => a.sourcePath)).toEqual(serial.articles.map((a) => a.sourcePath));
      expect(parallel.articles.map((a) => a.body.value), pass).toEqual(serial.articles.map((a) => a.body.value));
      expect(parallel.articles.map((a) => a.bodyText), pass).toEqual(serial.articles.map((a) => a.bodyText));
    }
    const odd = serial.articles.find((a) => a.slug === "ky-tu");
    expect(odd?.body.value).toContain("😀");
    expect(odd?.body.value).toContain("\uFFFD");
    expect(readdirSync(path.join(dir, ".cache")).filter((f) => f.startsWith("bodies-"))).toEqual([]);
  });
});

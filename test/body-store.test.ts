import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { BodyStore, storedProperty, writeBody } from "../src/content/body-store.ts";
import { loadContent } from "../src/content/load-content.ts";
import { loadContentParallel } from "../src/content/parallel-load.ts";
import { isSafeHtml, trustedHtml, type SafeHtml } from "../src/safe-html.ts";
import { generateArticles } from "../scripts/generate-articles.ts";

const root = mkdtempSync(path.join(tmpdir(), "body-store-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("BodyStore", () => {
  it("gives back every text as written, leaving no file behind", () => {
    const dir = path.join(root, "plain");
    mkdirSync(dir);
    const store = BodyStore.open(dir);
    if (!store) throw new Error("no store in a plain folder");
    const texts = ["", "Hội nghị tổng kết công tác năm 2016 – triển khai nhiệm vụ năm 2017 🇻🇳", "x".repeat(100_000), "<p>a &amp; b</p>\n"];
    const reads = texts.map((text) => {
      const span = writeBody(store.shared, text);
      return () => store.read(span);
    });
    expect(reads.map((read) => read())).toEqual(texts);
    // Read twice, in another order: offsets, not a cursor.
    expect(reads.reverse().map((read) => read())).toEqual([...texts].reverse());
    // Only what was written can be read.
    expect(() => store.read([0, 1_000_000_000])).toThrow(/outside/);
    expect(() => store.read([-1, 2])).toThrow(/outside/);
    // The scratch file is unlinked as soon as it is made.
    expect(readdirSync(path.join(dir, ".cache"))).toEqual([]);
  });

  it("is not made through a .cache that is a symbolic link (bodies stay in memory)", () => {
    const dir = path.join(root, "linked");
    const elsewhere = path.join(root, "elsewhere");
    mkdirSync(dir);
    mkdirSync(elsewhere);
    symlinkSync(elsewhere, path.join(dir, ".cache"));
    expect(BodyStore.open(dir)).toBeUndefined();
    expect(readdirSync(elsewhere)).toEqual([]);
  });

  it("makes a property that spreads and clones as a plain value", () => {
    const dir = path.join(root, "props");
    mkdirSync(dir);
    const store = BodyStore.open(dir)!;
    const article: { body: SafeHtml; bodyText: string } = { body: trustedHtml(""), bodyText: "" };
    storedProperty(article, "body", store, writeBody(store.shared, "<p>Đường</p>"), trustedHtml);
    storedProperty(article, "bodyText", store, writeBody(store.shared, "Đường"), (text) => text);
    expect(isSafeHtml(article.body)).toBe(true);
    expect(article.body.value).toBe("<p>Đường</p>");
    expect({ ...article }.bodyText).toBe("Đường");
    expect(structuredClone({ text: article.bodyText })).toEqual({ text: "Đường" });
    expect(Object.keys(article)).toEqual(["body", "bodyText"]);
  });
});

describe("loadContentParallel with the body store", () => {
  it("gives the bodies the serial loader gives, read back from the store", async () => {
    generateArticles(root, 60);
    const serial = loadContent({ rootDir: root });
    const parallel = await loadContentParallel({ rootDir: root, threads: 2, minFiles: 10 });
    await parallel.cacheSaved;
    const first = parallel.articles[0]!;
    // The loaded article's body is a getter over the store, not a string kept on the heap.
    expect(Object.getOwnPropertyDescriptor(first, "body")?.get).toBeTypeOf("function");
    expect(Object.getOwnPropertyDescriptor(first, "bodyText")?.get).toBeTypeOf("function");
    expect(parallel.articles.map((a) => a.body.value)).toEqual(serial.articles.map((a) => a.body.value));
    expect(parallel.articles.map((a) => a.bodyText)).toEqual(serial.articles.map((a) => a.bodyText));
    // Warm (from the parse cache): the same again.
    const warm = await loadContentParallel({ rootDir: root, threads: 2, minFiles: 10 });
    expect(warm.cacheHits).toBe(60);
    expect(warm.articles.map((a) => a.bodyText)).toEqual(serial.articles.map((a) => a.bodyText));
    expect(readdirSync(path.join(root, ".cache")).filter((f) => f.startsWith("bodies-"))).toEqual([]);
  });
});

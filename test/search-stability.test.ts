/**
 * The search index's layout is stable (issue 9): an incremental build links
 * every file whose bytes did not change, so what one editor's commit costs
 * is the number of search files whose bytes or names change. Built from
 * generated articles in a temp folder (never content/), loaded as the build
 * loads them, indexed before and after one change, compared file by file.
 */
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { crc32, gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateArticles } from "../scripts/generate-articles.ts";
import type { OutputFile } from "../src/build/output-files.ts";
import type { Article } from "../src/content/article.ts";
import { loadArticleFile, loadContent } from "../src/content/load-content.ts";
import { COMPRESSED_CACHE_FILE, CompressedCache } from "../src/search/compressed-cache.ts";
import { FoldedWordBag } from "../src/search/fold.ts";
import { buildSearchIndex, SEARCH_BUNDLE_DIR } from "../src/search/index-step.ts";
import { bucketOf, recordPath, type SearchManifest } from "../src/search/search-index.ts";
import { searchWords } from "../src/search/search-record.ts";

const COUNT = 400;
const root = mkdtempSync(path.join(tmpdir(), "search-stability-"));
let articles: readonly Article[] = [];
let before: { files: Map<string, OutputFile["contents"]>; manifest: SearchManifest };

async function index(list: readonly Article[], cache?: CompressedCache): Promise<typeof before> {
  const built = await buildSearchIndex(list, cache);
  return { files: new Map(built.files.map((f) => [f.path.slice(SEARCH_BUNDLE_DIR.length + 1), f.contents])), manifest: built.manifest };
}

/** Files of `after` that are new or whose bytes differ from `before`, and files `after` no longer has. */
function changes(after: typeof before): { written: string[]; removed: string[] } {
  const written = [...after.files].filter(([file, bytes]) => !Buffer.from(bytes).equals(Buffer.from(before.files.get(file) ?? ""))).map(([file]) => file);
  const removed = [...before.files.keys()].filter((file) => !after.files.has(file));
  return { written, removed };
}

/** The shards an article's words and pairs fall in: the most an added or deleted article may change. */
function shardsOf(article: Article, buckets: number): Set<string> {
  const bag = new FoldedWordBag({ pairs: true });
  return new Set(Array.from(searchWords(article, bag).ids, (id) => `v/w/${bucketOf(bag.word(id), buckets)}.dat`));
}

/** The record file of document `id` in an index with this manifest. */
const recordFile = (manifest: SearchManifest, id: number): string => `v/${recordPath(Object.entries(manifest.years).sort((x, y) => x[1][0] - y[1][0]), id)}`;
const record = (built: typeof before, id: number): { u: string } => JSON.parse(gunzipSync(built.files.get(recordFile(built.manifest, id)) as Uint8Array).toString("utf8")) as { u: string };

beforeAll(async () => {
  generateArticles(root, COUNT, { seed: 3, drafts: false });
  const loaded = loadContent({ rootDir: root });
  expect(loaded.errors).toEqual([]);
  articles = loaded.articles;
  before = await index(articles);
}, 120_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("one change rewrites few search files", () => {
  it("the corpus has many files to keep", () => {
    expect(articles.length).toBeGreaterThan(COUNT * 0.9);
    expect(before.manifest.buckets).toBeGreaterThanOrEqual(128);
    expect(before.files.size).toBeGreaterThan(before.manifest.buckets + articles.length);
  });

  it("one article's body edited (a sentence appended, as an editor would): its record, the manifest and the shards of its new words", async () => {
    const edited = articles[Math.floor(articles.length / 2)]!;
    appendFileSync(path.join(root, edited.sourcePath), "\n\nCập nhật: bổ sung số liệu quý IV.\n");
    const reloaded = loadArticleFile(root, edited.sourcePath);
    if (!reloaded.ok) throw new Error("the edited article did not load");
    const after = await index(articles.map((a) => (a === edited ? reloaded.article : a)));
    const { written, removed } = changes(after);
    const id = [...Array(articles.length).keys()].find((i) => record(after, i).u === edited.url)!;
    expect(written).toContain(recordFile(after.manifest, id));
    expect(written).toContain("index.json");
    expect(removed).toEqual([]);
    // 6 words, their pairs, a few impact levels of the article's other words: a handful of shards out of hundreds.
    expect(written.length, written.join(" ")).toBeLessThanOrEqual(20);
    // The manifest's version changes, so the page asks for the changed files under new addresses.
    expect(after.manifest.version).not.toBe(before.manifest.version);
  });

  it("an article dated after all others added, then deleted: its record, the manifest, its unit lists and its words' shards only", async () => {
    const newest = articles.reduce((a, b) => (b.date.timestamp > a.date.timestamp ? b : a));
    const added: Article = { ...newest, url: `${newest.url.replace(/\/$/, "")}-moi/`, title: `Bài mới: ${newest.title}`, date: { ...newest.date, timestamp: newest.date.timestamp + 3_600_000 } };
    const after = await index([...articles, added]);
    const { written, removed } = changes(after);
    const addedRecord = recordFile(after.manifest, articles.length);
    const allowed = new Set([...shardsOf(added, after.manifest.buckets), addedRecord, "index.json", ...Object.values(after.manifest.units).map((n) => `v/f/${n}.dat`)]);
    expect(removed).toEqual([]);
    expect(written.filter((file) => !allowed.has(file))).toEqual([]);
    expect(written.length).toBeLessThan(after.files.size / 2);
    // Every other article keeps its id, so its record is not rewritten.
    expect(written.filter((file) => file.startsWith("v/d/"))).toEqual([addedRecord]);
    expect(record(after, articles.length).u).toBe(added.url);
    // Deleted again: the same files as before, byte for byte.
    const again = await index(articles);
    expect([...again.files.keys()]).toEqual([...before.files.keys()]);
    for (const [file, bytes] of again.files) expect(Buffer.from(bytes).equals(Buffer.from(before.files.get(file)!)), file).toBe(true);
  });
});

describe("an article dated between others", () => {
  it("moves the ids after it: the records renamed are those of its own year only", async () => {
    const source = articles[Math.floor(articles.length / 2)]!;
    const added: Article = { ...source, url: `${source.url.replace(/\/$/, "")}-cu/`, title: `Bài cũ: ${source.title}` };
    const after = await index([...articles, added]);
    const { written } = changes(after);
    const year = String(source.date.year);
    const records = written.filter((file) => file.startsWith("v/d/"));
    expect(records.length).toBeGreaterThan(0);
    expect(records.filter((file) => !file.startsWith(`v/d/${year}/`))).toEqual([]);
  });
});

describe("the compressed-file cache (.cache/search-gzip.bin)", () => {
  const project = mkdtempSync(path.join(tmpdir(), "search-gzip-cache-"));
  afterAll(() => rmSync(project, { recursive: true, force: true }));
  const identical = (built: typeof before): void => {
    expect([...built.files.keys()]).toEqual([...before.files.keys()]);
    for (const [file, bytes] of built.files) expect(Buffer.from(bytes).equals(Buffer.from(before.files.get(file)!)), file).toBe(true);
  };

  it("a second build compresses nothing again and gives the same bytes as a build without it", async () => {
    const first = CompressedCache.forProject(project);
    identical(await index(articles, first));
    expect(first.hits).toBe(0);
    first.save();
    expect(existsSync(path.join(project, COMPRESSED_CACHE_FILE))).toBe(true);
    const second = CompressedCache.forProject(project);
    identical(await index(articles, second));
    // Every file but the manifest (which is not compressed).
    expect(second.hits).toBe(before.files.size - 1);
  });

  it("files compressed on worker threads (a cold build's many files) are the same bytes as on this thread", async () => {
    const items = [...before.files].filter(([file]) => file !== "index.json").map(([file, gz]) => ({ payload: gunzipSync(gz as Uint8Array), level: file.startsWith("v/w/") ? 6 : 4 }));
    const inWorkers = await CompressedCache.none().gzipAll(items, { threads: 2, minWorkerBytes: 0 });
    expect(inWorkers).toHaveLength(items.length);
    const expected = [...before.files].filter(([file]) => file !== "index.json").map(([, gz]) => Buffer.from(gz));
    inWorkers.forEach((gz, i) => expect(gz.equals(expected[i]!), String(i)).toBe(true));
  });

  it("files laid out one after the other in one buffer (as the index writer packs them) go to the workers as views and come out the same bytes", async () => {
    const files = [...before.files].filter(([file]) => file !== "index.json");
    const payloads = files.map(([, gz]) => gunzipSync(gz as Uint8Array));
    // Behind 100 other bytes, so that a view read from the buffer's start instead of its own gives other bytes.
    const packed = Buffer.concat([Buffer.alloc(100, 0x41), ...payloads]);
    let at = 100;
    const items = payloads.map((payload, i) => {
      const view = packed.subarray(at, at + payload.length);
      at += payload.length;
      // The last file on its own: a run of packed files followed by one that does not follow them.
      return { payload: i === payloads.length - 1 ? Buffer.from(payload) : view, level: files[i]![0].startsWith("v/w/") ? 6 : 4 };
    });
    const inWorkers = await CompressedCache.none().gzipAll(items, { threads: 2, minWorkerBytes: 0 });
    expect(inWorkers).toHaveLength(items.length);
    inWorkers.forEach((gz, i) => expect(gz.equals(Buffer.from(files[i]![1] as Uint8Array)), String(i)).toBe(true));
  });

  it("a damaged cache, or one that lies about its contents, only costs time", async () => {
    const file = path.join(project, COMPRESSED_CACHE_FILE);
    const bytes = readFileSync(file);
    // Cut short.
    writeFileSync(file, bytes.subarray(0, bytes.length - 100));
    const cut = CompressedCache.forProject(project);
    identical(await index(articles, cut));
    expect(cut.hits).toBe(0);
    // Entries swapped (each key now names another file's bytes): none used.
    const magicEnd = bytes.indexOf(0x0a) + 1;
    const keyA = bytes.subarray(magicEnd, magicEnd + 16);
    const lengthA = bytes.readUInt32LE(magicEnd + 16);
    const keyB = Buffer.from(bytes.subarray(magicEnd + 20 + lengthA, magicEnd + 36 + lengthA));
    const swapped = Buffer.from(bytes);
    keyB.copy(swapped, magicEnd);
    Buffer.from(keyA).copy(swapped, magicEnd + 20 + lengthA);
    // The file's CRC-32 (its last four bytes) no longer matches: none of it is used.
    writeFileSync(file, swapped);
    const swappedOnly = CompressedCache.forProject(project);
    identical(await index(articles, swappedOnly));
    expect(swappedOnly.hits).toBe(0);
    // With the CRC-32 forged too, each entry's gzip trailer still refuses the swapped two.
    swapped.writeUInt32LE(crc32(swapped.subarray(0, swapped.length - 4)), swapped.length - 4);
    writeFileSync(file, swapped);
    const lying = CompressedCache.forProject(project);
    identical(await index(articles, lying));
    expect(lying.hits).toBe(before.files.size - 3);
    // One byte flipped inside a gzip member (its trailer intact, which alone would pass): none used.
    const flipped = Buffer.from(bytes);
    flipped[magicEnd + 20 + Math.floor(lengthA / 2)]! ^= 0xff;
    writeFileSync(file, flipped);
    const damaged = CompressedCache.forProject(project);
    identical(await index(articles, damaged));
    expect(damaged.hits).toBe(0);
    // Not this format at all.
    writeFileSync(file, "not a cache");
    identical(await index(articles, CompressedCache.forProject(project)));
  });

  it("never follows a symbolic link planted as .cache or as the cache file", async () => {
    const elsewhere = mkdtempSync(path.join(tmpdir(), "search-gzip-elsewhere-"));
    try {
      const planted = mkdtempSync(path.join(tmpdir(), "search-gzip-planted-"));
      symlinkSync(elsewhere, path.join(planted, ".cache"));
      const viaDir = CompressedCache.forProject(planted);
      await index(articles.slice(0, 20), viaDir);
      viaDir.save();
      expect(existsSync(path.join(elsewhere, "search-gzip.bin"))).toBe(false);
      rmSync(planted, { recursive: true, force: true });

      const project2 = mkdtempSync(path.join(tmpdir(), "search-gzip-link-"));
      mkdirSync(path.join(project2, ".cache"));
      const target = path.join(elsewhere, "target.bin");
      writeFileSync(target, "outside");
      symlinkSync(target, path.join(project2, COMPRESSED_CACHE_FILE));
      const viaFile = CompressedCache.forProject(project2);
      await index(articles.slice(0, 20), viaFile);
      viaFile.save();
      expect(readFileSync(target, "utf8")).toBe("outside");
      rmSync(project2, { recursive: true, force: true });
    } finally {
      rmSync(elsewhere, { recursive: true, force: true });
    }
  });
});

/**
 * The search index patched from the previous build's state
 * (src/search/index-state.ts) is, file for file and byte for byte, the index
 * a full build of the same articles writes, whether articles were edited,
 * added, deleted or re-dated; and whatever it cannot patch (too many
 * changes, a damaged or missing state or cache) is written in full, with
 * the same bytes. Generated articles in a temp
 * folder (never content/), changed in memory as the loader would give them.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateArticles } from "../scripts/generate-articles.ts";
import type { Article } from "../src/content/article.ts";
import { loadContent } from "../src/content/load-content.ts";
import { COMPRESSED_CACHE_FILE, CompressedCache } from "../src/search/compressed-cache.ts";
import { FoldedWordBag, foldVietnamese } from "../src/search/fold.ts";
import { buildSearchIndex, type SearchIndexResult } from "../src/search/index-step.ts";
import { searchFields } from "../src/search/search-document.ts";
import { bucketOf } from "../src/search/search-index.ts";
import { searchWords } from "../src/search/search-record.ts";
import { INDEX_STATE_FILE, IndexStateFile, MAX_PATCHED_ARTICLES } from "../src/search/index-state.ts";

const COUNT = 300;
const root = mkdtempSync(path.join(tmpdir(), "search-state-"));
const project = path.join(root, "project");
mkdirSync(project);
let articles: Article[] = [];

/** A build as the search step runs it: with the project's compressed-file cache and index state. */
async function incremental(list: readonly Article[]): Promise<SearchIndexResult> {
  const cache = CompressedCache.forProject(project);
  const built = await buildSearchIndex(list, cache, IndexStateFile.forProject(project));
  cache.save();
  return built;
}

/** Expects `built` to be exactly what a full build of `list` without any cache writes. */
async function expectSameAsFull(built: SearchIndexResult, list: readonly Article[]): Promise<void> {
  const full = await buildSearchIndex(list);
  expect(full.patched).toBe(false);
  expect(built.files.map((f) => f.path)).toEqual(full.files.map((f) => f.path));
  const differing = built.files.filter((f, i) => !Buffer.from(f.contents).equals(Buffer.from(full.files[i]!.contents))).map((f) => f.path);
  expect(differing).toEqual([]);
  expect(built.manifest).toEqual(full.manifest);
}

/** The article with one more sentence in its body (as the loader would give it after an edit). */
const withBody = (article: Article, extra: string): Article => ({ ...article, bodyText: `${article.bodyText} ${extra}` });

/** The shards an article's words and pairs fall in. */
function shardsOf(article: Article, buckets: number): Set<string> {
  const bag = new FoldedWordBag({ pairs: true });
  return new Set(Array.from(searchWords(article, bag).ids, (id) => `v/w/${bucketOf(bag.word(id), buckets)}.dat`));
}

/** Every (folded) word of the index with the number of articles it is on, read from the built shards. */
function wordCounts(built: SearchIndexResult): Map<string, number> {
  const counts = new Map<string, number>();
  for (const f of built.files) {
    if (!f.path.includes("/v/w/")) continue;
    for (const [word, deltas] of JSON.parse(gunzipSync(f.contents as Uint8Array).toString("utf8")) as [string, number[], string][]) counts.set(word, deltas.length);
  }
  return counts;
}

beforeAll(async () => {
  generateArticles(path.join(root, "source"), COUNT, { seed: 11, drafts: false });
  const loaded = loadContent({ rootDir: path.join(root, "source") });
  expect(loaded.errors).toEqual([]);
  articles = [...loaded.articles];
  const first = await incremental(articles);
  expect(first.patched).toBe(false);
}, 120_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("the search index patched from the previous build", { timeout: 120_000 }, () => {
  it("nothing changed: patched, the same files", async () => {
    const built = await incremental(articles);
    expect(built.patched).toBe(true);
    await expectSameAsFull(built, articles);
  });

  it("one article's body edited: patched, the same files as a full build", async () => {
    const i = Math.floor(articles.length / 2);
    articles[i] = withBody(articles[i]!, "Cập nhật: bổ sung số liệu quý IV về đường giao thông nông thôn.");
    const built = await incremental(articles);
    expect(built.patched).toBe(true);
    await expectSameAsFull(built, articles);
  });

  it("several articles' titles, officials and units' lists changed at once: patched, the same files", async () => {
    const changed = [3, 40, 41, 150, articles.length - 1];
    for (const i of changed) {
      const a = articles[i]!;
      articles[i] = { ...a, title: `${a.title} (sửa)`, officials: [...a.officials, { name: "Hoàng Thị Xuyến", role: "Phó Giám đốc Sở" }], listedUnder: [...a.listedUnder, "gia-lai"] };
    }
    const built = await incremental(articles);
    expect(built.patched).toBe(true);
    await expectSameAsFull(built, articles);
  });

  it("a word that becomes dense (4 impact levels) and back again: the exact levels come back", async () => {
    const counts = wordCounts(await buildSearchIndex(articles));
    // Dense when on more than 1/8 of the articles: the plain word nearest below the edge, added to just enough articles.
    const edge = Math.floor(articles.length / 8);
    const [word, count] = [...counts].filter(([w, c]) => c <= edge && /^[a-z]+$/.test(w)).sort((x, y) => y[1] - x[1])[0]!;
    const needed = edge + 1 - count;
    expect(needed).toBeLessThanOrEqual(10);
    const lacking = articles.flatMap((a, i) => (foldVietnamese(searchFields(a).map((f) => f.text).join(" ")).split(/[^a-z0-9]+/).includes(word) ? [] : [i])).slice(0, needed);
    const originals = lacking.map((i) => articles[i]!);
    for (const i of lacking) articles[i] = withBody(articles[i]!, `${word}.`);
    const dense = await incremental(articles);
    expect(dense.patched).toBe(true);
    expect(wordCounts(dense).get(word)).toBe(edge + 1);
    await expectSameAsFull(dense, articles);
    lacking.forEach((i, k) => (articles[i] = originals[k]!));
    const back = await incremental(articles);
    expect(back.patched).toBe(true);
    expect(wordCounts(back).get(word)).toBe(count);
    await expectSameAsFull(back, articles);
  });

  it("more than MAX_PATCHED_ARTICLES changed: written in full, the same files", async () => {
    articles = articles.map((a, i) => (i <= MAX_PATCHED_ARTICLES ? withBody(a, "Bổ sung.") : a));
    const built = await incremental(articles);
    expect(built.patched).toBe(false);
    await expectSameAsFull(built, articles);
  });

  it("an article added among older ones (ids move), then deleted, then one dated after all: patched, the same files", async () => {
    const source = articles[10]!;
    const added: Article = { ...source, url: `${source.url.replace(/\/$/, "")}-moi/`, title: `Bài mới: ${source.title}` };
    const withAdded = [...articles, added];
    const grown = await incremental(withAdded);
    expect(grown.patched).toBe(true);
    await expectSameAsFull(grown, withAdded);
    const shrunk = await incremental(articles);
    expect(shrunk.patched).toBe(true);
    await expectSameAsFull(shrunk, articles);
    const newest = articles.reduce((a, b) => (b.date.timestamp > a.date.timestamp ? b : a));
    const today: Article = { ...source, url: "/bai-hom-nay/", title: "Bài hôm nay", date: { ...newest.date, timestamp: newest.date.timestamp + 3_600_000 } };
    const appended = await incremental([...articles, today]);
    expect(appended.patched).toBe(true);
    await expectSameAsFull(appended, [...articles, today]);
  });

  it("articles dated after all others added one after another, then the newest deleted: only their shards parsed, the same files", async () => {
    const newest = articles.reduce((a, b) => (b.date.timestamp > a.date.timestamp ? b : a));
    const later = (k: number): Article => ({ ...articles[k]!, url: `/bai-moi-${k}/`, title: `Bài mới ${k}`, date: { ...newest.date, timestamp: newest.date.timestamp + (k + 1) * 3_600_000 } });
    let previous = await incremental(articles);
    let list = articles;
    for (const k of [1, 2, 3]) {
      list = [...list, later(k)];
      const built = await incremental(list);
      expect(built.patched).toBe(true);
      await expectSameAsFull(built, list);
      // No other article's id moved: the shards written again are those of the added article's words.
      const own = shardsOf(later(k), built.manifest.buckets);
      const changed = built.files.filter((f) => f.path.includes("/v/w/") && !Buffer.from(f.contents).equals(Buffer.from(previous.files.find((g) => g.path === f.path)!.contents))).map((f) => f.path.slice(f.path.indexOf("/v/") + 1));
      expect(changed.length).toBeGreaterThan(0);
      expect(changed.filter((file) => !own.has(file))).toEqual([]);
      previous = built;
    }
    list = list.slice(0, -1);
    const shrunk = await incremental(list);
    expect(shrunk.patched).toBe(true);
    await expectSameAsFull(shrunk, list);
    expect(await incremental(articles)).toMatchObject({ patched: true });
  });

  it("an article added after all others makes a word stop being dense: that word's shard is written again, the same files", async () => {
    // Dense is on more than 1/8 of the articles: with n + 1 a multiple of 8, a word on (n + 1) / 8 articles is
    // dense among n and not among n + 1, though the added article does not have it.
    const base = articles.slice(0, articles.length - ((articles.length + 1) % 8));
    const edge = (base.length + 1) / 8;
    const counts = wordCounts(await buildSearchIndex(base));
    const newest = base.reduce((a, b) => (b.date.timestamp > a.date.timestamp ? b : a));
    const plain = (a: Article): Set<string> => new Set(foldVietnamese(searchFields(a).map((f) => f.text).join(" ")).split(/[^a-z0-9]+/));
    const addedFrom = base.find((a) => a !== newest)!;
    const [word, count] = [...counts].filter(([w, c]) => c <= edge && /^[a-z]{3,}$/.test(w) && !plain(addedFrom).has(w)).sort((x, y) => y[1] - x[1])[0]!;
    const lacking = base.flatMap((a, i) => (a !== addedFrom && !plain(a).has(word) ? [i] : [])).slice(0, edge - count);
    const list = base.map((a, i) => (lacking.includes(i) ? withBody(a, `${word}.`) : a));
    expect(wordCounts(await incremental(list)).get(word)).toBe(edge);
    const added: Article = { ...addedFrom, url: "/bai-sau-cung/", title: "Bài sau cùng", date: { ...newest.date, timestamp: newest.date.timestamp + 3_600_000 } };
    const built = await incremental([...list, added]);
    expect(built.patched).toBe(true);
    await expectSameAsFull(built, [...list, added]);
    // And back: the word dense again.
    const back = await incremental(list);
    expect(back.patched).toBe(true);
    await expectSameAsFull(back, list);
  });

  it("an article deleted and another edited in one build: patched, the same files", async () => {
    const fewer = articles.filter((_, i) => i !== 77);
    fewer[20] = withBody(fewer[20]!, "Thêm một câu.");
    const built = await incremental(fewer);
    expect(built.patched).toBe(true);
    await expectSameAsFull(built, fewer);
    const back = await incremental(articles);
    expect(back.patched).toBe(true);
    await expectSameAsFull(back, articles);
  });

  it("an article re-dated into another year: patched, the same files", async () => {
    const a = articles[5]!;
    articles[5] = { ...a, date: { ...a.date, year: a.date.year + 1 } };
    const built = await incremental(articles);
    expect(built.patched).toBe(true);
    await expectSameAsFull(built, articles);
  });

  it("an article re-dated among others (its day and year, ids between its two places move), then back: patched, the same files", async () => {
    const byDate = [...articles].sort((a, b) => a.date.timestamp - b.date.timestamp);
    const [early, late] = [byDate[10]!, byDate[byDate.length - 10]!];
    const i = articles.indexOf(early);
    articles[i] = { ...early, date: { ...late.date, timestamp: late.date.timestamp + 60_000 } };
    const built = await incremental(articles);
    expect(built.patched).toBe(true);
    await expectSameAsFull(built, articles);
    articles[i] = early;
    const back = await incremental(articles);
    expect(back.patched).toBe(true);
    await expectSameAsFull(back, articles);
  });

  it("an article back-dated a few places before the newest, then deleted, then re-dated by one place: only the shards of the articles whose ids moved change, the same files", async () => {
    // n + 1 a multiple of 8 would move the dense edge (isDense), which rewrites other shards too.
    const base = (articles.length + 1) % 8 === 0 ? articles.slice(0, -1) : articles;
    let previous = await incremental(base);
    const buckets = previous.manifest.buckets;
    const later = (x: Article, y: Article): boolean => x.date.timestamp > y.date.timestamp || (x.date.timestamp === y.date.timestamp && x.url > y.url);
    const byDate = [...base].sort((x, y) => (later(x, y) ? 1 : later(y, x) ? -1 : 0));
    const newest = byDate.slice(-3);
    const added: Article = { ...byDate[10]!, url: "/bai-lui-ngay/", title: "Bài lùi ngày", date: { ...newest[0]!.date, timestamp: newest[0]!.date.timestamp - 1 } };
    /** The index shards whose bytes changed since `previous`. */
    const changedShards = (built: SearchIndexResult): string[] =>
      built.files
        .filter((f) => f.path.includes("/v/w/") && !Buffer.from(f.contents).equals(Buffer.from(previous.files.find((g) => g.path === f.path)!.contents)))
        .map((f) => f.path.slice(f.path.indexOf("/v/") + 1));
    /** Expects every changed shard to hold a word of one of `own` (the articles whose ids moved, or that came or went). */
    const expectOnlyShardsOf = (built: SearchIndexResult, own: readonly Article[]): void => {
      const allowed = new Set(own.flatMap((a) => [...shardsOf(a, buckets)]));
      const changed = changedShards(built);
      expect(changed.length).toBeGreaterThan(0);
      expect(changed.filter((file) => !allowed.has(file))).toEqual([]);
      // Not every shard read and written again: ids moved for a few articles only.
      expect(allowed.size).toBeLessThan(buckets);
      expect(built.shardsRewritten).toBeGreaterThanOrEqual(changed.length);
      expect(built.shardsRewritten).toBeLessThanOrEqual(allowed.size);
    };

    const grownList = [...base, added];
    const moved = base.filter((a) => later(a, added));
    expect(moved.length).toBeGreaterThanOrEqual(3);
    expect(moved.length).toBeLessThanOrEqual(5);
    const grown = await incremental(grownList);
    expect(grown.patched).toBe(true);
    await expectSameAsFull(grown, grownList);
    expectOnlyShardsOf(grown, [added, ...moved]);
    previous = grown;

    const shrunk = await incremental(base);
    expect(shrunk.patched).toBe(true);
    await expectSameAsFull(shrunk, base);
    expectOnlyShardsOf(shrunk, [added, ...moved]);
    previous = shrunk;

    // The second newest re-dated to just before the third newest: the two swap ids.
    const [third, second] = [newest[0]!, newest[1]!];
    const i = base.indexOf(second);
    const redatedList = base.map((a, k) => (k === i ? { ...second, date: { ...third.date, timestamp: third.date.timestamp - 1 } } : a));
    const redated = await incremental(redatedList);
    expect(redated.patched).toBe(true);
    await expectSameAsFull(redated, redatedList);
    expectOnlyShardsOf(redated, [second, third]);
    previous = redated;
    const back = await incremental(base);
    expect(back.patched).toBe(true);
    await expectSameAsFull(back, base);
    expectOnlyShardsOf(back, [second, third]);
  });

  it("a damaged state, a state without its compressed files, or none: written in full, the same files", async () => {
    const stateFile = path.join(project, INDEX_STATE_FILE);
    const good = readFileSync(stateFile);
    // One byte changed in the middle: the state's CRC no longer matches.
    const damaged = Buffer.from(good);
    damaged[Math.floor(damaged.length / 2)]! ^= 0xff;
    writeFileSync(stateFile, damaged);
    articles[30] = withBody(articles[30]!, "Một câu nữa.");
    let built = await incremental(articles);
    expect(built.patched).toBe(false);
    await expectSameAsFull(built, articles);
    // Cut short.
    writeFileSync(stateFile, readFileSync(stateFile).subarray(0, 1000));
    articles[31] = withBody(articles[31]!, "Một câu nữa.");
    built = await incremental(articles);
    expect(built.patched).toBe(false);
    await expectSameAsFull(built, articles);
    // The compressed files gone (a cache restored in part): nothing to take the unchanged files from.
    rmSync(path.join(project, COMPRESSED_CACHE_FILE));
    articles[32] = withBody(articles[32]!, "Một câu nữa.");
    built = await incremental(articles);
    expect(built.patched).toBe(false);
    await expectSameAsFull(built, articles);
    // Removed: a full build, which writes it again.
    rmSync(stateFile);
    built = await incremental(articles);
    expect(built.patched).toBe(false);
    expect(readFileSync(stateFile).length).toBeGreaterThan(0);
    built = await incremental(articles);
    expect(built.patched).toBe(true);
    await expectSameAsFull(built, articles);
  });

  it("without a cache folder (a planted link), nothing is patched nor kept", async () => {
    const none = await buildSearchIndex(articles, CompressedCache.none(), IndexStateFile.forProject(undefined));
    expect(none.patched).toBe(false);
    await expectSameAsFull(none, articles);
  });
});

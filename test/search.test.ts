/**
 * Search: accent folding (index and browser agree), what the index holds
 * per article, ranking, phrases, several words, filters and excerpts —
 * through the page's own search code (layouts/assets/search.js) over an
 * index built in memory — and the search page and index of a real build.
 * Queries in a real browser are in search.browser.test.ts; ranking against
 * Pagefind's indexer in search-quality.browser.test.ts.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSite } from "../src/build/build-site.ts";
import type { OutputFile } from "../src/build/output-files.ts";
import { SITE_PRODUCERS } from "../src/plan/site-outputs.ts";
import type { Article } from "../src/content/article.ts";
import { loadContent } from "../src/content/load-content.ts";
import { FoldedWordBag, foldVietnamese, foldedWords, pairWord, wordPairs } from "../src/search/fold.ts";
import { buildSearchIndex, indexedArticle } from "../src/search/index-step.ts";
import { SEARCH_BUNDLE_DIR } from "../src/search/search-config.ts";
import { FIELD_WEIGHTS, searchDocument, searchFields } from "../src/search/search-document.ts";
import { IMPACT_DIGITS, bucketOf, type SearchManifest } from "../src/search/search-index.ts";
import { joinWords, splitWords } from "../src/search/search-record.ts";
import { searchScript } from "../src/search/search-script.ts";
import { copyFixture, mdFile, parseOk } from "./helpers.ts";

const ROOT = path.resolve(import.meta.dirname, "..");

/** A parsed query (search.js parseQuery). */
interface Query {
  readonly loose: string[];
  readonly runs: string[][];
  readonly phrases: string[][];
}
interface Piece {
  readonly text: string;
  readonly mark: boolean;
}
interface Doc {
  readonly url: string;
  readonly title: string;
  readonly day: string;
  readonly unit: string;
  readonly text: string;
  readonly officials: string[];
}
interface Found {
  readonly ids: number[];
  readonly complete: number;
  readonly partial: number;
}
interface Index {
  search(query: Query, filters?: { unit?: string; year?: string }, sort?: "relevance" | "newest"): Promise<Found>;
  document(id: number): Promise<Doc>;
}
/** The browser script's exports (an ES module that does nothing without a document). */
interface SearchScript {
  foldVietnamese(text: string): string;
  searchTerms(text: string): string[];
  searchPairs(terms: readonly string[]): string[];
  bucketOf(word: string, buckets: number): number;
  parseQuery(text: string): Query;
  highlight(text: string, query: Query, words?: number): Piece[] | null;
  excerptOf(doc: Doc, query: Query, words?: number): { field: string; pieces: Piece[] };
  SearchIndex: new (manifest: unknown, load: (file: string) => Promise<unknown>) => Index;
  IMPACT_DIGITS: string;
}
const scriptUrl = pathToFileURL(path.join(ROOT, "layouts/assets/search.js")).href;
const browserScript = (): Promise<SearchScript> => import(scriptUrl) as Promise<SearchScript>;

/** Queries typed without diacritics, and the text they must find. */
const FOLDING: readonly (readonly [string, string])[] = [
  ["duong", "đường"],
  ["da nang", "Đà Nẵng"],
  ["so thong tin", "Sở Thông tin"],
  ["dang", "Đảng"],
  ["don vi", "đơn vị"],
  ["dau tu", "đầu tư"],
  ["hdnd", "HĐND"],
  ["thuy", "Thủy"],
  ["thuy", "Thuỷ"], // old-style tone placement
  ["khanh hoa", "Khánh Hòa"],
  ["khanh hoa", "Khánh Hoà"],
  ["quang ngai", "QUẢNG NGÃI"],
];

const SAMPLES = [
  ...FOLDING.flat(),
  "Sở Thông tin và Truyền thông (TT&TT)",
  "Đ đ Ð ð",
  "Bà Rịa – Vũng Tàu",
  "Đắk Lắk, Đắk Nông",
  "Thừa Thiên Huế",
  "Nghị quyết 202/2025/QH15",
  "Trung tâm CNTT&TT",
  "ư ơ ă â ê ô Ư Ơ Ă Â Ê Ô",
  "tiếng Việt có dấu".normalize("NFD"),
  "İstanbul ß ﬁ 東京",
  "",
];

describe("foldVietnamese", () => {
  it.each(FOLDING)("%s matches %s", (query, text) => {
    expect(foldVietnamese(text)).toBe(query);
    expect(foldVietnamese(query)).toBe(query);
  });

  it("maps đ/Đ (and the ð/Ð stand-ins of legacy encodings) to d, which Unicode does not decompose", () => {
    expect("đ".normalize("NFD")).toBe("đ"); // why Pagefind alone does not fold it
    expect(foldVietnamese("Đ đ Ð ð")).toBe("d d d d");
  });

  it("gives the same result for composed and decomposed input", () => {
    const text = "Hội nghị tổng kết công tác năm 2016 của Sở Thông tin và Truyền thông Đà Nẵng";
    expect(foldVietnamese(text.normalize("NFD"))).toBe(foldVietnamese(text));
    expect(foldVietnamese(text)).toBe("hoi nghi tong ket cong tac nam 2016 cua so thong tin va truyen thong da nang");
  });

  it("is the function the browser script uses (layouts/assets/search.js)", async () => {
    const script = await browserScript();
    for (const sample of SAMPLES) expect(script.foldVietnamese(sample), sample).toBe(foldVietnamese(sample));
  });

  it("the browser splits a query into the words the index holds", async () => {
    const script = await browserScript();
    expect(script.searchTerms("Sở TT&TT, “Đà Nẵng”")).toEqual(["so", "tt", "tt", "da", "nang"]);
    expect(script.searchTerms('"so thong tin"')).toEqual(["so", "thong", "tin"]);
    expect(script.searchTerms("  ")).toEqual([]);
    for (const sample of SAMPLES) expect(script.searchTerms(sample), sample).toEqual(foldedWords(sample));
  });

  it("the browser asks for adjacent words as the pairs the index holds", async () => {
    const script = await browserScript();
    expect(script.searchPairs(["so", "thong", "tin"])).toEqual(["_so_thong", "_thong_tin"]);
    expect(script.searchPairs(["duong"])).toEqual([]);
    for (const sample of SAMPLES) expect(script.searchPairs(foldedWords(sample)), sample).toEqual(wordPairs(foldedWords(sample)));
  });
});

describe("FoldedWordBag", () => {
  it("with pairs, adds each pair of adjacent words once, never across punctuation", () => {
    const bag = new FoldedWordBag({ pairs: true });
    expect(bag.bag(["Sở Thông tin, Đà Nẵng. Sở Thông tin"])).toEqual(["so", "thong", pairWord("so", "thong"), "tin", pairWord("thong", "tin"), "da", "nang", pairWord("da", "nang")]);
    expect(bag.bag(["Bà Rịa – Vũng Tàu", "(Đà) Nẵng"])).toEqual(["ba", "ria", "_ba_ria", "vung", "tau", "_vung_tau", "da", "nang"]);
    expect(bag.bag(["HĐND-UBND tỉnh"])).toEqual(["hdnd", "ubnd", "_hdnd_ubnd", "tinh", "_ubnd_tinh"]);
    // Separate texts (title, body…) are separate runs.
    expect(bag.bag(["Gia", "Lai"])).toEqual(["gia", "lai"]);
  });

  it("returns the distinct folded words in order of first appearance", () => {
    const bag = new FoldedWordBag();
    expect(bag.bag(["Đường Đà Nẵng, đường", "ĐÀ NẴNG – Dương"])).toEqual(["duong", "da", "nang"]);
    expect(bag.bag(["HĐND-UBND tỉnh"])).toEqual(["hdnd", "ubnd", "tinh"]);
    // Each call is a new record: nothing carries over.
    expect(bag.bag(["đường"])).toEqual(["duong"]);
    expect(bag.bag([])).toEqual([]);
  });
});

function article(frontMatter: string, body: string, file?: string): Article {
  return parseOk(mdFile(frontMatter, body), file);
}

/** A small corpus whose expected order is known. */
const CORPUS = {
  road: article(
    'title: "Đà Nẵng hoàn thành tuyến đường ven biển"\ndate: 2024-01-10T08:00\nprovince: da-nang\nagency: Sở Giao thông vận tải\nofficials:\n  - name: Nguyễn Văn Thành\n    role: Giám đốc Sở\n    honorific: Ông',
    "Năm 2023, Sở đã hoàn thành nâng cấp 12 km đường ven biển và cải tạo hệ thống chiếu sáng.\n\nNăm 2024, Sở tập trung đầu tư các dự án đường nối cảng Liên Chiểu.",
    "content/da-nang/2024-01-10-duong-ven-bien.md",
  ),
  digital: article(
    'title: "Hội nghị tổng kết công tác năm 2022"\ndate: 2023-01-05\nprovince: gia-lai\nawards:\n  - title: Huân chương Lao động hạng Ba\n    recipient: tập thể\n    count: 1',
    "Trong năm, ngành tập trung chuyển đổi số trong cơ quan nhà nước. Kết quả chuyển đổi số được đánh giá cao.",
    "content/gia-lai/2023-01-05-tong-ket-2022.md",
  ),
  scattered: article(
    'title: "Tổng kết năm 2021 của Trung tâm lưu trữ"\ndate: 2022-01-05\nprovince: gia-lai',
    "Số hóa hồ sơ được đẩy mạnh; Trung tâm chuyển đổi mô hình hoạt động và đổi mới cách làm.",
    "content/gia-lai/2022-01-05-tong-ket-2021.md",
  ),
  newest: article(
    'title: "Hội nghị tổng kết công tác năm 2024"\ndate: 2025-01-06\nprovince: ha-tinh',
    `${"Các đơn vị đã hoàn thành kế hoạch năm, bảo đảm tiến độ và chất lượng công việc được giao. ".repeat(8)}Tỉnh cũng sửa chữa một đoạn đường liên xã.`,
    "content/ha-tinh/2025-01-06-tong-ket-2024.md",
  ),
  former: article('title: "Tổng kết năm 2016"\ndate: 2016-12-20T14:30\nprovince: binh-dinh', "Đơn vị đầu tư chiều sâu.", "content/binh-dinh/2016-12-20-tong-ket.md"),
} as const;

/** The corpus's index in memory, searched by the page's own code. */
async function corpusIndex(articles: readonly Article[] = Object.values(CORPUS)): Promise<{ index: Index; manifest: SearchManifest; files: Map<string, Uint8Array | string> }> {
  const built = await buildSearchIndex(articles);
  const files = new Map(built.files.map((f) => [f.path.slice(SEARCH_BUNDLE_DIR.length + 1), f.contents]));
  const script = await browserScript();
  const index = new script.SearchIndex(JSON.parse(String(files.get("index.json"))), async (file) => {
    const bytes = files.get(file);
    if (bytes === undefined || typeof bytes === "string") throw new Error(`${file} is not a compressed file of the index`);
    return JSON.parse(gunzipSync(bytes).toString("utf8"));
  });
  return { index, manifest: built.manifest, files };
}

describe("what the index holds per article", () => {
  it("weighs each word by its field, once per occurrence, with pairs within a field", () => {
    const bag = new FoldedWordBag({ pairs: true });
    const w = bag.weighted([
      { text: "Đường ven biển", weight: 6 },
      { text: "đường, đường ven", weight: 1 },
    ]);
    const tf = Object.fromEntries(Array.from(w.ids, (id, i) => [bag.vocabulary[id], w.tf[i]]));
    expect(tf).toEqual({ duong: 8, ven: 7, _duong_ven: 7, bien: 6, _ven_bien: 6 });
    expect(w.length).toBe(6);
    // Same words as the unweighted bag.
    expect(Array.from(w.ids, (id) => bag.vocabulary[id])).toEqual(bag.bag(["Đường ven biển", "đường, đường ven"]));
  });

  it("the same words whatever came before: tokens found in the token table fold as they did the first time", () => {
    const bag = new FoldedWordBag({ pairs: true });
    const texts = [{ text: "Sở Thông tin, Đà Nẵng. Sở Thông tin; (Đà) Nẵng – sở", weight: 2 }];
    const first = bag.weighted(texts);
    for (let i = 0; i < 3000; i++) bag.weighted([{ text: `từ${i} khác${i} ${"x".repeat(i % 40)}`, weight: 1 }]);
    const again = bag.weighted(texts);
    expect(Array.from(again.ids)).toEqual(Array.from(first.ids));
    expect(Array.from(again.tf)).toEqual(Array.from(first.tf));
    const words = Object.fromEntries(Array.from(again.ids, (id, i) => [bag.word(id), again.tf[i]]));
    expect(words).toMatchObject({ so: 6, thong: 4, tin: 4, _so_thong: 4, _thong_tin: 4, da: 4, nang: 4, _da_nang: 2 });
  });

  it("words as the parse cache keeps them: one line, read back as they were; anything else is refused", () => {
    const bag = new FoldedWordBag({ pairs: true });
    const w = bag.weighted([{ text: "Đường ven biển Đà Nẵng", weight: 6 }, { text: "đường", weight: 1 }]);
    const line = joinWords(w, (id) => bag.word(id));
    expect(line).toBe("6 duong 7 ven 6 _duong_ven 6 bien 6 _ven_bien 6 da 6 _bien_da 6 nang 6 _da_nang 6");
    const back = splitWords(line, (word) => bag.wordId(word))!;
    expect([Array.from(back.ids), Array.from(back.tf), back.length]).toEqual([Array.from(w.ids), Array.from(w.tf), w.length]);
    for (const bad of ["", "x", "6 duong", "06 duong 7", "6 duong 07", "6 duong 65536", "6 duong -1", "6 duong 7.5", "6  7", "1234567890 a 1"]) expect(splitWords(bad, () => 0), bad).toBeUndefined();
    expect(splitWords("0", () => 0)).toEqual({ ids: new Int32Array(0), tf: new Uint16Array(0), length: 0 });
    expect(splitWords("3 a 65535", () => 9)?.tf[0]).toBe(65_535);
  });

  it("the title, officials, agency and awards weigh more than the body", () => {
    const fields = searchFields(CORPUS.road);
    const weightOf = (text: string) => fields.find((f) => f.text === text)?.weight;
    expect(weightOf(CORPUS.road.title)).toBe(FIELD_WEIGHTS.title);
    expect(weightOf("Nguyễn Văn Thành")).toBe(FIELD_WEIGHTS.official);
    expect(weightOf("Sở Giao thông vận tải")).toBe(FIELD_WEIGHTS.agency);
    expect(weightOf(CORPUS.road.bodyText)).toBe(FIELD_WEIGHTS.body);
    expect(searchFields(CORPUS.digital).find((f) => f.text === "Huân chương Lao động hạng Ba")?.weight).toBe(FIELD_WEIGHTS.award);
    for (const key of ["title", "official", "agency", "award"] as const) expect(FIELD_WEIGHTS[key]).toBeGreaterThan(FIELD_WEIGHTS.body);
  });

  it("a result's record: URL, title, day, unit label, the body for the excerpt, and the fields that can explain a match", () => {
    expect(searchDocument(CORPUS.road)).toEqual({
      u: "/da-nang/2024/duong-ven-bien/",
      t: "Đà Nẵng hoàn thành tuyến đường ven biển",
      d: "2024-01-10",
      p: "Đà Nẵng",
      x: CORPUS.road.bodyText,
      a: "Sở Giao thông vận tải",
      o: ["Ông Nguyễn Văn Thành, Giám đốc Sở"],
    });
    expect(searchDocument(CORPUS.digital).k).toEqual(["Huân chương Lao động hạng Ba tập thể (1)"]);
    expect(searchDocument(CORPUS.former).p).toBe("Bình Định, nay thuộc Gia Lai");
    expect(indexedArticle(CORPUS.former, new FoldedWordBag({ pairs: true })).units).toEqual(["Bình Định", "Gia Lai"]);
  });

  it("the browser finds a word's shard with the build's hash", async () => {
    const script = await browserScript();
    const words = ["duong", "_da_nang", "hdnd", "", "2016", "東京", "\u{1F600}", ...SAMPLES.flatMap(foldedWords)];
    for (const buckets of [1, 2, 64, 4096]) for (const word of words) expect(script.bucketOf(word, buckets), `${word} / ${buckets}`).toBe(bucketOf(word, buckets));
    expect(new Set(words.map((w) => bucketOf(w, 64))).size).toBeGreaterThan(8);
    expect(script.IMPACT_DIGITS).toBe(IMPACT_DIGITS);
    expect(new Set(IMPACT_DIGITS).size).toBe(64);
    expect(IMPACT_DIGITS).not.toMatch(/["\\]/);
  });
});

describe("the index files", () => {
  it("a manifest with the version; one record per article, oldest first; shards; unit lists and year ranges", async () => {
    const { manifest, files } = await corpusIndex();
    expect(manifest).toMatchObject({ format: 2, docs: 5, years: { "2016": [0, 0], "2022": [1, 1], "2023": [2, 2], "2024": [3, 3], "2025": [4, 4] } });
    expect(manifest.version).toMatch(/^[0-9a-f]{12}$/);
    expect(Object.keys(manifest.units).sort()).toEqual(["Bình Định", "Gia Lai", "Hà Tĩnh", "Đà Nẵng"].sort());
    // No version in the paths: a file keeps its name (and its bytes, when its content is the same) from build to build.
    for (const path of files.keys()) expect(path).toMatch(/^(index\.json|v\/(w|f)\/\d+\.dat|v\/d\/\d{4}\/\d+\.dat)$/);
    // Records by year: each year's articles numbered from 0, oldest first.
    const doc = (id: number) => JSON.parse(gunzipSync(files.get(`v/d/${["2016", "2022", "2023", "2024", "2025"][id]}/0.dat`) as Uint8Array).toString("utf8")) as { u: string };
    expect([0, 1, 2, 3, 4].map((id) => doc(id).u)).toEqual([CORPUS.former, CORPUS.scattered, CORPUS.digital, CORPUS.road, CORPUS.newest].map((a) => a.url));
    // Only folded words: no "đ" or tone mark in any shard.
    for (const [path, bytes] of files) {
      if (!path.includes("/w/")) continue;
      for (const [word] of JSON.parse(gunzipSync(bytes as Uint8Array).toString("utf8")) as [string][]) expect(word).toBe(foldVietnamese(word));
    }
  });

  it("the same articles give the same files", async () => {
    const a = await buildSearchIndex(Object.values(CORPUS));
    const b = await buildSearchIndex([...Object.values(CORPUS)].reverse());
    expect(b.manifest).toEqual(a.manifest);
    expect(b.files.map((f) => f.path)).toEqual(a.files.map((f) => f.path));
  });
});

describe("searching (the page's own code over the index)", () => {
  let index: Index;
  let script: SearchScript;
  const urls = async (found: Found) => Promise.all(found.ids.map(async (id) => (await index.document(id)).url));
  beforeAll(async () => {
    ({ index } = await corpusIndex());
    script = await browserScript();
  });

  it('relevance first: "duong" puts the article with "đường" in its title before one that mentions it once; "Mới nhất" by date', async () => {
    const q = script.parseQuery("duong");
    const relevant = await urls(await index.search(q));
    expect(relevant).toEqual([CORPUS.road.url, CORPUS.newest.url]);
    expect(await urls(await index.search(q, {}, "newest"))).toEqual([CORPUS.newest.url, CORPUS.road.url]);
    expect(await urls(await index.search(script.parseQuery("ĐƯỜNG")))).toEqual(relevant);
  });

  it("an official's name, an award and an agency find their article, with or without diacritics", async () => {
    for (const q of ["nguyen van thanh", "Nguyễn Văn Thành", "huan chuong lao dong hang ba", "so giao thong van tai"]) {
      const found = await urls(await index.search(script.parseQuery(q)));
      expect(found[0], q).toBe(q.includes("huan") ? CORPUS.digital.url : CORPUS.road.url);
    }
  });

  it('a quoted phrase matches its words in that order only: "chuyển đổi số"', async () => {
    expect(await urls(await index.search(script.parseQuery("“chuyển đổi số”")))).toEqual([CORPUS.digital.url]);
    expect(await urls(await index.search(script.parseQuery('"chuyen doi so"')))).toEqual([CORPUS.digital.url]);
    expect(await urls(await index.search(script.parseQuery('"so chuyen doi"')))).toEqual([]);
    // Unquoted, every article with the words, the one with them in order first.
    const loose = await urls(await index.search(script.parseQuery("chuyen doi so")));
    expect(loose[0]).toBe(CORPUS.digital.url);
    expect(loose).toContain(CORPUS.scattered.url);
  });

  it("several words: articles with all of them first, then those with some, and counts of each", async () => {
    // "đường nối cảng Liên Chiểu"; the newest article has "đường liên xã", the oldest "chiều sâu".
    const found = await index.search(script.parseQuery("duong lien chieu"));
    expect([found.complete, found.partial]).toEqual([1, 2]);
    expect(await urls(found)).toEqual([CORPUS.road.url, CORPUS.newest.url, CORPUS.former.url]);
    expect(await urls(await index.search(script.parseQuery("duong lien chieu"), {}, "newest"))).toEqual([CORPUS.road.url, CORPUS.newest.url, CORPUS.former.url]);
  });

  it("filters: a unit (its former units' articles too) and a year; filters alone list articles newest first", async () => {
    expect(await urls(await index.search(script.parseQuery("tong ket"), { unit: "Gia Lai" }))).toEqual(expect.arrayContaining([CORPUS.digital.url, CORPUS.scattered.url, CORPUS.former.url]));
    expect(await urls(await index.search(script.parseQuery(""), { unit: "Gia Lai" }))).toEqual([CORPUS.digital.url, CORPUS.scattered.url, CORPUS.former.url]);
    expect(await urls(await index.search(script.parseQuery(""), { year: "2024" }))).toEqual([CORPUS.road.url]);
    expect(await urls(await index.search(script.parseQuery("duong"), { year: "2024" }))).toEqual([CORPUS.road.url]);
    expect(await urls(await index.search(script.parseQuery("duong"), { unit: "Không có" }))).toEqual([]);
    expect(await urls(await index.search(script.parseQuery("duong"), { unit: "__proto__" }))).toEqual([]);
  });

  it("a query is cut to 12 words, and quotes may be left open", () => {
    expect(script.parseQuery("a b c d e f g h i j k l m n o").loose).toHaveLength(12);
    expect(script.parseQuery('tong ket "chuyen doi so')).toEqual({ loose: ["tong", "ket"], runs: [["tong", "ket"]], phrases: [["chuyen", "doi", "so"]] });
  });
});

describe("excerpts and highlighting", () => {
  let script: SearchScript;
  beforeAll(async () => {
    script = await browserScript();
  });
  const marked = (pieces: readonly Piece[] | null) => (pieces ?? []).filter((p) => p.mark).map((p) => p.text);
  const text = (pieces: readonly Piece[] | null) => (pieces ?? []).map((p) => p.text).join("");

  it('"duong" highlights "đường" and "Dương", never part of a word', () => {
    const pieces = script.highlight("Đường Bình Dương, đường phố; Tường", script.parseQuery("duong"));
    expect(marked(pieces)).toEqual(["Đường", "Dương", "đường"]);
    expect(text(pieces)).toBe("Đường Bình Dương, đường phố; Tường");
  });

  it("the excerpt is a window of words around the best cluster of matches, cut with …", () => {
    const body = CORPUS.newest.bodyText;
    const pieces = script.highlight(body, script.parseQuery("duong lien xa"), 12);
    expect(marked(pieces)).toEqual(["đường", "liên", "xã"]);
    expect(text(pieces).startsWith("… ")).toBe(true);
    expect(text(pieces).split(/\s+/).length).toBeLessThanOrEqual(14);
    expect(script.highlight(body, script.parseQuery("zzz"), 12)).toBeNull();
  });

  it("a phrase highlights its words only where they stand in order", () => {
    const pieces = script.highlight("Số hóa và chuyển đổi; chuyển đổi số trong năm", script.parseQuery('"chuyen doi so"'));
    expect(marked(pieces)).toEqual(["chuyển", "đổi", "số"]);
  });

  it("a match outside the body is explained by its field; no match shows the opening words", () => {
    const doc: Doc = { url: "/x/", title: "T", day: "2024-01-01", unit: "Huế", text: "Nội dung bài viết.", officials: ["Ông Nguyễn Văn Thành, Giám đốc"] };
    const byOfficial = script.excerptOf({ ...doc, agency: "", awards: [], tags: [] } as Doc, script.parseQuery("thanh"));
    expect(byOfficial.field).toBe("officials");
    expect(marked(byOfficial.pieces)).toEqual(["Thành"]);
    const none = script.excerptOf({ ...doc, agency: "", awards: [], tags: [] } as Doc, script.parseQuery("zzz"));
    expect(none).toEqual({ field: "", pieces: [{ text: "Nội dung bài viết.", mark: false }] });
  });

  it("the page builds results with DOM methods and text only, never markup from the index", () => {
    const source = readFileSync(path.join(ROOT, "layouts/assets/search.js"), "utf8");
    expect(source).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write|createContextualFragment|DOMParser/);
  });
});

describe("the build of the seed articles", () => {
  const work = mkdtempSync(path.join(tmpdir(), "search-test-"));
  const out = path.join(work, "site");
  const root = copyFixture("seed-site");
  afterAll(() => {
    rmSync(work, { recursive: true, force: true });
    rmSync(root, { recursive: true, force: true });
  });

  beforeAll(async () => {
    await buildSite({ outDir: out, rootDir: root });
  });

  it("runs the search step: a manifest and its folder of files, one record per article", () => {
    expect(SITE_PRODUCERS.map((s) => s.name)).toContain("search");
    const manifest = JSON.parse(readFileSync(path.join(out, SEARCH_BUNDLE_DIR, "index.json"), "utf8")) as SearchManifest;
    expect(readdirSync(path.join(out, SEARCH_BUNDLE_DIR)).sort()).toEqual(["index.json", "v"]);
    const records = readdirSync(path.join(out, SEARCH_BUNDLE_DIR, "v", "d"), { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
    expect(records).toHaveLength(manifest.docs);
    expect(manifest.docs).toBe(5);
    const headers = readFileSync(path.join(out, "_headers"), "utf8");
    expect(headers).toContain(`/${SEARCH_BUNDLE_DIR}/v/*\n  Cache-Control: public, max-age=31536000, immutable`);
  });

  it("the search page: a GET form with a labelled q field, filters and sort from the data, results region, noscript", () => {
    const page = readFileSync(path.join(out, "tim-kiem/index.html"), "utf8");
    expect(page).toMatch(/<form id="tim-kiem" class="search-form" role="search" action="\/tim-kiem\/" method="get"/);
    expect(page).toContain(`data-bundle="/${SEARCH_BUNDLE_DIR}/"`);
    expect(page).toContain('<label for="tu-khoa">Từ khóa</label>');
    expect(page).toMatch(/<input id="tu-khoa" name="q" type="search"/);
    expect(page).toContain('<select id="loc-tinh" name="tinh">');
    expect(page).toContain('<option value="Hồ Chí Minh">Hồ Chí Minh (1)</option>');
    expect(page).toContain('<option value="Bình Dương">Bình Dương (1)</option>');
    expect(page).not.toContain('value="Hà Nội"'); // no articles there
    expect(page).toContain('<label for="sap-xep">Xếp theo</label>\n<select id="sap-xep" name="sap-xep">\n<option value="">Phù hợp nhất</option>\n<option value="moi-nhat">Mới nhất</option>');
    expect(page).toMatch(/<p id="search-status" class="search-status" role="status" aria-live="polite"><\/p>/);
    expect(page).toMatch(/<noscript><p class="note">Tìm kiếm cần bật JavaScript/);
    const script = /<script type="module" src="(\/assets\/search-[0-9a-f]{10}\.js)"><\/script>/.exec(page)?.[1];
    expect(script).toBe(searchScript().url);
    expect(readFileSync(path.join(out, script ?? ""), "utf8")).toBe(readFileSync(path.join(ROOT, "layouts/assets/search.js"), "utf8"));
    expect(page).not.toMatch(/\sstyle=|<style|\son[a-z]+=/i);
  });
});

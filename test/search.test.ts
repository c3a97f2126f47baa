/**
 * Search: accent folding (index and browser agree), the index pages built
 * from articles, the Pagefind bundle writer checked against Pagefind's own
 * indexer, and the search page and bundle of a real build. Queries in a
 * real browser are in search.browser.test.ts.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
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
import { readCbor, type CborValue } from "../src/search/cbor.ts";
import { FoldedWordBag, foldVietnamese, foldedWords, pairWord, wordPairs } from "../src/search/fold.ts";
import { buildSearchIndex, buildWithPagefind, searchPage, searchSortKey } from "../src/search/index-step.ts";
import { PagefindBundleWriter, compareCodePoints, pagefindRuntime, wordList, type BundlePage } from "../src/search/pagefind-bundle.ts";
import { SEARCH_FILTERS } from "../src/search/search-config.ts";
import { searchScript } from "../src/search/search-script.ts";
import { MINIMAL, SEED_SITE, copyFixture, mdFile, parseOk } from "./helpers.ts";

const ROOT = path.resolve(import.meta.dirname, "..");

/** The browser script's exports (an ES module that does nothing without a document). */
interface SearchScript {
  foldVietnamese(text: string): string;
  searchTerms(text: string): string[];
  searchPairs(terms: readonly string[]): string[];
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

describe("searchPage (one article in the index)", () => {
  const current = article(`${MINIMAL}\nagency: Sở Thông tin và Truyền thông`, "Nâng cấp đường giao thông. Hội nghị tại Đà Nẵng.");
  const former = article("title: Tổng kết năm 2016\ndate: 2016-12-20T14:30\nprovince: binh-dinh", "Đơn vị đầu tư.", "content/binh-dinh/2016-12-20-tong-ket.md");

  it("holds the folded words of the title, unit, agency and body, and their adjacent pairs", () => {
    const page = { ...searchPage(current), words: wordList(searchPage(current).words) };
    for (const word of ["hoi", "nghi", "tong", "ket", "gia", "lai", "so", "thong", "tin", "duong", "da", "nang"]) expect(page.words).toContain(word);
    for (const pair of ["_so_thong", "_thong_tin", "_da_nang", "_gia_lai", "_duong_giao"]) expect(page.words).toContain(pair);
    expect(new Set(page.words).size).toBe(page.words.length);
    expect(page.words.every((w) => w === foldVietnamese(w) && /^(?:[\p{L}\p{N}]+|_[\p{L}\p{N}]+_[\p{L}\p{N}]+)$/u.test(w))).toBe(true);
  });

  it("files a former unit's article under its own and its current unit, and under its year", () => {
    expect(searchPage(former).filters).toEqual({ [SEARCH_FILTERS.province]: ["Bình Định", "Gia Lai"], [SEARCH_FILTERS.year]: ["2016"] });
    expect(searchPage(current).filters).toEqual({ [SEARCH_FILTERS.province]: ["Gia Lai"], [SEARCH_FILTERS.year]: ["2016"] });
  });

  it("shows title, day, unit label and summary, and sorts by the UTC instant", () => {
    const page = searchPage(former);
    expect(page.meta).toEqual({ title: "Tổng kết năm 2016", date: "2016-12-20", province: "Bình Định, nay thuộc Gia Lai", summary: "Đơn vị đầu tư." });
    expect(page.sort).toEqual({ date: "2016-12-20T07:30:00.000Z" });
    expect(searchSortKey(former) > searchSortKey(current)).toBe(true); // 20 Dec vs 29 Nov
    expect(page.content).toBe("");
  });
});

describe("compareCodePoints", () => {
  it("orders strings by code point like Rust, unlike JavaScript's UTF-16 comparison", () => {
    const words = ["b", "a", "ab", "", "\u{1F600}", "\uFFFD", "é", "z9", "z10"];
    const byBytes = [...words].sort((x, y) => Buffer.compare(Buffer.from(x), Buffer.from(y)));
    expect([...words].sort(compareCodePoints)).toEqual(byBytes);
    expect(compareCodePoints("\u{1F600}", "\uFFFD")).toBeGreaterThan(0);
    expect("\u{1F600}" < "\uFFFD").toBe(true); // what a plain sort would get wrong
  });
});

// ---------------------------------------------------------------------------
// Reading bundles back
// ---------------------------------------------------------------------------

interface DecodedBundle {
  readonly version: string;
  readonly pageCount: number;
  /** Per page, in page order: URL, word count and fragment. */
  readonly pages: readonly { url: string; wordCount: number; fragment: Record<string, unknown> }[];
  /** word → [url, content locations] for pages holding it in their content. */
  readonly words: ReadonlyMap<string, readonly [string, readonly number[]][]>;
  readonly filters: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>>;
  readonly sorts: Readonly<Record<string, readonly string[]>>;
  readonly metaFields: readonly string[];
  readonly includeCharacters: readonly string[];
}

const array = (v: CborValue | undefined): CborValue[] => {
  if (!Array.isArray(v)) throw new Error(`expected a CBOR array, got ${JSON.stringify(v)}`);
  return v;
};
const str = (v: CborValue | undefined): string => {
  if (typeof v !== "string") throw new Error(`expected a CBOR string, got ${JSON.stringify(v)}`);
  return v;
};
const num = (v: CborValue | undefined): number => {
  if (typeof v !== "number") throw new Error(`expected a CBOR number, got ${JSON.stringify(v)}`);
  return v;
};

/** Un-gzips a Pagefind file and checks its marker. */
function unpack(bytes: Uint8Array | string): Uint8Array {
  const raw = gunzipSync(typeof bytes === "string" ? Buffer.from(bytes) : bytes);
  expect(raw.subarray(0, 12).toString()).toBe("pagefind_dcd");
  return raw.subarray(12);
}

/** Decodes a bundle given a reader of its files (paths relative to the bundle folder). */
function decodeBundle(read: (file: string) => Uint8Array | string): DecodedBundle {
  const text = (f: string): string => {
    const v = read(f);
    return typeof v === "string" ? v : Buffer.from(v).toString("utf8");
  };
  const entry = JSON.parse(text("pagefind-entry.json")) as { version: string; languages: Record<string, { hash: string; page_count: number }>; include_characters: string[] };
  const language = entry.languages["vi"];
  if (!language) throw new Error("no vi language in pagefind-entry.json");
  const [version, pages, chunks, filters, sorts, metaFields] = array(readCbor(unpack(read(`pagefind.${language.hash}.pf_meta`))));
  const groups = new Map<string, Record<string, Record<string, unknown>>>();
  const decodedPages = array(pages).map((p) => {
    const [hash, wordCount, group] = array(p);
    let fragment: Record<string, unknown> | undefined;
    if (str(group)) {
      let members = groups.get(str(group));
      if (!members) groups.set(str(group), (members = JSON.parse(Buffer.from(unpack(read(`fragment/${str(group)}.pf_fragment`))).toString("utf8")) as Record<string, Record<string, unknown>>));
      fragment = members[str(hash)];
    } else {
      fragment = JSON.parse(Buffer.from(unpack(read(`fragment/${str(hash)}.pf_fragment`))).toString("utf8")) as Record<string, unknown>;
    }
    if (!fragment) throw new Error(`no fragment for page ${str(hash)}`);
    return { url: String(fragment["url"]), wordCount: num(wordCount), fragment };
  });
  const urlOf = (page: number): string => decodedPages[page]?.url ?? `(page ${page})`;
  const words = new Map<string, [string, number[]][]>();
  let previousTo = "";
  for (const chunk of array(chunks)) {
    const [from, to, hash] = array(chunk).map(str);
    expect(compareCodePoints(from ?? "", to ?? ""), `chunk ${from}–${to}`).toBeLessThanOrEqual(0);
    expect(compareCodePoints(previousTo, from ?? ""), `chunks out of order at ${from}`).toBeLessThan(0);
    previousTo = to ?? "";
    const [list] = array(readCbor(unpack(read(`index/${hash}.pf_index`))));
    for (const w of array(list)) {
      const [word, wordPages] = array(w);
      let page = 0;
      const found: [string, number[]][] = [];
      for (const p of array(wordPages)) {
        const [delta, locs] = array(p);
        page += num(delta);
        if (array(locs).length > 0) found.push([urlOf(page), array(locs).map(num)]);
      }
      if (found.length > 0) words.set(str(word), found);
    }
  }
  const decodedFilters: Record<string, Record<string, string[]>> = {};
  for (const f of array(filters)) {
    const [name, hash] = array(f).map(str);
    const [filterName, values] = array(readCbor(unpack(read(`filter/${hash}.pf_filter`))));
    expect(filterName).toBe(name);
    decodedFilters[str(name)] = Object.fromEntries(array(values).map((v) => [str(array(v)[0]), array(array(v)[1]).map((p) => urlOf(num(p)))]));
  }
  const decodedSorts = Object.fromEntries(array(sorts).map((s) => [str(array(s)[0]), array(array(s)[1]).map((p) => urlOf(num(p)))]));
  return {
    version: str(version),
    pageCount: language.page_count,
    pages: decodedPages,
    words,
    filters: decodedFilters,
    sorts: decodedSorts,
    metaFields: array(metaFields).map(str),
    includeCharacters: entry.include_characters,
  };
}

function inMemory(files: readonly OutputFile[], prefix = ""): (file: string) => Uint8Array | string {
  const byPath = new Map(files.map((f) => [f.path, f.contents]));
  return (file) => {
    const found = byPath.get(`${prefix}${file}`);
    if (found === undefined) throw new Error(`${prefix}${file} is not in the bundle`);
    return found;
  };
}

// ---------------------------------------------------------------------------
// The writer against Pagefind's own indexer
// ---------------------------------------------------------------------------

/** The seed articles (test/fixtures/seed-site), never the repository's content/. */
const bundled = loadContent({ rootDir: SEED_SITE });

describe("PagefindBundleWriter writes what Pagefind's own indexer writes", () => {
  const pages: BundlePage[] = [];
  let ours: DecodedBundle;
  let theirs: DecodedBundle;

  beforeAll(async () => {
    expect(bundled.errors).toEqual([]);
    const bag = new FoldedWordBag();
    pages.push(...bundled.articles.map((a) => searchPage(a, bag)));
    // Edge cases: a word repeated on a page, an empty page, equal sort keys, a numeric-looking title.
    pages.push(
      { url: "/x/repeat/", words: ["duong", "pho", "duong", "duong"], content: "", meta: { title: "2016" }, filters: { year: ["2016"] }, sort: { date: "2016-01-01T00:00:00.000Z" } },
      { url: "/x/also/", words: ["pho"], content: "", meta: { title: "Phố" }, filters: { province: ["Gia Lai"], year: ["2016"] }, sort: { date: "2016-01-01T00:00:00.000Z" } },
    );
    const runtime = await pagefindRuntime("vi");
    const writer = new PagefindBundleWriter("vi");
    for (const page of pages) writer.addPage(page);
    ours = decodeBundle(inMemory(await writer.finish(runtime)));
    theirs = decodeBundle(inMemory(await buildWithPagefind(pages)));
  });

  it("same version, pages, word counts and language settings", () => {
    expect(ours.version).toBe(theirs.version);
    expect(ours.pageCount).toBe(pages.length);
    expect(theirs.pageCount).toBe(pages.length);
    expect(ours.pages.map((p) => [p.url, p.wordCount])).toEqual(theirs.pages.map((p) => [p.url, p.wordCount]));
    expect(ours.includeCharacters).toEqual(theirs.includeCharacters);
    expect(ours.metaFields).toEqual(theirs.metaFields);
  });

  it("same words, on the same pages, at the same positions", () => {
    expect(ours.words.size).toBeGreaterThan(300);
    expect([...ours.words.keys()].sort()).toEqual([...theirs.words.keys()].sort());
    for (const [word, found] of ours.words) expect(found, word).toEqual(theirs.words.get(word));
    expect(ours.words.get("duong")?.find(([url]) => url === "/x/repeat/")).toEqual(["/x/repeat/", [-25, 0, 2, 1]]);
  });

  it("same filters, same sort order, same fragment data", () => {
    expect(ours.filters).toEqual(theirs.filters);
    expect(ours.sorts).toEqual(theirs.sorts);
    const strip = (f: Record<string, unknown>) => ({ ...f, content: undefined });
    expect(ours.pages.map((p) => strip(p.fragment))).toEqual(theirs.pages.map((p) => strip(p.fragment)));
  });
});

// ---------------------------------------------------------------------------
// A real build of the seed articles
// ---------------------------------------------------------------------------

describe("the build of the seed articles", () => {
  const work = mkdtempSync(path.join(tmpdir(), "search-test-"));
  const out = path.join(work, "site");
  const root = copyFixture("seed-site");
  let bundle: DecodedBundle;
  const articles = bundled.articles;
  afterAll(() => {
    rmSync(work, { recursive: true, force: true });
    rmSync(root, { recursive: true, force: true });
  });

  beforeAll(async () => {
    await buildSite({ outDir: out, rootDir: root });
    bundle = decodeBundle((file) => readFileSync(path.join(out, "pagefind", file)));
  });

  it("runs the search step", () => {
    expect(SITE_PRODUCERS.map((s) => s.name)).toContain("search");
  });

  it("writes Pagefind's runtime and an index with one page per article, and none of Pagefind's prebuilt UIs", () => {
    const files = readdirSync(path.join(out, "pagefind"));
    for (const f of ["pagefind.js", "pagefind-worker.js", "wasm.unknown.pagefind", "pagefind-entry.json"]) expect(files).toContain(f);
    for (const f of files) expect(f).not.toMatch(/ui\.(js|css)$|highlight/);
    expect(bundle.pageCount).toBe(articles.length);
    expect(bundle.pages.map((p) => p.url).sort()).toEqual(articles.map((a) => a.url).sort());
  });

  it("filters by every unit an article is listed under and by year", () => {
    const provinces: Record<string, string[]> = {};
    const years: Record<string, string[]> = {};
    for (const a of articles) {
      for (const id of a.listedUnder) (provinces[{ "binh-duong": "Bình Dương", "ho-chi-minh": "Hồ Chí Minh", "gia-lai": "Gia Lai", "ha-tinh": "Hà Tĩnh", "hai-phong": "Hải Phòng", "quang-ngai": "Quảng Ngãi" }[id] ?? id] ??= []).push(a.url);
      (years[String(a.date.year)] ??= []).push(a.url);
    }
    const sorted = (o: Record<string, readonly string[]>) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, [...v].sort()]));
    expect(sorted(bundle.filters[SEARCH_FILTERS.province] ?? {})).toEqual(sorted(provinces));
    expect(sorted(bundle.filters[SEARCH_FILTERS.year] ?? {})).toEqual(sorted(years));
    expect(Object.keys(provinces)).toContain("Hồ Chí Minh"); // Bình Dương's article, listed under its current city too
  });

  it("sorts by date: ascending in the index, so newest first when the page asks for descending", () => {
    expect([...(bundle.sorts["date"] ?? [])].reverse()).toEqual(articles.map((a) => a.url));
  });

  it("finds words typed without diacritics, đ included", () => {
    const urlsOf = (word: string) => (bundle.words.get(word) ?? []).map(([url]) => url).sort();
    const having = (re: RegExp) => articles.filter((a) => re.test(`${a.title} ${a.bodyText} ${a.agency ?? ""}`)).map((a) => a.url).sort();
    // Real words of the bundled articles: "HĐND" (Bình Dương), "Đức Phổ" (Quảng Ngãi), "đáp ứng" (Hà Tĩnh), "đem lại" (Hải Phòng).
    expect(urlsOf("hdnd")).toEqual(having(/HĐND/));
    expect(urlsOf("hdnd")).toEqual(["/binh-duong/2017/hoi-nghi-tong-ket-cong-tac-2016-trien-khai-nhiem-vu-2017/"]);
    expect(urlsOf("pho")).toContain("/quang-ngai/2016/trung-tam-cntt-tt-trien-khai-nhiem-vu-nam-2016/");
    for (const [word, re] of [["duc", /(^|[^\p{L}])[Đđ]ức/u], ["dap", /(^|[^\p{L}])[Đđ]áp/u], ["dem", /(^|[^\p{L}])[Đđ]em(?!\p{L})/u]] as const) {
      expect(having(re).length, word).toBeGreaterThan(0);
      for (const url of having(re)) expect(urlsOf(word), `${word} → ${url}`).toContain(url);
    }
    expect(urlsOf("so")).toEqual(articles.map((a) => a.url).sort()); // "Sở" everywhere
    expect(urlsOf("_duc_pho")).toEqual(["/quang-ngai/2016/trung-tam-cntt-tt-trien-khai-nhiem-vu-nam-2016/"]); // "Đức Phổ", as a pair
    // Only folded forms are indexed: no word keeps a "đ" or a tone mark.
    for (const word of bundle.words.keys()) expect(word).toBe(foldVietnamese(word));
  });

  it("shows each result's title, day, unit and summary from the fragment, not the body", () => {
    for (const a of articles) {
      const page = bundle.pages.find((p) => p.url === a.url);
      expect(page?.fragment["meta"]).toMatchObject({ title: a.title, date: a.date.day });
      expect(page?.fragment["content"]).toBe("");
    }
  });

  it("the search page: a GET form with a labelled q field, filters from the data, results region, noscript", () => {
    const page = readFileSync(path.join(out, "tim-kiem/index.html"), "utf8");
    expect(page).toMatch(/<form id="tim-kiem" class="search-form" role="search" action="\/tim-kiem\/" method="get"/);
    expect(page).toContain('<label for="tu-khoa">Từ khóa</label>');
    expect(page).toMatch(/<input id="tu-khoa" name="q" type="search"/);
    expect(page).toContain('<select id="loc-tinh" name="tinh">');
    expect(page).toContain('<option value="Hồ Chí Minh">Hồ Chí Minh (1)</option>');
    expect(page).toContain('<option value="Bình Dương">Bình Dương (1)</option>');
    expect(page).not.toContain('value="Hà Nội"'); // no articles there
    const years = [...page.matchAll(/<option value="(\d{4})">/g)].map((m) => m[1]);
    expect(years).toEqual([...new Set(articles.map((a) => String(a.date.year)))].sort().reverse());
    expect(page).toMatch(/<p id="search-status" class="search-status" role="status" aria-live="polite"><\/p>/);
    expect(page).toMatch(/<noscript><p class="note">Tìm kiếm cần bật JavaScript/);
    const script = /<script type="module" src="(\/assets\/search-[0-9a-f]{10}\.js)"><\/script>/.exec(page)?.[1];
    expect(script).toBe(searchScript().url);
    expect(readFileSync(path.join(out, script ?? ""), "utf8")).toBe(readFileSync(path.join(ROOT, "layouts/assets/search.js"), "utf8"));
    expect(page).not.toMatch(/\sstyle=|<style|\son[a-z]+=/i);
  });
});

describe("buildSearchIndex", () => {
  it("uses the direct writer for the installed Pagefind, and Pagefind's own indexer on request", async () => {
    const few = bundled.articles.slice(0, 2);
    const direct = await buildSearchIndex(few);
    expect(direct.indexer).toBe("direct");
    expect(direct.files.every((f) => f.path.startsWith("pagefind/"))).toBe(true);
    const viaPagefind = await buildSearchIndex(few, { indexer: "pagefind" });
    expect(viaPagefind.indexer).toBe("pagefind");
    const a = decodeBundle(inMemory(direct.files, "pagefind/"));
    const b = decodeBundle(inMemory(viaPagefind.files, "pagefind/"));
    expect(a.sorts).toEqual(b.sorts);
    expect(existsSync(path.join(ROOT, "layouts/assets/search.js"))).toBe(true);
  });
});

/**
 * The quality bar of search (issue 10): on a fixed corpus of generated
 * articles (built here, in a temp folder), a set of known-item queries —
 * officials' names, award titles, agency names, a topic phrase, each typed
 * with and without diacritics — must put the expected article in the top 3
 * at least as often as Pagefind's own indexer does over the same built
 * pages. Ours is queried through the search page as a reader uses it;
 * Pagefind (the installed `pagefind` package, its Node API indexing each
 * article page's <article> element, as a site using Pagefind would mark it
 * with data-pagefind-body) through its own browser runtime, in Chromium.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import type { Server } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import * as pagefind from "pagefind";
import { type Browser, type BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSite } from "../src/build/build-site.ts";
import { loadContent } from "../src/content/load-content.ts";
import { headersForPath, parseHeadersFile, type HeaderRule } from "../src/security-headers.ts";
import { launchChromium, requireChromium, serveStaticSite, waitForSearch } from "./browser-helpers.ts";

const REFERENCE = "pagefind-ref";

// ---------------------------------------------------------------------------
// The corpus: 48 articles sharing most of their words, so that ranking matters
// ---------------------------------------------------------------------------

const UNITS = ["gia-lai", "da-nang", "hue", "ha-tinh", "quang-ngai", "dak-lak", "lam-dong", "khanh-hoa", "nghe-an", "thanh-hoa", "can-tho", "dong-nai"];
const AGENCIES = [
  "Sở Thông tin và Truyền thông",
  "Sở Tài nguyên và Môi trường",
  "Sở Giao thông vận tải",
  "Sở Y tế",
  "Sở Giáo dục và Đào tạo",
  "Sở Kế hoạch và Đầu tư",
  "Sở Nông nghiệp và Phát triển nông thôn",
  "Ban Quản lý dự án đầu tư xây dựng",
];
/** Officials who recur across articles (the distractors). */
const COMMON_PEOPLE = ["Nguyễn Văn Thành", "Trần Thị Hương", "Lê Văn Hùng", "Phạm Thị Lan", "Hoàng Minh Đức", "Đặng Văn Dũng", "Võ Thị Mai", "Bùi Quang Huy"];
/** Officials each in exactly one article (the known items), by article number. */
const UNIQUE_PEOPLE: Readonly<Record<number, string>> = {
  3: "Nguyễn Thị Thu Hường",
  11: "Đỗ Đức Đông",
  19: "Dương Văn Thưởng",
  27: "Huỳnh Thị Ngọc Điệp",
  35: "Phan Đình Trọng",
  43: "Trịnh Thị Đào",
};
const AWARDS = ["Lao động tiên tiến", "Chiến sĩ thi đua cơ sở", "Tập thể lao động xuất sắc", "Bằng khen của Chủ tịch UBND tỉnh", "Giấy khen của Giám đốc Sở"];
/** Rare awards, each in one article. */
const UNIQUE_AWARDS: Readonly<Record<number, string>> = {
  6: "Huân chương Lao động hạng Nhì",
  14: "Cờ thi đua của Chính phủ",
  30: "Huân chương Lao động hạng Ba",
  38: "Bằng khen của Thủ tướng Chính phủ",
};
const SENTENCES = [
  "Hội nghị đánh giá kết quả thực hiện nhiệm vụ năm và triển khai kế hoạch năm tới.",
  "Các phòng, đơn vị đã hoàn thành tốt các chỉ tiêu được giao, bảo đảm tiến độ và chất lượng.",
  "Công tác cải cách hành chính tiếp tục được đẩy mạnh, thời gian giải quyết hồ sơ được rút ngắn.",
  "Đơn vị đã tham mưu ban hành nhiều văn bản quan trọng, tạo hành lang pháp lý cho hoạt động của ngành.",
  "Bên cạnh kết quả đạt được, vẫn còn một số hạn chế về nguồn nhân lực và kinh phí đầu tư.",
  "Năm tới, ngành tập trung nâng cao chất lượng dịch vụ công trực tuyến và ứng dụng công nghệ thông tin.",
  "Hội nghị đã khen thưởng các tập thể, cá nhân có thành tích xuất sắc trong phong trào thi đua.",
  "Lãnh đạo Sở đề nghị các đơn vị phát huy kết quả đạt được, khắc phục hạn chế, hoàn thành nhiệm vụ.",
  "Công tác thanh tra, kiểm tra được thực hiện thường xuyên, kịp thời chấn chỉnh sai sót.",
  "Tỉnh đã đầu tư nâng cấp hạ tầng, mở rộng đường giao thông nông thôn và hệ thống thủy lợi.",
  "Tiền lương, thu nhập của người lao động được bảo đảm; đời sống cán bộ được quan tâm.",
  "Số hồ sơ tiếp nhận qua bưu chính công ích tăng so với cùng kỳ năm trước.",
];
/** Topics, each the subject of one article, with words that also occur apart elsewhere. */
const TOPICS: Readonly<Record<number, string>> = {
  8: "Đơn vị triển khai thu phí không dùng tiền mặt tại tất cả các trạm, người dân không phải dừng xe.",
  22: "Sở hoàn thành cấp giấy chứng nhận quyền sử dụng đất lần đầu cho các hộ gia đình tái định cư.",
  40: "Ngành y tế tổ chức tiêm chủng mở rộng, phòng chống sốt xuất huyết tại các xã vùng sâu.",
};
/** Words of the topics scattered in other articles: "tiền", "dùng", "đất", "sốt"… */
const SCATTERED = [
  "Người dân không phải đi lại nhiều lần; tiền thuê đất được thu đúng hạn.",
  "Trạm y tế xã được sửa chữa; vùng sâu có thêm điểm phục vụ bưu chính.",
  "Hộ gia đình chính sách được hỗ trợ sử dụng dịch vụ công; thu ngân sách tăng.",
];

function articleFile(n: number): { file: string; url: string; source: string } {
  let seed = n * 7919 + 13;
  const rand = (k: number): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % k;
  };
  const unit = UNITS[n % UNITS.length] ?? "gia-lai";
  const agency = AGENCIES[(n * 5) % AGENCIES.length] ?? AGENCIES[0];
  const year = 2015 + (n % 10);
  const day = String(1 + (n % 27)).padStart(2, "0");
  const people = [COMMON_PEOPLE[n % COMMON_PEOPLE.length], COMMON_PEOPLE[(n + 3) % COMMON_PEOPLE.length]];
  if (UNIQUE_PEOPLE[n]) people.unshift(UNIQUE_PEOPLE[n]);
  const awards = [AWARDS[n % AWARDS.length] ?? "Lao động tiên tiến"];
  if (UNIQUE_AWARDS[n]) awards.unshift(UNIQUE_AWARDS[n]);
  const paragraphs: string[] = [];
  for (let p = 0; p < 5; p++) paragraphs.push(Array.from({ length: 4 }, () => SENTENCES[rand(SENTENCES.length)]).join(" "));
  if (TOPICS[n]) paragraphs.splice(2, 0, TOPICS[n]);
  paragraphs.push(SCATTERED[n % SCATTERED.length] ?? "");
  // Another article's official mentioned in passing (the body only).
  const passing = COMMON_PEOPLE[(n + 5) % COMMON_PEOPLE.length];
  paragraphs.push(`Tham dự hội nghị có ông (bà) ${passing} và đại diện các phòng, ban.`);
  const slug = `tong-ket-${n}`;
  const front = [
    `title: "${agency} tổng kết công tác năm ${year - 1}, triển khai nhiệm vụ năm ${year}"`,
    `date: ${year}-01-${day}`,
    `province: ${unit}`,
    `agency: ${agency}`,
    "officials:",
    ...people.map((name, i) => `  - name: ${name}\n    role: ${i === 0 ? "Giám đốc" : "Phó Giám đốc"}`),
    "awards:",
    ...awards.map((title) => `  - title: ${title}\n    recipient: cá nhân\n    count: ${1 + (n % 9)}`),
  ].join("\n");
  return { file: `content/${unit}/${year}-01-${day}-${slug}.md`, url: `/${unit}/${year}/${slug}/`, source: `---\n${front}\n---\n${paragraphs.join("\n\n")}\n` };
}

const ARTICLES = Array.from({ length: 48 }, (_, n) => articleFile(n));

/** Folds like a reader typing without diacritics. */
function plain(text: string): string {
  return text.toLowerCase().normalize("NFD").replace(/\p{M}/gu, "").replace(/đ/g, "d");
}

/** Known-item queries: [query, expected article number], each with and without diacritics. */
const KNOWN: readonly (readonly [string, number])[] = [
  ...Object.entries(UNIQUE_PEOPLE).map(([n, name]) => [name, Number(n)] as const),
  ...Object.entries(UNIQUE_AWARDS).map(([n, award]) => [award, Number(n)] as const),
  // An agency of a unit in a year: "Sở Y tế Khánh Hòa 2016".
  ...[5, 17, 29].map((n) => {
    const a = articleFile(n);
    const agency = /agency: (.*)/.exec(a.source)?.[1] ?? "";
    const unitName = { "gia-lai": "Gia Lai", "da-nang": "Đà Nẵng", hue: "Huế", "ha-tinh": "Hà Tĩnh", "quang-ngai": "Quảng Ngãi", "dak-lak": "Đắk Lắk", "lam-dong": "Lâm Đồng", "khanh-hoa": "Khánh Hòa", "nghe-an": "Nghệ An", "thanh-hoa": "Thanh Hóa", "can-tho": "Cần Thơ", "dong-nai": "Đồng Nai" }[UNITS[n % UNITS.length] ?? ""] ?? "";
    return [`${agency} ${unitName} ${2015 + (n % 10)}`, n] as const;
  }),
  ["thu phí không dùng tiền mặt", 8],
  ["cấp giấy chứng nhận quyền sử dụng đất", 22],
  ["phòng chống sốt xuất huyết", 40],
];
const QUERIES: readonly (readonly [string, number])[] = KNOWN.flatMap(([q, n]) => [[q, n] as const, [plain(q), n] as const]);

// ---------------------------------------------------------------------------

const work = mkdtempSync(path.join(tmpdir(), "search-quality-"));
const siteRoot = path.join(work, "project");
const out = path.join(work, "site");
let server: Server | undefined;
let origin = "";
let browser: Browser | undefined;
let context: BrowserContext | undefined;

/** Serves the build with its `_headers`; the reference Pagefind bundle without the site's CSP (its WebAssembly needs 'wasm-unsafe-eval'). */
function serve(dir: string, rules: readonly HeaderRule[]): Promise<{ server: Server; origin: string }> {
  return serveStaticSite(dir, { notFound: "text", headers: (pathname) => (pathname.startsWith(`/${REFERENCE}/`) ? {} : headersForPath(rules, pathname)) });
}

/** Pagefind's own indexer over each built article page, its <article> marked as the body to index. */
async function indexWithPagefind(): Promise<void> {
  try {
    const { index, errors } = await pagefind.createIndex({});
    if (!index) throw new Error(`Pagefind did not start: ${errors.join("; ")}`);
    for (const a of ARTICLES) {
      const page = readFileSync(path.join(out, a.url, "index.html"), "utf8");
      expect(page).toContain('<article class="article">');
      const added = await index.addHTMLFile({ url: a.url, content: page.replace('<article class="article">', '<article class="article" data-pagefind-body>') });
      expect(added.errors).toEqual([]);
    }
    const written = await index.writeFiles({ outputPath: path.join(out, REFERENCE) });
    expect(written.errors).toEqual([]);
  } finally {
    await pagefind.close();
  }
  writeFileSync(path.join(out, REFERENCE, "blank.html"), '<!doctype html><html lang="vi"><title>Pagefind</title></html>');
}

beforeAll(async () => {
  requireChromium();
  for (const a of ARTICLES) {
    mkdirSync(path.dirname(path.join(siteRoot, a.file)), { recursive: true });
    writeFileSync(path.join(siteRoot, a.file), a.source);
  }
  await buildSite({ outDir: out, rootDir: siteRoot });
  await indexWithPagefind();
  ({ server, origin } = await serve(out, parseHeadersFile(readFileSync(path.join(out, "_headers"), "utf8"))));
  browser = await launchChromium();
  context = await browser.newContext({ bypassCSP: false });
}, 240_000);

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  rmSync(work, { recursive: true, force: true });
});

/** Top 3 result URLs of the site's search page for a query. */
async function ours(query: string): Promise<string[]> {
  if (!context) throw new Error("the browser did not start");
  const page = await context.newPage();
  await page.goto(`${origin}/tim-kiem/?q=${encodeURIComponent(query)}`);
  await waitForSearch(page);
  const urls = await page.evaluate(() => Array.from(document.querySelectorAll("#search-results li h2 a"), (a) => new URL((a as HTMLAnchorElement).href).pathname).slice(0, 3));
  await page.close();
  return urls;
}

/** Top 3 result URLs of Pagefind's runtime over its own index, for each query. */
async function theirs(queries: readonly string[]): Promise<string[][]> {
  if (!context) throw new Error("the browser did not start");
  const page = await context.newPage();
  await page.goto(`${origin}/${REFERENCE}/blank.html`);
  // A string, not a function: vitest would rewrite a function's import() for Node.
  const found = (await page.evaluate(`(async () => {
    const pf = await import(${JSON.stringify(`${origin}/${REFERENCE}/pagefind.js`)});
    const all = [];
    for (const q of ${JSON.stringify(queries)}) {
      const r = await pf.search(q);
      all.push(await Promise.all(r.results.slice(0, 3).map(async (x) => (await x.data()).url)));
    }
    return all;
  })()`)) as string[][];
  await page.close();
  return found;
}

describe("search quality against Pagefind's own indexer", () => {
  it("the corpus builds: every article published, the known items unique", () => {
    const loaded = loadContent({ rootDir: siteRoot });
    expect(loaded.errors).toEqual([]);
    expect(loaded.articles.map((a) => a.url).sort()).toEqual(ARTICLES.map((a) => a.url).sort());
    for (const name of Object.values(UNIQUE_PEOPLE)) expect(ARTICLES.filter((a) => a.source.includes(name))).toHaveLength(1);
    expect(QUERIES.length).toBeGreaterThanOrEqual(30);
  });

  it("known-item queries put the expected article in the top 3 at least as often as Pagefind does", async () => {
    const pagefindTop = await theirs(QUERIES.map(([q]) => q));
    let ourHits = 0;
    let theirHits = 0;
    const misses: string[] = [];
    for (const [i, [query, n]] of QUERIES.entries()) {
      const expected = ARTICLES[n]?.url ?? "";
      const top = await ours(query);
      const hit = top.includes(expected);
      const theirHit = (pagefindTop[i] ?? []).includes(expected);
      if (hit) ourHits++;
      if (theirHit) theirHits++;
      if (!hit) misses.push(`${query} → ${top.join(", ")} (expected ${expected}; Pagefind ${theirHit ? "found it" : "missed too"})`);
    }
    console.log(`search quality: expected article in the top 3 for ${ourHits}/${QUERIES.length} queries; Pagefind's indexer ${theirHits}/${QUERIES.length}`);
    expect(theirHits).toBeGreaterThan(0); // the reference ran
    expect(ourHits, misses.join("\n")).toBeGreaterThanOrEqual(theirHits);
    expect(ourHits / QUERIES.length, misses.join("\n")).toBeGreaterThanOrEqual(0.9);
  }, 300_000); // 32 searches through the page and 32 through Pagefind: minutes on a loaded 2-core machine
});

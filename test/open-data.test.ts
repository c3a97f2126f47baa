/**
 * End to end over a fixture site built under a SITE_URL with a path: the
 * open-data files validate against their published JSON Schemas (Ajv,
 * draft 2020-12, formats checked), links go from articles to people and
 * back, the new pages are in the sitemap, CSVs read back, and person
 * addresses stay permanent through the published-URL record.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSite } from "../src/build/build-site.ts";
import { ContentValidationError } from "../src/content/errors.ts";
import { compareNewestFirst, type Article } from "../src/content/article.ts";
import { loadContent } from "../src/content/load-content.ts";
import { buildFacts } from "../src/open-data/facts.ts";
import { buildOpenDataFiles } from "../src/open-data/datasets.ts";
import { DATASETS } from "../src/open-data/schemas.ts";
import { documentDigest } from "../src/open-data/split.ts";
import { headersForPath, parseHeadersFile } from "../src/security-headers.ts";
import { buildSiteModel } from "../src/site-model.ts";
import { siteConfigFromEnv } from "../src/site-config.ts";
import { HOSTILE_NAME, HOSTILE_TITLE, writeFactsSite } from "./facts-fixture.ts";

// ajv-formats is CommonJS with `exports.default`.
const addFormats = addFormatsModule as unknown as { default: (ajv: Ajv2020) => Ajv2020 };
const SITE_URL = "https://example.gov.vn/tin";
const previousSiteUrl = process.env["SITE_URL"];
process.env["SITE_URL"] = SITE_URL;

const work = mkdtempSync(path.join(tmpdir(), "open-data-test-"));
const root = path.join(work, "site");
const out = path.join(work, "out");
afterAll(() => {
  rmSync(work, { recursive: true, force: true });
  if (previousSiteUrl === undefined) delete process.env["SITE_URL"];
  else process.env["SITE_URL"] = previousSiteUrl;
});

function read(rel: string, dir = out): string {
  const file = path.join(dir, rel);
  if (!existsSync(file)) throw new Error(`expected ${rel} in the output`);
  return readFileSync(file, "utf8");
}

function json<T>(rel: string, dir = out): T {
  return JSON.parse(read(rel, dir)) as T;
}

function validator(): Ajv2020 {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  addFormats.default(ajv);
  return ajv;
}

/** Every string in a JSON value. */
function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === "string") out.push(value);
  else if (Array.isArray(value)) for (const v of value) strings(v, out);
  else if (value && typeof value === "object") for (const v of Object.values(value)) strings(v, out);
  return out;
}

interface Person {
  id: string;
  url: string;
  name: string;
  provinces: string[];
  roles: { role: string; from: number }[];
  mentions: { article: string; date: string }[];
  formerUrls: string[];
}

beforeAll(async () => {
  writeFactsSite(root);
  await buildSite({ outDir: out, rootDir: root, ledger: "record" });
}, 120_000);

describe("open data", () => {
  it("every file validates against the JSON Schema published beside it, whose $id is absolute", () => {
    const ajv = validator();
    for (const name of DATASETS) {
      const schema = json<{ $id: string }>(`api/${name}.schema.json`);
      expect(schema.$id).toBe(`${SITE_URL}/api/${name}.schema.json`);
      const data = json<Record<string, unknown>>(`api/${name}.json`);
      expect(data["$schema"]).toBe(schema.$id);
      const validate = ajv.compile(schema);
      expect(validate(data), `${name}: ${JSON.stringify(validate.errors)}`).toBe(true);
      expect(data[name]).toBeInstanceOf(Array);
    }
  });

  it("a schema rejects what it does not document (the validator is really checking)", () => {
    const ajv = validator();
    const validate = ajv.compile(json(`api/articles.schema.json`));
    const data = json<{ articles: Record<string, unknown>[] }>("api/articles.json");
    const bad = { ...data, articles: [{ ...data.articles[0], date: "2016-11-29T14:00:00Z" }] };
    expect(validate(bad)).toBe(false);
    expect(validate({ ...data, extra: 1 })).toBe(false);
  });

  it("uses absolute URLs under SITE_URL (with its path) and ISO 8601 dates at +07:00", () => {
    for (const name of DATASETS) {
      const data = json(`api/${name}.json`);
      const urls = strings(data).filter((s) => /^https?:\/\//.test(s));
      expect(urls.length).toBeGreaterThan(0);
      for (const u of urls.filter((x) => !x.includes("creativecommons.org"))) expect(u.startsWith(`${SITE_URL}/`), u).toBe(true);
    }
    const { articles } = json<{ articles: { url: string; date: string; shortUrl: string }[] }>("api/articles.json");
    expect(articles.map((a) => a.date)).toContain("2016-11-29T14:00:00+07:00");
    for (const a of articles) expect(a.date).toMatch(/\+07:00$/);
    for (const a of articles) expect(a.shortUrl).toMatch(new RegExp(`^${SITE_URL}/q/[0-9a-z]{5,}/$`));
  });

  it("states former and current province relationships", () => {
    const { provinces } = json<{ provinces: { id: string; successor?: string; currentUnit: string; formerUnits: string[]; articleCount: number; current: boolean }[] }>("api/provinces.json");
    const byId = new Map(provinces.map((p) => [p.id, p]));
    expect(byId.get("binh-dinh")).toMatchObject({ successor: "gia-lai", currentUnit: "gia-lai", current: false, articleCount: 1 });
    expect(byId.get("gia-lai")).toMatchObject({ currentUnit: "gia-lai", current: true, articleCount: 4 });
    expect(byId.get("gia-lai")?.formerUnits).toContain("binh-dinh");
    expect(byId.get("thua-thien-hue")).toMatchObject({ successor: "hue", currentUnit: "hue" });
    const { articles } = json<{ articles: { province: string; currentProvince: string }[] }>("api/articles.json");
    expect(articles.find((a) => a.province === "binh-dinh")?.currentProvince).toBe("gia-lai");
  });

  it("lists people with their identity rules applied", () => {
    const { people } = json<{ people: Person[] }>("api/people.json");
    const dung = people.filter((p) => p.name === "Nguyễn Dũng");
    expect(dung.map((p) => [p.id, p.provinces])).toEqual([
      ["nguyen-dung-gia-lai", ["gia-lai"]],
      ["nguyen-dung-ha-tinh", ["ha-tinh"]],
    ]);
    expect(dung[0]?.roles.map((r) => `${r.role} ${r.from}`)).toEqual(["Giám đốc 2019", "Phó Giám đốc 2016"]);
    expect(dung[0]?.mentions.map((m) => m.date)).toEqual(["2019-01-10T00:00:00+07:00", "2016-11-29T14:00:00+07:00"]);
    const cuong = people.find((p) => p.id === "le-van-cuong");
    expect(cuong?.provinces).toEqual(["gia-lai", "binh-dinh"]);
    expect(cuong?.url).toBe(`${SITE_URL}/nhan-vat/le-van-cuong/`);
    expect(people.some((p) => p.name === HOSTILE_NAME)).toBe(true);
  });

  it("splits a dataset into per-province parts when it would exceed the limit, each part valid, nothing lost", async () => {
    const config = siteConfigFromEnv();
    const { articles } = await loadContent({ rootDir: root });
    const sorted = [...articles].sort(compareNewestFirst);
    const facts = buildFacts(sorted);
    const model = buildSiteModel(config, sorted);
    const files = buildOpenDataFiles({ config, articles: sorted, provinces: model.provinces, people: facts.people, awards: facts.awards, shortUrlOf: () => undefined }, 2_500);
    const byPath = new Map(files.map((f) => [f.path, JSON.parse(f.contents) as Record<string, unknown>]));
    const ajv = validator();
    for (const name of DATASETS) {
      const validate = ajv.compile(JSON.parse(files.find((f) => f.path === `api/${name}.schema.json`)!.contents));
      const main = byPath.get(`api/${name}.json`)!;
      expect(validate(main), JSON.stringify(validate.errors)).toBe(true);
      expect(main[name], `${name} is split`).toBeUndefined();
      const parts = main["parts"] as { province: string; piece?: number; url: string; count: number }[];
      expect(parts.length).toBeGreaterThan(1);
      let items = 0;
      for (const part of parts) {
        expect(part.url.startsWith(`${SITE_URL}/api/${name}/${part.province}`)).toBe(true);
        const doc = byPath.get(part.url.slice(SITE_URL.length + 1))!;
        expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
        expect(doc["province"]).toBe(part.province);
        expect((doc[name] as unknown[]).length).toBe(part.count);
        items += part.count;
        const size = Buffer.byteLength(files.find((f) => f.path === part.url.slice(SITE_URL.length + 1))!.contents);
        if (part.count > 1) expect(size).toBeLessThanOrEqual(2_500);
      }
      // People named in two provinces are in both parts; everything else exactly once.
      const extra = name === "people" ? 1 : 0;
      expect(items).toBe((main["count"] as number) + extra);
    }
  });
});

describe("open data in incremental builds", () => {
  it("gives each document a digest of exactly its contents: equal when rebuilt, changed only in the parts an edited article is in", async () => {
    const config = siteConfigFromEnv();
    const { articles } = await loadContent({ rootDir: root });
    const filesOf = (list: readonly Article[]) => {
      const sorted = [...list].sort(compareNewestFirst);
      const facts = buildFacts(sorted);
      const model = buildSiteModel(config, sorted);
      return buildOpenDataFiles({ config, articles: sorted, provinces: model.provinces, people: facts.people, awards: facts.awards, shortUrlOf: () => undefined }, 2_500);
    };
    const digests = (list: readonly Article[]): Map<string, string> => new Map(filesOf(list).map((f) => [f.path, f.fingerprint?.() ?? ""]));
    const before = digests(articles);
    // Every document is described (schemas and the split datasets' index are small and compared by bytes).
    const documents = [...before].filter(([p]) => !p.endsWith(".schema.json"));
    expect(documents.filter(([, fp]) => fp === "").map(([p]) => p)).toEqual(DATASETS.map((name) => `api/${name}.json`));
    expect(documents.filter(([, fp]) => fp !== "").length).toBeGreaterThan(4);
    expect(digests(articles)).toEqual(before);
    // One article's summary edited: the articles parts of its province change, nothing else.
    const target = articles.find((a) => a.summary !== undefined)!;
    const after = digests(articles.map((a) => (a === target ? { ...a, summary: `${a.summary} (sửa)` } : a)));
    const changed = [...before.keys()].filter((p) => before.get(p) !== after.get(p));
    expect(changed.length).toBeGreaterThan(0);
    for (const p of changed) expect(p).toMatch(new RegExp(`^api/articles/${target.province.id}(-\\d+)?\\.json$`));
    // And a digest changes exactly when the bytes do.
    const text = new Map(filesOf(articles.map((a) => (a === target ? { ...a, summary: `${a.summary} (sửa)` } : a))).map((f) => [f.path, f.contents]));
    const old = new Map(filesOf(articles).map((f) => [f.path, f.contents]));
    for (const p of before.keys()) if (before.get(p) !== "") expect(text.get(p) !== old.get(p), p).toBe(changed.includes(p));
  });
});

describe("open data planned without its texts", () => {
  it("describes each document's written text by the digest made at planning, and reads the same text every time", async () => {
    const config = siteConfigFromEnv();
    const { articles } = await loadContent({ rootDir: root });
    const sorted = [...articles].sort(compareNewestFirst);
    const facts = buildFacts(sorted);
    const model = buildSiteModel(config, sorted);
    const files = buildOpenDataFiles({ config, articles: sorted, provinces: model.provinces, people: facts.people, awards: facts.awards, shortUrlOf: () => undefined }, 2_500);
    const documents = files.filter((f) => f.fingerprint);
    expect(documents.length).toBeGreaterThan(4);
    for (const file of documents) {
      const text = file.contents;
      expect(file.contents, file.path).toBe(text);
      // The digest again, from the written document: its header fields, then each array's items as texts.
      const doc = JSON.parse(text) as Record<string, unknown>;
      const header: Record<string, unknown> = {};
      const arrays: { key: string; texts: string[] }[] = [];
      for (const [key, value] of Object.entries(doc)) {
        if (Array.isArray(value)) arrays.push({ key, texts: value.map((v) => JSON.stringify(v)) });
        else header[key] = value;
      }
      expect(arrays.length, file.path).toBeGreaterThan(0);
      expect(file.fingerprint!(), file.path).toBe(documentDigest(header, arrays));
    }
  });
});

describe("links between articles and people", () => {
  it("article pages link each official to their page, through the site path", () => {
    const page = read("gia-lai/2019/tong-ket-2018/index.html");
    expect(page).toContain('<a href="/tin/nhan-vat/nguyen-dung-gia-lai/">Nguyễn Dũng</a>'.replace("Nguyễn Dũng", "Ông Nguyễn Dũng".normalize("NFC")));
    const hueless = read("ha-tinh/2016/tong-ket/index.html");
    expect(hueless).toContain('href="/tin/nhan-vat/nguyen-dung-ha-tinh/"');
    expect(hueless).toContain('href="/tin/nhan-vat/dang-minh-hung-ha-tinh/"');
  });

  it("person pages link back to every article naming them, newest first, grouped by province", () => {
    const page = read("nhan-vat/le-van-cuong/index.html");
    const gl = page.indexOf('href="/tin/gia-lai/2025/tong-ket/"');
    const bd = page.indexOf('href="/tin/binh-dinh/2024/tong-ket/"');
    expect(gl).toBeGreaterThan(0);
    expect(bd).toBeGreaterThan(gl);
    expect(page).toContain("<h3>Bình Định, nay thuộc Gia Lai</h3>");
    const dung = read("nhan-vat/nguyen-dung-gia-lai/index.html");
    expect(dung.indexOf("/tin/gia-lai/2019/tong-ket-2018/")).toBeLessThan(dung.indexOf("/tin/gia-lai/2016/hoi-nghi-tong-ket/"));
  });

  it("escapes hostile names everywhere they appear", () => {
    for (const file of ["nhan-vat/index.html", "ha-tinh/2016/tong-ket/index.html"]) {
      const page = read(file);
      expect(page).not.toContain("<img src=x");
      expect(page).toContain("&lt;img src=x onerror=alert(1)&gt; &quot;Lê&quot;");
    }
  });

  it("lists people, awards and open data pages in the sitemap and links them from every page", () => {
    const sitemap = read("sitemap.xml");
    for (const url of ["/nhan-vat/", "/nhan-vat/le-van-cuong/", "/khen-thuong/", "/khen-thuong/2016/", "/khen-thuong/gia-lai/2016/", "/du-lieu/"]) expect(sitemap).toContain(`<loc>${SITE_URL}${url}</loc>`);
    const home = read("index.html");
    for (const url of ["/tin/nhan-vat/", "/tin/khen-thuong/", "/tin/du-lieu/"]) expect(home).toContain(`href="${url}"`);
  });

  it("writes the award CSVs with a BOM, readable by a CSV parser, formulas neutralised", () => {
    const text = read("khen-thuong/gia-lai/2016/khen-thuong-gia-lai-2016.csv");
    expect(text.startsWith("\uFEFF")).toBe(true);
    const rows = parse(text, { bom: true }) as string[][];
    expect(rows.map((r) => [r[2], r[3], r[4], r[5]])).toContainEqual([`'${HOSTILE_TITLE}`, "'+84 cá nhân", "2", "'@SUM(A1:A9)"]);
    const page = read("khen-thuong/gia-lai/2016/index.html");
    expect(page).toContain('href="/tin/khen-thuong/gia-lai/2016/khen-thuong-gia-lai-2016.csv" download="khen-thuong-gia-lai-2016.csv"');
    expect(page).toContain("<strong>Lao động tiên tiến: 11 cá nhân</strong>");
    expect(read("khen-thuong/gia-lai/2018/index.html")).toContain("<strong>Lao động tiên tiến: 5 cá nhân</strong>");
  });

  it("describes the data, its licence and the downloads at /du-lieu/", () => {
    const page = read("du-lieu/index.html");
    const { dataLicence } = siteConfigFromEnv();
    expect(page).toContain(`<a href="${dataLicence.url}" rel="license">`);
    for (const name of DATASETS) {
      expect(page).toContain(`href="/tin/api/${name}.json"`);
      expect(page).toContain(`href="/tin/api/${name}.schema.json"`);
    }
  });
});

describe("person addresses in the published-URL record", () => {
  const copy = (): string => {
    const dir = mkdtempSync(path.join(work, "copy-"));
    cpSync(root, dir, { recursive: true });
    return dir;
  };
  const build = (dir: string, ledger: "record" | "check" = "record") => buildSite({ outDir: path.join(dir, "_site"), rootDir: dir, ledger });
  const record = (dir: string) => json<{ people: { urls: string[]; keys: string[]; id?: string; articles?: string[] }[] }>("published-urls.json", dir);

  it("are recorded with the articles' record, and a checking build of the same content passes and leaves the record as it is", async () => {
    const { people } = record(root);
    expect(people.map((p) => p.urls.at(-1))).toContain("/nhan-vat/nguyen-dung-gia-lai/");
    expect(people.find((p) => p.id === "le-van-cuong")?.keys).toEqual(["binh-dinh/lê văn cường", "gia-lai/lê văn cường"]);
    for (const p of people) expect(p.articles?.length).toBeGreaterThan(0);
    const dir = copy();
    const before = readFileSync(path.join(dir, "published-urls.json"), "utf8");
    await expect(build(dir, "check")).resolves.toBeDefined();
    expect(readFileSync(path.join(dir, "published-urls.json"), "utf8")).toBe(before);
  });

  it("keep working after two people are joined under one id: the old addresses redirect", async () => {
    const dir = copy();
    const file = path.join(dir, "content/ha-tinh/2016-12-07-tong-ket.md");
    writeFileSync(file, readFileSync(file, "utf8").replace("  - name: Nguyễn Dũng\n", "  - name: Nguyễn Dũng\n    id: nguyen-dung\n"));
    const gl = path.join(dir, "content/gia-lai/2016-11-29-hoi-nghi-tong-ket.md");
    writeFileSync(gl, readFileSync(gl, "utf8").replace("  - name: Nguyễn Dũng\n", "  - name: Nguyễn Dũng\n    id: nguyen-dung\n"));
    // Joining people moves addresses, it breaks none: a pull request's build passes and records nothing…
    const before = readFileSync(path.join(dir, "published-urls.json"), "utf8");
    await build(dir, "check");
    expect(readFileSync(path.join(dir, "published-urls.json"), "utf8")).toBe(before);
    // …and the deploy records the new address.
    await build(dir);
    const site = path.join(dir, "_site");
    expect(read("nhan-vat/nguyen-dung/index.html", site)).toContain("<h1>Nguyễn Dũng</h1>");
    for (const old of ["nguyen-dung-gia-lai", "nguyen-dung-ha-tinh"]) expect(read(`nhan-vat/${old}/index.html`, site)).toContain('<meta http-equiv="refresh" content="0; url=/tin/nhan-vat/nguyen-dung/">');
    expect(read("_redirects", site)).toContain("/tin/nhan-vat/nguyen-dung-gia-lai/ /tin/nhan-vat/nguyen-dung/ 301");
    expect(record(dir).people.find((p) => p.id === "nguyen-dung")?.urls).toEqual(["/nhan-vat/nguyen-dung-gia-lai/", "/nhan-vat/nguyen-dung-ha-tinh/", "/nhan-vat/nguyen-dung/"]);
  });

  it("fail the build when a published person disappears, naming the record and the fix", async () => {
    const dir = copy();
    const file = path.join(dir, "content/ha-tinh/2016-12-07-tong-ket.md");
    writeFileSync(file, readFileSync(file, "utf8").replace("Đặng Minh Hưng", "Đặng Minh Hừng"));
    const error = await build(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContentValidationError);
    const errors = (error as ContentValidationError).errors;
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ file: "published-urls.json", field: "people", code: "people.lostNear" });
    expect(errors[0]?.fix).toContain("Đặng Minh Hừng (content/ha-tinh/2016-12-07-tong-ket.md), add id: dang-minh-hung-ha-tinh");
    expect(readdirSync(dir)).not.toContain("_site");
  });

  it("withdraws the page of a person named only in a withdrawn article", async () => {
    const dir = copy();
    const ledger = json<{ entries: { urls: string[]; withdrawn?: string }[] }>("published-urls.json", dir);
    ledger.entries.find((e) => e.urls.includes("/ha-tinh/2016/tong-ket/"))!.withdrawn = "Bài đã gỡ.";
    writeFileSync(path.join(dir, "published-urls.json"), JSON.stringify(ledger));
    rmSync(path.join(dir, "content/ha-tinh/2016-12-07-tong-ket.md"));
    await build(dir);
    expect(read("nhan-vat/dang-minh-hung-ha-tinh/index.html", path.join(dir, "_site"))).toContain("Các bài viết nêu tên người này đã được gỡ khỏi trang.");
  });
});

describe("serving the open data", () => {
  it("lets any site's scripts read /api/ (CORS), and only /api/", () => {
    const rules = parseHeadersFile(read("_headers"));
    expect(headersForPath(rules, "/tin/api/articles.json")["Access-Control-Allow-Origin"]).toBe("*");
    expect(headersForPath(rules, "/tin/nhan-vat/")["Access-Control-Allow-Origin"]).toBeUndefined();
  });
});

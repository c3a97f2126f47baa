/**
 * Links that never break: short codes from the published-URL record, QR
 * codes that decode to the short URL, redirects for short links and aliases,
 * and the build refusing changes that would break a published URL.
 */
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import jsQRModule from "jsqr";
import { PNG } from "pngjs";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { buildSite } from "../src/build/build-site.ts";
import { ContentValidationError } from "../src/content/errors.ts";
import { EMPTY_LEDGER, parseLedger, planLinks, serializeLedger, LEDGER_FILE } from "../src/links/ledger.ts";
import { isShortCode, newShortCode } from "../src/links/short-code.ts";
import { qrMatrix } from "../src/qr.ts";
import { mdFile, parseOk } from "./helpers.ts";

// jsqr is CommonJS with `exports.default = jsQR` (see qr.test.ts).
const jsQR = jsQRModule.default;
const FIXTURE = path.resolve(import.meta.dirname, "fixtures/valid-site");
const work = mkdtempSync(path.join(tmpdir(), "links-test-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const ARTICLE = "content/gia-lai/2016-11-29-hoi-nghi-tong-ket.md";
const OLD_URL = "/gia-lai/2016/hoi-nghi-tong-ket/";

let root: string;
let n = 0;
beforeEach(() => {
  root = path.join(work, `site-${n++}`);
  cpSync(FIXTURE, root, { recursive: true });
});

/** A deploy's build by default: it records what it publishes, as CI does on the main branch. */
async function build(ledger: "record" | "check" = "record"): Promise<string> {
  const out = path.join(root, "_site");
  await buildSite({ outDir: out, rootDir: root, ledger });
  return out;
}

async function buildErrors(): Promise<ContentValidationError> {
  const error = await buildSite({ outDir: path.join(root, "_site"), rootDir: root, ledger: "record" }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ContentValidationError);
  return error as ContentValidationError;
}

function ledgerEntries(): { code: string; urls: string[]; withdrawn?: string }[] {
  const parsed = parseLedger(readFileSync(path.join(root, LEDGER_FILE), "utf8"));
  if ("errors" in parsed) throw new Error(JSON.stringify(parsed.errors));
  return parsed.ledger.entries.map((e) => ({ ...e, urls: [...e.urls] }));
}

function codeOf(url: string): string {
  const entry = ledgerEntries().find((e) => e.urls.includes(url));
  if (!entry) throw new Error(`no ledger entry for ${url}`);
  return entry.code;
}

/** Follows a redirect page: the meta refresh target. */
function redirectTarget(out: string, urlPath: string): string {
  const file = path.join(out, urlPath.endsWith("/") ? `${urlPath}index.html` : urlPath);
  const html = readFileSync(file, "utf8");
  const target = /<meta http-equiv="refresh" content="0; url=([^"]+)">/.exec(html)?.[1];
  if (!target) throw new Error(`${urlPath} is not a redirect page`);
  expect(html).toContain(`<link rel="canonical" href="https://tongket.example.gov.vn${target}">`);
  return target;
}

/** The PNG download of a share page: the bytes of its data: URL (src/pages/share.ts). */
function sharePng(out: string, code: string): Buffer {
  const page = readFileSync(path.join(out, `ma-qr/${code}/index.html`), "utf8");
  const base64 = /href="data:image\/png;base64,([A-Za-z0-9+/=]+)" download="ma-qr-[0-9a-z]+\.png"/.exec(page)?.[1];
  if (!base64) throw new Error(`no PNG download in ma-qr/${code}/index.html`);
  return Buffer.from(base64, "base64");
}

function decodePng(bytes: Buffer): string | undefined {
  const png = PNG.sync.read(bytes);
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data;
}

function editArticle(edit: (text: string) => string, file = ARTICLE): void {
  const full = path.join(root, file);
  writeFileSync(full, edit(readFileSync(full, "utf8")));
}

describe("short codes", () => {
  it("are short, typeable and deterministic", () => {
    const code = newShortCode("/gia-lai/2016/x/", new Set());
    expect(code).toHaveLength(5);
    expect(isShortCode(code)).toBe(true);
    expect(code).toMatch(/^[0-9a-hjkmnp-tv-z]+$/);
    expect(newShortCode("/gia-lai/2016/x/", new Set())).toBe(code);
  });

  it("grow by a character on collision instead of changing an existing code", () => {
    const code = newShortCode("/a/", new Set());
    const next = newShortCode("/a/", new Set([code]));
    expect(next.startsWith(code)).toBe(true);
    expect(next).toHaveLength(6);
  });
});

describe("planLinks", () => {
  const a = parseOk(mdFile("title: A\ndate: 2016-11-29\nprovince: gia-lai"), "content/a/2016-11-29-a.md");

  it("records a new article once, then keeps its code", () => {
    const first = planLinks([a], EMPTY_LEDGER);
    expect(first.added).toBe(1);
    expect(first.changed).toBe(true);
    const again = planLinks([a], first.ledger);
    expect(again.changed).toBe(false);
    expect(again.codesOf.get(a)).toEqual(first.codesOf.get(a));
  });

  it("serialises stably", () => {
    const ledger = planLinks([a], EMPTY_LEDGER).ledger;
    const text = serializeLedger(ledger);
    const parsed = parseLedger(text);
    expect("ledger" in parsed && serializeLedger(parsed.ledger)).toBe(text);
  });

  it("rejects a damaged record with a fix", () => {
    const parsed = parseLedger("{ not json");
    expect("errors" in parsed && parsed.errors[0]?.fix).toContain("git checkout");
  });
});

describe("building with the published-URL record", () => {
  it("gives every article a short link that resolves to it and a QR code that decodes to it", async () => {
    const out = await build();
    const code = codeOf(OLD_URL);
    expect(redirectTarget(out, `/q/${code}/`)).toBe(OLD_URL);
    expect(existsSync(path.join(out, OLD_URL, "index.html"))).toBe(true);
    const share = readFileSync(path.join(out, `ma-qr/${code}/index.html`), "utf8");
    expect(share).toContain("<svg");
    expect(share).toContain(`https://tongket.example.gov.vn/q/${code}/`);
    expect(share).toContain(`download="ma-qr-${code}.png"`);
    expect(share).toContain(`download="ma-qr-${code}.svg"`);
    expect(decodePng(sharePng(out, code))).toBe(`https://tongket.example.gov.vn/q/${code}/`);
    // The downloads live in the page: no files beside it.
    expect(readdirSync(path.join(out, `ma-qr/${code}`))).toEqual(["index.html"]);
    expect(readFileSync(path.join(out, "_redirects"), "utf8")).toContain(`/q/${code}/ ${OLD_URL} 301`);
  });

  it("decodes with a real scanner (zbarimg)", async () => {
    const out = await build();
    const code = codeOf(OLD_URL);
    const png = path.join(work, `qr-${code}.png`);
    writeFileSync(png, sharePng(out, code));
    const text = execFileSync("zbarimg", ["--quiet", "--raw", png], { encoding: "utf8" }).trim();
    expect(text).toBe(`https://tongket.example.gov.vn/q/${code}/`);
  });

  it("keeps the code when the title, file name and folder change, with the old URL as alias", async () => {
    await build();
    const code = codeOf(OLD_URL);
    editArticle((t) => t.replace("title: Hội nghị tổng kết công tác năm 2016", "title: Tiêu đề mới hoàn toàn"));
    mkdirSync(path.join(root, "content/moved"));
    renameSync(path.join(root, ARTICLE), path.join(root, "content/moved/2016-11-29-ten-moi.md"));
    const error = await buildErrors();
    expect(error.errors[0]).toMatchObject({ file: LEDGER_FILE });
    expect(error.errors[0]?.message).toContain(`the article published at ${OLD_URL} (QR code /q/${code}/`);
    expect(error.errors[0]?.fix).toContain(`if it is now content/moved/2016-11-29-ten-moi.md, add to its front matter: aliases: ["${OLD_URL}"]`);
    editArticle((t) => t.replace("author:", `aliases: ["${OLD_URL}"]\nauthor:`), "content/moved/2016-11-29-ten-moi.md");
    const out = await build();
    expect(codeOf("/gia-lai/2016/ten-moi/")).toBe(code);
    expect(ledgerEntries().find((e) => e.code === code)?.urls).toEqual([OLD_URL, "/gia-lai/2016/ten-moi/"]);
    expect(redirectTarget(out, `/q/${code}/`)).toBe("/gia-lai/2016/ten-moi/");
    expect(redirectTarget(out, OLD_URL)).toBe("/gia-lai/2016/ten-moi/");
    expect(decodePng(sharePng(out, code))).toBe(`https://tongket.example.gov.vn/q/${code}/`);
  });

  it("asks for the alias when an article with several published URLs loses one", async () => {
    await build();
    const code = codeOf(OLD_URL);
    editArticle((t) => t.replace("author:", `aliases: ["${OLD_URL}"]\nauthor:`));
    renameSync(path.join(root, ARTICLE), path.join(root, "content/gia-lai/2016-11-29-b.md"));
    await build();
    editArticle((t) => t.replace(`aliases: ["${OLD_URL}"]\n`, ""), "content/gia-lai/2016-11-29-b.md");
    renameSync(path.join(root, "content/gia-lai/2016-11-29-b.md"), path.join(root, "content/gia-lai/2016-11-29-c.md"));
    editArticle((t) => t.replace("author:", `aliases: ["/gia-lai/2016/b/"]\nauthor:`), "content/gia-lai/2016-11-29-c.md");
    const error = await buildErrors();
    expect(error.errors[0]).toMatchObject({ file: "content/gia-lai/2016-11-29-c.md", field: "aliases", message: `the previously published URL ${OLD_URL} (QR code /q/${code}/) would stop resolving` });
    expect(error.errors[0]?.fix).toBe(`add "${OLD_URL}" to aliases in content/gia-lai/2016-11-29-c.md`);
  });

  it("keeps the code when only the folder changes (the URL does not)", async () => {
    await build();
    const code = codeOf(OLD_URL);
    mkdirSync(path.join(root, "content/2016"));
    renameSync(path.join(root, ARTICLE), path.join(root, "content/2016/2016-11-29-hoi-nghi-tong-ket.md"));
    await build();
    expect(codeOf(OLD_URL)).toBe(code);
  });

  it("refuses to drop a removed article and says how to withdraw it", async () => {
    await build();
    const code = codeOf(OLD_URL);
    unlinkSync(path.join(root, ARTICLE));
    const error = await buildErrors();
    expect(error.errors[0]?.file).toBe(LEDGER_FILE);
    expect(error.errors[0]?.line).toBeGreaterThan(1);
    expect(error.errors[0]?.message).toContain(`the article published at ${OLD_URL} (QR code /q/${code}/`);
    expect(error.errors[0]?.fix).toContain('"withdrawn"');
    const ledger = JSON.parse(readFileSync(path.join(root, LEDGER_FILE), "utf8")) as { entries: { code: string; withdrawn?: string }[] };
    ledger.entries.find((e) => e.code === code)!.withdrawn = "Bài đã được gỡ theo yêu cầu của Sở.";
    writeFileSync(path.join(root, LEDGER_FILE), JSON.stringify(ledger));
    const out = await build();
    for (const p of [`q/${code}/index.html`, `${OLD_URL.slice(1)}index.html`]) expect(readFileSync(path.join(out, p), "utf8")).toContain("Bài đã được gỡ theo yêu cầu của Sở.");
  });

  it("rejects an alias that would overwrite a generated page", async () => {
    editArticle((t) => t.replace("author:", 'aliases: ["/tinh-thanh/"]\nauthor:'));
    const error = await buildErrors();
    expect(error.errors[0]).toMatchObject({ file: ARTICLE, field: "aliases", value: '"/tinh-thanh/"', code: "output.reserved" });
    expect(error.errors[0]?.message).toContain("/tinh-thanh/");
  });

  it("rejects an alias that is another article's URL, naming both", async () => {
    editArticle((t) => t.replace("author:", 'aliases: ["/binh-dinh/2025/tin-binh-dinh/"]\nauthor:'));
    const error = await buildErrors();
    expect(error.errors[0]?.message).toContain("content/binh-dinh/2025-06-30-tin-binh-dinh.md");
  });

  it("writes a sitemap of canonical pages only", async () => {
    const out = await build();
    const sitemap = readFileSync(path.join(out, "sitemap.xml"), "utf8");
    execFileSync("xmllint", ["--noout", path.join(out, "sitemap.xml")]);
    expect(sitemap).toContain(`<loc>https://tongket.example.gov.vn${OLD_URL}</loc><lastmod>2016-11-29</lastmod>`);
    expect(sitemap).toContain("<loc>https://tongket.example.gov.vn/</loc>");
    expect(sitemap).not.toContain("/q/");
  });

  it("keeps QR codes at version 4 or below for a 30-character site URL", () => {
    const site = "https://stttt.quangngai.gov.vn";
    expect(site).toHaveLength(30);
    expect(qrMatrix(`${site}/q/${newShortCode("/x/", new Set())}/`).version).toBeLessThanOrEqual(4);
    expect(qrMatrix(`${site}/q/abcdefg/`).version).toBeLessThanOrEqual(4);
  });
});

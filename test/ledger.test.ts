/**
 * The published-URL record as editors and CI meet it: every build checks it,
 * only the deploying build (`ledger: "record"`, `--record-published`) writes
 * it; new articles are never an error; a change that breaks a published URL
 * is. And the record as untrusted input: a regular file only, bounded,
 * every entry checked, errors that name the line and quote nothing but the
 * offending value.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, symlinkSync, truncateSync, unlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { buildSite, type BuildResult } from "../src/build/build-site.ts";
import { ContentValidationError, formatContentErrors, type ContentError } from "../src/content/errors.ts";
import { LEDGER_FILE, LEDGER_MAX_BYTES, mergeLedgers, parseLedger, planLinks, serializeLedger, type Ledger, type LedgerEntry } from "../src/links/ledger.ts";
import { readLedger, readLedgerFile, writeLedger } from "../src/links/ledger-file.ts";
import { setLanguage } from "../src/messages/index.ts";
import { copyFixture, mdFile, parseOk } from "./helpers.ts";

const ARTICLE = "content/gia-lai/2016-11-29-hoi-nghi-tong-ket.md";
const URL = "/gia-lai/2016/hoi-nghi-tong-ket/";
const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

function project(): string {
  const root = copyFixture("valid-site", "ledger-test-");
  roots.push(root);
  return root;
}

function build(root: string, ledger: "check" | "record", out = "_site"): Promise<BuildResult> {
  return buildSite({ outDir: path.join(root, out), rootDir: root, ledger });
}

async function buildErrors(root: string, ledger: "check" | "record" = "check"): Promise<readonly ContentError[]> {
  const error = await build(root, ledger).catch((e: unknown) => e);
  if (!(error instanceof ContentValidationError)) throw new Error(`expected the build to fail, got ${String(error)}`);
  return error.errors;
}

function recordText(root: string): string {
  return readFileSync(path.join(root, LEDGER_FILE), "utf8");
}

function entries(root: string): LedgerEntry[] {
  return [...readLedger(root).ledger.entries];
}

/** Short link → target, from the `_redirects` file of a build. */
function shortLinks(root: string, out = "_site"): Record<string, string> {
  const lines = readFileSync(path.join(root, out, "_redirects"), "utf8").split("\n");
  return Object.fromEntries(lines.filter((l) => l.startsWith("/q/")).map((l) => l.split(" ").slice(0, 2) as [string, string]));
}

function addArticle(root: string, file: string, frontMatter: string): void {
  mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  writeFileSync(path.join(root, file), mdFile(frontMatter));
}

function edit(root: string, file: string, change: (text: string) => string): void {
  writeFileSync(path.join(root, file), change(readFileSync(path.join(root, file), "utf8")));
}

function ledgerErrors(text: string): ContentError[] {
  const parsed = parseLedger(text);
  if (!("errors" in parsed)) throw new Error("expected the record to be rejected");
  return parsed.errors;
}

const entry = (code: string, urls: string[], extra: Partial<LedgerEntry> = {}): LedgerEntry => ({ code, urls, ...extra });
const recordOf = (...list: LedgerEntry[]): string => serializeLedger({ entries: list });

describe("who writes the record", () => {
  it("a plain build (local, pull request) checks it and never writes it; new articles are not an error", async () => {
    const root = project();
    const first = await build(root, "check");
    expect(first.ledger).toEqual({ added: 2, moved: 0, written: false });
    expect(existsSync(path.join(root, LEDGER_FILE))).toBe(false);

    await build(root, "record");
    const before = recordText(root);
    addArticle(root, "content/ha-tinh/2018-01-02-tin-moi.md", "title: Tin mới\ndate: 2018-01-02\nprovince: ha-tinh");
    const second = await build(root, "check");
    expect(second.ledger).toEqual({ added: 1, moved: 0, written: false });
    expect(recordText(root)).toBe(before);
  });

  it("the deploying build writes it, with every new article and its code", async () => {
    const root = project();
    const result = await build(root, "record");
    expect(result.ledger).toEqual({ added: 2, moved: 0, written: true });
    expect(entries(root).map((e) => e.urls)).toEqual([["/binh-dinh/2025/tin-binh-dinh/"], [URL]]);
    // The draft is not published, so not recorded.
    expect(recordText(root)).not.toContain("ban-nhap");
    // Nothing changed: a second deploy leaves the bytes alone.
    const bytes = recordText(root);
    expect((await build(root, "record")).ledger.written).toBe(false);
    expect(recordText(root)).toBe(bytes);
  });

  it("gives new articles the same short codes in a pull request's, a local and the deploying build", async () => {
    const root = project();
    await build(root, "record");
    addArticle(root, "content/ha-tinh/2018-01-02-tin-moi.md", "title: Tin mới\ndate: 2018-01-02\nprovince: ha-tinh");
    addArticle(root, "content/ha-tinh/2018-01-03-tin-khac.md", "title: Tin khác\ndate: 2018-01-03\nprovince: ha-tinh");
    await build(root, "check", "_pr");
    await build(root, "check", "_local");
    await build(root, "record", "_deploy");
    const deployed = shortLinks(root, "_deploy");
    expect(Object.keys(deployed)).toHaveLength(4);
    expect(shortLinks(root, "_pr")).toEqual(deployed);
    expect(shortLinks(root, "_local")).toEqual(deployed);
    for (const e of entries(root)) expect(deployed[`/q/${e.code}/`]).toBe(e.urls[e.urls.length - 1]);
    // The share pages (and their QR codes) are the same files too.
    for (const code of Object.keys(deployed)) {
      const share = `ma-qr/${code.split("/")[2]}/index.html`;
      expect(readFileSync(path.join(root, "_pr", share), "utf8")).toBe(readFileSync(path.join(root, "_deploy", share), "utf8"));
    }
  });

  it("never records from a build with drafts", async () => {
    const root = project();
    await expect(buildSite({ outDir: path.join(root, "_site"), rootDir: root, includeDrafts: true, ledger: "record" })).rejects.toThrow(/drafts/);
    expect(existsSync(path.join(root, LEDGER_FILE))).toBe(false);
  });
});

describe("what breaks a published URL, and what does not", () => {
  it("renaming a recorded article without an alias fails, naming the file and the fix; with the alias it passes and a deploy records the move", async () => {
    const root = project();
    await build(root, "record");
    const code = entries(root).find((e) => e.urls.includes(URL))?.code;
    renameSync(path.join(root, ARTICLE), path.join(root, "content/gia-lai/2016-11-29-ten-moi.md"));
    const errors = await buildErrors(root);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ code: "ledger.articleGone", file: LEDGER_FILE });
    expect(errors[0]?.message).toContain(`the article published at ${URL} (QR code /q/${code}/`);
    expect(errors[0]?.fix).toContain(`if it is now content/gia-lai/2016-11-29-ten-moi.md, add to its front matter: aliases: ["${URL}"]`);

    edit(root, "content/gia-lai/2016-11-29-ten-moi.md", (t) => t.replace("author:", `aliases: ["${URL}"]\nauthor:`));
    const bytes = recordText(root);
    expect((await build(root, "check")).ledger).toEqual({ added: 0, moved: 1, written: false });
    expect(recordText(root)).toBe(bytes);
    expect((await build(root, "record")).ledger).toEqual({ added: 0, moved: 1, written: true });
    expect(entries(root).find((e) => e.code === code)?.urls).toEqual([URL, "/gia-lai/2016/ten-moi/"]);
  });

  it("renaming an article no deploy published is never an error", async () => {
    const root = project();
    await build(root, "record");
    addArticle(root, "content/ha-tinh/2018-01-02-tin-moi.md", "title: Tin mới\ndate: 2018-01-02\nprovince: ha-tinh");
    await build(root, "check");
    renameSync(path.join(root, "content/ha-tinh/2018-01-02-tin-moi.md"), path.join(root, "content/ha-tinh/2018-01-02-ten-khac.md"));
    await build(root, "check");
    // A draft, even after deploys, is never recorded: renaming it is fine too.
    renameSync(path.join(root, "content/gia-lai/2017-01-05-ban-nhap.md"), path.join(root, "content/gia-lai/2017-01-05-nhap-moi.md"));
    const result = await build(root, "record");
    expect(result.ledger).toEqual({ added: 1, moved: 0, written: true });
    expect(entries(root).flatMap((e) => e.urls)).not.toContain("/ha-tinh/2018/tin-moi/");
  });

  it("says it in Vietnamese by default", async () => {
    const root = project();
    await build(root, "record");
    unlinkSync(path.join(root, ARTICLE));
    setLanguage("vi");
    try {
      const [error] = await buildErrors(root);
      expect(error?.message).toContain(`bài đã đăng ở ${URL}`);
      expect(error?.fix).toContain('"withdrawn"');
    } finally {
      setLanguage("en");
    }
  });
});

describe("the record as untrusted input", () => {
  const good = entry("7kq2m", ["/gia-lai/2016/a/"], { title: "A" });

  it("names the line, the field and the value of an unsafe recorded URL", () => {
    for (const bad of ["/a/../b/", "/a//b/", "/a b/", "/a/<b>/", "a/b/", "/tin-tức/", `/${"x".repeat(600)}/`, "/a/./b/"]) {
      const text = recordOf(good, entry("8xz3n", ["/ok/", bad]));
      const errors = ledgerErrors(text);
      expect(errors, bad).toHaveLength(1);
      const lineOfBad = text.split("\n").findIndex((l) => l.includes(JSON.stringify(bad).slice(0, 40))) + 1;
      expect(errors[0], bad).toMatchObject({ code: "ledger.badUrl", file: LEDGER_FILE, field: "entries[1].urls[1]", line: lineOfBad, message: "is not a safe address" });
      expect(errors[0]?.value?.length ?? 0).toBeLessThanOrEqual(120);
    }
  });

  it("checks every field: code, urls, title, withdrawn, unknown fields; all errors at once", () => {
    const text = JSON.stringify({ entries: [{ code: "I1LO0", urls: ["/a/"] }, { code: "8xz3n", urls: [] }, { code: "9abcd", urls: ["/c/"], withdrawn: "" }, { code: "9abce", urls: ["/d/"], titel: "x" }, "text"] }, null, 2);
    const errors = ledgerErrors(text);
    expect(errors.map((e) => [e.code, e.field])).toEqual([
      ["ledger.badCode", "entries[0].code"],
      ["ledger.badUrls", "entries[1].urls"],
      ["ledger.badText", "entries[2].withdrawn"],
      ["ledger.unknownField", "entries[3].titel"],
      ["ledger.badEntry", "entries[4]"],
    ]);
    for (const e of errors) expect(e.line, e.field).toBeGreaterThan(1);
  });

  it("reports a code or a URL listed twice with both lines", () => {
    const text = recordOf(good, entry("7kq2m", ["/b/"]), entry("8xz3n", ["/gia-lai/2016/a/"]));
    const errors = ledgerErrors(text);
    expect(errors.map((e) => e.code).sort()).toEqual(["ledger.duplicateCode", "ledger.duplicateUrl"]);
    for (const e of errors) expect(e.message).toMatch(/line \d+/);
  });

  it("never quotes the file beyond the offending value", () => {
    const secret = "MẬT-KHẨU-KHÔNG-ĐƯỢC-IN-RA";
    const damaged = `{\n  "about": "${secret}",\n  "entries": [\n    { "code": "7kq2m", "urls": ["/a/"], "title": "${secret}" }\n    { "code": "8xz3n" }\n  ]\n}\n`;
    const errors = ledgerErrors(damaged);
    expect(errors).toEqual([expect.objectContaining({ code: "ledger.notJson", file: LEDGER_FILE, line: 5 })]);
    expect(formatContentErrors(errors)).not.toContain(secret);
    const badValue = ledgerErrors(recordOf(entry("7kq2m", ["/a/"], { title: secret }), entry("8xz3n", ["/b/../"])));
    expect(formatContentErrors(badValue)).not.toContain(secret);
    expect(formatContentErrors(badValue)).toContain('"/b/../"');
  });

  it("summarises a badly damaged record instead of listing thousands of errors", () => {
    const many = JSON.stringify({ entries: Array.from({ length: 500 }, (_, i) => ({ code: "bad", urls: [`/x${i}/`] })) });
    const errors = ledgerErrors(many);
    expect(errors).toHaveLength(51);
    expect(errors[50]).toMatchObject({ code: "ledger.moreErrors", message: "and 450 more errors in this file" });
  });

  it("finds the line in a hand-written compact file too", () => {
    const text = '{"entries": [\n{"code": "7kq2m", "urls": ["/a/"]},\n{"code": "8xz3n", "urls": ["/b/", "/c d/"], "title": "B"}\n]}';
    expect(ledgerErrors(text)).toEqual([expect.objectContaining({ code: "ledger.badUrl", line: 3, field: "entries[1].urls[1]", value: '"/c d/"' })]);
  });

  it("rejects a record nested 100,000 levels deep with an error, not a crash", () => {
    const depth = 100_000; // far past the stack depth JSON.stringify or a recursive parser survives
    for (const text of [`{"entries": [${"[".repeat(depth)}${"]".repeat(depth)}]}`, `{"about": ${"[".repeat(depth)}${"]".repeat(depth)}, "entries": []}`]) {
      const errors = ledgerErrors(text);
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatchObject({ line: 1 });
      expect(errors[0]?.value).toBeUndefined();
    }
  });

  it("accepts a byte-order mark (Windows editors add one)", () => {
    expect("ledger" in parseLedger(`\ufeff${recordOf(good)}`)).toBe(true);
  });

  it("refuses to read or write through a symbolic link, even to a valid record", () => {
    const root = project();
    const elsewhere = path.join(root, "elsewhere.json");
    writeFileSync(elsewhere, recordOf(good));
    symlinkSync(elsewhere, path.join(root, LEDGER_FILE));
    expect(() => readLedger(root)).toThrow(ContentValidationError);
    try {
      readLedger(root);
    } catch (error) {
      expect((error as ContentValidationError).errors[0]).toMatchObject({ code: "ledger.symlink", file: LEDGER_FILE });
    }
    expect(() => writeLedger(root, { entries: [] })).toThrow(/symbolic link/);
    expect(readFileSync(elsewhere, "utf8")).toBe(recordOf(good));
  });

  it("refuses a folder, a FIFO, a file over the size limit and text that is not UTF-8", () => {
    const codeOf = (root: string): string | undefined => {
      try {
        readLedger(root);
        return undefined;
      } catch (error) {
        return (error as ContentValidationError).errors[0]?.code;
      }
    };
    const folder = project();
    mkdirSync(path.join(folder, LEDGER_FILE));
    expect(codeOf(folder)).toBe("ledger.notRegularFile");
    const fifo = project();
    execFileSync("mkfifo", [path.join(fifo, LEDGER_FILE)]);
    expect(codeOf(fifo)).toBe("ledger.notRegularFile");
    const huge = project();
    writeFileSync(path.join(huge, LEDGER_FILE), "");
    truncateSync(path.join(huge, LEDGER_FILE), LEDGER_MAX_BYTES + 1); // sparse: no disk used
    expect(codeOf(huge)).toBe("ledger.tooLarge");
    const latin1 = project();
    writeFileSync(path.join(latin1, LEDGER_FILE), Buffer.from([0x7b, 0x22, 0xe9, 0x22, 0x7d]));
    expect(codeOf(latin1)).toBe("ledger.notUtf8");
  });

  it("writes atomically and leaves no temporary file", () => {
    const root = project();
    writeLedger(root, { entries: [good] });
    expect(recordText(root)).toBe(recordOf(good));
    expect(readdirSync(root).filter((f) => f.includes(".tmp-"))).toEqual([]);
    expect(() => readLedgerFile(path.join(root, "missing.json"), { missing: "error" })).toThrow(ContentValidationError);
  });
});

describe("mergeLedgers (CI's commit-back when main moved on)", () => {
  const a = entry("aaaaa", ["/a/"], { title: "A" });
  const b = entry("bbbbb", ["/b/"], { title: "B" });
  const c = entry("ccccc", ["/c/"], { title: "C" });

  it("adds the deploy's new entries and moves; main's entries and withdrawals win", () => {
    const main: Ledger = { entries: [{ ...a, withdrawn: "Đã gỡ." }, b] };
    const deployed: Ledger = { entries: [a, { ...b, urls: ["/b/", "/b-moi/"] }, c] };
    const merged = mergeLedgers(main, deployed, "en");
    expect(merged).toMatchObject({ added: 1, extended: 1, notes: [] });
    expect(merged.ledger.entries).toEqual([{ ...a, withdrawn: "Đã gỡ." }, { ...b, urls: ["/b/", "/b-moi/"] }, c]);
  });

  it("keeps main's code for a URL recorded twice, and says so", () => {
    const merged = mergeLedgers({ entries: [a] }, { entries: [entry("zzzzz", ["/a/"])] }, "en");
    expect(merged.ledger.entries).toEqual([a]);
    expect(merged.notes).toEqual(["the address /a/ is already recorded on main with code aaaaa; keeping it and dropping this deploy's code zzzzz"]);
  });

  it("is what the record's own check accepts", () => {
    const merged = mergeLedgers({ entries: [a, b] }, { entries: [a, { ...b, urls: ["/b/", "/b2/"] }, c, entry("ddddd", ["/a/", "/d/"])] }, "en");
    expect("ledger" in parseLedger(serializeLedger(merged.ledger))).toBe(true);
  });
});

describe("planLinks", () => {
  it("assigns codes that depend only on the URL and the codes already taken", () => {
    const x = parseOk(mdFile("title: X\ndate: 2016-11-29\nprovince: gia-lai"), "content/a/2016-11-29-x.md");
    const y = parseOk(mdFile("title: Y\ndate: 2016-11-30\nprovince: gia-lai"), "content/a/2016-11-30-y.md");
    const alone = planLinks([x], { entries: [] }).codesOf.get(x);
    const together = planLinks([y, x], { entries: [] }).codesOf.get(x);
    expect(together).toEqual(alone);
  });
});

/**
 * An editor's commit passes CI: proved on a copy of this repository whose
 * content/ is changed the way editors change it — an article added (without
 * touching published-urls.json), one edited, one removed on purpose — and
 * then the CI build and the tests that build real sites run there, green.
 * Then the published-URL record's life in CI: a renamed article without its
 * alias fails with a message naming the file and the fix, with the alias it
 * passes; the deploying build records; a plain build never writes it; the
 * commit-back merges into a main that moved on.
 *
 * Plus a guard over the test sources: no test reads the repository's
 * content/ (that is how the suite once broke when an editor added an article).
 */
import { execFile, execFileSync } from "node:child_process";
import { cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LEDGER_FILE } from "../src/links/ledger.ts";

const ROOT = path.resolve(import.meta.dirname, "..");
const copy = mkdtempSync(path.join(tmpdir(), "editor-flow-"));
afterAll(() => rmSync(copy, { recursive: true, force: true }));

/** The test files that build sites from real articles (the ones that once counted the repository's articles). */
const SITE_TESTS = ["test/build.test.ts", "test/feeds.test.ts", "test/html-validate.test.ts", "test/search.test.ts"];

interface Run {
  readonly status: number;
  readonly output: string;
}

/** Runs a command in the copy: stdout and stderr together, the exit status. */
function inCopy(command: string, args: readonly string[]): Promise<Run> {
  // The outer vitest's own variables would make a nested vitest think it is a worker.
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith("VITEST") && !k.startsWith("__VITEST")));
  return new Promise((resolve) => {
    execFile(command, [...args], { cwd: copy, encoding: "utf8", env: { ...env, LANG: "en_US.UTF-8", FORCE_COLOR: "0", NO_COLOR: "1", SITE_URL: "https://tongket.example.gov.vn" }, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({ status: error ? (typeof error.code === "number" ? error.code : -1) : 0, output: `${stdout}${stderr}` });
    });
  });
}

const ciBuild = (...extra: string[]) => inCopy(process.execPath, ["--import", "tsx", "scripts/build.ts", "--out", "_site", ...extra]);
const record = () => readFileSync(path.join(copy, LEDGER_FILE), "utf8");
const recordJson = () => JSON.parse(record()) as { entries: { code: string; urls: string[]; withdrawn?: string }[] };

function write(file: string, text: string): void {
  mkdirSync(path.dirname(path.join(copy, file)), { recursive: true });
  writeFileSync(path.join(copy, file), text);
}

function edit(file: string, change: (text: string) => string): void {
  write(file, change(readFileSync(path.join(copy, file), "utf8")));
}

const NEW_ARTICLE = "content/da-nang/2024-01-10-so-giao-thong-tong-ket-2023.md";
const NEW_URL = "/da-nang/2024/so-giao-thong-tong-ket-2023/";
const EDITED = "content/hai-phong/2019-01-11-hoi-nghi-tong-ket-cong-tac-2018-trien-khai-nhiem-vu-2019.md";
const REMOVED = "content/ha-tinh/2015-12-07-tong-ket-nganh-thong-tin-va-truyen-thong-ban-chi-dao-cntt.md";
const REMOVED_URL = "/ha-tinh/2015/tong-ket-nganh-thong-tin-va-truyen-thong-ban-chi-dao-cntt/";
const RENAMED = "content/quang-ngai/2016-01-18-trung-tam-cntt-tt-trien-khai-nhiem-vu-nam-2016.md";
const RENAMED_URL = "/quang-ngai/2016/trung-tam-cntt-tt-trien-khai-nhiem-vu-nam-2016/";
const RENAMED_TO = "content/quang-ngai/2016-01-18-trung-tam-cntt-tt-nhiem-vu-2016.md";

beforeAll(() => {
  // The repository as a clean clone would have it (tracked and new, unignored files), with node_modules linked entry by entry
  // so that the copy's own caches (node_modules/.vite) stay in the copy.
  const files = execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], { cwd: ROOT, encoding: "utf8" }).split("\0").filter(Boolean);
  for (const file of files) {
    const from = path.join(ROOT, file);
    if (!existsSync(from) || !lstatSync(from).isFile()) continue;
    mkdirSync(path.dirname(path.join(copy, file)), { recursive: true });
    cpSync(from, path.join(copy, file));
  }
  mkdirSync(path.join(copy, "node_modules"));
  for (const entry of readdirSync(path.join(ROOT, "node_modules"))) {
    if (entry !== ".vite" && entry !== ".cache") symlinkSync(path.join(ROOT, "node_modules", entry), path.join(copy, "node_modules", entry));
  }
});

describe("an editor's changes to content/, in a copy of the repository", () => {
  it("add one article without touching published-urls.json, edit one, remove one on purpose: the CI build passes and the record is untouched", async () => {
    const before = record();
    write(NEW_ARTICLE, `---\ntitle: "Sở Giao thông vận tải Đà Nẵng tổng kết công tác năm 2023"\ndate: 2024-01-10T08:00\nprovince: da-nang\nagency: Sở Giao thông vận tải\n---\nNăm 2023, Sở đã hoàn thành nâng cấp 12 km đường ven biển.\n`);
    const added = await ciBuild();
    expect(added.output).toContain("When this is deployed, CI will record in published-urls.json: 1 new and 0 moved article(s).");
    expect(added.status, added.output).toBe(0);
    expect(record()).toBe(before);

    edit(EDITED, (t) => t.replace(/^title: .*$/m, 'title: "Hải Phòng: tổng kết công tác năm 2018 (đã sửa)"').replace(/\n---\n/, "\n---\nĐoạn mở đầu mới.\n\n"));
    unlinkSync(path.join(copy, REMOVED));
    // Removing a published article: the build says how to withdraw it ...
    const removed = await ciBuild();
    expect(removed.status).toBe(1);
    expect(removed.output).toContain(`published-urls.json:`);
    expect(removed.output).toContain(`the article published at ${REMOVED_URL}`);
    expect(removed.output).toContain('add "withdrawn": "<reason for readers>" to this entry');
    // ... and the editor does, in the record (the one field edited by hand).
    const withdrawn = recordJson();
    withdrawn.entries.find((e) => e.urls.includes(REMOVED_URL))!.withdrawn = "Bài đã được gỡ theo yêu cầu của Sở.";
    writeFileSync(path.join(copy, LEDGER_FILE), `${JSON.stringify(withdrawn, null, 2)}\n`);
    const afterEdits = record();
    const passes = await ciBuild();
    expect(passes.status, passes.output).toBe(0);
    expect(passes.output).toContain("Built 5 articles");
    expect(record()).toBe(afterEdits);
    expect(readFileSync(path.join(copy, "_site", REMOVED_URL, "index.html"), "utf8")).toContain("Bài đã được gỡ theo yêu cầu của Sở.");
  }, 180_000);

  it("the tests that build sites from real articles pass there", async () => {
    const result = await inCopy(process.execPath, ["node_modules/vitest/vitest.mjs", "run", ...SITE_TESTS]);
    expect(result.output).toMatch(/Test Files\s+4 passed \(4\)/);
    expect(result.status, result.output.slice(-3000)).toBe(0);
  }, 600_000);

  it("renaming a published article: without its old URL as alias the CI build fails naming the file and the fix; with it, it passes", async () => {
    renameSync(path.join(copy, RENAMED), path.join(copy, RENAMED_TO));
    const failed = await ciBuild();
    expect(failed.status).toBe(1);
    expect(failed.output).toContain("Build failed: the content has errors. Nothing was published; the previous site is unchanged.");
    expect(failed.output).toContain(`the article published at ${RENAMED_URL}`);
    expect(failed.output).toContain(`fix: if it is now ${RENAMED_TO}, add to its front matter: aliases: ["${RENAMED_URL}"]`);
    edit(RENAMED_TO, (t) => t.replace(/\n---\n/, `\naliases: ["${RENAMED_URL}"]\n---\n`));
    const passed = await ciBuild();
    expect(passed.status, passed.output).toBe(0);
    expect(passed.output).toContain("1 new and 1 moved article(s)");
  }, 180_000);

  it("the deploying build records the new and the moved article; a plain build afterwards leaves the record byte-identical", async () => {
    const deployed = await ciBuild("--record-published");
    expect(deployed.status, deployed.output).toBe(0);
    expect(deployed.output).toContain("published-urls.json: recorded 1 new and 1 moved article(s).");
    const entries = recordJson().entries;
    expect(entries.find((e) => e.urls.includes(NEW_URL))).toBeDefined();
    expect(entries.find((e) => e.urls.includes(RENAMED_URL))?.urls).toEqual([RENAMED_URL, "/quang-ngai/2016/trung-tam-cntt-tt-nhiem-vu-2016/"]);
    const redirects = readFileSync(path.join(copy, "_site/_redirects"), "utf8");
    for (const e of entries.filter((x) => !x.withdrawn)) expect(redirects).toContain(`/q/${e.code}/ ${e.urls[e.urls.length - 1]} 301`);

    const bytes = record();
    const plain = await ciBuild();
    expect(plain.status, plain.output).toBe(0);
    expect(plain.output).not.toContain("When this is deployed");
    expect(record()).toBe(bytes);
  }, 180_000);

  it("the commit-back adds what the deploy recorded to a main that moved on, keeping main's changes", async () => {
    const deployedFile = path.join(copy, "deployed", LEDGER_FILE);
    mkdirSync(path.dirname(deployedFile));
    cpSync(path.join(copy, LEDGER_FILE), deployedFile);
    // Main as it is now: the record before this deploy, plus an editor's withdrawal pushed meanwhile.
    const main = JSON.parse(readFileSync(path.join(ROOT, LEDGER_FILE), "utf8")) as { entries: { urls: string[]; withdrawn?: string }[] };
    main.entries.find((e) => e.urls.includes("/binh-duong/2017/hoi-nghi-tong-ket-cong-tac-2016-trien-khai-nhiem-vu-2017/"))!.withdrawn = "Gỡ theo yêu cầu.";
    writeFileSync(path.join(copy, LEDGER_FILE), JSON.stringify(main));
    const merged = await inCopy(process.execPath, ["--import", "tsx", "scripts/merge-published-urls.ts", "--from", deployedFile]);
    expect(merged.status, merged.output).toBe(0);
    expect(merged.output).toContain("published-urls.json: 1 new entries, 1 entries with new addresses.");
    const entries = recordJson().entries;
    expect(entries.find((e) => e.urls.includes(NEW_URL))).toBeDefined();
    expect(entries.find((e) => e.urls[0] === "/binh-duong/2017/hoi-nghi-tong-ket-cong-tac-2016-trien-khai-nhiem-vu-2017/")?.withdrawn).toBe("Gỡ theo yêu cầu.");
    // Run again (a retried push): nothing more to add, the file is left alone.
    const bytes = record();
    const again = await inCopy(process.execPath, ["--import", "tsx", "scripts/merge-published-urls.ts", "--from", deployedFile]);
    expect(again.output).toContain("0 new entries, 0 entries with new addresses.");
    expect(record()).toBe(bytes);
  }, 120_000);
});

describe("the test sources", () => {
  it("never read the repository's content/ (real material comes from test/fixtures/seed-site)", () => {
    const offenders: string[] = [];
    for (const file of readdirSync(path.join(ROOT, "test")).filter((f) => f.endsWith(".ts") && f !== "editor-flow.test.ts")) {
      const source = readFileSync(path.join(ROOT, "test", file), "utf8");
      const patterns: [RegExp, string][] = [
        [/\bROOT\b[^;\n]*["'`]content\b/, "joins the repository root with content"],
        [/rootDir:\s*ROOT\b/, "loads or builds the repository root"],
        [/ls-files/, "lists the repository's files"],
        [/\.\.\/content\b|\.\.\/\.\.\/content\b/, "reaches ../content"],
      ];
      source.split("\n").forEach((line, i) => {
        for (const [pattern, why] of patterns) if (pattern.test(line)) offenders.push(`test/${file}:${i + 1}: ${why}`);
      });
    }
    expect(offenders).toEqual([]);
    // The article generator writes a held-out corpus from its own vocabulary: it reads no file at all.
    const generator = readFileSync(path.join(ROOT, "scripts/generate-articles.ts"), "utf8");
    expect(generator).toContain("writeFileSync");
    expect(generator).not.toMatch(/\b(?:readFileSync|readdirSync|readFile|readdir|createReadStream)\b/);
  });
});

/**
 * Last-updated dates from git history (src/git-dates.ts): the log parser on
 * hand-written output, and readGitDates on real repositories made in temp
 * folders (full, shallow, none), with hostile file names.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseArticleDate } from "../src/dates.ts";
import { gitDatesNotice, lastUpdated, parseGitLog, readGitDates } from "../src/git-dates.ts";

const temps: string[] = [];
function temp(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "git-dates-"));
  temps.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

function git(cwd: string, args: readonly string[], date = "2024-01-01T09:00:00+07:00"): string {
  return execFileSync("git", ["-c", "user.name=T", "-c", "user.email=t@example.gov.vn", "-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main", "-c", "protocol.file.allow=always", ...args], {
    cwd,
    env: { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date, GIT_CONFIG_NOSYSTEM: "1", GIT_CONFIG_GLOBAL: "/dev/null" },
    encoding: "utf8",
  });
}

/** One commit record as `git log -z --format=%x01%ct --name-status -M` writes it. */
function record(seconds: number, ...entries: string[][]): string {
  return `\x01${seconds}\0\n${entries.map((e) => e.join("\0")).join("\0")}\0`;
}

const T1 = 1_700_000_000;
const T2 = T1 + 86_400 * 30;
const T3 = T2 + 86_400 * 30;

describe("parseGitLog", () => {
  it("a modification is an update; an addition is not; the newest change wins; dates are +07:00", () => {
    const log = record(T3, ["M", "content/a.md"]) + record(T2, ["M", "content/a.md"], ["A", "content/b.md"]) + record(T1, ["A", "content/a.md"]);
    const dates = parseGitLog(log);
    expect([...dates.keys()]).toEqual(["content/a.md"]);
    expect(dates.get("content/a.md")?.iso).toBe("2024-01-14T05:13:20+07:00");
    expect(dates.get("content/a.md")?.timestamp).toBe(T3 * 1000);
  });

  it("follows renames to the current name: a pure rename is not an update, a rename with edits is", () => {
    const log =
      record(T3, ["R100", "content/b-cu.md", "content/b.md"]) +
      record(T2, ["R087", "content/a-cu.md", "content/a.md"], ["M", "content/b-cu.md"]) +
      record(T1, ["A", "content/a-cu.md"], ["A", "content/b-cu.md"]);
    const dates = parseGitLog(log);
    expect(dates.get("content/a.md")?.timestamp).toBe(T2 * 1000);
    expect(dates.get("content/b.md")?.timestamp).toBe(T2 * 1000);
    expect(dates.has("content/a-cu.md")).toBe(false);
  });

  it("ignores what is not a commit record (garbage, negative or huge dates) and names with any bytes stay names", () => {
    const log = "garbage\0" + record(T1, ["M", "content/ok.md"]) + "\x01-5\0\nM\0content/neg.md\0" + "\x019999999999999\0\nM\0content/huge.md\0";
    expect([...parseGitLog(log).keys()]).toEqual(["content/ok.md"]);
    // With -z a name is one field whatever it holds (git names cannot hold NUL): newlines, tabs, a status-like text.
    const hostile = "content/x\n\tM\nR100.md";
    expect([...parseGitLog(record(T1, ["M", hostile], ["A", "content/y.md"])).keys()]).toEqual([hostile]);
  });
});

describe("lastUpdated", () => {
  const article = { sourcePath: "content/a.md", date: parseArticleDate("2024-01-10")! };
  it("only a change after the publication counts (an archive imported later was not updated)", () => {
    expect(lastUpdated(new Map([["content/a.md", parseArticleDate("2025-03-04T10:00")!]]), article)?.day).toBe("2025-03-04");
    expect(lastUpdated(new Map([["content/a.md", parseArticleDate("2020-03-04T10:00")!]]), article)).toBeUndefined();
    expect(lastUpdated(undefined, article)).toBeUndefined();
  });
});

describe("readGitDates", () => {
  it("outside a git checkout: no dates and no notice (nothing fell back)", async () => {
    const dir = temp();
    mkdirSync(path.join(dir, "content"));
    const dates = await readGitDates(dir);
    expect(dates.updated.size).toBe(0);
    expect(dates.fallback).toBe("no-git");
    expect(gitDatesNotice(dates)).toBeUndefined();
  });

  it("reads one repository in one pass, with names git would quote (spaces, Vietnamese, quotes, newlines)", async () => {
    const dir = temp();
    mkdirSync(path.join(dir, "content/gia-lai"), { recursive: true });
    const names = ["content/gia-lai/bình thường.md", 'content/gia-lai/"ngoặc".md', "content/gia-lai/dòng\nmới.md"];
    git(dir, ["init", "-q"]);
    for (const name of names) writeFileSync(path.join(dir, name), "a\n");
    writeFileSync(path.join(dir, "README.md"), "ngoài content\n");
    git(dir, ["add", "-A"]);
    git(dir, ["commit", "-q", "-m", "một"], "2024-01-01T09:00:00+07:00");
    for (const name of names) writeFileSync(path.join(dir, name), "b\n");
    writeFileSync(path.join(dir, "README.md"), "đổi\n");
    git(dir, ["commit", "-qam", "hai"], "2024-06-01T15:30:00+07:00");
    // Not committed: keeps what its history says.
    writeFileSync(path.join(dir, names[0]!), "c\n");
    const dates = await readGitDates(dir);
    expect(dates.fallback).toBeUndefined();
    expect([...dates.updated.keys()].sort()).toEqual([...names].sort());
    for (const name of names) expect(dates.updated.get(name)?.iso).toBe("2024-06-01T15:30:00+07:00");
  });

  it("a shallow clone gives the dates it knows and a notice that says how to get the rest", async () => {
    const origin = temp();
    mkdirSync(path.join(origin, "content"));
    git(origin, ["init", "-q"]);
    writeFileSync(path.join(origin, "content/cu.md"), "a\n");
    writeFileSync(path.join(origin, "content/moi.md"), "a\n");
    git(origin, ["add", "-A"]);
    git(origin, ["commit", "-q", "-m", "1"], "2024-01-01T09:00:00+07:00");
    writeFileSync(path.join(origin, "content/cu.md"), "b\n");
    git(origin, ["commit", "-qam", "2"], "2024-02-01T09:00:00+07:00");
    writeFileSync(path.join(origin, "content/moi.md"), "b\n");
    git(origin, ["commit", "-qam", "3"], "2024-03-01T09:00:00+07:00");
    const clone = path.join(temp(), "clone");
    git(path.dirname(clone), ["clone", "-q", "--depth", "1", `file://${origin}`, clone]);
    const dates = await readGitDates(clone);
    expect(dates.fallback).toBe("shallow");
    // Depth 1: the only commit looks like it added everything, so nothing is "updated".
    expect(dates.updated.size).toBe(0);
    const deeper = path.join(temp(), "clone2");
    git(path.dirname(deeper), ["clone", "-q", "--depth", "2", `file://${origin}`, deeper]);
    const two = await readGitDates(deeper);
    expect([...two.updated.keys()]).toEqual(["content/moi.md"]);
    expect(gitDatesNotice(two)).toMatchObject({ file: "content/", severity: "warning", code: "readers.gitShallow", fix: expect.stringContaining("fetch-depth: 0") });
  });

  it("output over the limit falls back with a notice instead of reading without bound", async () => {
    const dir = temp();
    mkdirSync(path.join(dir, "content"));
    git(dir, ["init", "-q"]);
    for (let i = 0; i < 3; i++) {
      writeFileSync(path.join(dir, "content/a.md"), `${i}\n`);
      git(dir, ["add", "-A"]);
      git(dir, ["commit", "-q", "-m", String(i)], `2024-01-0${i + 1}T09:00:00+07:00`);
    }
    const dates = await readGitDates(dir, { maxBytes: 16 });
    expect(dates).toMatchObject({ fallback: "too-large" });
    expect(dates.updated.size).toBe(0);
    expect(gitDatesNotice(dates)?.code).toBe("readers.gitTooLarge");
  });

  it("a GIT_DIR inherited from a git hook of another repository is ignored", async () => {
    const mine = temp();
    mkdirSync(path.join(mine, "content"));
    git(mine, ["init", "-q"]);
    writeFileSync(path.join(mine, "content/a.md"), "a\n");
    git(mine, ["add", "-A"]);
    git(mine, ["commit", "-q", "-m", "1"], "2024-01-01T09:00:00+07:00");
    writeFileSync(path.join(mine, "content/a.md"), "b\n");
    git(mine, ["commit", "-qam", "2"], "2024-05-05T09:00:00+07:00");
    const other = temp();
    git(other, ["init", "-q"]);
    const saved = { dir: process.env["GIT_DIR"], work: process.env["GIT_WORK_TREE"] };
    process.env["GIT_DIR"] = path.join(other, ".git");
    process.env["GIT_WORK_TREE"] = other;
    try {
      const dates = await readGitDates(mine);
      expect(dates.updated.get("content/a.md")?.day).toBe("2024-05-05");
    } finally {
      if (saved.dir === undefined) delete process.env["GIT_DIR"];
      else process.env["GIT_DIR"] = saved.dir;
      if (saved.work === undefined) delete process.env["GIT_WORK_TREE"];
      else process.env["GIT_WORK_TREE"] = saved.work;
    }
  });

  it("a hostile .git/config runs nothing: no lazy fetch from a 'promisor' remote whose URL is a command (ext::)", async () => {
    // A partial clone fetches missing objects on demand; rename detection
    // (-M) needs the old blob. With the repository's own config allowing the
    // ext:: transport, that fetch would run `sh -c …`.
    const dir = temp();
    const marker = path.join(dir, "ran");
    mkdirSync(path.join(dir, "content", "gia-lai"), { recursive: true });
    git(dir, ["init", "-q"]);
    writeFileSync(path.join(dir, "content", "gia-lai", "2024-01-01-a.md"), Array.from({ length: 200 }, (_, i) => `dòng ${i}`).join("\n"));
    git(dir, ["add", "-A"]);
    git(dir, ["commit", "-q", "-m", "1"], "2024-01-01T09:00:00+07:00");
    const oldBlob = git(dir, ["rev-parse", "HEAD:content/gia-lai/2024-01-01-a.md"]).trim();
    git(dir, ["mv", "content/gia-lai/2024-01-01-a.md", "content/gia-lai/2024-01-01-b.md"]);
    writeFileSync(path.join(dir, "content", "gia-lai", "2024-01-01-b.md"), Array.from({ length: 200 }, (_, i) => `dòng ${i}`).join("\n") + "\nthêm\n");
    git(dir, ["add", "-A"]);
    git(dir, ["commit", "-q", "-m", "2"], "2024-02-01T09:00:00+07:00");
    // Repack every object but the first version's blob.
    git(dir, ["repack", "-qad"]);
    const keep = git(dir, ["rev-list", "--objects", "--all"]).split("\n").map((line) => line.split(" ")[0] ?? "").filter((id) => id !== "" && id !== oldBlob);
    execFileSync("git", ["pack-objects", "-q", ".git/objects/pack/keep"], { cwd: dir, input: keep.join("\n") + "\n" });
    const packDir = path.join(dir, ".git", "objects", "pack");
    for (const name of readdirSync(packDir)) if (name.startsWith("pack-")) rmSync(path.join(packDir, name));
    for (const name of readdirSync(packDir)) if (name.startsWith("keep-")) renameSync(path.join(packDir, name), path.join(packDir, name.replace(/^keep-/, "pack-")));
    git(dir, ["config", "core.repositoryformatversion", "1"]);
    git(dir, ["config", "extensions.partialClone", "origin"]);
    git(dir, ["config", "remote.origin.promisor", "true"]);
    git(dir, ["config", "protocol.ext.allow", "always"]);
    git(dir, ["config", "remote.origin.url", `ext::sh -c touch% ${marker}`]);
    await readGitDates(dir);
    expect(existsSync(marker)).toBe(false);
  });

  it("an empty repository (no commit yet) is not an error", async () => {
    const dir = temp();
    mkdirSync(path.join(dir, "content"));
    git(dir, ["init", "-q"]);
    const dates = await readGitDates(dir);
    expect(dates.fallback).toBeUndefined();
    expect(dates.updated.size).toBe(0);
  });
});

/**
 * The GitHub Actions workflow (.github/workflows/site.yml), read with a real
 * YAML parser and checked for what the editors' pipeline relies on: pull
 * requests build without recording; main builds with --record-published,
 * deploys to Pages with the permissions Pages needs, and commits the record
 * back only after the deploy, with write access only there; every step is an
 * action pinned to a major version or a shell script that parses.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseDocument } from "yaml";

const ROOT = path.resolve(import.meta.dirname, "..");
const FILE = path.join(ROOT, ".github/workflows/site.yml");

interface Step {
  readonly name?: string;
  readonly id?: string;
  readonly uses?: string;
  readonly run?: string;
  readonly if?: string;
  readonly with?: Record<string, unknown>;
  readonly env?: Record<string, string>;
}
interface Job {
  readonly name?: string;
  readonly "runs-on"?: string;
  readonly needs?: string | string[];
  readonly if?: string;
  readonly permissions?: Record<string, string>;
  readonly environment?: { name: string; url?: string };
  readonly container?: string;
  readonly steps?: Step[];
}
interface Workflow {
  readonly name?: string;
  readonly on?: Record<string, unknown>;
  readonly permissions?: Record<string, string>;
  readonly concurrency?: { group: string; "cancel-in-progress": string | boolean };
  readonly env?: Record<string, string>;
  readonly jobs?: Record<string, Job>;
}

const doc = parseDocument(readFileSync(FILE, "utf8"), { prettyErrors: true, uniqueKeys: true });
const workflow = doc.toJS() as Workflow;
const jobs = workflow.jobs ?? {};
const ON_MAIN = "github.event_name != 'pull_request' && github.ref == 'refs/heads/main'";

function job(name: string): Job {
  const found = jobs[name];
  if (!found) throw new Error(`no job "${name}" in site.yml (jobs: ${Object.keys(jobs).join(", ")})`);
  return found;
}

function step(jobName: string, match: (s: Step) => boolean, what: string): Step {
  const found = job(jobName).steps?.find(match);
  if (!found) throw new Error(`job "${jobName}" has no step that ${what}`);
  return found;
}

const needs = (j: Job): string[] => (j.needs === undefined ? [] : Array.isArray(j.needs) ? j.needs : [j.needs]);

describe(".github/workflows/site.yml", () => {
  it("is valid YAML, without duplicate keys or warnings", () => {
    expect(doc.errors.map((e) => e.message)).toEqual([]);
    expect(doc.warnings.map((e) => e.message)).toEqual([]);
    expect(workflow.name).toBe("site");
  });

  it("runs on pull requests and on pushes to main", () => {
    expect(Object.keys(workflow.on ?? {})).toEqual(expect.arrayContaining(["pull_request", "push"]));
    expect((workflow.on?.["push"] as { branches?: string[] }).branches).toEqual(["main"]);
  });

  it("gives every job a runner and steps, and every step exactly one of uses or run", () => {
    expect(Object.keys(jobs)).toEqual(expect.arrayContaining(["build", "deploy", "record"]));
    for (const [name, j] of Object.entries(jobs)) {
      expect(j["runs-on"], name).toBe("ubuntu-latest");
      expect(j.steps?.length ?? 0, name).toBeGreaterThan(0);
      for (const s of j.steps ?? []) {
        const label = `${name}: ${s.name ?? s.uses ?? s.run}`;
        expect([s.uses, s.run].filter((x) => x !== undefined), label).toHaveLength(1);
        if (s.uses) expect(s.uses, label).toMatch(/^[a-z0-9-]+\/[a-z0-9-]+@v\d+$/);
      }
      for (const other of needs(j)) expect(Object.keys(jobs), `${name} needs ${other}`).toContain(other);
    }
  });

  it("has shell steps that bash can parse", () => {
    const scripts = Object.values(jobs).flatMap((j) => (j.steps ?? []).flatMap((s) => (s.run ? [s.run] : [])));
    expect(scripts.length).toBeGreaterThan(4);
    // GitHub substitutes ${{ … }} before the shell runs; a placeholder keeps bash's parse honest.
    for (const script of scripts) expect(() => execFileSync("bash", ["-n", "-c", script.replaceAll(/\$\{\{[^}]*\}\}/g, "X")], { stdio: "pipe" }), script).not.toThrow();
  });

  it("reads by default and grants write access only where it is needed", () => {
    expect(workflow.permissions).toEqual({ contents: "read" });
    expect(job("build").permissions).toBeUndefined();
    expect(job("deploy").permissions).toEqual({ pages: "write", "id-token": "write" });
    expect(job("record").permissions).toEqual({ contents: "write" });
  });

  it("builds pull requests without recording and main with --record-published, caching .cache and _site", () => {
    const pr = step("build", (s) => s.run === "npm run build", "runs a plain npm run build");
    expect(pr.if).toContain("github.event_name == 'pull_request'");
    const main = step("build", (s) => s.run?.includes("--record-published") === true, "builds with --record-published");
    expect(main.if).toBe(ON_MAIN);
    expect(main.run).toBe("npm run build -- --record-published");
    const install = step("build", (s) => s.run?.startsWith("npm ci") === true, "installs with npm ci");
    expect(job("build").steps?.indexOf(install)).toBeLessThan(job("build").steps?.indexOf(pr) ?? -1);
    const cache = step("build", (s) => s.uses?.startsWith("actions/cache@") === true, "uses actions/cache");
    expect(String(cache.with?.["path"]).split("\n").map((p) => p.trim()).filter(Boolean)).toEqual([".cache", "_site"]);
    expect(workflow.env?.["SITE_URL"]).toBe("${{ vars.SITE_URL }}");
  });

  it("deploys _site/ to GitHub Pages from main only, after the build", () => {
    const upload = step("build", (s) => s.uses?.startsWith("actions/upload-pages-artifact@") === true, "uploads the Pages artifact");
    expect(upload.with?.["path"]).toBe("_site");
    expect(upload.if).toBe(ON_MAIN);
    const deploy = job("deploy");
    expect(needs(deploy)).toEqual(["build"]);
    expect(deploy.if).toBe(ON_MAIN);
    expect(deploy.environment?.name).toBe("github-pages");
    expect(step("deploy", (s) => s.uses?.startsWith("actions/deploy-pages@") === true, "uses actions/deploy-pages").id).toBe("deployment");
  });

  it("commits the record only on main, only after a successful deploy, without starting another run", () => {
    const record = job("record");
    expect(needs(record)).toEqual(["deploy"]);
    expect(record.if).toBe(`success() && ${ON_MAIN}`);
    const saved = step("build", (s) => s.uses?.startsWith("actions/upload-artifact@") === true, "keeps the written record");
    expect(saved.with).toMatchObject({ name: "published-urls", path: "published-urls.json", "if-no-files-found": "error" });
    expect(step("record", (s) => s.uses?.startsWith("actions/download-artifact@") === true, "fetches the record").with?.["name"]).toBe("published-urls");
    const commit = step("record", (s) => s.run?.includes("git push") === true, "pushes the record");
    expect(commit.run).toContain("scripts/merge-published-urls.ts --from");
    expect(commit.run).toContain("git add published-urls.json");
    expect(commit.run).toContain("[skip ci]");
    expect(commit.run).toContain("github-actions[bot]");
    // It merges into main as it is now, and retries when main moves meanwhile.
    expect(commit.run).toMatch(/git fetch[^\n]*origin main\n\s*git reset --quiet --hard origin\/main/);
    expect(commit.run).toMatch(/for attempt in/);
  });

  it("serializes runs on main and never cancels a deploy", () => {
    expect(workflow.concurrency?.group).toContain("github.ref");
    expect(workflow.concurrency?.["cancel-in-progress"]).toBe("${{ github.event_name == 'pull_request' }}");
  });
});

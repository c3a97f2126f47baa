/**
 * Work that runs beside the main thread's (src/build/build-site.ts): the
 * bundles (the search index, the web editor) start after the pages, before
 * the file steps, and are written after them; the QR symbols are made while
 * the pages without a QR code render. What that must not change: the
 * output, and a failure's report. Byte-identity on one worker and two is in
 * build-workers.test.ts.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildSite } from "../src/build/build-site.ts";
import { defineBundle, defineFileStep, definePageType } from "../src/plan/output-plan.ts";
import { SITE_PRODUCERS } from "../src/plan/site-outputs.ts";
import { siteConfigFromEnv } from "../src/site-config.ts";
import type { SiteData } from "../src/site-data.ts";

const FIXTURE = path.resolve(import.meta.dirname, "fixtures/valid-site");
const work = mkdtempSync(path.join(tmpdir(), "build-overlap-test-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

let n = 0;
function copyFixture(): string {
  const root = path.join(work, `site-${n++}`);
  cpSync(FIXTURE, root, { recursive: true, filter: (src) => !src.includes(`${path.sep}.cache`) });
  return root;
}

/** The messages of an error and of its causes (Eleventy keeps them in `cause` or `originalError`). */
function messages(error: unknown): string[] {
  const out: string[] = [];
  for (let e = error; e instanceof Error; e = (e as Error & { originalError?: unknown }).originalError ?? e.cause) out.push(e.message);
  return out;
}

/** Pages that count how many of them Eleventy has rendered. */
function countingPages(counter: { rendered: number }) {
  return definePageType<SiteData, number>({
    name: "probe-page",
    items: () => [1, 2, 3],
    url: (i) => `/probe-${i}/`,
    render: (i) => {
      counter.rendered++;
      return `<p>${i}</p>`;
    },
  });
}

describe("bundles run beside the file steps", () => {
  it("start after the pages, before the first file is made, and their files are written", async () => {
    const root = copyFixture();
    const out = path.join(root, "_site");
    const counter = { rendered: 0 };
    let madeFiles = 0;
    const seenByBundle = { pages: -1, files: -1 };
    const files = defineFileStep<SiteData>({
      name: "probe-files",
      declare: () => [1, 2].map((i) => ({ url: `/probe-file-${i}.txt`, body: () => `file ${++madeFiles}` })),
    });
    const bundle = defineBundle<SiteData>({
      name: "probe-bundle",
      folder: "probe-bundle",
      async run() {
        seenByBundle.pages = counter.rendered;
        seenByBundle.files = madeFiles;
        // Finishes only after the files have had their turn: its files are still written.
        await new Promise((resolve) => setTimeout(resolve, 50));
        return [{ path: "a.txt", contents: "made beside the files" }];
      },
    });
    // The first bundle: later ones start when the one before them is done (the next test).
    await buildSite({ outDir: out, rootDir: root, config: siteConfigFromEnv({}), producers: [bundle, ...SITE_PRODUCERS, countingPages(counter), files] });
    expect(seenByBundle).toEqual({ pages: 3, files: 0 });
    expect(madeFiles).toBe(2);
    expect(readFileSync(path.join(out, "probe-bundle/a.txt"), "utf8")).toBe("made beside the files");
    expect(readFileSync(path.join(out, "probe-2/index.html"), "utf8")).toBe("<p>2</p>");
    expect(readFileSync(path.join(out, "probe-file-2.txt"), "utf8")).toMatch(/^file [12]$/);
  });

  it("run one after the other (two at once both used esbuild, and one stopped it under the other)", async () => {
    const root = copyFixture();
    const out = path.join(root, "_site");
    let firstDone = false;
    let firstDoneWhenSecondStarted: boolean | undefined;
    const first = defineBundle<SiteData>({
      name: "probe-first",
      folder: "probe-first",
      async run() {
        await new Promise((resolve) => setTimeout(resolve, 100));
        firstDone = true;
        return [{ path: "a.txt", contents: "1" }];
      },
    });
    const second = defineBundle<SiteData>({
      name: "probe-second",
      folder: "probe-second",
      run() {
        firstDoneWhenSecondStarted = firstDone;
        return [{ path: "b.txt", contents: "2" }];
      },
    });
    await buildSite({ outDir: out, rootDir: root, config: siteConfigFromEnv({}), producers: [...SITE_PRODUCERS, first, second] });
    expect(firstDoneWhenSecondStarted).toBe(true);
    expect(readFileSync(path.join(out, "probe-first/a.txt"), "utf8")).toBe("1");
    expect(readFileSync(path.join(out, "probe-second/b.txt"), "utf8")).toBe("2");
  });

  it("a bundle that fails while the files are made fails the build with its error, and nothing is published", async () => {
    const root = copyFixture();
    const out = path.join(root, "_site");
    const counter = { rendered: 0 };
    const bundle = defineBundle<SiteData>({
      name: "probe-bundle",
      folder: "probe-bundle",
      async run() {
        await Promise.resolve();
        throw new Error("probe bundle broke");
      },
    });
    const error = await buildSite({ outDir: out, rootDir: root, config: siteConfigFromEnv({}), producers: [...SITE_PRODUCERS, countingPages(counter), bundle] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toBe("probe bundle broke");
    // The pages rendered before; none of them reached the output folder, and no staging folder is left.
    expect(counter.rendered).toBe(3);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(root).filter((f) => f.startsWith("_site"))).toEqual([]);
  });

  it("a file that fails while a bundle runs fails the build with the file's error once the bundle is done", async () => {
    const root = copyFixture();
    const out = path.join(root, "_site");
    let bundleDone = false;
    const bundle = defineBundle<SiteData>({
      name: "probe-bundle",
      folder: "probe-bundle",
      async run() {
        await new Promise((resolve) => setTimeout(resolve, 200));
        bundleDone = true;
        return [{ path: "a.txt", contents: "a" }];
      },
    });
    const broken = defineFileStep<SiteData>({
      name: "probe-files",
      declare: () => [
        {
          url: "/probe.txt",
          body: () => {
            throw new Error("probe file broke");
          },
        },
      ],
    });
    const error = await buildSite({ outDir: out, rootDir: root, config: siteConfigFromEnv({}), producers: [...SITE_PRODUCERS, broken, bundle] }).catch((e: unknown) => e);
    expect(messages(error)).toContain("probe file broke");
    // The bundle was not left running behind the report (its workers, its caches).
    expect(bundleDone).toBe(true);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(root).filter((f) => f.startsWith("_site"))).toEqual([]);
  });
});

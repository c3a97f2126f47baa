/**
 * The whole build as one function, for the CLI, the benchmark and tests:
 * load and validate content, run Eleventy into a temporary sibling folder,
 * run the post-build steps on it, then swap it into place.
 */
import { existsSync, readdirSync, renameSync, rmSync } from "node:fs";
import { spawn } from "node:child_process";
import path from "node:path";
import Eleventy from "@11ty/eleventy";
import { ROOT_DIR, configureSiteData, loadSiteData, setSiteData } from "../eleventy/site-data.ts";
import { writeOutputFiles } from "./output-files.ts";
import { BUILD_STEPS } from "./steps.ts";

export interface BuildOptions {
  /** Final output folder, e.g. /repo/_site. */
  readonly outDir: string;
  /** Project root holding content/. Defaults to this repository. */
  readonly rootDir?: string;
  readonly includeDrafts?: boolean;
}

export interface BuildResult {
  readonly outDir: string;
  readonly articleCount: number;
  readonly fileCount: number;
  /** Milliseconds per phase ("load", "eleventy", each step's name, "swap"), for the benchmark. */
  readonly timings: Readonly<Record<string, number>>;
}

/**
 * Deletes the replaced output folder in a detached process: the new site is
 * already in place, and unlinking tens of thousands of files took longer
 * (6 s for 10,000 articles) than generating them.
 */
function removeInBackground(dir: string): void {
  if (!existsSync(dir)) return;
  const child = spawn("rm", ["-rf", "--", dir], { detached: true, stdio: "ignore" });
  child.on("error", () => rmSync(dir, { recursive: true, force: true }));
  child.unref();
}

function countFiles(dir: string): number {
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length;
}

/**
 * Builds the site atomically.
 * @throws ContentValidationError when any article is invalid (nothing is written)
 */
export async function buildSite(options: BuildOptions): Promise<BuildResult> {
  const outDir = path.resolve(options.outDir);
  const rootDir = options.rootDir ?? ROOT_DIR;
  const timings: Record<string, number> = {};
  let mark = performance.now();
  const lap = (name: string): void => {
    const now = performance.now();
    timings[name] = Math.round(now - mark);
    mark = now;
  };
  configureSiteData({ rootDir, ...(options.includeDrafts ? { includeDrafts: true } : {}) });
  const data = await loadSiteData({ rootDir, ...(options.includeDrafts ? { includeDrafts: true } : {}) });
  setSiteData(data);
  lap("load");

  const staging = `${outDir}.tmp-${process.pid}`;
  const previous = `${outDir}.old-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  try {
    const eleventy = new Eleventy(path.join(ROOT_DIR, "src/eleventy/pages"), staging, {
      configPath: path.join(ROOT_DIR, ".eleventy.js"),
      quietMode: true,
    });
    await eleventy.write();
    lap("eleventy");
    for (const step of BUILD_STEPS) {
      writeOutputFiles(staging, await step.run({ data, stagingDir: staging, rootDir }));
      lap(step.name);
    }
    const fileCount = countFiles(staging);
    if (existsSync(outDir)) renameSync(outDir, previous);
    renameSync(staging, outDir);
    removeInBackground(previous);
    lap("swap");
    return { outDir, articleCount: data.model.articles.length, fileCount, timings };
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    if (!existsSync(outDir) && existsSync(previous)) renameSync(previous, outDir);
    throw error;
  }
}

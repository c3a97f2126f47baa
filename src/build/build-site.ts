/**
 * The whole build as one function, for the CLI, the benchmark and tests:
 * load and validate content, run Eleventy into a temporary sibling folder,
 * run the post-build steps on it, then swap it into place.
 */
import { existsSync, readdirSync, renameSync, rmSync } from "node:fs";
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
  configureSiteData({ rootDir, ...(options.includeDrafts ? { includeDrafts: true } : {}) });
  const data = loadSiteData({ rootDir, ...(options.includeDrafts ? { includeDrafts: true } : {}) });
  setSiteData(data);

  const staging = `${outDir}.tmp-${process.pid}`;
  const previous = `${outDir}.old-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  try {
    const eleventy = new Eleventy(path.join(ROOT_DIR, "src/eleventy/pages"), staging, {
      configPath: path.join(ROOT_DIR, ".eleventy.js"),
      quietMode: true,
    });
    await eleventy.write();
    for (const step of BUILD_STEPS) {
      writeOutputFiles(staging, await step.run({ data, stagingDir: staging, rootDir }));
    }
    const fileCount = countFiles(staging);
    if (existsSync(outDir)) renameSync(outDir, previous);
    renameSync(staging, outDir);
    rmSync(previous, { recursive: true, force: true });
    return { outDir, articleCount: data.model.articles.length, fileCount };
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    if (!existsSync(outDir) && existsSync(previous)) renameSync(previous, outDir);
    throw error;
  }
}

/**
 * Post-Eleventy build steps, in order. Each returns the files it wants
 * written (through the checked door in output-files.ts) and may also read
 * the staged output folder (the search indexer reads nothing but data).
 */
import type { SiteData } from "../eleventy/site-data.ts";
import type { OutputFile } from "./output-files.ts";
import { feedsStep } from "../feeds.ts";
import { articleImagesStep } from "./article-images.ts";
import { staticFilesStep } from "./static-files-step.ts";
import { linksStep } from "./links-step.ts";
import { sitemapStep } from "./sitemap-step.ts";
import { searchStep } from "../search/index-step.ts";

export interface BuildStepContext {
  readonly data: SiteData;
  /** The staging folder Eleventy wrote to; becomes the output folder on success. */
  readonly stagingDir: string;
  /** Project root (holds content/ and the published-URL record). */
  readonly rootDir: string;
}

export interface BuildStep {
  readonly name: string;
  run(context: BuildStepContext): Promise<Iterable<OutputFile>> | Iterable<OutputFile>;
}

/** The steps every build runs after Eleventy, in order. */
export const BUILD_STEPS: readonly BuildStep[] = [linksStep, sitemapStep, feedsStep, articleImagesStep, staticFilesStep, searchStep];

/**
 * Eleventy configuration: registers TypeScript templates. The only template
 * (src/eleventy/pages/planned-pages.11ty.ts) renders the pages of the output
 * plan it is handed (src/build/render-pages.ts); page types are declared in
 * the plan, not here. The input folder is not named here: render-pages.ts
 * gives Eleventy its absolute path (a relative one here would be resolved
 * against the working directory, and a build started from another folder
 * failed: "The src/eleventy/pages input parameter must exist").
 */
import type { EleventyConfig } from "./types.ts";

export default function configure(eleventyConfig: EleventyConfig) {
  eleventyConfig.addExtension(["11ty.ts"], { key: "11ty.js" });
  eleventyConfig.addTemplateFormats("11ty.ts");
  eleventyConfig.setQuietMode(true);
  return { templateFormats: ["11ty.ts"] };
}

/**
 * Eleventy configuration: registers TypeScript templates and the site data.
 * Page templates live in src/eleventy/pages/; they only paginate over the
 * loaded data and call typed layouts.
 */
import { getSiteData } from "./site-data.ts";
import type { EleventyConfig } from "./types.ts";

export default function configure(eleventyConfig: EleventyConfig) {
  eleventyConfig.addExtension(["11ty.ts"], { key: "11ty.js" });
  eleventyConfig.addTemplateFormats("11ty.ts");
  eleventyConfig.addGlobalData("site", () => getSiteData());
  eleventyConfig.setQuietMode(true);
  return {
    dir: { input: "src/eleventy/pages" },
    templateFormats: ["11ty.ts"],
  };
}

/**
 * Site-wide files that are not pages: `robots.txt` (everything may be
 * crawled; the sitemap is announced with the public origin) and `_headers`
 * (security headers and caching for Netlify / Cloudflare Pages, from
 * src/security-headers.ts).
 */
import { renderHeadersFile } from "../security-headers.ts";
import { absoluteUrl, type SiteConfig } from "../site-config.ts";
import type { OutputFile } from "./output-files.ts";
import type { BuildStep } from "./steps.ts";

/** robots.txt: allow all, point at the sitemap. */
export function robotsTxt(config: SiteConfig): string {
  return `User-agent: *\nAllow: /\n\nSitemap: ${absoluteUrl(config, "/sitemap.xml")}\n`;
}

export const staticFilesStep: BuildStep = {
  name: "static-files",
  run({ data }): OutputFile[] {
    return [
      { path: "robots.txt", contents: robotsTxt(data.model.config) },
      { path: "_headers", contents: renderHeadersFile() },
    ];
  },
};

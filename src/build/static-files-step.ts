/**
 * Site-wide files that are not pages: `robots.txt` (everything may be
 * crawled; the sitemap is announced with the public origin), `_headers`
 * (security headers and caching for Netlify / Cloudflare Pages, from
 * src/security-headers.ts) and the favicon (without one, every browser's
 * first visit fetches /favicon.ico and gets the 404 page).
 */
import { renderHeadersFile } from "../security-headers.ts";
import { absoluteUrl, type SiteConfig } from "../site-config.ts";
import type { OutputFile } from "./output-files.ts";
import type { BuildStep } from "./steps.ts";

/** robots.txt: allow all, point at the sitemap. */
export function robotsTxt(config: SiteConfig): string {
  return `User-agent: *\nAllow: /\n\nSitemap: ${absoluteUrl(config, "/sitemap.xml")}\n`;
}

/** Where layouts/base.ts links the icon. */
export const FAVICON_PATH = "/favicon.svg";

/** A page with text lines on the site's red: drawn, no font needed. */
export const FAVICON_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#a3181d"/><path d="M9 6h14v20H9z" fill="#fff"/><path d="M12 11h8M12 15h8M12 19h5" stroke="#a3181d" stroke-width="2"/></svg>\n`;

export const staticFilesStep: BuildStep = {
  name: "static-files",
  run({ data }): OutputFile[] {
    return [
      { path: "robots.txt", contents: robotsTxt(data.model.config) },
      { path: "_headers", contents: renderHeadersFile() },
      { path: FAVICON_PATH.slice(1), contents: FAVICON_SVG },
    ];
  },
};

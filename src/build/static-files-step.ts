/**
 * Site-wide files that are not pages: `robots.txt` (everything may be
 * crawled; the sitemap is announced with the public origin), `_headers`
 * (security headers and caching for Netlify / Cloudflare Pages, from
 * src/security-headers.ts, path patterns under the base path) and the
 * favicon (without one, every browser's first visit fetches /favicon.ico
 * and gets the 404 page), and the fingerprinted stylesheet and scripts
 * under /assets/.
 */
import { headerRules, renderHeadersFile } from "../security-headers.ts";
import { defineFileStep } from "../plan/output-plan.ts";
import { absoluteUrl, sitePath, type SiteConfig } from "../site-config.ts";
import type { SiteData } from "../site-data.ts";

/** robots.txt: allow all, point at the sitemap. */
export function robotsTxt(config: SiteConfig): string {
  return `User-agent: *\nAllow: /\n\nSitemap: ${absoluteUrl(config, "/sitemap.xml")}\n`;
}

/** Where layouts/base.ts links the icon. */
export const FAVICON_PATH = "/favicon.svg";

/** A page with text lines on the site's red: drawn, no font needed. */
export const FAVICON_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#a3181d"/><path d="M9 6h14v20H9z" fill="#fff"/><path d="M12 11h8M12 15h8M12 19h5" stroke="#a3181d" stroke-width="2"/></svg>\n`;

/** `_headers` with the site's rules (and the web editor's); patterns other than the catch-all "/*" are moved under the base path. */
export function headersFile(config: SiteConfig): string {
  return renderHeadersFile(headerRules().map((rule) => (rule.pattern === "/*" ? rule : { ...rule, pattern: sitePath(config, rule.pattern) })));
}

export const staticFilesStep = defineFileStep<SiteData>({
  name: "static-files",
  // favicon.ico: browsers ask for it; the site may serve one some day.
  reserves: () => ["robots.txt", "_headers", FAVICON_PATH.slice(1), "favicon.ico"].map((file) => ({ path: file })),
  declare: (site) => [
    { url: "/robots.txt", body: () => robotsTxt(site.layout.config) },
    { url: "/_headers", body: () => headersFile(site.layout.config) },
    { url: FAVICON_PATH, body: () => FAVICON_SVG },
  ],
});

/** The fingerprinted stylesheet and scripts (their names change with their contents). */
export const assetsStep = defineFileStep<SiteData>({
  name: "assets",
  reserves: () => [{ path: "assets", shown: "/assets/" }],
  declare: (site) =>
    Object.values(site.assets).map((asset) => ({ url: asset.url, fingerprint: () => asset.url, body: () => asset.text })),
});

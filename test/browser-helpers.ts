/**
 * What every browser test shares: Debian's Chromium (never a downloaded
 * browser, never skipped) and a static server that answers like the CDN
 * the built site is deployed to (index.html for folders, the `_headers`
 * rules, a 404 page), with the variations some tests need.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { chromium, type Browser, type Page } from "playwright-core";
import { UI } from "../src/ui-strings.ts";

export const CHROMIUM = "/usr/bin/chromium";
export const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

/** Fails the test run when Chromium is missing: browser tests are never skipped. */
export function requireChromium(): void {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium is required at ${CHROMIUM} (Debian package "chromium": scripts/install-system-deps.sh); the browser tests are never skipped`);
}

/** Launches Debian's Chromium headless with the project's flags. */
export function launchChromium(): Promise<Browser> {
  requireChromium();
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

const TYPES: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".csv": "text/csv; charset=utf-8",
  ".yml": "text/yaml; charset=utf-8",
  ".xml": "application/xml",
  ".txt": "text/plain; charset=utf-8",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".webp": "image/webp",
  ".avif": "image/avif",
};

export interface StaticSiteOptions {
  /** Response headers for a request path, e.g. the `_headers` rules (read at each request). */
  readonly headers?: (pathname: string) => Readonly<Record<string, string>>;
  /** Serve the site under this path only ("/tin"), as a site whose SITE_URL has a path. */
  readonly basePath?: string;
  /** A missing file: the site's own 404.html with status 404 ("page", the default), or a plain "not found". */
  readonly notFound?: "page" | "text";
  /** Compress text as a CDN does when the browser accepts gzip (pictures are already compressed). */
  readonly gzipText?: boolean;
  /** Milliseconds to hold a response back (slow pictures, for layout-shift tests). */
  readonly delay?: (pathname: string) => number;
}

/** Serves a built site on 127.0.0.1 and a free port. */
export function serveStaticSite(dir: string, options: StaticSiteOptions = {}): Promise<{ server: Server; origin: string }> {
  const base = options.basePath ?? "";
  const server = createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? "/", "http://localhost").pathname);
    let file = "";
    if (base === "" || pathname.startsWith(`${base}/`)) {
      const rel = pathname.slice(base.length);
      const candidate = path.join(dir, rel.endsWith("/") ? `${rel}index.html` : rel);
      if (candidate.startsWith(dir + path.sep) && existsSync(candidate) && statSync(candidate).isFile()) file = candidate;
    }
    if (!file && options.notFound === "text") {
      res.writeHead(404, { "content-type": "text/plain; charset=utf-8" });
      res.end("not found");
      return;
    }
    const served = file || path.join(dir, "404.html");
    const send = (): void => {
      const type = TYPES[path.extname(served)] ?? "application/octet-stream";
      let body = readFileSync(served);
      const gzip = options.gzipText === true && /^text\/|svg|json/.test(type) && /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""));
      if (gzip) body = gzipSync(body);
      res.writeHead(file ? 200 : 404, { "content-type": type, ...(gzip ? { "content-encoding": "gzip" } : {}), ...(options.headers?.(pathname) ?? {}) });
      res.end(body);
    };
    const wait = options.delay?.(pathname) ?? 0;
    if (wait > 0) setTimeout(send, wait);
    else send();
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve({ server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` })));
}

/**
 * Waits until the search page has finished a search: its status line says
 * something other than "searching" and the result list is no longer busy.
 */
export async function waitForSearch(page: Page, timeout = 20_000): Promise<void> {
  await page.waitForFunction(
    (searching) => {
      const status = document.getElementById("search-status")?.textContent ?? "";
      return status !== "" && status !== searching && !document.getElementById("search-results")?.hasAttribute("aria-busy");
    },
    UI.searchSearching,
    { timeout },
  );
}

/**
 * The HTTP headers the CDN sends with every page, in one place: the build
 * writes them to `_headers` (the format Netlify and Cloudflare Pages read),
 * and the browser tests serve the built site with exactly those headers, so
 * the policy that ships is the policy that is tested.
 */
import { adminSettingsFromEnv, backendConnectOrigins, type AdminSettings } from "./cms/settings.ts";
import { SEARCH_BUNDLE_DIR } from "./search/search-config.ts";

/**
 * Content-Security-Policy. No 'unsafe-inline' and no 'unsafe-eval': the site
 * has no inline script or style at all (JSON-LD is a data block, which CSP
 * does not treat as script). The search page fetches its index with fetch()
 * from the same origin (connect-src 'self'); no WebAssembly, so no
 * 'wasm-unsafe-eval'. Article images may be
 * https:// addresses on other hosts; QR codes may be data: URLs.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: https:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "upgrade-insecure-requests",
].join("; ");

/** Where the web editor is published (src/cms/). */
export const ADMIN_PATH = "/admin/";

/**
 * The web editor's policy, replacing the site's on /admin/ only. Measured by
 * running the editor in Chromium with violation reporting
 * (test/cms-admin.browser.test.ts fails on any violation):
 * - style-src 'unsafe-inline': Decap's interface is styled by Emotion and
 *   react-toastify, which insert <style> elements and style attributes at
 *   run time (a static site cannot hand out per-request nonces).
 * - img-src blob: and connect-src blob:: a picture chosen for upload is held
 *   as a blob: URL, shown from it and read back from it (fetch) to be sent
 *   to the git host and kept in the editor's local backup.
 * - connect-src: besides, the git host's API (and GitLab's token endpoint);
 *   nothing else. Sign-in pop-ups and redirects are navigations, not fetches.
 * Still no 'unsafe-eval' and no 'unsafe-inline' for scripts: the admin
 * bundle has Decap's eval()-based config check and gray-matter's `---js`
 * front matter removed (src/cms/bundle.ts), so a hostile article or value
 * cannot run code in an editor's signed-in session.
 */
export function adminContentSecurityPolicy(connectOrigins: readonly string[] = []): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob: https:",
    `connect-src ${["'self'", "blob:", ...connectOrigins].join(" ")}`,
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** Headers for every response. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "Content-Security-Policy": CONTENT_SECURITY_POLICY,
  "Strict-Transport-Security": "max-age=31536000; includeSubDomains",
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  // "interest-cohort" opts out of FLoC in the browsers that shipped it;
  // "browsing-topics" of the Topics API that replaced it.
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), interest-cohort=(), browsing-topics=()",
  // frame-ancestors for browsers that predate it.
  "X-Frame-Options": "DENY",
};

/** Fingerprinted files (stylesheet, script) never change under one name. */
export const IMMUTABLE_CACHE = "public, max-age=31536000, immutable";

/**
 * One block of a `_headers` file: a path pattern ("/*", "/assets/*"), the
 * headers set by broader rules that it removes (Cloudflare Pages' "! Name"
 * lines), and its headers.
 */
export interface HeaderRule {
  readonly pattern: string;
  readonly detach?: readonly string[];
  readonly headers: Readonly<Record<string, string>>;
}

/** The site's header rules, most general first. */
export const HEADER_RULES: readonly HeaderRule[] = [
  { pattern: "/*", headers: SECURITY_HEADERS },
  { pattern: "/assets/*", headers: { "Cache-Control": IMMUTABLE_CACHE } },
  // Pictures and share cards: named by content hash (src/images/article-media.ts).
  { pattern: "/anh/*", headers: { "Cache-Control": IMMUTABLE_CACHE } },
  // The search index's files, always asked for with the index's version (a hash of them) in the query (src/search/search-index.ts).
  { pattern: `/${SEARCH_BUNDLE_DIR}/v/*`, headers: { "Cache-Control": IMMUTABLE_CACHE } },
  // Open data (src/open-data/): readable by any site's scripts, the point of publishing it.
  { pattern: "/api/*", headers: { "Access-Control-Allow-Origin": "*" } },
];

/**
 * The web editor's rules: its own policy instead of the site's (a header set
 * by two matching rules is sent twice, and two policies must both allow a
 * request, so the site's is detached first), never indexed, the bundle
 * cached for good (its name is its content hash).
 */
export function adminHeaderRules(settings: AdminSettings): HeaderRule[] {
  return [
    {
      pattern: `${ADMIN_PATH}*`,
      detach: ["Content-Security-Policy"],
      headers: { "Content-Security-Policy": adminContentSecurityPolicy(backendConnectOrigins(settings)), "X-Robots-Tag": "noindex, nofollow" },
    },
    { pattern: `${ADMIN_PATH}cms-*`, headers: { "Cache-Control": IMMUTABLE_CACHE } },
  ];
}

/** Every rule of the site: the site's own, then the editor's when it is built. */
export function headerRules(settings: AdminSettings = adminSettingsFromEnv()): HeaderRule[] {
  return [...HEADER_RULES, ...(settings.enabled ? adminHeaderRules(settings) : [])];
}

/** Renders rules in the `_headers` format: a pattern line, then indented "! Name" and "Name: value" lines. */
export function renderHeadersFile(rules: readonly HeaderRule[] = headerRules()): string {
  return rules.map((r) => `${r.pattern}\n${(r.detach ?? []).map((name) => `  ! ${name}\n`).join("")}${Object.entries(r.headers).map(([k, v]) => `  ${k}: ${v}\n`).join("")}`).join("\n");
}

/**
 * Parses a `_headers` file (the subset {@link renderHeadersFile} writes:
 * patterns with `*` wildcards, no placeholders). Used by the tests to serve
 * the built site as the CDN would.
 * @throws Error naming the line when a header line comes before any pattern or has no colon
 */
export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: { pattern: string; detach: string[]; headers: Record<string, string> }[] = [];
  text.split("\n").forEach((line, i) => {
    if (line.trim() === "" || line.trimStart().startsWith("#")) return;
    if (!/^\s/.test(line)) {
      rules.push({ pattern: line.trim(), detach: [], headers: {} });
      return;
    }
    const detach = /^\s+!\s*(\S+)\s*$/.exec(line);
    if (detach && rules.length > 0) {
      rules.at(-1)?.detach.push(detach[1] ?? "");
      return;
    }
    const colon = line.indexOf(":");
    const rule = rules.at(-1);
    if (!rule || colon < 0) throw new Error(`_headers line ${i + 1}: expected "  Name: value" under a path pattern, got "${line}"`);
    rule.headers[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
  });
  return rules;
}

/**
 * The headers a path gets, as Cloudflare Pages documents it: every matching
 * rule in order; "! Name" removes what earlier rules set; a header set by
 * two rules is sent with both values joined by a comma (for a CSP: two
 * policies, both enforced).
 */
export function headersForPath(rules: readonly HeaderRule[], pathname: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const rule of rules) {
    const pattern = new RegExp(`^${rule.pattern.split("*").map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&")).join(".*")}$`);
    if (!pattern.test(pathname)) continue;
    for (const name of rule.detach ?? []) delete out[name];
    for (const [name, value] of Object.entries(rule.headers)) out[name] = out[name] === undefined ? value : `${out[name]}, ${value}`;
  }
  return out;
}

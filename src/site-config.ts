/**
 * The one place for site-wide facts: the public URL, the site's name, the time zone.
 *
 * SITE_URL is read from the environment so CI and previews can build for their
 * own host; everything absolute (feeds, QR codes, canonical links, sitemap) is
 * built from it, never from a hard-coded host.
 */

/** Default public origin when SITE_URL is unset. */
export const DEFAULT_SITE_URL = "https://tongket.example.gov.vn";

/** Vietnam's single time zone; every article date is interpreted and shown in it. */
export const SITE_TIME_ZONE = "Asia/Ho_Chi_Minh";

export interface SiteConfig {
  /** Public URL without trailing slash, e.g. "https://tongket.example.gov.vn" or "https://example.gov.vn/tin". */
  readonly url: string;
  /**
   * The path SITE_URL puts the site under, without trailing slash: "" for a
   * site at the root of its host, "/tin" for https://example.gov.vn/tin/.
   * Every link the site writes goes through {@link sitePath}.
   */
  readonly basePath: string;
  readonly name: string;
  readonly description: string;
  readonly language: "vi";
  /** Articles per home/province index page. */
  readonly pageSize: number;
}

/**
 * Validates and normalises a site URL: http(s), no query or fragment, no trailing slash.
 * @throws Error naming the bad value and the expected form.
 */
export function normaliseSiteUrl(raw: string): string {
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new Error(`SITE_URL "${raw}" is not a URL: expected an origin such as ${DEFAULT_SITE_URL}`);
  }
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") {
    throw new Error(`SITE_URL "${raw}" must start with https:// (or http:// for local previews)`);
  }
  if (parsed.search || parsed.hash) throw new Error(`SITE_URL "${raw}" must not have a query or fragment`);
  return `${parsed.origin}${parsed.pathname.replace(/\/+$/, "")}`;
}

/** Builds the site configuration from the environment (SITE_URL). */
export function siteConfigFromEnv(env: NodeJS.ProcessEnv = process.env): SiteConfig {
  const url = normaliseSiteUrl(env["SITE_URL"]?.trim() || DEFAULT_SITE_URL);
  return {
    url,
    basePath: new URL(url).pathname.replace(/\/+$/, ""),
    name: "Tổng kết công tác năm",
    description: "Tin hội nghị tổng kết công tác năm và triển khai nhiệm vụ năm mới của các sở, ngành tỉnh, thành phố",
    language: "vi",
    pageSize: 20,
  };
}

/**
 * The link to write in a page for a site path ("/gia-lai/" → "/tin/gia-lai/"
 * when SITE_URL is https://example.gov.vn/tin). Site data keeps paths
 * relative to the site's root; only what is written out goes through here.
 */
export function sitePath(config: Pick<SiteConfig, "basePath">, path: string): string {
  return `${config.basePath}${path.startsWith("/") ? path : `/${path}`}`;
}

/** Absolute URL on the site for a root-relative path ("/gia-lai/" → "https://…/gia-lai/"). */
export function absoluteUrl(config: SiteConfig, path: string): string {
  return `${config.url}${path.startsWith("/") ? path : `/${path}`}`;
}

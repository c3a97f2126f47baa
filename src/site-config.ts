/**
 * The one place for site-wide facts: the public URL, the site's name, the time zone.
 *
 * SITE_URL is read from the environment so CI and previews can build for their
 * own host; everything absolute (feeds, QR codes, canonical links, sitemap) is
 * built from it, never from a hard-coded host.
 */
import { ContentValidationError, showValue } from "./content/errors.ts";
import { explain } from "./messages/index.ts";

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
  /** The licence of the open data (/du-lieu/, every /api/ file). */
  readonly dataLicence: DataLicence;
}

/** Path segments SITE_URL may have: what the site itself writes (src/plan/output-plan.ts SAFE_SEGMENT). */
const SITE_PATH_SEGMENT = /^[A-Za-z0-9._~-]+$/;

/** A licence by name and the address of its text. */
export interface DataLicence {
  readonly name: string;
  readonly url: string;
}

/**
 * The licence the open data (/api/*.json, award CSVs) is published under:
 * change it here, it is the one place every file and page reads it from.
 */
export const DATA_LICENCE: DataLicence = {
  name: "Creative Commons Ghi công 4.0 Quốc tế (CC BY 4.0)",
  url: "https://creativecommons.org/licenses/by/4.0/deed.vi",
};

/**
 * Validates and normalises a site URL: http(s), no credentials, no query or
 * fragment, a path of plain segments; no trailing slash.
 * @throws ContentValidationError naming SITE_URL, the bad value and the expected form (message catalogue area "output")
 */
export function normaliseSiteUrl(raw: string): string {
  const fail = (explanation: ReturnType<typeof explain>, shown = raw): never => {
    throw new ContentValidationError([{ file: "SITE_URL", value: showValue(shown), ...explanation }]);
  };
  let parsed: URL | undefined;
  try {
    parsed = new URL(raw);
  } catch {
    // reported below
  }
  if (!parsed || /\s|\\/.test(raw)) return fail(explain("output.siteUrlInvalid", { example: DEFAULT_SITE_URL }));
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") return fail(explain("output.siteUrlScheme"));
  if (parsed.username || parsed.password || /^[a-z]+:\/\/[^/]*@/i.test(raw)) return fail(explain("output.siteUrlCredentials"), raw.replace(/^([a-z]+:\/\/)[^/]*@/i, "$1…@"));
  if (parsed.search || parsed.hash || /[?#]/.test(raw)) return fail(explain("output.siteUrlQuery"));
  // The path as written (URL would silently resolve "..", "%2e" and "//").
  const rawPath = raw.replace(/^[a-z]+:\/\/[^/]*/i, "");
  const segments = rawPath.split("/").slice(1);
  if (segments.at(-1) === "") segments.pop();
  if (segments.some((s) => !SITE_PATH_SEGMENT.test(s) || s === "." || s === "..")) return fail(explain("output.siteUrlPath"));
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
    dataLicence: DATA_LICENCE,
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

/**
 * What the admin page tells its script: the site's configuration (for the
 * preview's links and layout), the site stylesheet's address, and whether a
 * git host is configured. Written by the build into a data attribute of the
 * script element (no inline script: the page needs none), read and checked
 * by the script.
 */
import type { SiteConfig } from "../site-config.ts";

export interface AdminPageData {
  readonly site: SiteConfig;
  /** Root-relative address of the site's stylesheet (written out through sitePath). */
  readonly stylesheet: string;
  /** Whether CMS_BACKEND is set; without it only a local decap-server can serve the editor. */
  readonly connected: boolean;
}

/** The element the page shows instead of the editor when no git host is configured. */
export const NOT_CONNECTED_ID = "cms-not-connected";

/** The attribute of the admin's <script> element that carries the data as JSON. */
export const PAGE_DATA_ATTRIBUTE = "data-admin";

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Parses the attribute's JSON.
 * @throws Error when it is not the shape the build writes
 */
export function parseAdminPageData(text: string): AdminPageData {
  const value: unknown = JSON.parse(text);
  if (!isRecord(value) || !isRecord(value["site"]) || typeof value["stylesheet"] !== "string" || typeof value["connected"] !== "boolean") {
    throw new Error("admin page: the data attribute does not hold { site, stylesheet, connected }");
  }
  const site = value["site"];
  for (const key of ["url", "basePath", "name", "description"] as const) if (typeof site[key] !== "string") throw new Error(`admin page: site.${key} is missing`);
  return value as unknown as AdminPageData;
}

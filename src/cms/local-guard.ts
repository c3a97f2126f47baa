/**
 * The gate in front of decap-server's file API (src/cms/local-server.ts).
 *
 * decap-server reads, writes and deletes any path that resolves inside the
 * repository: `.git/hooks/pre-commit`, `package.json`, `scripts/…` (code the
 * next commit or build runs), `.git/config`, and through a link under
 * content/ anything the link points to. The editor only ever needs
 * content/, so every path a request names must be `content` or under
 * `content/`, relative, without `.` or `..` segments, and with no link on
 * the way (checked with lstat on the parts that exist).
 *
 * It also answers only requests addressed to the loopback host it listens on
 * (a `Host` of another name is a DNS-rebinding page reaching 127.0.0.1 under
 * its own origin, where CORS does not apply) and, when a browser says where a
 * request comes from, only the preview's origin.
 *
 * Hand-written rather than a library: decap-server has no option for a
 * narrower root, and the check is a walk over its request's JSON.
 */
import { lstatSync } from "node:fs";
import path from "node:path";
import { t } from "../messages/index.ts";

/** The one folder the editor may touch. */
const CONTENT_FOLDER = "content";
/** Keys of decap-server's request parameters that hold a repository path (one string, or a list of strings for `paths`). */
const PATH_KEYS = new Set(["path", "newPath", "folder", "mediaFolder", "paths"]);
/** Deeper than any request decap-server accepts; a deeper body is refused rather than walked. */
const MAX_DEPTH = 12;

/** Why a path is refused, or undefined when the editor may use it. */
export function refusedContentPath(rootDir: string, value: string): string | undefined {
  if (value.length > 4096 || value.includes("\0") || value.includes("\\") || path.posix.isAbsolute(value)) return t("cms.local.pathOutside", { path: value.slice(0, 120) });
  const parts = value.split("/").filter((part) => part !== "");
  if (parts[0] !== CONTENT_FOLDER || parts.some((part) => part === "." || part === "..")) return t("cms.local.pathOutside", { path: value.slice(0, 120) });
  let at = rootDir;
  for (const part of parts) {
    at = path.join(at, part);
    let isLink: boolean;
    try {
      isLink = lstatSync(at).isSymbolicLink();
    } catch {
      // Not there yet (a new article or picture): nothing further can be a link either.
      return undefined;
    }
    if (isLink) return t("cms.local.pathLink", { path: value.slice(0, 120) });
  }
  return undefined;
}

/** Every path named in a decap-server request body's parameters, for checking (undefined when the body is too deep to be one). */
export function requestPaths(body: unknown): string[] | undefined {
  const found: string[] = [];
  const walk = (value: unknown, key: string | undefined, depth: number): boolean => {
    if (depth > MAX_DEPTH) return false;
    if (typeof value === "string") {
      if (key !== undefined && PATH_KEYS.has(key)) found.push(value);
      return true;
    }
    if (Array.isArray(value)) return value.every((item) => walk(item, key === "paths" ? key : undefined, depth + 1));
    if (value && typeof value === "object") return Object.entries(value).every(([k, v]) => walk(v, k, depth + 1));
    return true;
  };
  return walk(body, undefined, 0) ? found : undefined;
}

/** Whether a `Host` header names the loopback address the server listens on. */
function isLoopbackHost(host: string | undefined, port: number): boolean {
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}

/** The request side the gate reads (express's request). */
export interface GateRequest {
  readonly headers: { readonly host?: string | undefined; readonly origin?: string | undefined };
  readonly body?: unknown;
}

/** Why a request to decap-server is refused (status and message), or undefined to let it through. */
export function gateRequest(request: GateRequest, options: { readonly rootDir: string; readonly port: number; readonly origin: string }): { status: number; error: string } | undefined {
  if (!isLoopbackHost(request.headers.host, options.port)) return { status: 403, error: t("cms.local.foreignHost") };
  const origin = request.headers.origin;
  if (origin !== undefined && origin !== options.origin) return { status: 403, error: t("cms.local.foreignHost") };
  if (request.body === undefined) return undefined;
  const paths = requestPaths(request.body);
  if (!paths) return { status: 422, error: t("cms.local.pathOutside", { path: "…" }) };
  for (const value of paths) {
    const refused = refusedContentPath(options.rootDir, value);
    if (refused) return { status: 422, error: refused };
  }
  return undefined;
}

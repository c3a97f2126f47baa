/**
 * The web editor's settings, read from the environment at build time (like
 * SITE_URL): whether /admin/ is built at all, and which git host it commits
 * to. Every value is checked; a bad one is an error naming the variable,
 * what was expected and how to fix it (editors and CI set these by hand).
 *
 *   SITE_ADMIN        "off" builds the site without /admin/ (default "on")
 *   CMS_BACKEND       "github" or "gitlab" (unset: the editor works only on
 *                     this computer, through `npm run admin`)
 *   CMS_REPO          "owner/name" (GitLab: "group/subgroup/project")
 *   CMS_BRANCH        branch the editor commits to (default "main")
 *   CMS_AUTH_URL      GitHub: the OAuth server that signs editors in (Decap's
 *                     default is Netlify's); GitLab: the GitLab server
 *                     (default https://gitlab.com)
 *   CMS_AUTH_ENDPOINT path of the sign-in page on CMS_AUTH_URL (optional)
 *   CMS_API_ROOT      API address for GitHub Enterprise or a GitLab server
 *   CMS_APP_ID        GitLab: the OAuth application id (required for GitLab)
 *
 * Pure: takes the environment as a parameter.
 */
import { explain, type Explanation } from "../messages/index.ts";
import { ContentValidationError, type ContentError } from "../content/errors.ts";

export type BackendKind = "github" | "gitlab";

export interface BackendSettings {
  readonly kind: BackendKind;
  readonly repo: string;
  readonly branch: string;
  /** Decap's `base_url`: where the sign-in flow starts. */
  readonly authUrl?: string;
  readonly authEndpoint?: string;
  /** Decap's `api_root`. */
  readonly apiRoot?: string;
  /** GitLab OAuth application id (PKCE: no server of our own needed). */
  readonly appId?: string;
}

export interface AdminSettings {
  /** Whether the build publishes /admin/ at all. */
  readonly enabled: boolean;
  /** The git host the editor commits to; undefined: only `npm run admin` on a checkout. */
  readonly backend?: BackendSettings;
  /**
   * Decap's local backend (decap-server) URL. Set by `npm run admin` only:
   * the published configuration never points at a local server.
   */
  readonly localBackendUrl?: string;
}

/** Default API addresses, for the Content-Security-Policy's connect-src. */
export const DEFAULT_API_ROOT: Readonly<Record<BackendKind, string>> = { github: "https://api.github.com", gitlab: "https://gitlab.com/api/v4" };
export const DEFAULT_GITLAB_URL = "https://gitlab.com";

/**
 * Thrown for invalid editor settings, with every problem at once. A
 * ContentValidationError (each "file" is the variable's name) so that the
 * build prints it as a list of problems, never as a stack trace.
 */
export class AdminSettingsError extends ContentValidationError {
  constructor(errors: readonly ContentError[]) {
    super(errors);
    this.name = "AdminSettingsError";
  }
}

const REPO = /^[A-Za-z0-9_.-]+(?:\/[A-Za-z0-9_.-]+)+$/;
const BRANCH = /^(?!\/|.*(?:\.\.|\/\/|@\{|\.lock$|\/$))[A-Za-z0-9._\/-]{1,200}$/;
const APP_ID = /^[A-Za-z0-9_-]{1,200}$/;
const ENDPOINT = /^[A-Za-z0-9._~\/-]{1,200}$/;

/** An https origin with an optional path, nothing that could break out of a CSP or YAML value. */
function httpsUrl(value: string): string | undefined {
  if (/[\s;,'"<>\\]/.test(value)) return undefined;
  try {
    const url = new URL(value);
    if (url.protocol !== "https:" || url.username || url.password || url.search || url.hash) return undefined;
    return `${url.origin}${url.pathname.replace(/\/+$/, "")}`;
  } catch {
    return undefined;
  }
}

/** Reads and checks the editor settings. @throws AdminSettingsError listing every bad variable */
export function adminSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): AdminSettings {
  const errors: ContentError[] = [];
  const get = (name: string): string | undefined => {
    const value = env[name]?.trim();
    return value ? value : undefined;
  };
  const bad = (name: string, explanation: Explanation): void => {
    errors.push({ file: name, value: JSON.stringify(get(name) ?? ""), ...explanation });
  };

  const flag = get("SITE_ADMIN")?.toLowerCase();
  let enabled = true;
  if (flag === "off" || flag === "false" || flag === "0" || flag === "no") enabled = false;
  else if (flag !== undefined && flag !== "on" && flag !== "true" && flag !== "1" && flag !== "yes") bad("SITE_ADMIN", explain("cms.env.adminFlag"));

  const kind = get("CMS_BACKEND")?.toLowerCase();
  let backend: BackendSettings | undefined;
  if (kind !== undefined && kind !== "github" && kind !== "gitlab") bad("CMS_BACKEND", explain("cms.env.backend"));
  else if (kind !== undefined) {
    const repo = get("CMS_REPO");
    if (!repo || !REPO.test(repo) || repo.split("/").some((part) => part === "." || part === "..")) bad("CMS_REPO", explain("cms.env.repo", { backend: kind }));
    const branch = get("CMS_BRANCH") ?? "main";
    if (!BRANCH.test(branch)) bad("CMS_BRANCH", explain("cms.env.branch"));
    const url = (name: string): string | undefined => {
      const raw = get(name);
      if (raw === undefined) return undefined;
      const checked = httpsUrl(raw);
      if (!checked) bad(name, explain("cms.env.url"));
      return checked;
    };
    const authUrl = url("CMS_AUTH_URL");
    const apiRoot = url("CMS_API_ROOT");
    const authEndpoint = get("CMS_AUTH_ENDPOINT")?.replace(/^\/+/, "");
    if (authEndpoint !== undefined && !ENDPOINT.test(authEndpoint)) bad("CMS_AUTH_ENDPOINT", explain("cms.env.endpoint"));
    const appId = get("CMS_APP_ID");
    if (kind === "gitlab" && (!appId || !APP_ID.test(appId))) bad("CMS_APP_ID", explain("cms.env.appId"));
    backend = {
      kind,
      repo: repo ?? "",
      branch,
      ...(authUrl ? { authUrl } : {}),
      ...(authEndpoint ? { authEndpoint } : {}),
      ...(apiRoot ? { apiRoot } : {}),
      ...(kind === "gitlab" && appId ? { appId } : {}),
    };
  } else {
    for (const name of ["CMS_REPO", "CMS_APP_ID", "CMS_AUTH_URL", "CMS_API_ROOT"]) if (get(name) !== undefined) bad(name, explain("cms.env.needsBackend", { name }));
  }

  const local = get("CMS_LOCAL_BACKEND");
  let localBackendUrl: string | undefined;
  if (local !== undefined) {
    // Only a loopback address: the local server writes straight into the checkout.
    const match = /^http:\/\/(127\.0\.0\.1|localhost):(\d{1,5})\/api\/v1$/.exec(local);
    if (!match || Number(match[2]) > 65535) bad("CMS_LOCAL_BACKEND", explain("cms.env.local"));
    else localBackendUrl = local;
  }

  if (errors.length > 0) throw new AdminSettingsError(errors);
  return { enabled, ...(backend ? { backend } : {}), ...(localBackendUrl ? { localBackendUrl } : {}) };
}

/**
 * The origins the admin page talks to with fetch() besides its own: the
 * git host's API and, for GitLab, the server that exchanges the sign-in
 * code for a token. Sorted, without duplicates.
 */
export function backendConnectOrigins(settings: AdminSettings): string[] {
  const origins = new Set<string>();
  const backend = settings.backend;
  if (backend) {
    origins.add(new URL(backend.apiRoot ?? DEFAULT_API_ROOT[backend.kind]).origin);
    if (backend.kind === "gitlab") origins.add(new URL(backend.authUrl ?? DEFAULT_GITLAB_URL).origin);
  }
  if (settings.localBackendUrl) origins.add(new URL(settings.localBackendUrl).origin);
  return [...origins].sort();
}

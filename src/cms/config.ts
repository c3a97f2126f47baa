/**
 * The Decap CMS configuration, generated on every build from the same
 * schema and province registry the build validates articles with, and
 * published as /admin/config.yml. Nothing here is edited by hand: a field
 * added to src/content/schema.ts appears in the editor's form (or fails the
 * build until it has a widget, see fields.ts).
 *
 * The articles collection mirrors the content layout:
 * content/<province-id>/<YYYY-MM-DD>-<slug>.md with images next to each
 * article, which is where the build reads them from.
 */
import type { CmsBackend, CmsCollection, CmsConfig, CmsField } from "decap-cms-core";
import { stringify } from "yaml";
import { tIn } from "../messages/index.ts";
import type { SiteConfig } from "../site-config.ts";
import { DATE_FORMAT, articleFields } from "./fields.ts";
import type { AdminSettings } from "./settings.ts";

/** The collection's name in Decap (URLs of the editor: #/collections/articles). */
export const COLLECTION = "articles";

/** Where articles live, relative to the repository root. */
export const CONTENT_FOLDER = "content";

/** decap-server's default address, used when no git host is configured. */
export const DEFAULT_LOCAL_BACKEND = "http://localhost:8081/api/v1";

function backendConfig(settings: AdminSettings): CmsBackend {
  const messages = {
    create: tIn("vi", "cms.commit.create"),
    update: tIn("vi", "cms.commit.update"),
    delete: tIn("vi", "cms.commit.delete"),
    uploadMedia: tIn("vi", "cms.commit.uploadMedia"),
    deleteMedia: tIn("vi", "cms.commit.deleteMedia"),
  };
  const b = settings.backend;
  if (!b) return { name: "proxy", proxy_url: settings.localBackendUrl ?? DEFAULT_LOCAL_BACKEND };
  const common = {
    repo: b.repo,
    branch: b.branch,
    ...(b.authUrl ? { base_url: b.authUrl } : {}),
    ...(b.authEndpoint ? { auth_endpoint: b.authEndpoint } : {}),
    ...(b.apiRoot ? { api_root: b.apiRoot } : {}),
    commit_messages: messages,
  };
  // GitLab signs in with PKCE: the browser exchanges the code itself, no server of ours.
  return b.kind === "gitlab" ? { name: "gitlab", ...common, auth_type: "pkce", ...(b.appId ? { app_id: b.appId } : {}) } : { name: "github", ...common };
}

/** The article's text (the Markdown after the front matter). */
function bodyField(): CmsField & { readonly sanitize_preview: boolean } {
  return {
    name: "body",
    label: tIn("vi", "cms.body.label"),
    hint: tIn("vi", "cms.body.hint"),
    widget: "markdown",
    required: false,
    // The page's title is its only level-1 heading; images in the text are
    // not published (only the article's image is), so there is no image button.
    buttons: ["bold", "italic", "link", "heading-two", "heading-three", "heading-four", "quote", "bulleted-list", "numbered-list"],
    editor_components: [],
    modes: ["rich_text", "raw"],
    // Decap's own Markdown preview would otherwise render raw HTML from the text.
    sanitize_preview: true,
  };
}

function articlesCollection(): CmsCollection {
  return {
    name: COLLECTION,
    label: tIn("vi", "cms.collection.label"),
    label_singular: tIn("vi", "cms.collection.singular"),
    description: tIn("vi", "cms.collection.description"),
    folder: CONTENT_FOLDER,
    // content/<province>/<date>-<title slug>.md. The date goes through the
    // slug template, not `path`: Decap lower-cases `path` (which would turn
    // YYYY into yyyy) and computes {{year}}/{{month}}/{{day}} in UTC, which
    // is the previous day for a Vietnam morning. The date filter formats the
    // stored wall-clock value as it is.
    path: "{{province}}/{{slug}}",
    slug: `{{fields.date | date('${DATE_FORMAT.slice(0, 10)}')}}-{{fields.title}}`,
    identifier_field: "title",
    extension: "md",
    format: "yaml-frontmatter",
    create: true,
    delete: true,
    // Images uploaded from an article go next to it: the folder the build copies them from.
    media_folder: "",
    public_folder: "",
    summary: "{{fields.date | date('DD/MM/YYYY')}} · {{fields.title}}",
    sortable_fields: ["date", "title", "province"],
    view_groups: [{ label: tIn("vi", "cms.group.province"), field: "province" }],
    view_filters: [{ label: tIn("vi", "cms.filter.drafts"), field: "draft", pattern: true }],
    fields: [
      ...articleFields(),
      bodyField(),
    ],
  };
}

/** The whole configuration for one site and set of editor settings. */
export function adminConfig(settings: AdminSettings, site: SiteConfig): CmsConfig {
  return {
    backend: backendConfig(settings),
    ...(settings.localBackendUrl && settings.backend ? { local_backend: { url: settings.localBackendUrl, allowed_hosts: ["127.0.0.1", "localhost"] } } : {}),
    locale: "vi",
    site_url: site.url,
    display_url: site.url,
    show_preview_links: false,
    publish_mode: "simple",
    // Decap requires a site-wide media folder; articles use their own (above).
    media_folder: CONTENT_FOLDER,
    public_folder: "",
    slug: { encoding: "ascii", clean_accents: true, sanitize_replacement: "-" },
    collections: [articlesCollection()],
  };
}

/** config.yml: a header saying where it comes from, then the configuration. */
export function renderConfigYaml(config: CmsConfig): string {
  const header = [
    "# Generated by the build (src/cms/config.ts) from src/content/schema.ts and src/provinces.ts.",
    "# Do not edit: every build writes it again. Settings: SITE_ADMIN, CMS_* (README, docs/cms.md).",
  ].join("\n");
  return `${header}\n${stringify(config, { lineWidth: 0 })}`;
}

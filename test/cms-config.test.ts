/**
 * The editor's configuration is generated from the article schema and the
 * province registry: every schema field has a widget of the right kind, the
 * required flags, bounds and choices come from the zod schema, patterns
 * agree with the loader, a schema field without a widget fails, and Decap's
 * own configuration check (the one the admin bundle leaves out, see
 * src/cms/bundle.ts) accepts the result for every backend.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { CmsCollection, CmsConfig, CmsField } from "decap-cms-core";
import { build, type Plugin } from "esbuild";
import { parse as parseYaml } from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { adminConfig, renderConfigYaml } from "../src/cms/config.ts";
import { articleSource, formFieldName } from "../src/cms/browser/article-preview.ts";
import { cleanEntryData, previewPath, withoutEmpty } from "../src/cms/entry-data.ts";
import { FIELD_PATTERNS, FIELD_WIDGETS, FieldWidgetError, MAX_IMAGE_BYTES, OPTIONAL_OBJECT_WIDGET, articleFields, caseFolded, isRequired, schemaPatterns, unwrapSchema } from "../src/cms/fields.ts";
import { fieldText } from "../src/cms/field-text.ts";
import { AdminSettingsError, adminSettingsFromEnv, backendConnectOrigins, type AdminSettings } from "../src/cms/settings.ts";
import { ALIAS_PATH, IMAGE_FILE, IMAGE_URL, parseArticle } from "../src/content/parse-article.ts";
import { HONORIFICS, frontMatterSchema, officialSchema } from "../src/content/schema.ts";
import { parseArticleDate } from "../src/dates.ts";
import { catalogueEntries } from "../src/messages/catalogue.ts";
import { PROVINCES } from "../src/provinces.ts";
import { ADMIN_PATH, CONTENT_SECURITY_POLICY, HEADER_RULES, adminContentSecurityPolicy, headerRules, headersForPath, parseHeadersFile, renderHeadersFile } from "../src/security-headers.ts";
import { siteConfigFromEnv } from "../src/site-config.ts";
import { slugify } from "../src/slug.ts";
import { mdFile } from "./helpers.ts";

const ROOT = path.resolve(import.meta.dirname, "..");
const SITE = siteConfigFromEnv({});
const GITHUB: AdminSettings = { enabled: true, backend: { kind: "github", repo: "so-tttt/tong-ket", branch: "main" } };

function collection(config: CmsConfig): CmsCollection {
  const c = config.collections[0];
  if (!c) throw new Error("no collection");
  return c;
}

/** The generated field at a schema pattern ("officials[].name"). */
function fieldAt(fields: readonly CmsField[], pattern: string): CmsField | undefined {
  const [head, ...rest] = pattern.split(".");
  const list = head?.endsWith("[]");
  const name = list ? head?.slice(0, -2) : head;
  const field = fields.find((f) => f.name === name);
  if (!field) return undefined;
  const children = (field as { fields?: CmsField[] }).fields;
  const item = (field as { field?: CmsField }).field;
  if (list && rest.length === 0) return item;
  if (rest.length === 0) return field;
  return children ? fieldAt(children, rest.join(".")) : undefined;
}

/** The Decap widget each FIELD_WIDGETS choice must become. */
const DECAP_WIDGET: Readonly<Record<string, string>> = { string: "string", text: "text", datetime: "datetime", province: "select", image: "image", number: "number", boolean: "boolean", select: "select", list: "list" };

describe("the generated form", () => {
  const fields = articleFields();

  it("has a field for every schema field, derived from the zod schema, in schema order", () => {
    const patterns = schemaPatterns(frontMatterSchema);
    // The walk itself reads the schema: top-level keys, nested objects and list items.
    expect(patterns.filter((p) => !p.includes(".") && !p.includes("[]"))).toEqual(Object.keys(frontMatterSchema.shape));
    expect(patterns).toContain("officials[].honorific");
    expect(patterns).toContain("image.alt");
    expect(patterns).toContain("tags[]");
    expect(fields.map((f) => f.name)).toEqual(Object.keys(frontMatterSchema.shape));
    for (const pattern of patterns) expect(fieldAt(fields, pattern), pattern).toBeDefined();
    expect(Object.keys(FIELD_WIDGETS).sort()).toEqual([...patterns].sort());
  });

  it("uses the widget chosen for each field, required exactly when the schema requires it", () => {
    const shapeAt = (pattern: string): z.ZodType => {
      let schema: z.ZodType = frontMatterSchema;
      for (const part of pattern.split(".")) {
        const name = part.replace(/\[\]$/, "");
        schema = (unwrapSchema(schema) as z.ZodObject).shape[name] as z.ZodType;
        if (part.endsWith("[]")) schema = (unwrapSchema(schema) as z.ZodArray<z.ZodType>).element;
      }
      return schema;
    };
    for (const pattern of schemaPatterns(frontMatterSchema)) {
      const field = fieldAt(fields, pattern);
      const chosen = FIELD_WIDGETS[pattern] ?? "";
      const expected = chosen === "object" ? (isRequired(shapeAt(pattern)) ? "object" : OPTIONAL_OBJECT_WIDGET) : DECAP_WIDGET[chosen];
      expect((field as { widget?: string }).widget, pattern).toBe(expected);
      // List items are always required: an empty item would be an empty value.
      expect(field?.required, pattern).toBe(pattern.endsWith("[]") ? true : isRequired(shapeAt(pattern)));
    }
    expect(fieldAt(fields, "title")?.required).toBe(true);
    expect(fieldAt(fields, "agency")?.required).toBe(false);
    expect(fieldAt(fields, "image")?.required).toBe(false);
    expect(fieldAt(fields, "image.alt")?.required).toBe(true);
    expect(fieldAt(fields, "officials[].name")?.required).toBe(true);
  });

  it("offers every unit of the registry, current and former, with the merger rule in the hint", () => {
    const province = fieldAt(fields, "province") as { options: { label: string; value: string }[]; hint: string };
    expect(province.options.map((o) => o.value)).toEqual(PROVINCES.map((p) => p.id));
    expect(province.options).toHaveLength(64);
    expect(province.options.find((o) => o.value === "gia-lai")?.label).toBe("Gia Lai");
    expect(province.options.find((o) => o.value === "binh-dinh")?.label).toBe("Bình Định, nay thuộc Gia Lai (đến 30/06/2025)");
    expect(province.options.find((o) => o.value === "thua-thien-hue")?.label).toBe("Thừa Thiên Huế, nay là Huế (đến 31/12/2024)");
    expect(province.hint).toContain("01/07/2025");
    expect(province.hint).toContain("Nghị quyết 202/2025/QH15");
  });

  it("takes bounds and choices from the schema", () => {
    expect(fieldAt(fields, "reviewYear")).toMatchObject({ value_type: "int", min: 1945, max: 2100 });
    expect(fieldAt(fields, "awards[].count")).toMatchObject({ value_type: "int", min: 1 });
    expect((fieldAt(fields, "awards[].count") as { max?: number }).max).toBeUndefined();
    expect(fieldAt(fields, "officials[].honorific")).toMatchObject({ options: [...HONORIFICS] });
    expect(fieldAt(fields, "date")).toMatchObject({ format: "YYYY-MM-DDTHH:mm", picker_utc: false });
    expect(fieldAt(fields, "image.src")).toMatchObject({ media_library: { config: { max_file_size: MAX_IMAGE_BYTES } } });
  });

  it("labels and hints every field from the field help, in Vietnamese where the form needs its own words", () => {
    for (const pattern of schemaPatterns(frontMatterSchema)) {
      const field = fieldAt(fields, pattern);
      expect(field?.label, pattern).toBeTruthy();
      expect(field?.hint, pattern).toBeTruthy();
    }
    expect(fieldAt(fields, "agency")?.hint?.toLowerCase()).toBe(fieldText("agency")?.expected.toLowerCase());
    expect(fieldAt(fields, "date")?.hint).toMatch(/giờ Việt Nam/);
  });

  it("fails when the schema gains a field without a widget, anywhere", () => {
    const withVenue = frontMatterSchema.extend({ venue: z.string().min(1).nullish() });
    expect(() => articleFields(withVenue)).toThrow(FieldWidgetError);
    expect(() => articleFields(withVenue)).toThrow(/venue/);
    const withPhone = frontMatterSchema.extend({ officials: z.array(officialSchema.extend({ phone: z.string() })).nullish() });
    try {
      articleFields(withPhone);
      expect.unreachable("a nested field without a widget must fail");
    } catch (error) {
      expect(error).toBeInstanceOf(FieldWidgetError);
      expect((error as FieldWidgetError).missing).toEqual(["officials[].phone"]);
    }
    // A widget for a field the schema dropped, or one that cannot hold its type, fails too.
    expect(() => articleFields(frontMatterSchema, { ...FIELD_WIDGETS, venue: "string" })).toThrow(/venue/);
    expect(() => articleFields(frontMatterSchema, { ...FIELD_WIDGETS, title: "number" })).toThrow(/title \(text edited with number\)/);
  });
});

describe("patterns agree with the loader", () => {
  const pattern = (name: string): RegExp => new RegExp(FIELD_PATTERNS[name]?.source ?? "(?!)");

  it("image.src: exactly the file names and https addresses the loader accepts", () => {
    const samples = ["toan-canh.jpg", "Toan-Canh.JPG", "a.jpeg", "a.PNG", "x_1.webp", "x.avif", "x.GiF", "https://example.gov.vn/a.jpg", "http://example.gov.vn/a.jpg", "../a.jpg", "a/b.jpg", ".a.jpg", "a.svg", "a.jpg ", "ảnh.jpg", "https://x/a b.jpg", 'https://x/"a.jpg', "javascript:alert(1)"];
    for (const s of samples) expect(pattern("image.src").test(s), s).toBe(IMAGE_URL.test(s) || IMAGE_FILE.test(s));
    expect(caseFolded(/ab\.(?:jpg)$/i)).toBe("[aA][bB]\\.(?:[jJ][pP][gG])$");
  });

  it("aliases[]: exactly the old addresses the loader accepts", () => {
    const loaderAccepts = (alias: string): boolean => {
      const result = parseArticle("content/gia-lai/2016-11-29-x.md", mdFile(`title: X\ndate: 2016-11-29\nprovince: gia-lai\naliases: [${JSON.stringify(alias)}]`));
      return result.ok;
    };
    const samples = ["/tin-tuc/hoi-nghi-2016/", "/a", "/", "/a/b.html", "/a/../b/", "/a/./b", "/..", "/.", "/a..b/", "/.well-known/x", "tin-tuc/", "/tin tức/", "/a?b", "/a#b", "//x", "/~user/"];
    for (const s of samples) expect(pattern("aliases[]").test(s), s).toBe(loaderAccepts(s));
    expect(ALIAS_PATH.source).toContain("A-Za-z0-9");
  });

  it("date: every form the loader accepts matches; what does not match, the loader rejects", () => {
    const samples = ["2016-11-29", "2016-11-29T14:00", "2016-11-29 14:00", "2016-11-29T14:00:30", "2016-11-29T14:00+07:00", "2016-11-29T14:00:00Z", "2016-11-29T14:00+0700", "29/11/2016", "2016-1-2", "2016-11-29T14", "20161129", "2016-11-29T14:00:00.000Z"];
    for (const s of samples) {
      if (parseArticleDate(s)) expect(pattern("date").test(s), s).toBe(true);
      if (!pattern("date").test(s)) expect(parseArticleDate(s), s).toBeUndefined();
    }
  });
});

describe("the collection", () => {
  const config = adminConfig(GITHUB, SITE);
  const articles = collection(config);

  it("mirrors content/<province-id>/<YYYY-MM-DD>-<slug>.md with images next to the article", () => {
    expect(articles).toMatchObject({ folder: "content", path: "{{province}}/{{slug}}", extension: "md", format: "yaml-frontmatter", media_folder: "", public_folder: "" });
    expect(articles.slug).toBe("{{fields.date | date('YYYY-MM-DD')}}-{{fields.title}}");
    expect(config.slug).toEqual({ encoding: "ascii", clean_accents: true, sanitize_replacement: "-" });
    expect(config.locale).toBe("vi");
    const body = articles.fields?.at(-1) as { name: string; widget: string; sanitize_preview?: boolean; editor_components?: string[] };
    expect(body).toMatchObject({ name: "body", widget: "markdown", sanitize_preview: true, editor_components: [] });
  });

  it("is published as YAML that reads back as the same configuration, marked as generated", () => {
    const text = renderConfigYaml(config);
    expect(text.split("\n")[0]).toMatch(/^# Generated by the build/);
    expect(parseYaml(text)).toEqual(JSON.parse(JSON.stringify(config)));
  });

  it("configures each git host as its sign-in needs", () => {
    expect(adminConfig(GITHUB, SITE).backend).toMatchObject({ name: "github", repo: "so-tttt/tong-ket", branch: "main" });
    const gitlab = adminConfig(adminSettingsFromEnv({ CMS_BACKEND: "gitlab", CMS_REPO: "so-tttt/web/tong-ket", CMS_APP_ID: "abc123", CMS_AUTH_URL: "https://gitlab.example.gov.vn", CMS_API_ROOT: "https://gitlab.example.gov.vn/api/v4" }), SITE);
    expect(gitlab.backend).toMatchObject({ name: "gitlab", repo: "so-tttt/web/tong-ket", auth_type: "pkce", app_id: "abc123", base_url: "https://gitlab.example.gov.vn", api_root: "https://gitlab.example.gov.vn/api/v4" });
    expect(adminConfig({ enabled: true }, SITE).backend).toEqual({ name: "proxy", proxy_url: "http://localhost:8081/api/v1" });
    const local = adminConfig({ ...GITHUB, localBackendUrl: "http://127.0.0.1:8082/api/v1" }, SITE);
    expect(local.local_backend).toEqual({ url: "http://127.0.0.1:8082/api/v1", allowed_hosts: ["127.0.0.1", "localhost"] });
    expect(adminConfig(GITHUB, SITE).local_backend).toBeUndefined();
  });
});

describe("Decap's own configuration check", () => {
  const work = mkdtempSync(path.join(tmpdir(), "cms-validate-"));
  let validator = "";

  beforeAll(async () => {
    // Decap's validateConfig with the widgets the admin registers, bundled
    // for Node: Decap's modules expect a browser, so a hash history and a
    // window are stood in for.
    const stubHistory: Plugin = {
      name: "stub-history",
      setup(b) {
        b.onLoad({ filter: /decap-cms-core[\\/]dist[\\/]esm[\\/]routing[\\/]history\.js$/ }, () => ({
          contents: "import { createMemoryHistory } from 'history'; export const history = createMemoryHistory(); export function navigateToCollection() {} export function navigateToNewEntry() {} export function navigateToEntry() {}",
          resolveDir: ROOT,
        }));
      },
    };
    const app = path.dirname(createRequire(path.join(ROOT, "package.json")).resolve("decap-cms-app/package.json"));
    const bundle = path.join(work, "validate.mjs");
    await build({
      stdin: {
        contents: `import { validateConfig } from "decap-cms-core/dist/esm/constants/configSchema.js";
import { registerWidget } from "decap-cms-core/dist/esm/lib/registry.js";
import { adminWidgets } from "./src/cms/browser/widgets.ts";
import { readFileSync } from "node:fs";
for (const widget of adminWidgets()) registerWidget(widget);
const results = JSON.parse(readFileSync(process.argv[2], "utf8")).map((config) => { try { validateConfig(config); return "valid"; } catch (e) { return String(e.message); } });
console.log("RESULTS " + JSON.stringify(results));`,
        resolveDir: ROOT,
        loader: "ts",
      },
      bundle: true,
      platform: "node",
      format: "esm",
      mainFields: ["module", "main"],
      nodePaths: [path.join(app, "node_modules")],
      loader: { ".js": "jsx" },
      define: { "process.env.NODE_ENV": '"production"' },
      banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url); globalThis.window ??= globalThis; globalThis.navigator ??= { userAgent: 'node', platform: 'node' };" },
      outfile: bundle,
      logLevel: "error",
      plugins: [stubHistory],
    });
    validator = bundle;
  }, 120_000);
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  function validate(configs: readonly unknown[]): string[] {
    const file = path.join(work, "configs.json");
    writeFileSync(file, JSON.stringify(configs));
    // Decap's modules log to the console when they load; the results are on their own line.
    const line = execFileSync(process.execPath, [validator, file], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).split("\n").find((l) => l.startsWith("RESULTS "));
    return JSON.parse(line?.slice("RESULTS ".length) ?? "null") as string[];
  }

  it("accepts the generated configuration for GitHub, GitLab, local-only and npm run admin", () => {
    const gitlab = adminSettingsFromEnv({ CMS_BACKEND: "gitlab", CMS_REPO: "a/b", CMS_APP_ID: "x1" });
    const configs = [adminConfig(GITHUB, SITE), adminConfig(gitlab, SITE), adminConfig({ enabled: true }, SITE), adminConfig({ ...GITHUB, localBackendUrl: "http://127.0.0.1:8081/api/v1" }, SITE)];
    // As published: through YAML, the way the admin reads it.
    expect(validate(configs.map((c) => parseYaml(renderConfigYaml(c))))).toEqual(["valid", "valid", "valid", "valid"]);
  });

  it("is not blind: it rejects a broken configuration", () => {
    const broken = adminConfig(GITHUB, SITE);
    const articles = collection(broken);
    const [result] = validate([{ ...broken, collections: [{ ...articles, fields: [...(articles.fields ?? []), { name: "title", widget: "string" }] }] }]);
    expect(result).toMatch(/fields names must be unique/);
  });
});

describe("editor settings from the environment", () => {
  it("builds /admin/ by default, not connected to a git host", () => {
    expect(adminSettingsFromEnv({})).toEqual({ enabled: true });
    expect(adminSettingsFromEnv({ SITE_ADMIN: "off" }).enabled).toBe(false);
    expect(adminSettingsFromEnv({ SITE_ADMIN: "on" }).enabled).toBe(true);
  });

  it("names every bad variable at once, with what was expected", () => {
    try {
      adminSettingsFromEnv({ SITE_ADMIN: "maybe", CMS_BACKEND: "gitlab", CMS_REPO: "../etc", CMS_BRANCH: "a..b", CMS_API_ROOT: "http://gitlab.local" });
      expect.unreachable("bad settings must throw");
    } catch (error) {
      expect(error).toBeInstanceOf(AdminSettingsError);
      expect((error as AdminSettingsError).errors.map((e) => e.file)).toEqual(["SITE_ADMIN", "CMS_REPO", "CMS_BRANCH", "CMS_API_ROOT", "CMS_APP_ID"]);
      expect((error as AdminSettingsError).errors[1]).toMatchObject({ value: '"../etc"', expected: expect.stringContaining("owner/name") });
    }
    expect(() => adminSettingsFromEnv({ CMS_REPO: "a/b" })).toThrow(/CMS_REPO only applies together with CMS_BACKEND/);
  });

  it("refuses values that would break out of the policy or the YAML", () => {
    for (const value of ["https://x.example; script-src *", "https://x.example 'unsafe-eval'", "https://x.example/\nbackend: evil", "javascript:alert(1)", "https://user:pw@x.example"]) {
      expect(() => adminSettingsFromEnv({ CMS_BACKEND: "github", CMS_REPO: "a/b", CMS_API_ROOT: value }), value).toThrow(AdminSettingsError);
    }
    expect(() => adminSettingsFromEnv({ CMS_BACKEND: "github", CMS_REPO: "a/b\nx: y" })).toThrow(AdminSettingsError);
    expect(() => adminSettingsFromEnv({ CMS_LOCAL_BACKEND: "http://evil.example:8081/api/v1" })).toThrow(AdminSettingsError);
  });

  it("lets the admin connect only to its git host", () => {
    expect(backendConnectOrigins(GITHUB)).toEqual(["https://api.github.com"]);
    expect(backendConnectOrigins(adminSettingsFromEnv({ CMS_BACKEND: "gitlab", CMS_REPO: "a/b", CMS_APP_ID: "x" }))).toEqual(["https://gitlab.com"]);
    expect(backendConnectOrigins(adminSettingsFromEnv({ CMS_BACKEND: "gitlab", CMS_REPO: "a/b", CMS_APP_ID: "x", CMS_AUTH_URL: "https://gl.example.gov.vn", CMS_API_ROOT: "https://gl-api.example.gov.vn/api/v4" }))).toEqual(["https://gl-api.example.gov.vn", "https://gl.example.gov.vn"]);
    expect(backendConnectOrigins({ enabled: true })).toEqual([]);
    expect(adminContentSecurityPolicy(backendConnectOrigins(GITHUB))).toContain("connect-src 'self' blob: https://api.github.com;");
  });
});

describe("_headers for /admin/", () => {
  it("detaches the site's policy on /admin/ only and keeps every other rule as it was", () => {
    const rules = headerRules(GITHUB);
    expect(rules.slice(0, HEADER_RULES.length)).toEqual(HEADER_RULES);
    const text = renderHeadersFile(rules);
    expect(text).toContain(`${ADMIN_PATH}*\n  ! Content-Security-Policy\n  Content-Security-Policy: ${adminContentSecurityPolicy(["https://api.github.com"])}\n`);
    const parsed = parseHeadersFile(text);
    expect(parsed).toEqual(rules.map((r) => ({ detach: [], ...r })));
    expect(headersForPath(parsed, "/admin/")["Content-Security-Policy"]).toBe(adminContentSecurityPolicy(["https://api.github.com"]));
    expect(headersForPath(parsed, "/gia-lai/")["Content-Security-Policy"]).toBe(CONTENT_SECURITY_POLICY);
    expect(headerRules({ enabled: false })).toEqual(HEADER_RULES);
  });

  it("serves a header set twice as the CDN does: both values (two policies, both enforced)", () => {
    const rules = parseHeadersFile("/*\n  X-Test: a\n\n/x/*\n  X-Test: b\n\n/y/*\n  ! X-Test\n  X-Test: c\n");
    expect(headersForPath(rules, "/x/1")["X-Test"]).toBe("a, b");
    expect(headersForPath(rules, "/y/1")["X-Test"]).toBe("c");
  });
});

describe("the preview pane", () => {
  it("names a loader error's field as the form does", () => {
    expect(formFieldName("title")).toBe("Tiêu đề");
    expect(formFieldName("officials #2.name")).toBe("Đại biểu 2 › Họ tên");
    expect(formFieldName("image.src")).toBe("Ảnh › Tệp ảnh");
    expect(formFieldName("aliases #1")).toBe("Địa chỉ cũ 1");
    expect(formFieldName("unknownKey")).toBe("unknownKey");
  });

  it("turns the form's values into the file the build would read", () => {
    expect(articleSource({ title: "Hội nghị: 2016", date: "2016-11-29", province: "gia-lai", body: "Nội dung." })).toMatch(/^---\ntitle: '.*'\n[\s\S]*\n---\nNội dung\.\n$/);
    const parsed = parseArticle("content/gia-lai/2016-11-29-x.md", articleSource({ title: "Hội nghị: 2016", date: "2016-11-29", province: "gia-lai", reviewYear: 2016, tags: ["a"] }));
    expect(parsed.ok && parsed.article).toMatchObject({ title: "Hội nghị: 2016", reviewYear: 2016, tags: ["a"] });
  });
});

describe("what the editor saves", () => {
  it("leaves empty values out, as a hand-written file would", () => {
    expect(cleanEntryData({ title: "X", agency: "", author: "  ", reviewYear: "", planYear: 2017, draft: false, officials: [{ name: "A", role: "" }, { name: "", role: "" }], awards: [], image: { src: "", alt: "", caption: "" }, tags: ["a", ""], body: "" })).toEqual({
      title: "X",
      planYear: 2017,
      draft: false,
      officials: [{ name: "A" }],
      tags: ["a"],
    });
    expect(withoutEmpty({ image: { src: "a.jpg", alt: "" } })).toEqual({ image: { src: "a.jpg" } });
    expect(withoutEmpty(Number.NaN)).toBeUndefined();
    expect(withoutEmpty(0)).toBe(0);
  });

  it("names a new article's file by the convention, for the preview", () => {
    expect(previewPath({ title: "Hội nghị tổng kết Đắk Lắk", date: "2016-11-29T05:30", province: "dak-lak" }, slugify)).toBe("content/dak-lak/2016-11-29-hoi-nghi-tong-ket-dak-lak.md");
    expect(previewPath({}, slugify)).toBe("content/tinh/0000-00-00-bai-moi.md");
  });
});

describe("packages", () => {
  it("decap-cms-locales is the version decap-cms-app was released with", () => {
    const require = createRequire(path.join(ROOT, "package.json"));
    const app = JSON.parse(readFileSync(require.resolve("decap-cms-app/package.json"), "utf8")) as { dependencies: Record<string, string> };
    const locales = JSON.parse(readFileSync(require.resolve("decap-cms-locales/package.json"), "utf8")) as { version: string };
    expect(locales.version).toBe(app.dependencies["decap-cms-locales"]);
  });

  it("the Vietnamese phrases added to Decap's are phrases Decap has", async () => {
    // The ESM build: the package's main file is for browsers.
    const file = path.join(path.dirname(createRequire(path.join(ROOT, "package.json")).resolve("decap-cms-locales/package.json")), "dist/esm/en/index.js");
    const en = ((await import(pathToFileURL(file).href)) as { default: Record<string, unknown> }).default;
    const added = catalogueEntries().map(([key]) => key).filter((key) => key.startsWith("cms.decap."));
    expect(added.length).toBeGreaterThan(20);
    for (const key of added) {
      const value = key.slice("cms.decap.".length).split(".").reduce<unknown>((node, part) => (node && typeof node === "object" ? (node as Record<string, unknown>)[part] : undefined), en);
      expect(typeof value, key).toBe("string");
    }
  });
});

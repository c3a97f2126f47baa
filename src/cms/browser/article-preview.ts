/**
 * The editor's preview pane: the article as the site will publish it. The
 * form's values go through the build's own loader (parseArticle: the same
 * checks, the same Markdown rendering) and the site's own article layout
 * (layouts/article.ts), bundled for the browser — no second copy of either.
 * When the loader rejects the article, the pane lists the errors the build
 * would print instead, so an editor sees them before saving.
 */
import type { PreviewTemplateComponentProps } from "decap-cms-core";
import { createElement as h, type ReactElement } from "react";
import { dump } from "js-yaml";
import { renderArticlePage } from "../../../layouts/article.ts";
import type { LayoutContext } from "../../../layouts/base.ts";
import type { Article } from "../../content/article.ts";
import type { ContentError } from "../../content/errors.ts";
import { parseArticle } from "../../content/parse-article.ts";
import { t } from "../../messages/index.ts";
import { slugify } from "../../slug.ts";
import { cleanEntryData, previewPath } from "../entry-data.ts";
import { fieldText } from "../field-text.ts";
import { isRequired } from "../fields.ts";
import { frontMatterSchema } from "../../content/schema.ts";
import type { AdminPageData } from "../page-data.ts";

/** The fields the schema requires, in order (the pane waits for them before listing errors). */
const REQUIRED: readonly string[] = Object.entries(frontMatterSchema.shape)
  .filter(([, schema]) => isRequired(schema))
  .map(([name]) => name);

/** Styles of the error list (the pane otherwise has only the site's stylesheet). */
export const PREVIEW_CSS = `.cms-preview-errors{margin:1rem;padding:1rem 1.25rem;border:2px solid #a3181d;border-radius:6px;background:#fff5f5;color:#1a1a1a;font:16px/1.5 system-ui,sans-serif}
.cms-preview-errors p{margin:0 0 .5rem;font-weight:600}.cms-preview-waiting{border-color:#8a8a8a;background:#f5f5f5}.cms-preview-needs{font-weight:400!important}.cms-preview-errors li{margin:.5rem 0}.cms-preview-errors .detail{display:block;color:#444;font-size:.9em}`;

/** The Markdown file the form stands for: cleaned front matter as YAML, then the text. */
export function articleSource(data: Readonly<Record<string, unknown>>): string {
  const { body, ...frontMatter } = data;
  const yaml = Object.keys(frontMatter).length > 0 ? dump(frontMatter, { lineWidth: -1 }) : "";
  return `---\n${yaml}---\n${typeof body === "string" ? body : ""}\n`;
}

interface ImmutableLike {
  toJS(): unknown;
}

function plainData(value: unknown): Record<string, unknown> {
  const js = value && typeof value === "object" && "toJS" in value ? (value as ImmutableLike).toJS() : value;
  return js && typeof js === "object" && !Array.isArray(js) ? (js as Record<string, unknown>) : {};
}

/**
 * A loader error's field as the form names it: "officials #2.name" →
 * "Đại biểu 2 › Họ tên" (labels from the field help, list items counted
 * from 1 as the loader counts them).
 */
export function formFieldName(field: string): string {
  let pattern = "";
  return field
    .split(".")
    .map((part) => {
      const [, name = part, index] = /^(.*?)(?: #(\d+))?$/.exec(part) ?? [];
      pattern = pattern ? `${pattern}.${name}` : name;
      const label = fieldText(pattern)?.label ?? name;
      if (index) pattern = `${pattern}[]`;
      return index ? `${label} ${index}` : label;
    })
    .join(" › ");
}

/** What the pane shows instead of the article: the build's errors, in the form's words. */
function errorList(errors: readonly ContentError[], data: Readonly<Record<string, unknown>>): ReactElement {
  // Required fields not filled in yet are a step still to do, not a mistake.
  const unfilled = REQUIRED.filter((name) => data[name] === undefined);
  const rest = errors.filter((e) => !(e.field && unfilled.includes(e.field)));
  const needs = unfilled.length > 0 ? h("p", { className: "cms-preview-needs" }, t("cms.preview.needs", { fields: unfilled.map((name) => formFieldName(name)).join(", ") })) : null;
  if (rest.length === 0) return h("div", { className: "cms-preview-errors cms-preview-waiting" }, needs);
  return h(
    "div",
    { className: "cms-preview-errors", role: "alert" },
    needs,
    h("p", null, t("cms.preview.invalid", { count: rest.length })),
    h(
      "ul",
      null,
      rest.map((error, i) =>
        h(
          "li",
          { key: i },
          `${error.field ? `${formFieldName(error.field)}: ` : ""}${error.message}${error.value !== undefined ? ` (${t("general.gotLabel")} ${error.value})` : ""}`,
          error.expected ? h("span", { className: "detail" }, `${t("general.expectedLabel")}: ${error.expected}`) : null,
          error.fix ? h("span", { className: "detail" }, `${t("general.fixLabel")}: ${error.fix}`) : null,
        ),
      ),
    ),
  );
}

/** The preview template for the articles collection. */
export function articlePreview(page: AdminPageData): (props: PreviewTemplateComponentProps) => ReactElement {
  // The reader script is not part of the preview (the pane has no script of its own).
  const layout: LayoutContext = { config: page.site, stylesheetUrl: page.stylesheet, scriptUrl: "" };
  return function ArticlePreview({ entry, getAsset }: PreviewTemplateComponentProps): ReactElement {
    const data = cleanEntryData(plainData(entry.get("data")));
    const saved = entry.get("path");
    const file = typeof saved === "string" && saved ? saved : previewPath(data, slugify);
    const result = parseArticle(file, articleSource(data));
    if (!result.ok) return errorList(result.errors, data);
    const article: Article = result.article;
    const doc = new DOMParser().parseFromString(renderArticlePage(layout, article), "text/html");
    const src = (data["image"] as { src?: unknown } | undefined)?.src;
    if (article.image?.sourceFile && typeof src === "string") {
      // An image next to the article is not on the site yet: Decap holds it
      // (just uploaded, or read from the repository) under a blob: address.
      doc.querySelector("figure img")?.setAttribute("src", getAsset(src).url);
    }
    // The layout escapes everything it writes; this is the site's own page body.
    return h("div", { className: "cms-preview", dangerouslySetInnerHTML: { __html: doc.body.innerHTML } });
  };
}

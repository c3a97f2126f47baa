/**
 * The editor's form, derived from the article schema (src/content/schema.ts):
 * one Decap CMS field per schema field, in schema order, with the required
 * flag, number bounds, choices and list/object structure read from the zod
 * schema itself, and the label and hint from the field help.
 *
 * What the schema cannot say — which widget edits a text (a one-line box, a
 * paragraph, a date picker, the province list, an image upload) — is decided
 * here, once per field, in {@link FIELD_WIDGETS}. A schema field without an
 * entry there is an error, not a silent default: adding a field to the
 * schema must come with a decision about how editors fill it in.
 */
import type { CmsField, CmsMediaLibrary, CmsSelectWidgetOptionObject } from "decap-cms-core";
import type { z } from "zod";
import { frontMatterSchema } from "../content/schema.ts";
import { LIMITS } from "../content/limits.ts";
import { ALIAS_PATH, IMAGE_FILE, IMAGE_URL } from "../content/parse-article.ts";
import { DATE_ONLY, DATE_TIME } from "../dates.ts";
import { tIn } from "../messages/index.ts";
import { HUE_CITY_DATE, MERGER_DATE, PROVINCES, provinceLabel, type ProvinceUnit } from "../provinces.ts";
import { fieldText } from "./field-text.ts";

/** How a field is edited. "province" is a select of the registry; the others are Decap widgets. */
export type WidgetName = "string" | "text" | "datetime" | "province" | "image" | "number" | "boolean" | "select" | "list" | "object";

/**
 * The widget of every field pattern (list items as "[]", nested fields after
 * "."). Keys must match the schema exactly: {@link articleFields} fails on a
 * schema field missing here and on an entry the schema no longer has.
 */
export const FIELD_WIDGETS: Readonly<Record<string, WidgetName>> = {
  title: "string",
  date: "datetime",
  province: "province",
  agency: "string",
  reviewYear: "number",
  planYear: "number",
  officials: "list",
  "officials[].name": "string",
  "officials[].role": "string",
  "officials[].honorific": "select",
  "officials[].id": "string",
  awards: "list",
  "awards[].title": "string",
  "awards[].recipient": "string",
  "awards[].count": "number",
  "awards[].conferredBy": "string",
  author: "string",
  summary: "text",
  image: "object",
  "image.src": "image",
  "image.alt": "string",
  "image.caption": "string",
  tags: "list",
  "tags[]": "string",
  draft: "boolean",
  aliases: "list",
  "aliases[]": "string",
};

/** What a schema field holds once optional/nullable/transform wrappers are removed. */
export type ValueKind = "text" | "number" | "boolean" | "choice" | "list" | "group";

/** Widgets that can edit each kind of value (a widget that writes another type would produce articles the build rejects). */
const WIDGETS_FOR: Readonly<Record<ValueKind, readonly WidgetName[]>> = {
  text: ["string", "text", "datetime", "province", "image"],
  number: ["number"],
  boolean: ["boolean"],
  choice: ["select"],
  list: ["list"],
  group: ["object"],
};

/**
 * Decap's object widget checks the required fields inside it even when the
 * object itself is optional, which would make every article need an image.
 * The admin registers this widget (src/cms/browser/optional-object.ts): an
 * object whose inner fields are only checked once one of them is filled.
 */
export const OPTIONAL_OBJECT_WIDGET = "optional-object";

/** The datetime widget's stored form: wall-clock time, read as Vietnam time by the loader (src/dates.ts). */
export const DATE_FORMAT = "YYYY-MM-DDTHH:mm";

/** Largest image the editor accepts, in bytes: the build's own cap for every content image. */
export const MAX_IMAGE_BYTES = LIMITS.imageBytes;

/** Hints the form needs instead of (or in addition to) the field help, which is written for YAML files. */
const FORM_HINTS: Readonly<Record<string, { readonly replace?: () => string; readonly add?: () => string }>> = {
  date: { replace: () => tIn("vi", "cms.hint.date") },
  province: {
    replace: () =>
      tIn("vi", "cms.hint.province", { mergerDate: vietnameseDay(MERGER_DATE), hueDate: vietnameseDay(HUE_CITY_DATE), example: mergedExample() }),
  },
  officials: { replace: () => tIn("vi", "cms.hint.officials") },
  awards: { replace: () => tIn("vi", "cms.hint.awards") },
  image: { replace: () => tIn("vi", "cms.hint.image") },
  "image.src": { add: () => tIn("vi", "cms.hint.imageSize", { megabytes: Math.round(MAX_IMAGE_BYTES / (1024 * 1024)) }) },
  draft: { replace: () => tIn("vi", "cms.hint.draft") },
};

/** A unit merged on MERGER_DATE, as the province list shows it: the example in the province hint. */
function mergedExample(): string {
  const unit = PROVINCES.find((p) => p.id === "binh-dinh") ?? PROVINCES.find((p) => p.successorSince === MERGER_DATE);
  return unit ? provinceOptionLabel(unit) : "";
}

/** A field whose schema has no widget, or a widget for a field the schema no longer has. */
export class FieldWidgetError extends Error {
  constructor(readonly missing: readonly string[], readonly stale: readonly string[], readonly mismatched: readonly string[]) {
    super(
      [
        missing.length ? `schema fields without a widget in src/cms/fields.ts FIELD_WIDGETS: ${missing.join(", ")}` : "",
        stale.length ? `FIELD_WIDGETS entries for fields the schema does not have: ${stale.join(", ")}` : "",
        mismatched.length ? `widgets that cannot hold the schema's type: ${mismatched.join(", ")}` : "",
      ].filter(Boolean).join("; "),
    );
    this.name = "FieldWidgetError";
  }
}

type AnySchema = z.ZodType;

/** Removes optional/nullable/default/transform wrappers. */
export function unwrapSchema(schema: AnySchema): AnySchema {
  let current = schema;
  for (;;) {
    const def = current.def as { type: string; in?: AnySchema; innerType?: AnySchema };
    if (def.type === "pipe" && def.in) current = def.in;
    else if ((def.type === "optional" || def.type === "nullable" || def.type === "default") && def.innerType) current = def.innerType;
    else return current;
  }
}

/** What a schema holds. @throws Error for a type the editor has no widget family for */
export function valueKind(schema: AnySchema, pattern: string): ValueKind {
  const type = unwrapSchema(schema).def.type;
  switch (type) {
    case "string":
      return "text";
    case "number":
      return "number";
    case "boolean":
      return "boolean";
    case "enum":
      return "choice";
    case "array":
      return "list";
    case "object":
      return "group";
    default:
      throw new Error(`src/cms/fields.ts: the schema field "${pattern}" has type "${type}", which no editor widget writes`);
  }
}

/** Whether the front matter may leave the field out. */
export function isRequired(schema: AnySchema): boolean {
  return !schema.safeParse(undefined).success;
}

/** Every field pattern of a schema, in schema order ("officials", "officials[].name", …). */
export function schemaPatterns(schema: z.ZodObject = frontMatterSchema): string[] {
  const out: string[] = [];
  const walk = (shape: Record<string, AnySchema>, prefix: string): void => {
    for (const [name, field] of Object.entries(shape)) {
      const pattern = `${prefix}${name}`;
      out.push(pattern);
      const base = unwrapSchema(field);
      if (base.def.type === "object") walk((base as z.ZodObject).shape, `${pattern}.`);
      if (base.def.type === "array") {
        const element = unwrapSchema((base as z.ZodArray<AnySchema>).element);
        if (element.def.type === "object") walk((element as z.ZodObject).shape, `${pattern}[].`);
        else out.push(`${pattern}[]`);
      }
    }
  };
  walk(schema.shape as Record<string, AnySchema>, "");
  return out;
}

/** A RegExp source without its ^…$ anchors. */
function body(re: RegExp): string {
  return re.source.replace(/^\^/, "").replace(/\$$/, "");
}

/**
 * A case-insensitive RegExp's source rewritten to match the same strings
 * without the `i` flag (Decap's patterns are strings, compiled without
 * flags): letters outside character classes become [xX].
 */
export function caseFolded(re: RegExp): string {
  if (!re.flags.includes("i")) return re.source;
  let out = "";
  let inClass = false;
  const src = re.source;
  for (let i = 0; i < src.length; i++) {
    const ch = src[i] ?? "";
    if (ch === "\\") {
      out += ch + (src[i + 1] ?? "");
      i++;
    } else if (ch === "[") {
      inClass = true;
      out += ch;
    } else if (ch === "]") {
      inClass = false;
      out += ch;
    } else if (!inClass && /[a-z]/i.test(ch)) out += `[${ch.toLowerCase()}${ch.toUpperCase()}]`;
    else out += ch;
  }
  return out;
}

/** Decap `pattern`s mirroring the loader's checks, with the message shown when a value does not match. */
export const FIELD_PATTERNS: Readonly<Record<string, { readonly source: string; readonly message: "cms.pattern.date" | "cms.pattern.imageSrc" | "cms.pattern.alias" }>> = {
  date: { source: `^(?:${body(DATE_ONLY)}|${body(DATE_TIME)})$`, message: "cms.pattern.date" },
  "image.src": { source: `^(?:${body(IMAGE_URL)}|${body(new RegExp(caseFolded(IMAGE_FILE)))})$`, message: "cms.pattern.imageSrc" },
  // The loader also refuses "." and ".." segments.
  "aliases[]": { source: `^(?!(?:.*/)?\\.\\.?(?:/|$))${body(ALIAS_PATH)}$`, message: "cms.pattern.alias" },
};

/** "2025-07-01" → "01/07/2025", as Vietnamese readers write dates. */
function vietnameseDay(iso: string): string {
  const [y, m, d] = iso.split("-");
  return `${d}/${m}/${y}`;
}

/** The day before an ISO date, for "until 30/06/2025". */
function dayBefore(iso: string): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - 1);
  return date.toISOString().slice(0, 10);
}

/** Option label of a registry unit: its display label, and for a former unit the last day it existed. */
export function provinceOptionLabel(unit: ProvinceUnit): string {
  if (!unit.successorSince) return provinceLabel(unit);
  return tIn("vi", "cms.province.formerOption", { label: provinceLabel(unit), until: vietnameseDay(dayBefore(unit.successorSince)) });
}

/** Every registry unit, current and former, as select options (value: the id the front matter holds). */
export function provinceOptions(): CmsSelectWidgetOptionObject[] {
  return PROVINCES.map((unit) => ({ label: provinceOptionLabel(unit), value: unit.id }));
}

function hintFor(pattern: string): string | undefined {
  const form = FORM_HINTS[pattern];
  const parts = [form?.replace ? form.replace() : fieldText(pattern)?.expected, form?.add?.()];
  const text = parts.filter((p): p is string => Boolean(p)).join(". ");
  return text ? capitalise(text) : undefined;
}

function capitalise(text: string): string {
  return text.charAt(0).toLocaleUpperCase("vi") + text.slice(1);
}

function labelFor(pattern: string): string {
  const text = fieldText(pattern);
  if (!text) throw new Error(`src/cms/fields.ts: the field "${pattern}" has no field help (label and hint come from there)`);
  return capitalise(text.label);
}

/** Problems found while building fields, reported together. */
interface Problems {
  readonly missing: string[];
  readonly mismatched: string[];
}

function numberBounds(schema: AnySchema): { min?: number; max?: number; int: boolean } {
  const n = unwrapSchema(schema) as z.ZodNumber;
  const finite = (v: number | null | undefined): v is number => typeof v === "number" && Number.isFinite(v) && Math.abs(v) < Number.MAX_SAFE_INTEGER;
  return { ...(finite(n.minValue) ? { min: n.minValue } : {}), ...(finite(n.maxValue) ? { max: n.maxValue } : {}), int: n.isInt };
}

function buildField(name: string, pattern: string, schema: AnySchema, widgets: Readonly<Record<string, WidgetName>>, problems: Problems): CmsField | undefined {
  const widget = widgets[pattern];
  const kind = valueKind(schema, pattern);
  if (!widget) {
    problems.missing.push(pattern);
    return undefined;
  }
  if (!WIDGETS_FOR[kind].includes(widget)) {
    problems.mismatched.push(`${pattern} (${kind} edited with ${widget})`);
    return undefined;
  }
  const required = isRequired(schema);
  const hint = hintFor(pattern);
  const patternRule = FIELD_PATTERNS[pattern];
  const common = {
    name,
    label: labelFor(pattern),
    required,
    ...(hint ? { hint } : {}),
    ...(patternRule ? { pattern: [patternRule.source, tIn("vi", patternRule.message)] as [string, string] } : {}),
  };
  const base = unwrapSchema(schema);
  switch (widget) {
    case "string":
    case "text":
      return { ...common, widget };
    case "datetime":
      return { ...common, widget: "datetime", format: DATE_FORMAT, picker_utc: false, default: "{{now}}" };
    case "province":
      return { ...common, widget: "select", options: provinceOptions(), multiple: false };
    case "image":
      // The default media library reads only `config` here (no library name at field level).
      return { ...common, widget: "image", choose_url: true, media_library: { config: { max_file_size: MAX_IMAGE_BYTES, multiple: false } } as CmsMediaLibrary };
    case "number": {
      const { min, max, int } = numberBounds(base);
      return { ...common, widget: "number", value_type: int ? "int" : "float", ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}), step: 1 };
    }
    case "boolean":
      return { ...common, widget: "boolean" };
    case "select":
      return { ...common, widget: "select", options: [...(base as z.ZodEnum).options].map(String), multiple: false };
    case "object": {
      const fields = buildFields((base as z.ZodObject).shape as Record<string, AnySchema>, `${pattern}.`, widgets, problems);
      // Required objects keep Decap's own widget; see OPTIONAL_OBJECT_WIDGET.
      return { ...common, widget: required ? "object" : (OPTIONAL_OBJECT_WIDGET as "object"), collapsed: false, fields };
    }
    case "list": {
      const element = unwrapSchema((base as z.ZodArray<AnySchema>).element);
      const listCommon = { ...common, widget: "list" as const, collapsed: false, label_singular: labelFor(`${pattern}[]`).toLocaleLowerCase("vi") };
      if (element.def.type === "object") return { ...listCommon, fields: buildFields((element as z.ZodObject).shape as Record<string, AnySchema>, `${pattern}[].`, widgets, problems) };
      const item = buildField(name, `${pattern}[]`, element, widgets, problems);
      return item ? { ...listCommon, field: { ...item, required: true } } : undefined;
    }
  }
}

function buildFields(shape: Record<string, AnySchema>, prefix: string, widgets: Readonly<Record<string, WidgetName>>, problems: Problems): CmsField[] {
  const out: CmsField[] = [];
  for (const [name, schema] of Object.entries(shape)) {
    const field = buildField(name, `${prefix}${name}`, schema, widgets, problems);
    if (field) out.push(field);
  }
  return out;
}

/**
 * The Decap fields for every front-matter field of `schema`, in order.
 * @throws FieldWidgetError when a schema field has no widget, a widget
 *   cannot write the field's type, or FIELD_WIDGETS names a field the schema
 *   does not have
 */
export function articleFields(schema: z.ZodObject = frontMatterSchema, widgets: Readonly<Record<string, WidgetName>> = FIELD_WIDGETS): CmsField[] {
  const problems: Problems = { missing: [], mismatched: [] };
  const fields = buildFields(schema.shape as Record<string, AnySchema>, "", widgets, problems);
  const known = new Set(schemaPatterns(schema));
  const stale = Object.keys(widgets).filter((pattern) => !known.has(pattern));
  if (problems.missing.length || problems.mismatched.length || stale.length) throw new FieldWidgetError(problems.missing, stale, problems.mismatched);
  return fields;
}

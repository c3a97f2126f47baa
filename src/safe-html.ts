/**
 * Escape-by-default HTML.
 *
 * Every layout builds markup with the {@link html} tag, which escapes each
 * interpolated value unless it is already a {@link SafeHtml}. The only way to
 * turn an arbitrary string into SafeHtml is {@link trustedHtml} — one explicit,
 * greppable door, used for Markdown rendered with raw HTML disabled, generated
 * QR SVG and serialised JSON-LD. `git grep trustedHtml` lists every use.
 */

// A registered symbol, so SafeHtml made by one copy of this module (e.g. in a
// test runner's module graph) is recognised by another (Eleventy's loader).
// Only code can forge it; content never produces objects.
const brand: unique symbol = Symbol.for("tong-ket.SafeHtml") as typeof brand;

/** A string known to be safe to place in HTML as markup. */
export interface SafeHtml {
  readonly [brand]: true;
  readonly value: string;
}

/** Values that may appear inside an {@link html} template. */
export type HtmlValue = SafeHtml | string | number | boolean | null | undefined | readonly HtmlValue[];

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

const SPECIAL = /[&<>"']/;
const SPECIALS = /[&<>"']/g;

/** Escapes text for use in HTML content and in quoted attribute values. */
export function escapeHtml(text: string): string {
  // Most values (URLs, dates, names) need nothing: a test is cheaper than a replace with a callback.
  return SPECIAL.test(text) ? text.replace(SPECIALS, (ch) => ESCAPES[ch] ?? ch) : text;
}

function make(value: string): SafeHtml {
  return { [brand]: true, value };
}

/** True when the value is a {@link SafeHtml}. */
export function isSafeHtml(value: unknown): value is SafeHtml {
  return typeof value === "object" && value !== null && brand in value;
}

/**
 * THE door for raw markup. Call only with output of a generator that cannot
 * carry editor-supplied markup (Markdown with `html: false`, QR SVG built from
 * numbers, JSON with `<` escaped). Never with front matter or file content.
 */
export function trustedHtml(markup: string): SafeHtml {
  return make(markup);
}

function render(value: HtmlValue): string {
  if (value === null || value === undefined || value === false) return "";
  if (Array.isArray(value)) return value.map(render).join("");
  if (isSafeHtml(value)) return value.value;
  return escapeHtml(String(value));
}

/** Tagged template that escapes every interpolation that is not SafeHtml. */
export function html(strings: TemplateStringsArray, ...values: readonly HtmlValue[]): SafeHtml {
  let out = strings[0] ?? "";
  for (let i = 0; i < values.length; i++) out += render(values[i]) + (strings[i + 1] ?? "");
  return make(out);
}

/** Joins fragments (each escaped unless SafeHtml) with an optional separator. */
export function joinHtml(parts: readonly HtmlValue[], separator = ""): SafeHtml {
  return make(parts.map(render).join(escapeHtml(separator)));
}

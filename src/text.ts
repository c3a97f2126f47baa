/**
 * Ingestion-time text hygiene.
 *
 * Text reaches the repository from Word, macOS, Zalo and web forms. macOS and
 * some Word exports produce decomposed (NFD) Vietnamese, so "Thủy" typed on two
 * machines would compare unequal, sort apart and slug differently. Pasted text
 * also carries C0/C1 control characters that are invalid in XML feeds. Every
 * string is therefore normalised once, when an article is read.
 */

// C0 controls except TAB/LF/CR, DEL, C1 controls, and lone surrogates are never wanted.
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const BOM = /\uFEFF/g;
// One cheap scan decides whether the slower replacements are needed at all.
const NEEDS_CLEANING = /[\r\uFEFF\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF\uD800-\uDFFF]/;

/** NFC-normalises multi-line text, unifies line endings and drops control characters. */
export function cleanText(text: string): string {
  if (!NEEDS_CLEANING.test(text)) return text.normalize("NFC");
  return text.replace(/\r\n?/g, "\n").replace(BOM, "").replace(CONTROL_CHARS, "").normalize("NFC");
}

/** Like {@link cleanText}, then folds all whitespace (incl. newlines) to single spaces and trims: for titles, names, roles. */
export function cleanLine(text: string): string {
  return cleanText(text).replace(/\s+/g, " ").trim();
}

/** Recursively applies {@link cleanLine} to every string in plain YAML data (objects, arrays, scalars). */
export function cleanData(value: unknown): unknown {
  if (typeof value === "string") return cleanLine(value);
  if (Array.isArray(value)) return value.map(cleanData);
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) out[cleanLine(key)] = cleanData(inner);
    return out;
  }
  return value;
}

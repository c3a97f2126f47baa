/**
 * Ingestion-time text hygiene.
 *
 * Text reaches the repository from Word, macOS, Zalo and web forms. macOS and
 * some Word exports produce decomposed (NFD) Vietnamese, so "Thủy" typed on two
 * machines would compare unequal, sort apart and slug differently. Pasted text
 * also carries C0/C1 control characters that are invalid in XML feeds, and
 * bidirectional controls (U+202E RIGHT-TO-LEFT OVERRIDE and friends) that
 * make a title display reversed or disguise what a line really says;
 * Vietnamese never needs them. Every string is therefore normalised once,
 * when an article is read: the parser counts the bidi controls first, to
 * warn the editor that they were removed.
 */

// C0 controls except TAB/LF/CR, DEL, C1 controls, bidi controls and lone surrogates are never wanted.
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const BOM = /\uFEFF/g;
// One cheap scan decides whether the slower replacements are needed at all.
const NEEDS_CLEANING = /[\r\uFEFF\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF\uD800-\uDFFF\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;

/** Unicode's Bidi_Control characters (the same set as /\p{Bidi_Control}/u, which is several times slower to scan with). */
const BIDI_CONTROL = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/** Where the bidi controls in `text` are: how many, and the 1-based line of the first. */
export function findBidiControls(text: string): { count: number; line: number } | undefined {
  BIDI_CONTROL.lastIndex = 0;
  const first = BIDI_CONTROL.exec(text);
  if (!first) return undefined;
  let line = 1;
  for (let i = text.indexOf("\n"); i !== -1 && i < first.index; i = text.indexOf("\n", i + 1)) line++;
  return { count: text.match(BIDI_CONTROL)?.length ?? 1, line };
}

// What a reader sees: anything but white space, format and other invisible
// (default-ignorable) characters, lone combining marks, and the braille
// blank U+2800 (not default-ignorable, yet shown as nothing).
const VISIBLE = /[^\p{White_Space}\p{Default_Ignorable_Code_Point}\p{Cc}\p{Cf}\p{M}\u2800]/u;

// Letters and digits of Vietnamese text: most strings are decided by this cheap test.
const COMMON_VISIBLE = /[0-9A-Za-z\u00C0-\u024F\u1E00-\u1EFF]/;

/** Whether `text` has at least one character a reader can see (a title of zero-width spaces has none). */
export function hasVisibleText(text: string): boolean {
  return COMMON_VISIBLE.test(text) || VISIBLE.test(text);
}

/** Whether {@link cleanText} would change more than the normalisation form: CR, BOM, control or bidi characters, surrogates. */
export function needsCleaning(text: string): boolean {
  return NEEDS_CLEANING.test(text);
}

/** NFC-normalises multi-line text, unifies line endings and drops control characters. */
export function cleanText(text: string): string {
  if (!NEEDS_CLEANING.test(text)) return text.normalize("NFC");
  return text.replace(/\r\n?/g, "\n").replace(BOM, "").replace(CONTROL_CHARS, "").normalize("NFC");
}

/** Like {@link cleanText}, then folds all whitespace (incl. newlines) to single spaces and trims: for titles, names, roles. */
export function cleanLine(text: string): string {
  return cleanText(text).replace(/\s+/g, " ").trim();
}

/**
 * Recursively applies {@link cleanLine} to every string in plain YAML data
 * (objects, arrays, scalars). For trusted data only: it copies every value,
 * so a YAML alias bomb would expand here; front matter goes through the
 * bounded walk in src/content/front-matter.ts instead.
 */
export function cleanData(value: unknown): unknown {
  if (typeof value === "string") return cleanLine(value);
  if (Array.isArray(value)) return value.map(cleanData);
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) Object.defineProperty(out, cleanLine(key), { value: cleanData(inner), enumerable: true, writable: true, configurable: true });
    return out;
  }
  return value;
}

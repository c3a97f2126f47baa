/**
 * ASCII slugs for URLs and ids.
 *
 * Vietnamese letters are folded to their base letter ("Đắk Lắk" → "dak-lak");
 * "đ"/"Đ" is not a combining sequence in Unicode, so it needs its own rule.
 * Output is always `[a-z0-9-]`, which is what keeps editor-supplied names
 * from ever reaching the file system as anything but a plain path segment.
 */

/** Removes Vietnamese (and other Latin) diacritics and maps đ/Đ to d/D. */
export function foldDiacritics(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .normalize("NFC");
}

/** The longest slug {@link slugify} makes unless told otherwise. */
export const SLUG_MAX_LENGTH = 80;

/**
 * Turns any text into a URL slug: lowercase ASCII letters, digits and single
 * hyphens, no leading or trailing hyphen, cut at a word boundary to `maxLength`.
 * Returns "" when nothing usable remains (callers decide what that means).
 */
export function slugify(text: string, maxLength = SLUG_MAX_LENGTH): string {
  const slug = foldDiacritics(text)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  if (slug.length <= maxLength) return slug;
  const cut = slug.slice(0, maxLength + 1);
  const lastHyphen = cut.lastIndexOf("-");
  return (lastHyphen > 0 ? cut.slice(0, lastHyphen) : slug.slice(0, maxLength)).replace(/-+$/g, "");
}

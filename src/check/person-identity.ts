/**
 * Who an official is, for the rule "role differs from the last known role
 * of the same person": the one seam between `npm run check` and the rules
 * that decide identity.
 *
 * The people pages (src/people/, in progress on its own branch) own those
 * rules — NFC, spacing, case, honorifics and titles written inside the
 * name, the province, ids pinned by editors. Until they are on main this
 * seam applies the part of them the warning needs (the same name, spelt the
 * same way up to Unicode form, spacing and case, in the same province);
 * when they land, this function calls theirs and nothing else changes.
 */

/** An official as the check keeps it. */
export interface OfficialFacts {
  readonly name: string;
  readonly role?: string;
}

// The loader has already normalised every string to NFC, folded white space
// and removed control characters (src/text.ts): what is left to ignore is
// case and zero-width characters.
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF]/g;

/** The identity of an official named in an article of `provinceId`, or undefined when the name is empty. */
export function personKey(provinceId: string, official: OfficialFacts): string | undefined {
  const name = official.name.replace(INVISIBLE, "").trim().toLowerCase();
  return name === "" ? undefined : `${provinceId}/${name}`;
}

/** A role as compared: case and trailing punctuation do not count ("Giám đốc Sở." is "giám đốc sở"). */
export function roleKey(role: string): string {
  let end = role.length;
  while (end > 0 && " .,;:".includes(role[end - 1] ?? "")) end--;
  return role.slice(0, end).toLowerCase();
}

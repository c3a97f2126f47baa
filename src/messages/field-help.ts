/**
 * Help for one front-matter field, in the current language or a given one:
 * used by content errors ("expected: …", "fix: write it like: …") and by the
 * CMS for hints. The wording lives in areas/content-fields.ts.
 */
import { CATALOGUE, type MessageKey } from "./catalogue.ts";
import type { MessageDef, Params } from "./define.ts";
import { getLanguage, type Lang } from "./language.ts";

export interface FieldHelp {
  /** The field's plain name ("Tiêu đề" / "Title"). */
  readonly label: string;
  /** What the field must hold. */
  readonly expected: string;
  /** A YAML example line (multi-line for lists and mappings). */
  readonly example: string;
}

/**
 * Help for a field pattern: "title", "image.src", "officials[].name" (list
 * items as []; see fieldPattern in src/content/schema.ts).
 * @returns undefined for a pattern that has no help (an unknown key)
 */
export function fieldHelp(pattern: string, lang: Lang = getLanguage()): FieldHelp | undefined {
  const key = `field.${pattern}`;
  if (!Object.hasOwn(CATALOGUE, key)) return undefined;
  const wording = (CATALOGUE[key as MessageKey] as MessageDef<Params>)[lang];
  const text = (part: unknown): string => (typeof part === "string" ? part : "");
  return { label: text(wording.message), expected: text(wording.expected), example: text(wording.fix) };
}

/** Every field pattern that has help, in catalogue order. */
export function fieldHelpPatterns(): string[] {
  return Object.keys(CATALOGUE)
    .filter((key) => key.startsWith("field."))
    .map((key) => key.slice("field.".length));
}

/**
 * The article front matter schema: one source of truth for field names,
 * types (the help text shown when a field is wrong is in the message
 * catalogue, see fieldHelp).
 *
 * zod checks the shape (types, required fields, unknown keys, enums); the
 * semantic rules that need context — dates, province ids, alias paths, image
 * sources — live in parse-article.ts so their errors can say more.
 */
import { z } from "zod";
import { hasVisibleText } from "../text.ts";
import { LIMITS } from "./limits.ts";

/** Honorifics the portals use before an official's name. */
export const HONORIFICS = ["Ông", "Bà", "Đồng chí"] as const;
export type Honorific = (typeof HONORIFICS)[number];

/** Text a reader can see: not empty, and not only zero-width or other invisible characters (a custom issue, "invisible"). */
const text = z
  .string()
  .min(1)
  .refine((s) => s === "" || hasVisibleText(s), { params: { reason: "invisible" } });
/** Optional fields may be left empty in YAML (`agency:`), which parses as null. */
const optional = <T extends z.ZodType>(schema: T) => schema.nullish().transform((v) => v ?? undefined);

const year = z.number().int().min(1945).max(2100);

/**
 * A person id an editor pins on an official (src/people/): lowercase ASCII
 * letters and digits in hyphen-separated words, like a URL slug, because it
 * becomes the person page's address (/nhan-vat/<id>/).
 */
export const PERSON_ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const PERSON_ID_MAX_LENGTH = 80;

export const officialSchema = z.strictObject({
  name: text,
  role: optional(text),
  honorific: optional(z.enum(HONORIFICS)),
  // The message is produced when the check fails, so it follows the language chosen at run time.
  // Its form (PERSON_ID_PATTERN, PERSON_ID_MAX_LENGTH) is a semantic rule in parse-article.ts, whose errors can suggest the id to write.
  id: optional(text),
});

export const awardSchema = z.strictObject({
  title: text,
  recipient: optional(text),
  count: optional(z.number().int().min(1)),
  conferredBy: optional(text),
});

export const imageSchema = z.strictObject({
  src: text,
  alt: text,
  caption: optional(text),
});

export const frontMatterSchema = z.strictObject({
  title: text,
  date: text,
  province: text,
  agency: optional(text),
  reviewYear: optional(year),
  planYear: optional(year),
  officials: optional(z.array(officialSchema)),
  awards: optional(z.array(awardSchema)),
  author: optional(text),
  summary: optional(text),
  image: optional(imageSchema),
  // Bounded: each tag is a page and each alias a redirect page (src/content/limits.ts).
  tags: optional(z.array(text.max(LIMITS.tagLength)).max(LIMITS.tagsPerArticle)),
  draft: optional(z.boolean()),
  aliases: optional(z.array(text).max(LIMITS.aliasesPerArticle)),
});

/** Front matter after the shape check (before semantic validation). */
export type FrontMatter = z.output<typeof frontMatterSchema>;

/** The top-level keys, for "did you mean" on unknown keys. */
export const FRONT_MATTER_KEYS: readonly string[] = Object.keys(frontMatterSchema.shape);
export const OFFICIAL_KEYS: readonly string[] = Object.keys(officialSchema.shape);
export const AWARD_KEYS: readonly string[] = Object.keys(awardSchema.shape);
export const IMAGE_KEYS: readonly string[] = Object.keys(imageSchema.shape);

/**
 * Help for each field (what is expected, an example line) now lives in the
 * message catalogue, in both languages: src/messages/areas/content-fields.ts.
 */
export { fieldHelp, type FieldHelp } from "../messages/field-help.ts";

/** Turns a concrete path (["officials", 2, "name"]) into its help key ("officials[].name"). */
export function fieldPattern(path: readonly PropertyKey[]): string {
  return path.map((p) => (typeof p === "number" ? "[]" : `.${String(p)}`)).join("").replace(/^\./, "").replace(/\.\[\]/g, "[]");
}

/** Turns a concrete path into display form, list items counted from 1 as editors count them: ["officials", 2, "name"] → "officials #3.name". */
export function fieldLabel(path: readonly PropertyKey[]): string {
  return path.map((p) => (typeof p === "number" ? ` #${p + 1}` : `.${String(p)}`)).join("").replace(/^\./, "");
}

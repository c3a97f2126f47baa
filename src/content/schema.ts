/**
 * The article front matter schema: one source of truth for field names,
 * types and the help text shown when a field is wrong.
 *
 * zod checks the shape (types, required fields, unknown keys, enums); the
 * semantic rules that need context — dates, province ids, alias paths, image
 * sources — live in {@link ./validate.ts} so their errors can say more.
 */
import { z } from "zod";
import { DATE_FORMS } from "../dates.ts";

/** Honorifics the portals use before an official's name. */
export const HONORIFICS = ["Ông", "Bà", "Đồng chí"] as const;
export type Honorific = (typeof HONORIFICS)[number];

const text = z.string().min(1);
/** Optional fields may be left empty in YAML (`agency:`), which parses as null. */
const optional = <T extends z.ZodType>(schema: T) => schema.nullish().transform((v) => v ?? undefined);

const year = z.number().int().min(1945).max(2100);

export const officialSchema = z.strictObject({
  name: text,
  role: optional(text),
  honorific: optional(z.enum(HONORIFICS)),
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
  tags: optional(z.array(text)),
  draft: optional(z.boolean()),
  aliases: optional(z.array(text)),
});

/** Front matter after the shape check (before semantic validation). */
export type FrontMatter = z.output<typeof frontMatterSchema>;

/** The top-level keys, for "did you mean" on unknown keys. */
export const FRONT_MATTER_KEYS: readonly string[] = Object.keys(frontMatterSchema.shape);
export const OFFICIAL_KEYS: readonly string[] = Object.keys(officialSchema.shape);
export const AWARD_KEYS: readonly string[] = Object.keys(awardSchema.shape);
export const IMAGE_KEYS: readonly string[] = Object.keys(imageSchema.shape);

/** Help for each field: what is expected and an example line. Keys are field patterns with [] for list items. */
export const FIELD_HELP: Readonly<Record<string, { expected: string; example: string }>> = {
  title: { expected: "the headline as text", example: 'title: "Hội nghị tổng kết công tác năm 2016"' },
  date: { expected: DATE_FORMS, example: "date: 2016-11-29" },
  province: { expected: "a province id from the registry, e.g. gia-lai, ha-tinh, ho-chi-minh (README: Province ids)", example: "province: gia-lai" },
  agency: { expected: "the organising body as text", example: 'agency: "Sở Thông tin và Truyền thông"' },
  reviewYear: { expected: "a whole year between 1945 and 2100, the year reviewed", example: "reviewYear: 2016" },
  planYear: { expected: "a whole year between 1945 and 2100, the year planned", example: "planYear: 2017" },
  officials: { expected: "a list of officials, each with name (and optionally role, honorific)", example: "officials:\n      - name: Nguyễn Dũng\n        role: Giám đốc Trung tâm CNTT&TT\n        honorific: Ông" },
  "officials[]": { expected: "an official: { name, role, honorific }", example: "- name: Nguyễn Dũng" },
  "officials[].name": { expected: "the official's full name as text", example: "name: Nguyễn Dũng" },
  "officials[].role": { expected: "the official's position as text", example: "role: Giám đốc Sở Thông tin và Truyền thông" },
  "officials[].honorific": { expected: `one of ${HONORIFICS.join(", ")}`, example: "honorific: Ông" },
  awards: { expected: "a list of awards, each with title (and optionally recipient, count, conferredBy)", example: "awards:\n      - title: Lao động tiên tiến\n        count: 11\n        recipient: cá nhân" },
  "awards[]": { expected: "an award: { title, recipient, count, conferredBy }", example: "- title: Giấy khen" },
  "awards[].title": { expected: "the award's name as text", example: "title: Cờ thi đua" },
  "awards[].recipient": { expected: "who received it, as text", example: "recipient: Trung tâm CNTT&TT" },
  "awards[].count": { expected: "a whole number of recipients, 1 or more", example: "count: 12" },
  "awards[].conferredBy": { expected: "who conferred it, as text", example: "conferredBy: Bộ TT&TT" },
  author: { expected: "the byline as text", example: 'author: "Trần Thị Bích Thủy"' },
  summary: { expected: "a one-paragraph summary as text", example: 'summary: "Sở TT&TT tổng kết công tác năm 2016…"' },
  image: { expected: "an image: { src, alt, caption }", example: "image:\n      src: hoi-nghi.jpg\n      alt: Toàn cảnh hội nghị" },
  "image.src": { expected: "a file name next to the article (hoi-nghi.jpg) or an https:// address", example: "src: hoi-nghi.jpg" },
  "image.alt": { expected: "a description of the image for readers who cannot see it", example: "alt: Toàn cảnh hội nghị" },
  "image.caption": { expected: "the caption shown under the image", example: "caption: Đại diện lãnh đạo Sở trao danh hiệu" },
  tags: { expected: "a list of short topics", example: 'tags: ["tổng kết", "chuyển đổi số"]' },
  "tags[]": { expected: "a short topic as text", example: "- tổng kết" },
  draft: { expected: "true or false", example: "draft: true" },
  aliases: { expected: "a list of old URL paths of this article, each starting with /", example: "aliases:\n      - /tin-tuc/hoi-nghi-tong-ket-2016/" },
  "aliases[]": { expected: "an old URL path starting with /, letters, digits, - _ . ~ / only", example: "- /tin-tuc/hoi-nghi-tong-ket-2016/" },
};

/** Turns a concrete path (["officials", 2, "name"]) into its help key ("officials[].name"). */
export function fieldPattern(path: readonly PropertyKey[]): string {
  return path.map((p) => (typeof p === "number" ? "[]" : `.${String(p)}`)).join("").replace(/^\./, "").replace(/\.\[\]/g, "[]");
}

/** Turns a concrete path into display form, list items counted from 1 as editors count them: ["officials", 2, "name"] → "officials #3.name". */
export function fieldLabel(path: readonly PropertyKey[]): string {
  return path.map((p) => (typeof p === "number" ? ` #${p + 1}` : `.${String(p)}`)).join("").replace(/^\./, "");
}

/**
 * Writes an article file — YAML front matter with comments for the editor,
 * then the Markdown body — for `npm run new` and `npm run import`.
 *
 * Values are written as JSON strings and numbers, which are valid YAML 1.2
 * double-quoted scalars: no value, however odd ("yes", "# x", "key: v", a
 * leading "-", a newline), can change the document's structure, and the
 * result parses the same with js-yaml's core schema (what the content
 * loader uses) as with any other YAML 1.2 parser. Comments are reduced to
 * one line of printable text each, so text pulled from an imported release
 * can never escape its comment. Field names come from the schema's keys.
 */
import { FRONT_MATTER_KEYS, OFFICIAL_KEYS, AWARD_KEYS } from "../content/schema.ts";

export type Scalar = string | number | boolean;

export interface OfficialFields {
  readonly name: string;
  readonly role?: string;
  readonly honorific?: string;
  /** Person id (src/people/): only when an editor gives one. */
  readonly id?: string;
}

export interface AwardFields {
  readonly title: string;
  readonly recipient?: string;
  readonly count?: number;
  readonly conferredBy?: string;
}

/** One entry of a list of mappings, with the comments written above it. */
export interface ListItem<T> {
  readonly value: T;
  readonly comments?: readonly string[];
}

/** The front matter to write; every key is a schema field. */
export interface ArticleFields {
  readonly title?: string;
  readonly date?: string;
  readonly province?: string;
  readonly agency?: string;
  readonly reviewYear?: number;
  readonly planYear?: number;
  readonly officials?: readonly ListItem<OfficialFields>[];
  readonly awards?: readonly ListItem<AwardFields>[];
  readonly author?: string;
  readonly draft?: boolean;
}

type FieldName = keyof ArticleFields;

export interface ArticleTextInput {
  readonly fields: ArticleFields;
  /** Comments at the top of the front matter. */
  readonly header?: readonly string[];
  /** Comments above a field. A required field without a value is written empty (`province:`) under its comments. */
  readonly comments?: Readonly<Partial<Record<FieldName, readonly string[]>>>;
  /** Required fields to write empty when they have no value, so the editor sees where to fill in. */
  readonly placeholders?: readonly FieldName[];
  readonly body: string;
}

const ORDER: readonly FieldName[] = ["title", "date", "province", "agency", "reviewYear", "planYear", "officials", "awards", "author", "draft"];

// Every field written must be a schema field: a rename in the schema fails here at load time, not in an editor's build.
for (const key of ORDER) if (!FRONT_MATTER_KEYS.includes(key)) throw new Error(`article-text: "${key}" is not a front matter field`);
for (const key of ["name", "role", "honorific", "id"]) if (!OFFICIAL_KEYS.includes(key)) throw new Error(`article-text: "officials.${key}" is not a schema field`);
for (const key of ["title", "recipient", "count", "conferredBy"]) if (!AWARD_KEYS.includes(key)) throw new Error(`article-text: "awards.${key}" is not a schema field`);

/** A YAML scalar that reads back as exactly `value`. */
export function yamlScalar(value: Scalar): string {
  if (typeof value !== "string") return String(value);
  return JSON.stringify(value).replace(/[\u2028\u2029\u0085]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** One comment line: printable text only, one line, not too long. */
export function yamlComment(text: string, indent = ""): string {
  const line = text.replace(/[\u0000-\u001F\u007F-\u009F\u2028\u2029]/g, " ").replace(/\s+/g, " ").trim();
  return `${indent}# ${line.length > 400 ? `${line.slice(0, 399)}…` : line}`;
}

function mappingLines(entries: readonly (readonly [string, Scalar | undefined])[], indent: string): string[] {
  const present = entries.filter((e): e is readonly [string, Scalar] => e[1] !== undefined);
  return present.map(([key, value], i) => `${indent}${i === 0 ? "- " : "  "}${key}: ${yamlScalar(value)}`);
}

/** The whole file: front matter between --- lines, a blank line, the body, a final newline. */
export function articleText(input: ArticleTextInput): string {
  const out: string[] = ["---"];
  for (const line of input.header ?? []) out.push(yamlComment(line));
  const f = input.fields;
  for (const key of ORDER) {
    const comments = input.comments?.[key] ?? [];
    const value = f[key];
    const hasValue = value !== undefined && !(Array.isArray(value) && value.length === 0);
    if (!hasValue && !input.placeholders?.includes(key)) {
      // Comments about a field that has no value still matter ("no agency found").
      for (const c of comments) out.push(yamlComment(c));
      continue;
    }
    for (const c of comments) out.push(yamlComment(c));
    if (!hasValue) {
      out.push(`${key}:`);
      continue;
    }
    if (key === "officials") {
      out.push("officials:");
      for (const item of f.officials ?? []) {
        for (const c of item.comments ?? []) out.push(yamlComment(c, "  "));
        out.push(...mappingLines([["name", item.value.name], ["role", item.value.role], ["honorific", item.value.honorific], ["id", item.value.id]], "  "));
      }
    } else if (key === "awards") {
      out.push("awards:");
      for (const item of f.awards ?? []) {
        for (const c of item.comments ?? []) out.push(yamlComment(c, "  "));
        out.push(...mappingLines([["title", item.value.title], ["recipient", item.value.recipient], ["count", item.value.count], ["conferredBy", item.value.conferredBy]], "  "));
      }
    } else out.push(`${key}: ${yamlScalar(value as Scalar)}`);
  }
  out.push("---", "");
  return `${out.join("\n")}${input.body.trim()}\n`;
}

/**
 * An official or an award written the way press releases phrase them, split
 * into the schema's fields: "Ông Nguyễn Dũng – Giám đốc Trung tâm CNTT&TT"
 * is honorific, name and role; "Lao động tiên tiến – 11 cá nhân" or "Giấy
 * khen của Giám đốc Sở cho 04 cá nhân" is title, count and recipient.
 * Editors copy these lines from the release into `officials:`/`awards:` or
 * into `npm run new --official/--award`; the messages then show the fields
 * filled in with their own values instead of a generic example.
 *
 * Pure; a guess for a suggestion only, never taken as the value.
 */
import { foldDiacritics } from "../slug.ts";
import { HONORIFICS, type Honorific } from "./schema.ts";

/** The honorific an editor meant, matched without case or diacritics ("bà", "ong", "Đ/c"); undefined when none is close. */
export function honorificMeant(text: string): Honorific | undefined {
  const folded = foldDiacritics(text).toLowerCase().replace(/\s+/g, " ").trim();
  if (["d/c", "dc", "d.c", "d.c."].includes(folded)) return "Đồng chí";
  return HONORIFICS.find((h) => foldDiacritics(h).toLowerCase() === folded);
}

export interface OfficialPhrase {
  readonly name: string;
  readonly role?: string;
  readonly honorific?: Honorific;
}

export interface AwardPhrase {
  readonly title: string;
  readonly count: number;
  readonly recipient: string;
}

/** "Ông Nguyễn Dũng – Giám đốc" → its honorific, name and role; undefined when the line holds a name only. */
export function officialPhrase(text: string): OfficialPhrase | undefined {
  let rest = text.trim();
  let honorific: Honorific | undefined;
  for (const h of HONORIFICS) {
    if (rest.toLowerCase().startsWith(`${h.toLowerCase()} `)) {
      honorific = h;
      rest = rest.slice(h.length).trim();
      break;
    }
  }
  const dash = /\s[–—-]\s|,\s/.exec(rest);
  const name = dash ? rest.slice(0, dash.index).trim() : rest;
  const role = dash ? rest.slice(dash.index + dash[0].length).trim() : undefined;
  if ((!honorific && !role) || name === "") return undefined;
  return { name, ...(honorific ? { honorific } : {}), ...(role ? { role } : {}) };
}

/** "Lao động tiên tiến – 11 cá nhân", "Giấy khen cho 04 cá nhân" → title, count and recipient; undefined when no count is in it. */
export function awardPhrase(text: string): AwardPhrase | undefined {
  const m = /^(.+?)(?:\s[–—-]\s|\s+cho\s+|,\s*)(\d{1,6})\s+(.+)$/i.exec(text.trim());
  if (!m || Number(m[2]) < 1) return undefined;
  return { title: (m[1] ?? "").trim(), count: Number(m[2]), recipient: (m[3] ?? "").trim() };
}

/** A YAML double-quoted string. */
function quoted(text: string): string {
  return `"${text.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}

/** Longest suggestion shown: a longer line is not a phrase to split but a paragraph pasted by mistake. */
const MAX_SUGGESTION = 240;

/**
 * The list item an editor meant by `text` written as a plain line under
 * `officials:` or `awards:`, as one YAML line (`- { name: "…", role: "…" }`),
 * or undefined when nothing sensible can be filled in.
 */
export function listItemFromPhrase(list: "officials" | "awards", text: string): string | undefined {
  let fields: [string, string | number | undefined][];
  if (list === "officials") {
    const o = officialPhrase(text) ?? { name: text.trim() };
    fields = [["name", o.name], ["role", o.role], ["honorific", o.honorific]];
  } else {
    const a = awardPhrase(text);
    fields = a ? [["title", a.title], ["recipient", a.recipient], ["count", a.count]] : [["title", text.trim()]];
  }
  const parts = fields.flatMap(([key, value]) => (value === undefined || value === "" ? [] : [`${key}: ${typeof value === "number" ? value : quoted(value)}`]));
  const line = `- { ${parts.join(", ")} }`;
  return parts.length > 0 && line.length <= MAX_SUGGESTION ? line : undefined;
}

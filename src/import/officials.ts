/**
 * Officials named in a press release, with honorific and role.
 *
 * Two shapes carry almost all of them in provincial releases:
 * - apposition after an honorific: "Ông Nguyễn Dũng – Giám đốc Trung tâm
 *   CNTT&TT", "đồng chí Nguyễn Thiện, Phó Chủ tịch Thường trực UBND tỉnh",
 *   and lists "các đồng chí: Nguyễn Thành Tô, Phó Bí thư …, Lương Hải Âu, …";
 * - the role before the name: "Phó Chủ tịch Thường trực UBND tỉnh Nguyễn
 *   Thiện", "Chủ tịch UBND huyện Trịnh Văn Ngọc".
 * The first shape is unambiguous (an honorific then capitalised words); the
 * second needs a known surname to tell where the role ends and the name
 * begins ("huyện Vũ Quang" is a place, "huyện Trịnh Văn Ngọc" a person), so
 * officials found only that way are marked for the editor to confirm.
 * Nothing is guessed beyond the words on the page: no role means no role.
 */
import { PROVINCES } from "../provinces.ts";
import { bodyPhraseEnd, honorificAt, isNameWord, isStrongSurname, isSurname, PLACE_NOUNS, squeeze, titleAt, tokenize, type Token } from "./words.ts";

export interface FoundOfficial {
  readonly name: string;
  readonly role?: string;
  readonly honorific?: "Ông" | "Bà" | "Đồng chí";
  /** "apposition" (after an honorific: reliable) or "role-first" (role before the name: to confirm). */
  readonly shape: "apposition" | "role-first";
  /** The phrase it was read from, for the editor's check. */
  readonly phrase: string;
}

const PROVINCE_NAMES = new Set(PROVINCES.map((p) => p.name));
const MAX_NAME_WORDS = 5;

/** Length of the person's name starting at `i` (capitalised words that are not a title), 0 if fewer than two. */
function nameLength(tokens: readonly Token[], i: number): number {
  let n = 0;
  while (n < MAX_NAME_WORDS) {
    const token = tokens[i + n];
    if (!token || !isNameWord(token.text) || titleAt(tokens, i + n) > 0 || honorificAt(tokens, i + n)) break;
    n += 1;
  }
  // A longer run of capitalised words is a heading or a body's name, not a person.
  const after = tokens[i + n];
  if (after && isNameWord(after.text) && n === MAX_NAME_WORDS) return 0;
  return n >= 2 ? n : 0;
}

/** Length of a person's name at `i` that follows a role ("… UBND tỉnh Nguyễn Thiện"), 0 when the words look like a place. */
function nameAfterRole(tokens: readonly Token[], i: number): number {
  const first = tokens[i];
  if (!first || !isSurname(first.text)) return 0;
  const n = nameLength(tokens, i);
  if (n === 0) return 0;
  const name = tokens.slice(i, i + n).map((t) => t.text).join(" ");
  if (PROVINCE_NAMES.has(name)) return 0;
  const before = tokens[i - 1];
  // "huyện Vũ Quang", "tỉnh Hà Tĩnh": two words after a place noun, with a surname that also starts place names.
  if (n === 2 && !isStrongSurname(first.text) && before && PLACE_NOUNS.has(before.lower)) return 0;
  return n;
}

function slice(line: string, tokens: readonly Token[], from: number, to: number): string {
  const a = tokens[from];
  const b = tokens[to - 1];
  return a && b ? squeeze(line.slice(a.start, b.end)) : "";
}

/** The role starting at `i` (a title, then the body's name), as [end index, text]; undefined when no title starts there. */
function roleAt(line: string, tokens: readonly Token[], i: number, stopAtName: boolean): { end: number; text: string } | undefined {
  if (titleAt(tokens, i) === 0) return undefined;
  const end = bodyPhraseEnd(tokens, i, { commaTitles: true, ...(stopAtName ? { stopBefore: (k: number) => nameAfterRole(tokens, k) > 0 } : {}) });
  return end > i ? { end, text: slice(line, tokens, i, end) } : undefined;
}

/** Officials in one paragraph, in reading order. */
function officialsInLine(line: string): FoundOfficial[] {
  const tokens = tokenize(line);
  const found: FoundOfficial[] = [];
  let i = 0;
  while (i < tokens.length) {
    const honorific = honorificAt(tokens, i);
    if (honorific) {
      let k = i + honorific.length;
      if (tokens[k]?.text === ":") k += 1;
      const start = i;
      let any = false;
      // One person, or a list after a plural honorific ("các đồng chí: A, role, B, role").
      for (;;) {
        const n = nameLength(tokens, k);
        if (n === 0) break;
        const name = slice(line, tokens, k, k + n);
        let next = k + n;
        const separator = tokens[next]?.text;
        let role: { end: number; text: string } | undefined;
        if (separator === "–" || separator === "-" || separator === "—" || separator === ",") role = roleAt(line, tokens, next + 1, false);
        else role = roleAt(line, tokens, next, false);
        if (role) next = role.end;
        found.push({ name, ...(role ? { role: role.text } : {}), honorific: honorific.value, shape: "apposition", phrase: slice(line, tokens, start, next) });
        any = true;
        k = next;
        if (!honorific.plural || tokens[k]?.text !== ",") break;
        if (nameLength(tokens, k + 1) === 0) break;
        k += 1;
      }
      i = any ? k : i + honorific.length;
      continue;
    }
    const role = roleAt(line, tokens, i, true);
    if (role) {
      const n = nameAfterRole(tokens, role.end);
      if (n > 0) {
        const name = slice(line, tokens, role.end, role.end + n);
        found.push({ name, role: role.text, shape: "role-first", phrase: slice(line, tokens, i, role.end + n) });
        i = role.end + n;
        continue;
      }
      i = Math.max(role.end, i + 1);
      continue;
    }
    i += 1;
  }
  return found;
}

/**
 * Every official named in the paragraphs, once each (by name), in order of
 * first mention. A mention after an honorific wins over a role-first one
 * (its role is stated outright); otherwise the first mention's role is kept.
 */
export function extractOfficials(paragraphs: readonly string[]): FoundOfficial[] {
  const byName = new Map<string, FoundOfficial>();
  for (const paragraph of paragraphs) {
    for (const line of paragraph.split("\n")) {
      for (const official of officialsInLine(line)) {
        const known = byName.get(official.name);
        if (!known) {
          byName.set(official.name, official);
          continue;
        }
        const better = known.shape === "role-first" && official.shape === "apposition" && official.role ? official : known;
        const honorific = better.honorific ?? known.honorific ?? official.honorific;
        const role = better.role ?? known.role ?? official.role;
        byName.set(official.name, { ...better, ...(honorific ? { honorific } : {}), ...(role ? { role } : {}) });
      }
    }
  }
  return [...byName.values()];
}

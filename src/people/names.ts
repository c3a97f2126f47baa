/**
 * Vietnamese personal names: the normal form that decides identity, and the
 * Vietnamese sort order.
 *
 * Two mentions name the same person when their names are equal after
 * normalisation: Unicode NFC (macOS and some Word exports give NFD), every
 * kind of space folded to one (NBSP, thin spaces, zero-width characters from
 * web forms removed), surrounding punctuation dropped, case ignored, and
 * honorifics and titles written inside the name removed ("Ông Nguyễn Dũng",
 * "Đ/c Lương Hải Âu", "TS. Phan Tấn Linh").
 *
 * Vietnamese names are written family name first, given name last
 * ("Trần Thị Bích Thủy": family Trần, given Thủy), and are sorted by the
 * given name, then the family name, then the middle names, with Vietnamese
 * collation (a < ă < â, d < đ, o < ô < ơ, u < ư: `Intl.Collator("vi")`,
 * which Node's full ICU provides; test/people.test.ts checks it does).
 */
import { HONORIFICS, type Honorific } from "../content/schema.ts";

/** Characters that are not letters or marks but sneak into pasted names: zero-width space/joiners, word joiner, BOM, soft hyphen. */
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;
/** Punctuation an editor may leave around a name ("Nguyễn Dũng,", "– Nguyễn Dũng"). */
const EDGE_PUNCTUATION = /^[\s.,;:·•\-–—]+|[\s.,;:·•\-–—]+$/gu;

/**
 * Words written before a name that are not part of it, lowercase, longest
 * first: the schema's honorifics, their abbreviation "Đ/c", and academic or
 * professional titles that press releases put in front of names. A prefix
 * is removed only when a name of at least two words remains, so a name is
 * never reduced to nothing.
 */
interface Prefix {
  readonly text: string;
  readonly honorific?: Honorific;
}
const PREFIX_LIST: readonly Prefix[] = [
  { text: "đồng chí", honorific: "Đồng chí" },
  { text: "đ/c", honorific: "Đồng chí" },
  { text: "đ.c", honorific: "Đồng chí" },
  { text: "ông", honorific: "Ông" },
  { text: "bà", honorific: "Bà" },
  { text: "pgs.ts" },
  { text: "gs.ts" },
  { text: "gs.tskh" },
  { text: "tskh" },
  { text: "pgs" },
  { text: "gs" },
  { text: "ths" },
  { text: "ts" },
  { text: "bs" },
  { text: "ks" },
  { text: "ls" },
];
const PREFIXES: readonly Prefix[] = [...PREFIX_LIST].sort((a, b) => b.text.length - a.text.length);

/** A name in its normal forms. */
export interface NormalName {
  /** The name as displayed: NFC, single spaces, honorifics and titles removed, the editor's case kept. */
  readonly display: string;
  /** The identity key: `display` in lowercase. */
  readonly key: string;
  /** The honorific found inside the name, if any ("Ông Nguyễn Dũng" → "Ông"). */
  readonly honorific?: Honorific;
}

/** Removes one leading honorific or title (with its "." or space) when a name of two or more words remains. */
function stripPrefix(name: string): { rest: string; honorific?: Honorific } {
  const lower = name.toLowerCase();
  for (const prefix of PREFIXES) {
    if (!lower.startsWith(prefix.text)) continue;
    const after = name.slice(prefix.text.length);
    // The prefix must end at a word boundary: a dot and/or spaces ("TS.Nguyễn", "Ông Nguyễn").
    const boundary = /^\.?\s+|^\./.exec(after);
    if (!boundary) continue;
    const rest = after.slice(boundary[0].length).trim();
    if (rest.split(" ").length < 2) continue;
    return { rest, ...(prefix.honorific ? { honorific: prefix.honorific } : {}) };
  }
  return { rest: name };
}

/**
 * Normalises an official's name for identity and display.
 * Honorifics and titles are removed repeatedly ("Đồng chí PGS.TS Nguyễn Văn A").
 * Returns an empty `key` for a name with no letters left (callers treat it as no name).
 */
export function normaliseName(raw: string): NormalName {
  let name = raw.normalize("NFC").replace(INVISIBLE, "").replace(/\s+/gu, " ").replace(EDGE_PUNCTUATION, "");
  let honorific: Honorific | undefined;
  for (let i = 0; i < 4; i++) {
    const stripped = stripPrefix(name);
    if (stripped.rest === name) break;
    name = stripped.rest;
    honorific ??= stripped.honorific;
  }
  return { display: name, key: name.toLowerCase(), ...(honorific ? { honorific } : {}) };
}

/** True when `value` is one of the schema's honorifics (for data read back from JSON). */
export function isHonorific(value: string): value is Honorific {
  return (HONORIFICS as readonly string[]).includes(value);
}

const collator = new Intl.Collator("vi");

/** The parts a Vietnamese name sorts by: given name, family name, middle names. */
export interface NameSortKey {
  readonly given: string;
  readonly family: string;
  readonly middle: string;
}

/** "Trần Thị Bích Thủy" → { given: "Thủy", family: "Trần", middle: "Thị Bích" }; a one-word name is its given name. */
export function nameSortKey(display: string): NameSortKey {
  const words = display.split(" ");
  if (words.length < 2) return { given: display, family: "", middle: "" };
  return { given: words[words.length - 1] ?? "", family: words[0] ?? "", middle: words.slice(1, -1).join(" ") };
}

/** Vietnamese order of two sort keys: given name, then family name, then middle names (Vietnamese collation). */
export function compareNameKeys(a: NameSortKey, b: NameSortKey): number {
  return collator.compare(a.given, b.given) || collator.compare(a.family, b.family) || collator.compare(a.middle, b.middle);
}

/** Vietnamese order of two names as displayed. */
export function compareVietnameseNames(a: string, b: string): number {
  return compareNameKeys(nameSortKey(a), nameSortKey(b)) || collator.compare(a, b);
}

/** Vietnamese collation of any two texts (titles, province names). */
export function compareVietnamese(a: string, b: string): number {
  return collator.compare(a, b);
}

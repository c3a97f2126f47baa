/**
 * Which provincial unit a release is about, from the names in its text.
 *
 * Names are matched on diacritics-folded text (so "Thanh Hoá" finds Thanh
 * Hóa and "Dak Lak" Đắk Lắk) but only where the original words are
 * capitalised ("bình định" the verb is not Bình Định). A mention after
 * "tỉnh", "thành phố" or "TP." counts three times a bare one; Hồ Chí Minh
 * and Huế count only after such a word ("tư tưởng Hồ Chí Minh" is not the
 * city). A few provincial newspapers sign their releases with a short tag
 * ("(BDO)" is Báo Bình Dương): a tag counts as a weak mention.
 *
 * The registry's 2025 rules then apply: a unit that had merged or been
 * renamed by the article's date becomes its successor, and Huế before 2025
 * is Thừa Thiên Huế — both with a note for the editor.
 */
import { getProvince, PROVINCES, type ProvinceUnit } from "../provinces.ts";
import { foldDiacritics } from "../slug.ts";

export interface ProvinceGuess {
  readonly id: string;
  /** "named": found after tỉnh/thành phố; "bare": the name alone; "tag": a newspaper's tag. */
  readonly evidence: "named" | "bare" | "tag";
  /** Another unit is mentioned almost as often. */
  readonly ambiguous: boolean;
  /** The newspaper tag, when that is the evidence ("BDO"). */
  readonly tag?: string;
  /** The id the text named, when the date moved it to a successor (binh-duong → ho-chi-minh). */
  readonly movedFrom?: string;
}

/** Newspaper tags at the start of a release, as the papers write them. */
const NEWSPAPER_TAGS: ReadonlyMap<string, string> = new Map([
  ["BDO", "binh-duong"],
  ["GLO", "gia-lai"],
  ["QNO", "quang-nam"],
  ["BQNG", "quang-ngai"],
  ["HBĐT", "hoa-binh"],
]);

const NEEDS_KIND_WORD = new Set(["ho-chi-minh", "hue"]);
const KIND_WORD = /(?:tỉnh|thành phố|tp\.?|t\.p\.?)\s*$/iu;

interface Pattern {
  readonly unit: ProvinceUnit;
  readonly folded: string;
}

/** Folded, lowercased, with every dash and run of spaces as one space: "ba ria vung tau". */
function fold(text: string): string {
  return foldDiacritics(text).toLowerCase().replace(/[–—-]/g, " ");
}

// Longest names first, so "Thừa Thiên Huế" is taken before "Huế".
const PATTERNS: readonly Pattern[] = PROVINCES.map((unit) => ({ unit, folded: fold(unit.name).replace(/\s+/g, " ") })).sort((a, b) => b.folded.length - a.folded.length);

/**
 * Scores every unit named in `text`; returns the best, or undefined.
 * `date` ("2016-12-09") applies the merger and renaming rules.
 */
export function findProvince(text: string, date: string | undefined): ProvinceGuess | undefined {
  // Offsets in the folded text must match the original's: NFC Vietnamese folds letter for letter, so
  // one pass over the whole text does; anything else is folded per code point.
  const whole = fold(text);
  let folded: string;
  let original: string;
  if (whole.length === text.length) {
    folded = whole.replace(/\s/g, " ");
    original = text;
  } else {
    const chars = [...text];
    folded = chars.map((c) => {
      const f = fold(c);
      return f.length === 1 ? f : c.length === 1 ? c.toLowerCase() : " ";
    }).join("").replace(/\s/g, " ");
    original = chars.map((c) => (c.length === 1 ? c : " ")).join("");
  }
  const scores = new Map<string, { score: number; named: boolean }>();
  const taken = new Array<boolean>(folded.length).fill(false);
  const add = (id: string, score: number, named: boolean): void => {
    const s = scores.get(id) ?? { score: 0, named: false };
    scores.set(id, { score: s.score + score, named: s.named || named });
  };
  for (const { unit, folded: name } of PATTERNS) {
    const pattern = new RegExp(`(?<![a-z0-9])${name.replace(/ /g, " +")}(?![a-z0-9])`, "g");
    for (const m of folded.matchAll(pattern)) {
      const start = m.index;
      const end = start + m[0].length;
      if (taken.slice(start, end).some(Boolean)) continue;
      const words = original.slice(start, end).split(/[\s–—-]+/).filter(Boolean);
      if (!words.every((w) => /^\p{Lu}/u.test(w))) continue;
      const named = KIND_WORD.test(original.slice(Math.max(0, start - 12), start));
      if (NEEDS_KIND_WORD.has(unit.id) && !named) continue;
      for (let k = start; k < end; k++) taken[k] = true;
      add(unit.id, named ? 3 : 1, named);
    }
  }
  const tag = /(?:^|\n)\s*\(([\p{Lu}]{2,6})\)/u.exec(text);
  const tagged = tag ? NEWSPAPER_TAGS.get((tag[1] ?? "").toUpperCase()) : undefined;
  if (tagged) add(tagged, 1, false);
  const ranked = [...scores].sort((a, b) => b[1].score - a[1].score || (a[0] < b[0] ? -1 : 1));
  const best = ranked[0];
  if (!best) return undefined;
  const second = ranked[1];
  const ambiguous = second !== undefined && second[1].score * 2 > best[1].score;
  const evidence = best[1].named ? "named" : tagged === best[0] && best[1].score === 1 ? "tag" : "bare";
  return { ...inForceOn(best[0], date), evidence, ambiguous, ...(evidence === "tag" && tag?.[1] ? { tag: tag[1] } : {}) };
}

/** The unit in force on `date` for a unit the text names: its successor after a merger or renaming, Thừa Thiên Huế for Huế before 2025. */
export function inForceOn(id: string, date: string | undefined): { id: string; movedFrom?: string } {
  if (!date) return { id };
  const day = date.slice(0, 10);
  let unit = getProvince(id);
  let moved = false;
  while (unit?.successor && unit.successorSince && day >= unit.successorSince) {
    unit = getProvince(unit.successor);
    moved = true;
  }
  if (unit && !moved) {
    // A successor by renaming did not exist before the renaming: Huế before 2025 is Thừa Thiên Huế.
    const renamedFrom = PROVINCES.find((p) => p.successor === unit?.id && p.change === "renamed" && p.successorSince && day < p.successorSince);
    if (renamedFrom) return { id: renamedFrom.id, movedFrom: id };
  }
  return unit && moved ? { id: unit.id, movedFrom: id } : { id };
}

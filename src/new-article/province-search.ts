/**
 * The province list `npm run new` offers, and search-as-you-type over it.
 *
 * The list is the registry's units in force on the article's date — the 63
 * (with Thừa Thiên Huế before 2025) before the 2025 merger, the 34 after —
 * so a former unit can only be chosen for a date when it still existed, which
 * is the rule the content loader enforces. A current unit is also found by
 * the names of the units merged into it ("binh duong" finds Hồ Chí Minh for
 * a 2026 article). Matching ignores case and diacritics, "đ" included, and
 * every typed word must match (in any order).
 */
import { formerUnitsOf, getProvince, PROVINCES, type ProvinceUnit } from "../provinces.ts";
import { foldDiacritics } from "../slug.ts";
import { t } from "../messages/index.ts";

export interface ProvinceChoice {
  readonly id: string;
  /** What the editor sees: "Gia Lai (gồm cả Bình Định cũ)", "Bình Định (đến 30/06/2025, nay thuộc Gia Lai)". */
  readonly label: string;
  /** Folded words searched: id, name, names of merged units. */
  readonly search: string;
}

const fold = (text: string): string => foldDiacritics(text).toLowerCase();

/** Whether `unit` was in force on `day` ("2016-11-29"). */
export function inForce(unit: ProvinceUnit, day: string): boolean {
  if (unit.successorSince && day >= unit.successorSince) return false;
  // A unit created by renaming did not exist before the renaming (Huế before 2025 was Thừa Thiên Huế).
  const renamedFrom = PROVINCES.find((p) => p.successor === unit.id && p.change === "renamed");
  return !(renamedFrom?.successorSince && day < renamedFrom.successorSince);
}

/** The units an article dated `day` can name, labelled, in Vietnamese order. */
export function provinceChoices(day: string): ProvinceChoice[] {
  return PROVINCES.filter((unit) => inForce(unit, day)).map((unit) => {
    const merged = formerUnitsOf(unit.id).filter((f) => f.successorSince !== undefined && day >= f.successorSince);
    let label = unit.name;
    if (unit.successor && unit.successorSince) {
      const [y, m, d] = unit.successorSince.split("-").map(Number);
      const last = new Date(Date.UTC(y ?? 0, (m ?? 1) - 1, (d ?? 1) - 1));
      const until = `${String(last.getUTCDate()).padStart(2, "0")}/${String(last.getUTCMonth() + 1).padStart(2, "0")}/${last.getUTCFullYear()}`;
      label = t("new.province.until", { name: unit.name, successor: getProvince(unit.successor)?.name ?? unit.successor, until });
    } else if (merged.length > 0) label = t("new.province.current", { name: unit.name, formers: merged.map((f) => f.name).join(", ") });
    return { id: unit.id, label: `${label} — ${unit.id}`, search: fold([unit.id, unit.name, ...merged.map((f) => `${f.id} ${f.name}`)].join(" ")) };
  });
}

/** Choices matching what was typed, best first: every word must occur; names starting with the query come first. */
export function searchProvinces(choices: readonly ProvinceChoice[], query: string): ProvinceChoice[] {
  const words = fold(query).split(/[\s,-]+/).filter(Boolean);
  if (words.length === 0) return [...choices];
  const hits = choices.filter((c) => words.every((w) => c.search.includes(w)));
  const joined = words.join(" ");
  const rank = (c: ProvinceChoice): number => (c.search.startsWith(joined) || c.id.startsWith(words.join("-")) ? 0 : c.search.includes(` ${words[0] ?? ""}`) || c.search.startsWith(words[0] ?? "") ? 1 : 2);
  return hits.map((c, i) => ({ c, i, r: rank(c) })).sort((a, b) => a.r - b.r || a.i - b.i).map((x) => x.c);
}

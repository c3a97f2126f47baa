/**
 * Registry of Vietnamese provincial-level units (đơn vị hành chính cấp tỉnh).
 *
 * Covers three layers of history:
 * - the 63 units as they stood on 30 June 2025 (57 tỉnh + 6 thành phố trực
 *   thuộc trung ương, Huế having become a centrally-run city on 1 January 2025);
 * - the former province Thừa Thiên Huế, renamed to Huế on 1 January 2025
 *   (kept so older articles can still name it; not counted in the 63 or the 34);
 * - the 34 units in force since 1 July 2025 under Resolution 202/2025/QH15,
 *   where each merged unit keeps the id of its surviving (first-listed) unit.
 *
 * Pure data module: no I/O, no Eleventy. Everything a per-article call needs
 * is precomputed at module load, so lookups are O(1).
 *
 * Names are in Vietnamese with diacritics in Unicode NFC; ids are the ASCII
 * slug of the name (see `slugify`). Ids are written out literally rather than
 * derived, so they stay stable even if slug rules change; the tests check that
 * they still equal `slugify(name)`.
 */

import { editDistance } from "./edit-distance.ts";
import { slugify } from "./slug.ts";

/** "tinh" = tỉnh (province); "thanh-pho" = thành phố trực thuộc trung ương (centrally-run city). */
export type ProvinceKind = "tinh" | "thanh-pho";

/** One provincial-level unit, current or former. */
export interface ProvinceUnit {
  /** ASCII slug of `name`, e.g. "ba-ria-vung-tau". */
  readonly id: string;
  /** Vietnamese name without the "Tỉnh"/"Thành phố" prefix, e.g. "Bà Rịa – Vũng Tàu". */
  readonly name: string;
  readonly kind: ProvinceKind;
  /** One of the 34 units in force since 2025-07-01. */
  readonly current: boolean;
  /** One of the 63 units in force on 2025-06-30. */
  readonly in63: boolean;
  /** For a former unit: id of the unit it became part of or was renamed to. */
  readonly successor?: string;
  /** ISO date on which `successor` took effect: "2025-07-01" or "2025-01-01". */
  readonly successorSince?: string;
  /** How the unit ended: absorbed into `successor`, or renamed to it. */
  readonly change?: "merged" | "renamed";
}

/** Effective date of Resolution 202/2025/QH15 (63 → 34 units). */
export const MERGER_DATE = "2025-07-01";

/** Date on which Thừa Thiên Huế province became the centrally-run city of Huế. */
export const HUE_CITY_DATE = "2025-01-01";

// ---------------------------------------------------------------------------
// Raw data
// ---------------------------------------------------------------------------

/** A unit among the 34 that also existed among the 63 (all 34 do). */
function kept(id: string, name: string, kind: ProvinceKind = "tinh"): ProvinceUnit {
  return { id, name, kind, current: true, in63: true };
}

/** A unit among the 63 absorbed into `successor` by Resolution 202/2025/QH15. */
function absorbed(id: string, name: string, successor: string): ProvinceUnit {
  return {
    id,
    name,
    kind: "tinh",
    current: false,
    in63: true,
    successor,
    successorSince: MERGER_DATE,
    change: "merged",
  };
}

// Grouped by the current unit; the final array is sorted below.
const RAW_UNITS: readonly ProvinceUnit[] = [
  // 11 units unchanged on 2025-07-01.
  kept("ha-noi", "Hà Nội", "thanh-pho"),
  kept("hue", "Huế", "thanh-pho"),
  kept("lai-chau", "Lai Châu"),
  kept("dien-bien", "Điện Biên"),
  kept("son-la", "Sơn La"),
  kept("lang-son", "Lạng Sơn"),
  kept("quang-ninh", "Quảng Ninh"),
  kept("thanh-hoa", "Thanh Hóa"),
  kept("nghe-an", "Nghệ An"),
  kept("ha-tinh", "Hà Tĩnh"),
  kept("cao-bang", "Cao Bằng"),

  // Huế before 2025-01-01.
  {
    id: "thua-thien-hue",
    name: "Thừa Thiên Huế",
    kind: "tinh",
    current: false,
    in63: false,
    successor: "hue",
    successorSince: HUE_CITY_DATE,
    change: "renamed",
  },

  // 23 surviving units of Resolution 202/2025/QH15 and the 29 units they absorbed.
  kept("tuyen-quang", "Tuyên Quang"),
  absorbed("ha-giang", "Hà Giang", "tuyen-quang"),

  kept("lao-cai", "Lào Cai"),
  absorbed("yen-bai", "Yên Bái", "lao-cai"),

  kept("thai-nguyen", "Thái Nguyên"),
  absorbed("bac-kan", "Bắc Kạn", "thai-nguyen"),

  kept("phu-tho", "Phú Thọ"),
  absorbed("vinh-phuc", "Vĩnh Phúc", "phu-tho"),
  absorbed("hoa-binh", "Hòa Bình", "phu-tho"),

  kept("bac-ninh", "Bắc Ninh"),
  absorbed("bac-giang", "Bắc Giang", "bac-ninh"),

  kept("hung-yen", "Hưng Yên"),
  absorbed("thai-binh", "Thái Bình", "hung-yen"),

  kept("ninh-binh", "Ninh Bình"),
  absorbed("ha-nam", "Hà Nam", "ninh-binh"),
  absorbed("nam-dinh", "Nam Định", "ninh-binh"),

  kept("quang-tri", "Quảng Trị"),
  absorbed("quang-binh", "Quảng Bình", "quang-tri"),

  kept("quang-ngai", "Quảng Ngãi"),
  absorbed("kon-tum", "Kon Tum", "quang-ngai"),

  kept("gia-lai", "Gia Lai"),
  absorbed("binh-dinh", "Bình Định", "gia-lai"),

  kept("khanh-hoa", "Khánh Hòa"),
  absorbed("ninh-thuan", "Ninh Thuận", "khanh-hoa"),

  kept("lam-dong", "Lâm Đồng"),
  absorbed("dak-nong", "Đắk Nông", "lam-dong"),
  absorbed("binh-thuan", "Bình Thuận", "lam-dong"),

  kept("dak-lak", "Đắk Lắk"),
  absorbed("phu-yen", "Phú Yên", "dak-lak"),

  kept("dong-nai", "Đồng Nai"),
  absorbed("binh-phuoc", "Bình Phước", "dong-nai"),

  kept("tay-ninh", "Tây Ninh"),
  absorbed("long-an", "Long An", "tay-ninh"),

  kept("vinh-long", "Vĩnh Long"),
  absorbed("ben-tre", "Bến Tre", "vinh-long"),
  absorbed("tra-vinh", "Trà Vinh", "vinh-long"),

  kept("dong-thap", "Đồng Tháp"),
  absorbed("tien-giang", "Tiền Giang", "dong-thap"),

  kept("ca-mau", "Cà Mau"),
  absorbed("bac-lieu", "Bạc Liêu", "ca-mau"),

  kept("an-giang", "An Giang"),
  absorbed("kien-giang", "Kiên Giang", "an-giang"),

  kept("hai-phong", "Hải Phòng", "thanh-pho"),
  absorbed("hai-duong", "Hải Dương", "hai-phong"),

  kept("da-nang", "Đà Nẵng", "thanh-pho"),
  absorbed("quang-nam", "Quảng Nam", "da-nang"),

  kept("ho-chi-minh", "Hồ Chí Minh", "thanh-pho"),
  absorbed("binh-duong", "Bình Dương", "ho-chi-minh"),
  absorbed("ba-ria-vung-tau", "Bà Rịa – Vũng Tàu", "ho-chi-minh"),

  kept("can-tho", "Cần Thơ", "thanh-pho"),
  absorbed("soc-trang", "Sóc Trăng", "can-tho"),
  absorbed("hau-giang", "Hậu Giang", "can-tho"),
];

// ---------------------------------------------------------------------------
// Precomputed tables
// ---------------------------------------------------------------------------

const collator = new Intl.Collator("vi");

/** Compares units by Vietnamese collation of their names (ties broken by id). */
function byName(a: ProvinceUnit, b: ProvinceUnit): number {
  return collator.compare(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * Every known unit (the 63, plus Thừa Thiên Huế), frozen and sorted by
 * Vietnamese collation of `name`.
 */
export const PROVINCES: readonly ProvinceUnit[] = Object.freeze(
  RAW_UNITS.map((unit) => Object.freeze({ ...unit })).sort(byName),
);

/** The 34 units in force since 2025-07-01, sorted by name. */
export const CURRENT_PROVINCES: readonly ProvinceUnit[] = Object.freeze(
  PROVINCES.filter((unit) => unit.current),
);

/** The 63 units in force on 2025-06-30, sorted by name. */
export const PROVINCES_63: readonly ProvinceUnit[] = Object.freeze(
  PROVINCES.filter((unit) => unit.in63),
);

const byId = new Map<string, ProvinceUnit>();
for (const unit of PROVINCES) {
  if (byId.has(unit.id)) throw new Error(`provinces: duplicate id "${unit.id}"`);
  byId.set(unit.id, unit);
}

/** The chain of units from `unit` to the one in force today, `unit` first. */
function successorChain(unit: ProvinceUnit): ProvinceUnit[] {
  const chain = [unit];
  let cursor = unit;
  while (cursor.successor !== undefined) {
    const next = byId.get(cursor.successor);
    if (!next) throw new Error(`provinces: "${cursor.id}" has unknown successor "${cursor.successor}"`);
    if (chain.includes(next)) throw new Error(`provinces: successor cycle at "${unit.id}"`);
    chain.push(next);
    cursor = next;
  }
  if (!cursor.current) throw new Error(`provinces: chain from "${unit.id}" ends at non-current "${cursor.id}"`);
  return chain;
}

const chainById = new Map<string, readonly ProvinceUnit[]>();
const listingIdsById = new Map<string, readonly string[]>();
const labelById = new Map<string, string>();
const formersByCurrentIdDraft = new Map<string, ProvinceUnit[]>();

for (const unit of PROVINCES) {
  const chain = Object.freeze(successorChain(unit));
  chainById.set(unit.id, chain);
  listingIdsById.set(unit.id, Object.freeze(chain.map((u) => u.id)));
  labelById.set(unit.id, computeLabel(unit, chain));
  const current = chain[chain.length - 1] ?? unit;
  if (current !== unit) {
    const formers = formersByCurrentIdDraft.get(current.id) ?? [];
    formers.push(unit); // PROVINCES is sorted, so each list stays sorted
    formersByCurrentIdDraft.set(current.id, formers);
  }
}

const formersByCurrentId = new Map<string, readonly ProvinceUnit[]>(
  [...formersByCurrentIdDraft].map(([id, formers]) => [id, Object.freeze(formers)]),
);
const NO_UNITS: readonly ProvinceUnit[] = Object.freeze([]);

/** Label text from a unit and its successor chain (`unit` first, current unit last). */
function computeLabel(unit: ProvinceUnit, chain: readonly ProvinceUnit[]): string {
  const current = chain[chain.length - 1] ?? unit;
  if (current === unit) return unit.name;
  // "nay là" only when every step was a pure rename; any merger means "nay thuộc".
  const renamedOnly = chain.slice(0, -1).every((u) => u.change === "renamed");
  return `${unit.name}, ${renamedOnly ? "nay là" : "nay thuộc"} ${current.name}`;
}

// ---------------------------------------------------------------------------
// Lookups
// ---------------------------------------------------------------------------

/** Thrown for an id that is not in the registry; carries "did you mean" suggestions. */
export class UnknownProvinceError extends Error {
  readonly id: string;
  readonly suggestions: readonly string[];
  constructor(id: string) {
    const suggestions = suggestProvinceIds(id);
    const hint = suggestions.length > 0 ? ` Did you mean: ${suggestions.join(", ")}?` : "";
    super(`Unknown province id "${id}".${hint}`);
    this.name = "UnknownProvinceError";
    this.id = id;
    this.suggestions = suggestions;
  }
}

/** The unit with this id (current or former), or undefined. O(1). */
export function getProvince(id: string): ProvinceUnit | undefined {
  return byId.get(id);
}

/** Whether `id` is a known unit id (current or former). */
export function isProvinceId(id: string): boolean {
  return byId.has(id);
}

/**
 * Follows successor links to the unit in force today
 * (thua-thien-hue → hue; binh-duong → ho-chi-minh; gia-lai → gia-lai).
 * @throws {UnknownProvinceError} for an unknown id.
 */
export function currentUnitOf(id: string): ProvinceUnit {
  const chain = chainById.get(id);
  const current = chain?.[chain.length - 1];
  if (!current) throw new UnknownProvinceError(id);
  return current;
}

/**
 * Former units whose current unit is `currentId`, sorted by name
 * (hue → [thua-thien-hue]; gia-lai → [binh-dinh]).
 * Returns an empty array for a unit that absorbed nothing, for a former
 * unit's id, and for an unknown id.
 */
export function formerUnitsOf(currentId: string): readonly ProvinceUnit[] {
  return formersByCurrentId.get(currentId) ?? NO_UNITS;
}

/** Official full name: "Tỉnh Gia Lai", "Thành phố Hải Phòng", "Thành phố Hồ Chí Minh". */
export function provinceFullName(unit: ProvinceUnit): string {
  return `${unit.kind === "thanh-pho" ? "Thành phố" : "Tỉnh"} ${unit.name}`;
}

/**
 * Display label for an article's province: "Gia Lai" for a current unit;
 * "Bình Định, nay thuộc Gia Lai" for a merged one; "Thừa Thiên Huế, nay là
 * Huế" for a renamed one.
 * @throws {UnknownProvinceError} for a unit whose successor chain is unknown.
 */
export function provinceLabel(unit: ProvinceUnit): string {
  // Fast path: a unit object from this registry.
  if (byId.get(unit.id) === unit) return labelById.get(unit.id) ?? unit.name;
  // Any other object: derive from its own successor link.
  if (unit.successor === undefined) return unit.name;
  const rest = chainById.get(unit.successor);
  if (!rest) throw new UnknownProvinceError(unit.successor);
  return computeLabel(unit, [unit, ...rest]);
}

/**
 * The ids an article with this province should be listed under: its own id
 * and, for a former unit, every successor up to the current one
 * (gia-lai → ["gia-lai"]; binh-dinh → ["binh-dinh", "gia-lai"]).
 * @throws {UnknownProvinceError} for an unknown id.
 */
export function listingProvinceIds(id: string): readonly string[] {
  const ids = listingIdsById.get(id);
  if (!ids) throw new UnknownProvinceError(id);
  return ids;
}

// ---------------------------------------------------------------------------
// "Did you mean" suggestions
// ---------------------------------------------------------------------------

/** Common informal names and abbreviations, as slugs, mapped to ids. */
const ALIASES: ReadonlyMap<string, string> = new Map([
  ["hcm", "ho-chi-minh"],
  ["hcmc", "ho-chi-minh"],
  ["tphcm", "ho-chi-minh"],
  ["sai-gon", "ho-chi-minh"],
  ["saigon", "ho-chi-minh"],
  ["ho-chi-minh-city", "ho-chi-minh"],
  ["hn", "ha-noi"],
  ["hanoi", "ha-noi"],
  ["brvt", "ba-ria-vung-tau"],
  ["vung-tau", "ba-ria-vung-tau"],
  ["tt-hue", "thua-thien-hue"],
  ["da-lat", "lam-dong"],
]);

/** Prefixes and suffixes that name the kind of unit rather than the unit itself. */
const NOISE_PREFIX = /^(?:tinh|thanh-pho|tp|t-p|province-of|city-of)-/;
const NOISE_SUFFIX = /-(?:province|city|tinh)$/;

const compact = (slug: string): string => slug.replace(/-/g, "");

/** Ids keyed by their hyphen-less form ("gialai" → "gia-lai"). */
const byCompactId = new Map<string, string>();
for (const unit of PROVINCES) byCompactId.set(compact(unit.id), unit.id);

/** Exact match of a normalised slug against ids, compact ids and aliases. */
function exactMatch(slug: string): string | undefined {
  if (byId.has(slug)) return slug;
  return ALIASES.get(slug) ?? byCompactId.get(compact(slug)) ?? ALIASES.get(compact(slug));
}

/**
 * Closest known ids for a mistyped one, best first, at most 3. Accepts ids,
 * names ("Gia Lai"), hyphen-less forms ("gialai"), "Tỉnh …"/"TP …" prefixes and
 * a few common aliases ("hcm", "Sài Gòn"). An exact match returns just that id;
 * otherwise ids within a small edit distance (ranked by distance, then id),
 * then ids that start with the input, shortest first ("quang" → "quang-nam", …).
 * Used by "did you mean" errors; not performance-critical.
 */
export function suggestProvinceIds(input: string): string[] {
  const slug = slugify(input.normalize("NFC"));
  if (slug === "") return [];
  const stripped = slug.replace(NOISE_PREFIX, "").replace(NOISE_SUFFIX, "");

  for (const candidate of [slug, stripped]) {
    const hit = exactMatch(candidate);
    if (hit !== undefined) return [hit];
  }

  // Tier 0: within edit distance; tier 1: id starts with the input ("quang" → "quang-nam").
  // Within a tier, smaller distance first (for tier 1: shorter completion first).
  const maxDistance = Math.max(2, Math.floor(stripped.length / 3));
  const scored: { id: string; tier: number; distance: number }[] = [];
  for (const unit of PROVINCES) {
    const distance = Math.min(
      editDistance(stripped, unit.id),
      editDistance(compact(stripped), compact(unit.id)),
    );
    if (distance <= maxDistance) scored.push({ id: unit.id, tier: 0, distance });
    else if (stripped.length >= 3 && unit.id.startsWith(stripped)) scored.push({ id: unit.id, tier: 1, distance });
  }
  scored.sort(
    (a, b) => a.tier - b.tier || a.distance - b.distance || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  return scored.slice(0, 3).map((s) => s.id);
}

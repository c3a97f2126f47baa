/**
 * Article dates: parsing editor input, explaining what is wrong with a date
 * that does not parse, and formatting dates in Vietnamese.
 *
 * Front matter is parsed with YAML's core schema, so `date: 2016-11-29` stays
 * the string "2016-11-29" instead of becoming a JavaScript Date at UTC
 * midnight (which shifts to the previous or next day in other time zones).
 * A value without an offset is Vietnam time, and every date is shown and
 * published with the +07:00 offset, as README promises. That is Vietnam's
 * offset since 13 June 1975; the IANA zone would give earlier articles
 * +08:00 or +07:06:40 (historical South Vietnamese and local mean time),
 * which no editor means when writing 1970-01-01, and Luxon resolving an IANA
 * zone through Intl was also the largest single cost of loading 10,000
 * articles, so a fixed offset is used for every date.
 *
 * Only dates from 1945 (the earliest year a provincial press release can
 * have) to the end of next year are accepted: a year-9999 typo would
 * otherwise top the home page for ever.
 */
import { DateTime, FixedOffsetZone } from "luxon";

/** Vietnam's offset from UTC in minutes: fixed, no daylight saving. */
const VIETNAM_MINUTES = 7 * 60;
const VIETNAM = FixedOffsetZone.instance(VIETNAM_MINUTES);

/** The earliest year an article date may have. */
export const MIN_ARTICLE_YEAR = 1945;

/**
 * The calendar year in Vietnam at `now`. By arithmetic on the fixed +07:00
 * offset, not Luxon: the loader asks once per article, and Luxon's first
 * use starts Intl's time-zone data (0.3 s of a warm `npm run check`).
 */
export function vietnamYear(now: number = Date.now()): number {
  return new Date(now + 7 * 3_600_000).getUTCFullYear();
}

/** The latest year an article date may have: next year in Vietnam, at `now`. */
export function maxArticleYear(now: number = Date.now()): number {
  return vietnamYear(now) + 1;
}

/** A validated article date. */
export interface ArticleDate {
  /** ISO 8601 with the +07:00 offset, e.g. "2016-11-29T14:00:00+07:00". */
  readonly iso: string;
  /** Milliseconds since the epoch, for sorting. */
  readonly timestamp: number;
  /** Calendar year in Vietnam. */
  readonly year: number;
  /** "2016-11-29", the calendar date in Vietnam. */
  readonly day: string;
  /** Whether the editor gave a time of day. */
  readonly hasTime: boolean;
}

export const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
export const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?(Z|[+-]\d{2}:?\d{2})?$/;

const DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(Z|[+-](?:0\d|1[0-4]):?[0-5]\d)?)?$/;
const MINUTE_MS = 60_000;
const two = (n: number): string => String(n).padStart(2, "0");

/**
 * {@link parseArticleDate} by arithmetic instead of Luxon, for the
 * usual date: the wall-clock time at the offset written (Vietnam's +07:00,
 * a fixed offset, when none), then the same moment in Vietnam, which every
 * date is shown in. Undefined for anything unusual (a day the month does
 * not have, an hour 24, a year before 1000, white space around it): then
 * parseArticleDate answers. Why: Luxon's parse and formatting were ~0.07 ms
 * an article of the build's parse (10,000 generated articles,
 * `node --cpu-prof` over scripts/bench-parse.ts: 1.4 s of 21.8 s);
 * test/parse-shortcuts.test.ts compares the two on every kind of date.
 */
export function quickArticleDate(text: string): ArticleDate | undefined {
  const m = DATE.exec(text);
  if (!m) return undefined;
  const [, y = "", mo = "", d = "", h, mi, s, offset] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = h === undefined ? 0 : Number(h);
  const minute = mi === undefined ? 0 : Number(mi);
  const second = s === undefined ? 0 : Number(s);
  // Date.UTC reads years below 100 as 1900 + year: those go to Luxon.
  if (year < 1000 || month < 1 || month > 12 || day < 1 || day > new Date(Date.UTC(year, month, 0)).getUTCDate() || hour > 23 || minute > 59 || second > 59) return undefined;
  let offsetMinutes = VIETNAM_MINUTES;
  if (offset === "Z") offsetMinutes = 0;
  else if (offset) offsetMinutes = (offset[0] === "-" ? -1 : 1) * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(-2)));
  const timestamp = Date.UTC(year, month - 1, day, hour, minute, second) - offsetMinutes * MINUTE_MS;
  const local = new Date(timestamp + VIETNAM_MINUTES * MINUTE_MS);
  const localYear = local.getUTCFullYear();
  if (localYear < 1000 || localYear > 9999) return undefined;
  const localDay = `${localYear}-${two(local.getUTCMonth() + 1)}-${two(local.getUTCDate())}`;
  return { iso: `${localDay}T${two(local.getUTCHours())}:${two(local.getUTCMinutes())}:${two(local.getUTCSeconds())}+07:00`, timestamp, year: localYear, day: localDay, hasTime: h !== undefined };
}

/**
 * Parses an editor-supplied date string. Returns undefined when the value is
 * not in an accepted form or names an impossible day (2016-02-30). The year
 * range is checked by the caller (see {@link MIN_ARTICLE_YEAR}), so that its
 * error can say which years are allowed.
 */
export function parseArticleDate(value: string): ArticleDate | undefined {
  const text = value.trim();
  let parsed: DateTime;
  let hasTime: boolean;
  if (DATE_ONLY.test(text)) {
    parsed = DateTime.fromISO(text, { zone: VIETNAM });
    hasTime = false;
  } else {
    const match = DATE_TIME.exec(text);
    if (!match) return undefined;
    const [, y, mo, d, h, mi, s, offset] = match;
    if (offset && offset !== "Z" && !/^[+-](?:0\d|1[0-4]):?[0-5]\d$/.test(offset)) return undefined;
    const base = `${y}-${mo}-${d}T${h}:${mi}:${s ?? "00"}`;
    parsed = offset
      ? DateTime.fromISO(`${base}${offset === "Z" ? "Z" : offset.replace(/^([+-]\d{2})(\d{2})$/, "$1:$2")}`, { setZone: true }).setZone(VIETNAM)
      : DateTime.fromISO(base, { zone: VIETNAM });
    hasTime = true;
  }
  if (!parsed.isValid) return undefined;
  return {
    iso: parsed.toISO({ suppressMilliseconds: true }) ?? "",
    timestamp: parsed.toMillis(),
    year: parsed.year,
    day: parsed.toISODate() ?? "",
    hasTime,
  };
}

/**
 * Why a date string did not parse, with the corrected value when it can be
 * known, so the error can say "write 2024-12-20" instead of listing forms.
 */
export type DateProblem =
  /** Written day/month/year (20/12/2024, 20-12-2024, 20.12.2024): `iso` is the same date in the accepted form. */
  | { readonly kind: "dayMonthYear"; readonly iso: string }
  /** Month or day with one digit (2016-1-2): `iso` is the padded form. */
  | { readonly kind: "padDigits"; readonly iso: string }
  /** A month that does not exist (2016-13-01). */
  | { readonly kind: "noSuchMonth"; readonly month: number }
  /** A day the month does not have (2024-02-30): `days` is how many it has. */
  | { readonly kind: "noSuchDay"; readonly year: number; readonly month: number; readonly day: number; readonly days: number }
  /** A time of day that does not exist (25:00, 14:60). */
  | { readonly kind: "noSuchTime"; readonly time: string }
  /** An offset outside -14:00..+14:00 or with bad minutes. */
  | { readonly kind: "badOffset"; readonly offset: string }
  /** Nothing more specific is known. */
  | { readonly kind: "unrecognised" };

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const pad = (n: string): string => n.padStart(2, "0");

/** Checks year-month-day-time parts; returns the first problem or undefined when they name a real moment. */
function partsProblem(year: number, month: number, day: number, hour?: number, minute?: number, second?: number): DateProblem | undefined {
  if (month < 1 || month > 12) return { kind: "noSuchMonth", month };
  const days = daysIn(year, month);
  if (day < 1 || day > days) return { kind: "noSuchDay", year, month, day, days };
  if (hour !== undefined && (hour > 23 || (minute ?? 0) > 59 || (second ?? 0) > 59)) {
    return { kind: "noSuchTime", time: [hour, minute ?? 0, ...(second !== undefined ? [second] : [])].map((n) => String(n).padStart(2, "0")).join(":") };
  }
  return undefined;
}

const DAY_MONTH_YEAR = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[ T,]+(\d{1,2})[:hg](\d{2}))?$/i;
const LOOSE_ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:([T ])(\d{1,2}):(\d{1,2})(?::(\d{1,2}))?(Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * Explains why {@link parseArticleDate} rejected `value`. Vietnamese dates
 * are written day first, so 05/06/2024 is 5 June 2024.
 */
export function diagnoseDate(value: string): DateProblem {
  const text = value.trim();
  const dmy = DAY_MONTH_YEAR.exec(text);
  if (dmy) {
    const [, d = "", m = "", y = "", h, mi] = dmy;
    const problem = partsProblem(Number(y), Number(m), Number(d), h !== undefined ? Number(h) : undefined, mi !== undefined ? Number(mi) : undefined);
    if (problem) return problem;
    return { kind: "dayMonthYear", iso: `${y}-${pad(m)}-${pad(d)}${h !== undefined ? `T${pad(h)}:${mi}` : ""}` };
  }
  const iso = LOOSE_ISO.exec(text);
  if (iso) {
    const [, y = "", m = "", d = "", sep, h, mi, s, offset] = iso;
    const problem = partsProblem(Number(y), Number(m), Number(d), h !== undefined ? Number(h) : undefined, mi !== undefined ? Number(mi) : undefined, s !== undefined ? Number(s) : undefined);
    if (problem) return problem;
    if (offset && offset !== "Z" && !/^[+-](?:0\d|1[0-4]):?[0-5]\d$/.test(offset)) return { kind: "badOffset", offset };
    const padded = `${y}-${pad(m)}-${pad(d)}${h !== undefined ? `${sep === " " ? " " : "T"}${pad(h)}:${pad(mi ?? "")}${s !== undefined ? `:${pad(s)}` : ""}${offset ?? ""}` : ""}`;
    if (padded !== text) return { kind: "padDigits", iso: padded };
  }
  return { kind: "unrecognised" };
}

/**
 * Weekday names in Vietnamese, Sunday first, capitalised ("Chủ Nhật", "Thứ Hai"…),
 * taken once from Intl (what Luxon's "cccc" gives) so the text stays the same.
 */
const WEEKDAYS: readonly string[] = Array.from({ length: 7 }, (_, i) => {
  // 2017-01-01 was a Sunday.
  const name = new Intl.DateTimeFormat("vi", { weekday: "long", timeZone: "UTC" }).format(Date.UTC(2017, 0, 1 + i));
  return `${name.charAt(0).toUpperCase()}${name.slice(1)}`;
});

/**
 * "Thứ Ba, 29/11/2016" (with ", 14:00" when the editor gave a time).
 * Read from the ISO text (already in Vietnam time) instead of a Luxon
 * DateTime: every list entry and page shows one, and Luxon's formatting was
 * 2.6 % of a build's CPU in a profile of a 2,000-article build
 * (`BUILD_THREADS=1 node --import tsx --cpu-prof scripts/build.ts --root <corpus>`).
 */
export function formatVietnameseDate(date: ArticleDate): string {
  const [y, m, d] = date.day.split("-");
  const weekday = WEEKDAYS[new Date(Date.UTC(Number(y), Number(m) - 1, Number(d))).getUTCDay()];
  const day = `${weekday}, ${d}/${m}/${y}`;
  return date.hasTime ? `${day}, ${date.iso.slice(11, 16)}` : day;
}

/** "29/11/2016", for compact lists (from the calendar day, like formatVietnameseDate). */
export function formatShortDate(date: ArticleDate): string {
  return formatShortDay(date.day);
}

/** "29/11/2016" from a calendar day "2016-11-29", as Vietnamese readers write dates. */
export function formatShortDay(day: string): string {
  return `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;
}

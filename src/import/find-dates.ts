/**
 * Dates in portal text: the portal's own date line (when the release was
 * published or updated) and the day of the conference named in the lead.
 *
 * Portal date lines come in many shapes; the seeds show "09/12/2016",
 * "18/01/2016 02:07:38 PM" and "Print Thứ Bảy, 26/01/2019 23:25", and
 * portals also write "Cập nhật: 09/12/2016 08:30", "Ngày đăng: …", "08:30
 * 09/12/2016", "Thứ Hai, 9-12-2016" or "ngày 9 tháng 12 năm 2016". Rather
 * than one regular expression per shape, a line is a date line when, after
 * removing a known prefix, a weekday, one date and at most one time, nothing
 * but punctuation is left. The lead's date ("Chiều 29/11/2016", "Chiều 6-1",
 * "sáng 11/01/2019") often has no year; {@link inferLeadYear} supplies it.
 */
import { DateTime } from "luxon";

export type DateSource = "portal" | "print" | "updated";

/** A calendar date (and maybe a time) read from the text. */
export interface FoundDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour?: number;
  readonly minute?: number;
  readonly second?: number;
  /** The words as written ("Chiều 6-1", "Print Thứ Bảy, 26/01/2019 23:25"). */
  readonly raw: string;
}

export interface PortalDate extends FoundDate {
  /** Index of the line it was found on. */
  readonly line: number;
  /** "print": written beside the portal's Print button (may be when the page was printed). */
  readonly source: DateSource;
  /** The weekday written on the line did not match the date. */
  readonly weekdayMismatch: boolean;
}

export interface LeadDate {
  readonly month: number;
  readonly day: number;
  /** Undefined when the lead gives no year ("Chiều 6-1"). */
  readonly year?: number;
  /** "sáng", "chiều", "tối"… as written, lowercase; undefined for "ngày". */
  readonly partOfDay?: string;
  readonly raw: string;
}

const PREFIX_PRINT = /^(?:print|bản in|in bài|in)\s*[:|-]?\s*/iu;
const PREFIX_UPDATED = /^(?:ngày cập nhật|cập nhật lúc|cập nhật|cập nhập|ngày đăng|đăng ngày|đăng lúc|thời gian đăng|thời gian|ngày)\s*:?\s*/iu;
const WEEKDAY = /(?:thứ\s+(hai|ba|tư|năm|sáu|bảy|[2-7])|(chủ\s+nhật|cn))\s*,?/iu;
const NUMERIC_DATE = /(?<!\d)(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4})(?!\d)/u;
const WORDED_DATE = /(?:ngày\s+)?(\d{1,2})\s+tháng\s+(\d{1,2})\s*(?:,\s*)?năm\s+(\d{4})/iu;
const TIME = /(?<!\d)(\d{1,2})\s*(?::|h|giờ)\s*(\d{2})(?:\s*(?::|phút)\s*(\d{2}))?(?:\s*(am|pm|sa|ch)(?![\p{L}]))?/iu;
const LEFTOVER = /^[\s,|()\-–—:.•]*(?:gmt\s*\+\s*7|\(gmt\s*\+\s*7\))?[\s,|()\-–—:.•]*$/iu;

const WEEKDAY_NUMBER: Readonly<Record<string, number>> = { hai: 1, ba: 2, "tư": 3, "năm": 4, "sáu": 5, "bảy": 6, "2": 1, "3": 2, "4": 3, "5": 4, "6": 5, "7": 6 };

/** Whether year-month-day (and time) name a real moment. */
export function isRealDate(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): boolean {
  return DateTime.fromObject({ year, month, day, hour, minute, second }).isValid;
}

/** Reads one line as a portal date line, or undefined. */
export function parseDateLine(text: string): Omit<PortalDate, "line"> | undefined {
  const raw = text.trim();
  if (raw.length === 0 || raw.length > 80) return undefined;
  let rest = raw;
  let source: DateSource = "portal";
  const print = PREFIX_PRINT.exec(rest);
  // "In" alone is a Vietnamese word too; only treat it as the Print button before a weekday or a digit.
  if (print && /^(?:thứ|chủ|cn|\d)/iu.test(rest.slice(print[0].length))) {
    source = "print";
    rest = rest.slice(print[0].length);
  }
  const updated = PREFIX_UPDATED.exec(rest);
  if (updated) {
    if (/cập nh/iu.test(updated[0])) source = "updated";
    rest = rest.slice(updated[0].length);
  }
  let weekday: number | undefined;
  const w = WEEKDAY.exec(rest);
  if (w) {
    weekday = w[2] ? 7 : WEEKDAY_NUMBER[(w[1] ?? "").toLowerCase()];
    rest = rest.slice(0, w.index) + " " + rest.slice(w.index + w[0].length);
  }
  const d = NUMERIC_DATE.exec(rest) ?? WORDED_DATE.exec(rest);
  if (!d) return undefined;
  const day = Number(d[1]);
  const month = Number(d[2]);
  const year = Number(d[3]);
  rest = rest.slice(0, d.index) + " " + rest.slice(d.index + d[0].length);
  let hour: number | undefined;
  let minute: number | undefined;
  let second: number | undefined;
  const tm = TIME.exec(rest);
  if (tm) {
    hour = Number(tm[1]);
    minute = Number(tm[2]);
    second = tm[3] !== undefined ? Number(tm[3]) : undefined;
    const half = tm[4]?.toLowerCase();
    if (half === "pm" || half === "ch") hour = hour === 12 ? 12 : hour + 12;
    else if ((half === "am" || half === "sa") && hour === 12) hour = 0;
    rest = rest.slice(0, tm.index) + " " + rest.slice(tm.index + tm[0].length);
  }
  if (!LEFTOVER.test(rest)) return undefined;
  if (!isRealDate(year, month, day, hour ?? 0, minute ?? 0, second ?? 0)) return undefined;
  const actualWeekday = DateTime.fromObject({ year, month, day }).weekday;
  return {
    year,
    month,
    day,
    ...(hour !== undefined ? { hour, minute: minute ?? 0, ...(second !== undefined ? { second } : {}) } : {}),
    raw,
    source,
    weekdayMismatch: weekday !== undefined && weekday !== actualWeekday,
  };
}

/** The first portal date line among `lines`, or undefined. */
export function findPortalDate(lines: readonly string[]): PortalDate | undefined {
  for (let i = 0; i < lines.length; i++) {
    const found = parseDateLine(lines[i] ?? "");
    if (found) return { ...found, line: i };
  }
  return undefined;
}

const LEAD_DATE = /(?<![\p{L}\p{M}])(sáng|chiều|trưa|tối|đêm|ngày|hôm)\s+(?:nay\s+|qua\s+)?(?:\(?\s*(?:ngày\s+)?)(\d{1,2})\s*(?:[/\-.]\s*(\d{1,2})(?:\s*[/\-.]\s*(\d{4}))?|\s+tháng\s+(\d{1,2})(?:\s*(?:,\s*)?năm\s+(\d{4}))?)(?![\d/])/iu;

/** The conference date in the lead ("Chiều 29/11/2016", "Chiều 6-1", "sáng ngày 7 tháng 12"), or undefined. */
export function findLeadDate(text: string): LeadDate | undefined {
  const m = LEAD_DATE.exec(text);
  if (!m) return undefined;
  const day = Number(m[2]);
  const month = Number(m[3] ?? m[5]);
  const yearText = m[4] ?? m[6];
  const year = yearText ? Number(yearText) : undefined;
  if (!(month >= 1 && month <= 12 && day >= 1 && day <= 31)) return undefined;
  if (year !== undefined && !isRealDate(year, month, day)) return undefined;
  const word = (m[1] ?? "").toLowerCase();
  return { day, month, ...(year !== undefined ? { year } : {}), ...(word !== "ngày" && word !== "hôm" ? { partOfDay: word } : {}), raw: m[0].trim() };
}

/**
 * The year of a lead date written without one. A publication date decides
 * it (the conference happened on or before it, within the year); otherwise
 * the years the conference reviews and plans do: a review of year R is held
 * from the autumn of R to the spring of R+1, so a month from July on falls
 * in R and an earlier month in R+1. Undefined when nothing says.
 */
export function inferLeadYear(lead: LeadDate, published: FoundDate | undefined, reviewYear: number | undefined, planYear: number | undefined): number | undefined {
  if (published) {
    const sameYearIsLater = lead.month > published.month || (lead.month === published.month && lead.day > published.day);
    return sameYearIsLater ? published.year - 1 : published.year;
  }
  const review = reviewYear ?? (planYear !== undefined ? planYear - 1 : undefined);
  if (review === undefined) return undefined;
  return lead.month >= 7 ? review : review + 1;
}

/** ISO form for front matter: "2016-12-09", or "2016-01-18T14:07:38" / "2019-01-26T23:25" with a time. */
export function isoOf(date: Pick<FoundDate, "year" | "month" | "day" | "hour" | "minute" | "second">): string {
  const pad = (n: number): string => String(n).padStart(2, "0");
  const day = `${String(date.year).padStart(4, "0")}-${pad(date.month)}-${pad(date.day)}`;
  if (date.hour === undefined) return day;
  return `${day}T${pad(date.hour)}:${pad(date.minute ?? 0)}${date.second !== undefined ? `:${pad(date.second)}` : ""}`;
}

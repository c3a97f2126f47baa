/**
 * Document keys that do not move: (day, place in that day).
 *
 * The index's document ids are ranks by date (search-index.ts), so an
 * article added, deleted or re-dated among older ones moved the id of every
 * later article, and a posting list written as id gaps changed wherever it
 * spanned that point: ~4,060 of 4,096 shards rewritten at 10,000 articles
 * for one back-dated release (scripts/bench-search-patch.ts, session 9).
 * Here a sparse word's postings and the records are written with each
 * article's key instead: its day (Vietnam time) and its place among that
 * day's articles. One article in or out moves only the places of the
 * articles after it on its own day.
 *
 * Words on more than 1/8 of the articles (isDense, search-index.ts) keep rank
 * gaps: written as keys, the shards of the twelve-word query of
 * test/search-bytes.browser.test.ts came to 140 KiB instead of 68 (the
 * calendar repeated in every common word), and they change with almost any
 * article anyway (the new one has them, or a gap across it grows). The page
 * turns keys into ranks with the {@link Calendar} the manifest carries
 * (articles per day, ~2.5 KB compressed at 10,000 articles).
 */

/** Milliseconds in a day. */
const DAY_MS = 86_400_000;
/** Vietnam time (UTC+7, no daylight saving), in which a day starts. */
const VIETNAM_OFFSET_MS = 7 * 3_600_000;
/** Day 0 of keys: 1900-01-01. Dates are from 1945 (schema.ts), so every key's day is positive. */
const EPOCH_MS = Date.UTC(1900, 0, 1);

/** The day of an instant in Vietnam, counted from 1900-01-01. */
export function vietnamDay(timestamp: number): number {
  return Math.floor((timestamp + VIETNAM_OFFSET_MS - EPOCH_MS) / DAY_MS);
}

/** The calendar date of a key's day, "YYYY-MM-DD". */
export function dayDate(day: number): string {
  return new Date(EPOCH_MS + day * DAY_MS).toISOString().slice(0, 10);
}

/**
 * A posting's key is written as one number `gap·4 + place` when its place
 * is under 3 (the day gap counted from the previous posting's day, from day 0
 * for the first), else as `gap·4 + 3` followed by `place − 3`. Measured
 * against two numbers a posting and against a separate list of places, over
 * the 10,000 synthetic articles of test/search-corpus.ts: 3.99 MB of shards
 * compressed vs 4.06 and 4.18 MB.
 */
export const KEY_BASE = 4;

/** Digits of the calendar's counts (a count of 63 or more is a run of the last digit, 63 each, then the rest). */
const COUNT_DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
const COUNT_RUN = COUNT_DIGITS.length - 1;

/**
 * Which rank is which key: per day from the first article's, the rank of its
 * first article. Built from the days of the articles in rank order (ranks are
 * by date, so days never decrease).
 */
export class Calendar {
  /** Day of rank 0. */
  readonly first: number;
  /** starts[i]: rank of the first article of day first + i; starts[span] = the number of articles. */
  private readonly starts: Int32Array;
  /** Day of each rank. */
  private readonly dayOf: Int32Array;

  constructor(days: ArrayLike<number>) {
    this.first = days.length > 0 ? days[0]! : 0;
    const span = days.length > 0 ? days[days.length - 1]! - this.first + 1 : 0;
    this.starts = new Int32Array(span + 1);
    this.dayOf = Int32Array.from(days);
    for (let rank = 0; rank < days.length; rank++) {
      const day = days[rank]!;
      if (!Number.isSafeInteger(day) || day < 0 || (rank > 0 && day < days[rank - 1]!)) throw new Error(`search index: day ${day} of document ${rank} is not in date order`);
      this.starts[day - this.first + 1]!++;
    }
    for (let i = 0; i < span; i++) this.starts[i + 1]! += this.starts[i]!;
  }

  get size(): number {
    return this.dayOf.length;
  }

  day(rank: number): number {
    return this.dayOf[rank]!;
  }

  /** Place of a rank among its day's articles (0 for the first). */
  place(rank: number): number {
    return rank - this.starts[this.dayOf[rank]! - this.first]!;
  }

  /** The rank of a key, or -1 when no article has it. */
  rankOf(day: number, place: number): number {
    const i = day - this.first;
    if (i < 0 || i >= this.starts.length - 1 || place < 0) return -1;
    const rank = this.starts[i]! + place;
    return rank < this.starts[i + 1]! ? rank : -1;
  }

  /** The calendar of a manifest's form ({@link toJSON}); throws when it is not one. */
  static parse(value: readonly [number, string]): Calendar {
    const [first, counts] = value;
    const days: number[] = [];
    let day = first;
    let run = 0;
    for (const digit of counts) {
      const count = COUNT_DIGITS.indexOf(digit);
      if (count < 0) throw new Error(`search index: calendar digit ${JSON.stringify(digit)}`);
      run += count;
      if (count === COUNT_RUN) continue;
      for (let k = 0; k < run; k++) days.push(day);
      run = 0;
      day++;
    }
    return new Calendar(days);
  }

  /** The manifest's form, [first day, a digit per day: its number of articles] (layouts/assets/search.js reads it). */
  toJSON(): [number, string] {
    let counts = "";
    for (let i = 0; i + 1 < this.starts.length; i++) {
      let count = this.starts[i + 1]! - this.starts[i]!;
      for (; count >= COUNT_RUN; count -= COUNT_RUN) counts += COUNT_DIGITS[COUNT_RUN];
      counts += COUNT_DIGITS[count];
    }
    return [this.first, counts];
  }
}

/** Sink of {@link writeKeys}: a non-negative integer, then a separator when more follow. */
export interface NumberSink {
  int(n: number): void;
  byte(b: number): void;
}

const COMMA = 0x2c;

/**
 * Writes the keys of ranks `ranks[from…to)` (ascending) as comma-separated
 * numbers ({@link KEY_BASE}); `previous`: the day of the posting before them
 * when they continue a list.
 */
export function writeKeys(out: NumberSink, ranks: ArrayLike<number>, from: number, to: number, calendar: Calendar, previous = 0): void {
  for (let i = from; i < to; i++) {
    if (i > from) out.byte(COMMA);
    const rank = ranks[i]!;
    const day = calendar.day(rank);
    const place = calendar.place(rank);
    const gap = day - previous;
    previous = day;
    if (place < KEY_BASE - 1) out.int(gap * KEY_BASE + place);
    else {
      out.int(gap * KEY_BASE + KEY_BASE - 1);
      out.byte(COMMA);
      out.int(place - (KEY_BASE - 1));
    }
  }
}

/**
 * The ranks of keys written by {@link writeKeys}: `numbers` as read, ranks
 * appended to `into`. False when they are not such keys (a day or place no
 * article has, keys out of order, a dangling place).
 */
export function readKeys(numbers: ArrayLike<number>, count: number, calendar: Calendar, into: number[]): boolean {
  let day = 0;
  let last = -1;
  for (let i = 0; i < count; i++) {
    const n = numbers[i]!;
    day += Math.floor(n / KEY_BASE);
    let place = n % KEY_BASE;
    if (place === KEY_BASE - 1) {
      if (++i >= count) return false;
      place += numbers[i]!;
    }
    const rank = calendar.rankOf(day, place);
    if (rank <= last) return false;
    into.push((last = rank));
  }
  return true;
}

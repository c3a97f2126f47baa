/**
 * Warnings for likely mistakes inside one article — what the loader accepts
 * (the article is valid and will be published) but an editor most likely
 * did not mean:
 *
 * - a `reviewYear`/`planYear` that contradicts the title ("tổng kết công
 *   tác năm 2016, triển khai nhiệm vụ năm 2017" with reviewYear 2017);
 * - a year in the opening paragraph's conference day ("Chiều 29/11/2015")
 *   that contradicts `date` (2016-11-29);
 * - a photo without a caption;
 * - a summary longer than a search result shows.
 *
 * They run on the parts a validate-only parse keeps (ArticleSource): pure,
 * no I/O, so their results are cached with the file's parse. Rules that
 * depend on the day the check runs or on other articles are in
 * site-rules.ts.
 */
import type { Article } from "../content/article.ts";
import type { ContentError } from "../content/errors.ts";
import type { ArticleSource } from "../content/parse-article.ts";
import { truncateText } from "../markdown.ts";
import { explain, type Explanation } from "../messages/index.ts";
import { RESULT_SUMMARY_LENGTH } from "../search/search-config.ts";

/** A warning about `file`, placed at the line of a front-matter field (or of the body). */
function warning(file: string, field: string, line: number | undefined, value: string | undefined, what: Explanation): ContentError {
  return { file, severity: "warning", ...(line !== undefined ? { line } : {}), field, ...(value !== undefined ? { value } : {}), ...what };
}

// ---- Title and years ---------------------------------------------------------------

/** Words that open the part of a title about the year reviewed, and about the year planned. */
const REVIEW_WORDS = ["tổng kết", "sơ kết", "đánh giá", "kết quả", "nhìn lại", "báo cáo"];
const PLAN_WORDS = ["triển khai", "phương hướng", "kế hoạch", "nhiệm vụ", "mục tiêu", "định hướng"];
const YEAR = /(?<![\d.,/-])((?:19|20)\d{2})(?![\d/-])/g;
/** Digits that may be a year (YEAR without what may stand around them). */
const MAYBE_YEAR = /(?:19|20)\d\d/;
/** Where a title's clauses end: commas, semicolons, colons, brackets, dashes, "và". */
const CLAUSE_BREAK = /[,;:()[\]–—]|\s-\s|\svà\s/u;

/** One part of a title that names a year: "tổng kết công tác năm 2016" → review, 2016. */
export interface TitleYear {
  readonly kind: "review" | "plan";
  readonly year: number;
  /** The part of the title as written, for the message. */
  readonly phrase: string;
}

/**
 * The years a title gives for the review and the plan. The title is cut
 * into clauses (at commas, semicolons, brackets and "và"); a clause with
 * exactly one year belongs to the review or the plan by the first keyword
 * in it — "Đánh giá công tác triển khai nhiệm vụ năm 2016" is a review —
 * and clauses about a period ("giai đoạn 2016-2020") are ignored. Only the
 * first clause of each kind counts.
 */
export function titleYears(title: string): TitleYear[] {
  const found: TitleYear[] = [];
  if (!MAYBE_YEAR.test(title)) return found;
  for (const clause of title.split(CLAUSE_BREAK)) {
    // Clauses without exactly one year are skipped before anything else is made of them (most clauses of most titles):
    // without digits that may be a year, by a cheap test; else by looking for a first and a second year, not for all of
    // them (matchAll's iterator and array: with the cheap test, ~30 % of this function over the 10k corpus's titles).
    if (!MAYBE_YEAR.test(clause)) continue;
    YEAR.lastIndex = 0;
    const yearMatch = YEAR.exec(clause);
    if (!yearMatch || YEAR.exec(clause)) continue;
    // Plain lowercasing is exact for Vietnamese (locale rules differ only for Turkish and Lithuanian) and much cheaper.
    const lower = clause.toLowerCase();
    if (lower.includes("giai đoạn")) continue;
    const position = (words: readonly string[]): number => {
      let first = Infinity;
      for (const word of words) {
        const at = lower.indexOf(word);
        if (at >= 0 && at < first) first = at;
      }
      return first;
    };
    const review = position(REVIEW_WORDS);
    const plan = position(PLAN_WORDS);
    if (review === Infinity && plan === Infinity) continue;
    const kind = review < plan ? "review" : "plan";
    if (found.some((f) => f.kind === kind)) continue;
    const start = Math.min(review, plan);
    const end = yearMatch.index + 4;
    found.push({ kind, year: Number(yearMatch[1]), phrase: clause.slice(start, end).trim() });
  }
  return found;
}

function titleYearWarnings(file: string, article: Article, source: ArticleSource): ContentError[] {
  const out: ContentError[] = [];
  for (const found of titleYears(article.title)) {
    const field = found.kind === "review" ? "reviewYear" : "planYear";
    const written = found.kind === "review" ? article.reviewYear : article.planYear;
    if (written === undefined || written === found.year) continue;
    const params = { phrase: found.phrase, titleYear: String(found.year), written: String(written) };
    const what = found.kind === "review" ? explain("check.warn.titleReviewYear", params) : explain("check.warn.titlePlanYear", params);
    out.push(warning(file, field, source.locate.valueLine([field]), String(written), what));
  }
  return out;
}

// ---- The opening paragraph's day and the article's date --------------------------------

/**
 * The conference day in an opening paragraph: a time-of-day word or "ngày"
 * ("Sáng", "Chiều", "Tối", "Ngày", "hôm nay", optionally "thứ Ba,") then a
 * full date — 29/11/2016, 29-11-2016, 29.11.2016 or "29 tháng 11 năm 2016".
 * Dates without a year ("Chiều 6-1") say nothing about the year; other dates
 * in the paragraph (a decree's, a plan's) are not preceded by such a word.
 */
const LEAD_DAY =
  /(?<![\p{L}])(sáng|chiều|trưa|tối|đêm|ngày|hôm nay)\s*(?:\(?\s*thứ\s+[\p{L}\d]+\s*\)?\s*,?\s*)?(?:ngày\s+)?(\d{1,2})(?:\s*([/.-])\s*(\d{1,2})\s*\3\s*|\s+tháng\s+(\d{1,2})\s+năm\s+)(\d{4})(?!\d)/iu;

/** Days between the conference and publication that still count as the same story across New Year. */
const NEAR_DAYS = 60;

/** How much of a body the opening paragraph is looked for in (characters). */
export const OPENING_CHARS = 4000;
/** A line before the opening paragraph: blank, a heading, a picture or a rule. */
const BEFORE_OPENING = /^\s*(?:$|#|!\[|[-*_]{3,}\s*$)/;
/** Most lines the opening paragraph is taken from. */
const OPENING_LINES = 10;

/** The opening paragraph of a body (its first block that is not a heading, picture or rule) and its line within the body (0-based). */
export function openingParagraph(body: string): { text: string; line: number } | undefined {
  // Only the start of the body is looked at: the day of the conference is in
  // the first sentence, and a long body need not be split into lines.
  const lines = body.slice(0, OPENING_CHARS).split("\n");
  let i = 0;
  while (i < lines.length && BEFORE_OPENING.test(lines[i] ?? "")) i++;
  if (i >= lines.length) return undefined;
  const start = i;
  const text: string[] = [];
  while (i < lines.length && (lines[i] ?? "").trim() !== "" && text.length < OPENING_LINES) text.push(lines[i++] ?? "");
  return { text: text.join("\n").slice(0, 1000), line: start };
}

/**
 * Whether `start`, the start of a body up to and including a line break,
 * decides the opening paragraph: openingParagraph gives the same for any
 * body that starts so (its paragraph ends before the last line break, and
 * within the characters looked at). The check's fast path then decodes no
 * more of the body (fast-parse.ts).
 */
export function decidesOpening(start: string): boolean {
  if (start.length > OPENING_CHARS || !start.endsWith("\n")) return false;
  // The last element is the empty rest after the final line break: not a line of the body.
  const lines = start.split("\n");
  const last = lines.length - 1;
  let i = 0;
  while (i < last && BEFORE_OPENING.test(lines[i] ?? "")) i++;
  if (i >= last) return false;
  let taken = 0;
  while (i < last && (lines[i] ?? "").trim() !== "" && taken < OPENING_LINES) {
    i++;
    taken++;
  }
  // Ended by a blank line of the body, or by the line limit.
  return taken === OPENING_LINES || i < last;
}

/** The conference day in an opening paragraph, as written and as "YYYY-MM-DD", or undefined. */
export function leadDay(paragraph: string): { phrase: string; index: number; day: number; month: number; year: number; iso: string } | undefined {
  // Most opening paragraphs have no full date: a cheap test first.
  if (!/\d{4}/.test(paragraph)) return undefined;
  const match = LEAD_DAY.exec(paragraph);
  if (!match) return undefined;
  const day = Number(match[2]);
  const month = Number(match[4] ?? match[5]);
  const year = Number(match[6]);
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  const iso = `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
  return { phrase: match[0].replace(/\s+/g, " ").trim(), index: match.index, day, month, year, iso };
}

function bodyYearWarnings(file: string, article: Article, source: ArticleSource): ContentError[] {
  const lead = openingParagraph(source.body);
  if (!lead) return [];
  const found = leadDay(lead.text);
  if (!found || found.year === article.date.year) return [];
  // A conference on 29/12 published on 5/1 names the previous year: fine.
  const apart = Math.abs(Date.parse(`${found.iso}T00:00:00Z`) - Date.parse(`${article.date.day}T00:00:00Z`)) / 86_400_000;
  if (apart <= NEAR_DAYS) return [];
  const line = source.bodyStart + lead.line + lead.text.slice(0, found.index).split("\n").length - 1;
  const sep = /\d\s*([/.-])\s*\d/.exec(found.phrase)?.[1];
  const corrected = sep ? `${found.day}${sep}${found.month}${sep}${article.date.year}` : `${found.day} tháng ${found.month} năm ${article.date.year}`;
  return [
    warning(
      file,
      "date",
      line,
      undefined,
      explain("check.warn.bodyYear", { phrase: found.phrase, date: article.date.day, textYear: String(found.year), dateYear: String(article.date.year), corrected, correctedDate: found.iso }),
    ),
  ];
}

// ---- Photo caption and summary --------------------------------------------------------------

function imageWarnings(file: string, source: ArticleSource): ContentError[] {
  const image = source.frontMatter.image;
  if (!image || image.caption) return [];
  return [warning(file, "image.caption", source.locate.keyLine([], "image"), undefined, explain("check.warn.imageCaption", { example: `caption: ${image.alt}` }))];
}

function summaryWarnings(file: string, source: ArticleSource): ContentError[] {
  const summary = source.frontMatter.summary;
  // The same test as the cut the search result makes (truncateText).
  if (!summary || summary.length <= RESULT_SUMMARY_LENGTH) return [];
  return [
    warning(file, "summary", source.locate.valueLine(["summary"]), undefined, explain("check.warn.summaryLong", { length: summary.length, limit: RESULT_SUMMARY_LENGTH, shown: truncateText(summary, RESULT_SUMMARY_LENGTH) })),
  ];
}

/**
 * Every single-article warning for a valid article, from a validate-only
 * parse (the article and the source parts it kept).
 */
export function articleWarnings(article: Article, source: ArticleSource): ContentError[] {
  const file = article.sourcePath;
  return [...titleYearWarnings(file, article, source), ...bodyYearWarnings(file, article, source), ...imageWarnings(file, source), ...summaryWarnings(file, source)];
}

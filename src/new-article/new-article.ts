/**
 * What `npm run new` writes: the article file for an editor's answers (from
 * prompts or flags), its name by the README's convention, and the checks on
 * flag values. Pure; the file is written by scripts/new.ts.
 */
import { dateExplanation } from "../content/parse-article.ts";
import { diagnoseDate, parseArticleDate } from "../dates.ts";
import { explain, t } from "../messages/index.ts";
import { getProvince, suggestProvinceIds } from "../provinces.ts";
import { SITE_TIME_ZONE } from "../site-config.ts";
import { slugify } from "../slug.ts";
import { articleText, type AwardFields, type OfficialFields } from "./article-text.ts";
import { checkAwardFlag, checkOfficialFlag, inputProblem, type InputProblem } from "./list-flags.ts";

/** Longest slug taken from a title (the same as imports). */
const SLUG_LENGTH = 70;

export interface NewArticle {
  readonly date: string;
  readonly province: string;
  readonly title: string;
  readonly agency?: string;
  readonly reviewYear?: number;
  readonly planYear?: number;
  readonly officials: readonly OfficialFields[];
  readonly awards: readonly AwardFields[];
  readonly author?: string;
  /** File name without date and extension; default: from the title. */
  readonly slug?: string;
}

/** Today's date in Vietnam ("2026-03-05"), whatever the computer's own time zone. */
export function todayInVietnam(now: Date = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: SITE_TIME_ZONE, year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

/** The URL slug of the article: `--slug` or the title, folded to ASCII. */
export function articleSlug(article: Pick<NewArticle, "title" | "slug">): string {
  return slugify(article.slug ?? article.title, SLUG_LENGTH);
}

/** "2016-11-29-hoi-nghi-tong-ket-cong-tac-nam-2016.md". */
export function articleFileName(article: NewArticle): string {
  return `${article.date.slice(0, 10)}-${articleSlug(article)}.md`;
}

/** The file: front matter (a draft), then a short placeholder for the text. */
export function newArticleText(article: NewArticle): string {
  return articleText({
    fields: {
      title: article.title,
      date: article.date,
      province: article.province,
      ...(article.agency ? { agency: article.agency } : {}),
      ...(article.reviewYear !== undefined ? { reviewYear: article.reviewYear } : {}),
      ...(article.planYear !== undefined ? { planYear: article.planYear } : {}),
      officials: article.officials.map((value) => ({ value })),
      awards: article.awards.map((value) => ({ value })),
      ...(article.author ? { author: article.author } : {}),
      draft: true,
    },
    comments: { draft: [t("new.draftComment")] },
    body: t("new.body"),
  });
}

export { checkAwardFlag, checkOfficialFlag, type InputProblem } from "./list-flags.ts";

/** Checks a date value: "YYYY-MM-DD" (or with a time) that names a real day. */
export function checkDate(value: string): InputProblem | undefined {
  if (parseArticleDate(value)) return undefined;
  // A date of the right form that does not exist (2024-02-30, 2024-13-01): the content check's own message, with the cause.
  const problem = diagnoseDate(value.trim());
  if (problem.kind !== "unrecognised" && problem.kind !== "dayMonthYear") {
    const cause = dateExplanation(problem);
    return inputProblem(explain("new.error.dateCause", { value, reason: cause.message, fix: cause.fix ?? cause.expected ?? "" }));
  }
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(value.trim());
  const example = m ? `${m[3]}-${(m[2] ?? "").padStart(2, "0")}-${(m[1] ?? "").padStart(2, "0")}` : "2016-11-29";
  return inputProblem(explain("new.error.badDate", { value, example }));
}

/** Checks a province id for a date: known, and in force on that date (the 2025 merger rule). */
export function checkProvince(id: string, date: string | undefined): InputProblem | undefined {
  const unit = getProvince(id);
  if (!unit) {
    const suggestions = suggestProvinceIds(id);
    const e = suggestions.length > 0 ? explain("new.error.unknownProvince", { value: id, suggestions: suggestions.join(", ") }) : explain("new.error.unknownProvinceNoHint", { value: id });
    return { message: e.message, ...(e.fix ? { fix: e.fix } : {}) };
  }
  const day = date ? parseArticleDate(date)?.day : undefined;
  if (day && unit.successor && unit.successorSince && day >= unit.successorSince) {
    const e = explain("new.error.provinceEnded", { name: unit.name, successor: unit.successor, since: unit.successorSince, date: day });
    return { message: e.message, ...(e.fix ? { fix: e.fix } : {}) };
  }
  return undefined;
}

/** A year flag: four digits from 1945. */
export function parseYear(value: string): number | undefined {
  return /^\d{4}$/.test(value.trim()) && Number(value) >= 1945 && Number(value) <= 2100 ? Number(value) : undefined;
}

/** `--official "Nguyễn Dũng; Giám đốc Trung tâm CNTT&TT; Ông; nguyen-dung-gia-lai"` (role, honorific, person id optional) → fields, or undefined when malformed (checkOfficialFlag says why). */
export function parseOfficialFlag(value: string): OfficialFields | undefined {
  const result = checkOfficialFlag(value);
  return result.ok ? result.value : undefined;
}

/** `--award "Lao động tiên tiến; cá nhân; 11; Giám đốc Sở TT&TT"` → fields, or undefined when malformed (checkAwardFlag says why). */
export function parseAwardFlag(value: string): AwardFields | undefined {
  const result = checkAwardFlag(value);
  return result.ok ? result.value : undefined;
}

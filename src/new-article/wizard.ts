/**
 * The questions `npm run new` asks, with @inquirer/prompts: the date
 * (today in Vietnam), the province from a searchable list of the units in
 * force on that date, title, agency, years (prefilled from the title),
 * officials and awards in "add another?" loops, byline.
 *
 * `context` carries the input and output streams, so tests can drive the
 * real prompts with scripted keystrokes.
 */
import { confirm, input, search, select } from "@inquirer/prompts";
import { parseArticleDate } from "../dates.ts";
import { reviewAndPlanYears } from "../import/import-release.ts";
import { t } from "../messages/index.ts";
import type { AwardFields, OfficialFields } from "./article-text.ts";
import { checkDate, parseYear, todayInVietnam, type NewArticle } from "./new-article.ts";
import { provinceChoices, searchProvinces } from "./province-search.ts";

/** Streams for the prompts (defaults: the process's stdin and stdout). */
export interface PromptContext {
  readonly input?: NodeJS.ReadableStream;
  readonly output?: NodeJS.WritableStream;
}

/** Shows a yes/no answer in the editor's language ("Có"/"Không"), not the prompt library's English. */
const yesNo = (value: boolean): string => t(value ? "new.prompt.yes" : "new.prompt.no");
const optional = (value: string): string | undefined => (value.trim() === "" ? undefined : value.trim());
const required = (value: string): true | string => (value.trim() === "" ? t("new.validate.required") : true);
const yearOrEmpty = (value: string): true | string => (value.trim() === "" || parseYear(value) !== undefined ? true : t("new.validate.year"));

/** Asks for every field of a new article. Throws @inquirer's ExitPromptError on Ctrl+C. */
export async function askNewArticle(context: PromptContext = {}, now: Date = new Date()): Promise<NewArticle> {
  const ctx = context as Parameters<typeof input>[1];
  const date = (await input({ message: t("new.prompt.date"), default: todayInVietnam(now), validate: (v) => (checkDate(v.trim()) ? t("new.validate.date") : true) }, ctx)).trim();
  const day = parseArticleDate(date)?.day ?? date;
  const choices = provinceChoices(day);
  const province = await search<string>(
    {
      message: t("new.prompt.province"),
      pageSize: 10,
      source: (term) => searchProvinces(choices, term ?? "").map((c) => ({ name: c.label, value: c.id })),
    },
    ctx,
  );
  const title = (await input({ message: t("new.prompt.title"), validate: required }, ctx)).trim();
  const agency = optional(await input({ message: t("new.prompt.agency") }, ctx));
  const years = reviewAndPlanYears(title);
  const reviewText = await input({ message: t("new.prompt.reviewYear"), default: years.reviewYear !== undefined ? String(years.reviewYear) : "", validate: yearOrEmpty }, ctx);
  const planText = await input({ message: t("new.prompt.planYear"), default: years.planYear !== undefined ? String(years.planYear) : "", validate: yearOrEmpty }, ctx);
  const officials: OfficialFields[] = [];
  while (await confirm({ message: t("new.prompt.addOfficial"), default: false, transformer: yesNo }, ctx)) {
    const name = (await input({ message: t("new.prompt.officialName"), validate: required }, ctx)).trim();
    const role = optional(await input({ message: t("new.prompt.officialRole") }, ctx));
    const honorific = await select<"" | "Ông" | "Bà" | "Đồng chí">(
      { message: t("new.prompt.officialHonorific"), choices: [{ name: "Ông", value: "Ông" }, { name: "Bà", value: "Bà" }, { name: "Đồng chí", value: "Đồng chí" }, { name: t("new.prompt.honorificNone"), value: "" }] },
      ctx,
    );
    officials.push({ name, ...(role ? { role } : {}), ...(honorific ? { honorific } : {}) });
  }
  const awards: AwardFields[] = [];
  while (await confirm({ message: t("new.prompt.addAward"), default: false, transformer: yesNo }, ctx)) {
    const awardTitle = (await input({ message: t("new.prompt.awardTitle"), validate: required }, ctx)).trim();
    const recipient = optional(await input({ message: t("new.prompt.awardRecipient") }, ctx));
    const count = optional(await input({ message: t("new.prompt.awardCount"), validate: (v) => (v.trim() === "" || (/^\d{1,6}$/.test(v.trim()) && Number(v) >= 1) ? true : t("new.validate.count")) }, ctx));
    const conferredBy = optional(await input({ message: t("new.prompt.awardConferredBy") }, ctx));
    awards.push({ title: awardTitle, ...(recipient ? { recipient } : {}), ...(count ? { count: Number(count) } : {}), ...(conferredBy ? { conferredBy } : {}) });
  }
  const author = optional(await input({ message: t("new.prompt.author") }, ctx));
  const reviewYear = parseYear(reviewText);
  const planYear = parseYear(planText);
  return { date, province, title, ...(agency ? { agency } : {}), ...(reviewYear !== undefined ? { reviewYear } : {}), ...(planYear !== undefined ? { planYear } : {}), officials, awards, ...(author ? { author } : {}) };
}

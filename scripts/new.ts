/**
 * `npm run new`: creates a new article by the README's convention —
 * content/<province-id>/<YYYY-MM-DD>-<slug>.md, a draft — by asking (on a
 * terminal) or from flags (in scripts), refuses to overwrite, and prints the
 * file's path and the address the build will give it. The article is checked
 * with the real content loader before anything is written; its address is
 * the loader's own `article.url`, made absolute with the site's `absoluteUrl`.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { defineCommand, runCommandLine } from "../src/cli/command-line.ts";
import { formatContentError } from "../src/content/errors.ts";
import { parseArticle } from "../src/content/parse-article.ts";
import { explain, t } from "../src/messages/index.ts";
import { displayPath, indexContent, prepareFolder, safeForTerminal, urlOwner, writeNewFile } from "../src/new-article/article-writer.ts";
import { articleFileName, articleSlug, checkDate, checkProvince, newArticleText, checkAwardFlag, checkOfficialFlag, parseYear, todayInVietnam, type InputProblem, type NewArticle } from "../src/new-article/new-article.ts";
import { absoluteUrl, siteConfigFromEnv } from "../src/site-config.ts";

// Shared argument handling (src/cli/): --help, --lang, unknown options and missing values reported in the editor's language.
const values = runCommandLine(
  defineCommand({
    invocation: "npm run new --",
    summary: "new.usage",
    usageText: "new.usage",
    options: {
      province: { type: "string", example: "gia-lai" },
      title: { type: "string", example: '"Hội nghị tổng kết…"' },
      date: { type: "string", example: "2016-11-29" },
      agency: { type: "string", example: '"Sở Thông tin và Truyền thông"' },
      "review-year": { type: "string", example: "2016" },
      "plan-year": { type: "string", example: "2017" },
      official: { type: "string", multiple: true, example: '"Nguyễn Dũng; Giám đốc; Ông"' },
      award: { type: "string", multiple: true, example: '"Lao động tiên tiến; cá nhân; 11"' },
      author: { type: "string", example: '"Trần Thị Bích Thủy"' },
      slug: { type: "string", example: "hoi-nghi-tong-ket" },
      root: { type: "string", value: "dir", help: "cli.option.root" },
    },
  }),
);

const callerDir = process.env["INIT_CWD"] ?? process.cwd();
const rootDir = path.resolve(callerDir, values.root ?? ".");

function printProblems(problems: readonly InputProblem[]): void {
  // What an editor typed is shown back: never a control character that would move the terminal's cursor.
  for (const p of problems) {
    const lines = [safeForTerminal(p.message)];
    if (p.expected) lines.push(`    ${t("general.expectedLabel")}: ${safeForTerminal(p.expected)}`);
    if (p.fix) lines.push(`    ${t("general.fixLabel")}: ${safeForTerminal(p.fix)}`);
    console.error(lines.join("\n"));
  }
}

/** The article from flags, or every problem with them at once. */
function fromFlags(): NewArticle | InputProblem[] {
  const problems: InputProblem[] = [];
  const missing = [values.province ? "" : "--province", values.title?.trim() ? "" : "--title"].filter(Boolean);
  if (missing.length > 0) problems.push({ message: t("new.error.missing", { flags: missing.join(", ") }) });
  const date = values.date?.trim() ?? todayInVietnam();
  const dateProblem = checkDate(date);
  if (dateProblem) problems.push(dateProblem);
  const provinceProblem = values.province ? checkProvince(values.province, dateProblem ? undefined : date) : undefined;
  if (provinceProblem) problems.push(provinceProblem);
  const year = (flag: "review-year" | "plan-year"): number | undefined => {
    const raw = values[flag];
    if (raw === undefined) return undefined;
    const y = parseYear(raw);
    if (y === undefined) problems.push({ message: t("new.error.badYear", { flag: `--${flag}`, value: safeForTerminal(raw) }) });
    return y;
  };
  const reviewYear = year("review-year");
  const planYear = year("plan-year");
  const officials = (values.official ?? []).map((raw) => {
    const o = checkOfficialFlag(raw);
    if (!o.ok) problems.push(o.problem);
    return o.ok ? o.value : undefined;
  });
  const awards = (values.award ?? []).map((raw) => {
    const a = checkAwardFlag(raw);
    if (!a.ok) problems.push(a.problem);
    return a.ok ? a.value : undefined;
  });
  if (problems.length > 0) return problems;
  return {
    date,
    province: values.province ?? "",
    title: values.title?.trim() ?? "",
    ...(values.agency?.trim() ? { agency: values.agency.trim() } : {}),
    ...(reviewYear !== undefined ? { reviewYear } : {}),
    ...(planYear !== undefined ? { planYear } : {}),
    officials: officials.filter((o) => o !== undefined),
    awards: awards.filter((a) => a !== undefined),
    ...(values.author?.trim() ? { author: values.author.trim() } : {}),
    ...(values.slug !== undefined ? { slug: values.slug } : {}),
  };
}

/** Writes the article; returns the process exit code. */
function create(article: NewArticle): number {
  if (articleSlug(article) === "") {
    printProblems([explain("new.error.badSlug", { value: safeForTerminal(article.slug ?? article.title) })]);
    return 2;
  }
  const text = newArticleText(article);
  const contentDir = path.join(rootDir, "content");
  if (!existsSync(contentDir)) {
    printProblems([explain("new.error.noContent", { root: displayPath(rootDir) })]);
    return 2;
  }
  const dir = path.join(contentDir, article.province);
  const file = path.join(dir, articleFileName(article));
  const rel = path.relative(rootDir, file).split(path.sep).join("/");
  const checked = parseArticle(rel, text);
  if (!checked.ok) {
    console.error(t("new.error.invalid"));
    for (const error of checked.errors) console.error(formatContentError(error));
    return 1;
  }
  const owner = urlOwner(indexContent(rootDir, "content"), checked.article.slug, checked.article.url);
  if (owner && owner !== rel) {
    printProblems([explain("new.error.sameUrl", { url: checked.article.url, other: owner })]);
    return 1;
  }
  if (!prepareFolder(contentDir, dir)) {
    printProblems([{ message: t("new.error.unsafeTarget", { path: displayPath(dir) }) }]);
    return 1;
  }
  const written = writeNewFile(file, text);
  if (!written.ok) {
    printProblems([written.exists ? explain("new.error.exists", { path: displayPath(file) }) : explain("new.error.writeFailed", { path: displayPath(file), reason: written.reason })]);
    return 1;
  }
  console.log(t("new.created", { path: displayPath(file) }));
  console.log(t("new.url", { url: absoluteUrl(siteConfigFromEnv(), checked.article.url) }));
  console.log(t("new.next"));
  return 0;
}

const interactive = values.province === undefined && values.title === undefined && process.stdin.isTTY === true;
if (interactive) {
  // Loaded only when asking: flag runs (CI, scripts) never touch the terminal.
  const { askNewArticle } = await import("../src/new-article/wizard.ts");
  try {
    const answers = await askNewArticle();
    process.exitCode = create({ ...answers, ...(values.slug !== undefined ? { slug: values.slug } : {}) });
  } catch (error) {
    if (error instanceof Error && error.name === "ExitPromptError") {
      console.error(t("new.cancelled"));
      process.exitCode = 130;
    } else throw error;
  }
} else {
  const result = fromFlags();
  if (Array.isArray(result)) {
    printProblems(result);
    console.error(`\n${t("new.usage")}`);
    process.exitCode = 2;
  } else process.exitCode = create(result);
}

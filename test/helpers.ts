/** Shared test helpers: front matter builders and a parse-or-throw wrapper. */
import { parseArticle } from "../src/content/parse-article.ts";
import type { Article } from "../src/content/article.ts";
import type { ContentError } from "../src/content/errors.ts";

/** Builds a Markdown file from front matter lines and a body. */
export function mdFile(frontMatter: string, body = "Nội dung bài viết."): string {
  return `---\n${frontMatter.trim()}\n---\n${body}\n`;
}

export const MINIMAL = "title: Hội nghị tổng kết\ndate: 2016-11-29\nprovince: gia-lai";

/** Parses and returns the article, failing the test with the errors if invalid. */
export function parseOk(source: string, file = "content/gia-lai/2016-11-29-hoi-nghi.md"): Article {
  const result = parseArticle(file, source);
  if (!result.ok) throw new Error(`expected a valid article, got:\n${JSON.stringify(result.errors, null, 2)}`);
  return result.article;
}

/** Parses and returns the errors, failing the test if the article was valid. */
export function parseErrors(source: string, file = "content/gia-lai/2016-11-29-hoi-nghi.md"): readonly ContentError[] {
  const result = parseArticle(file, source);
  if (result.ok) throw new Error("expected errors, the article was valid");
  return result.errors;
}

/**
 * Shared test helpers: fixture projects, front matter builders and a
 * parse-or-throw wrapper.
 *
 * Tests never read the repository's content/ (editors change it every day):
 * real material comes from test/fixtures/seed-site, a copy of the five
 * releases the project started with, copied into a temp folder per test.
 */
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArticle } from "../src/content/parse-article.ts";
import type { Article } from "../src/content/article.ts";
import type { ContentError } from "../src/content/errors.ts";

/**
 * A temporary project folder holding `files` (paths relative to it), its
 * path pushed onto `roots` for the test file's cleanup.
 */
export function writeTempProject(files: Record<string, string | Buffer>, prefix: string, roots: string[]): string {
  const root = mkdtempSync(path.join(tmpdir(), prefix));
  roots.push(root);
  for (const [rel, text] of Object.entries(files)) {
    const file = path.join(root, rel);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  return root;
}

/** Builds a Markdown file from front matter lines and a body. */
export function mdFile(frontMatter: string, body = "Nội dung bài viết."): string {
  return `---\n${frontMatter.trim()}\n---\n${body}\n`;
}

export const FIXTURES = path.resolve(import.meta.dirname, "fixtures");
/** A project (content/ only) with the five seed articles. */
export const SEED_SITE = path.join(FIXTURES, "seed-site");
/** Its content folder: also the word source for generated articles (scripts/generate-articles.ts). */
export const SEED_CONTENT = path.join(SEED_SITE, "content");

/** Copies a fixture project ("seed-site", "valid-site") into a fresh temp folder and returns its path. */
export function copyFixture(name: string, prefix = `${name}-`): string {
  const root = mkdtempSync(path.join(tmpdir(), prefix));
  cpSync(path.join(FIXTURES, name, "content"), path.join(root, "content"), { recursive: true });
  return root;
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

/**
 * Reads every article under the content folder once, validates and renders
 * it, and checks what only the whole set can show (two files claiming one
 * URL, an alias shadowing a page). Linear in the number of files: one read,
 * one parse, one render per file, and hash maps for the cross-checks.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { compareNewestFirst, type Article } from "./article.ts";
import type { ContentError } from "./errors.ts";
import { parseArticle, type ParseResult } from "./parse-article.ts";

export interface LoadOptions {
  /** Project root; paths in errors are relative to it. */
  readonly rootDir: string;
  /** Content folder relative to rootDir. Default "content". */
  readonly contentDir?: string;
  /** Include `draft: true` articles (preview only). */
  readonly includeDrafts?: boolean;
}

export interface LoadResult {
  /** Valid, published articles, newest first. */
  readonly articles: readonly Article[];
  readonly errors: readonly ContentError[];
  /** Number of Markdown files read. */
  readonly fileCount: number;
}

/** Markdown files under the content folder, as sorted POSIX paths relative to rootDir. */
export function listArticleFiles(rootDir: string, contentDir = "content"): string[] {
  const base = path.join(rootDir, contentDir);
  if (!existsSync(base)) return [];
  return readdirSync(base, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.toLowerCase().endsWith(".md") && entry.name.toLowerCase() !== "readme.md" && !entry.name.startsWith("."))
    .map((entry) => path.relative(rootDir, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"))
    .sort();
}

/**
 * Reads, parses and validates one article file, including the checks that
 * need the file system (the image next to it exists).
 */
export function loadArticleFile(rootDir: string, file: string): ParseResult {
  const result = parseArticle(file, readFileSync(path.join(rootDir, file), "utf8"));
  if (!result.ok) return result;
  const image = result.article.image;
  if (image?.sourceFile && !existsSync(path.join(rootDir, image.sourceFile))) {
    return {
      ok: false,
      errors: [{ file, field: "image.src", value: JSON.stringify(image.sourceFile.slice(image.sourceFile.lastIndexOf("/") + 1)), message: "names an image file that does not exist", expected: `a file at ${image.sourceFile}`, fix: "add the image next to the article, or correct the file name (it is case-sensitive)" }],
    };
  }
  return result;
}

/** Parses every article file; never throws on bad content, returns all errors instead. */
export function loadContent(options: LoadOptions): LoadResult {
  const files = listArticleFiles(options.rootDir, options.contentDir);
  const articles: Article[] = [];
  const errors: ContentError[] = [];
  for (const file of files) {
    const result = loadArticleFile(options.rootDir, file);
    if (!result.ok) errors.push(...result.errors);
    else if (!result.article.draft || options.includeDrafts) articles.push(result.article);
  }
  errors.push(...crossCheck(articles));
  articles.sort(compareNewestFirst);
  return { articles, errors, fileCount: files.length };
}

/** Errors that involve two articles: duplicate URLs and aliases that collide. */
export function crossCheck(articles: readonly Article[]): ContentError[] {
  const errors: ContentError[] = [];
  const pageOwner = new Map<string, Article>();
  for (const article of articles) {
    const other = pageOwner.get(article.url);
    if (other) {
      errors.push({ file: article.sourcePath, message: `has the same URL ${article.url} as ${other.sourcePath}`, expected: "one article per URL (province, year and file name together must be unique)", fix: `rename one of the files (${article.sourcePath} or ${other.sourcePath})` });
    } else pageOwner.set(article.url, article);
  }
  const aliasOwner = new Map<string, Article>();
  for (const article of articles) {
    for (const alias of article.aliases) {
      const page = pageOwner.get(alias);
      if (page) {
        const self = page === article;
        errors.push({ file: article.sourcePath, field: "aliases", value: JSON.stringify(alias), message: self ? "repeats the article's own URL" : `is the URL of another article, ${page.sourcePath}`, expected: "an old URL that no current article uses", fix: self ? "remove this alias" : `remove the alias here, or rename ${page.sourcePath}` });
        continue;
      }
      const owner = aliasOwner.get(alias);
      if (owner && owner !== article) {
        errors.push({ file: article.sourcePath, field: "aliases", value: JSON.stringify(alias), message: `is also an alias of ${owner.sourcePath}`, expected: "each old URL to lead to exactly one article", fix: `keep the alias in only one of ${article.sourcePath} and ${owner.sourcePath}` });
      } else aliasOwner.set(alias, article);
    }
  }
  return errors;
}

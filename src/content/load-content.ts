/**
 * Reads every article under the content folder once, validates and renders
 * it, and checks what only the whole set can show (two files claiming one
 * URL, an alias shadowing a page, files under content/ that nothing
 * publishes). Linear in the number of files: one read, one parse, one render
 * per file, and hash maps for the cross-checks.
 *
 * Every read goes through content-files.ts (regular files inside content/
 * only, size limits); files that are not articles get a notice.
 */
import { readdirSync } from "node:fs";
import path from "node:path";
import { explain } from "../messages/index.ts";
import { compareNewestFirst, type Article } from "./article.ts";
import { checkContentFile, fileNameNotices, problemError, scanContent, tryReadContentFile, type ContentScan, type OtherKind } from "./content-files.ts";
import { closest, type ContentError } from "./errors.ts";
import { LIMITS } from "./limits.ts";
import { parseArticleBytes, type FileUse, type ParseOptions, type ParseResult } from "./parse-article.ts";

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
  /** Errors: the build stops when there is any. */
  readonly errors: readonly ContentError[];
  /** Warnings and notices (files under content/ that are not published): shown, never fatal. */
  readonly warnings: readonly ContentError[];
  /** Number of Markdown files read. */
  readonly fileCount: number;
}

/** Article files under the content folder, as sorted POSIX paths relative to rootDir (links and hidden files excluded). */
export function listArticleFiles(rootDir: string, contentDir = "content"): string[] {
  return [...scanContent(rootDir, contentDir).articles];
}

/** The error for an image named in front matter that is not there, with "did you mean" from the files beside the article. */
function missingImage(rootDir: string, article: string, use: FileUse): ContentError {
  const dir = path.posix.dirname(use.path);
  let names: string[] = [];
  try {
    names = readdirSync(path.join(rootDir, dir), { withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => e.name);
  } catch {
    // No folder: no suggestion.
  }
  const lower = use.value.toLowerCase();
  const suggestion = names.find((n) => n.toLowerCase() === lower) ?? closest(use.value, names.filter((n) => /\.(?:jpe?g|png|webp|avif|gif)$/i.test(n)));
  const text = suggestion && suggestion !== use.value ? explain("content.imageMissingSuggest", { path: use.path, suggestion }) : explain("content.imageMissing", { path: use.path });
  return { file: article, ...(use.line !== undefined ? { line: use.line } : {}), field: use.field, value: JSON.stringify(use.value), ...text };
}

/**
 * Reads, parses and validates one article file, including the checks that
 * need the file system (the image next to it is a regular file in the
 * folder, within the size limit).
 */
export function loadArticleFile(rootDir: string, file: string, contentDir = "content", options: ParseOptions = {}): ParseResult {
  const read = tryReadContentFile(rootDir, file, LIMITS.articleBytes, undefined, contentDir);
  if (!read.ok) return { ok: false, errors: [problemError(file, read.problem)], warnings: [], uses: [] };
  return parseArticleFile(rootDir, file, read.bytes, contentDir, options);
}

/**
 * The part of {@link loadArticleFile} after the read: parses the bytes and
 * checks the files the article uses. The parse cache's workers read once,
 * hash those bytes and parse the same bytes (src/content/load-worker-task.ts).
 */
export function parseArticleFile(rootDir: string, file: string, bytes: Uint8Array, contentDir = "content", options: ParseOptions = {}): ParseResult {
  const result = parseArticleBytes(file, bytes, options);
  const fileErrors = checkArticleUses(rootDir, file, result.uses, contentDir);
  if (fileErrors.length === 0) return result;
  return { ok: false, errors: [...(result.ok ? [] : result.errors), ...fileErrors], warnings: result.warnings, uses: result.uses };
}

/** Errors for files an article names that are missing, not regular files inside content/, or too large. */
export function checkArticleUses(rootDir: string, file: string, uses: readonly FileUse[], contentDir = "content"): ContentError[] {
  const fileErrors: ContentError[] = [];
  for (const use of uses) {
    const problem = checkContentFile(rootDir, use.path, LIMITS.imageBytes, { article: file, field: use.field, value: use.value, ...(use.line !== undefined ? { line: use.line } : {}) }, contentDir);
    if (problem) fileErrors.push(problem.kind === "missing" ? missingImage(rootDir, file, use) : problem.error);
  }
  return fileErrors;
}

const NOTICE: Readonly<Record<Exclude<OtherKind, "image" | "extension">, Parameters<typeof explain>[0]>> = {
  readme: "content.notice.readme",
  hidden: "content.notice.hidden",
  hiddenFolder: "content.notice.hiddenFolder",
  link: "content.notice.link",
  special: "content.notice.special",
  stray: "content.notice.stray",
};

/** A notice for every entry under content/ that is not published, except images some article uses. */
export function contentNotices(scan: ContentScan, used: ReadonlySet<string>): ContentError[] {
  const notices: ContentError[] = [];
  // A name that differs only by case is already an error about the article ("did you mean …?"):
  // calling the file unused too would be a second message for one cause, and bad advice (delete it).
  const usedFolded = new Set([...used].map((u) => u.toLowerCase()));
  for (const other of scan.others) {
    // A file an article names is used, or its problem is already an error about that article.
    if (used.has(other.path) || usedFolded.has(other.path.toLowerCase())) continue;
    const text =
      other.kind === "image"
        ? explain("content.notice.unusedImage")
        : other.kind === "extension"
          ? explain("content.notice.extension", { suggestion: other.path.slice(other.path.lastIndexOf("/") + 1).replace(/\.[^.]+$/, ".md") })
          : explain(NOTICE[other.kind] as "content.notice.stray");
    notices.push({ file: other.path, severity: "warning", ...text });
  }
  return notices;
}

/**
 * Joins per-file results (in file order) into the load result: drafts
 * dropped unless asked for, cross-checks, notices. Shared by the serial and
 * the parallel loader so both give identical results.
 */
export function assembleLoad(scan: ContentScan, results: Iterable<ParseResult>, options: LoadOptions): LoadResult {
  const articles: Article[] = [];
  const errors: ContentError[] = [...scan.errors];
  const warnings: ContentError[] = [];
  const used = new Set<string>();
  const named: Article[] = [];
  for (const result of results) {
    for (const use of result.uses) used.add(use.path);
    warnings.push(...result.warnings);
    if (!result.ok) errors.push(...result.errors);
    else {
      named.push(result.article);
      if (!result.article.draft || options.includeDrafts) articles.push(result.article);
    }
  }
  errors.push(...crossCheck(articles));
  warnings.push(...contentNotices(scan, used), ...fileNameNotices(named));
  articles.sort(compareNewestFirst);
  return { articles, errors, warnings, fileCount: scan.articles.length };
}

/** Parses every article file; never throws on bad content, returns all errors instead. */
export function loadContent(options: LoadOptions): LoadResult {
  const scan = scanContent(options.rootDir, options.contentDir);
  return assembleLoad(
    scan,
    scan.articles.map((file) => loadArticleFile(options.rootDir, file, options.contentDir)),
    options,
  );
}

/** What the cross-checks read of an article (`npm run check` passes what it keeps of each). */
export type CrossCheckArticle = Pick<Article, "sourcePath" | "url" | "aliases">;

/** Errors that involve two articles: duplicate URLs and aliases that collide. */
export function crossCheck(articles: readonly CrossCheckArticle[]): ContentError[] {
  const errors: ContentError[] = [];
  const pageOwner = new Map<string, CrossCheckArticle>();
  for (const article of articles) {
    const other = pageOwner.get(article.url);
    if (other) {
      errors.push({ file: article.sourcePath, ...explain("content.duplicateUrl", { url: article.url, other: other.sourcePath, file: article.sourcePath }) });
    } else pageOwner.set(article.url, article);
  }
  const aliasOwner = new Map<string, CrossCheckArticle>();
  for (const article of articles) {
    for (const alias of article.aliases) {
      const page = pageOwner.get(alias);
      if (page) {
        const text = page === article ? explain("content.aliasOwnUrl") : explain("content.aliasOtherArticle", { other: page.sourcePath });
        errors.push({ file: article.sourcePath, field: "aliases", value: JSON.stringify(alias), ...text });
        continue;
      }
      const owner = aliasOwner.get(alias);
      if (owner && owner !== article) {
        errors.push({ file: article.sourcePath, field: "aliases", value: JSON.stringify(alias), ...explain("content.aliasShared", { other: owner.sourcePath, file: article.sourcePath }) });
      } else aliasOwner.set(alias, article);
    }
  }
  return errors;
}

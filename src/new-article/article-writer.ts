/**
 * Writing new article files safely, for `npm run new` and `npm run import`.
 * (This module does I/O; the article text is built by pure modules.)
 *
 * - Never overwrites: files are created with O_EXCL ("wx"), which also
 *   refuses a symbolic link planted at the file's path.
 * - Never writes outside the target folder: the folder a file goes into is
 *   resolved through symbolic links and must still be inside the target.
 * - Knows which addresses are taken: an article's URL comes from its
 *   province, year and file name (without the date prefix), so two files
 *   with different dates can still claim one URL. The index lists existing
 *   files by slug — from their names alone, so building it costs one
 *   directory walk — and only files with the same slug are parsed.
 */
import { existsSync, mkdirSync, readFileSync, realpathSync, writeFileSync } from "node:fs";
import path from "node:path";
import { listArticleFiles } from "../content/load-content.ts";
import { parseArticle, slugFromFileName } from "../content/parse-article.ts";

/** Existing article files by URL slug, relative to `rootDir` with POSIX separators. */
export interface ContentIndex {
  readonly rootDir: string;
  readonly bySlug: Map<string, string[]>;
}

/** Lists the Markdown files under `rootDir/contentDir` by slug. */
export function indexContent(rootDir: string, contentDir: string): ContentIndex {
  const bySlug = new Map<string, string[]>();
  for (const file of listArticleFiles(rootDir, contentDir)) {
    const slug = slugFromFileName(file);
    const list = bySlug.get(slug) ?? [];
    list.push(file);
    bySlug.set(slug, list);
  }
  return { rootDir, bySlug };
}

/** Records a file written in this run, so the next draft sees its URL as taken. */
export function addToIndex(index: ContentIndex, file: string): void {
  const slug = slugFromFileName(file);
  const list = index.bySlug.get(slug) ?? [];
  list.push(file);
  index.bySlug.set(slug, list);
}

/** The existing file that already has `url`, if any (only files with the same slug are read). */
export function urlOwner(index: ContentIndex, slug: string, url: string): string | undefined {
  for (const file of index.bySlug.get(slug) ?? []) {
    let source: string;
    try {
      source = readFileSync(path.join(index.rootDir, file), "utf8");
    } catch {
      continue;
    }
    const parsed = parseArticle(file, source);
    if (parsed.ok && parsed.article.url === url) return file;
  }
  return undefined;
}

/** Whether `inner` is `outer` or inside it (both absolute, resolved). */
export function isInside(outer: string, inner: string): boolean {
  const rel = path.relative(outer, inner);
  return rel === "" || (!rel.startsWith("..") && !path.isAbsolute(rel));
}

/**
 * Creates `dir` (and parents) inside `base` and returns its real path, or
 * undefined when, through a symbolic link, it leads outside `base`.
 */
export function prepareFolder(base: string, dir: string): string | undefined {
  mkdirSync(base, { recursive: true });
  const realBase = realpathSync(base);
  // Check each existing ancestor before creating anything below it, so a link never makes us create folders elsewhere.
  const rel = path.relative(base, dir);
  if (rel.startsWith("..") || path.isAbsolute(rel)) return undefined;
  let current = base;
  for (const part of rel.split(path.sep).filter(Boolean)) {
    current = path.join(current, part);
    if (existsSync(current)) {
      if (!isInside(realBase, realpathSync(current))) return undefined;
    } else mkdirSync(current);
  }
  const real = realpathSync(dir);
  return isInside(realBase, real) ? real : undefined;
}

export type WriteResult = { readonly ok: true } | { readonly ok: false; readonly exists: boolean; readonly reason: string };

/** Creates `file` with `text`; refuses if anything (file, folder, link) is already there. */
export function writeNewFile(file: string, text: string): WriteResult {
  try {
    writeFileSync(file, text, { flag: "wx", encoding: "utf8" });
    return { ok: true };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "";
    return { ok: false, exists: code === "EEXIST", reason: code || String(error) };
  }
}

/** A path for messages: relative to the working folder when inside it, POSIX separators. */
export function displayPath(file: string, cwd = process.cwd()): string {
  const rel = path.relative(cwd, file);
  const shown = rel && !rel.startsWith("..") && !path.isAbsolute(rel) ? rel : file;
  return safeForTerminal(shown.split(path.sep).join("/"));
}

/** Text from outside (file names) made safe to print: control, bidi and invisible characters shown as "?". */
export function safeForTerminal(text: string): string {
  return text.replace(/[\u0000-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/g, "?");
}

/**
 * The only door through which the build, the preview and `npm run check`
 * read files under content/.
 *
 * Content is untrusted: git can commit a symlink, so `image.src: anh.jpg`
 * may name a link to /proc/self/environ (the CI's secrets), .git/config or
 * /dev/zero, and content/ itself may be a link out of the project. So:
 *
 * - The content folder must be a real folder (not a link) of the project.
 * - A file is read only if it is a regular file whose real path is exactly
 *   <real project root>/<relative path>: no link anywhere on the way, no
 *   "..", no absolute path. Symlinks, folders, devices, FIFOs and sockets are
 *   errors naming the article and the field that pointed at them.
 * - Check and read happen on one open file descriptor: the file is opened
 *   with O_NOFOLLOW (the last component cannot be a link) and O_NONBLOCK (a
 *   FIFO cannot hang the build), then fstat'ed and — on Linux, through
 *   /proc/self/fd — asked where it really is, so swapping a folder for a link
 *   between the check and the read does not help an attacker. Elsewhere the
 *   real path and the inode are compared instead.
 * - Every read has a size limit (src/content/limits.ts), checked before
 *   reading and enforced while reading (a file may grow, /proc files report
 *   size 0), so nothing unbounded is ever held in memory.
 *
 * The scan lists every entry under content/ without following links, and
 * sorts it into articles and everything else, so that the loader can
 * publish the articles and give a notice for each other file: nothing is
 * skipped silently.
 */
import { closeSync, constants, existsSync, fstatSync, lstatSync, openSync, readdirSync, readlinkSync, readSync, realpathSync, type Stats } from "node:fs";
import path from "node:path";
import { explain, type Explanation } from "../messages/index.ts";
import { ContentValidationError, type ContentError } from "./errors.ts";
import { slugFromFileName } from "./parse-article.ts";
import { SLUG_MAX_LENGTH } from "../slug.ts";

/** The field that named a file, for errors about it ("image.src" of an article). */
export interface FileReference {
  /** The article, relative to the project root. */
  readonly article: string;
  readonly field: string;
  /** The value as written (shown in the error). */
  readonly value: string;
  readonly line?: number;
}

/** Why a file could not be used; "missing" is left to the caller, which knows what to suggest. */
export type FileProblem = { readonly kind: "missing" } | { readonly kind: "error"; readonly error: ContentError };

const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0);
const HAS_PROC_FD = process.platform === "linux" && existsSync("/proc/self/fd");
const realRoots = new Map<string, string>();

/** The project root with every link resolved (the root itself is given by whoever runs the build, and trusted). */
function realRoot(rootDir: string): string {
  let real = realRoots.get(rootDir);
  if (real === undefined) {
    real = realpathSync.native(rootDir);
    realRoots.set(rootDir, real);
  }
  return real;
}

/** Segments of a safe relative path inside the content folder, or undefined. */
function safeSegments(rel: string, contentDir: string): string[] | undefined {
  const segments = rel.split("/");
  const base = contentDir.split("/");
  if (path.isAbsolute(rel) || rel.includes("\\") || rel.includes("\0")) return undefined;
  if (segments.some((s) => s === "" || s === "." || s === "..")) return undefined;
  if (segments.length <= base.length || base.some((b, i) => segments[i] !== b)) return undefined;
  return segments;
}

function nameOf(rel: string): string {
  return rel.slice(rel.lastIndexOf("/") + 1);
}

/** Builds the error about `rel`, attached to the referring field when there is one. */
function problem(rel: string, about: FileReference | undefined, text: Explanation): { readonly kind: "error"; readonly error: ContentError } {
  const error: ContentError = about
    ? { file: about.article, ...(about.line !== undefined ? { line: about.line } : {}), field: about.field, value: JSON.stringify(about.value), ...text }
    : { file: rel, ...text };
  return { kind: "error", error };
}

/** Why the real path of an opened file is not where it should be: content/ itself is a link, or a folder on the way is. */
function whyElsewhere(rootDir: string, rel: string, contentDir: string, about: FileReference | undefined): FileProblem {
  const folder = path.join(realRoot(rootDir), contentDir);
  try {
    if (lstatSync(folder).isSymbolicLink()) return { kind: "error", error: { file: contentDir, ...explain("content.read.contentFolderLink") } };
  } catch {
    // Reported below as a file outside the folder.
  }
  return problem(rel, about, explain("content.read.outside", { name: nameOf(rel) }));
}

/** Whether the open file `fd` with stats `st` really is `expected` (no link on the way). */
function isAt(fd: number, st: Stats, expected: string): boolean {
  if (HAS_PROC_FD) {
    try {
      return readlinkSync(`/proc/self/fd/${fd}`) === expected;
    } catch {
      // Fall back to comparing paths and inodes.
    }
  }
  try {
    const again = lstatSync(expected);
    return realpathSync.native(expected) === expected && again.ino === st.ino && again.dev === st.dev;
  } catch {
    return false;
  }
}

/**
 * Opens `rel` (relative to the project root, POSIX separators) for reading
 * after every check; the caller closes the descriptor.
 */
function openChecked(rootDir: string, rel: string, limit: number, about: FileReference | undefined, contentDir: string): { fd: number; size: number } | FileProblem {
  const segments = safeSegments(rel, contentDir);
  if (!segments) return problem(rel, about, explain("content.read.outside", { name: nameOf(rel) }));
  const expected = path.join(realRoot(rootDir), ...segments);
  let fd: number;
  try {
    fd = openSync(expected, OPEN_FLAGS);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "";
    if (code === "ENOENT" || code === "ENOTDIR") return { kind: "missing" };
    if (code === "ELOOP" || code === "EMLINK") return problem(rel, about, explain("content.read.link", { name: nameOf(rel) }));
    if (code === "ENXIO" || code === "EOPNOTSUPP") return problem(rel, about, explain("content.read.special", { name: nameOf(rel) }));
    if (code === "EISDIR") return problem(rel, about, explain("content.read.folder", { name: nameOf(rel) }));
    return problem(rel, about, explain("content.read.unreadable", { name: nameOf(rel), reason: code || "error" }));
  }
  let keep = false;
  try {
    const st = fstatSync(fd);
    if (st.isDirectory()) return problem(rel, about, explain("content.read.folder", { name: nameOf(rel) }));
    if (!st.isFile()) return problem(rel, about, explain("content.read.special", { name: nameOf(rel) }));
    if (!isAt(fd, st, expected)) return whyElsewhere(rootDir, rel, contentDir, about);
    if (st.size > limit) return problem(rel, about, about ? explain("content.read.imageTooLarge", { name: nameOf(rel), size: st.size, limit }) : explain("content.read.articleTooLarge", { size: st.size, limit }));
    keep = true;
    return { fd, size: st.size };
  } finally {
    if (!keep) closeSync(fd);
  }
}

/**
 * Checks that `rel` could be read (regular file inside content/, within
 * `limit`) without reading it: the loader uses it for images, which are
 * copied later through {@link readContentFile}, which checks again.
 * @returns undefined when the file is fine
 */
export function checkContentFile(rootDir: string, rel: string, limit: number, about?: FileReference, contentDir = "content"): FileProblem | undefined {
  const opened = openChecked(rootDir, rel, limit, about, contentDir);
  if ("kind" in opened) return opened;
  closeSync(opened.fd);
  return undefined;
}

/** Like {@link readContentFile}, returning the problem instead of throwing. */
export function tryReadContentFile(rootDir: string, rel: string, limit: number, about?: FileReference, contentDir = "content"): { readonly ok: true; readonly bytes: Buffer } | { readonly ok: false; readonly problem: FileProblem } {
  const opened = openChecked(rootDir, rel, limit, about, contentDir);
  if ("kind" in opened) return { ok: false, problem: opened };
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    // Read until end of file, never more than limit + 1 bytes: the size
    // fstat reported may be wrong (a growing file) or 0.
    for (;;) {
      // First the size fstat gave (+1 to see the end); once that much is read, one byte to see the end (a file of
      // the size fstat gave, the usual case: a 64 KiB buffer for it, as before, was 10,000 allocations of 64 KiB at
      // 10,000 articles, and as much native memory for the collector to see); then 64 KiB at a time.
      const want = total === 0 ? opened.size + 1 : total === opened.size && chunks.length === 1 ? 1 : 64 * 1024;
      const chunk = Buffer.allocUnsafe(Math.min(want, limit + 1 - total));
      const n = readSync(opened.fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      chunks.push(n === chunk.length ? chunk : chunk.subarray(0, n));
      total += n;
      if (total > limit) {
        return { ok: false, problem: problem(rel, about, about ? explain("content.read.imageTooLarge", { name: nameOf(rel), size: total, limit }) : explain("content.read.articleTooLarge", { size: total, limit })) };
      }
    }
    return { ok: true, bytes: chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, total) };
  } catch (error) {
    return { ok: false, problem: problem(rel, about, explain("content.read.unreadable", { name: nameOf(rel), reason: (error as NodeJS.ErrnoException).code ?? "error" })) };
  } finally {
    closeSync(opened.fd);
  }
}

/**
 * Reads a file under content/ through every check above. For the build's
 * image copy and the preview's image serving, so both publish exactly what
 * the loader accepted.
 * @param rel path relative to `rootDir`, POSIX separators ("content/gia-lai/anh.jpg")
 * @param limit largest size accepted, in bytes (LIMITS.imageBytes for images)
 * @param about the article field that named the file, for the error
 * @throws ContentValidationError naming the article and field (or the file) when the file is missing, not a regular file inside content/, or too large
 */
export function readContentFile(rootDir: string, rel: string, limit: number, about?: FileReference, contentDir = "content"): Buffer {
  const result = tryReadContentFile(rootDir, rel, limit, about, contentDir);
  if (result.ok) return result.bytes;
  throw new ContentValidationError([problemError(rel, result.problem, about)]);
}

/** The error for a problem, with "missing" worded for an image named by a field, or for the file itself. */
export function problemError(rel: string, p: FileProblem, about?: FileReference): ContentError {
  if (p.kind === "error") return p.error;
  return (about ? problem(rel, about, explain("content.imageMissing", { path: rel })) : problem(rel, about, explain("content.read.unreadable", { name: nameOf(rel), reason: "ENOENT" }))).error;
}

/** What an entry under content/ is, when it is not an article. */
export type OtherKind = "readme" | "hidden" | "hiddenFolder" | "extension" | "link" | "special" | "image" | "stray";

export interface ContentScan {
  /** Article files (regular *.md files), sorted, relative to the project root. */
  readonly articles: readonly string[];
  /** Every other entry, sorted; images are kept apart so the loader can tell used from unused. */
  readonly others: readonly { readonly path: string; readonly kind: OtherKind }[];
  /** Problems with the content folder itself (a link, not a folder). */
  readonly errors: readonly ContentError[];
}

const IMAGE_EXTENSION = /\.(?:jpe?g|png|webp|avif|gif)$/i;
const MARKDOWN_LIKE = /\.(?:markdown|mdown|mkdn|mkd|mdwn|txt)$/i;

/**
 * What a regular file called `name` under content/ is: an article, or the
 * kind of notice it gets. The scan uses it, and so can the preview's watcher
 * (a changed README.md or .hidden.md is not an article there either).
 */
export function regularFileKind(name: string): "article" | "hidden" | "readme" | "extension" | "image" | "stray" {
  if (name.startsWith(".")) return "hidden";
  if (/^readme\.(?:md|markdown|txt)$/i.test(name)) return "readme";
  if (name.toLowerCase().endsWith(".md")) return "article";
  if (MARKDOWN_LIKE.test(name)) return "extension";
  if (IMAGE_EXTENSION.test(name)) return "image";
  return "stray";
}

/**
 * Lists everything under the content folder without following links.
 * A missing content folder gives an empty scan (the command decides whether
 * that is an error).
 */
export function scanContent(rootDir: string, contentDir = "content"): ContentScan {
  const base = path.join(rootDir, contentDir);
  let st: Stats;
  try {
    st = lstatSync(base);
  } catch {
    return { articles: [], others: [], errors: [] };
  }
  if (st.isSymbolicLink()) return { articles: [], others: [], errors: [{ file: contentDir, ...explain("content.read.contentFolderLink") }] };
  if (!st.isDirectory()) return { articles: [], others: [], errors: [{ file: contentDir, ...explain("content.read.contentFolderNotFolder") }] };
  const articles: string[] = [];
  const others: { path: string; kind: OtherKind }[] = [];
  const errors: ContentError[] = [];
  // Each folder with its project-relative "/" path, so that an entry's path is
  // one concatenation (path.relative per entry was a third of listing 10,000 articles).
  const pending: { full: string; rel: string }[] = [{ full: base, rel: path.relative(rootDir, base).split(path.sep).join("/") }];
  for (let dir = pending.pop(); dir !== undefined; dir = pending.pop()) {
    let entries;
    try {
      entries = readdirSync(dir.full, { withFileTypes: true });
    } catch (error) {
      // A folder that cannot be listed may hide articles: an error, not a notice.
      errors.push({ file: dir.rel, ...explain("content.read.unreadable", { name: path.basename(dir.full), reason: (error as NodeJS.ErrnoException).code ?? "error" }) });
      continue;
    }
    for (const entry of entries) {
      const rel = dir.rel === "" ? entry.name : `${dir.rel}/${entry.name}`;
      if (entry.isSymbolicLink()) others.push({ path: rel, kind: "link" });
      else if (entry.isDirectory()) {
        if (entry.name.startsWith(".")) others.push({ path: rel, kind: "hiddenFolder" });
        else pending.push({ full: path.join(dir.full, entry.name), rel });
      } else if (!entry.isFile()) others.push({ path: rel, kind: "special" });
      else {
        const kind = regularFileKind(entry.name);
        if (kind === "article") articles.push(rel);
        else others.push({ path: rel, kind });
      }
    }
  }
  const order = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
  articles.sort(order);
  others.sort((a, b) => order(a.path, b.path));
  return { articles, others, errors };
}

// ---------------------------------------------------------------------------
// File names: the convention, and the name to rename a file to
// ---------------------------------------------------------------------------

/** What a file-name notice reads of an article: its file, its address and its date's day. */
export interface NamedArticle {
  readonly sourcePath: string;
  readonly url: string;
  readonly date: { readonly day: string };
}

const DAY_PREFIX = /^\d{4}-\d{2}-\d{2}/;
/** A name the convention gives: "2016-12-09-hoi-nghi.md" (its length checked apart: the slug is at most SLUG_MAX_LENGTH). */
const CONVENTIONAL = /^\d{4}-\d{2}-\d{2}-[a-z0-9]+(?:-[a-z0-9]+)*\.md$/;
/** Characters a conventional name has beside its slug: "YYYY-MM-DD-" and ".md". */
const DATED_NAME_EXTRA = "YYYY-MM-DD-".length + ".md".length;

/**
 * The name the convention gives an article file (guide, part 1:
 * `<YYYY-MM-DD>-<name>.md`, the name in lowercase ASCII joined by hyphens),
 * keeping the file's own date prefix or else taking the article's day, and
 * keeping its URL: the name part is the slug the article's address is made
 * of (slugFromFileName), so renaming the file to it never moves an address
 * (published-urls.json could only protect a moved one with an alias).
 * Undefined when the file already has it, or has no name part to keep (a
 * file named only by its date).
 */
export function conventionalFileName(sourcePath: string, day: string): string | undefined {
  const name = sourcePath.slice(sourcePath.lastIndexOf("/") + 1);
  // Nearly every file is named so: one test instead of the slug's (a check runs this over every article).
  if (CONVENTIONAL.test(name) && name.length <= DATED_NAME_EXTRA + SLUG_MAX_LENGTH) return undefined;
  const base = name.replace(/\.md$/i, "");
  const ownDay = DAY_PREFIX.exec(base)?.[0];
  if (base.slice(ownDay?.length ?? 0).replace(/^-/, "") === "") return undefined;
  const slug = slugFromFileName(sourcePath);
  if (!slug) return undefined;
  // A name in slug form without a date keeps its name: the date is there to sort files, never part of the address.
  if (!ownDay && name === `${slug}.md`) return undefined;
  const conventional = `${ownDay ?? day}-${slug}.md`;
  return conventional === name ? undefined : conventional;
}

/**
 * A notice for each article whose file name has spaces, capitals,
 * diacritics or other characters the convention leaves out: "Hội nghị
 * 2024.md" is published as /…/hoi-nghi-2024/ without a word, and the next
 * editor cannot guess the address from the name. The notice gives the name
 * to rename it to and says the address stays.
 */
export function fileNameNotices(articles: Iterable<NamedArticle>): ContentError[] {
  const notices: ContentError[] = [];
  for (const article of articles) {
    const suggestion = conventionalFileName(article.sourcePath, article.date.day);
    if (!suggestion) continue;
    const folder = article.sourcePath.slice(0, article.sourcePath.lastIndexOf("/") + 1);
    notices.push({ file: article.sourcePath, severity: "warning", ...explain("content.notice.fileName", { name: nameOf(article.sourcePath), path: `${folder}${suggestion}`, url: article.url }) });
  }
  return notices;
}

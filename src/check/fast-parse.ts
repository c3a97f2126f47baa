/**
 * The check's fast path for one article: the outcome the loader's
 * validate-only parse gives (parse-outcome.ts), for the common case only —
 * a valid article whose front matter is plain `key: value` YAML — and
 * undefined for anything else, which then takes the full parse. Errors are
 * never produced here: a file with any problem goes through the loader, so
 * every error keeps its one source (src/content/parse-article.ts).
 *
 * Why hand-written, where gray-matter, js-yaml, zod, Luxon and markdown-it
 * exist (and are what the fallback uses): `npm run check` on a fresh clone
 * parses every article, and the full parse costs ~1 ms of CPU an article
 * (10,000 generated articles, `node --import tsx --cpu-prof` over runCheck
 * with one thread: parseOutcome 11.4 s of 21.7 s in the profile — gray-matter
 * 1.35 s, js-yaml 0.9 s, the bounded copy 0.7 s, zod 1.06 s, Luxon 0.78 s,
 * markdown-it's block scan 1.56 s, yaml's positional re-parse for warning
 * lines 1.5 s). This path reads the front matter in one pass that also
 * knows every value's line, and runs the same checks on the same cleaned
 * values. Since the loader's own parse reads the usual shape without the
 * libraries too (src/content/plain-front-matter.ts), what is left here is
 * not decoding the body: `npx tsx scripts/bench-parse.ts --root <10k corpus>`
 * gave 0.196 ms an article for this path and 0.438 ms for the full
 * validate-only parse (one thread, load average ~9).
 *
 * Exactness: the front matter is read by the loader's own reader of the
 * usual shape (src/content/plain-front-matter.ts, which the build's parse
 * also uses before js-yaml and zod); any doubt returns undefined. The
 * article, its facts and its warnings are then made by the loader's and the
 * check's own functions (slugFromFileName, getProvince, scanMarkdown when
 * the body may hold a heading or a picture, articleWarnings, factsOf).
 * test/check-fast-parse.test.ts compares this path with the full parse on
 * generated articles and on hand-made variants, valid and broken.
 */
import { isUtf8 } from "node:buffer";
import type { Article, ArticleImage } from "../content/article.ts";
import type { ContentError } from "../content/errors.ts";
import { isPlainText } from "../content/front-matter.ts";
import { LIMITS } from "../content/limits.ts";
import { ALIAS_PATH, assembleArticle, resolveArticleImage, normaliseAlias, slugFromFileName, type ArticleSource, type FileUse } from "../content/parse-article.ts";
import { KnownLines, lineKey, readPlainFrontMatter } from "../content/plain-front-matter.ts";
import { PERSON_ID_MAX_LENGTH, PERSON_ID_PATTERN } from "../content/schema.ts";
import { maxArticleYear, MIN_ARTICLE_YEAR, quickArticleDate, type ArticleDate } from "../dates.ts";
import { BODY_FIELD, checkBodyImages } from "../images/body-images.ts";
import { scanMarkdown } from "../markdown.ts";
import { explain } from "../messages/index.ts";
import { getProvince } from "../provinces.ts";
import { trustedHtml } from "../safe-html.ts";
import { needsCleaning } from "../text.ts";
import { articleWarnings, decidesOpening, OPENING_CHARS } from "./article-rules.ts";

/** What the fast path gives: the article as the validate-only parse makes it, its warnings and uses, the source parts for the check's rules, and the lines of every value. */
export interface FastParse {
  readonly article: Article;
  readonly warnings: readonly ContentError[];
  readonly uses: readonly FileUse[];
  readonly source: ArticleSource;
  /** File line of each value, by lineKey of its path ("title", "officials.2.role"). */
  readonly lines: Readonly<Record<string, number>>;
}

/** Thrown inside the fast path when the article is not in the usual shape (caught: the full parse takes over). */
const UNUSUAL = Symbol("unusual");
function unusual(): never {
  throw UNUSUAL;
}

// ---- Dates -------------------------------------------------------------------------------

/** The article's date (quickArticleDate: the loader's parse without Luxon), within the years an article may have. */
function articleDate(text: string): ArticleDate {
  const date = quickArticleDate(text);
  if (!date || date.year < MIN_ARTICLE_YEAR || date.year > maxArticleYear()) unusual();
  return date;
}

// ---- The body ------------------------------------------------------------------------------

/**
 * Whether a body may hold a level-1 heading or a picture (else the block
 * scan finds none): a lone "#", a "=" underline, or "![". Read in the bytes
 * (every character looked for is ASCII, and no other character's UTF-8
 * holds an ASCII byte).
 */
function mayHoldHeadingOrPicture(buffer: Buffer, from: number): boolean {
  if (buffer.indexOf("![", from) >= 0) return true;
  for (let i = buffer.indexOf(0x23, from); i >= 0; i = buffer.indexOf(0x23, i + 1)) {
    if (buffer[i - 1] !== 0x23 && buffer[i + 1] !== 0x23) return true;
    // Skip the rest of a run of "#": none of it stands alone.
    while (buffer[i + 1] === 0x23) i++;
  }
  if (buffer.indexOf(0x3d, from) < 0) return false;
  return /^[ \t>]*=+[ \t]*$/m.test(buffer.toString("latin1", from));
}

/**
 * How much of the body is decoded at most when the block scan is not
 * needed: the body rules read its first 4,000 characters (article-rules.ts
 * openingParagraph), which 12,000 bytes of UTF-8 always hold. The
 * ArticleSource this path makes holds a start of the body as its body.
 */
const BODY_PREFIX_BYTES = 12_000;
/** Bytes decoded at a time while looking for the end of the opening paragraph. */
const BODY_STEP_BYTES = 1024;

/**
 * The start of the body the body rules need: up to the end of the opening
 * paragraph (decidesOpening), cut at line breaks, else BODY_PREFIX_BYTES of it.
 */
function bodyStartOf(buffer: Buffer, from: number): string {
  // Most bodies open with their paragraph and an empty line after it: decoding up to that line is enough when it
  // decides (the loop below decodes at least BODY_STEP_BYTES, about twice as much, and decoding is most of this function).
  const blank = buffer.indexOf("\n\n", from);
  if (blank >= 0 && blank + 2 - from <= BODY_PREFIX_BYTES) {
    const start = buffer.toString("utf8", from, blank + 2);
    if (decidesOpening(start)) return start;
  }
  let end = from;
  for (;;) {
    const nl = buffer.indexOf(0x0a, end + BODY_STEP_BYTES);
    if (nl < 0 || nl + 1 - from > BODY_PREFIX_BYTES) break;
    const start = buffer.toString("utf8", from, nl + 1);
    if (decidesOpening(start)) return start;
    if (start.length > OPENING_CHARS) break;
    end = nl + 1;
  }
  return buffer.toString("utf8", from, Math.min(buffer.length, from + BODY_PREFIX_BYTES));
}

const EMPTY_BODY = trustedHtml("");

// ---- The article ---------------------------------------------------------------------------

/**
 * The validate-only parse of a valid article in the common shape, or
 * undefined (then the full parse runs: see the header).
 * @param file path relative to the project root, POSIX separators
 */
export function fastParse(file: string, bytes: Uint8Array): FastParse | undefined {
  // A byte-order mark, zero bytes, invalid UTF-8: the loader's errors and cleaning (decodeArticle).
  if (bytes[0] === 0xef || bytes[0] === 0xfe || bytes[0] === 0xff) return undefined;
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer.indexOf(0) !== -1 || !isUtf8(buffer)) return undefined;
  // As gray-matter splits: the front matter runs to the first "\n---"; here that line must be exactly "---".
  // Found in the bytes: the markers are ASCII, which neither decoding nor NFC makes or unmakes.
  if (buffer[0] !== 0x2d || buffer[1] !== 0x2d || buffer[2] !== 0x2d || buffer[3] !== 0x0a) return undefined;
  const close = buffer.indexOf("\n---", 3);
  if (close < 0) return undefined;
  const after = buffer[close + 4];
  if (after !== undefined && after !== 0x0a) return undefined;
  const bodyFrom = after === undefined ? close + 4 : close + 5;
  // The front matter as text, cleaned as cleanText would (only NFC: anything else to clean goes to the loader).
  const raw = buffer.toString("utf8", 3, close);
  if (needsCleaning(raw)) return undefined;
  const matter = raw.normalize("NFC");
  if (matter.length * 3 > LIMITS.frontMatterBytes && Buffer.byteLength(matter) > LIMITS.frontMatterBytes) return undefined;
  // The body is judged in its bytes (isPlainText: nothing to clean, already NFC); only the part the rules read is decoded
  // (decoding whole bodies to strings only to find they need nothing was the largest part of this path: 10,000 articles,
  // ~0.45 s of CPU decoding, ~0.2 s testing for characters to clean, ~0.1 s NFC).
  if (buffer.length - bodyFrom > LIMITS.bodyBytes || !isPlainText(buffer, bodyFrom)) return undefined;
  let newlines = 0;
  for (let i = matter.indexOf("\n"); i >= 0; i = matter.indexOf("\n", i + 1)) newlines++;
  const bodyStart = newlines + (after === undefined ? 2 : 3);
  try {
    return articleOf(file, matter, buffer, bodyFrom, bodyStart);
  } catch (error) {
    if (error === UNUSUAL) return undefined;
    throw error;
  }
}

function articleOf(file: string, matter: string, buffer: Buffer, bodyFrom: number, bodyStart: number): FastParse {
  const plain = readPlainFrontMatter(matter);
  if (!plain) unusual();
  const { frontMatter: fm, lines, keys } = plain;
  const date = articleDate(fm.date);
  const province = getProvince(fm.province);
  if (!province) unusual();
  if (province.successor && province.successorSince && date.day >= province.successorSince) unusual();
  if (fm.reviewYear !== undefined && fm.planYear !== undefined && fm.planYear < fm.reviewYear) unusual();
  const aliases: string[] = [];
  for (const alias of fm.aliases ?? []) {
    if (!ALIAS_PATH.test(alias) || alias.split("/").some((seg) => seg === "." || seg === "..")) unusual();
    aliases.push(normaliseAlias(alias));
  }
  const uses: FileUse[] = [];
  let image: ArticleImage | undefined;
  if (fm.image) {
    const resolved = resolveArticleImage(file, fm.image, () => lines[lineKey(["image", "src"])]);
    if (!resolved) unusual();
    image = resolved.image;
    if (resolved.use) uses.push(resolved.use);
  }
  for (const official of fm.officials ?? []) {
    const id = official.id;
    if (id !== undefined && !(PERSON_ID_PATTERN.test(id) && id.length <= PERSON_ID_MAX_LENGTH)) unusual();
  }
  const slug = slugFromFileName(file);
  if (!slug) unusual();
  // The whole body only when it may hold a heading or a picture (then the block scan reads it); else its start, which is all the body rules read (BODY_PREFIX_BYTES).
  const scanned = mayHoldHeadingOrPicture(buffer, bodyFrom) ? scanMarkdown(buffer.toString("utf8", bodyFrom)) : undefined;
  const body = bodyStartOf(buffer, bodyFrom);
  const pictures = checkBodyImages(file, scanned?.images ?? [], bodyStart);
  if (pictures.errors.length > 0) unusual();
  for (const picture of pictures.images) if (picture.sourceFile) uses.push({ path: picture.sourceFile, field: BODY_FIELD, value: picture.src, line: picture.line });
  const warnings: ContentError[] = [];
  for (const heading of scanned?.h1 ?? []) {
    warnings.push({ file, line: bodyStart + heading.line, severity: "warning", ...explain("content.warn.h1", { corrected: `## ${heading.text}`.trim() }) });
  }
  // The check keeps no summary, body or text of an article (facts.ts).
  const article: Article = assembleArticle(fm, { file, slug, date, province, image, aliases, summary: fm.summary ?? "", body: EMPTY_BODY, bodyImages: pictures.images, bodyText: "" });
  // body: its start only (BODY_PREFIX_BYTES), all the rules on it read.
  const source: ArticleSource = { frontMatter: fm, body, bodyStart, locate: new KnownLines(matter, lines, keys) };
  return { article, warnings: [...warnings, ...articleWarnings(article, source)], uses, source, lines };
}

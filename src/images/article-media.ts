/**
 * Every article's pictures, made ready before pages are rendered: each image
 * file (the front-matter `image` and the pictures of the body) is read once
 * through the checked reader, checked (real image format by its bytes, file
 * and pixel limits, decodable), turned into its renditions (renditions.ts,
 * cached by content), and every article gets a share card: its photo
 * cropped to 1200 × 630, or a generated card with its title, unit and date.
 *
 * Pure data out: {@link MediaIndex} tells layouts and feeds what to write
 * (sizes, root-relative URLs) and the build step which cached files to
 * publish where. Problems come back as content errors naming the article,
 * the field, the line for body pictures, and the fix; all of them at once.
 *
 * Remote pictures (https:// addresses) are left where they are: the build
 * never fetches anything (builds must not depend on someone else's server),
 * so they cannot be resized or measured. The page shows them as a plain
 * lazy <img> in a reserved 3:2 box (no layout shift), and the share card of
 * an article whose photo is remote is the generated one.
 */
import { lstatSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { madeRealDir, projectCacheDir } from "../cache/real-dir.ts";
import type { Article } from "../content/article.ts";
import type { ContentError } from "../content/errors.ts";
import { formatShortDate } from "../dates.ts";
import { explain, t } from "../messages/index.ts";
import { provinceLabel } from "../provinces.ts";
import { cachedCard, CARD_HEIGHT, CARD_WIDTH, type CardText } from "../share-cards/generated-card.ts";
import { BODY_FIELD } from "./body-images.ts";
import { MAX_IMAGE_BYTES, MAX_IMAGE_PIXELS, MAX_IMAGE_SIDE } from "./limits.ts";
import { readImageFile, type ImageProblem } from "./read-image-file.ts";
import { cachedFile, cachedRenditions, loadSharp, makeRenditions, MIME_TYPES, renditionKey, type ImageRenditions, type Rendition } from "./renditions.ts";
import { describeContents, sniffImageFormat, type ImageFormat } from "./sniff.ts";

/** Where renditions and cards are published (root-relative folder). */
export const IMAGES_PATH = "/anh/";

/** A picture processed by the build. URLs are root-relative (layouts apply sitePath/absoluteUrl). */
export interface ProcessedPicture {
  readonly kind: "local";
  readonly alt: string;
  readonly title?: string;
  /** Size of the largest rendition (the <img>'s width and height). */
  readonly width: number;
  readonly height: number;
  /** By format, ascending width; each with its root-relative URL. */
  readonly renditions: readonly PublishedRendition[];
}

/** A picture left at its https:// address (not resized, size unknown). */
export interface RemotePicture {
  readonly kind: "remote";
  readonly url: string;
  readonly alt: string;
  readonly title?: string;
}

export type MediaPicture = ProcessedPicture | RemotePicture;

export interface PublishedRendition extends Rendition {
  readonly url: string;
}

/** The image a link preview (Open Graph, Twitter card) shows. */
export interface ShareImage {
  readonly url: string;
  readonly width: number;
  readonly height: number;
  readonly type: string;
  readonly alt: string;
  readonly bytes: number;
}

/** What feeds attach to the item: the photo (enclosure, Atom link, JSON Feed image). */
export interface FeedImage {
  /** Root-relative, or an https:// address for a remote photo. */
  readonly url: string;
  readonly type: string;
  /** Bytes, 0 when unknown (a remote photo). */
  readonly bytes: number;
}

/** What one article publishes and shows of its pictures. */
export interface ArticleMedia {
  readonly lead?: MediaPicture & { readonly caption?: string; readonly original?: { readonly url: string; readonly bytes: number } };
  /** Pictures of the body, in order: entry N replaces the <img data-anh="N">. */
  readonly body: readonly MediaPicture[];
  /** Small cropped rendition (240 × 180) for article lists. */
  readonly thumbnail?: ProcessedPicture;
  /** Absent only when generated cards are switched off and the article has no photo of its own. */
  readonly share?: ShareImage;
  readonly feedImage?: FeedImage;
}

/** A file to publish from the cache. */
export interface MediaOutput {
  /** Relative to the output folder ("anh/0123abcd-720.avif"). */
  readonly path: string;
  /** Absolute path of the cached file. */
  readonly from: string;
  /** The first article that uses it (for the output plan's messages). */
  readonly source?: { readonly file: string; readonly field: string };
  /** An original file published on request, next to its article (not content-hashed). */
  readonly original?: boolean;
}

export interface MediaIndex {
  of(article: Article): ArticleMedia | undefined;
  readonly outputs: readonly MediaOutput[];
}

export interface MediaOptions {
  readonly rootDir: string;
  /** Cache folder for renditions and cards (default <rootDir>/.cache). */
  readonly cacheDir?: string;
  readonly siteName: string;
  /** Also publish each front-matter image file as committed, linked under the photo (PUBLISH_ORIGINAL_IMAGES=1). */
  readonly publishOriginals?: boolean;
  /** Images processed at once (sharp itself uses every core for each). */
  readonly concurrency?: number;
  /**
   * Draw a card for articles without a photo of their own (default true).
   * Off (GENERATED_SHARE_CARDS=0) such articles have no og:image, as before:
   * for a first build of a very large site without a card cache (see README).
   */
  readonly generateCards?: boolean;
}

/** Timings and counts of one preparation, for the benchmark and the report. */
export interface MediaStats {
  imagesCached: number;
  imagesMade: number;
  cardsCached: number;
  cardsMade: number;
  imageMs: number;
  cardMs: number;
}

type FileResult = { readonly ok: true; readonly renditions: ImageRenditions; readonly original: Buffer | undefined; readonly format: ImageFormat } | { readonly ok: false; readonly problem: ImageProblem };

/** File-system errors of writing the renditions into the cache (the image itself was read before). */
const CACHE_WRITE_CODES = new Set(["ENOSPC", "EDQUOT", "EFBIG", "EROFS", "EACCES", "EPERM", "EMFILE", "ENFILE", "EIO"]);

/** Reads, checks and processes one image file. */
async function processFile(rootDir: string, file: string, cacheDir: string, keepOriginal: boolean, stats: MediaStats): Promise<FileResult> {
  const read = readImageFile(rootDir, file, MAX_IMAGE_BYTES);
  if (!read.ok) {
    if (read.problem === "missing") return { ok: false, problem: explain("media.missing", { file }) };
    return { ok: false, problem: read.reason };
  }
  const format = sniffImageFormat(read.bytes);
  if (!format) return { ok: false, problem: explain("media.notAnImage", { found: t(`media.kind.${describeContents(read.bytes)}`) }) };
  const key = renditionKey(read.bytes);
  const original = keepOriginal ? read.bytes : undefined;
  const cached = cachedRenditions(cacheDir, key);
  if (cached) {
    stats.imagesCached++;
    return { ok: true, renditions: cached, original, format };
  }
  try {
    // Header only: the pixel limits are checked before anything is decoded.
    // Loaded on first use (loadSharp): npm run check imports this module and never reads a picture.
    const sharp = await loadSharp();
    const meta = await sharp(read.bytes, { limitInputPixels: false }).metadata();
    const width = meta.width ?? 0;
    const height = meta.pageHeight ?? meta.height ?? 0;
    if (width * height > MAX_IMAGE_PIXELS || width > MAX_IMAGE_SIDE || height > MAX_IMAGE_SIDE) {
      return { ok: false, problem: explain("media.tooManyPixels", { width, height, max: String(MAX_IMAGE_PIXELS / 1_000_000) }) };
    }
    if (width === 0 || height === 0) return { ok: false, problem: explain("media.unreadable", { reason: "0 × 0" }) };
    const renditions = await makeRenditions(read.bytes, key, cacheDir);
    stats.imagesMade++;
    return { ok: true, renditions, original, format };
  } catch (error) {
    // A full or read-only disk under .cache is the build machine's problem: telling the editor their photo is damaged sends them the wrong way.
    const code = (error as { code?: unknown } | undefined)?.code;
    if (typeof code === "string" && CACHE_WRITE_CODES.has(code)) return { ok: false, problem: explain("media.cacheUnwritable", { code, folder: path.relative(rootDir, cacheDir) || cacheDir }) };
    const reason = (error instanceof Error ? error.message : String(error)).split("\n")[0]?.trim() ?? "";
    return { ok: false, problem: explain("media.unreadable", { reason: reason.slice(0, 160) }) };
  }
}

/** Runs task(0 … count-1) with at most `limit` in flight. */
async function inParallel(count: number, limit: number, task: (index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < count) await task(next++);
  };
  await Promise.all(Array.from({ length: Math.min(limit, count) }, lane));
}

function published(r: Rendition): PublishedRendition {
  return { ...r, url: `${IMAGES_PATH}${r.file}` };
}

function pictureOf(renditions: readonly Rendition[], alt: string, title?: string): ProcessedPicture {
  const list = renditions.map(published);
  const largest = list.reduce((a, b) => (b.width > a.width ? b : a));
  return { kind: "local", alt, ...(title ? { title } : {}), width: largest.width, height: largest.height, renditions: list };
}

/** The largest JPEG of a picture: what feeds and search engines get. */
export function largestJpeg(picture: ProcessedPicture): PublishedRendition | undefined {
  return picture.renditions.filter((r) => r.format === "jpeg").reduce<PublishedRendition | undefined>((a, b) => (!a || b.width > a.width ? b : a), undefined);
}

/** What a generated card of the article says. */
export function cardText(article: Article, siteName: string): CardText {
  return { title: article.title, unit: provinceLabel(article.province), date: formatShortDate(article.date), site: siteName };
}

/** A folder of this process's own for renditions and cards, removed when it exits (see {@link mediaCacheDirs}). */
let privateCache: string | undefined;
function privateCacheDir(): string {
  if (!privateCache) {
    const dir = mkdtempSync(path.join(tmpdir(), "tong-ket-media-"));
    process.once("exit", () => rmSync(dir, { recursive: true, force: true }));
    privateCache = dir;
  }
  return privateCache;
}

/**
 * Where renditions and cards are kept: `.cache/images-v1` and
 * `.cache/share-cards-v1` of the project when each is (or can be made) a
 * real folder inside a real `.cache`. The build publishes the files it
 * finds there, so a link in their place (CI restores `.cache/`, and a
 * commit can carry links) would publish, and write, wherever it points:
 * then a folder of this process's own is used instead, and the pictures
 * are made again (a bad cache only makes the build slower).
 */
function mediaCacheDirs(rootDir: string, cacheDir: string | undefined): { images: string; cards: string } {
  const root = cacheDir ?? projectCacheDir(rootDir);
  const at = (base: string): { images: string; cards: string } => ({ images: path.join(base, "images-v1"), cards: path.join(base, "share-cards-v1") });
  const project = root ? at(root) : undefined;
  if (project && madeRealDir(project.images) && madeRealDir(project.cards)) return project;
  return at(privateCacheDir());
}

/** The folder of published originals inside the rendition cache (a real folder, else one of this process's own). */
function originalsDir(imageCache: string): string {
  const dir = path.join(imageCache, "originals");
  if (madeRealDir(dir)) return dir;
  const own = path.join(privateCacheDir(), "originals");
  mkdirSync(own, { recursive: true });
  return own;
}

/**
 * Prepares every article's pictures and share card.
 * @returns the index, or every problem found (the build then publishes nothing)
 */
export async function prepareArticleMedia(articles: readonly Article[], options: MediaOptions): Promise<{ index: MediaIndex; errors: ContentError[]; stats: MediaStats }> {
  const { images: imageCache, cards: cardCache } = mediaCacheDirs(options.rootDir, options.cacheDir);
  const stats: MediaStats = { imagesCached: 0, imagesMade: 0, cardsCached: 0, cardsMade: 0, imageMs: 0, cardMs: 0 };
  let originalsFolder: string | undefined;

  // Each file once, however many articles use it.
  const files = new Map<string, FileResult | undefined>();
  const originals = new Set<string>();
  for (const article of articles) {
    if (article.image?.sourceFile) {
      files.set(article.image.sourceFile, undefined);
      if (options.publishOriginals) originals.add(article.image.sourceFile);
    }
    for (const image of article.bodyImages) if (image.sourceFile) files.set(image.sourceFile, undefined);
  }
  let started = performance.now();
  const fileList = [...files.keys()];
  await inParallel(fileList.length, options.concurrency ?? 2, async (i) => {
    const file = fileList[i] ?? "";
    files.set(file, await processFile(options.rootDir, file, imageCache, originals.has(file), stats));
  });
  stats.imageMs = Math.round(performance.now() - started);

  const errors: ContentError[] = [];
  const outputs = new Map<string, Omit<MediaOutput, "path">>();
  let source: MediaOutput["source"];
  const addOutputs = (renditions: readonly Rendition[], key: string): void => {
    for (const r of renditions) {
      const at = `${IMAGES_PATH.slice(1)}${r.file}`;
      if (!outputs.has(at)) outputs.set(at, { from: cachedFile(imageCache, key, r.file), ...(source ? { source } : {}) });
    }
  };
  const media = new Map<string, ArticleMedia>();
  const needCards: Article[] = [];
  const partial = new Map<string, ArticleMedia>();

  for (const article of articles) {
    let failed = false;
    const resultOf = (file: string, report: (problem: ImageProblem) => void): FileResult | undefined => {
      const result = files.get(file);
      if (result && !result.ok) {
        failed = true;
        report(result.problem);
      }
      return result;
    };
    let lead: ArticleMedia["lead"];
    let thumbnail: ProcessedPicture | undefined;
    let share: ShareImage | undefined;
    let feedImage: FeedImage | undefined;
    const image = article.image;
    source = { file: article.sourcePath, field: "image.src" };
    if (image?.sourceFile) {
      const result = resultOf(image.sourceFile, (problem) => errors.push({ file: article.sourcePath, field: "image.src", value: JSON.stringify(path.posix.basename(image.sourceFile ?? "")), ...problem }));
      if (result?.ok) {
        const r = result.renditions;
        addOutputs([...r.picture, ...r.thumbnail, r.card], r.key);
        let original: { url: string; bytes: number } | undefined;
        if (result.original) {
          const name = path.posix.basename(image.sourceFile);
          // Checked (and made) once per build, not once per picture.
          originalsFolder ??= originalsDir(imageCache);
          const cached = path.join(originalsFolder, `${r.key}-${name}`);
          if (!lstatSync(cached, { throwIfNoEntry: false })?.isFile()) {
            // Through a new file renamed into place: a link planted under this name is replaced, never written through.
            const temporary = `${cached}.tmp-${process.pid}`;
            rmSync(temporary, { force: true });
            writeFileSync(temporary, result.original, { flag: "wx" });
            renameSync(temporary, cached);
          }
          outputs.set(`${article.url.slice(1)}${name}`, { from: cached, source: { file: article.sourcePath, field: "image.src" }, original: true });
          original = { url: `${article.url}${name}`, bytes: result.original.length };
        }
        const picture = pictureOf(r.picture, image.alt);
        lead = { ...picture, ...(image.caption ? { caption: image.caption } : {}), ...(original ? { original } : {}) };
        thumbnail = pictureOf(r.thumbnail, image.alt);
        share = { url: `${IMAGES_PATH}${r.card.file}`, width: r.card.width, height: r.card.height, type: MIME_TYPES.jpeg, alt: image.alt, bytes: r.card.bytes };
        const jpeg = largestJpeg(picture);
        if (jpeg) feedImage = { url: jpeg.url, type: MIME_TYPES.jpeg, bytes: jpeg.bytes };
      }
    } else if (image) {
      lead = { kind: "remote", url: image.src, alt: image.alt, ...(image.caption ? { caption: image.caption } : {}) };
      feedImage = { url: image.src, type: remoteType(image.src), bytes: 0 };
    }
    const body: MediaPicture[] = [];
    source = { file: article.sourcePath, field: BODY_FIELD };
    for (const picture of article.bodyImages) {
      if (!picture.sourceFile) {
        body.push({ kind: "remote", url: picture.src, alt: picture.alt, ...(picture.title ? { title: picture.title } : {}) });
        continue;
      }
      const result = resultOf(picture.sourceFile, (problem) => errors.push({ file: article.sourcePath, line: picture.line, field: BODY_FIELD, value: JSON.stringify(picture.src), ...problem }));
      if (result?.ok) {
        addOutputs(result.renditions.picture, result.renditions.key);
        body.push(pictureOf(result.renditions.picture, picture.alt, picture.title));
      }
    }
    if (failed) continue;
    partial.set(article.url, { ...(lead ? { lead } : {}), body, ...(thumbnail ? { thumbnail } : {}), ...(share ? { share } : {}), ...(feedImage ? { feedImage } : {}) });
    if (!share && options.generateCards !== false) needCards.push(article);
  }

  started = performance.now();
  const cards = new Map<string, ShareImage>();
  if (errors.length === 0) {
    // A few in flight: a card's layout and blending are synchronous JavaScript,
    // but its zlib compression runs in the thread pool and overlaps the next.
    await inParallel(needCards.length, 4, async (i) => {
      const article = needCards[i];
      if (!article) return;
      const text = cardText(article, options.siteName);
      const card = await cachedCard(text, cardCache, () => stats.cardsMade++, () => stats.cardsCached++);
      const url = `${IMAGES_PATH}the-${card.key}.png`;
      if (!outputs.has(url.slice(1))) outputs.set(url.slice(1), { from: card.file, source: { file: article.sourcePath, field: "title" } });
      cards.set(article.url, { url, width: CARD_WIDTH, height: CARD_HEIGHT, type: "image/png", alt: `${text.title} – ${text.unit}, ${text.date}`, bytes: card.bytes });
    });
  }
  stats.cardMs = Math.round(performance.now() - started);

  for (const [url, entry] of partial) {
    const share = entry.share ?? cards.get(url);
    media.set(url, share ? { ...entry, share } : entry);
  }
  const outputList = Object.freeze([...outputs].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([p, output]) => Object.freeze({ path: p, ...output })));
  const index: MediaIndex = Object.freeze({ of: (article: Article) => media.get(article.url), outputs: outputList });
  return { index, errors, stats };
}

/** A media type from a remote address's extension (feeds need one). */
function remoteType(url: string): string {
  const ext = /\.([a-z0-9]+)(?:[?#]|$)/i.exec(url)?.[1]?.toLowerCase();
  if (ext === "png") return "image/png";
  if (ext === "webp") return "image/webp";
  if (ext === "avif") return "image/avif";
  if (ext === "gif") return "image/gif";
  return "image/jpeg";
}

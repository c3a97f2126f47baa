/**
 * Checks the pictures of an article's body (`![alt](src)`) as the loader
 * parses the file, so their errors come with every other error of the
 * file in one build: each needs alt text, and its address must be an image
 * file next to the article or an https:// address. Whether the file exists
 * and is a real image is checked when its bytes are read (article-media.ts).
 */
import type { ContentError } from "../content/errors.ts";
import type { MarkdownImage } from "../markdown.ts";
import { explain } from "../messages/index.ts";
import { MAX_BODY_IMAGES } from "./limits.ts";

/** A picture of the body, as the article carries it. */
export interface BodyImage {
  /** The address as written: a file name next to the article, or an https:// URL. */
  readonly src: string;
  readonly alt: string;
  readonly title?: string;
  /** 1-based line in the article file. */
  readonly line: number;
  /** For a file next to the article: its path relative to the project root. */
  readonly sourceFile?: string;
}

/** A file name the site accepts for an image next to an article (same rule as the front-matter image). */
export const IMAGE_FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*\.(?:jpe?g|png|webp|avif|gif)$/i;

/** An https:// address the page may point at as it is (no quotes, spaces or angle brackets). */
export const REMOTE_IMAGE = /^https:\/\/[^\s"'<>]+$/;

/** The field name body-picture errors carry. */
export const BODY_FIELD = "body";

/**
 * Validates the body's pictures.
 * @param file the article, relative to the project root
 * @param images the pictures renderMarkdown found, lines counted within the body
 * @param bodyLine the file line the body starts on
 */
export function checkBodyImages(file: string, images: readonly MarkdownImage[], bodyLine: number): { images: BodyImage[]; errors: ContentError[] } {
  const folder = file.slice(0, file.lastIndexOf("/") + 1);
  const out: BodyImage[] = [];
  const errors: ContentError[] = [];
  if (images.length > MAX_BODY_IMAGES) {
    errors.push({ file, field: BODY_FIELD, ...explain("media.tooManyBodyImages", { count: images.length, max: MAX_BODY_IMAGES }) });
  }
  for (const image of images) {
    const line = bodyLine + image.line - 1;
    const value = JSON.stringify(image.src);
    const local = IMAGE_FILE_NAME.test(image.src);
    if (!local && !REMOTE_IMAGE.test(image.src)) {
      errors.push({ file, line, field: BODY_FIELD, value, ...explain("media.bodySrcInvalid", { src: image.src }) });
      continue;
    }
    if (image.alt === "") {
      errors.push({ file, line, field: BODY_FIELD, value, ...explain("media.bodyAltMissing", { src: image.src }) });
      continue;
    }
    out.push({ src: image.src, alt: image.alt, ...(image.title ? { title: image.title } : {}), line, ...(local ? { sourceFile: `${folder}${image.src}` } : {}) });
  }
  return { images: out, errors };
}

/**
 * Markup for processed pictures: `<picture>` with AVIF and WebP sources and
 * a JPEG `<img>` that every browser shows, `srcset`/`sizes` so a phone
 * downloads the 360 or 720 px file and not the 1200, `width`/`height` so
 * the browser reserves the box before the file arrives (no layout shift).
 * Every URL goes through sitePath; every value is escaped.
 */
import { BODY_IMAGE_ATTRIBUTE } from "../markdown.ts";
import { html, trustedHtml, type SafeHtml } from "../safe-html.ts";
import { absoluteUrl, sitePath, type SiteConfig } from "../site-config.ts";
import { largestJpeg, type ArticleMedia, type MediaPicture, type ProcessedPicture } from "./article-media.ts";
import { MIME_TYPES, PIPELINE } from "./renditions.ts";

/**
 * The width a picture takes in the article column: the page is 48rem wide
 * with 1rem padding on each side (layouts/assets/site.css, `main`).
 */
export const ARTICLE_SIZES = "(min-width: 48rem) 46rem, calc(100vw - 2rem)";

export interface PictureOptions {
  /** Above the first screen (the lead photo): load at once, with high priority. */
  readonly eager?: boolean;
  readonly sizes?: string;
  readonly className?: string;
}

function srcset(config: SiteConfig, picture: ProcessedPicture, format: "avif" | "webp" | "jpeg"): string {
  return picture.renditions
    .filter((r) => r.format === format)
    .map((r) => `${sitePath(config, r.url)} ${r.width}w`)
    .join(", ");
}

/** `<picture>` for a processed picture, `<img>` for a remote one. */
export function pictureHtml(config: SiteConfig, picture: MediaPicture, options: PictureOptions = {}): SafeHtml {
  const loading = options.eager ? html` loading="eager" fetchpriority="high"` : html` loading="lazy"`;
  const title = picture.title ? html` title="${picture.title}"` : "";
  if (picture.kind === "remote") {
    // Size unknown: the reserved 3:2 box (.remote in site.css) keeps the text from jumping.
    return html`<img class="remote${options.className ? ` ${options.className}` : ""}" src="${picture.url}" alt="${picture.alt}"${title}${loading} decoding="async" referrerpolicy="no-referrer">`;
  }
  const sizes = options.sizes ?? ARTICLE_SIZES;
  const fallback = largestJpeg(picture);
  const sources = (["avif", "webp"] as const).filter((f) => picture.renditions.some((r) => r.format === f));
  return html`<picture>${sources.map((f) => html`<source type="${MIME_TYPES[f]}" srcset="${srcset(config, picture, f)}" sizes="${sizes}">`)}<img${options.className ? html` class="${options.className}"` : ""} src="${sitePath(config, fallback?.url ?? "")}" srcset="${srcset(config, picture, "jpeg")}" sizes="${sizes}" width="${picture.width}" height="${picture.height}" alt="${picture.alt}"${title}${loading} decoding="async"></picture>`;
}

/** The list thumbnail (240 × 180, shown at 120 × 90 CSS pixels by default): decorative next to its title, so alt="" unless given. */
export function thumbnailHtml(config: SiteConfig, thumbnail: ProcessedPicture, alt = ""): SafeHtml {
  const { width, height } = PIPELINE.thumbnail;
  return pictureHtml(config, { ...thumbnail, alt, width, height }, { sizes: `${width / 2}px`, className: "thumb" });
}

const BODY_IMG = new RegExp(`<img ${BODY_IMAGE_ATTRIBUTE}="(\\d+)"[^>]*>`, "g");

/**
 * The article body with each `<img data-anh="N">` that markdown.ts wrote
 * replaced by `render(picture N)`. Raw HTML is off in Markdown, so every
 * such tag is one the renderer made, in exactly this form.
 */
export function replaceBodyImages(body: SafeHtml, pictures: readonly MediaPicture[], render: (picture: MediaPicture) => SafeHtml): SafeHtml {
  if (pictures.length === 0) return body;
  return trustedHtml(
    body.value.replace(BODY_IMG, (tag, index: string) => {
      const picture = pictures[Number(index)];
      return picture ? render(picture).value : tag;
    }),
  );
}

/** The body as the page shows it: body pictures as lazy <picture>s. */
export function pageBody(config: SiteConfig, body: SafeHtml, media: ArticleMedia | undefined): SafeHtml {
  if (!media) return body;
  return replaceBodyImages(body, media.body, (picture) => pictureHtml(config, picture));
}

/**
 * The body as a feed carries it: feed readers know <img> better than
 * <picture>, and have no page to resolve paths against, so each picture is
 * one absolute 720 px JPEG (or the largest below it) with its size.
 */
export function feedBody(config: SiteConfig, body: SafeHtml, media: ArticleMedia | undefined): SafeHtml {
  if (!media) return body;
  return replaceBodyImages(body, media.body, (picture) => {
    if (picture.kind === "remote") return html`<img src="${picture.url}" alt="${picture.alt}">`;
    const jpegs = picture.renditions.filter((r) => r.format === "jpeg");
    const chosen = jpegs.filter((r) => r.width <= 720).pop() ?? jpegs[0];
    if (!chosen) return html``;
    return html`<img src="${absoluteUrl(config, chosen.url)}" width="${chosen.width}" height="${chosen.height}" alt="${picture.alt}">`;
  });
}

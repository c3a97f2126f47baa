/**
 * Build wiring for article pictures and share cards (the domain code is in
 * src/images/ and src/share-cards/): before the site is planned,
 * {@link withArticleMedia} checks and processes every picture and card and
 * adds the result to the site data (pages, feeds and this step read it);
 * {@link articleImagesStep} declares the processed files, read from the
 * cache only when the build writes them (memory holds what is in flight).
 *
 * The original image files are never published, unless PUBLISH_ORIGINAL_IMAGES=1
 * is set for the build (then each front-matter photo is also published as
 * committed, next to its article, with a link under the photo).
 */
import path from "node:path";
import { readCacheFile } from "../cache/real-dir.ts";
import type { ContentError } from "../content/errors.ts";
import { IMAGES_PATH, prepareArticleMedia, type MediaStats } from "../images/article-media.ts";
import { MAX_IMAGE_BYTES } from "../images/limits.ts";
import { readImageFile } from "../images/read-image-file.ts";
import { sniffImageFormat } from "../images/sniff.ts";
import { defineFileStep, type OutputDeclaration } from "../plan/output-plan.ts";
import type { SiteData } from "../site-data.ts";

/** The documented opt-in for publishing original image files. */
export function publishOriginalsFromEnv(env: NodeJS.ProcessEnv = process.env): boolean {
  return /^(1|true|yes)$/i.test(env["PUBLISH_ORIGINAL_IMAGES"]?.trim() ?? "");
}

/** GENERATED_SHARE_CARDS=0 switches off drawn cards for articles without a photo (documented in README). */
export function generatedCardsFromEnv(env: NodeJS.ProcessEnv = process.env): boolean {
  return !/^(0|false|no|off)$/i.test(env["GENERATED_SHARE_CARDS"]?.trim() ?? "");
}

/**
 * The site data with every article's pictures and share card ready, and
 * every picture that cannot be published.
 * @param options.makeCards false when the build will fail anyway (no point drawing cards)
 */
export async function withArticleMedia(data: SiteData, options: { readonly makeCards?: boolean; readonly onStats?: (stats: MediaStats) => void } = {}): Promise<{ data: SiteData; errors: readonly ContentError[] }> {
  const { index, errors, stats } = await prepareArticleMedia(data.model.articles, {
    rootDir: data.rootDir,
    siteName: data.model.config.name,
    publishOriginals: publishOriginalsFromEnv(),
    generateCards: options.makeCards !== false && generatedCardsFromEnv(),
  });
  options.onStats?.(stats);
  return { data: Object.freeze({ ...data, media: index }), errors };
}

/**
 * Without processed media (the live preview, which renders from memory and
 * must show an edit within 300 ms), article images are served as committed
 * from next to the article, as the pages then link them. Never in a build:
 * buildSite always adds the media first.
 */
function* previewOriginals(site: SiteData): Iterable<OutputDeclaration> {
  const seen = new Set<string>();
  for (const article of site.model.articles) {
    const sources = [{ file: article.image?.sourceFile, field: "image.src" }, ...article.bodyImages.map((b) => ({ file: b.sourceFile, field: "body" }))];
    for (const { file, field } of sources) {
      if (!file) continue;
      const url = `${article.url}${path.posix.basename(file)}`;
      if (seen.has(url)) continue;
      seen.add(url);
      yield {
        url,
        source: { file: article.sourcePath, field },
        body: () => {
          const read = readImageFile(site.rootDir, file, MAX_IMAGE_BYTES);
          return read.ok && sniffImageFormat(read.bytes) ? read.bytes : new Uint8Array();
        },
      };
    }
  }
}

/**
 * A processed picture or card from the media cache, as a regular file only
 * (O_NOFOLLOW, src/cache/real-dir.ts): article-media.ts checked it was one,
 * and a link swapped in since is refused, not followed out of the cache.
 * @throws when it is not there any more: a build never publishes a picture it cannot read
 */
function readCachedPicture(file: string): Buffer {
  const bytes = readCacheFile(file, MAX_IMAGE_BYTES);
  if (!bytes) throw new Error(`${file}: a processed picture is no longer a readable file of the cache`);
  return bytes;
}

export const articleImagesStep = defineFileStep<SiteData>({
  name: "article-images",
  // Content-hashed names: no article, alias or page may take /anh/.
  reserves: () => [{ path: IMAGES_PATH.replaceAll("/", ""), shown: IMAGES_PATH }],
  *declare(site) {
    if (!site.media) {
      yield* previewOriginals(site);
      return;
    }
    for (const output of site.media.outputs) {
      const from = output.from;
      // Every cached file's name carries the content key of its bytes (article-media.ts), so the name is their fingerprint:
      // an incremental build links an unchanged picture instead of reading and hashing it again.
      yield { url: `/${output.path}`, kind: output.original ? "content" : "site", ...(output.source ? { source: output.source } : {}), body: () => readCachedPicture(from), fingerprint: () => from };
    }
  },
});

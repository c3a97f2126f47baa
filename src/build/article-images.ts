/**
 * Copies images that sit next to an article into the article's output
 * folder, so `image: { src: anh.jpg }` works like a Hugo page bundle. The
 * loader has already checked the name (plain file name, image extension)
 * and the file; the bytes are read again through the checked content reader
 * (regular file inside content/, size limit), so nothing swapped in since
 * the check is published.
 */
import { readContentFile } from "../content/content-files.ts";
import { LIMITS } from "../content/limits.ts";
import { defineFileStep } from "../plan/output-plan.ts";
import type { SiteData } from "../site-data.ts";

/**
 * Reads an article's image for the build and the preview alike: the one
 * place image bytes are read.
 * @param article the article naming it, for the error
 * @throws ContentValidationError naming the article and image.src when the file is not a regular file inside content/ or is too large
 */
export function readArticleImage(rootDir: string, sourceFile: string, article?: string): Buffer {
  const about = article ? { article, field: "image.src", value: sourceFile.slice(sourceFile.lastIndexOf("/") + 1) } : undefined;
  return readContentFile(rootDir, sourceFile, LIMITS.imageBytes, about);
}

export const articleImagesStep = defineFileStep<SiteData>({
  name: "article-images",
  *declare(site) {
    for (const article of site.model.articles) {
      const image = article.image;
      if (!image?.sourceFile) continue;
      const sourceFile = image.sourceFile;
      yield { url: image.src, source: { file: article.sourcePath, field: "image.src" }, body: () => readArticleImage(site.rootDir, sourceFile, article.sourcePath) };
    }
  },
});

/**
 * Copies images that sit next to an article into the article's output
 * folder, so `image: { src: anh.jpg }` works like a Hugo page bundle. The
 * loader has already checked the name (plain file name, image extension)
 * and that the file exists.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { defineFileStep } from "../plan/output-plan.ts";
import type { SiteData } from "../site-data.ts";

/**
 * Reads an article's image for the build and the preview alike: the one
 * place image bytes are read.
 * TODO(trust): read through the checked content reader of src/content/ (regular
 * file inside content/, size limit) once it is on main; this is its only call site.
 */
export function readArticleImage(rootDir: string, sourceFile: string): Buffer {
  return readFileSync(path.join(rootDir, sourceFile));
}

export const articleImagesStep = defineFileStep<SiteData>({
  name: "article-images",
  *declare(site) {
    for (const article of site.model.articles) {
      const image = article.image;
      if (!image?.sourceFile) continue;
      const sourceFile = image.sourceFile;
      yield { url: image.src, source: { file: article.sourcePath, field: "image.src" }, body: () => readArticleImage(site.rootDir, sourceFile) };
    }
  },
});

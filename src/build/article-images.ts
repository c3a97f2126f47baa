/**
 * Copies images that sit next to an article into the article's output
 * folder, so `image: { src: anh.jpg }` works like a Hugo page bundle. The
 * loader has already checked the name (plain file name, image extension)
 * and that the file exists.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { OutputFile } from "./output-files.ts";
import type { BuildStep } from "./steps.ts";

export const articleImagesStep: BuildStep = {
  name: "article-images",
  *run({ data, rootDir }): Iterable<OutputFile> {
    for (const article of data.model.articles) {
      const image = article.image;
      if (!image?.sourceFile) continue;
      yield { path: image.src.replace(/^\//, ""), contents: readFileSync(path.join(rootDir, image.sourceFile)) };
    }
  },
};

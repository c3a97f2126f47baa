/** Writes the open-data files (/api/…) after the pages (see datasets.ts). */
import type { BuildStep } from "../build/steps.ts";
import { buildOpenDataFiles } from "./datasets.ts";

export const openDataStep: BuildStep = {
  name: "open-data",
  run: ({ data }) =>
    buildOpenDataFiles({
      config: data.layout.config,
      articles: data.model.articles,
      provinces: data.model.provinces,
      people: data.people,
      awards: data.awards,
      shortUrlOf: (article) => data.links.shareOf(article).shortUrl,
    }),
};

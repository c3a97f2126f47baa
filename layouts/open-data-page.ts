/**
 * /du-lieu/: what the open data is, its licence (site-config.ts
 * DATA_LICENCE), its format, and the download links of every file and its
 * JSON Schema.
 */
import { AWARDS_BASE } from "../src/awards/awards.ts";
import { OPEN_DATA_PAGE, SPLIT_LIMIT_BYTES } from "../src/open-data/datasets.ts";
import { DATASETS, datasetPath, schemaPath, type DatasetName } from "../src/open-data/schemas.ts";
import { html } from "../src/safe-html.ts";
import { sitePath } from "../src/site-config.ts";
import { UI } from "../src/ui-strings.ts";
import { scrollingTable } from "./awards-pages.ts";
import { renderPage, type LayoutContext } from "./base.ts";

const CONTENT: Record<DatasetName, string> = {
  articles: UI.dataArticles,
  provinces: UI.dataProvinces,
  people: UI.dataPeople,
  awards: UI.dataAwards,
};

/** Renders /du-lieu/. */
export function renderOpenDataPage(ctx: LayoutContext): string {
  const { config } = ctx;
  const limit = `${SPLIT_LIMIT_BYTES / 1024 / 1024} MB`;
  return renderPage(ctx, {
    title: UI.dataTitle,
    description: UI.dataDescription,
    url: OPEN_DATA_PAGE,
    breadcrumbs: [{ label: UI.home, url: "/" }, { label: UI.dataTitle }],
    main: html`<h1>${UI.dataTitle}</h1>
<p>${UI.dataIntro}</p>
<section aria-labelledby="cac-tep"><h2 id="cac-tep">${UI.dataFiles}</h2>
${scrollingTable(
  "bang-tep",
  UI.dataFiles,
  html`<th scope="col">${UI.dataColFile}</th><th scope="col">${UI.dataColContent}</th><th scope="col">${UI.dataColSchema}</th>`,
  html`${DATASETS.map(
    (name) => html`<tr><th scope="row"><a href="${sitePath(config, datasetPath(name))}" type="application/json">${datasetPath(name).slice(5)}</a></th><td>${CONTENT[name]}</td><td><a href="${sitePath(config, schemaPath(name))}" type="application/schema+json">${schemaPath(name).slice(5)}</a></td></tr>`,
  )}`,
)}
</section>
<section aria-labelledby="giay-phep"><h2 id="giay-phep">${UI.dataLicence}</h2>
<p>${UI.dataLicenceText(config.dataLicence.name)} <a href="${config.dataLicence.url}" rel="license">${config.dataLicence.name}</a></p>
</section>
<section aria-labelledby="dinh-dang"><h2 id="dinh-dang">${UI.dataFormat}</h2>
<p>${UI.dataFormatText}</p>
<p>${UI.dataSplitText(limit)}</p>
</section>
<section aria-labelledby="csv"><h2 id="csv">${UI.dataCsv}</h2>
<p>${UI.dataCsvText} <a href="${sitePath(config, AWARDS_BASE)}">${UI.awardsTitle}</a>.</p>
</section>`,
  });
}

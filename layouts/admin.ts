/**
 * The web editor's page, /admin/index.html: nothing but Decap CMS's script
 * (which reads config.yml next to it) and a notice shown when no git host is
 * configured. Not a page of the site: noindex, no canonical link, no site
 * script or stylesheet (the preview pane loads the stylesheet itself).
 */
import { FAVICON_PATH } from "../src/build/static-files-step.ts";
import { NOT_CONNECTED_ID, PAGE_DATA_ATTRIBUTE, type AdminPageData } from "../src/cms/page-data.ts";
import { explainIn, tIn } from "../src/messages/index.ts";
import { html } from "../src/safe-html.ts";
import { sitePath } from "../src/site-config.ts";

/** Renders /admin/index.html; `scriptPath` is the bundle's root-relative path ("/admin/cms-0123456789.js"). */
export function renderAdminPage(data: AdminPageData, scriptPath: string): string {
  const notice = explainIn("vi", "cms.page.notConnected");
  return html`<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>${tIn("vi", "cms.page.title")} – ${data.site.name}</title>
<link rel="icon" href="${sitePath(data.site, FAVICON_PATH)}" type="image/svg+xml">
<script src="${sitePath(data.site, scriptPath)}" defer ${PAGE_DATA_ATTRIBUTE}="${JSON.stringify(data)}"></script>
</head>
<body>
<noscript><p>${tIn("vi", "cms.page.noscript")}</p></noscript>
<main id="${NOT_CONNECTED_ID}" hidden>
<h1>${tIn("vi", "cms.page.title")}</h1>
<p>${notice.message}</p>
<p>${notice.fix}</p>
</main>
</body>
</html>
`.value;
}

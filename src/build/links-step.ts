/**
 * Everything that keeps links alive, written after the pages:
 * - /q/<code>/ for every short code (QR codes on paper lead here),
 * - a redirect page at every alias (old URLs after a rename or move),
 * - an explanation page at every URL and code of a withdrawn article,
 * - ma-qr/<code>/qr.svg and qr.png (downloads from the share page),
 * - `_redirects` (Netlify/Cloudflare format) so CDNs that read it answer 301.
 * An alias that would overwrite a generated page is an error naming both.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { renderRedirectPage, renderWithdrawnPage } from "../../layouts/redirect-page.ts";
import { ContentValidationError, type ContentError } from "../content/errors.ts";
import { shortPath } from "../links/short-code.ts";
import { sharePagePath } from "../links/site-links.ts";
import type { OutputFile } from "./output-files.ts";
import type { BuildStep } from "./steps.ts";

/** The file a URL path is served from: "/a/" → "a/index.html", "/a.html" → "a.html". */
export function fileForPath(urlPath: string): string {
  const rel = urlPath.replace(/^\//, "");
  return rel === "" || rel.endsWith("/") ? `${rel}index.html` : rel;
}

export const linksStep: BuildStep = {
  name: "links",
  run({ data, stagingDir }): OutputFile[] {
    const { config } = data.layout;
    const files: OutputFile[] = [];
    const redirects: string[] = [];
    const errors: ContentError[] = [];
    const claimed = new Map<string, string>();

    const redirect = (from: string, to: string, title: string, owner: string): void => {
      const file = fileForPath(from);
      if (existsSync(path.join(stagingDir, file))) {
        errors.push({ file: owner, field: "aliases", value: JSON.stringify(from), message: "is the address of a page the site generates", expected: "an old URL that no page uses", fix: "remove this alias" });
        return;
      }
      const other = claimed.get(file);
      if (other && other !== owner) {
        errors.push({ file: owner, field: "aliases", value: JSON.stringify(from), message: `is also claimed by ${other}`, fix: `keep it in only one of ${owner} and ${other}` });
        return;
      }
      claimed.set(file, owner);
      files.push({ path: file, contents: renderRedirectPage(config, to, title) });
      redirects.push(`${from} ${to} 301`);
    };

    for (const share of data.links.sharePages) {
      const { article } = share;
      for (const code of data.links.plan.codesOf.get(article) ?? []) redirect(shortPath(code), article.url, article.title, article.sourcePath);
      for (const alias of article.aliases) redirect(alias, article.url, article.title, article.sourcePath);
      const qrText = share.shortUrl;
      files.push({ path: `${sharePagePath(share.code).slice(1)}qr.svg`, contents: data.qr.svg(qrText, article.title) });
      files.push({ path: `${sharePagePath(share.code).slice(1)}qr.png`, contents: data.qr.png(qrText) });
    }
    for (const entry of data.links.plan.withdrawn) {
      const page = renderWithdrawnPage(entry.title, entry.withdrawn ?? "");
      for (const url of [shortPath(entry.code), ...entry.urls]) {
        const file = fileForPath(url);
        if (!existsSync(path.join(stagingDir, file)) && !claimed.has(file)) {
          claimed.set(file, entry.code);
          files.push({ path: file, contents: page });
        }
      }
    }
    if (errors.length > 0) throw new ContentValidationError(errors);
    data.qr.save();
    files.push({ path: "_redirects", contents: `${redirects.join("\n")}\n` });
    return files;
  },
};

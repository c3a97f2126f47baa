/**
 * Everything that keeps links alive:
 * - /q/<code>/ for every short code (QR codes on paper lead here),
 * - a redirect page at every alias (old URLs after a rename or move),
 * - an explanation page at every URL and code of a withdrawn article,
 * - `_redirects` (Netlify/Cloudflare format) so CDNs that read it answer 301,
 *   listing exactly the redirects the output plan accepted.
 * The whole /q/ folder is reserved: an alias can never take a short link,
 * whether its code is in use, withdrawn or not yet allocated.
 */
import { renderRedirectPage, renderWithdrawnPage } from "../../layouts/redirect-page.ts";
import { LEDGER_FILE } from "../links/ledger.ts";
import { SHORT_LINK_FOLDER, shortPath } from "../links/short-code.ts";
import { aliasFile, defineFileStep, urlProblem, type ClaimKind, type ContentSource, type OutputDeclaration } from "../plan/output-plan.ts";
import { sitePath, type SiteConfig } from "../site-config.ts";
import type { SiteData } from "../site-data.ts";
import { digest, stableDigest } from "./stable-digest.ts";

/** The `_redirects` file of a plan: one "from to 301" line per accepted redirect, under the base path. */
function redirectsFile(config: SiteConfig, outputs: readonly { readonly url: string; readonly redirectTo?: string }[]): string {
  const lines: string[] = [];
  for (const o of outputs) if (o.redirectTo !== undefined) lines.push(`${sitePath(config, o.url)} ${sitePath(config, o.redirectTo)} 301`);
  return `${lines.join("\n")}\n`;
}

/** A redirect page (a class: one per short code and alias, tens of thousands per site). */
class RedirectPage implements OutputDeclaration {
  readonly file: string | undefined;
  constructor(
    private readonly config: SiteConfig,
    readonly url: string,
    readonly redirectTo: string,
    private readonly title: string,
    readonly kind: ClaimKind,
    readonly source: ContentSource,
    readonly crossChecked: boolean,
  ) {
    // A malformed URL is reported by the plan; only a well-formed one has a file.
    this.file = urlProblem(url) === undefined ? aliasFile(url) : undefined;
  }
  body(): string {
    return renderRedirectPage(this.config, this.redirectTo, this.title);
  }
  /** The page shows the target and the title (the configuration is in the build digest). */
  fingerprint(): string {
    return digest("redirect", this.redirectTo, this.title);
  }
}

export const linksStep = defineFileStep<SiteData>({
  name: "links",
  reserves: () => [{ path: SHORT_LINK_FOLDER, shown: `/${SHORT_LINK_FOLDER}/` }, { path: "_redirects" }],
  *declare(site) {
    const { config } = site.layout;
    for (const share of site.links.sharePages) {
      const { article } = share;
      const source = { file: article.sourcePath };
      for (const code of site.links.plan.codesOf.get(article) ?? []) yield new RedirectPage(config, shortPath(code), article.url, article.title, "content", source, false);
      if (article.aliases.length === 0) continue;
      const aliasSource = { file: article.sourcePath, field: "aliases" };
      for (const alias of article.aliases) yield new RedirectPage(config, alias, article.url, article.title, "alias", aliasSource, true);
    }
    // Old links of withdrawn articles: wherever nothing else is published now.
    for (const entry of site.links.plan.withdrawn) {
      const body = (): string => renderWithdrawnPage(config, entry.title, entry.withdrawn ?? "");
      const source = { file: LEDGER_FILE, field: `entries[${entry.code}].urls` };
      const fingerprint = (): string => stableDigest("withdrawn", entry.title, entry.withdrawn ?? "");
      for (const url of [shortPath(entry.code), ...entry.urls]) yield { url, kind: "fallback", source, body, fingerprint };
    }
    yield { url: "/_redirects", body: (plan) => redirectsFile(config, plan.outputs) };
  },
});

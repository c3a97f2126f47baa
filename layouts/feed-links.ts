/**
 * Links to the feeds written by src/feeds.ts: autodiscovery <link> elements
 * for <head> and a small visible "subscribe" link, for the home page (no
 * province) and a province's index pages. Built with html`` so every value
 * is escaped.
 */
import { FEED_MEDIA_TYPES, feedPaths, feedTitle } from "../src/feeds.ts";
import { getProvince } from "../src/provinces.ts";
import { html, type SafeHtml } from "../src/safe-html.ts";
import { absoluteUrl, sitePath, type SiteConfig } from "../src/site-config.ts";
import { UI } from "../src/ui-strings.ts";

/**
 * `<link rel="alternate">` for the RSS, Atom and JSON feeds of the site, or of
 * one province (current or former), with absolute hrefs.
 * @throws {UnknownProvinceError} for an id not in the registry
 */
export function feedHeadLinks(config: SiteConfig, provinceId?: string): SafeHtml {
  const paths = feedPaths(provinceId);
  const title = feedTitle(config, provinceId === undefined ? undefined : getProvince(provinceId));
  return html`<link rel="alternate" type="${FEED_MEDIA_TYPES.rss}" title="${UI.feedLinkTitle(title, "RSS")}" href="${absoluteUrl(config, paths.rss)}">
<link rel="alternate" type="${FEED_MEDIA_TYPES.atom}" title="${UI.feedLinkTitle(title, "Atom")}" href="${absoluteUrl(config, paths.atom)}">
<link rel="alternate" type="${FEED_MEDIA_TYPES.json}" title="${UI.feedLinkTitle(title, "JSON Feed")}" href="${absoluteUrl(config, paths.json)}">`;
}

/**
 * A visible link to the RSS feed of the site, or of one province
 * ("Theo dõi qua RSS"), a site path like the site's other links.
 * @throws {UnknownProvinceError} for an id not in the registry
 */
export function feedVisibleLink(config: Pick<SiteConfig, "basePath">, provinceId?: string): SafeHtml {
  return html`<a class="feed-link" href="${sitePath(config, feedPaths(provinceId).rss)}" type="${FEED_MEDIA_TYPES.rss}">${UI.feedSubscribe}</a>`;
}

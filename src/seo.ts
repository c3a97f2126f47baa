/**
 * What other programs read from a page: Open Graph tags (the preview card
 * Zalo and Facebook show when a link is pasted) and schema.org JSON-LD
 * (NewsArticle, BreadcrumbList) for search engines. Pure: data in, markup
 * out, every value escaped.
 */
import type { Article } from "./content/article.ts";
import { largestJpeg, type ArticleMedia } from "./images/article-media.ts";
import { provinceLabel } from "./provinces.ts";
import { html, trustedHtml, type SafeHtml } from "./safe-html.ts";
import { absoluteUrl, type SiteConfig } from "./site-config.ts";

/** An image for a preview card: absolute URL, its text alternative and, when known, its size and type. */
export interface SocialImage {
  readonly url: string;
  readonly alt: string;
  readonly width?: number;
  readonly height?: number;
  readonly type?: string;
}

/** Open Graph `article:*` properties. */
export interface OpenGraphArticle {
  /** ISO 8601 with offset, e.g. "2016-11-29T14:00:00+07:00". */
  readonly publishedTime: string;
  readonly section?: string;
  readonly tags?: readonly string[];
}

export interface OpenGraphInput {
  readonly type: "website" | "article";
  readonly title: string;
  readonly description: string;
  /** Absolute canonical URL. */
  readonly url: string;
  readonly siteName: string;
  readonly image?: SocialImage;
  readonly article?: OpenGraphArticle;
}

/** A JSON-LD node (without @context: {@link jsonLdScript} adds it once). */
export type JsonLdNode = { readonly "@type": string } & { readonly [key: string]: JsonLdValue };
export type JsonLdValue = string | number | boolean | JsonLdNode | readonly JsonLdValue[] | { readonly [key: string]: JsonLdValue };

/** Facebook cuts titles and descriptions around these lengths; shorter cards read better. */
const MAX_DESCRIPTION = 300;

function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** Absolute URL for an image src that is root-relative or already absolute. */
export function absoluteImageUrl(config: SiteConfig, src: string): string {
  return /^https?:\/\//.test(src) ? src : absoluteUrl(config, src);
}

/** `<meta property="og:…">` and the Twitter card type, for any page. */
export function openGraphTags(input: OpenGraphInput): SafeHtml {
  const tags: [string, string][] = [
    ["og:type", input.type],
    ["og:site_name", input.siteName],
    ["og:locale", "vi_VN"],
    ["og:title", input.title],
    ["og:description", clip(input.description, MAX_DESCRIPTION)],
    ["og:url", input.url],
  ];
  if (input.image) {
    // Facebook and Zalo lay the card out before fetching the image only when its size is given.
    tags.push(["og:image", input.image.url]);
    if (input.image.url.startsWith("https:")) tags.push(["og:image:secure_url", input.image.url]);
    if (input.image.type) tags.push(["og:image:type", input.image.type]);
    if (input.image.width && input.image.height) tags.push(["og:image:width", String(input.image.width)], ["og:image:height", String(input.image.height)]);
    tags.push(["og:image:alt", input.image.alt]);
  }
  if (input.article) {
    tags.push(["article:published_time", input.article.publishedTime]);
    if (input.article.section) tags.push(["article:section", input.article.section]);
    for (const tag of input.article.tags ?? []) tags.push(["article:tag", tag]);
  }
  return html`${tags.map(([property, content]) => html`<meta property="${property}" content="${content}">\n`)}<meta name="twitter:card" content="${input.image ? "summary_large_image" : "summary"}">`;
}

/**
 * Open Graph input for an article page. With processed media the card is
 * the share image (the photo cropped to 1200 × 630, or the generated card);
 * without (the live preview) the committed photo, if any.
 */
export function articleOpenGraph(config: SiteConfig, article: Article, media?: ArticleMedia): OpenGraphInput {
  const share = media?.share;
  return {
    type: "article",
    title: article.title,
    description: article.summary,
    url: absoluteUrl(config, article.url),
    siteName: config.name,
    ...(share
      ? { image: { url: absoluteUrl(config, share.url), alt: share.alt, width: share.width, height: share.height, type: share.type } }
      : article.image
        ? { image: { url: absoluteImageUrl(config, article.image.src), alt: article.image.alt } }
        : {}),
    article: { publishedTime: article.date.iso, section: provinceLabel(article.province), tags: article.tags },
  };
}

/** schema.org NewsArticle for an article; dates keep their +07:00 offset; images are the published files. */
export function newsArticleJsonLd(config: SiteConfig, article: Article, media?: ArticleMedia): JsonLdNode {
  const url = absoluteUrl(config, article.url);
  const publisher: JsonLdNode = { "@type": "Organization", name: config.name, url: absoluteUrl(config, "/") };
  const node: { "@type": string; [key: string]: JsonLdValue } = {
    "@type": "NewsArticle",
    "@id": `${url}#bai-viet`,
    headline: article.title,
    description: article.summary,
    url,
    mainEntityOfPage: url,
    datePublished: article.date.iso,
    dateModified: article.date.iso,
    inLanguage: "vi",
    isAccessibleForFree: true,
    articleSection: provinceLabel(article.province),
    contentLocation: { "@type": "AdministrativeArea", name: article.province.name },
    publisher,
    // The byline when there is one, else the organising body, else the site.
    author: article.author
      ? { "@type": "Person", name: article.author }
      : article.agency
        ? { "@type": "Organization", name: article.agency }
        : publisher,
  };
  const lead = media?.lead;
  if (lead?.kind === "local") {
    // Google wants large images in several aspect ratios: the photo's own largest JPEG and the 1200 × 630 card.
    const jpeg = largestJpeg(lead);
    node["image"] = [...(jpeg ? [absoluteUrl(config, jpeg.url)] : []), ...(media?.share ? [absoluteUrl(config, media.share.url)] : [])];
  } else if (article.image) node["image"] = [absoluteImageUrl(config, article.image.src)];
  if (article.agency) node["sourceOrganization"] = { "@type": "GovernmentOrganization", name: article.agency };
  if (article.tags.length > 0) node["keywords"] = article.tags.join(", ");
  if (article.officials.length > 0) node["mentions"] = article.officials.map((o) => ({ "@type": "Person", name: o.name, ...(o.role ? { jobTitle: o.role } : {}) }));
  return node;
}

/** schema.org WebSite, for the home page. */
export function websiteJsonLd(config: SiteConfig): JsonLdNode {
  return { "@type": "WebSite", name: config.name, description: config.description, url: absoluteUrl(config, "/"), inLanguage: "vi" };
}

/** A breadcrumb trail as schema.org BreadcrumbList; the last crumb is the page itself. */
export function breadcrumbJsonLd(config: SiteConfig, crumbs: readonly { readonly label: string; readonly url?: string }[], pageUrl: string): JsonLdNode {
  return {
    "@type": "BreadcrumbList",
    itemListElement: crumbs.map((c, i) => ({ "@type": "ListItem", position: i + 1, name: c.label, item: absoluteUrl(config, c.url ?? pageUrl) })),
  };
}

/**
 * Serialises JSON for a `<script type="application/ld+json">` data block.
 * `<`, `>` and `&` become \u escapes (they can only occur inside JSON
 * strings, where the escape means the same character), so no value can end
 * the element (`</script>`) or open a comment (`<!--`).
 */
export function serializeJsonForHtml(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** One JSON-LD block holding every node of the page. */
export function jsonLdScript(nodes: readonly JsonLdNode[]): SafeHtml {
  if (nodes.length === 0) return html``;
  const data = nodes.length === 1 ? { "@context": "https://schema.org", ...nodes[0] } : { "@context": "https://schema.org", "@graph": nodes };
  return html`<script type="application/ld+json">${trustedHtml(serializeJsonForHtml(data))}</script>`;
}

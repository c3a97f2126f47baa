/**
 * Syndication feeds: RSS 2.0, Atom 1.0 and JSON Feed 1.1, for the whole site
 * (`feed.xml`, `atom.xml`, `feed.json`) and for every unit in the province
 * registry, current and former (`<province-id>/feed.xml` …). A current unit's
 * feed includes its former units' articles, exactly as its index pages do.
 *
 * Why it is written this way:
 *
 * - Pure: site model in, {@link OutputFile}s out. No Eleventy, no I/O, so the
 *   tests call it directly and the build runs it as a post-Eleventy step.
 * - Deterministic: a feed's `updated`/`lastBuildDate` is its newest article's
 *   date, never the clock, so two builds of the same content are
 *   byte-identical (the `feed` package would otherwise use `new Date()`).
 * - Linear: the model's lists are already sorted newest first, so each feed
 *   takes the first {@link FEED_ITEM_LIMIT} articles of one list; the work is
 *   bounded by (units + 1) × limit items whatever the article count.
 * - Well-formed whatever an editor pasted. The `feed` package builds the
 *   structure but serialises with xml-js, which has gaps that editor text can
 *   reach, so values are prepared before they go in:
 *   - CDATA: xml-js splits only the first "]]>" of a CDATA section, so a
 *     second one would end the section early. Every "]]>" is replaced with
 *     "]]" + U+FFFF, and U+FFFF is then replaced with "]]><![CDATA[>" in the
 *     output (the standard split). U+FFFF is not an XML character, so it is
 *     stripped from every input first and cannot occur otherwise.
 *   - Text nodes: xml-js turns "&amp;" back into "&" before escaping (so a
 *     literal "&amp;" in a title would lose its "amp;"); text values therefore
 *     get every "&" pre-escaped, which that step exactly undoes.
 *   - Attributes: xml-js escapes only `"`. The only editor text in an
 *     attribute is an Atom category term; its "<" travels as U+FFFE and
 *     becomes "&lt;" in the output ("&" is escaped by `feed` itself).
 *   - Characters XML 1.0 forbids (C0 controls, lone surrogates, U+FFFE,
 *     U+FFFF) are dropped. The loader already removes them; this module does
 *     not rely on that.
 * - HTML vs plain text: Atom titles and summaries, and RSS descriptions, are
 *   HTML, so the plain-text title and summary are HTML-escaped there; the RSS
 *   title and all JSON Feed fields other than `content_html` stay plain text.
 * - Dates: `feed` writes `toISOString()` (UTC "Z") for Atom and JSON and
 *   `toUTCString()` (RFC 822, GMT) for RSS. Items get a Date whose
 *   `toISOString()` returns the article's own "+07:00" ISO string and whose
 *   `toUTCString()` returns the RFC 822 form in the same offset ("+0700"),
 *   so every format shows the time as the article states it.
 * - Item content is what the page shows: the photo with its caption, the
 *   body (its headings at the page's levels, its pictures as absolute JPEGs
 *   with their size), then officials and awards under the page's <h2>
 *   headings. The photo is also attached: an RSS enclosure, an Atom
 *   rel="enclosure" link and JSON Feed's `image`.
 * - `feed` writes JSON Feed 1.0; `language` and `authors` (1.1) go in as
 *   extensions, which it copies verbatim, and the version line is rewritten.
 * - RSS bylines use `dc:creator` (RSS's own `<author>` must be an e-mail
 *   address); relative links and images in bodies are made absolute, since a
 *   feed reader has no page to resolve them against.
 */
import { Feed, type Extension, type FeedOptions, type Item } from "feed";
import { DateTime, FixedOffsetZone } from "luxon";
import type { OutputFile } from "./build/output-files.ts";
import { award, official } from "../layouts/article.ts";
import type { Article } from "./content/article.ts";
import type { ArticleDate } from "./dates.ts";
import { lastUpdated } from "./git-dates.ts";
import type { ArticleMedia, MediaIndex } from "./images/article-media.ts";
import { feedBody } from "./images/picture-html.ts";
import { defineFileStep, type OutputBody, type OutputDeclaration } from "./plan/output-plan.ts";
import { PROVINCES, UnknownProvinceError, currentUnitOf, formerUnitsOf, getProvince, provinceFullName, type ProvinceUnit } from "./provinces.ts";
import { escapeHtml, html, type SafeHtml } from "./safe-html.ts";
import { absoluteUrl, type SiteConfig } from "./site-config.ts";
import type { SiteData } from "./site-data.ts";
import { provinceUrl, type SiteModel } from "./site-model.ts";
import { UI, inSentence } from "./ui-strings.ts";
import { stableDigest } from "./build/stable-digest.ts";

/** Most items in one feed (the newest ones). */
export const FEED_ITEM_LIMIT = 50;

/** The `version` of the JSON Feed documents written. */
export const JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1";

/** Media types for autodiscovery links and servers. */
export const FEED_MEDIA_TYPES = {
  rss: "application/rss+xml",
  atom: "application/atom+xml",
  json: "application/feed+json",
} as const;

/** Root-relative URLs of the three feeds of the site or of one unit. */
export interface FeedPaths {
  readonly rss: string;
  readonly atom: string;
  readonly json: string;
}

/**
 * Root-relative feed URLs: "/feed.xml", "/atom.xml", "/feed.json" for the
 * site; "/gia-lai/feed.xml" … for a unit.
 * @throws {UnknownProvinceError} for an id not in the registry
 */
export function feedPaths(provinceId?: string): FeedPaths {
  if (provinceId !== undefined && !getProvince(provinceId)) throw new UnknownProvinceError(provinceId);
  const base = provinceId === undefined ? "/" : provinceUrl(provinceId);
  return { rss: `${base}feed.xml`, atom: `${base}atom.xml`, json: `${base}feed.json` };
}

/** Feed title: the site name, or "Tin tỉnh Gia Lai – <site name>" for a unit. */
export function feedTitle(config: SiteConfig, unit?: ProvinceUnit): string {
  return unit ? UI.feedProvinceTitle(provinceFullName(unit), config.name) : config.name;
}

/** Feed description; a former unit names its successor, a current one its former units. */
function feedDescription(config: SiteConfig, unit?: ProvinceUnit): string {
  if (!unit) return config.description;
  const name = unit.current
    ? provinceFullName(unit)
    : `${provinceFullName(unit)} (${unit.change === "renamed" ? UI.nowNamed : UI.nowPartOf} ${inSentence(provinceFullName(currentUnitOf(unit.id)))})`;
  return UI.feedProvinceDescription(name, formerUnitsOf(unit.id).map(provinceFullName));
}

// ---------------------------------------------------------------------------
// Making editor text safe for xml-js (see the header comment)
// ---------------------------------------------------------------------------

/** Anything outside XML 1.0's Char production; with /u a lone surrogate is one code point. */
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
/** Stands for the second half of a CDATA split; replaced after serialisation. */
const CDATA_SPLIT = "\uFFFF";
/** Stands for "<" inside an attribute; replaced after serialisation. */
const ATTRIBUTE_LT = "\uFFFE";

/** Drops characters that XML 1.0 does not allow anywhere (and so the two sentinels). */
function xmlChars(text: string): string {
  return text.replace(NOT_XML_CHAR, "");
}

// The three helpers below take text already passed through xmlChars.

/** For a value `feed` puts in a CDATA section. */
function cdata(text: string): string {
  return text.replaceAll("]]>", `]]${CDATA_SPLIT}`);
}

/** For a value `feed` writes as a text node (xml-js un-escapes "&amp;" first). */
function textNode(text: string): string {
  return text.replaceAll("&", "&amp;");
}

/** For a value `feed` writes as an attribute after escaping "&" itself. */
function attribute(text: string): string {
  return text.replaceAll("<", ATTRIBUTE_LT);
}

/**
 * Replaces the sentinels in serialised XML, and corrects the type `feed`
 * derives from an enclosure's file extension for Atom ("image/jpg" for
 * .jpg; editor text cannot produce that attribute: its quotes are escaped).
 */
function finishXml(xml: string): string {
  return `${xml.replaceAll(CDATA_SPLIT, "]]><![CDATA[>").replaceAll(ATTRIBUTE_LT, "&lt;").replaceAll('type="image/jpg"', 'type="image/jpeg"')}\n`;
}

// ---------------------------------------------------------------------------
// Dates
// ---------------------------------------------------------------------------

/**
 * RFC 822 date-time in the offset the ISO string carries:
 * "Tue, 29 Nov 2016 14:00:00 +0700" (RSS 2.0's format, with a numeric zone).
 */
export function rfc822WithOffset(timestamp: number, iso: string): string {
  const zone = /([+-])(\d{2}):(\d{2})$/.exec(iso);
  const minutes = zone ? (zone[1] === "-" ? -1 : 1) * (Number(zone[2]) * 60 + Number(zone[3])) : 0;
  return DateTime.fromMillis(timestamp, { zone: FixedOffsetZone.instance(minutes) }).toRFC2822() ?? new Date(timestamp).toUTCString();
}

/** A Date whose ISO and RFC 822 forms keep the article's offset ("2016-12-09T00:00:00+07:00", "Fri, 09 Dec 2016 00:00:00 +0700"). */
class OffsetDate extends Date {
  readonly #iso: string;
  constructor(timestamp: number, iso: string) {
    super(timestamp);
    this.#iso = iso;
  }
  override toISOString(): string {
    return this.#iso;
  }
  override toUTCString(): string {
    return rfc822WithOffset(this.getTime(), this.#iso);
  }
}

/** `updated` of a feed with no items: fixed, so empty feeds are deterministic too. */
const EMPTY_FEED_DATE = new OffsetDate(0, "1970-01-01T07:00:00+07:00");

// ---------------------------------------------------------------------------
// Items
// ---------------------------------------------------------------------------

/** One article's values, cleaned once (all free of non-XML characters). */
interface CleanArticle {
  readonly url: string;
  /** Publication date. */
  readonly date: OffsetDate;
  /** Last change after publication (src/git-dates.ts), when there was one. */
  readonly updated?: OffsetDate;
  readonly title: string;
  readonly summary: string;
  readonly contentHtml: string;
  readonly author?: string;
  readonly categories: readonly string[];
  readonly image?: { readonly url: string; readonly type: string; readonly length: number };
}

/** One article's item in each format, built once and shared by every feed it appears in. */
interface FeedItems {
  /** The item's last change (its publication date when never updated): what a feed's own `updated` is the newest of. */
  readonly date: OffsetDate;
  readonly rss: Item;
  readonly atom: Item;
  readonly json: Item;
}

const URL_ATTRIBUTE = / (href|src)="([^"]*)"/g;
const HAS_SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:/;
const HTML_ENTITY = /&(amp|lt|gt|quot|#39);/g;
const ENTITY_CHARS: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'" };

/**
 * Makes relative href/src values in rendered Markdown absolute against the
 * article's URL. markdown-it always writes attributes as name="escaped".
 */
function absoluteLinks(html: string, base: string): string {
  return html.replace(URL_ATTRIBUTE, (whole, name: string, value: string) => {
    if (HAS_SCHEME.test(value)) return whole;
    try {
      const resolved = new URL(value.replace(HTML_ENTITY, (entity, key: string) => ENTITY_CHARS[key] ?? entity), base).href;
      return ` ${name}="${escapeHtml(resolved)}"`;
    } catch {
      return whole;
    }
  });
}

/** The photo at the top of the item content, as the page shows it: absolute JPEG, size, caption. */
function leadHtml(config: SiteConfig, article: Article, media: ArticleMedia | undefined): SafeHtml {
  const image = article.image;
  const lead = media?.lead;
  if (!image || !lead) return html``;
  const caption = image.caption ? html`<figcaption>${image.caption}</figcaption>` : "";
  if (lead.kind === "remote") return html`<figure><img src="${lead.url}" alt="${lead.alt}">${caption}</figure>`;
  const jpegs = lead.renditions.filter((r) => r.format === "jpeg");
  const chosen = jpegs.filter((r) => r.width <= 720).pop() ?? jpegs[0];
  return chosen ? html`<figure><img src="${absoluteUrl(config, chosen.url)}" width="${chosen.width}" height="${chosen.height}" alt="${lead.alt}">${caption}</figure>` : html``;
}

/** Officials and awards, under the same <h2> headings as on the page. */
function factsHtml(article: Article): SafeHtml {
  return html`${article.officials.length > 0 ? html`<h2>${UI.officials}</h2><ul>${article.officials.map(official)}</ul>` : ""}${article.awards.length > 0 ? html`<h2>${UI.awards}</h2><ul>${article.awards.map(award)}</ul>` : ""}`;
}

/** The photo attached to the item (absolute URL), when it has a valid one. */
function feedImage(config: SiteConfig, media: ArticleMedia | undefined): CleanArticle["image"] {
  const image = media?.feedImage;
  if (!image) return undefined;
  const url = image.url.startsWith("/") ? absoluteUrl(config, image.url) : image.url;
  return URL.canParse(url) ? { url, type: image.type, length: image.bytes } : undefined;
}

function clean(config: SiteConfig, article: Article, media?: ArticleMedia, updated?: ArticleDate): CleanArticle {
  const url = absoluteUrl(config, article.url);
  const title = xmlChars(article.title);
  const summary = xmlChars(article.summary);
  const body = xmlChars(`${leadHtml(config, article, media).value}${feedBody(config, article.body, media).value}${factsHtml(article).value}`);
  const image = feedImage(config, media);
  const author = article.author === undefined ? "" : xmlChars(article.author).trim();
  const categories = [provinceFullName(article.province), ...article.tags.map(xmlChars)].filter((c) => c.trim() !== "");
  return {
    url,
    date: new OffsetDate(article.date.timestamp, article.date.iso),
    ...(updated ? { updated: new OffsetDate(updated.timestamp, updated.iso) } : {}),
    title,
    summary,
    // JSON Feed needs content; an empty body falls back to the summary, then the title.
    contentHtml: body.trim() ? absoluteLinks(body, url) : `<p>${escapeHtml(summary || title)}</p>`,
    ...(author ? { author } : {}),
    categories: [...new Set(categories)],
    ...(image ? { image } : {}),
  };
}

function feedItems(config: SiteConfig, article: Article, media?: ArticleMedia, updated?: ArticleDate): FeedItems {
  const a = clean(config, article, media, updated);
  // `date` is Atom's <updated> and JSON Feed's date_modified; RSS's pubDate stays the publication date (`published`).
  const common = { link: a.url, date: a.updated ?? a.date, published: a.date };
  const summaryHtml = cdata(escapeHtml(a.summary));
  const content = cdata(a.contentHtml);
  return {
    date: a.updated ?? a.date,
    rss: {
      ...common, // no id: the guid is then the link, with isPermaLink="true"
      title: cdata(a.title),
      description: summaryHtml,
      content,
      category: a.categories.map((name) => ({ name: textNode(name) })),
      ...(a.image ? { image: a.image } : {}),
      ...(a.author ? { extensions: [{ name: "dc:creator", objects: { _text: textNode(a.author) } }] } : {}),
    },
    atom: {
      ...common,
      id: a.url,
      title: cdata(escapeHtml(a.title)),
      description: summaryHtml,
      content,
      category: a.categories.map((term) => ({ term: attribute(term) })),
      ...(a.image ? { image: a.image } : {}),
      ...(a.author ? { author: [{ name: textNode(a.author) }] } : {}),
    },
    json: {
      ...common,
      id: a.url,
      title: a.title,
      description: a.summary,
      content: a.contentHtml,
      category: a.categories.map((name) => ({ name })),
      ...(a.image ? { image: a.image.url } : {}),
      ...(a.author ? { extensions: [jsonField("authors", [{ name: a.author }])] } : {}),
    },
  };
}

// ---------------------------------------------------------------------------
// Documents
// ---------------------------------------------------------------------------

/**
 * A field `feed`'s JSON writer copies verbatim into the channel or an item
 * (its "extensions"). Used for the JSON Feed 1.1 fields it does not know:
 * `language` and `authors`. (The declared type is an object, but any JSON
 * value is copied as is.)
 */
function jsonField(name: string, value: unknown): Extension {
  return { name, objects: value as Record<string, unknown> };
}

const JSON_FEED_V1_START = '{\n    "version": "https://jsonfeed.org/version/1",';

/**
 * `feed` labels its JSON output JSON Feed 1.0; with `authors` and `language`
 * supplied as extensions (and no 1.0 `author`), the rest is valid 1.1, so only
 * the version line changes. Checked, so a `feed` upgrade cannot slip past.
 */
function toJsonFeed11(json: string): string {
  if (!json.startsWith(JSON_FEED_V1_START)) throw new Error("feeds: unexpected JSON Feed output from the feed package");
  return `{\n    "version": ${JSON.stringify(JSON_FEED_VERSION)},${json.slice(JSON_FEED_V1_START.length)}\n`;
}

/** The three feeds of the site (no unit) or of one unit; `items` newest first. */
function renderFeedSet(config: SiteConfig, unit: ProvinceUnit | undefined, items: readonly FeedItems[]): OutputFile[] {
  const paths = feedPaths(unit?.id);
  const links = { rss: absoluteUrl(config, paths.rss), atom: absoluteUrl(config, paths.atom), json: absoluteUrl(config, paths.json) };
  const title = xmlChars(feedTitle(config, unit));
  const description = xmlChars(feedDescription(config, unit));
  const copyright = xmlChars(UI.feedCopyright);
  const siteName = xmlChars(config.name);
  const channel = {
    link: absoluteUrl(config, unit ? provinceUrl(unit.id) : "/"),
    language: config.language,
    updated: items.reduce<OffsetDate | undefined>((newest, item) => (newest && newest.getTime() >= item.date.getTime() ? newest : item.date), undefined) ?? EMPTY_FEED_DATE,
    feedLinks: links,
    generator: false,
  } as const;
  const xmlOptions: FeedOptions = {
    ...channel,
    id: textNode(links.atom),
    title: textNode(title),
    description: textNode(description),
    copyright: textNode(copyright),
    author: { name: textNode(siteName) },
  };
  const feed = (options: FeedOptions, format: "rss" | "atom" | "json", extensions: readonly Extension[] = []): Feed => {
    const out = new Feed(options);
    for (const extension of extensions) out.addExtension(extension);
    for (const item of items) out.addItem(item[format]);
    return out;
  };
  return [
    { path: paths.rss.slice(1), contents: finishXml(feed(xmlOptions, "rss").rss2()) },
    { path: paths.atom.slice(1), contents: finishXml(feed(xmlOptions, "atom").atom1()) },
    {
      path: paths.json.slice(1),
      contents: toJsonFeed11(feed({ ...channel, title, description, copyright }, "json", [jsonField("language", config.language), jsonField("authors", [{ name: siteName }])]).json1()),
    },
  ];
}

/**
 * Every feed of the site: RSS, Atom and JSON Feed for the whole site and for
 * each registry unit, newest {@link FEED_ITEM_LIMIT} articles each.
 * Same model in, byte-identical files out.
 */
export function buildFeeds(model: SiteModel, media?: MediaIndex, updated?: ReadonlyMap<string, ArticleDate>): OutputFile[] {
  const sets = feedSets(model, media, updated);
  return sets.flatMap((set) => set.render());
}

/** The feeds of the site (no unit) and of each unit, rendered on demand; items shared across sets. */
function feedSets(model: SiteModel, media?: MediaIndex, updated?: ReadonlyMap<string, ArticleDate>): { readonly unit: ProvinceUnit | undefined; fingerprint(): string; render(): OutputFile[]; release(): void }[] {
  const { config } = model;
  // Not kept across sets: an article is in at most two (the national feed and its unit's), and kept items held bodies for the whole build.
  const newest = (articles: readonly Article[]): FeedItems[] => articles.slice(0, FEED_ITEM_LIMIT).map((article) => feedItems(config, article, media?.of(article), lastUpdated(updated, article)));
  const set = (unit: ProvinceUnit | undefined, articles: readonly Article[]) => {
    let files: OutputFile[] | undefined;
    return {
      unit,
      // What the set shows: its newest articles with their pictures and last change (code and configuration are in the build digest).
      fingerprint: () => stableDigest(unit?.id, articles.slice(0, FEED_ITEM_LIMIT).map((a) => [a, media?.of(a), lastUpdated(updated, a)])),
      render: () => (files ??= renderFeedSet(config, unit, newest(articles))),
      /** Forgets the rendered files: the plan lives through the whole build, and 65 sets of 3 feeds of 50 items held ~250 MB at 10,000 articles. */
      release: () => void (files = undefined),
    };
  };
  return [set(undefined, model.articles), ...model.provinces.map(({ province }) => set(province, model.byProvince.get(province.id) ?? []))];
}

/** Every feed as planned outputs: paths known up front, each set of three rendered once, when first needed. */
export const feedsStep = defineFileStep<SiteData>({
  name: "feeds",
  *reserves() {
    for (const id of [undefined, ...PROVINCES.map((p) => p.id)]) for (const url of Object.values(feedPaths(id))) yield { path: url.slice(1) };
  },
  *declare(site): Iterable<OutputDeclaration> {
    for (const set of feedSets(site.model, site.media, site.updated)) {
      const paths = feedPaths(set.unit?.id);
      let fingerprint: string | undefined;
      const once = (): string => (fingerprint ??= set.fingerprint());
      // The three files are rendered together, and released once all three were taken (a preview takes them again: rendered again).
      const taken = new Set<number>();
      const take = (i: number): OutputBody => {
        const contents = set.render()[i]!.contents;
        taken.add(i);
        if (taken.size === 3) {
          taken.clear();
          set.release();
        }
        return contents;
      };
      for (const [i, url] of [paths.rss, paths.atom, paths.json].entries()) yield { url, fingerprint: once, body: () => take(i) };
    }
  },
});

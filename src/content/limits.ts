/**
 * Size and shape limits on everything the build reads from content/. Each
 * is far above what a real press release needs and low enough that one
 * hostile or broken file fails fast, in bounded memory, with an error naming
 * it. README ("What the build trusts") documents them.
 *
 * - Article file 1 MiB: the bundled releases are 3–7 KiB and the longest
 *   portal release we imported is about 40 KiB; 1 MiB is 25 times that, and
 *   reading, parsing and rendering 1 MiB of Markdown takes well under a second.
 * - Front matter 64 KiB: a release with 60 officials and 40 awards has about
 *   8 KiB of front matter. The YAML parsers and the position-aware re-parse
 *   used for error lines are linear, but 64 KiB keeps even their worst cases
 *   (long flow collections, many errors) to milliseconds.
 * - Body 512 KiB: about 80,000 words, a hundred times an 800-word release;
 *   a bound on what one article can add to search and feeds.
 * - Image 20 MiB: a camera JPEG is 3–12 MiB; above 20 MiB the file is almost
 *   certainly not meant for a web page (and is copied to every deploy).
 * - YAML nesting 10 levels and 10,000 values: the schema needs 3 levels
 *   (officials > item > name) and a few hundred values; anchors and aliases
 *   (`&a`, `*a`) can make 15 lines expand to billions of values, so the
 *   values are counted as they are copied, aliases counted once per use.
 * - 30 tags of at most 100 characters, 20 aliases: every tag is a page (and
 *   a sitemap entry) and every alias a redirect page, so without a bound one
 *   29 KiB file of 3,000 tags made 3,300 files and a minute of build; a
 *   release has a handful of topics and one or two former addresses.
 */

const KiB = 1024;
const MiB = 1024 * KiB;

export const LIMITS = {
  articleBytes: 1 * MiB,
  frontMatterBytes: 64 * KiB,
  bodyBytes: 512 * KiB,
  imageBytes: 20 * MiB,
  yamlDepth: 10,
  yamlValues: 10_000,
  /** Tags per article and characters per tag (each tag is a page). */
  tagsPerArticle: 30,
  tagLength: 100,
  /** Former addresses per article (each is a redirect page). */
  aliasesPerArticle: 20,
  /** Errors reported per file: one broken file cannot flood the output. */
  errorsPerFile: 50,
} as const;

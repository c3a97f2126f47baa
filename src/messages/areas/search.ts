/**
 * Messages of the search index step (src/search/) that reach the build's
 * output. None at present: the index is written from checked article data
 * (search-index.ts) and has no fallback to warn about since it no longer
 * depends on Pagefind's version.
 */
export const SEARCH_MESSAGES = {};

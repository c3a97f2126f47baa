/**
 * Names the search page, its script and the index share. Kept apart from
 * the index step so layouts can import them without loading the writer.
 */

/** Output folder of the search index, relative to the site root (the search page reads index.json from it). */
export const SEARCH_BUNDLE_DIR = "du-lieu-tim-kiem";

/** The index's manifest, in the bundle folder (search-index.ts). */
export const SEARCH_MANIFEST = "index.json";

/** The search page. */
export const SEARCH_PAGE_URL = "/tim-kiem/";

/** Query parameters of a linkable search: /tim-kiem/?q=…&tinh=…&nam=…&sap-xep=moi-nhat */
export const SEARCH_PARAMS = { query: "q", province: "tinh", year: "nam", sort: "sap-xep" } as const;

/** Values of the sort parameter; relevance is the default (no parameter). */
export const SEARCH_SORTS = { newest: "moi-nhat" } as const;

/** Characters of an article's summary a search result shows (longer summaries are cut there; `npm run check` warns about them). */
export const RESULT_SUMMARY_LENGTH = 160;

/**
 * Names the search page, its script and the index share. Kept apart from
 * the index step so layouts can import them without loading Pagefind.
 */

/** Output folder of the Pagefind bundle, relative to the site root (the search page loads pagefind.js from it). */
export const SEARCH_BUNDLE_DIR = "pagefind";

/** The search page. */
export const SEARCH_PAGE_URL = "/tim-kiem/";

/** Pagefind filter names (the bundle's filters, the page's selects). */
export const SEARCH_FILTERS = { province: "province", year: "year" } as const;

/** Query parameters of a linkable search: /tim-kiem/?q=…&tinh=…&nam=… */
export const SEARCH_PARAMS = { query: "q", province: "tinh", year: "nam" } as const;

/** Characters of an article's summary a search result shows (longer summaries are cut there; `npm run check` warns about them). */
export const RESULT_SUMMARY_LENGTH = 160;

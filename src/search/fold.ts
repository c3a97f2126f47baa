/**
 * Accent folding for search: what a reader types without Vietnamese
 * diacritics must find the text that has them.
 *
 * Pagefind already ignores tone and vowel marks ("nang" finds "Nẵng"), but
 * "đ" is a letter of its own in Unicode (U+0111), not "d" plus a combining
 * mark, so "duong" does not find "đường". The index step therefore also
 * indexes the folded form of every word that contains đ, and the browser
 * script folds the query with the same rules. `layouts/assets/search.js`
 * carries a copy of {@link foldVietnamese}; test/search.test.ts checks that
 * both agree.
 */

/**
 * Folds text for matching: lowercase, every combining mark removed (tones,
 * circumflex, breve, horn), "đ"/"Đ" → "d". Also maps "ð"/"Ð" (U+00F0/U+00D0),
 * which text converted from legacy Vietnamese encodings sometimes carries in
 * place of "đ"/"Đ". Accepts composed (NFC) or decomposed (NFD) input.
 *
 * @example foldVietnamese("Đà Nẵng") === "da nang"
 * @example foldVietnamese("Sở Thông tin") === "so thong tin"
 */
export function foldVietnamese(text: string): string {
  return text.toLowerCase().normalize("NFD").replace(/\p{M}/gu, "").replace(/[đð]/g, "d");
}

/** True when the text holds a letter Pagefind does not fold by itself (đ/Đ, or its ð/Ð stand-in). */
export function hasUnfoldedLetter(text: string): boolean {
  return /[đĐðÐ]/.test(text);
}

/** A whitespace-delimited token holding đ/Đ (or ð/Ð). */
const TOKEN_WITH_D = /\S*[đĐðÐ]\S*/g;
/** Anything that is not part of a word (combining marks count as part of a word, for NFD input). */
const NON_WORD = /[^\p{L}\p{M}\p{N}]+/u;

/**
 * The extra words to index for a text so that queries typed without "đ"
 * match: the folded form of each word holding đ/Đ, once each, in order of
 * first appearance. A hyphenated or dotted token ("HĐND-UBND") yields its
 * parts and their concatenation, mirroring how Pagefind splits words.
 *
 * @example foldedExtraWords("Sở đầu tư, HĐND-UBND") → ["dau", "hdnd", "hdndubnd"]
 */
export function foldedExtraWords(text: string): string[] {
  const out = new Set<string>();
  for (const [token] of text.matchAll(TOKEN_WITH_D)) {
    const parts = token.split(NON_WORD).filter(Boolean);
    for (const part of parts) if (hasUnfoldedLetter(part)) out.add(foldVietnamese(part));
    if (parts.length > 1) out.add(foldVietnamese(parts.join("")));
  }
  return [...out];
}

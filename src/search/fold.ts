/**
 * Accent folding for search: what a reader types without Vietnamese
 * diacritics must find the text that has them.
 *
 * Pagefind ignores tone and vowel marks on its own ("nang" finds "Nẵng"),
 * but "đ" is a letter of its own in Unicode (U+0111), not "d" plus a
 * combining mark, so "duong" does not find "đường". The search index is
 * therefore built from folded words (see index-step.ts) and the browser
 * script folds the query with the same rules: `layouts/assets/search.js`
 * carries a copy of {@link foldVietnamese}, and test/search.test.ts checks
 * that both agree.
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

/** Runs of characters that are not letters or digits: the separators between search words. */
const NON_WORD = /[^\p{L}\p{N}]+/u;

/** Folded search words of a text, in order, repeats kept ("Sở TT&TT" → ["so", "tt", "tt"]). */
export function foldedWords(text: string): string[] {
  return foldVietnamese(text).split(NON_WORD).filter(Boolean);
}

/**
 * Collects the distinct folded words of texts ("bag of words"), for one
 * search record per call. Built for 10,000+ articles of ~800 words: each
 * distinct raw token is folded once and cached, and de-duplication within a
 * record uses a per-word "last seen" stamp instead of a Set per record.
 * One instance per build; not for concurrent use.
 */
export class FoldedWordBag {
  /** Raw whitespace-separated token → ids of its folded words. */
  private readonly tokenWords = new Map<string, readonly number[]>();
  private readonly words: string[] = [];
  private readonly wordIds = new Map<string, number>();
  private lastSeen = new Int32Array(4096).fill(-1);
  private stamp = 0;

  /** Bounds the token cache (a raw-token vocabulary this large is not prose). */
  private static readonly MAX_CACHED_TOKENS = 500_000;

  /** The distinct folded words of all texts, in order of first appearance, joined by single spaces. */
  bag(texts: readonly string[]): string {
    const stamp = ++this.stamp;
    const out: string[] = [];
    for (const text of texts) {
      for (const token of text.split(/\s+/)) {
        if (token === "") continue;
        for (const id of this.idsOf(token)) {
          if (this.lastSeen[id] === stamp) continue;
          this.lastSeen[id] = stamp;
          out.push(this.words[id] ?? "");
        }
      }
    }
    return out.join(" ");
  }

  private idsOf(token: string): readonly number[] {
    const cached = this.tokenWords.get(token);
    if (cached) return cached;
    const ids = foldedWords(token).map((word) => this.idOf(word));
    if (this.tokenWords.size >= FoldedWordBag.MAX_CACHED_TOKENS) this.tokenWords.clear();
    this.tokenWords.set(token, ids);
    return ids;
  }

  private idOf(word: string): number {
    let id = this.wordIds.get(word);
    if (id === undefined) {
      id = this.words.length;
      this.words.push(word);
      this.wordIds.set(word, id);
      if (id >= this.lastSeen.length) {
        const grown = new Int32Array(this.lastSeen.length * 2).fill(-1);
        grown.set(this.lastSeen);
        this.lastSeen = grown;
      }
    }
    return id;
  }
}

/**
 * Accent folding for search: what a reader types without Vietnamese
 * diacritics must find the text that has them.
 *
 * Removing combining marks takes tones and vowel marks off ("nang" finds
 * "Nẵng"), but "đ" is a letter of its own in Unicode (U+0111), not "d" plus
 * a combining mark, so it is mapped by hand ("duong" finds "đường"). The
 * search index is built from folded words (see index-step.ts) and the browser
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
 * Two adjacent words as one index word ("da", "nang" → "_da_nang").
 * Vietnamese writes each syllable as a word, so "Đà Nẵng" is two common
 * syllables ("đã" and "năng" fold the same way); indexing adjacent pairs
 * lets "da nang" find the place rather than every text with both syllables.
 * The leading "_" keeps a pair apart from every single word (no folded word
 * contains "_"). Pairs are also how the index matches a quoted phrase in
 * order without positions (search-index.ts). layouts/assets/search.js
 * builds the same words from the query.
 */
export function pairWord(first: string, second: string): string {
  return `_${first}_${second}`;
}

/** The adjacent pairs of a query's words, as indexed ("so thong tin" → ["_so_thong", "_thong_tin"]). */
export function wordPairs(words: readonly string[]): string[] {
  return words.slice(1).map((word, i) => pairWord(words[i] ?? "", word));
}

/** ASCII whitespace, NBSP and the Unicode spaces U+2000–U+200A, U+2028/9, U+202F, U+205F, U+3000. */
function isSpace(c: number): boolean {
  return c <= 32 ? c === 32 || (c >= 9 && c <= 13) : c === 0xa0 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0x1680 || c === 0xfeff;
}

/** Punctuation that ends a run of adjacent words: no pair is indexed across it. */
const CLAUSE_BREAK = /[.,;:!?()[\]{}"“”‘’«»…–—|/\\]/;

interface TokenWords {
  readonly ids: Int32Array;
  /** The token starts or ends a clause: no pair with the word before / after it. */
  readonly breakBefore: boolean;
  readonly breakAfter: boolean;
}

/** A text and the weight of each of its words in the ranked index. */
export interface WeightedText {
  readonly text: string;
  readonly weight: number;
}

/** One document's distinct words and pairs with their weighted frequencies ({@link FoldedWordBag.weighted}). */
export interface WeightedWords {
  /** Word ids of the bag's vocabulary. */
  readonly ids: Int32Array;
  /** Weighted term frequency of each id. */
  readonly tf: Uint16Array;
  /** Words (not pairs) in all the texts. */
  readonly length: number;
}

/**
 * Collects the distinct folded words of texts ("bag of words") and, with
 * `pairs`, their adjacent pairs within a clause, for one search record per
 * call. Built for 10,000+ articles of ~800 words: each distinct raw token is
 * folded once and cached, pairs are numbered through a numeric map, and
 * de-duplication within a record uses a per-word "last seen" stamp instead
 * of a Set per record. One instance per build; not for concurrent use.
 */
export class FoldedWordBag {
  /** Raw whitespace-separated token → its folded words. */
  private readonly tokens = new TokenTable();
  private readonly words: string[] = [];
  private readonly wordIds = new Map<string, number>();
  /** (first id, second id) → id of the pair word. */
  private readonly pairIds = new PairTable();
  private lastSeen = new Int32Array(4096).fill(-1);
  /** For {@link weighted}: where each word of the current text sits in its output. */
  private slotOf = new Int32Array(4096);
  private stamp = 0;
  /** {@link weighted}'s growing output, reused across calls (it returns copies). */
  private scratchIds = new Int32Array(1024);
  private scratchTf = new Uint32Array(1024);

  /** Bounds the token cache (a raw-token vocabulary this large is not prose). */
  private static readonly MAX_CACHED_TOKENS = 500_000;

  constructor(private readonly options: { readonly pairs?: boolean } = {}) {}

  /** The distinct folded words (and pairs) of all texts, in order of first appearance. */
  bag(texts: readonly string[]): string[] {
    return Array.from(this.bagIds(texts), (id) => this.words[id] ?? "");
  }

  /**
   * {@link bag} as ids into this instance's vocabulary ({@link word}): what
   * a worker sends instead of strings (see src/search/search-record.ts).
   */
  bagIds(texts: readonly string[]): Int32Array {
    const stamp = ++this.stamp;
    let out = new Int32Array(1024);
    let n = 0;
    const add = (id: number): void => {
      if (this.lastSeen[id] === stamp) return;
      this.lastSeen[id] = stamp;
      if (n === out.length) {
        const grown = new Int32Array(out.length * 2);
        grown.set(out);
        out = grown;
      }
      out[n++] = id;
    };
    const pairs = this.options.pairs === true;
    for (const text of texts) {
      let previous = -1; // last word of the current clause, or -1 at a clause start
      // Whitespace-separated tokens, scanned by hand: a regex split costs a third more here.
      const length = text.length;
      for (let i = 0; i < length; ) {
        while (i < length && isSpace(text.charCodeAt(i))) i++;
        if (i >= length) break;
        let h = TOKEN_HASH_SEED;
        let j = i;
        for (let c = text.charCodeAt(j); j < length && !isSpace(c); c = text.charCodeAt(++j)) h = Math.imul(h ^ c, 0x01000193);
        const t = this.tokenAt(text, i, j, h);
        i = j;
        if (t.breakBefore || t.ids.length === 0) previous = -1;
        for (let k = 0; k < t.ids.length; k++) {
          const id = t.ids[k]!;
          add(id);
          if (pairs && previous >= 0) add(this.pairOf(previous, id));
          previous = id;
        }
        if (t.breakAfter) previous = -1;
      }
    }
    return out.slice(0, n);
  }

  /** The word with this id. */
  word(id: number): string {
    return this.words[id] ?? "";
  }

  /** Words known so far; ids are 0 … wordCount - 1, in the order words were first seen. */
  get wordCount(): number {
    return this.words.length;
  }

  /** The id of an already folded word (or pair), added to the vocabulary when new. */
  wordId(word: string): number {
    return this.idOf(word);
  }

  /**
   * Weighted term frequencies for the ranked index (search-index.ts): for
   * each distinct folded word and adjacent pair of the texts, the sum of the
   * weights of the texts it occurs in, once per occurrence (a word twice in
   * a title of weight 6 counts 12), capped at 65,535. `length` counts the
   * words (not pairs) of all texts: the document length for ranking.
   * Same words and pairs as {@link bag}, in order of first appearance.
   */
  weighted(texts: readonly WeightedText[]): WeightedWords {
    // One loop with the bookkeeping inline: this runs for every word of every article (~1,500 with pairs).
    const stamp = ++this.stamp;
    let ids = this.scratchIds;
    let tf = this.scratchTf;
    let n = 0;
    let length = 0;
    const pairs = this.options.pairs === true;
    for (const { text, weight } of texts) {
      let previous = -1;
      const end = text.length;
      for (let i = 0; i < end; ) {
        while (i < end && isSpace(text.charCodeAt(i))) i++;
        if (i >= end) break;
        let h = TOKEN_HASH_SEED;
        let j = i;
        for (let c = text.charCodeAt(j); j < end && !isSpace(c); c = text.charCodeAt(++j)) h = Math.imul(h ^ c, 0x01000193);
        const t = this.tokenAt(text, i, j, h);
        i = j;
        if (t.breakBefore || t.ids.length === 0) previous = -1;
        const tokenIds = t.ids;
        for (let k = 0; k < tokenIds.length; k++) {
          const id = tokenIds[k]!;
          length++;
          // The word, then (after the first word of a clause) the pair it ends.
          for (let pass = 0; pass < 2; pass++) {
            let w = id;
            if (pass === 1) {
              if (!pairs || previous < 0) break;
              w = this.pairOf(previous, id);
            }
            const lastSeen = this.lastSeen;
            if (lastSeen[w] === stamp) {
              tf[this.slotOf[w]!]! += weight;
              continue;
            }
            lastSeen[w] = stamp;
            if (n === ids.length) {
              const grownIds = new Int32Array(n * 2);
              grownIds.set(ids);
              ids = this.scratchIds = grownIds;
              const grownTf = new Uint32Array(n * 2);
              grownTf.set(tf);
              tf = this.scratchTf = grownTf;
            }
            if (w >= this.slotOf.length) {
              const grown = new Int32Array(Math.max(lastSeen.length, w + 1));
              grown.set(this.slotOf);
              this.slotOf = grown;
            }
            this.slotOf[w] = n;
            ids[n] = w;
            tf[n++] = weight;
          }
          previous = id;
        }
        if (t.breakAfter) previous = -1;
      }
    }
    const capped = new Uint16Array(n);
    for (let i = 0; i < n; i++) capped[i] = Math.min(65_535, tf[i]!);
    return { ids: ids.slice(0, n), tf: capped, length };
  }

  /** The words of the vocabulary so far, by id. */
  get vocabulary(): readonly string[] {
    return this.words;
  }

  /** The words of the token text[start, end) (whose {@link TOKEN_HASH_SEED} FNV-1a hash is `hash`), folded once per distinct token. */
  private tokenAt(text: string, start: number, end: number, hash: number): TokenWords {
    const cached = this.tokens.get(text, start, end, hash);
    if (cached) return cached;
    const token = text.slice(start, end);
    const t: TokenWords = {
      ids: Int32Array.from(foldedWords(token), (word) => this.idOf(word)),
      breakBefore: CLAUSE_BREAK.test(token.charAt(0)),
      breakAfter: CLAUSE_BREAK.test(token.charAt(token.length - 1)),
    };
    if (this.tokens.size >= FoldedWordBag.MAX_CACHED_TOKENS) this.tokens.clear();
    this.tokens.set(token, hash, t);
    return t;
  }

  private pairOf(first: number, second: number): number {
    let id = this.pairIds.get(first, second);
    if (id < 0) {
      id = this.idOf(pairWord(this.words[first] ?? "", this.words[second] ?? ""));
      this.pairIds.set(first, second, id);
    }
    return id;
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

/** Start of the FNV-1a hash of a raw token (the same function as search-index.ts bucketOf). */
const TOKEN_HASH_SEED = 0x811c9dc5;

/**
 * Raw token → its words, with open addressing on a hash the scan computes
 * as it reads the characters: a token already seen (nearly every token of
 * prose) is found and compared in place, without cutting it out of the text
 * as a new string and hashing that again. With the bookkeeping of
 * {@link FoldedWordBag.weighted} inlined, measured on 2,971 generated articles
 * (`npx tsx scripts/generate-articles.ts --count 3000`, each article's
 * searchWords in one thread, second and third rounds, load average ~10):
 * 0.58 ms per article with a Map<string> and a closure, 0.46–0.50 now, the
 * same words and ids (same digest of every article's ids and frequencies).
 */
class TokenTable {
  private keys: (string | undefined)[] = new Array<string | undefined>(1 << 14);
  private hashes = new Int32Array(1 << 14);
  private values: (TokenWords | undefined)[] = new Array<TokenWords | undefined>(1 << 14);
  size = 0;

  get(text: string, start: number, end: number, hash: number): TokenWords | undefined {
    const mask = this.keys.length - 1;
    const length = end - start;
    for (let i = hash & mask; ; i = (i + 1) & mask) {
      const key = this.keys[i];
      if (key === undefined) return undefined;
      if (this.hashes[i] === hash && key.length === length && text.startsWith(key, start)) return this.values[i];
    }
  }

  /** Adds a token not in the table. */
  set(token: string, hash: number, value: TokenWords): void {
    if ((this.size + 1) * 2 > this.keys.length) this.grow();
    const mask = this.keys.length - 1;
    let i = hash & mask;
    while (this.keys[i] !== undefined) i = (i + 1) & mask;
    this.keys[i] = token;
    this.hashes[i] = hash;
    this.values[i] = value;
    this.size++;
  }

  clear(): void {
    this.keys = new Array<string | undefined>(1 << 14);
    this.hashes = new Int32Array(1 << 14);
    this.values = new Array<TokenWords | undefined>(1 << 14);
    this.size = 0;
  }

  private grow(): void {
    const [keys, hashes, values] = [this.keys, this.hashes, this.values];
    this.keys = new Array<string | undefined>(keys.length * 2);
    this.hashes = new Int32Array(keys.length * 2);
    this.values = new Array<TokenWords | undefined>(keys.length * 2);
    this.size = 0;
    for (let i = 0; i < keys.length; i++) if (keys[i] !== undefined) this.set(keys[i]!, hashes[i]!, values[i]!);
  }
}

/**
 * (int, int) → int map with open addressing in typed arrays: a pair is
 * looked up for every word of every article, and a Map keyed by a combined
 * number would allocate a heap number per lookup once ids pass 2^31 / 2^22.
 */
class PairTable {
  private firsts = new Int32Array(1 << 16).fill(-1);
  private seconds = new Int32Array(1 << 16);
  private values = new Int32Array(1 << 16);
  private size = 0;

  private slot(first: number, second: number): number {
    const mask = this.firsts.length - 1;
    let i = (Math.imul(first, 0x9e3779b1) ^ Math.imul(second, 0x85ebca6b)) & mask;
    while (this.firsts[i] !== -1 && (this.firsts[i] !== first || this.seconds[i] !== second)) i = (i + 1) & mask;
    return i;
  }

  /** The value, or -1. */
  get(first: number, second: number): number {
    const i = this.slot(first, second);
    return this.firsts[i] === -1 ? -1 : (this.values[i] ?? -1);
  }

  set(first: number, second: number, value: number): void {
    if ((this.size + 1) * 2 > this.firsts.length) this.grow();
    const i = this.slot(first, second);
    if (this.firsts[i] === -1) this.size++;
    this.firsts[i] = first;
    this.seconds[i] = second;
    this.values[i] = value;
  }

  private grow(): void {
    const [firsts, seconds, values] = [this.firsts, this.seconds, this.values];
    this.firsts = new Int32Array(firsts.length * 2).fill(-1);
    this.seconds = new Int32Array(firsts.length * 2);
    this.values = new Int32Array(firsts.length * 2);
    this.size = 0;
    for (let i = 0; i < firsts.length; i++) if (firsts[i] !== -1) this.set(firsts[i] ?? 0, seconds[i] ?? 0, values[i] ?? 0);
  }
}

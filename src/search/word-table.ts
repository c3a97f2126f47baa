/**
 * The search vocabulary shared by the content-loading workers' replies and
 * the index writer (src/content/parallel-load.ts, search-index.ts): word →
 * id without allocating a string per lookup.
 */

/**
 * Word → id, by open addressing over typed arrays, that can look a word up
 * by its range in a longer string. Interning 10,000 articles × ~900 words
 * through `split(" ")` and a Map allocated nine million strings and took
 * most of the search step; hashing the ranges in place does not allocate.
 */
export class WordTable {
  readonly words: string[] = [];
  private hashes = new Int32Array(1024);
  private slots = new Int32Array(2048).fill(-1);

  private static hash(s: string, start: number, end: number): number {
    let h = 0x811c9dc5 | 0;
    for (let i = start; i < end; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
    return h;
  }

  /** The id of `s.slice(start, end)`, added when new. */
  idOf(s: string, start = 0, end = s.length): number {
    const h = WordTable.hash(s, start, end);
    const mask = this.slots.length - 1;
    const length = end - start;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const id = this.slots[slot]!;
      if (id === -1) {
        const added = this.words.length;
        this.words.push(start === 0 && end === s.length ? s : s.slice(start, end));
        if (added >= this.hashes.length) {
          const grown = new Int32Array(this.hashes.length * 2);
          grown.set(this.hashes);
          this.hashes = grown;
        }
        this.hashes[added] = h;
        this.slots[slot] = added;
        if (this.words.length * 2 > this.slots.length) this.grow();
        return added;
      }
      if (this.hashes[id] === h) {
        const word = this.words[id]!;
        if (word.length === length && (start === 0 && end === s.length ? word === s : WordTable.same(word, s, start))) return id;
      }
    }
  }

  private static same(word: string, s: string, start: number): boolean {
    for (let i = 0; i < word.length; i++) if (word.charCodeAt(i) !== s.charCodeAt(start + i)) return false;
    return true;
  }

  /** Ids of the space-separated words of `joined`, in order. */
  idsOfJoined(joined: string): Int32Array {
    if (joined === "") return new Int32Array(0);
    let count = 1;
    for (let i = joined.indexOf(" "); i !== -1; i = joined.indexOf(" ", i + 1)) count++;
    const ids = new Int32Array(count);
    let start = 0;
    for (let n = 0; n < count; n++) {
      let end = joined.indexOf(" ", start);
      if (end === -1) end = joined.length;
      ids[n] = this.idOf(joined, start, end);
      start = end + 1;
    }
    return ids;
  }

  private grow(): void {
    const slots = new Int32Array(this.slots.length * 2).fill(-1);
    const mask = slots.length - 1;
    for (let id = 0; id < this.words.length; id++) {
      let slot = this.hashes[id]! & mask;
      while (slots[slot] !== -1) slot = (slot + 1) & mask;
      slots[slot] = id;
    }
    this.slots = slots;
  }
}

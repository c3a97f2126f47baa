/**
 * The search vocabulary shared by the content-loading workers' replies and
 * the index writer (src/content/parallel-load.ts, search-index.ts): one id
 * per distinct folded word, in the order words were first seen. Each worker
 * numbers words in its own vocabulary; parallel-load.ts maps every worker's
 * new words into this table once, as their replies arrive.
 */
export class WordTable {
  /** Words by id. */
  readonly words: string[] = [];
  private readonly ids = new Map<string, number>();

  /** The id of `word`, added when new. */
  idOf(word: string): number {
    let id = this.ids.get(word);
    if (id === undefined) {
      id = this.words.length;
      this.words.push(word);
      this.ids.set(word, id);
    }
    return id;
  }
}

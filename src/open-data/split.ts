/**
 * JSON documents written from serialised items, and the split of a dataset
 * into per-province parts when one file would be too large.
 *
 * Every item is serialised when the files are planned (JSON.stringify, one
 * item per line so diffs between builds stay small): its byte size decides
 * whether to split, and where, by a sum (no document is serialised to be
 * measured, and the cost stays linear in the size of the data), and each
 * file's digest is made from its items' texts. The texts are then dropped:
 * a file keeps only its items (references to the site data) and is
 * serialised again when its body is taken (datasets.ts).
 */
import { createHash } from "node:crypto";

/** The sizes of a named array's items, and the provinces each belongs to: what splitting needs. */
export interface SizedArray {
  readonly key: string;
  /** UTF-8 bytes of each item's text. */
  readonly bytes: readonly number[];
  /** Province ids each item belongs to (a person named in two provinces belongs to both parts). */
  readonly provinces: readonly (readonly string[])[];
}

/** A named array of a document ("articles", or "awards" and "totals") as its items' texts. */
export interface TextArray {
  readonly key: string;
  readonly texts: readonly string[];
}

/** The text of a document: the header's fields (pretty), then each array with one item per line. */
export function documentText(header: Readonly<Record<string, unknown>>, arrays: readonly TextArray[]): string {
  const head = JSON.stringify(header, null, 2).replace(/\n}$/, "");
  const body = arrays.map((a) => `  ${JSON.stringify(a.key)}: [${a.texts.length > 0 ? `\n    ${a.texts.join(",\n    ")}\n  ` : ""}]`);
  return `${head}${body.length > 0 ? `,\n${body.join(",\n")}` : ""}\n}\n`;
}

/**
 * Digest of exactly what documentText writes (the header and every item's
 * text), without joining the document: an incremental build reuses a file
 * whose digest is unchanged (OutputDeclaration.fingerprint), and an edit
 * build changes the items of one or two provinces' parts.
 */
export function documentDigest(header: Readonly<Record<string, unknown>>, arrays: readonly TextArray[]): string {
  const hash = createHash("sha1").update(JSON.stringify(header)).update("\0");
  for (const a of arrays) {
    hash.update(a.key).update("\0").update(String(a.texts.length)).update("\0");
    for (const text of a.texts) hash.update(text).update("\n");
  }
  return hash.digest("base64url");
}

/** Upper bound of a document's size before it is written (header + items + separators). */
export function documentBytes(header: Readonly<Record<string, unknown>>, arrays: readonly Pick<SizedArray, "key" | "bytes">[]): number {
  let bytes = Buffer.byteLength(JSON.stringify(header, null, 2), "utf8") + 16;
  for (const a of arrays) {
    bytes += a.key.length + 16;
    for (const b of a.bytes) bytes += b + 6;
  }
  return bytes;
}

/** One part of a split dataset: for each array, the positions of its items in that array (in order). */
export interface Part {
  readonly province: string;
  /** 1, 2, … when a province's part is itself cut in pieces; undefined otherwise. */
  readonly piece?: number;
  readonly items: readonly (readonly number[])[];
}

/**
 * Splits arrays into per-province parts (in `provinceOrder`); a province
 * whose part is still over `limit` bytes is cut into numbered pieces in item
 * order. An item never spans pieces, so a single item over the limit gets a
 * piece of its own. Linear in the items (times the provinces each is in).
 */
export function splitByProvince(arrays: readonly SizedArray[], provinceOrder: readonly string[], limit: number, headerBytes: number): Part[] {
  const byProvince = new Map<string, number[][]>();
  arrays.forEach((array, a) => {
    array.provinces.forEach((provinces, i) => {
      for (const province of provinces) {
        let lists = byProvince.get(province);
        if (!lists) byProvince.set(province, (lists = arrays.map(() => [])));
        lists[a]!.push(i);
      }
    });
  });
  const parts: Part[] = [];
  for (const province of provinceOrder) {
    const lists = byProvince.get(province);
    if (!lists) continue;
    const whole = lists.map((items, a) => ({ key: arrays[a]!.key, bytes: items.map((i) => arrays[a]!.bytes[i]!) }));
    if (documentBytes({}, whole) + headerBytes <= limit) {
      parts.push({ province, items: lists });
      continue;
    }
    let piece: number[][] = arrays.map(() => []);
    let bytes = headerBytes;
    let count = 0;
    let n = 1;
    const flush = (): void => {
      parts.push({ province, piece: n++, items: piece });
      piece = arrays.map(() => []);
      bytes = headerBytes;
      count = 0;
    };
    lists.forEach((items, a) => {
      for (const i of items) {
        const size = arrays[a]!.bytes[i]! + 6;
        if (bytes + size > limit && count > 0) flush();
        piece[a]!.push(i);
        bytes += size;
        count++;
      }
    });
    if (count > 0) flush();
  }
  return parts;
}

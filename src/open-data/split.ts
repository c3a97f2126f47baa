/**
 * JSON documents written from pre-serialised items, and the split of a
 * dataset into per-province parts when one file would be too large.
 *
 * Every item is serialised once (JSON.stringify, one item per line so diffs
 * between builds stay small) and its byte size is known from then on, so
 * deciding whether to split, and where, is a sum: no document is serialised
 * twice, and the cost stays linear in the size of the data.
 */
import { createHash } from "node:crypto";

/** One serialised item of a dataset. */
export interface SerialItem {
  readonly json: string;
  /** UTF-8 bytes of `json`. */
  readonly bytes: number;
  /** Province ids the item belongs to (a person named in two provinces belongs to both parts). */
  readonly provinces: readonly string[];
}

/** A named array of a document ("articles", or "awards" and "totals"). */
export interface SerialArray {
  readonly key: string;
  readonly items: readonly SerialItem[];
}

/** Serialises an item for a document. */
export function serialItem(value: unknown, provinces: readonly string[]): SerialItem {
  const json = JSON.stringify(value);
  return { json, bytes: Buffer.byteLength(json, "utf8"), provinces };
}

/** The text of a document: the header's fields (pretty), then each array with one item per line. */
export function documentText(header: Readonly<Record<string, unknown>>, arrays: readonly SerialArray[]): string {
  const head = JSON.stringify(header, null, 2).replace(/\n}$/, "");
  const body = arrays.map((a) => `  ${JSON.stringify(a.key)}: [${a.items.length > 0 ? `\n    ${a.items.map((i) => i.json).join(",\n    ")}\n  ` : ""}]`);
  return `${head}${body.length > 0 ? `,\n${body.join(",\n")}` : ""}\n}\n`;
}

/**
 * Digest of exactly what documentText writes (the header and every item's
 * text), without joining the document: an incremental build reuses a file
 * whose digest is unchanged (OutputDeclaration.fingerprint), and an edit
 * build changes the items of one or two provinces' parts.
 */
export function documentDigest(header: Readonly<Record<string, unknown>>, arrays: readonly SerialArray[]): string {
  const hash = createHash("sha1").update(JSON.stringify(header)).update("\0");
  for (const a of arrays) {
    hash.update(a.key).update("\0").update(String(a.items.length)).update("\0");
    for (const item of a.items) hash.update(item.json).update("\n");
  }
  return hash.digest("base64url");
}

/** Upper bound of a document's size before it is written (header + items + separators). */
export function documentBytes(header: Readonly<Record<string, unknown>>, arrays: readonly SerialArray[]): number {
  let bytes = Buffer.byteLength(JSON.stringify(header, null, 2), "utf8") + 16;
  for (const a of arrays) {
    bytes += a.key.length + 16;
    for (const item of a.items) bytes += item.bytes + 6;
  }
  return bytes;
}

/** One part of a split dataset. */
export interface Part {
  readonly province: string;
  /** 1, 2, … when a province's part is itself cut in pieces; undefined otherwise. */
  readonly piece?: number;
  readonly arrays: readonly SerialArray[];
}

/**
 * Splits arrays into per-province parts (in `provinceOrder`); a province
 * whose part is still over `limit` bytes is cut into numbered pieces in item
 * order. An item never spans pieces, so a single item over the limit gets a
 * piece of its own.
 */
export function splitByProvince(arrays: readonly SerialArray[], provinceOrder: readonly string[], limit: number, headerBytes: number): Part[] {
  const byProvince = new Map<string, SerialItem[][]>();
  arrays.forEach((array, a) => {
    for (const item of array.items) {
      for (const province of item.provinces) {
        let lists = byProvince.get(province);
        if (!lists) byProvince.set(province, (lists = arrays.map(() => [])));
        lists[a]!.push(item);
      }
    }
  });
  const parts: Part[] = [];
  for (const province of provinceOrder) {
    const lists = byProvince.get(province);
    if (!lists) continue;
    const whole = lists.map((items, a) => ({ key: arrays[a]!.key, items }));
    if (documentBytes({}, whole) + headerBytes <= limit) {
      parts.push({ province, arrays: whole });
      continue;
    }
    let piece: SerialItem[][] = arrays.map(() => []);
    let bytes = headerBytes;
    let n = 1;
    const flush = (): void => {
      parts.push({ province, piece: n++, arrays: piece.map((items, a) => ({ key: arrays[a]!.key, items })) });
      piece = arrays.map(() => []);
      bytes = headerBytes;
    };
    lists.forEach((items, a) => {
      for (const item of items) {
        if (bytes + item.bytes + 6 > limit && piece.some((p) => p.length > 0)) flush();
        piece[a]!.push(item);
        bytes += item.bytes + 6;
      }
    });
    if (piece.some((p) => p.length > 0)) flush();
  }
  return parts;
}

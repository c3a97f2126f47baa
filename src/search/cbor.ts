/**
 * The small part of CBOR (RFC 8949) that Pagefind's index files use:
 * integers, UTF-8 text strings and definite-length arrays. Pagefind's
 * WebAssembly decodes these with `minicbor`, whose derived structs are plain
 * arrays of their fields in order.
 */

const encoder = new TextEncoder();

/** Appends CBOR items to a growing byte buffer. */
export class CborWriter {
  private buffer = new Uint8Array(1 << 16);
  private length = 0;

  private reserve(extra: number): void {
    if (this.length + extra <= this.buffer.length) return;
    let size = this.buffer.length * 2;
    while (size < this.length + extra) size *= 2;
    const grown = new Uint8Array(size);
    grown.set(this.buffer.subarray(0, this.length));
    this.buffer = grown;
  }

  /** Major type + argument (RFC 8949 §3). */
  private head(major: number, value: number): void {
    this.reserve(9);
    const b = this.buffer;
    const m = major << 5;
    if (value < 24) {
      b[this.length++] = m | value;
    } else if (value < 0x100) {
      b[this.length++] = m | 24;
      b[this.length++] = value;
    } else if (value < 0x10000) {
      b[this.length++] = m | 25;
      b[this.length++] = value >>> 8;
      b[this.length++] = value & 0xff;
    } else if (value < 0x100000000) {
      b[this.length++] = m | 26;
      b[this.length++] = value >>> 24;
      b[this.length++] = (value >>> 16) & 0xff;
      b[this.length++] = (value >>> 8) & 0xff;
      b[this.length++] = value & 0xff;
    } else {
      throw new RangeError(`CBOR: ${value} does not fit in 32 bits`);
    }
  }

  /** A signed integer (safe 32-bit range). */
  int(value: number): this {
    if (!Number.isInteger(value)) throw new RangeError(`CBOR: ${value} is not an integer`);
    if (value >= 0) this.head(0, value);
    else this.head(1, -1 - value);
    return this;
  }

  /** A UTF-8 text string. */
  text(value: string): this {
    const bytes = encoder.encode(value);
    this.head(3, bytes.length);
    this.reserve(bytes.length);
    this.buffer.set(bytes, this.length);
    this.length += bytes.length;
    return this;
  }

  /** The header of an array of `count` items; the items follow. */
  array(count: number): this {
    this.head(4, count);
    return this;
  }

  /** An array of integers. */
  ints(values: readonly number[]): this {
    this.array(values.length);
    for (const v of values) this.int(v);
    return this;
  }

  /**
   * Pagefind's page list of one word, written in one pass: for each run of
   * equal pages in `pages[from…to)`, [page delta, [weight marker, first
   * position, position deltas…], []] (no metadata positions). With
   * `positions` null every position is 0. The hot loop of the index writer.
   */
  pageList(pages: Int32Array, positions: Int32Array | null, from: number, to: number, marker: number): this {
    let runs = 0;
    for (let i = from; i < to; i++) if (i === from || pages[i] !== pages[i - 1]) runs++;
    this.array(runs);
    let previousPage = 0;
    for (let i = from; i < to; ) {
      const page = pages[i] ?? 0;
      let end = i + 1;
      while (end < to && pages[end] === page) end++;
      this.reserve(4);
      this.buffer[this.length++] = 0x83;
      this.int(page - previousPage);
      this.array(1 + end - i).int(marker);
      for (let j = i; j < end; j++) {
        const position = positions === null ? 0 : j === i ? (positions[j] ?? 0) : (positions[j] ?? 0) - (positions[j - 1] ?? 0);
        if (position >= 0 && position < 24) {
          this.reserve(1);
          this.buffer[this.length++] = position;
        } else {
          this.int(position);
        }
      }
      this.reserve(1);
      this.buffer[this.length++] = 0x80;
      previousPage = page;
      i = end;
    }
    return this;
  }

  /** Bytes written so far. */
  get size(): number {
    return this.length;
  }

  /** A copy of the bytes written. */
  bytes(): Uint8Array {
    return this.buffer.slice(0, this.length);
  }
}

/** A decoded CBOR item (the subset above, plus maps and byte strings for robustness). */
export type CborValue = number | string | Uint8Array | boolean | null | CborValue[] | { [key: string]: CborValue };

/**
 * Decodes one CBOR item. Used by the tests to read Pagefind bundles (ours
 * and Pagefind's own) and compare them.
 * @throws Error on malformed input, or trailing bytes after the item
 */
export function readCbor(bytes: Uint8Array): CborValue {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let at = 0;
  const argument = (info: number): number => {
    if (info < 24) return info;
    const size = info === 24 ? 1 : info === 25 ? 2 : info === 26 ? 4 : info === 27 ? 8 : 0;
    if (size === 0) throw new Error(`CBOR: unsupported argument ${info} at byte ${at - 1}`);
    const value = size === 1 ? view.getUint8(at) : size === 2 ? view.getUint16(at) : size === 4 ? view.getUint32(at) : Number(view.getBigUint64(at));
    at += size;
    return value;
  };
  const item = (): CborValue => {
    if (at >= bytes.length) throw new Error("CBOR: unexpected end of input");
    const initial = bytes[at++] ?? 0;
    const major = initial >> 5;
    const info = initial & 31;
    switch (major) {
      case 0:
        return argument(info);
      case 1:
        return -1 - argument(info);
      case 2:
      case 3: {
        const n = argument(info);
        const slice = bytes.subarray(at, at + n);
        at += n;
        return major === 2 ? slice : decoder.decode(slice);
      }
      case 4:
        return Array.from({ length: argument(info) }, item);
      case 5: {
        const out: { [key: string]: CborValue } = {};
        const n = argument(info);
        for (let i = 0; i < n; i++) out[String(item())] = item();
        return out;
      }
      case 7:
        if (info === 20 || info === 21) return info === 21;
        if (info === 22) return null;
        throw new Error(`CBOR: unsupported simple value ${info}`);
      default:
        throw new Error(`CBOR: unsupported major type ${major}`);
    }
  };
  const value = item();
  if (at !== bytes.length) throw new Error(`CBOR: ${bytes.length - at} bytes after the item`);
  return value;
}

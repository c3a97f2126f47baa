/**
 * Bit-packed QR symbols: what the QR cache stores and what encoding workers
 * send back (137 bytes for a version-4 symbol instead of 1,089).
 */
import type { Encoded } from "../qr.ts";

/** Pixels per module of the PNG download (410 px for a version-4 code). */
export const QR_PNG_SCALE = 10;

/** A bit-packed QR symbol. */
export interface PackedSymbol {
  readonly size: number;
  readonly version: number;
  readonly bits: Uint8Array;
}

/** Packs modules row-major, 8 per byte, most significant bit first. */
export function pack(e: Encoded): PackedSymbol {
  const bits = new Uint8Array(Math.ceil(e.data.length / 8));
  for (let i = 0; i < e.data.length; i++) if (e.data[i] === 1) bits[i >> 3]! |= 0x80 >> (i & 7);
  return { size: e.size, version: e.version, bits };
}

/** The inverse of {@link pack}. */
export function unpack(p: PackedSymbol): Encoded {
  const data = new Uint8Array(p.size * p.size);
  for (let i = 0; i < data.length; i++) data[i] = (p.bits[i >> 3]! >> (7 - (i & 7))) & 1;
  return { size: p.size, version: p.version, data };
}

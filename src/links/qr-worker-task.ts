/**
 * The QR task of the build's worker threads: encodes the short URLs that
 * have no symbol yet and renders every symbol's PNG download (the PNG is
 * the slow part of a QR file: ~0.15 ms each, mostly zlib's per-call setup).
 */
import { qrEncode, qrPngFromEncoded } from "../qr.ts";
import type { TaskOutput } from "../workers/protocol.ts";
import { QR_PNG_SCALE, pack, unpack, type PackedSymbol } from "./qr-pack.ts";

/** A short URL, with its symbol when the cache had it. */
export interface QrTaskItem {
  readonly text: string;
  readonly symbol?: PackedSymbol;
}

export interface QrTaskResult {
  readonly text: string;
  readonly symbol: PackedSymbol;
  readonly png: Uint8Array;
}

/** Encodes (when needed) and renders each item; buffers are transferred, not copied. */
export function encodeQrTask(items: readonly QrTaskItem[]): TaskOutput<QrTaskResult[]> {
  const out = items.map((item): QrTaskResult => {
    const encoded = item.symbol ? unpack(item.symbol) : qrEncode(item.text);
    const png = qrPngFromEncoded(encoded, { scale: QR_PNG_SCALE });
    return { text: item.text, symbol: item.symbol ?? pack(encoded), png: new Uint8Array(png.buffer, png.byteOffset, png.length) };
  });
  // A Buffer may share its ArrayBuffer (Node's pool): transfer only buffers a result owns alone.
  const transfer = new Set<ArrayBuffer>();
  for (const r of out) {
    if (r.symbol.bits.byteLength === r.symbol.bits.buffer.byteLength) transfer.add(r.symbol.bits.buffer as ArrayBuffer);
    if (r.png.byteLength === r.png.buffer.byteLength) transfer.add(r.png.buffer as ArrayBuffer);
  }
  return { output: out, transfer: [...transfer] };
}

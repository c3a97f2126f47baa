/** The QR encoding task of the build's worker threads: short URLs → bit-packed symbols. */
import { qrEncode } from "../qr.ts";
import type { TaskOutput } from "../workers/protocol.ts";
import { pack, type PackedSymbol } from "./qr-pack.ts";

/** Encodes each text; the symbols' buffers are transferred, not copied. */
export function encodeQrTask(texts: readonly string[]): TaskOutput<[string, PackedSymbol][]> {
  const out = texts.map((text): [string, PackedSymbol] => [text, pack(qrEncode(text))]);
  return { output: out, transfer: out.map(([, p]) => p.bits.buffer as ArrayBuffer) };
}

/**
 * Bytes of an input file → text, or why not: the importer takes files from
 * anywhere (an archive export, a USB stick), so it checks before reading
 * anything as a press release. Pure: the command reads the bytes (at most
 * {@link MAX_INPUT_BYTES} + 1 of them) and passes them here.
 */

/** The largest input accepted: a release is a few KB; a whole saved web page with scripts is well under this. */
export const MAX_INPUT_BYTES = 1024 * 1024;

export type Decoded =
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly problem: "too-large" | "binary" | "utf16" | "empty" }
  | { readonly ok: false; readonly problem: "not-utf8"; readonly offset: number };

/** Offset of the first byte that breaks UTF-8, or -1. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    let need: number;
    let min: number;
    if (b < 0x80) {
      i += 1;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [need, min] = [2, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [need, min] = [3, 0x10000];
    else return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/** Checks and decodes one input file's bytes. */
export function decodeInput(bytes: Uint8Array): Decoded {
  if (bytes.length > MAX_INPUT_BYTES) return { ok: false, problem: "too-large" };
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return { ok: false, problem: "utf16" };
  // NUL bytes never occur in text; they mark images, PDFs, Word files and UTF-16 without a BOM.
  if (bytes.subarray(0, 8192).includes(0)) return { ok: false, problem: "binary" };
  const bad = firstInvalidUtf8(bytes);
  if (bad >= 0) return { ok: false, problem: "not-utf8", offset: bad };
  const text = new TextDecoder("utf-8").decode(bytes);
  if (text.trim() === "") return { ok: false, problem: "empty" };
  return { ok: true, text };
}

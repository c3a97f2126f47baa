/**
 * What an image file really is, from its first bytes: the extension is
 * whatever the editor typed, so it decides nothing. Only the raster formats
 * the site publishes pass; SVG (which can carry script), HTML, PDF, HEIC and
 * anything else are refused before a decoder ever sees them (sharp would
 * otherwise hand an SVG to librsvg just to report its format).
 *
 * Written by hand rather than with `file-type`: the site accepts five
 * formats whose signatures are fixed byte strings (a few lines each), and
 * file-type recognises over a hundred formats by reading streams, a much
 * larger surface than this check needs.
 */

export type ImageFormat = "jpeg" | "png" | "webp" | "avif" | "gif";

const ascii = (bytes: Uint8Array, start: number, end: number): string => String.fromCharCode(...bytes.subarray(start, end));

/** AVIF is an ISO-BMFF file whose `ftyp` box names the avif/avis brand (as major or compatible brand). */
function isAvif(bytes: Uint8Array): boolean {
  if (bytes.length < 16 || ascii(bytes, 4, 8) !== "ftyp") return false;
  const boxSize = ((bytes[0] ?? 0) << 24) | ((bytes[1] ?? 0) << 16) | ((bytes[2] ?? 0) << 8) | (bytes[3] ?? 0);
  const end = Math.min(bytes.length, Math.max(16, boxSize));
  for (let offset = 8; offset + 4 <= end; offset += 4) {
    if (offset === 12) continue; // minor version, not a brand
    const brand = ascii(bytes, offset, offset + 4);
    if (brand === "avif" || brand === "avis") return true;
  }
  return false;
}

/** The raster format the bytes hold, or undefined when they are not one the site accepts. */
export function sniffImageFormat(bytes: Uint8Array): ImageFormat | undefined {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return "jpeg";
  if (bytes.length >= 8 && ascii(bytes, 0, 8) === "\x89PNG\r\n\x1a\n") return "png";
  if (bytes.length >= 6 && (ascii(bytes, 0, 6) === "GIF87a" || ascii(bytes, 0, 6) === "GIF89a")) return "gif";
  if (bytes.length >= 12 && ascii(bytes, 0, 4) === "RIFF" && ascii(bytes, 8, 12) === "WEBP") return "webp";
  if (isAvif(bytes)) return "avif";
  return undefined;
}

/** What a refused file looks like it is, for the error message (see media.kind.* in the catalogue). */
export type ContentKind = "empty" | "svg" | "html" | "pdf" | "heic" | "bmp" | "tiff" | "zip" | "unknown";

/** A guess of what a refused file is, so the error can say "this is an SVG drawing". */
export function describeContents(bytes: Uint8Array): ContentKind {
  if (bytes.length === 0) return "empty";
  const head = new TextDecoder("utf-8", { fatal: false }).decode(bytes.subarray(0, 512)).trimStart().toLowerCase();
  if (head.startsWith("<svg") || (head.startsWith("<?xml") && head.includes("<svg"))) return "svg";
  if (head.startsWith("<")) return "html";
  if (head.startsWith("%pdf")) return "pdf";
  if (bytes.length >= 12 && ascii(bytes, 4, 8) === "ftyp") return "heic";
  if (ascii(bytes, 0, 2) === "BM") return "bmp";
  if (ascii(bytes, 0, 4) === "II*\0" || ascii(bytes, 0, 4) === "MM\0*") return "tiff";
  if (ascii(bytes, 0, 2) === "PK") return "zip";
  return "unknown";
}

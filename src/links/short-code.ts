/**
 * Short codes for printed QR links: `/q/<code>/`.
 *
 * Codes use Crockford's base-32 alphabet in lower case (no i, l, o, u), so a
 * code read off paper and typed by hand has no 0/o or 1/l confusion. Five
 * characters give 33 million codes; a collision extends the new code by one
 * character, so an assigned code never changes.
 */
import { createHash } from "node:crypto";

export const CODE_ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";
export const MIN_CODE_LENGTH = 5;
const CODE_PATTERN = new RegExp(`^[${CODE_ALPHABET}]{${MIN_CODE_LENGTH},12}$`);

/** True when `code` has the form of a short code. */
export function isShortCode(code: string): boolean {
  return CODE_PATTERN.test(code);
}

function base32(bytes: Uint8Array, length: number): string {
  let out = "";
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5 && out.length < length) {
      out += CODE_ALPHABET[(buffer >>> (bits - 5)) & 31];
      bits -= 5;
    }
    buffer &= (1 << bits) - 1;
    if (out.length >= length) break;
  }
  return out;
}

/**
 * A new code for `seed` (an article's first URL) that is not in `taken`.
 * Deterministic: the same seed and taken set give the same code.
 */
export function newShortCode(seed: string, taken: ReadonlySet<string>): string {
  const digest = createHash("sha256").update(seed).digest();
  for (let length = MIN_CODE_LENGTH; length <= 12; length++) {
    const code = base32(digest, length);
    if (!taken.has(code)) return code;
  }
  throw new Error(`could not find a free short code for ${seed}`);
}

/** The folder of short links: every path under it is kept for codes, allocated or not. */
export const SHORT_LINK_FOLDER = "q";

/** The short path for a code. */
export function shortPath(code: string): string {
  return `/${SHORT_LINK_FOLDER}/${code}/`;
}

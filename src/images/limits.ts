/**
 * Size limits for article images, which are untrusted input: a file's bytes
 * are capped before it is read, its pixel dimensions (read from the header)
 * before it is decoded, so neither a huge file nor a small file that
 * decompresses to gigabytes (a "decompression bomb": a 20000 × 20000 PNG of
 * one colour is about 1 MB) can exhaust the build machine.
 */
import { LIMITS } from "../content/limits.ts";

/** Largest image file accepted: the one limit for all content files (src/content/limits.ts). */
export const MAX_IMAGE_BYTES = LIMITS.imageBytes;

/** Most pixels accepted (width × height): 40 MP covers every camera in use; decoding that needs ~160 MB. */
export const MAX_IMAGE_PIXELS = 40_000_000;

/** Longest side accepted, whatever the pixel count (a 100000 × 10 strip is not a photo). */
export const MAX_IMAGE_SIDE = 16_000;

/** Most pictures in one article's body. */
export const MAX_BODY_IMAGES = 40;

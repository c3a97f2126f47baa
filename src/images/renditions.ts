/**
 * One source image → the files the site publishes for it, cached by content.
 *
 * - Picture renditions: AVIF, WebP and JPEG at 360, 720 and 1200 px wide
 *   (never wider than the source) through `@11ty/eleventy-img`, which picks
 *   the widths, turns the picture upright from its EXIF orientation and
 *   drives sharp. JPEG is the fallback every browser shows; AVIF and WebP
 *   are what current phones download (a third to a half of the JPEG).
 * - A list thumbnail (240 × 180, the interesting part kept by sharp's
 *   "attention" crop) in the same three formats.
 * - The share card (1200 × 630 JPEG, same crop) that Zalo and Facebook show.
 *
 * Output is sRGB without metadata: a CMYK JPEG becomes RGB, and a camera's
 * EXIF (GPS position, serial number) is never published.
 *
 * Cache: `<cacheDir>/<key>/` holds the files and a manifest written last;
 * the key is a hash of the source bytes and {@link PIPELINE}, so an
 * unchanged image costs one read and one hash on the next build, and any
 * change of settings gives new file names (safe to cache forever on a CDN).
 * A folder is built under a temporary name and renamed into place, so a
 * killed build never leaves a half-written entry that a later build trusts.
 */
import { createHash } from "node:crypto";
import { lstatSync, mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import type SharpModule from "sharp";
import { isRealDir, readCacheFile } from "../cache/real-dir.ts";
import { MAX_IMAGE_PIXELS } from "./limits.ts";

export type OutputFormat = "avif" | "webp" | "jpeg";

/** Everything that decides the output bytes; part of every cache key and file name. */
export const PIPELINE = {
  version: 1,
  widths: [360, 720, 1200],
  formats: ["avif", "webp", "jpeg"] as readonly OutputFormat[],
  // AVIF effort 2 encodes ~5× faster than the default 4 for a few % more bytes (measured: 1200 px, 208 ms vs 1028 ms).
  avif: { quality: 50, effort: 2 },
  webp: { quality: 72 },
  jpeg: { quality: 78, mozjpeg: true, progressive: true },
  thumbnail: { width: 240, height: 180 },
  card: { width: 1200, height: 630, quality: 80 },
} as const;

export const MIME_TYPES: Readonly<Record<OutputFormat, string>> = { avif: "image/avif", webp: "image/webp", jpeg: "image/jpeg" };
const EXTENSIONS: Readonly<Record<OutputFormat, string>> = { avif: "avif", webp: "webp", jpeg: "jpg" };

/** One published file: its name in the images folder and what it holds. */
export interface Rendition {
  readonly file: string;
  readonly format: OutputFormat;
  readonly width: number;
  readonly height: number;
  readonly bytes: number;
}

/** What one source image publishes. */
export interface ImageRenditions {
  readonly key: string;
  /** Upright size of the source. */
  readonly width: number;
  readonly height: number;
  /** Picture renditions, by format then ascending width. */
  readonly picture: readonly Rendition[];
  readonly thumbnail: readonly Rendition[];
  readonly card: Rendition;
}

/** Cache key of a source image: its bytes and the pipeline settings. */
export function renditionKey(bytes: Uint8Array): string {
  return createHash("sha256").update(JSON.stringify(PIPELINE)).update(bytes).digest("hex").slice(0, 16);
}

const MANIFEST = "manifest.json";

/** A manifest is a few hundred bytes; a larger one is not ours. */
const MAX_MANIFEST_BYTES = 64 * 1024;

/**
 * The manifest of a cache entry, or undefined (the entry is made again).
 * The cache is untrusted (CI restores it, a commit can carry links): the
 * entry must be a real folder, and every file it names a plain name of
 * this key's (`<key>-…`, no path) that is a regular file there, not a link;
 * else a forged list would publish whatever it names.
 */
function readManifest(dir: string): ImageRenditions | undefined {
  if (!isRealDir(dir)) return undefined;
  const bytes = readCacheFile(path.join(dir, MANIFEST), MAX_MANIFEST_BYTES);
  if (!bytes) return undefined;
  try {
    const manifest = JSON.parse(bytes.toString("utf8")) as ImageRenditions;
    const all = [...manifest.picture, ...manifest.thumbnail, manifest.card];
    const ownName = (name: unknown): boolean => typeof name === "string" && name.startsWith(`${path.basename(dir)}-`) && /^[0-9a-z][0-9a-z.-]*$/.test(name);
    return all.every((r) => ownName(r.file) && lstatSync(path.join(dir, r.file), { throwIfNoEntry: false })?.isFile()) ? manifest : undefined;
  } catch {
    return undefined;
  }
}

/** The cached renditions of `key`, if a previous build made them. */
export function cachedRenditions(cacheDir: string, key: string): ImageRenditions | undefined {
  return readManifest(path.join(cacheDir, key));
}

/** Where a cached rendition file lives. */
export function cachedFile(cacheDir: string, key: string, file: string): string {
  return path.join(cacheDir, key, file);
}

interface EleventyStat {
  readonly format: string;
  readonly width: number;
  readonly height: number;
  readonly filename?: string;
  readonly buffer?: Buffer;
  readonly size?: number;
}

const SHARP_INPUT = {
  // A truncated or corrupt file is an error, not a grey half-picture.
  failOn: "truncated",
  limitInputPixels: MAX_IMAGE_PIXELS,
} as const;

// sharp and eleventy-img are loaded on first use: a command that imports this
// module without making pictures (npm run check plans the site through it)
// does not pay for loading them (0.2 s of CPU).
export const loadSharp = async (): Promise<typeof SharpModule> => (await import("sharp")).default;

/** Upright, flattened on white (JPEG has no transparency), sRGB (a CMYK JPEG converted through its profile). */
function normalise(image: SharpModule.Sharp): SharpModule.Sharp {
  return image.rotate().flatten({ background: "#ffffff" }).toColourspace("srgb");
}

/**
 * The source decoded once: upright, on white, sRGB, at most as wide as the
 * widest rendition, as a quickly decoded PNG. Every rendition is made from
 * it, so a 6000 × 4000 camera JPEG (or a CMYK one, whose colour conversion is
 * slow) is decoded and converted once instead of once per file (measured on a
 * 4000 × 2250 CMYK JPEG: 6.8 s → see README).
 */
async function master(bytes: Buffer): Promise<Buffer> {
  const widest = Math.max(...PIPELINE.widths, PIPELINE.card.width);
  const sharp = await loadSharp();
  return normalise(sharp(bytes, SHARP_INPUT)).resize({ width: widest, withoutEnlargement: true }).png({ compressionLevel: 1 }).toBuffer();
}

async function pictureRenditions(bytes: Buffer, key: string): Promise<{ files: { rendition: Rendition; data: Buffer }[] }> {
  const [{ default: Image }, sharp] = await Promise.all([import("@11ty/eleventy-img"), loadSharp()]);
  const result = (await Image(bytes, {
    widths: [...PIPELINE.widths],
    formats: [...PIPELINE.formats],
    formatFiltering: [],
    dryRun: true,
    useCache: false,
    outputDir: ".",
    urlPath: "/",
    filenameFormat: (_id: string, _src: unknown, width: number, format: string) => `${key}-${width}.${EXTENSIONS[format as OutputFormat] ?? format}`,
    sharpAvifOptions: { ...PIPELINE.avif },
    sharpWebpOptions: { ...PIPELINE.webp },
    sharpJpegOptions: { ...PIPELINE.jpeg },
  })) as Record<string, EleventyStat[]>;
  const files: { rendition: Rendition; data: Buffer }[] = [];
  for (const format of PIPELINE.formats) {
    for (const stat of result[format] ?? []) {
      if (!stat.buffer || !stat.filename) throw new Error(`eleventy-img returned no ${format} data`);
      // eleventy-img reports floor(w × H / W) as the height; the encoder may
      // round up by a pixel. width/height attributes must be the file's own.
      const actual = await sharp(stat.buffer).metadata();
      files.push({ rendition: { file: stat.filename, format, width: actual.width ?? stat.width, height: actual.height ?? stat.height, bytes: stat.buffer.length }, data: stat.buffer });
    }
  }
  return { files };
}

async function cropped(bytes: Buffer, file: string, format: OutputFormat, width: number, height: number, quality?: number): Promise<{ rendition: Rendition; data: Buffer }> {
  const options = format === "avif" ? PIPELINE.avif : format === "webp" ? PIPELINE.webp : { ...PIPELINE.jpeg, ...(quality ? { quality } : {}) };
  const sharp = await loadSharp();
  const data = await sharp(bytes)
    .resize({ width, height, fit: "cover", position: sharp.strategy.attention })
    .toFormat(format, options)
    .toBuffer();
  return { rendition: { file, format, width, height, bytes: data.length }, data };
}

/**
 * Makes (or finds in the cache) every rendition of an image whose bytes
 * have been checked (real image format, size limits).
 * @throws Error from the decoder when the image is damaged (the caller names the article)
 */
export async function makeRenditions(bytes: Buffer, key: string, cacheDir: string): Promise<ImageRenditions> {
  const dir = path.join(cacheDir, key);
  const cached = readManifest(dir);
  if (cached) return cached;
  const sharp = await loadSharp();
  const meta = await sharp(bytes, SHARP_INPUT).metadata();
  const upright = (meta.orientation ?? 1) >= 5;
  const width = (upright ? meta.height : meta.width) ?? 0;
  const height = (upright ? meta.width : meta.height) ?? 0;
  const source = await master(bytes);
  const { files: picture } = await pictureRenditions(source, key);
  const { width: tw, height: th } = PIPELINE.thumbnail;
  const thumbnail = await Promise.all(PIPELINE.formats.map((format) => cropped(source, `${key}-n${tw}.${EXTENSIONS[format]}`, format, tw, th)));
  const card = await cropped(source, `${key}-og.jpg`, "jpeg", PIPELINE.card.width, PIPELINE.card.height, PIPELINE.card.quality);
  const manifest: ImageRenditions = { key, width, height, picture: picture.map((f) => f.rendition), thumbnail: thumbnail.map((f) => f.rendition), card: card.rendition };

  const staging = `${dir}.tmp-${process.pid}-${Math.random().toString(36).slice(2)}`;
  mkdirSync(staging, { recursive: true });
  try {
    for (const f of [...picture, ...thumbnail, card]) writeFileSync(path.join(staging, f.rendition.file), f.data);
    writeFileSync(path.join(staging, MANIFEST), `${JSON.stringify(manifest)}\n`);
    rmSync(dir, { recursive: true, force: true });
    renameSync(staging, dir);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    // Another build made the same entry meanwhile: use it.
    const other = readManifest(dir);
    if (other) return other;
    throw error;
  }
  return manifest;
}

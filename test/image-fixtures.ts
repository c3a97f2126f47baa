/**
 * Image files for tests, made on the fly (nothing binary is committed):
 * camera-like photos, and the files an attacker or a careless editor
 * would commit.
 */
import { deflateSync } from "node:zlib";
import sharp from "sharp";

/** A deterministic pseudo-random generator, so fixtures are the same on every run. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/**
 * A photo-like JPEG: coloured shapes over a gradient with sensor-like noise,
 * so encoders have real detail to compress (not a flat fill).
 */
export async function photoJpeg(width: number, height: number, options: { orientation?: number; seed?: number; quality?: number } = {}): Promise<Buffer> {
  const rand = random(options.seed ?? 1);
  const raw = Buffer.alloc(width * height * 3);
  const put = (i: number, r: number, g: number, b: number): void => {
    const noise = (rand() - 0.5) * 24;
    raw[i] = Math.max(0, Math.min(255, r + noise));
    raw[i + 1] = Math.max(0, Math.min(255, g + noise));
    raw[i + 2] = Math.max(0, Math.min(255, b + noise));
  };
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) put((y * width + x) * 3, (x / width) * 180 + 40, (y / height) * 160 + 50, 120);
  // Large shapes (people, tables) and many small ones (faces, papers, texture): detail an encoder must keep.
  const shapes = [
    ...Array.from({ length: 30 }, () => ({ x: rand() * width, y: rand() * height, r: (0.03 + rand() * 0.12) * width })),
    ...Array.from({ length: 1500 }, () => ({ x: rand() * width, y: rand() * height, r: (0.002 + rand() * 0.012) * width })),
  ];
  for (const s of shapes) {
    const c = [rand() * 255, rand() * 255, rand() * 255] as const;
    for (let y = Math.max(0, Math.floor(s.y - s.r)); y < Math.min(height, Math.ceil(s.y + s.r)); y++) {
      for (let x = Math.max(0, Math.floor(s.x - s.r)); x < Math.min(width, Math.ceil(s.x + s.r)); x++) {
        if ((x - s.x) ** 2 + (y - s.y) ** 2 < s.r ** 2) put((y * width + x) * 3, c[0], c[1], c[2]);
      }
    }
  }
  let image = sharp(raw, { raw: { width, height, channels: 3 } }).jpeg({ quality: options.quality ?? 90 });
  if (options.orientation) image = image.withMetadata({ orientation: options.orientation });
  return image.toBuffer();
}

/** A small PNG with transparency. */
export function alphaPng(width = 64, height = 48): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 4, background: { r: 200, g: 20, b: 30, alpha: 0.4 } } }).png().toBuffer();
}

/** A CMYK JPEG, as print designers export them. */
export async function cmykJpeg(width = 800, height = 600): Promise<Buffer> {
  return sharp(await photoJpeg(width, height, { seed: 7 })).toColourspace("cmyk").jpeg().toBuffer();
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function crc32(bytes: Buffer): number {
  let c = ~0;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

/**
 * A decompression bomb: a valid PNG header claiming width × height pixels
 * (20000 × 20000 = 400 million), with a few bytes of image data. A decoder
 * that trusted it would allocate 1.2 GB; the header is all the build reads.
 */
export function pngBomb(width = 20000, height = 20000): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // RGB
  return Buffer.concat([Buffer.from("\x89PNG\r\n\x1a\n", "latin1"), chunk("IHDR", ihdr), chunk("IDAT", deflateSync(Buffer.alloc(64))), chunk("IEND", Buffer.alloc(0))]);
}

export const SVG_WITH_SCRIPT = '<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100"><script>alert(document.domain)</script><rect width="100" height="100"/></svg>';

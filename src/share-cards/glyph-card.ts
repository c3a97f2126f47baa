/**
 * Draws a generated share card directly: the card's layout is fixed (site
 * name, title, a band with unit and date), so it is computed here, the text
 * is shaped with HarfBuzz (the shaper satori uses, with the same kerning and
 * the same font fallback: each character from the first font that has it),
 * each glyph is rasterised once per thread by resvg from its outline and
 * kept as a coverage mask, and a card is those masks blended onto the
 * background, written as a palette PNG (the card is white text on two reds:
 * 2 × 128 colours) with zlib.
 *
 * Why not satori + resvg per card (the reference kept in satori-card.ts):
 * `npx tsx scripts/media-timings.ts --photos 1 --width 600 --cards 300
 * --reference` (load average ~10 on 2 cores, 2026-11-27) gave 55 ms of CPU
 * per card that way against 10 ms here, setup included (HarfBuzz and the
 * fonts ~260 ms, new glyphs rasterised as they first appear); with
 * `--cards 1000`, 8 ms; warm, 4.5–7 ms: layout and shaping ~0.5 ms,
 * blending ~1.5 ms, zlib ~2 ms, creating the cache file the rest. What
 * stays the same: the font (Be Vietnam Pro, subsets in the same order),
 * glyph outlines and positions (HarfBuzz advances and offsets, satori's
 * line metrics: ascent and descent rounded to pixels, half the leading
 * floored, line heights rounded), so a card looks like satori's to within
 * glyph positions quantised to a quarter pixel and words placed up to
 * ~0.4 px apart (test/share-cards.test.ts compares the pixels: mean
 * difference 0.6 of 255 over the card). zlib level 3: 26 KB for a
 * three-line title and 4.8 ms of CPU per warm card; level 1 31 KB and
 * 4.1 ms, level 6 21 KB and 9.1 ms (one run each, load average ~8, the
 * level switched by hand). Characters none of the bundled fonts
 * has (emoji, CJK) are left out, as no font here can draw them.
 *
 * Deterministic: integer blending, a fixed palette, zlib at a fixed level;
 * the same text gives the same bytes on every run and in every worker.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { crc32, deflate, inflateSync } from "node:zlib";
import type { HarfBuzz, HbFont } from "harfbuzzjs";

export const GLYPH_CARD_WIDTH = 1200;
export const GLYPH_CARD_HEIGHT = 630;

/** What the card shows (the same shape as generated-card.ts's CardText). */
export interface GlyphCardText {
  readonly title: string;
  readonly unit: string;
  readonly date: string;
  readonly site: string;
}

const BACKGROUND = [0xa3, 0x18, 0x1d] as const;
const BAND = [0x7d, 0x12, 0x16] as const;
const FAMILY_FILE = "be-vietnam-pro";
const SUBSETS = ["vietnamese", "latin", "latin-ext"] as const;
type Weight = 400 | 700;
/** Glyph positions are quantised to 1/SUBPIXEL of a pixel, in x and y: a mask per glyph, size and offset. */
const SUBPIXEL = 4;
/** Coverage levels per background in the palette (two backgrounds: 256 colours). */
const LEVELS = 128;

interface LoadedFont {
  readonly font: HbFont;
  readonly upem: number;
  /** hhea ascender and descender, font units (what satori reads through opentype.js). */
  readonly ascender: number;
  readonly descender: number;
  readonly unicodes: ReadonlySet<number>;
}

interface Engine {
  readonly hb: HarfBuzz;
  readonly fonts: Readonly<Record<Weight, readonly LoadedFont[]>>;
}

/** A glyph's coverage, placed relative to its integer pen position. */
interface Mask {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
  readonly alpha: Uint8Array;
}

/**
 * A WOFF 1.0 file as the plain OpenType font inside it (HarfBuzz reads
 * sfnt only; Fontsource ships WOFF and WOFF2, and WOFF is zlib per table).
 */
export function woffToSfnt(woff: Buffer): Buffer {
  if (woff.toString("latin1", 0, 4) !== "wOFF") throw new Error("not a WOFF font");
  const flavor = woff.readUInt32BE(4);
  const numTables = woff.readUInt16BE(12);
  const tables: { tag: number; checksum: number; data: Buffer }[] = [];
  for (let i = 0; i < numTables; i++) {
    const at = 44 + i * 20;
    const offset = woff.readUInt32BE(at + 4);
    const compLength = woff.readUInt32BE(at + 8);
    const origLength = woff.readUInt32BE(at + 12);
    const raw = woff.subarray(offset, offset + compLength);
    tables.push({ tag: woff.readUInt32BE(at), checksum: woff.readUInt32BE(at + 16), data: compLength < origLength ? inflateSync(raw) : raw });
  }
  let size = 12 + 16 * numTables;
  for (const t of tables) size += (t.data.length + 3) & ~3;
  const out = Buffer.alloc(size);
  const entrySelector = Math.floor(Math.log2(numTables));
  out.writeUInt32BE(flavor, 0);
  out.writeUInt16BE(numTables, 4);
  out.writeUInt16BE(16 * 2 ** entrySelector, 6);
  out.writeUInt16BE(entrySelector, 8);
  out.writeUInt16BE(numTables * 16 - 16 * 2 ** entrySelector, 10);
  let offset = 12 + 16 * numTables;
  tables.forEach((t, i) => {
    const at = 12 + i * 16;
    out.writeUInt32BE(t.tag, at);
    out.writeUInt32BE(t.checksum, at + 4);
    out.writeUInt32BE(offset, at + 8);
    out.writeUInt32BE(t.data.length, at + 12);
    t.data.copy(out, offset);
    offset += (t.data.length + 3) & ~3;
  });
  return out;
}

/** A table of an sfnt font, by tag. */
function sfntTable(sfnt: Buffer, tag: string): Buffer {
  const numTables = sfnt.readUInt16BE(4);
  for (let i = 0; i < numTables; i++) {
    const at = 12 + i * 16;
    if (sfnt.toString("latin1", at, at + 4) === tag) {
      const offset = sfnt.readUInt32BE(at + 8);
      return sfnt.subarray(offset, offset + sfnt.readUInt32BE(at + 12));
    }
  }
  throw new Error(`font has no ${tag} table`);
}

let engine: Promise<Engine> | undefined;

/** HarfBuzz and the six font files, once per thread. */
function loadEngine(): Promise<Engine> {
  engine ??= (async () => {
    // require, not import(): the package's export is a promise, which an ES namespace (a thenable then) mangles.
    const require = createRequire(import.meta.url);
    const hb = await (require("harfbuzzjs") as Promise<HarfBuzz>);
    // The package exports only CSS; its LICENSE is exported and sits next to files/.
    const dir = path.join(path.dirname(require.resolve("@fontsource/be-vietnam-pro/LICENSE")), "files");
    const load = (weight: Weight): LoadedFont[] =>
      SUBSETS.map((subset) => {
        const sfnt = woffToSfnt(readFileSync(path.join(dir, `${FAMILY_FILE}-${subset}-${weight}-normal.woff`)));
        const blob = hb.createBlob(sfnt);
        const face = hb.createFace(blob, 0);
        const font = hb.createFont(face);
        const upem = face.upem;
        font.setScale(upem, upem);
        const unicodes = new Set(face.collectUnicodes());
        face.destroy();
        blob.destroy();
        const hhea = sfntTable(sfnt, "hhea");
        return { font, upem, ascender: hhea.readInt16BE(4), descender: hhea.readInt16BE(6), unicodes };
      });
    return { hb, fonts: { 400: load(400), 700: load(700) } };
  })();
  return engine;
}

/** One glyph to draw: which font, which glyph, where (px, from the run's origin on the baseline). */
interface PlacedGlyph {
  readonly weight: Weight;
  readonly font: number;
  readonly glyph: number;
  readonly x: number;
  readonly y: number;
}

interface ShapedRun {
  readonly glyphs: readonly PlacedGlyph[];
  readonly width: number;
}

/**
 * Shapes a run of text in one size and weight, each character from the
 * first font that has it (characters none has are left out, as no font
 * can draw them), like satori's font fallback and letter spacing.
 */
function shapeRun(e: Engine, text: string, weight: Weight, size: number, letterSpacing = 0): ShapedRun {
  const fonts = e.fonts[weight];
  const segments: { font: number; text: string }[] = [];
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    const font = fonts.findIndex((f) => f.unicodes.has(code));
    if (font < 0) continue;
    const last = segments.at(-1);
    if (last && last.font === font) segments[segments.length - 1] = { font, text: last.text + char };
    else segments.push({ font, text: char });
  }
  const glyphs: PlacedGlyph[] = [];
  let cursor = 0;
  for (const segment of segments) {
    const loaded = fonts[segment.font];
    if (!loaded) continue;
    const buffer = e.hb.createBuffer();
    try {
      buffer.addText(segment.text);
      buffer.guessSegmentProperties();
      e.hb.shape(loaded.font, buffer);
      const shaped = buffer.json();
      const scale = size / loaded.upem;
      shaped.forEach((g, i) => {
        glyphs.push({ weight, font: segment.font, glyph: g.g, x: cursor + g.dx * scale, y: g.dy * scale });
        cursor += g.ax * scale;
        if (shaped[i + 1]?.cl !== g.cl) cursor += letterSpacing;
      });
    } finally {
      buffer.destroy();
    }
  }
  return { glyphs, width: cursor };
}

/**
 * satori's line metrics (font.ts, text/index.ts): ascent and descent
 * rounded to pixels, half the leading floored, a line's height rounded.
 */
function lineMetrics(font: LoadedFont, size: number, lineHeight?: number): { height: number; baseline: number } {
  const ascent = (font.ascender / font.upem) * size;
  const descent = (-font.descender / font.upem) * size;
  const height = lineHeight === undefined ? ascent + descent : size * lineHeight;
  const asc = Math.round(ascent);
  const desc = Math.round(descent);
  return { height: Math.round(height), baseline: asc + Math.floor((height - asc - desc) / 2) };
}

/**
 * Breaks a title into lines of at most `width` px at spaces, greedily like
 * a browser; a word longer than a line is cut between characters.
 */
function breakLines(e: Engine, title: string, weight: Weight, size: number, width: number): ShapedRun[][] {
  const space = shapeRun(e, " ", weight, size).width;
  const lines: ShapedRun[][] = [];
  let line: ShapedRun[] = [];
  let used = 0;
  const push = (word: ShapedRun): void => {
    const needed = line.length > 0 ? used + space + word.width : word.width;
    if (line.length > 0 && needed > width) {
      lines.push(line);
      line = [word];
      used = word.width;
    } else {
      line.push(word);
      used = needed;
    }
  };
  for (const word of title.split(" ").filter(Boolean)) {
    const shaped = shapeRun(e, word, weight, size);
    if (shaped.glyphs.length === 0) continue; // only characters no font has: no gap either
    if (shaped.width <= width) {
      push(shaped);
      continue;
    }
    let piece = "";
    for (const char of word) {
      if (piece && shapeRun(e, piece + char, weight, size).width > width) {
        push(shapeRun(e, piece, weight, size));
        piece = "";
      }
      piece += char;
    }
    if (piece) push(shapeRun(e, piece, weight, size));
  }
  if (line.length > 0) lines.push(line);
  return lines;
}

/** Title size by length, so a long official title still fits in four lines (as the satori card). */
export function titleSize(title: string): number {
  if (title.length <= 60) return 64;
  if (title.length <= 100) return 56;
  if (title.length <= 140) return 48;
  return 42;
}

interface Draw {
  readonly glyph: PlacedGlyph;
  readonly size: number;
  readonly x: number;
  readonly y: number;
}

/** Every glyph of a card at its place on the canvas (px), and where the band starts. */
function layOut(e: Engine, text: GlyphCardText): { draws: Draw[]; bandTop: number } {
  const draws: Draw[] = [];
  const place = (run: ShapedRun, size: number, x: number, baseline: number): void => {
    for (const glyph of run.glyphs) draws.push({ glyph, size, x: x + glyph.x, y: baseline + glyph.y });
  };
  const bold = e.fonts[700][0];
  const regular = e.fonts[400][0];
  if (!bold || !regular) throw new Error("share-card fonts missing");
  const padX = 72;
  const inner = GLYPH_CARD_WIDTH - 2 * padX;
  // Site name: 30 px bold, letter-spaced, 48 px from the top.
  const site = lineMetrics(bold, 30);
  place(shapeRun(e, text.site, 700, 30, 1), 30, padX, 48 + site.baseline);
  // The band: 28 px padding around one 32 px line, at the bottom.
  const band = lineMetrics(regular, 32);
  const bandTop = GLYPH_CARD_HEIGHT - (2 * 28 + band.height);
  place(shapeRun(e, text.unit, 400, 32), 32, padX, bandTop + 28 + band.baseline);
  const date = shapeRun(e, text.date, 400, 32);
  place(date, 32, GLYPH_CARD_WIDTH - padX - date.width, bandTop + 28 + band.baseline);
  // The title, centred between the site name and the band.
  const size = titleSize(text.title);
  const title = lineMetrics(bold, size, 1.22);
  const lines = breakLines(e, text.title, 700, size, inner);
  const top = 48 + site.height;
  let y = top + (bandTop - top - lines.length * title.height) / 2;
  const space = shapeRun(e, " ", 700, size).width;
  for (const words of lines) {
    let x = padX;
    for (const word of words) {
      place(word, size, x, y + title.baseline);
      x += word.width + space;
    }
    y += title.height;
  }
  return { draws, bandTop };
}

const masks = new Map<string, Mask | null>();

/** Numbers of SVG path data, as x, y pairs: the outline's control points bound it. */
function pathBounds(d: string): { minX: number; minY: number; maxX: number; maxY: number } | undefined {
  const numbers = d.match(/-?\d+(?:\.\d+)?(?:e-?\d+)?/g);
  if (!numbers || numbers.length < 2) return undefined;
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (let i = 0; i + 1 < numbers.length; i += 2) {
    const x = Number(numbers[i]);
    const y = Number(numbers[i + 1]);
    minX = Math.min(minX, x);
    maxX = Math.max(maxX, x);
    minY = Math.min(minY, y);
    maxY = Math.max(maxY, y);
  }
  return { minX, minY, maxX, maxY };
}

const maskKey = (g: PlacedGlyph, size: number, fx: number, fy: number): string => `${g.weight}/${g.font}/${g.glyph}/${size}/${fx}/${fy}`;

/**
 * Rasterises every glyph mask a card needs and the cache lacks, in one
 * resvg call: the outlines, placed on a strip with their sub-pixel offsets.
 */
async function rasterise(e: Engine, wanted: Map<string, { glyph: PlacedGlyph; size: number; fx: number; fy: number }>): Promise<void> {
  if (wanted.size === 0) return;
  const cells: { key: string; left: number; top: number; width: number; height: number; x: number; y: number; path: string; transform: string }[] = [];
  let x = 0;
  let y = 0;
  let rowHeight = 0;
  const stripWidth = 2048;
  for (const [key, { glyph, size, fx, fy }] of wanted) {
    const font = e.fonts[glyph.weight][glyph.font];
    const d = font?.font.glyphToPath(glyph.glyph) ?? "";
    const bounds = font ? pathBounds(d) : undefined;
    if (!font || !bounds) {
      masks.set(key, null);
      continue;
    }
    const scale = size / font.upem;
    const ox = fx / SUBPIXEL;
    const oy = fy / SUBPIXEL;
    const left = Math.floor(ox + bounds.minX * scale) - 1;
    const right = Math.ceil(ox + bounds.maxX * scale) + 1;
    const top = Math.floor(oy - bounds.maxY * scale) - 1;
    const bottom = Math.ceil(oy - bounds.minY * scale) + 1;
    const width = right - left;
    const height = bottom - top;
    if (x + width > stripWidth) {
      x = 0;
      y += rowHeight;
      rowHeight = 0;
    }
    cells.push({ key, left, top, width, height, x, y, path: d, transform: `matrix(${scale} 0 0 ${-scale} ${x - left + ox} ${y - top + oy})` });
    x += width;
    rowHeight = Math.max(rowHeight, height);
  }
  if (cells.length === 0) return;
  const canvasHeight = y + rowHeight;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${stripWidth}" height="${canvasHeight}">${cells.map((c) => `<path fill="#fff" transform="${c.transform}" d="${c.path}"/>`).join("")}</svg>`;
  const { Resvg } = await import("@resvg/resvg-js");
  // No system fonts: the SVG has no text, and scanning them costs more than the drawing.
  const pixels = new Resvg(svg, { fitTo: { mode: "original" }, font: { loadSystemFonts: false } }).render().pixels;
  for (const c of cells) {
    const alpha = new Uint8Array(c.width * c.height);
    for (let row = 0; row < c.height; row++) {
      const from = ((c.y + row) * stripWidth + c.x) * 4 + 3;
      // Coverage in palette levels (0..LEVELS-1), rounded.
      for (let col = 0; col < c.width; col++) alpha[row * c.width + col] = (((pixels[from + col * 4] ?? 0) * (LEVELS - 1) + 127) / 255) | 0;
    }
    masks.set(c.key, { left: c.left, top: c.top, width: c.width, height: c.height, alpha });
  }
}

let palette: Buffer | undefined;

/** 128 levels from each background to white: index = background × 128 + level. */
function cardPalette(): Buffer {
  if (!palette) {
    palette = Buffer.alloc(2 * LEVELS * 3);
    [BACKGROUND, BAND].forEach((bg, b) => {
      for (let level = 0; level < LEVELS; level++) {
        for (let c = 0; c < 3; c++) {
          const base = bg[c] ?? 0;
          palette![(b * LEVELS + level) * 3 + c] = base + Math.round(((255 - base) * level) / (LEVELS - 1));
        }
      }
    });
  }
  return palette;
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, "latin1");
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(data, crc32(head.subarray(4))), 0);
  return Buffer.concat([head, data, crc]);
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** zlib level of the card's pixels (see the header comment for the measurement). */
const DEFLATE_LEVEL = 3;

/**
 * The card's palette PNG, its rows already indexed. zlib runs in libuv's
 * thread pool: the next card is laid out on this thread meanwhile.
 */
async function encodePng(rows: Uint8Array): Promise<Buffer> {
  // Nothing runs at module load: the admin's browser bundle loads this module with inert stand-ins for node: modules.
  const idat = await new Promise<Buffer>((resolve, reject) => deflate(rows, { level: DEFLATE_LEVEL }, (error, result) => (error ? reject(error) : resolve(result))));
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(GLYPH_CARD_WIDTH, 0);
  ihdr.writeUInt32BE(GLYPH_CARD_HEIGHT, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 3; // palette
  return Buffer.concat([Buffer.from(PNG_SIGNATURE), chunk("IHDR", ihdr), chunk("PLTE", cardPalette()), chunk("IDAT", idat), chunk("IEND", Buffer.alloc(0))]);
}

/**
 * The card as PNG bytes (1200 × 630, palette): layout, glyph masks from the
 * thread's cache (new ones rasterised in one go), blended and encoded.
 */
export async function renderGlyphCard(text: GlyphCardText): Promise<Buffer> {
  const e = await loadEngine();
  const normalised: GlyphCardText = {
    title: text.title.normalize("NFC").replace(/\s+/g, " ").trim(),
    unit: text.unit.normalize("NFC"),
    date: text.date.normalize("NFC"),
    site: text.site.normalize("NFC"),
  };
  const { draws, bandTop } = layOut(e, normalised);
  const placed: { key: string; ix: number; iy: number }[] = [];
  const wanted = new Map<string, { glyph: PlacedGlyph; size: number; fx: number; fy: number }>();
  for (const d of draws) {
    let ix = Math.floor(d.x);
    let fx = Math.round((d.x - ix) * SUBPIXEL);
    if (fx === SUBPIXEL) [ix, fx] = [ix + 1, 0];
    let iy = Math.floor(d.y);
    let fy = Math.round((d.y - iy) * SUBPIXEL);
    if (fy === SUBPIXEL) [iy, fy] = [iy + 1, 0];
    const key = maskKey(d.glyph, d.size, fx, fy);
    if (!masks.has(key)) wanted.set(key, { glyph: d.glyph, size: d.size, fx, fy });
    placed.push({ key, ix, iy });
  }
  await rasterise(e, wanted);
  // The rows: the background's level 0 (the red is index 0, the band index LEVELS), filter byte 0 ("none") on every row.
  const stride = GLYPH_CARD_WIDTH + 1;
  // A buffer of its own per card: the previous card's may still be in zlib.
  const rows = new Uint8Array(GLYPH_CARD_HEIGHT * stride);
  const band = Math.round(bandTop);
  rows.fill(LEVELS, band * stride);
  for (let y = band; y < GLYPH_CARD_HEIGHT; y++) rows[y * stride] = 0;
  // Glyphs blended straight into palette indices: white over white, source-over, in levels 0..LEVELS-1.
  const top = LEVELS - 1;
  for (const { key, ix, iy } of placed) {
    const m = masks.get(key);
    if (!m) continue;
    const { alpha, width } = m;
    const x0 = ix + m.left;
    // Columns of the mask inside the canvas (a glyph of an over-long title may reach past an edge).
    const from = Math.max(0, -x0);
    const to = Math.min(width, GLYPH_CARD_WIDTH - x0);
    for (let row = 0; row < m.height; row++) {
      const y = iy + m.top + row;
      if (y < 0 || y >= GLYPH_CARD_HEIGHT) continue;
      const base = y < band ? 0 : LEVELS;
      const line = y * stride + 1 + x0;
      const src = row * width;
      for (let col = from; col < to; col++) {
        const a = alpha[src + col]!;
        if (a === 0) continue;
        const c = rows[line + col]! - base;
        // Most pixels are covered by one glyph only: no blending needed.
        rows[line + col] = c === 0 ? base + a : base + c + a - (((c * a + (top >> 1)) / top) | 0);
      }
    }
  }
  return encodePng(rows);
}

/**
 * The share card of an article without a photo of its own: title, unit and
 * date on the site's red, 1200 × 630 PNG, what Zalo and Facebook show when
 * the article's link is pasted.
 *
 * satori lays the card out (flexbox, line breaking) and turns the text into
 * paths; @resvg/resvg-js rasterises the SVG. The font is Be Vietnam Pro
 * (SIL Open Font License 1.1, bundled through @fontsource/be-vietnam-pro;
 * designed for Vietnamese): Fontsource splits it into subsets, so the
 * Vietnamese subset (ă, ơ, ư, đ and the stacked tone marks) is listed first
 * in the font family and Latin after it: satori takes each glyph from the
 * first font that has it.
 *
 * Cards are cached by a hash of what they show and of {@link CARD_VERSION}
 * (`<cacheDir>/<key>.png`): a cold card costs ~0.1 s (see README), a cached
 * one a file check.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type Satori from "satori";
import { truncateText } from "../markdown.ts";

/** Change when the card's look changes: every card is made again. */
export const CARD_VERSION = 1;
export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;

/** What a generated card shows. */
export interface CardText {
  readonly title: string;
  /** The unit as readers know it ("Tỉnh Gia Lai", "Bình Định, nay thuộc Gia Lai"). */
  readonly unit: string;
  /** "29/11/2016". */
  readonly date: string;
  readonly site: string;
}

const COLOURS = { background: "#a3181d", text: "#ffffff", band: "#7d1216" } as const;
const FAMILY = "Be Vietnam Pro";
const SUBSETS = ["vietnamese", "latin", "latin-ext"] as const;
const WEIGHTS = [400, 700] as const;

type SatoriFont = { name: string; data: Buffer; weight: 400 | 700; style: "normal" };
let fonts: SatoriFont[] | undefined;

/** The font files, read once per process. */
function loadFonts(): SatoriFont[] {
  if (!fonts) {
    // The package exports only CSS; its LICENSE is exported and sits next to files/.
    const dir = path.join(path.dirname(createRequire(import.meta.url).resolve("@fontsource/be-vietnam-pro/LICENSE")), "files");
    fonts = SUBSETS.flatMap((subset) =>
      WEIGHTS.map((weight) => ({ name: `${FAMILY} ${subset}`, data: readFileSync(path.join(dir, `be-vietnam-pro-${subset}-${weight}-normal.woff`)), weight, style: "normal" as const })),
    );
  }
  return fonts;
}

const FONT_FAMILY = SUBSETS.map((s) => `"${FAMILY} ${s}"`).join(", ");

type Node = { type: string; props: { style: Record<string, string | number>; children?: string | Node | Node[] } };
const box = (style: Record<string, string | number>, children?: string | Node | Node[]): Node => ({ type: "div", props: { style: { display: "flex", ...style }, ...(children === undefined ? {} : { children }) } });

/** Title size by length, so a long official title still fits in four lines. */
function titleSize(title: string): number {
  if (title.length <= 60) return 64;
  if (title.length <= 100) return 56;
  if (title.length <= 140) return 48;
  return 42;
}

/** The card as satori's element tree. */
export function cardTree(text: CardText): Node {
  const title = truncateText(text.title, 180);
  return box({ width: CARD_WIDTH, height: CARD_HEIGHT, flexDirection: "column", backgroundColor: COLOURS.background, color: COLOURS.text, fontFamily: FONT_FAMILY }, [
    box({ padding: "48px 72px 0", fontSize: 30, fontWeight: 700, letterSpacing: 1 }, text.site),
    box({ flexGrow: 1, alignItems: "center", padding: "0 72px" }, box({ fontSize: titleSize(title), fontWeight: 700, lineHeight: 1.22 }, title)),
    box({ backgroundColor: COLOURS.band, padding: "28px 72px", fontSize: 32, justifyContent: "space-between" }, [box({}, text.unit), box({}, text.date)]),
  ]);
}

/** The card as SVG, text as paths (satori). */
export async function cardSvg(text: CardText): Promise<string> {
  // satori, resvg and sharp are loaded on first use: loading satori alone costs
  // 0.4 s of CPU, paid by every command importing this module (npm run check
  // plans the site through it and never makes a card).
  const { default: satori } = await import("satori");
  return satori(cardTree(text) as unknown as Parameters<typeof Satori>[0], { width: CARD_WIDTH, height: CARD_HEIGHT, fonts: loadFonts() });
}

/**
 * Renders a card to PNG bytes (no cache). Only satori runs on the main
 * thread: resvg's renderAsync and sharp's PNG encoder work in libuv's thread
 * pool, so several cards in flight overlap (sharp's PNG is also a third
 * smaller than resvg's own and faster to write; measured 47 vs 58 ms).
 */
export async function renderCard(text: CardText): Promise<Buffer> {
  const [{ renderAsync }, { default: sharp }] = await Promise.all([import("@resvg/resvg-js"), import("sharp")]);
  const rendered = await renderAsync(await cardSvg(text), { fitTo: { mode: "original" } });
  return sharp(rendered.pixels, { raw: { width: rendered.width, height: rendered.height, channels: 4 } }).png({ compressionLevel: 6 }).toBuffer();
}

/** Cache key of a card: what it shows and how it is drawn. */
export function cardKey(text: CardText): string {
  return createHash("sha256").update(JSON.stringify({ v: CARD_VERSION, font: "be-vietnam-pro@5", ...text })).digest("hex").slice(0, 16);
}

/**
 * The card's PNG in the cache, made if missing.
 * @returns the cache file and its size
 */
export async function cachedCard(text: CardText, cacheDir: string, onMade?: () => void, onCached?: () => void): Promise<{ key: string; file: string; bytes: number }> {
  const key = cardKey(text);
  const file = path.join(cacheDir, `${key}.png`);
  if (existsSync(file)) {
    onCached?.();
    return { key, file, bytes: statSync(file).size };
  }
  const png = await renderCard(text);
  onMade?.();
  mkdirSync(cacheDir, { recursive: true });
  const temporary = `${file}.tmp-${process.pid}-${Math.random().toString(36).slice(2)}`;
  writeFileSync(temporary, png);
  renameSync(temporary, file);
  return { key, file, bytes: png.length };
}

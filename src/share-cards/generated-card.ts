/**
 * The share card of an article without a photo of its own: title, unit and
 * date on the site's red, 1200 × 630 PNG, what Zalo and Facebook show when
 * the article's link is pasted.
 *
 * Drawn by glyph-card.ts (HarfBuzz shaping, glyph masks rasterised once per
 * process by resvg, a palette PNG): ~5 ms of CPU per card instead of ~60 ms
 * with satori + resvg + sharp for the whole card (satori-card.ts, kept as
 * the reference the tests compare against). The font is Be Vietnam Pro (SIL
 * Open Font License 1.1, bundled through @fontsource/be-vietnam-pro;
 * designed for Vietnamese).
 *
 * Cards are cached by a hash of what they show and of {@link CARD_VERSION}
 * (`<cacheDir>/<key>.png`): a cached one costs a file check.
 */
import { createHash } from "node:crypto";
import { lstatSync, mkdirSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { truncateText } from "../markdown.ts";
import { renderGlyphCard } from "./glyph-card.ts";

/** Change when the card's look or encoding changes: every card is made again. */
export const CARD_VERSION = 2;
export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;
/** The site's red, the band's darker red, white text (glyph-card.ts draws with the same values). */
export const CARD_COLOURS = { background: "#a3181d", text: "#ffffff", band: "#7d1216" } as const;

/** What a generated card shows. */
export interface CardText {
  readonly title: string;
  /** The unit as readers know it ("Tỉnh Gia Lai", "Bình Định, nay thuộc Gia Lai"). */
  readonly unit: string;
  /** "29/11/2016". */
  readonly date: string;
  readonly site: string;
}

/** Renders a card to PNG bytes (no cache): a palette PNG, 1200 × 630. */
export async function renderCard(text: CardText): Promise<Buffer> {
  return renderGlyphCard({ ...text, title: truncateText(text.title, 180) });
}

/** Cache key of a card: what it shows and how it is drawn. */
export function cardKey(text: CardText): string {
  return createHash("sha256").update(JSON.stringify({ v: CARD_VERSION, font: "be-vietnam-pro@5", renderer: "glyph-card", ...text })).digest("hex").slice(0, 16);
}

/**
 * The card's PNG in the cache, made if missing.
 * @returns the cache file and its size
 */
export async function cachedCard(text: CardText, cacheDir: string, onMade?: () => void, onCached?: () => void): Promise<{ key: string; file: string; bytes: number }> {
  const key = cardKey(text);
  const file = path.join(cacheDir, `${key}.png`);
  // A regular file only: a link planted under a card's name would publish what it points to (it is replaced below).
  const st = lstatSync(file, { throwIfNoEntry: false });
  if (st?.isFile()) {
    onCached?.();
    return { key, file, bytes: st.size };
  }
  const png = await renderCard(text);
  onMade?.();
  mkdirSync(cacheDir, { recursive: true });
  const temporary = `${file}.tmp-${process.pid}-${Math.random().toString(36).slice(2)}`;
  writeFileSync(temporary, png);
  renameSync(temporary, file);
  return { key, file, bytes: png.length };
}

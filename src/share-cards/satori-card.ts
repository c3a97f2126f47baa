/**
 * The share card as satori + resvg draw it: how cards were made until the
 * glyph renderer (glyph-card.ts) replaced it for speed. Kept as the
 * reference the tests compare the glyph renderer's pixels with (same
 * layout, same font, same shaping), and for scripts/media-timings.ts
 * (`--reference`) to measure the two side by side. Not used by the build.
 *
 * satori lays the card out (flexbox, line breaking) and turns the text into
 * paths; @resvg/resvg-js rasterises the SVG. The font is Be Vietnam Pro
 * (bundled through @fontsource/be-vietnam-pro): Fontsource splits it into
 * subsets, so the Vietnamese subset is listed first in the font family and
 * Latin after it: satori takes each glyph from the first font that has it.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type Satori from "satori";
import { truncateText } from "../markdown.ts";
import { CARD_HEIGHT, CARD_WIDTH, CARD_COLOURS, type CardText } from "./generated-card.ts";
import { titleSize } from "./glyph-card.ts";

const FAMILY = "Be Vietnam Pro";
const SUBSETS = ["vietnamese", "latin", "latin-ext"] as const;
const WEIGHTS = [400, 700] as const;

type SatoriFont = { name: string; data: Buffer; weight: 400 | 700; style: "normal" };
let fonts: SatoriFont[] | undefined;

/** The font files, read once per process. */
function loadFonts(): SatoriFont[] {
  if (!fonts) {
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

/** The card as satori's element tree. */
export function cardTree(text: CardText): Node {
  const title = truncateText(text.title, 180);
  return box({ width: CARD_WIDTH, height: CARD_HEIGHT, flexDirection: "column", backgroundColor: CARD_COLOURS.background, color: CARD_COLOURS.text, fontFamily: FONT_FAMILY }, [
    box({ padding: "48px 72px 0", fontSize: 30, fontWeight: 700, letterSpacing: 1 }, text.site),
    box({ flexGrow: 1, alignItems: "center", padding: "0 72px" }, box({ fontSize: titleSize(title), fontWeight: 700, lineHeight: 1.22 }, title)),
    box({ backgroundColor: CARD_COLOURS.band, padding: "28px 72px", fontSize: 32, justifyContent: "space-between" }, [box({}, text.unit), box({}, text.date)]),
  ]);
}

/** The card as SVG, text as paths (satori). */
export async function cardSvg(text: CardText): Promise<string> {
  const { default: satori } = await import("satori");
  return satori(cardTree(text) as unknown as Parameters<typeof Satori>[0], { width: CARD_WIDTH, height: CARD_HEIGHT, fonts: loadFonts() });
}

/** The card rasterised by resvg, as an RGB PNG through sharp (as the build made them before). */
export async function renderSatoriCard(text: CardText): Promise<Buffer> {
  const [{ renderAsync }, { default: sharp }] = await Promise.all([import("@resvg/resvg-js"), import("sharp")]);
  const rendered = await renderAsync(await cardSvg(text), { fitTo: { mode: "original" } });
  return sharp(rendered.pixels, { raw: { width: rendered.width, height: rendered.height, channels: 4 } }).removeAlpha().png({ compressionLevel: 6 }).toBuffer();
}

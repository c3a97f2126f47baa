/**
 * Generated share cards: rasterised for real and looked at pixel by pixel:
 * the right size, not blank, and Vietnamese letters drawn with their marks
 * (a font without them would leave gaps or bare letters).
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, describe, expect, it } from "vitest";
import { CARD_HEIGHT, CARD_WIDTH, cachedCard, cardKey, renderCard, type CardText } from "../src/share-cards/generated-card.ts";

const BASE: CardText = { title: "Hội nghị tổng kết", unit: "Tỉnh Gia Lai", date: "29/11/2016", site: "Tổng kết công tác năm" };
const work = mkdtempSync(path.join(tmpdir(), "share-cards-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Light (text) pixels of a card and their horizontal extent, within the title area (between the site name and the bottom band). */
async function titleInk(png: Buffer): Promise<{ ink: number; left: number; right: number }> {
  const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
  let ink = 0;
  let left = info.width;
  let right = 0;
  for (let y = 110; y < 520; y++) {
    for (let x = 0; x < info.width; x++) {
      const i = (y * info.width + x) * info.channels;
      if ((data[i] ?? 0) > 200 && (data[i + 1] ?? 0) > 200 && (data[i + 2] ?? 0) > 200) {
        ink++;
        left = Math.min(left, x);
        right = Math.max(right, x);
      }
    }
  }
  return { ink, left, right };
}

describe("a generated share card", () => {
  it("is a 1200 × 630 PNG on the site's red with text on it", async () => {
    const png = await renderCard(BASE);
    const meta = await sharp(png).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(["png", CARD_WIDTH, CARD_HEIGHT]);
    const { dominant } = await sharp(png).stats();
    expect(dominant).toMatchObject({ r: expect.closeTo(163, -1.5), g: expect.closeTo(24, -1.5), b: expect.closeTo(29, -1.5) });
    expect((await titleInk(png)).ink).toBeGreaterThan(5000);
  });

  it("draws Vietnamese letters with their marks: more ink than the bare letters, over the same width", async () => {
    const pairs: [string, string][] = [
      ["Đắk Lắk", "Dak Lak"],
      ["ă â đ ê ô ơ ư ắ ằ ẳ ẵ ặ ấ ầ ẩ ẫ ậ ế ề ể ễ ệ ố ồ ổ ỗ ộ ớ ờ ở ỡ ợ ứ ừ ử ữ ự ỳ ỷ ỹ ỵ", "a a d e o o u a a a a a a a a a a e e e e e o o o o o o o o o o u u u u u y y y y"],
      ["ĂÂĐÊÔƠƯ ẮẰẲẴẶ ẤẦẨẪẬ ẾỀỂỄỆ ỐỒỔỖỘ ỚỜỞỠỢ ỨỪỬỮỰ", "AADEOOU AAAAA AAAAA EEEEE OOOOO OOOOO UUUUU"],
    ];
    for (const [marked, bare] of pairs) {
      const a = await titleInk(await renderCard({ ...BASE, title: marked }));
      const b = await titleInk(await renderCard({ ...BASE, title: bare }));
      expect(a.ink, marked).toBeGreaterThan(b.ink * 1.05);
      // A missing glyph would leave a gap or shorten the line; ơ and ư are a little wider than o and u.
      expect(a.right - a.left, marked).toBeGreaterThanOrEqual(Math.round((b.right - b.left) * 0.97));
      expect(a.right - a.left, marked).toBeLessThan(Math.round((b.right - b.left) * 1.2));
    }
  });

  it("is cached by what it shows", async () => {
    const made: string[] = [];
    const first = await cachedCard(BASE, work, () => made.push("made"), () => made.push("cached"));
    const second = await cachedCard(BASE, work, () => made.push("made"), () => made.push("cached"));
    const other = await cachedCard({ ...BASE, date: "30/11/2016" }, work, () => made.push("made"), () => made.push("cached"));
    expect(made).toEqual(["made", "cached", "made"]);
    expect(second).toEqual(first);
    expect(other.key).not.toBe(first.key);
    expect(cardKey(BASE)).toBe(first.key);
    expect(readFileSync(first.file).subarray(1, 4).toString("latin1")).toBe("PNG");
  });
});

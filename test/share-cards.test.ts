/**
 * Generated share cards: rasterised for real and looked at pixel by pixel:
 * the right size, not blank, and Vietnamese letters drawn with their marks
 * (a font without them would leave gaps or bare letters); the glyph
 * renderer's pixels against satori + resvg's (the renderer it replaced),
 * and the same bytes for the same card whatever was drawn before.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, describe, expect, it } from "vitest";
import { CARD_HEIGHT, CARD_WIDTH, cachedCard, cardKey, renderCard, type CardText } from "../src/share-cards/generated-card.ts";
import { renderSatoriCard } from "../src/share-cards/satori-card.ts";

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

  it("draws stacked diacritics as satori + resvg did, to within sub-pixel glyph positions", async () => {
    const text: CardText = { ...BASE, title: "Quyết định khen thưởng Sở Tư pháp tỉnh Thừa Thiên Huế vì thành tích xuất sắc trong công tác năm 2024", unit: "Tỉnh Thừa Thiên Huế" };
    const grey = async (png: Buffer): Promise<Buffer> => sharp(png).removeAlpha().greyscale().raw().toBuffer();
    const [ours, reference] = await Promise.all([renderCard(text).then(grey), renderSatoriCard(text).then(grey)]);
    const other = await grey(await renderSatoriCard({ ...text, title: "Quyet dinh khen thuong So Tu phap tinh Thua Thien Hue vi thanh tich xuat sac trong cong tac nam 2024" }));
    expect(ours.length).toBe(CARD_WIDTH * CARD_HEIGHT);
    /** Mean absolute difference (0–255) over rows y0..y1. */
    const difference = (a: Buffer, b: Buffer, y0 = 0, y1 = CARD_HEIGHT): number => {
      let sum = 0;
      for (let i = y0 * CARD_WIDTH; i < y1 * CARD_WIDTH; i++) sum += Math.abs((a[i] ?? 0) - (b[i] ?? 0));
      return sum / ((y1 - y0) * CARD_WIDTH);
    };
    // Measured: 0.5 over the card, under 1.2 over the title (edges of glyphs placed a quarter pixel apart);
    // the same title without its marks differs from the reference by several times that.
    expect(difference(ours, reference)).toBeLessThan(1);
    expect(difference(ours, reference, 150, 450)).toBeLessThan(2);
    expect(difference(other, reference, 150, 450)).toBeGreaterThan(3 * difference(ours, reference, 150, 450));
    // Ink (light pixels) of the title within 2 % of the reference's, over the same extent.
    const [a, b] = await Promise.all([renderCard(text).then(titleInk), renderSatoriCard(text).then(titleInk)]);
    expect(a.ink).toBeGreaterThan(b.ink * 0.98);
    expect(a.ink).toBeLessThan(b.ink * 1.02);
    expect(Math.abs(a.left - b.left)).toBeLessThanOrEqual(1);
    expect(Math.abs(a.right - b.right)).toBeLessThanOrEqual(2);
  });

  it("gives the same bytes for the same card, whatever was drawn before", async () => {
    const text: CardText = { ...BASE, title: "Ủy ban nhân dân tỉnh Đắk Lắk tổ chức hội nghị" };
    const first = await renderCard(text);
    for (const title of ["Một tiêu đề khác", "Hội nghị Ứng dụng công nghệ số", "ĐẮK NÔNG – ĐIỆN BIÊN"]) await renderCard({ ...BASE, title });
    const again = await Promise.all([renderCard(text), renderCard(text)]);
    expect(again[0]?.equals(first)).toBe(true);
    expect(again[1]?.equals(first)).toBe(true);
  });

  it("draws titles with letters no bundled font has, and words longer than a line, inside the card", async () => {
    for (const title of ["Hội nghị 🎉 trực tuyến 会议 ✓", "A".repeat(200), "https://example.gov.vn/tin-tuc/hoi-nghi-tong-ket-cong-tac-nam-2016-va-trien-khai-nhiem-vu"]) {
      const png = await renderCard({ ...BASE, title });
      const meta = await sharp(png).metadata();
      expect([meta.width, meta.height], title).toEqual([CARD_WIDTH, CARD_HEIGHT]);
      const ink = await titleInk(png);
      expect(ink.ink, title).toBeGreaterThan(2000);
      expect(ink.left, title).toBeGreaterThanOrEqual(60);
      expect(ink.right, title).toBeLessThanOrEqual(CARD_WIDTH - 60);
    }
  });
});

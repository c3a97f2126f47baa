import { describe, expect, it } from "vitest";
import jsQRModule from "jsqr";
import { PNG } from "pngjs";
import QRCode from "qrcode";
import { QR_MAX_VERSION, qrMatrix, qrPng, qrSvg } from "../src/qr.ts";

// jsqr is CommonJS with `exports.default = jsQR`; under NodeNext the default
// import is `module.exports`, so the function is reached through `.default`.
const jsQR = jsQRModule.default;

/** 30-character site URL (scheme included) + `/q/` + 6-char code + `/` = 40 chars. */
const LONGEST = "https://sotuphap.daklak.gov.vn/q/abcdef/";

const URLS = [
  "https://example.gov.vn/q/7kq2m/",
  "https://daklak.gov.vn/q/a2b3c4/",
  "https://stttt.hanoi.gov.vn/q/zz777/",
  LONGEST,
];

function decodePng(png: Buffer): string | undefined {
  const image = PNG.sync.read(png);
  const rgba = new Uint8ClampedArray(image.data.buffer, image.data.byteOffset, image.data.length);
  return jsQR(rgba, image.width, image.height)?.data;
}

/**
 * Rasterises qrSvg output: reads the viewBox size and the `M{x} {y}h{w}v1h-{w}z`
 * runs of the single path, paints them black on white at `scale` px/module.
 */
function rasteriseSvg(svg: string, scale = 4): { rgba: Uint8ClampedArray; width: number } {
  const viewBox = /viewBox="0 0 (\d+) (\d+)"/.exec(svg);
  const d = /<path [^>]*\bd="([^"]*)"/.exec(svg);
  if (!viewBox || !d) throw new Error("unexpected SVG shape");
  const modules = Number(viewBox[1]);
  const width = modules * scale;
  const rgba = new Uint8ClampedArray(width * width * 4).fill(255);
  const runs = d[1] ?? "";
  const runRe = /M(\d+) (\d+)h(\d+)v1h-\3z/g;
  let matched = 0;
  for (const m of runs.matchAll(runRe)) {
    matched += m[0].length;
    const [x, y, w] = [Number(m[1]), Number(m[2]), Number(m[3])];
    for (let py = y * scale; py < (y + 1) * scale; py++) {
      for (let px = x * scale; px < (x + w) * scale; px++) {
        const i = (py * width + px) * 4;
        rgba[i] = rgba[i + 1] = rgba[i + 2] = 0;
      }
    }
  }
  expect(matched).toBe(runs.length); // every path command was understood
  return { rgba, width };
}

describe("qrMatrix", () => {
  it("fits a 30-character site URL short link in version ≤ 4 at level Q", () => {
    expect(LONGEST).toHaveLength(40);
    const m = qrMatrix(LONGEST);
    expect(m.version).toBeLessThanOrEqual(QR_MAX_VERSION);
    expect(m.size).toBe(17 + 4 * m.version);
    // Finder pattern corners are dark; outside the symbol is light.
    expect(m.isDark(0, 0)).toBe(true);
    expect(m.isDark(0, m.size - 1)).toBe(true);
    expect(m.isDark(m.size - 1, 0)).toBe(true);
    expect(m.isDark(-1, 0)).toBe(false);
    expect(m.isDark(0, m.size)).toBe(false);
  });

  it("throws a clear error naming the text, its length and the version when too long", () => {
    const tooLong = `https://so-thong-tin-truyen-thong.daklak.gov.vn/q/abcdef/`;
    expect(() => qrMatrix(tooLong)).toThrowError(
      new RegExp(`${tooLong.length} characters.*needs QR version \\d+.*version ≤ 4`),
    );
    expect(() => qrMatrix(tooLong)).toThrowError(tooLong);
    expect(() => qrSvg(tooLong)).toThrowError(/too long/);
    expect(() => qrPng(tooLong)).toThrowError(/too long/);
    expect(() => qrMatrix("x".repeat(4000))).toThrowError(/4000 characters/);
  });

  it("is module-for-module identical to QRCode.create at level Q (own mask selection)", () => {
    const texts = [
      ...Array.from({ length: 300 }, (_, i) => `https://example.gov.vn/q/${(i * 7919 + 40000).toString(32)}/`),
      ...Array.from({ length: 46 }, (_, n) => "https://sotuphap.daklak.gov.vn/q/2m4x9/0123456789".slice(0, n + 1)),
      "HTTPS://EXAMPLE.GOV.VN/Q/7KQ2M/",
      "Đắk Lắk – tổng kết 2025",
    ];
    const versions = new Set<number>();
    for (const text of texts) {
      const ref = QRCode.create(text, { errorCorrectionLevel: "Q" });
      const m = qrMatrix(text);
      versions.add(m.version);
      expect(m.version).toBe(ref.version);
      expect(m.size).toBe(ref.modules.size);
      for (let r = 0; r < m.size; r++) {
        for (let c = 0; c < m.size; c++) {
          if (m.isDark(r, c) !== (ref.modules.get(r, c) === 1)) {
            expect.fail(`${JSON.stringify(text)} differs at (${r}, ${c}); qrcode chose mask ${ref.maskPattern}`);
          }
        }
      }
    }
    expect([...versions].sort()).toEqual([1, 2, 3, 4]);
  });

  it("rejects empty text", () => {
    expect(() => qrMatrix("")).toThrowError(/non-empty/);
  });
});

describe("qrPng", () => {
  it.each(URLS)("decodes back to %s", (url) => {
    expect(decodePng(qrPng(url))).toBe(url);
  });

  it("includes the 4-module quiet zone at the requested scale", () => {
    const { version } = qrMatrix(LONGEST);
    const image = PNG.sync.read(qrPng(LONGEST, { scale: 8 }));
    expect(image.width).toBe((17 + 4 * version + 8) * 8);
    expect(image.height).toBe(image.width);
    // First 32 px rows/columns are white; pixel (32,32) is the finder corner.
    const at = (x: number, y: number) => image.data[(y * image.width + x) * 4];
    expect(at(31, 31)).toBe(255);
    expect(at(32, 32)).toBe(0);
    expect(decodePng(qrPng(LONGEST, { scale: 1 }))).toBe(LONGEST);
  });

  it("is deterministic", () => {
    expect(qrPng(LONGEST).equals(qrPng(LONGEST))).toBe(true);
  });

  it("rejects a bad scale", () => {
    expect(() => qrPng(LONGEST, { scale: 0 })).toThrowError(RangeError);
    expect(() => qrPng(LONGEST, { scale: 2.5 })).toThrowError(RangeError);
  });
});

describe("qrSvg", () => {
  it.each(URLS)("decodes back to %s", (url) => {
    const { rgba, width } = rasteriseSvg(qrSvg(url));
    expect(jsQR(rgba, width, width)?.data).toBe(url);
  });

  it("is inline-ready: no prolog, viewBox, role=img, crisp edges, one path, no title", () => {
    const svg = qrSvg(LONGEST, { label: "Mã QR: bài viết", moduleSize: 5 });
    const total = qrMatrix(LONGEST).size + 8;
    expect(svg).not.toContain("<?xml");
    expect(svg).not.toContain("<title");
    expect(svg.startsWith("<svg ")).toBe(true);
    expect(svg).toContain(`viewBox="0 0 ${total} ${total}"`);
    expect(svg).toContain(`width="${total * 5}" height="${total * 5}"`);
    expect(svg).toContain(`role="img"`);
    expect(svg).toContain(`aria-label="Mã QR: bài viết"`);
    expect(svg).toContain(`shape-rendering="crispEdges"`);
    expect(svg.match(/<path/g)).toHaveLength(1);
    // Runs stay inside the symbol, leaving the 4-module quiet zone empty.
    const runs = [...svg.matchAll(/M(\d+) (\d+)h(\d+)/g)].map((m) => m.slice(1).map(Number) as [number, number, number]);
    expect(Math.min(...runs.map(([x]) => x))).toBe(4);
    expect(Math.min(...runs.map(([, y]) => y))).toBe(4);
    expect(Math.max(...runs.map(([x, , w]) => x + w))).toBe(total - 4);
    expect(Math.max(...runs.map(([, y]) => y + 1))).toBe(total - 4);
  });

  it("escapes the aria-label", () => {
    const svg = qrSvg(LONGEST, { label: `"><script>alert('x')</script>&` });
    expect(svg).not.toContain("<script>");
    expect(svg).toContain(`aria-label="&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;"`);
    expect(svg.match(/</g)).toHaveLength(4); // <svg, <rect, <path, </svg
  });

  it("hides itself from assistive tech when no label is given", () => {
    expect(qrSvg(LONGEST)).toContain(`aria-hidden="true"`);
    expect(qrSvg(LONGEST)).not.toContain("aria-label");
  });

  it("is deterministic", () => {
    expect(qrSvg(LONGEST, { label: "x" })).toBe(qrSvg(LONGEST, { label: "x" }));
  });

  it("rejects a bad moduleSize", () => {
    expect(() => qrSvg(LONGEST, { moduleSize: 0 })).toThrowError(RangeError);
    expect(() => qrSvg(LONGEST, { moduleSize: Number.NaN })).toThrowError(RangeError);
  });
});

/**
 * Locator.valueLine (src/content/front-matter.ts) finds simple `key: value`
 * lines by scanning and parses with positions otherwise: both ways must
 * give the same line.
 */
import { describe, expect, it } from "vitest";
import { Locator } from "../src/content/front-matter.ts";

/** The line as found without and with the YAML parse. */
function both(frontMatter: string, path: readonly (string | number)[]): [number | undefined, number | undefined] {
  const scanning = new Locator(frontMatter);
  const parsing = new Locator(frontMatter);
  parsing.problems(); // parses with positions first
  return [scanning.valueLine(path), parsing.valueLine(path)];
}

const CASES: Record<string, string> = {
  plain: "\ntitle: Hội nghị\ndate: 2016-11-29\nimage:\n  src: anh.jpg\n  alt: Ảnh\n",
  quoted: '\ntitle: "Hội nghị: tổng kết"\nimage:\n  alt: "src: không phải"\n  src: \'anh.jpg\'\n',
  "block scalar holding key-like lines": "\nimage:\n  alt: |\n    src: gia.jpg\n    date: 2000-01-01\n  src: that.jpg\ndate: 2016-11-29\n",
  "flow mapping": "\nimage: {src: anh.jpg, alt: Ảnh}\ndate: 2016-11-29\n",
  "value on the next line": "\nimage:\n  src:\n    anh.jpg\n",
  comments: "\n# src: no\nimage: # the photo\n  # src: not this\n  src: anh.jpg # yes\n",
  "deeper key of the same name": "\nimage:\n  meta:\n    src: deep.jpg\n  src: anh.jpg\n",
  "windows line ends": "\r\ntitle: Tin\r\nimage:\r\n  src: anh.jpg\r\n  alt: Ảnh\r\n",
  anchors: "\nimage: &i\n  src: anh.jpg\nother: *i\n",
  "sequence under the key": "\nimage:\n  - src: a.jpg\n",
  "key missing": "\ntitle: Tin\nimage:\n  alt: Ảnh\n",
};

describe("Locator.valueLine", () => {
  for (const [name, text] of Object.entries(CASES)) {
    it(`finds the same line scanning as parsing: ${name}`, () => {
      for (const path of [["title"], ["date"], ["image"], ["image", "src"], ["image", "alt"], ["other"]]) {
        const [scanned, parsed] = both(text, path);
        expect(scanned, `${path.join(".")}`).toBe(parsed);
      }
    });
  }

  it("gives image.src its own line in a typical article", () => {
    expect(new Locator(CASES["plain"]!).valueLine(["image", "src"])).toBe(5);
  });
});

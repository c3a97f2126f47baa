/** The part of harfbuzzjs (no types of its own) the share-card renderer uses. */
declare module "harfbuzzjs" {
  export interface HbBlob {
    destroy(): void;
  }
  export interface HbFace {
    readonly upem: number;
    collectUnicodes(): Uint32Array;
    destroy(): void;
  }
  export interface HbFont {
    setScale(x: number, y: number): void;
    /** The glyph's outline as SVG path data, in font units, y up. */
    glyphToPath(glyph: number): string;
    destroy(): void;
  }
  export interface HbGlyph {
    /** Glyph id. */
    readonly g: number;
    /** Cluster: index of the first UTF-16 unit of the text the glyph comes from. */
    readonly cl: number;
    readonly ax: number;
    readonly ay: number;
    readonly dx: number;
    readonly dy: number;
  }
  export interface HbBuffer {
    addText(text: string): void;
    guessSegmentProperties(): void;
    json(): HbGlyph[];
    destroy(): void;
  }
  export interface HarfBuzz {
    createBlob(data: ArrayBuffer | Uint8Array): HbBlob;
    createFace(blob: HbBlob, index: number): HbFace;
    createFont(face: HbFace): HbFont;
    createBuffer(): HbBuffer;
    shape(font: HbFont, buffer: HbBuffer, features?: string): void;
  }
  const harfbuzz: Promise<HarfBuzz>;
  export default harfbuzz;
}

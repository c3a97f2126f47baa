/**
 * The part of @11ty/eleventy-img 6 (no bundled types) that src/images/
 * uses: process one image with dryRun, get per-format stats with buffers.
 */
declare module "@11ty/eleventy-img" {
  import type { Sharp } from "sharp";

  interface ImageStat {
    readonly format: string;
    readonly width: number;
    readonly height: number;
    readonly url: string;
    readonly filename?: string;
    readonly buffer?: Buffer;
    readonly size?: number;
  }

  interface ImageOptions {
    widths?: readonly (number | "auto" | null)[];
    formats?: readonly string[];
    formatFiltering?: readonly string[];
    dryRun?: boolean;
    useCache?: boolean;
    fixOrientation?: boolean;
    outputDir?: string;
    urlPath?: string;
    filenameFormat?: (id: string, src: unknown, width: number, format: string) => string;
    sharpOptions?: Record<string, unknown>;
    sharpAvifOptions?: Record<string, unknown>;
    sharpWebpOptions?: Record<string, unknown>;
    sharpJpegOptions?: Record<string, unknown>;
    transform?: (image: Sharp) => void | Promise<void>;
  }

  function Image(src: string | Buffer, options?: ImageOptions): Promise<Record<string, ImageStat[]>>;
  export default Image;
}

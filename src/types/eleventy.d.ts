// Eleventy ships no type declarations; this covers the programmatic API the build script uses.
declare module "@11ty/eleventy" {
  interface EleventyOptions {
    configPath?: string;
    quietMode?: boolean;
    runMode?: "build" | "watch" | "serve";
    /** Runs before the project's config file, with the same configuration API. */
    config?: (eleventyConfig: import("../eleventy/types.ts").EleventyConfig) => void | Promise<void>;
  }
  export default class Eleventy {
    constructor(input?: string, output?: string, options?: EleventyOptions);
    write(): Promise<unknown>;
    /** Renders every page without writing it: one entry per page (url, inputPath, outputPath, content). */
    toJSON(): Promise<readonly { readonly url: string | false; readonly inputPath: string; readonly outputPath: string | false; readonly content: unknown }[]>;
    /** Silences Eleventy's console output (errors are still thrown). */
    disableLogger(): void;
  }
}

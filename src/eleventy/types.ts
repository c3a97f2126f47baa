/**
 * The slice of Eleventy's configuration API this project uses. Eleventy ships
 * no TypeScript types; declaring only what we call keeps the wiring typed
 * without `any`.
 */
export interface EleventyConfig {
  addGlobalData(name: string, value: unknown): void;
  addExtension(extensions: string | readonly string[], options: { key: string }): void;
  addTemplateFormats(formats: string | readonly string[]): void;
  addPlugin(plugin: (config: EleventyConfig) => void): void;
  addPassthroughCopy(map: Readonly<Record<string, string>>): void;
  addWatchTarget(path: string): void;
  setQuietMode(quiet: boolean): void;
  on(event: "eleventy.before" | "eleventy.after", callback: (event: { dir: { output: string } }) => void | Promise<void>): void;
  readonly ignores: { add(glob: string): void };
  setServerOptions(options: Readonly<Record<string, unknown>>): void;
}

/** Directories Eleventy is told about. */
export interface EleventyDirs {
  readonly input: string;
  readonly output: string;
}

/** One page handed to Eleventy: where it goes ("/gia-lai/index.html") and how to render it. */
export interface EleventyPage {
  readonly permalink: string;
  render(): string;
}

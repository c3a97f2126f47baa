// Thin entry point: Eleventy reads this file, the wiring lives in TypeScript
// under src/eleventy/. tsx registers a loader so Node 20 can import .ts files.
import "tsx/esm";

const { default: configure } = await import("./src/eleventy/config.ts");

export default configure;

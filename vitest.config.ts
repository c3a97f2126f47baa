import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    setupFiles: ["test/setup-language.ts"],
    // End-to-end tests build real sites and drive a real browser.
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // Two cores: browser and build tests compete for them.
    maxWorkers: 2,
  },
});

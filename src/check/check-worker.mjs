// Worker entry when the check runs from its TypeScript sources (tests, tsx):
// registers tsx, then serves. Run as a bundle (scripts/run-bundled.mjs), the
// bundle itself is the worker (scripts/check.ts serves when not on the main
// thread).
import { register } from "tsx/esm/api";

register();
const { serveCheckWorker } = await import("./check-worker.ts");
serveCheckWorker();

// Worker entry for parallel loading. Plain JavaScript so it starts the same
// way under tsx, vitest or plain node: it registers tsx, then runs the
// TypeScript worker body.
import { register } from "tsx/esm/api";

register();
await import("./load-worker-body.ts");

// Worker entry for parallel QR encoding (plain JS so it starts under tsx,
// vitest or node alike): registers tsx, then runs the TypeScript body.
import { register } from "tsx/esm/api";

register();
await import("./qr-worker-body.ts");

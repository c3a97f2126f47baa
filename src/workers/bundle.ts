/**
 * Worker code as one bundled script, built in memory with esbuild when a
 * pool first needs it.
 *
 * Why: a worker that starts from our TypeScript sources has to register tsx
 * and load ~250 modules through its loader hooks, one synchronous round trip
 * each: about 1 s of CPU per worker on this project's machine, paid by every
 * worker of every pool (two for content, two for QR codes). The same code as
 * one CommonJS script evaluated by the worker starts in about 0.2 s
 * (measured: two workers 2.3 → 0.45 CPU seconds). esbuild is already
 * installed for tsx; bundling the worker graph takes a fraction of a second
 * in esbuild's own process, once per build process.
 *
 * The bundle is never written to disk: a cached copy of code would be
 * something else a damaged or hostile `.cache/` could change.
 *
 * The bundle's hash is also the worker code's version: the parse cache keys
 * its entries on it, so any change to the parser, schema, registry, messages
 * or a dependency version invalidates every cached result.
 */
import { createHash } from "node:crypto";
import { withEsbuild } from "./esbuild-service.ts";

export interface WorkerBundle {
  /** CommonJS source for `new Worker(code, { eval: true })`. */
  readonly code: string;
  /** SHA-256 of `code`, hex. */
  readonly version: string;
}

const bundles = new Map<string, Promise<WorkerBundle>>();

/**
 * The bundled worker script for `entry` (an absolute path to a TypeScript
 * module that calls serveTasks), built once per process.
 */
export function workerBundle(entry: string): Promise<WorkerBundle> {
  let job = bundles.get(entry);
  if (!job) {
    job = (async () => {
      const result = await withEsbuild(({ build }) =>
        build({
          entryPoints: [entry],
          bundle: true,
          platform: "node",
          format: "cjs",
          target: "node20",
          write: false,
          logLevel: "silent",
          // Keep names readable in stack traces of worker errors.
          keepNames: true,
        }),
      );
      const code = result.outputFiles[0]?.text;
      if (code === undefined) throw new Error(`esbuild produced no output for ${entry}`);
      return { code, version: createHash("sha256").update(code).digest("hex") };
    })();
    job.catch(() => bundles.delete(entry));
    bundles.set(entry, job);
  }
  return job;
}

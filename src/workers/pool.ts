/**
 * The one worker-pool helper of the build: runs a task over a list of
 * inputs on worker threads and returns the outputs in input order.
 *
 * - Deterministic: outputs are placed by input position, whichever worker
 *   finished first, so a build on two threads is byte-identical to a build
 *   on one (BUILD_THREADS=1).
 * - Balanced: workers take the next input when they finish one, so uneven
 *   inputs (large articles, cache hits next to misses) do not leave a core
 *   idle behind a fixed share.
 * - Fails loudly, never hangs: a worker that exits without replying (any
 *   exit code, 0 included), throws outside a task, runs out of memory
 *   (every worker has a heap limit, so it stops alone instead of taking the
 *   process down) or reports an error rejects the whole run with a message
 *   that names the task and the input, after every worker has been stopped.
 * - Cheap to start: workers evaluate one bundled script (bundle.ts) instead
 *   of loading TypeScript through tsx.
 * - Work that does not change the outputs (a task's `later`: writing a
 *   cache) runs in the worker right after it sent that task's output, while
 *   the caller uses it; after the run the workers exit on their own.
 *   {@link workersStopped} waits for that; a failure there is ignored.
 *
 * Callers pass inputs of a useful size (a few dozen files, a few hundred
 * links): each input is one message each way.
 */
import { availableParallelism } from "node:os";
import path from "node:path";
import { Worker, type ResourceLimits } from "node:worker_threads";
import { explain, getLanguage, type Explanation } from "../messages/index.ts";
import { workerBundle } from "./bundle.ts";
import { PROTOCOL, isTaskReply, type TaskRequest, type WorkerSetup } from "./protocol.ts";

/** The production worker entry: serves content loading and QR encoding. */
export const BUILD_WORKER = path.join(import.meta.dirname, "build-worker.ts");

/** Heap limit of each worker unless told otherwise: far above what one input needs, far below the machine. */
export const DEFAULT_WORKER_HEAP_MB = 1536;

/** Why a run of the pool failed. */
export class WorkerPoolError extends Error {
  readonly kind: "exited" | "outOfMemory" | "failed";
  readonly explanation: Explanation;

  constructor(kind: WorkerPoolError["kind"], explanation: Explanation, workerStack?: string) {
    super(`${explanation.message}\n    ${explanation.fix ?? ""}`);
    this.name = "WorkerPoolError";
    this.kind = kind;
    this.explanation = explanation;
    // The pool's own frames say nothing useful; a worker's stack (a fault in our code) does.
    this.stack = workerStack ? `${this.message}\n${workerStack}` : this.message;
  }
}

/**
 * Threads to use: BUILD_THREADS when set (1 gives a one-worker build), else
 * every core the process may use.
 * @throws ContentValidationError-free plain Error with a catalogue message when BUILD_THREADS is not 1–64
 */
export function defaultThreads(env: NodeJS.ProcessEnv = process.env): number {
  const value = env["BUILD_THREADS"];
  if (value === undefined || value === "") return availableParallelism();
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 64) {
    const e = explain("workers.badThreads", { value });
    throw new Error(`${e.message}: ${e.expected}; ${e.fix}`);
  }
  return n;
}

export interface PoolOptions<O = unknown> {
  /** Worker threads (default {@link defaultThreads}); never more than there are inputs. */
  readonly threads?: number;
  /** What the task does, for error messages, in the current language ("reading and checking articles"). */
  readonly label: string;
  /** Names input `index` for error messages ("content/a.md and 39 more files"). */
  readonly describeInput: (index: number) => string;
  /** Heap limits of each worker (default: old generation {@link DEFAULT_WORKER_HEAP_MB} MB). */
  readonly resourceLimits?: ResourceLimits;
  /**
   * Called with each output as it arrives, with the number of the worker
   * that produced it: for state a worker carries from one input to the next
   * (outputs of one worker arrive in the order it produced them).
   */
  readonly onOutput?: (output: O, index: number, worker: number) => void;
}

let live = 0;
const stopped: (() => void)[] = [];

function workerGone(): void {
  if (--live === 0) for (const resolve of stopped.splice(0)) resolve();
}

/** Worker threads of this pool module still running (for tests). */
export function liveWorkers(): number {
  return live;
}

/** Resolves when every worker has exited, deferred work done (tests, and callers that need the cache written). */
export function workersStopped(): Promise<void> {
  return live === 0 ? Promise.resolve() : new Promise((resolve) => stopped.push(resolve));
}

/**
 * Runs `task` of the worker entry `entry` over every input, on up to
 * `threads` worker threads, and returns the outputs in input order.
 * @throws WorkerPoolError when a worker crashes, runs out of memory or reports an error
 */
export async function runInWorkers<I, O>(entry: string, task: string, inputs: readonly I[], options: PoolOptions<O>): Promise<O[]> {
  if (inputs.length === 0) return [];
  const { code } = await workerBundle(entry);
  const threads = Math.max(1, Math.min(options.threads ?? defaultThreads(), inputs.length));
  const resourceLimits: ResourceLimits = { maxOldGenerationSizeMb: DEFAULT_WORKER_HEAP_MB, ...options.resourceLimits };
  const setup: WorkerSetup = { language: getLanguage(), protocol: PROTOCOL };
  const outputs = new Array<O>(inputs.length);
  const workers: Worker[] = [];
  let next = 0;
  let done = 0;
  let settled = false;

  return new Promise<O[]>((resolve, reject) => {
    const stopAll = (): Promise<unknown> => Promise.allSettled(workers.map((w) => w.terminate()));
    /** Every output is in: workers run their deferred work and exit by themselves. */
    const closeAll = (): void => {
      for (const worker of workers) worker.postMessage({ close: true });
    };
    const fail = (error: WorkerPoolError): void => {
      if (settled) return;
      settled = true;
      void stopAll().then(() => reject(error));
    };
    const params = (index: number): { task: string; input: string } => ({ task: options.label, input: index >= 0 ? options.describeInput(index) : "–" });

    for (let t = 0; t < threads; t++) {
      const worker = new Worker(code, { eval: true, execArgv: [], workerData: setup, resourceLimits });
      live++;
      workers.push(worker);
      let current = -1;
      const feed = (): void => {
        if (next >= inputs.length) {
          current = -1;
          return;
        }
        current = next++;
        const request: TaskRequest = { task, index: current, input: inputs[current] };
        worker.postMessage(request);
      };
      worker.on("message", (reply: unknown) => {
        if (settled) return;
        if (!isTaskReply(reply) || reply.index !== current) {
          fail(new WorkerPoolError("failed", explain("workers.failed", { ...params(current), error: "unexpected message from the worker" })));
          return;
        }
        if (!reply.ok) {
          fail(new WorkerPoolError("failed", explain("workers.failed", { ...params(current), error: reply.error.split("\n")[0] ?? reply.error }), reply.error));
          return;
        }
        outputs[current] = reply.output as O;
        try {
          options.onOutput?.(reply.output as O, current, t);
        } catch (error) {
          fail(new WorkerPoolError("failed", explain("workers.failed", { ...params(current), error: String(error) }), error instanceof Error ? error.stack : undefined));
          return;
        }
        if (++done === inputs.length) {
          settled = true;
          closeAll();
          resolve(outputs);
          return;
        }
        feed();
      });
      worker.on("error", (error: Error & { code?: string }) => {
        if (error.code === "ERR_WORKER_OUT_OF_MEMORY") fail(new WorkerPoolError("outOfMemory", explain("workers.outOfMemory", { ...params(current), limit: resourceLimits.maxOldGenerationSizeMb ?? DEFAULT_WORKER_HEAP_MB })));
        else fail(new WorkerPoolError("failed", explain("workers.failed", { ...params(current), error: error.message }), error.stack));
      });
      worker.on("messageerror", (error: Error) => fail(new WorkerPoolError("failed", explain("workers.failed", { ...params(current), error: error.message }))));
      worker.on("exit", (exitCode: number) => {
        workerGone();
        // Workers never stop on their own: any exit before the run is over is a crash.
        fail(new WorkerPoolError("exited", explain("workers.exited", { ...params(current), code: exitCode })));
      });
      feed();
    }
  });
}

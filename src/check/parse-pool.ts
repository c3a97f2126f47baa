/**
 * Worker threads that parse articles for the check when many have to be
 * parsed (a first run, or after the code changed: 10,000 articles are
 * seconds of CPU, and the machine has more than one core); then one of
 * them finds the role warnings while the main thread plans the site.
 *
 * - Started once per run, fed shares of ~100 file names, up to `depth` of
 *   them queued on a worker at once (the caller parses shares of its own
 *   between looking at replies: a second share keeps the worker busy in the
 *   meantime); each worker reads and parses its share (check-worker.ts), so
 *   at most a few shares of file contents are in memory at once, however
 *   many articles there are.
 * - Workers evaluate the bundled command itself when it runs bundled
 *   (scripts/run-bundled.mjs: no TypeScript loading), else check-worker.mjs.
 * - A worker that fails fails its shares (the caller parses them itself)
 *   and the pool takes no more: a broken thread costs time, never a result.
 *
 * The build's worker pool (src/workers/, in progress on the perf branch) is
 * the place for this once it is on main.
 */
import { Worker } from "node:worker_threads";
import { getLanguage } from "../messages/index.ts";
import type { ReadOutcome, WorkerReply, WorkerRequest, WorkerSetup } from "./check-worker.ts";
import type { ArticleSummary } from "./facts.ts";
import type { PendingWarning } from "./site-rules.ts";

interface Share {
  readonly request: WorkerRequest;
  readonly resolve: (reply: WorkerReply) => void;
  readonly reject: (error: Error) => void;
}

/** The worker script: the running bundle itself, or the TypeScript entry through tsx. */
function workerUrl(): URL {
  const bundle = (globalThis as Record<symbol, unknown>)[Symbol.for("tong-ket.bundle-url")];
  return typeof bundle === "string" ? new URL(bundle) : new URL("./check-worker.mjs", import.meta.url);
}

export class ParsePool {
  /** The shares posted to each worker and not answered yet, oldest first (a worker answers in order). */
  private readonly posted = new Map<Worker, Share[]>();
  private readonly queue: Share[] = [];
  private readonly waiters: (() => void)[] = [];
  private readonly workers: Worker[] = [];
  private broken = false;
  private nextId = 0;

  /**
   * @param threads workers to start
   * @param depth shares posted to a worker before it answers the first (default 1)
   */
  constructor(
    threads: number,
    setup: Omit<WorkerSetup, "lang">,
    private readonly depth = 1,
  ) {
    for (let i = 0; i < threads; i++) {
      const worker = new Worker(workerUrl(), { workerData: { ...setup, lang: getLanguage() } satisfies WorkerSetup });
      this.workers.push(worker);
      const posted: Share[] = [];
      this.posted.set(worker, posted);
      worker.on("message", (reply: WorkerReply) => {
        posted.shift()?.resolve(reply);
        this.pump();
      });
      const fail = (error: Error): void => {
        this.broken = true;
        for (const share of posted.splice(0)) share.reject(error);
        for (const queued of this.queue.splice(0)) queued.reject(error);
        this.wake();
      };
      worker.once("error", fail);
      worker.once("exit", (code) => fail(new Error(`check worker exited with code ${code}`)));
    }
  }

  /** Shares waiting or being parsed. */
  get backlog(): number {
    let posted = 0;
    for (const shares of this.posted.values()) posted += shares.length;
    return this.queue.length + posted;
  }

  /** Resolves when the backlog is below `n` (or the pool broke). */
  async below(n: number): Promise<void> {
    while (!this.broken && this.backlog >= n) await new Promise<void>((resolve) => this.waiters.push(resolve));
  }

  /** Reads and parses `files` on a worker (`known`: the hash of each one's kept result, if any); rejects if the worker fails. */
  async read(files: readonly string[], known: readonly (string | undefined)[]): Promise<readonly ReadOutcome[]> {
    const reply = await this.send({ kind: "read", id: this.nextId++, files, known });
    return reply.kind === "read" ? reply.outcomes : [];
  }

  /** The role warnings over these facts (JSON of ArticleFacts, made or checked by the caller) on a worker (roles.ts); rejects if the worker fails. */
  async roles(facts: readonly string[]): Promise<readonly PendingWarning[]> {
    const reply = await this.send({ kind: "roles", id: this.nextId++, facts });
    return reply.kind === "roles" ? reply.roles : [];
  }

  /** The role warnings over these summaries (of every valid article, made or checked by the caller) on a worker (roles.ts quickRoleWarnings); rejects if the worker fails. */
  async quickRoles(summaries: readonly ArticleSummary[]): Promise<readonly PendingWarning[]> {
    const reply = await this.send({ kind: "quickRoles", id: this.nextId++, summaries });
    return reply.kind === "roles" ? reply.roles : [];
  }

  private send(request: WorkerRequest): Promise<WorkerReply> {
    if (this.broken) return Promise.reject(new Error("check workers stopped"));
    return new Promise((resolve, reject) => {
      this.queue.push({ request, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    while (!this.broken && this.queue.length > 0) {
      // The worker with the fewest shares posted, if it can take one more.
      let worker: Worker | undefined;
      let least = this.depth;
      for (const [w, shares] of this.posted) {
        if (shares.length < least) {
          worker = w;
          least = shares.length;
        }
      }
      const share = worker ? this.queue.shift() : undefined;
      if (!worker || !share) break;
      this.posted.get(worker)?.push(share);
      worker.postMessage(share.request);
    }
    this.wake();
  }

  private wake(): void {
    for (const waiter of this.waiters.splice(0)) waiter();
  }

  /** Stops every worker. */
  async close(): Promise<void> {
    this.broken = true;
    for (const worker of this.workers) worker.removeAllListeners("exit");
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

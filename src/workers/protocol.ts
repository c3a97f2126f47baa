/**
 * What the pool (pool.ts) and its workers (serve.ts) say to each other.
 * One request at a time per worker; every reply names the input it answers.
 */
import type { Lang } from "../messages/language.ts";

/** Set once per worker, before any task. */
export interface WorkerSetup {
  /** Message language of the parent thread (worker threads do not share globals). */
  readonly language: Lang;
  /** Marks data coming from this pool, so stray messages are never taken for replies. */
  readonly protocol: typeof PROTOCOL;
}

export const PROTOCOL = "tong-ket-pool-1";

export interface TaskRequest {
  readonly task: string;
  /** Position of the input in the pool's list. */
  readonly index: number;
  readonly input: unknown;
}

/** Sent when every output is in: run the deferred work, then exit. */
export interface CloseRequest {
  readonly close: true;
}

export type TaskReply =
  | { readonly protocol: typeof PROTOCOL; readonly index: number; readonly ok: true; readonly output: unknown }
  | { readonly protocol: typeof PROTOCOL; readonly index: number; readonly ok: false; readonly error: string };

/** A task handler's result: the output, and buffers to transfer rather than copy. */
export interface TaskOutput<O> {
  readonly output: O;
  readonly transfer?: readonly ArrayBuffer[];
  /**
   * Work that does not change the output (writing a cache), run right after
   * the output is sent, before the worker takes its next input: the parent
   * uses the output meanwhile, and a failure there never fails the run.
   * Not deferred to the end of the run: workers holding every input's
   * cache entries until then made the end of loading the build's first
   * memory peak (a cold build of 10,000 articles: the process tree's RSS,
   * sampled every 50 ms as `npm run bench` does, peaked at 1.09 GiB there;
   * 0.63 GiB once each group's shard is written after its reply).
   */
  readonly later?: () => void;
}

/** Handlers a worker entry serves, by task name. */
export type TaskHandlers = Readonly<Record<string, (input: never) => TaskOutput<unknown> | Promise<TaskOutput<unknown>>>>;

export function isTaskReply(value: unknown): value is TaskReply {
  if (value === null || typeof value !== "object") return false;
  const v = value as Record<string, unknown>;
  return v["protocol"] === PROTOCOL && typeof v["index"] === "number" && typeof v["ok"] === "boolean";
}

/**
 * The check's worker thread: parses the articles it is sent (parse-outcome.ts)
 * and sends back their outcomes, in the caller's message language (threads
 * do not share the main thread's globals).
 */
import { parentPort, workerData } from "node:worker_threads";
import { setLanguage, type Lang } from "../messages/index.ts";
import type { FileOutcome } from "./check-cache.ts";
import { parseOutcome } from "./parse-outcome.ts";

/** A share of articles to parse. */
export interface WorkerRequest {
  readonly id: number;
  readonly files: readonly string[];
  readonly bytes: readonly Uint8Array[];
}

export interface WorkerReply {
  readonly id: number;
  readonly outcomes: readonly FileOutcome[];
}

/** Serves parse requests until the main thread ends the worker. */
export function serveCheckWorker(): void {
  const port = parentPort;
  if (!port) return;
  setLanguage((workerData as { lang: Lang }).lang);
  port.on("message", (request: WorkerRequest) => {
    const outcomes = request.files.map((file, i) => parseOutcome(file, request.bytes[i] ?? new Uint8Array()).outcome);
    port.postMessage({ id: request.id, outcomes } satisfies WorkerReply);
  });
}

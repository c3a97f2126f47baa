/**
 * The check's worker thread: parses the articles it is sent (parse-outcome.ts)
 * and sends back their outcomes, or finds the role warnings over the facts
 * it is sent (roles.ts) while the main thread plans the site, in the caller's message language (threads
 * do not share the main thread's globals).
 */
import { parentPort, workerData } from "node:worker_threads";
import { setLanguage, type Lang } from "../messages/index.ts";
import type { FileOutcome } from "./check-cache.ts";
import { parseOutcome } from "./parse-outcome.ts";
import type { ArticleFacts } from "./facts.ts";
import { roleWarningsOf } from "./roles.ts";

/** A share of articles to parse, or the facts of every valid article for the role warnings (roles.ts). */
export type WorkerRequest =
  | { readonly kind: "parse"; readonly id: number; readonly files: readonly string[]; readonly bytes: readonly Uint8Array[] }
  | { readonly kind: "roles"; readonly id: number; readonly facts: readonly string[] };

export type WorkerReply = { readonly kind: "parse"; readonly id: number; readonly outcomes: readonly FileOutcome[] } | { readonly kind: "roles"; readonly id: number; readonly roles: ReturnType<typeof roleWarningsOf> };

/** Serves parse requests until the main thread ends the worker. */
export function serveCheckWorker(): void {
  const port = parentPort;
  if (!port) return;
  setLanguage((workerData as { lang: Lang }).lang);
  port.on("message", (request: WorkerRequest) => {
    if (request.kind === "roles") {
      // Facts the main thread made or checked (reviveFacts): plain JSON of the shape ArticleFacts.
      port.postMessage({ kind: "roles", id: request.id, roles: roleWarningsOf(request.facts.map((json) => JSON.parse(json) as ArticleFacts)) } satisfies WorkerReply);
      return;
    }
    const outcomes = request.files.map((file, i) => parseOutcome(file, request.bytes[i] ?? new Uint8Array()).outcome);
    port.postMessage({ kind: "parse", id: request.id, outcomes } satisfies WorkerReply);
  });
}

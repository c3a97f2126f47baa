/**
 * The check's worker thread: reads and parses the articles it is sent
 * (parse-outcome.ts) and sends back their outcomes, or finds the role
 * warnings over the facts it is sent (roles.ts), in the caller's message
 * language (threads do not share the main thread's globals).
 *
 * Why the worker reads the files itself: handing the bytes over cost the
 * main thread a copy of every file (60 MB at 10,000 articles) and the
 * reading, while the workers waited for their first share.
 */
import { parentPort, workerData } from "node:worker_threads";
import { problemError, tryReadContentFile } from "../content/content-files.ts";
import { LIMITS } from "../content/limits.ts";
import { setLanguage, type Lang } from "../messages/index.ts";
import { articleHash, type FileOutcome } from "./check-cache.ts";
import { parseOutcome } from "./parse-outcome.ts";
import type { ArticleFacts } from "./facts.ts";
import type { ArticleSummary } from "./facts.ts";
import { quickRoleWarnings, roleWarningsOf } from "./roles.ts";

/** What a worker is started with. */
export interface WorkerSetup {
  readonly lang: Lang;
  readonly rootDir: string;
  readonly contentDir: string;
  /** Whether results are kept by hash (then the worker hashes each file). */
  readonly hashing: boolean;
}

/** What a worker found for one file: its outcome, or only that its bytes are those of the kept result (`known`). */
export type ReadOutcome = { readonly hash: string; readonly known: true } | { readonly hash: string; readonly known?: undefined; readonly outcome: FileOutcome; /** False for a file that could not be read (its problem is not kept). */ readonly keep: boolean };

/** A share of articles to read and parse (with the hash of the kept result of each, if any), or the facts or the summaries of every valid article for the role warnings (roles.ts). */
export type WorkerRequest =
  | { readonly kind: "read"; readonly id: number; readonly files: readonly string[]; readonly known: readonly (string | undefined)[] }
  | { readonly kind: "roles"; readonly id: number; readonly facts: readonly string[] }
  | { readonly kind: "quickRoles"; readonly id: number; readonly summaries: readonly ArticleSummary[] };

export type WorkerReply = { readonly kind: "read"; readonly id: number; readonly outcomes: readonly ReadOutcome[] } | { readonly kind: "roles"; readonly id: number; readonly roles: ReturnType<typeof roleWarningsOf> };

/** Reads and parses one article as the main thread would (run-check.ts articleOutcomes). */
export function readOutcome(setup: Omit<WorkerSetup, "lang">, file: string, known: string | undefined): ReadOutcome {
  const read = tryReadContentFile(setup.rootDir, file, LIMITS.articleBytes, undefined, setup.contentDir);
  if (!read.ok) return { hash: "", outcome: { errors: [problemError(file, read.problem)], warnings: [], uses: [] }, keep: false };
  const hash = setup.hashing ? articleHash(file, read.bytes) : "";
  if (known !== undefined && hash === known) return { hash, known: true };
  const { outcome } = parseOutcome(file, read.bytes, setup.hashing);
  // The facts travel as their JSON text only (the main thread revives them if the build's site phase needs them): cloning the objects cost both threads.
  const { facts } = outcome;
  const json = facts?.json ?? (facts?.value ? JSON.stringify(facts.value) : undefined);
  return { hash, outcome: facts ? { ...outcome, facts: { digest: facts.digest, ...(json !== undefined ? { json } : {}), summary: facts.summary } } : outcome, keep: true };
}

/** Serves requests until the main thread ends the worker. */
export function serveCheckWorker(): void {
  const port = parentPort;
  if (!port) return;
  const setup = workerData as WorkerSetup;
  setLanguage(setup.lang);
  port.on("message", (request: WorkerRequest) => {
    if (request.kind === "roles") {
      // Facts the main thread made or checked (reviveFacts): plain JSON of the shape ArticleFacts.
      port.postMessage({ kind: "roles", id: request.id, roles: roleWarningsOf(request.facts.map((json) => JSON.parse(json) as ArticleFacts)) } satisfies WorkerReply);
      return;
    }
    if (request.kind === "quickRoles") {
      // Summaries the main thread made or checked (reviveSummary), copied here as they are.
      port.postMessage({ kind: "roles", id: request.id, roles: quickRoleWarnings(request.summaries) } satisfies WorkerReply);
      return;
    }
    const outcomes = request.files.map((file, i) => readOutcome(setup, file, request.known[i]));
    port.postMessage({ kind: "read", id: request.id, outcomes } satisfies WorkerReply);
  });
}

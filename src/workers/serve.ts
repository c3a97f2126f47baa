/**
 * The worker side of the pool: a worker entry module calls
 * `serveTasks({ name: handler })` and then answers the pool's requests one
 * at a time. A handler's exception becomes an error reply (the pool stops the
 * build with it); anything worse — the thread exiting, an uncaught error, an
 * out-of-memory stop — is seen by the pool through the Worker's events.
 * A task's `later` work (writing a cache) runs right after its reply is
 * sent; when the pool says the run is over, the worker exits.
 */
import { parentPort, workerData } from "node:worker_threads";
import { setLanguage } from "../messages/language.ts";
import { PROTOCOL, type CloseRequest, type TaskHandlers, type TaskReply, type TaskRequest, type WorkerSetup } from "./protocol.ts";

/** Starts answering task requests from the parent thread. */
export function serveTasks(handlers: TaskHandlers): void {
  const port = parentPort;
  if (!port) throw new Error("serveTasks must run in a worker thread");
  const setup = workerData as WorkerSetup;
  if (setup?.protocol !== PROTOCOL) throw new Error("worker started without the pool's setup data");
  setLanguage(setup.language);
  port.on("message", (request: TaskRequest | CloseRequest) => {
    if ("close" in request) process.exit(0);
    void (async () => {
      let reply: TaskReply;
      let transfer: readonly ArrayBuffer[] = [];
      let later: (() => void) | undefined;
      try {
        const handler = Object.hasOwn(handlers, request.task) ? handlers[request.task] : undefined;
        if (!handler) throw new Error(`this worker has no task "${request.task}"`);
        const result = await handler(request.input as never);
        reply = { protocol: PROTOCOL, index: request.index, ok: true, output: result.output };
        transfer = result.transfer ?? [];
        later = result.later;
      } catch (error) {
        reply = { protocol: PROTOCOL, index: request.index, ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
      }
      port.postMessage(reply, transfer as ArrayBuffer[]);
      try {
        later?.();
      } catch {
        // Never part of the output (a cache): its failure only costs speed.
      }
    })();
  });
}

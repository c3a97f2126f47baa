/**
 * One thread that creates the build's output files, so the main thread —
 * where Eleventy renders and every step runs — never waits on the disk nor
 * pays for the write itself.
 *
 * Why a thread of its own, with plain synchronous calls: writing through
 * `fs/promises` cost the main thread 1.8 s of JavaScript for ~11,000 files
 * of a 2,000-article cold build (a Buffer from the string, then open, write
 * and close each a round trip through libuv's pool and a promise:
 * `GENERATED_SHARE_CARDS=0 node --cpu-prof --import tsx scripts/build.ts
 * --root <corpus> --out /dev/shm/out`), and 32 writes in flight on libuv's
 * four threads contend for the same folders: one new folder per file, quiet
 * machine, `npx tsx scripts/bench-files.ts --count 3000`: sync loop 70 µs a
 * file, promises ×32 337 µs. Here the main thread only posts batches (the
 * UTF-8 bytes, moved, not copied) and the thread makes folders and files one
 * after the other, while the next pages render.
 *
 * Files are created exclusively (`wx`): a file is never overwritten. Paths
 * are checked by the caller (src/build/output-files.ts resolveOutputPath).
 * A thread that dies fails every write in flight; the next write starts a
 * new one.
 */
import { Worker } from "node:worker_threads";

/** The writer thread's code (CommonJS, evaluated: no TypeScript loader in the thread). */
const WRITER_SOURCE = `
const { parentPort } = require("node:worker_threads");
const { mkdirSync, writeFileSync } = require("node:fs");
const path = require("node:path");
const made = new Set();
function write(target, contents) {
  const dir = path.dirname(target);
  if (!made.has(dir)) {
    mkdirSync(dir, { recursive: true });
    made.add(dir);
  }
  try {
    writeFileSync(target, contents, { flag: "wx" });
  } catch (error) {
    // A folder made for an earlier build (a staging folder since deleted and made again): make it again.
    if (!error || error.code !== "ENOENT") throw error;
    mkdirSync(dir, { recursive: true });
    writeFileSync(target, contents, { flag: "wx" });
  }
}
parentPort.on("message", (batch) => {
  const errors = [];
  for (let i = 0; i < batch.targets.length; i++) {
    try {
      write(batch.targets[i], batch.contents[i]);
    } catch (error) {
      errors.push({ index: i, code: error && error.code, message: String(error && error.message) });
    }
  }
  parentPort.postMessage({ id: batch.id, errors });
});
`;

const encoder = new TextEncoder();

/** Files per message: large enough to amortise the hop, small enough that the thread starts early. */
const BATCH_FILES = 256;

interface Pending {
  readonly target: string;
  /** Dropped (undefined) once handed to the thread: the bytes are there, and the text of a whole batch of pages was otherwise held here until written. */
  contents: string | Uint8Array | undefined;
  readonly resolve: () => void;
  readonly reject: (error: Error) => void;
  /** Settles (never rejects) when this write is done either way. */
  readonly done: Promise<void>;
}

interface WriterReply {
  readonly id: number;
  readonly errors: readonly { readonly index: number; readonly code?: string; readonly message: string }[];
}

/** Creates files on the writer thread; see the header. */
export class FileWriter {
  private worker: Worker | undefined;
  private queue: Pending[] = [];
  private readonly inFlight = new Map<number, Pending[]>();
  private nextId = 0;
  private scheduled = false;

  /** Creates `target` (absolute, checked by the caller) with `contents`, making its folders; rejects with the file system's error (EEXIST when it exists). */
  write(target: string, contents: string | Uint8Array): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      let settled!: () => void;
      const done = new Promise<void>((r) => (settled = r));
      this.queue.push({
        target,
        contents,
        done,
        resolve: () => (settled(), resolve()),
        reject: (error) => (settled(), reject(error)),
      });
      if (this.queue.length >= BATCH_FILES) this.flush();
      else if (!this.scheduled) {
        this.scheduled = true;
        // Writes asked for in the same turn go in one message.
        setImmediate(() => this.flush());
      }
    });
  }

  /** Resolves when every write asked for so far has finished (or failed): nothing is writing when a failed build removes its staging folder. */
  async idle(): Promise<void> {
    while (this.queue.length > 0 || this.inFlight.size > 0) {
      const waiting = [...this.queue, ...[...this.inFlight.values()].flat()].map((p) => p.done);
      await Promise.all(waiting);
    }
  }

  private thread(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(WRITER_SOURCE, { eval: true, execArgv: [] });
    worker.on("message", (reply: WriterReply) => this.settle(reply));
    const fail = (error: Error): void => {
      if (this.worker !== worker) return;
      this.worker = undefined;
      const lost = [...this.inFlight.values()].flat();
      this.inFlight.clear();
      for (const p of lost) p.reject(new Error(`the file writer thread stopped (${error.message}) while writing ${p.target}`));
    };
    worker.on("error", fail);
    worker.on("exit", (code) => fail(new Error(`exit code ${code}`)));
    // Held only while it writes (flush, settle): idle, it never keeps the process alive.
    worker.unref();
    this.worker = worker;
    return worker;
  }

  private flush(): void {
    this.scheduled = false;
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, BATCH_FILES);
      const id = this.nextId++;
      this.inFlight.set(id, batch);
      const thread = this.thread();
      thread.ref();
      // Text is encoded here and its bytes moved, not copied, to the thread (a structured clone
      // of Vietnamese text copies it as UTF-16, twice its UTF-8 size, and the thread then encodes it).
      const contents: Uint8Array[] = [];
      const transfer: ArrayBuffer[] = [];
      for (const p of batch) {
        if (typeof p.contents === "string") {
          const bytes = encoder.encode(p.contents);
          contents.push(bytes);
          transfer.push(bytes.buffer as ArrayBuffer);
        } else contents.push(p.contents ?? new Uint8Array(0));
        p.contents = undefined;
      }
      thread.postMessage({ id, targets: batch.map((p) => p.target), contents }, transfer);
    }
  }

  private settle(reply: WriterReply): void {
    const batch = this.inFlight.get(reply.id);
    if (!batch) return;
    this.inFlight.delete(reply.id);
    if (this.inFlight.size === 0) this.worker?.unref();
    const failed = new Map(reply.errors.map((e) => [e.index, e]));
    batch.forEach((p, i) => {
      const error = failed.get(i);
      if (!error) return p.resolve();
      const reason = Object.assign(new Error(error.message), error.code ? { code: error.code } : {});
      p.reject(reason);
    });
  }
}

let shared: FileWriter | undefined;

/** The process's file writer (one thread for every build in the process). */
export function fileWriter(): FileWriter {
  return (shared ??= new FileWriter());
}

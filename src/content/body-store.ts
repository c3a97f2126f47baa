/**
 * Article bodies kept off the JavaScript heap between loading and the few
 * steps that read them (issue 9: a build's memory must not grow with the
 * site's text).
 *
 * Every output of an article needs its front matter, but only its page, its
 * search record and a few feed items need its body: each body is read once
 * or twice in a build, late, and held from loading to the end of the build.
 * A heap snapshot of a 10,000-article build right after planning (a full
 * collection first) held 435 MB, of which the bodies' HTML and plain text
 * were 134 MB (`v8.writeHeapSnapshot` after a full collection at the end of
 * the plan step, on a copy of the bench's 10k corpus; strings grouped by the
 * property holding them — the instrumentation and the grouping script were
 * not committed). Here the load worker that parsed (or took from the parse
 * cache) an article writes its body to a file as UTF-8, sends the parent
 * thread where it lies ({@link BodySpan}), and a step that asks for the body
 * reads it back by offset: the text never crosses the parent's heap until
 * then.
 *
 * The file is the build's own scratch: created exclusively in the project's
 * `.cache/` (a real folder, src/cache/real-dir.ts), unlinked at once (only
 * the open descriptor reaches it, and the system frees it when the process
 * ends, however it ends), written and read only through that descriptor.
 * Bodies it holds were already checked (parsed here, or read back through
 * cached-article.ts); bytes read back are the bytes this process wrote.
 * Where no such file can be made, bodies stay in memory as before.
 *
 * The descriptor is closed when no article refers to the store any more
 * (FinalizationRegistry): a preview server keeps its articles, and their
 * bodies stay readable, for as long as it runs.
 *
 * The store also reads the parse cache's blobs (src/cache/parse-cache.ts):
 * a load worker that finds an article in the cache names the blob instead
 * of copying its texts here, the loader opens it (a worker's descriptors
 * close when the worker exits) and the store adopts the descriptor
 * ({@link BodyStore.adopt}) and closes it with its own.
 */
import { randomBytes } from "node:crypto";
import { closeSync, constants, openSync, unlinkSync, writeSync } from "node:fs";
import path from "node:path";
import { projectCacheDir, readAt } from "../cache/real-dir.ts";

const closer = new FinalizationRegistry<number>((fd) => {
  try {
    closeSync(fd);
  } catch {
    // already closed
  }
});

/** Where one text lies in the store: byte offset and length (two numbers: they travel between threads). */
export type BodySpan = readonly [at: number, bytes: number];

/**
 * What a load worker needs to write into the store: the descriptor (open
 * for the whole process, threads included) and the end of the written part,
 * shared with every thread (Atomics reserve each text's place, so writers
 * never overlap).
 */
export interface SharedBodyStore {
  readonly fd: number;
  readonly end: SharedArrayBuffer;
}

/**
 * Writes `text` into a shared store from any thread.
 * @throws when the write fails (a full disk): the build stops with the worker's error
 */
export function writeBody(shared: SharedBodyStore, text: string): BodySpan {
  if (text === "") return [0, 0];
  const bytes = Buffer.from(text, "utf8");
  const at = Number(Atomics.add(new BigInt64Array(shared.end), 0, BigInt(bytes.length)));
  let written = 0;
  while (written < bytes.length) written += writeSync(shared.fd, bytes, written, bytes.length - written, at + written);
  return [at, bytes.length];
}

/** A file the store reads besides its own: a parse-cache blob handed over by a load worker. */
export type BodySource = number & { readonly __bodySource: unique symbol };

/** Texts written once, read back by offset; see the file comment. */
export class BodyStore {
  readonly #shared: SharedBodyStore;
  /** Adopted blobs: descriptor and size, by BodySource - 1. */
  readonly #sources: { readonly fd: number; readonly bytes: number }[] = [];

  private constructor(fd: number) {
    this.#shared = { fd, end: new SharedArrayBuffer(8) };
    closer.register(this, fd);
  }

  /**
   * Reads texts of a file open as `fd` (`bytes` long) from now on, and
   * closes it with the store. The caller gives up the descriptor.
   */
  adopt(fd: number, bytes: number): BodySource {
    this.#sources.push({ fd, bytes });
    closer.register(this, fd);
    return this.#sources.length as BodySource;
  }

  /**
   * A store in `<rootDir>/.cache/`, or undefined when the folder cannot be
   * used safely or the file cannot be made (the caller keeps texts in memory).
   */
  static open(rootDir: string): BodyStore | undefined {
    const dir = projectCacheDir(rootDir);
    if (!dir) return undefined;
    const file = path.join(dir, `bodies-${process.pid}-${randomBytes(6).toString("hex")}.tmp`);
    let fd: number;
    try {
      fd = openSync(file, constants.O_RDWR | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o600);
    } catch {
      return undefined;
    }
    try {
      unlinkSync(file);
    } catch {
      closeSync(fd);
      return undefined;
    }
    return new BodyStore(fd);
  }

  /** For the load workers (src/content/load-worker-task.ts): they write bodies where they parse them. */
  get shared(): SharedBodyStore {
    return this.#shared;
  }

  /**
   * The text at `span`, as written (by this thread or a load worker), or
   * of an adopted `source`.
   * @throws when the span is not within what was written
   */
  read(span: BodySpan, source?: BodySource): string {
    const [at, bytes] = span;
    if (bytes === 0) return "";
    const file = source === undefined ? undefined : this.#sources[source - 1];
    if (source !== undefined && !file) throw new Error("an article body was asked of a file the store was not given");
    const fd = file ? file.fd : this.#shared.fd;
    const end = file ? file.bytes : Number(Atomics.load(new BigInt64Array(this.#shared.end), 0));
    if (!Number.isSafeInteger(at) || !Number.isSafeInteger(bytes) || at < 0 || bytes < 0 || at + bytes > end) throw new Error("an article body lies outside the build's scratch file");
    const buffer = readAt(fd, at, bytes);
    if (!buffer) throw new Error("an article body could not be read back from the build's scratch file");
    return buffer.toString("utf8");
  }
}

/**
 * Makes `object[key]` an enumerable getter that reads the text at `span`
 * (of `source`, else the store's own file) from `store` (through `wrap`)
 * each time it is asked for: spreads and structured clones still see a
 * plain value.
 */
export function storedProperty<T extends object, K extends keyof T>(object: T, key: K, store: BodyStore, span: BodySpan, wrap: (text: string) => T[K], source?: BodySource): void {
  lazyProperty(object, key, () => wrap(store.read(span, source)));
}

/** Makes `object[key]` an enumerable getter answering `get()` each time it is asked for (see {@link storedProperty}). */
export function lazyProperty<T extends object, K extends keyof T>(object: T, key: K, get: () => T[K]): void {
  Object.defineProperty(object, key, { enumerable: true, configurable: false, get });
}

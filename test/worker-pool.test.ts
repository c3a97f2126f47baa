/**
 * The build's worker pool: outputs in input order whatever the thread count,
 * and every way a worker can fail stops the run with a clear message instead
 * of hanging it — including the QR store's use of the pool.
 */
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { QrStore } from "../src/links/qr-store.ts";
import { setLanguage } from "../src/messages/index.ts";
import { WorkerPoolError, defaultThreads, liveWorkers, runInWorkers, workersStopped } from "../src/workers/pool.ts";

const ENTRY = path.join(import.meta.dirname, "fixtures/workers/test-worker.ts");
const inputs = [0, 1, 2, 3, 4, 5, 6, 7];
const options = { label: "testing", describeInput: (i: number) => `input ${i}` };

async function failure(task: string, extra: Partial<Parameters<typeof runInWorkers>[3]> = {}): Promise<WorkerPoolError> {
  const error = await runInWorkers(ENTRY, task, inputs, { ...options, threads: 2, ...extra }).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WorkerPoolError);
  return error as WorkerPoolError;
}

afterEach(async () => {
  // Whatever happened, no worker thread is left running (after deferred work).
  await workersStopped();
  expect(liveWorkers()).toBe(0);
});

describe("runInWorkers", () => {
  it("returns outputs in input order, the same on one thread and on three", async () => {
    const one = await runInWorkers<number, number>(ENTRY, "square", inputs, { ...options, threads: 1 });
    const three = await runInWorkers<number, number>(ENTRY, "square", inputs, { ...options, threads: 3 });
    expect(one).toEqual(inputs.map((n) => n * n));
    expect(three).toEqual(one);
    expect(await runInWorkers(ENTRY, "square", [], options)).toEqual([]);
  });

  it("gives workers the parent's message language", async () => {
    setLanguage("vi");
    try {
      expect(await runInWorkers(ENTRY, "language", [0], options)).toEqual(["vi"]);
    } finally {
      setLanguage("en");
    }
    expect(await runInWorkers(ENTRY, "language", [0], options)).toEqual(["en"]);
  });

  it("fails, naming the input, when a worker exits without replying", async () => {
    const error = await failure("exit");
    expect(error.kind).toBe("exited");
    expect(error.message).toContain("Build stopped: a worker thread (testing: input 3) exited unexpectedly (exit code 7)");
    expect(error.message).toContain("not in your content");
    expect(error.stack).not.toMatch(/\n\s+at /); // no stack trace of the pool's internals
  });

  it("treats an exit with code 0 in the middle of a run as a crash too", async () => {
    expect((await failure("exitZero")).message).toContain("(testing: input 3) exited unexpectedly (exit code 0)");
  });

  it("fails with the task's error when a task throws", async () => {
    const error = await failure("throws");
    expect(error.kind).toBe("failed");
    expect(error.message).toContain("(testing: input 3) failed: Error: task 3 went wrong");
    expect(error.stack).toMatch(/Error: task 3 went wrong\n\s+at throws /); // a fault in code: the worker's stack helps
  });

  it("fails when a worker throws outside any task", async () => {
    expect((await failure("throwsLater")).message).toContain("uncaught after the reply");
  });

  it("fails, saying so, when a worker runs out of memory (and the process survives)", async () => {
    const error = await failure("oom", { resourceLimits: { maxOldGenerationSizeMb: 32 } });
    expect(error.kind).toBe("outOfMemory");
    expect(error.message).toContain("(testing: input 3) ran out of memory (limit 32 MB)");
    expect(error.message).toContain("BUILD_THREADS=1");
  });

  it("fails on a message that is not a reply", async () => {
    expect((await failure("garbage")).message).toContain("unexpected message from the worker");
  });

  it("fails on a task the worker does not have", async () => {
    expect((await failure("no-such-task")).message).toContain('this worker has no task "no-such-task"');
  });
});

describe("QrStore.warm on the pool", () => {
  it("fails the build with a clear message when a QR worker crashes, instead of hanging", async () => {
    const store = new QrStore();
    const texts = Array.from({ length: 1200 }, (_, i) => `https://example.gov.vn/q/${String(10_000 + i)}/`);
    const error = await store.warm(texts, { threads: 2, workerEntry: ENTRY }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(WorkerPoolError);
    // Both workers crash on their first share (links 10000… or 10500…); whichever is seen first is named.
    expect((error as Error).message).toMatch(/\(encoding QR codes: https:\/\/example\.gov\.vn\/q\/10[05]00\/ and 499 more links\) exited unexpectedly \(exit code 9\)/);
  });
});

describe("BUILD_THREADS", () => {
  it("sets the thread count, and a bad value is an error that says what to write", () => {
    expect(defaultThreads({ BUILD_THREADS: "1" })).toBe(1);
    expect(defaultThreads({})).toBeGreaterThanOrEqual(1);
    expect(() => defaultThreads({ BUILD_THREADS: "two" })).toThrow('BUILD_THREADS="two" is not a valid number of threads: a whole number from 1 to 64');
  });
});

/** Names of the tasks the build's worker entry (build-worker.ts) serves, shared with the callers. */
export const BUILD_TASKS = { loadArticles: "load-articles", encodeQr: "encode-qr", walkOutput: "walk-output" } as const;

/**
 * The editor on a checkout (`npm run admin`): Decap's local backend server
 * (decap-server, from npm) next to the live preview. The editor at
 * <preview>/admin/ reads and writes the files of this checkout through it,
 * and the preview shows each saved article at once.
 *
 * decap-server runs in this process (its own middleware on its own express,
 * as its package exports them), so it stops with the preview and a busy
 * port is an error we can word. It writes wherever it is asked inside the
 * repository, so it listens on 127.0.0.1 only and answers the preview's
 * own origin only (its default is any page on localhost), and a gate in
 * front of it (src/cms/local-guard.ts) lets through only requests addressed
 * to that loopback host whose paths stay inside content/.
 */
import type { Server } from "node:http";
import { createRequire } from "node:module";
import { gateRequest, type GateRequest } from "./local-guard.ts";

export interface LocalServer {
  /** decap-server's API address, e.g. http://127.0.0.1:8081/api/v1 (CMS_LOCAL_BACKEND). */
  readonly url: string;
  close(): Promise<void>;
}

export interface LocalServerOptions {
  /** The checkout whose files the editor edits (holds content/). */
  readonly rootDir: string;
  /** Port for decap-server; 0 picks a free one. */
  readonly port: number;
  /** The only origin allowed to call it: the preview's, e.g. http://127.0.0.1:8080. */
  readonly origin: string;
}

/** Thrown when decap-server cannot listen; `detail` is the system's short reason ("EADDRINUSE"). */
export class LocalServerError extends Error {
  constructor(readonly detail: string) {
    super(detail);
    this.name = "LocalServerError";
  }
}

/** The parts of express and decap-server's middleware module used here (they ship no types). */
interface ExpressResponse {
  status(code: number): { json(body: unknown): void };
}
type Middleware = (request: GateRequest, response: ExpressResponse, next: (error?: unknown) => void) => void;
interface ExpressApp {
  use(middleware: Middleware): void;
  listen(port: number, host: string): Server;
}
interface Express {
  (): ExpressApp;
  json(options: { limit: string }): Middleware;
}
interface DecapServerMiddlewares {
  registerLocalFs(app: ExpressApp, options: { logLevel: string }): Promise<void>;
}

/**
 * Starts decap-server's file-system backend for `rootDir`.
 * @throws LocalServerError when the port cannot be used
 */
export async function startLocalServer(options: LocalServerOptions): Promise<LocalServer> {
  // decap-server's own copy of express, next to it: the middleware is registered on it.
  const fromDecapServer = createRequire(createRequire(import.meta.url).resolve("decap-server"));
  const express = fromDecapServer("express") as Express;
  const { registerLocalFs } = fromDecapServer("./middlewares.js") as DecapServerMiddlewares;
  // Read by the middleware when it is registered.
  process.env["GIT_REPO_DIRECTORY"] = options.rootDir;
  process.env["ORIGIN"] = options.origin;
  const app = express();
  // The body is parsed here (as decap-server would, same limit) so the gate sees its paths; decap-server's parser then leaves it as it is.
  app.use(express.json({ limit: "50mb" }));
  let listeningPort = options.port;
  app.use((request, response, next) => {
    const refused = gateRequest(request, { rootDir: options.rootDir, port: listeningPort, origin: options.origin });
    if (refused) response.status(refused.status).json({ error: refused.error });
    else next();
  });
  await registerLocalFs(app, { logLevel: "warn" });
  const server = app.listen(options.port, "127.0.0.1");
  await new Promise<void>((resolve, reject) => {
    server.once("listening", resolve);
    server.once("error", (error: NodeJS.ErrnoException) => reject(new LocalServerError(error.code ?? error.message)));
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : options.port;
  listeningPort = port;
  return {
    url: `http://127.0.0.1:${port}/api/v1`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Browsers keep connections open; the editor is stopping, so are they.
        server.closeAllConnections();
      }),
  };
}

/**
 * `npm start`: a live preview that renders pages on request from in-memory
 * content, using the same page modules and layouts as the build. A change to
 * an article re-parses that file only and tells open browsers to reload
 * (Server-Sent Events), so an edit shows up well within 300 ms at any scale.
 * Content errors are shown on every page as a banner and listed in full at
 * /__preview/errors/. Not for production: it serves drafts too.
 */
import { watch, type FSWatcher } from "node:fs";
import { createServer, type Server, type ServerResponse } from "node:http";
import path from "node:path";
import { formatContentErrors } from "../content/errors.ts";
import { BUILD_STEPS } from "../build/steps.ts";
import type { OutputFile } from "../build/output-files.ts";
import { ROOT_DIR, createSiteData, readLedger, type SiteData } from "../eleventy/site-data.ts";
import { escapeHtml } from "../safe-html.ts";
import { QrStore } from "../links/qr-store.ts";
import { ContentStore } from "./content-store.ts";
import { buildRoutes, loadPageModules, matchRoute, type Route } from "./page-routes.ts";

export interface PreviewOptions {
  readonly rootDir?: string;
  readonly port?: number;
  readonly host?: string;
  /** Build steps not to run in the preview (the search index needs a full build). */
  readonly skipSteps?: readonly string[];
}

export interface PreviewServer {
  readonly url: string;
  readonly store: ContentStore;
  close(): Promise<void>;
}

const TYPES: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".webp": "image/webp",
  ".txt": "text/plain; charset=utf-8",
};

const RELOAD_SCRIPT = `new EventSource("/__preview/events").addEventListener("change", () => location.reload());`;

function typeOf(pathname: string): string {
  const ext = path.extname(pathname).toLowerCase();
  return TYPES[ext === "" ? ".html" : ext] ?? "application/octet-stream";
}

/** Starts the preview server. */
export async function startPreview(options: PreviewOptions = {}): Promise<PreviewServer> {
  const rootDir = options.rootDir ?? ROOT_DIR;
  const store = new ContentStore(rootDir);
  store.loadAll();
  const modules = await loadPageModules(path.join(ROOT_DIR, "src/eleventy/pages"));
  const skip = new Set(options.skipSteps ?? ["search"]);
  // Same short codes as the build; the preview never writes the record.
  const { ledger, text: ledgerText } = readLedger(rootDir);
  const qr = new QrStore(path.join(rootDir, ".cache/qr-v1.json"));

  let cache: { version: number; data: SiteData; routes: Map<string, Route>; extra?: Map<string, OutputFile> } | undefined;
  const current = () => {
    const snap = store.snapshot();
    if (!cache || cache.version !== snap.version) {
      const data = createSiteData(snap.articles, { ledger, ledgerText, qr });
      cache = { version: snap.version, data, routes: buildRoutes(modules, { site: data }) };
    }
    return cache;
  };
  const stepOutputs = async (): Promise<Map<string, OutputFile>> => {
    const c = current();
    if (!c.extra) {
      const files = new Map<string, OutputFile>();
      for (const step of BUILD_STEPS) {
        if (skip.has(step.name)) continue;
        for (const file of await step.run({ data: c.data, stagingDir: path.join(rootDir, ".cache/preview-staging"), rootDir })) files.set(`/${file.path}`, file);
      }
      c.extra = files;
    }
    return c.extra;
  };

  const clients = new Set<ServerResponse>();
  const notify = (): void => {
    for (const client of clients) client.write(`event: change\ndata: ${store.snapshot().version}\n\n`);
  };

  const banner = (): string => {
    const { errors } = store.snapshot();
    if (errors.length === 0) return "";
    return `<div role="alert" class="preview-errors"><a href="/__preview/errors/">${errors.length} content error(s): the preview shows the last valid version of those files. Details</a></div>`;
  };

  const server: Server = createServer((req, res) => {
    void (async () => {
      const pathname = decodeURIComponent(new URL(req.url ?? "/", "http://preview").pathname);
      if (pathname === "/__preview/events") {
        res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-store", connection: "keep-alive" });
        res.write(": connected\n\n");
        clients.add(res);
        req.on("close", () => clients.delete(res));
        return;
      }
      if (pathname === "/__preview/reload.js") {
        res.writeHead(200, { "content-type": TYPES[".js"] ?? "", "cache-control": "no-store" });
        res.end(RELOAD_SCRIPT);
        return;
      }
      if (pathname === "/__preview/errors/") {
        const { errors } = store.snapshot();
        res.writeHead(200, { "content-type": TYPES[".html"] ?? "", "cache-control": "no-store" });
        res.end(`<!doctype html><html lang="en"><meta charset="utf-8"><title>Content errors</title><script src="/__preview/reload.js" defer></script><pre>${escapeHtml(errors.length ? formatContentErrors(errors) : "No content errors.")}</pre></html>`);
        return;
      }
      const route = matchRoute(current().routes, pathname);
      if (route) {
        let body = route();
        if (typeOf(pathname) === TYPES[".html"]) body = body.replace("<body>", `<body>${banner()}`).replace("</body>", `<script src="/__preview/reload.js" defer></script></body>`);
        res.writeHead(200, { "content-type": typeOf(pathname), "cache-control": "no-store" });
        res.end(body);
        return;
      }
      const outputs = await stepOutputs();
      const file = outputs.get(pathname) ?? outputs.get(`${pathname.replace(/\/?$/, "/")}index.html`);
      if (file) {
        res.writeHead(200, { "content-type": typeOf(file.path), "cache-control": "no-store" });
        res.end(file.contents);
        return;
      }
      res.writeHead(404, { "content-type": "text/plain; charset=utf-8" });
      res.end(`Not found: ${pathname}`);
    })().catch((error: unknown) => {
      res.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
      res.end(error instanceof Error ? (error.stack ?? error.message) : String(error));
    });
  });

  const watchers: FSWatcher[] = [];
  const contentRoot = path.join(rootDir, "content");
  watchers.push(
    watch(contentRoot, { recursive: true }, (_event, name) => {
      if (!name) return;
      const rel = path.relative(rootDir, path.join(contentRoot, name.toString())).split(path.sep).join("/");
      if (store.update(rel)) notify();
      else if (/\.(jpe?g|png|webp|avif|gif)$/i.test(rel)) {
        store.loadAll();
        notify();
      }
    }),
  );

  await new Promise<void>((resolve) => server.listen(options.port ?? 8080, options.host ?? "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : (options.port ?? 8080);
  return {
    url: `http://${options.host ?? "127.0.0.1"}:${port}`,
    store,
    async close() {
      for (const w of watchers) w.close();
      for (const c of clients) c.end();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/**
 * `npm start`: a live preview that serves the site from memory, from the same
 * output plan the build writes (src/plan/): same pages, same files, same
 * errors. A change under content/ re-parses what changed and open browsers
 * are told to reload (Server-Sent Events). Content errors show on every page
 * as a banner and in full at /__preview/errors/. Not for production: it
 * serves drafts too.
 *
 * Making the plan again (site data and declarations for every article:
 * about 2.5 s at 10,000 articles, on a quiet machine) would make every save
 * wait that long. So an edit that changed only what the article's own page
 * shows (its text, its title…: see edit-overlay.ts) is served at once: that
 * page from the new parse against the last full plan, the banner from the
 * errors as they are now. The full plan is made again once the edits pause
 * (in two steps, dropped if another save comes in between), and browsers are
 * told to reload again: the other pages (indexes, feeds, people…) then match
 * it. Any other change (an added, removed or renamed article, a new date or
 * province, the published-URL record) is planned in full before the next
 * answer, as before.
 *
 * Requests are only keys into the plan: no request path ever reaches the
 * file system. A malformed address is a 400, an unknown one the site's 404
 * page; an internal failure is a 500 with a plain message (its stack goes to
 * the terminal, never to the browser). Everything the editor reads here comes
 * from the message catalogue (area "preview").
 */
import { statSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import path from "node:path";
import { formatContentErrors, formatContentWarnings, type ContentError } from "../content/errors.ts";
import { LEDGER_FILE } from "../links/ledger.ts";
import { getLanguage, t } from "../messages/index.ts";
import { QrStore } from "../links/qr-store.ts";
import { fileForUrl, urlProblem, type BundleProducer, type OutputBody, type PlannedOutput } from "../plan/output-plan.ts";
import { PREVIEW_FOLDER, SITE_PRODUCERS, planSite, siteErrors, type SitePlan } from "../plan/site-outputs.ts";
import { articlePages, renderArticle } from "../pages/article.ts";
import { escapeHtml } from "../safe-html.ts";
import { siteConfigFromEnv, type SiteConfig } from "../site-config.ts";
import { ROOT_DIR, createSiteData, qrCacheFile, readLedger, type SiteData } from "../site-data.ts";
import type { Article } from "../content/article.ts";
import { ContentStore, type ContentSnapshot } from "./content-store.ts";
import { editOverlay, type EditOverlay } from "./edit-overlay.ts";
import { ContentWatcher, type FolderChange } from "./content-watcher.ts";

export interface PreviewOptions {
  readonly rootDir?: string;
  readonly port?: number;
  readonly host?: string;
  /** Site configuration (default: from the environment, SITE_URL). Pages are served under its base path. */
  readonly config?: SiteConfig;
  /**
   * Pause after the last edit before the whole site is planned again in the
   * background (ms). Default: what the last full plan cost, at most 1 s —
   * a small site catches up at once; a large one waits for edits to pause
   * about as long as it then blocks.
   */
  readonly settleDelayMs?: number;
}

export interface PreviewServer {
  /** Origin of the server ("http://127.0.0.1:8080"); the site itself is at url + basePath + "/". */
  readonly url: string;
  readonly store: ContentStore;
  /** The current plan and errors, as the build would see them for the same content (planned in full now if an edit is pending). */
  current(): SitePlan;
  /** Resolves once no edit waits for the full plan (the other pages are up to date). */
  settled(): Promise<void>;
  /** The current warnings of the articles, as the build prints them. */
  warnings(): readonly ContentError[];
  close(): Promise<void>;
}

/** Longest default pause before the whole site is planned again after an edit (see PreviewOptions.settleDelayMs). */
const MAX_SETTLE_DELAY_MS = 1000;

/** The published-URL record as last read, and the stamp (time and size) it was read at. */
interface LedgerRecord {
  readonly stamp: string;
  readonly value: ReturnType<typeof readLedger>;
}

/** A full plan of the site, and what it was made from. */
interface FullPlan {
  /** Content version and record stamp it was made from. */
  readonly key: string;
  readonly stamp: string;
  /** The articles it was made from, newest first. */
  readonly articles: readonly Article[];
  readonly site: SitePlan;
}

/** What a request is answered from: a full plan, the errors as they are now, and the pages of edits made since the plan. */
interface View {
  readonly site: SitePlan;
  readonly errors: readonly ContentError[];
  readonly overlay?: EditOverlay;
}

/** The port is taken: a message for the editor, not a stack trace. */
export class PreviewPortInUseError extends Error {
  constructor(readonly port: number) {
    super(t("preview.portInUse", { port }));
    this.name = "PreviewPortInUseError";
  }
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
  ".avif": "image/avif",
  ".gif": "image/gif",
  ".txt": "text/plain; charset=utf-8",
  ".yml": "text/yaml; charset=utf-8",
};

const PREVIEW = `/${PREVIEW_FOLDER}`;
const RELOAD_SCRIPT = `new EventSource("${PREVIEW}/events").addEventListener("change", () => location.reload());\n`;
const PREVIEW_CSS = `.preview-errors{background:#a3181d;color:#fff;padding:.75rem 1rem;font:1rem/1.4 system-ui,sans-serif}.preview-errors a{color:#fff}.preview-warnings{background:#fff3c4;color:#3d2e00;padding:.75rem 1rem;font:1rem/1.4 system-ui,sans-serif}.preview-warnings a{color:#3d2e00}.preview-page{font:1rem/1.5 system-ui,sans-serif;max-width:60rem;margin:1rem auto;padding:0 1rem}.preview-page pre{white-space:pre-wrap}\n`;

function typeOf(file: string): string {
  return TYPES[path.extname(file).toLowerCase()] ?? "application/octet-stream";
}

/**
 * What the preview adds to each page: its stylesheet and reload script, and
 * a banner: errors (the build would fail) or, when there are none, warnings
 * (likely mistakes the build prints but publishes).
 */
function decorate(html: string, errorCount: number, warningCount: number): string {
  const banner =
    errorCount > 0
      ? `<div role="alert" class="preview-errors"><a href="${PREVIEW}/errors/">${escapeHtml(t("preview.banner", { count: errorCount }))}</a></div>`
      : warningCount > 0
        ? `<div role="status" class="preview-warnings"><a href="${PREVIEW}/errors/">${escapeHtml(t("preview.warningBanner", { count: warningCount }))}</a></div>`
        : "";
  return html
    .replace("</head>", `<link rel="stylesheet" href="${PREVIEW}/preview.css"><script src="${PREVIEW}/reload.js" defer></script></head>`)
    .replace(/<body([^>]*)>/, (tag) => `${tag}${banner}`);
}

/** A small page of the preview's own (errors, 400, 404 without a site 404 page) in the editor's language. */
function previewPage(title: string, body: string): string {
  return `<!doctype html><html lang="${getLanguage()}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title><link rel="stylesheet" href="${PREVIEW}/preview.css"><script src="${PREVIEW}/reload.js" defer></script></head><body><main class="preview-page">${body}</main></body></html>`;
}

/** Starts the preview server. */
export async function startPreview(options: PreviewOptions = {}): Promise<PreviewServer> {
  const rootDir = options.rootDir ?? ROOT_DIR;
  const config = options.config ?? siteConfigFromEnv();
  const base = config.basePath;
  const store = new ContentStore(rootDir);
  store.loadAll();
  const qr = new QrStore(qrCacheFile(rootDir));

  // The published-URL record is read again whenever it changes on disk (an editor marks an entry withdrawn).
  let ledgerCache: LedgerRecord | undefined;
  const ledger = (): LedgerRecord => {
    let stamp = "absent";
    try {
      const s = statSync(path.join(rootDir, LEDGER_FILE));
      stamp = `${s.mtimeMs}:${s.size}`;
    } catch {
      // no record yet
    }
    if (!ledgerCache || ledgerCache.stamp !== stamp) ledgerCache = { stamp, value: readLedger(rootDir) };
    return ledgerCache;
  };

  // The last full plan, and the articles it was made from.
  let planned: FullPlan | undefined;
  // What requests are answered from, once per version of the content.
  let viewCache: { key: string; view: View } | undefined;
  // What the last full plan cost (ms of work): how long the background one waits for edits to pause.
  let plannedMs = 0;
  let closed = false;
  let settleTimer: NodeJS.Timeout | undefined;
  let waiting: (() => void)[] = [];

  const keyOf = (snap: ContentSnapshot, record: LedgerRecord): string => `${snap.version}|${record.stamp}`;
  const siteDataOf = (snap: ContentSnapshot, record: LedgerRecord): SiteData => {
    const { ledger: entries, text } = record.value;
    return createSiteData(snap.articles, { rootDir, config, ledger: entries, ledgerText: text, qr });
  };
  const isSettled = (): boolean => planned !== undefined && planned.key === keyOf(store.snapshot(), ledger());
  const release = (): void => {
    if (!closed && !isSettled()) return;
    const done = waiting;
    waiting = [];
    for (const resolve of done) resolve();
  };
  /** Plans `data`; `spent` is what making the data cost. */
  const install = (snap: ContentSnapshot, record: LedgerRecord, data: SiteData, spent: number): FullPlan => {
    const started = performance.now();
    // The previous plan is reused when the edit changed no address (the usual case: text).
    const site = planSite(data, [...snap.errors, ...record.value.errors], SITE_PRODUCERS, planned?.site.plan);
    planned = { key: keyOf(snap, record), stamp: record.stamp, articles: snap.articles, site };
    plannedMs = spent + performance.now() - started;
    viewCache = undefined;
    release();
    return planned;
  };
  /** The full plan of the content as it is now, made now if needed. */
  const planNow = (): FullPlan => {
    const snap = store.snapshot();
    const record = ledger();
    if (planned?.key === keyOf(snap, record)) return planned;
    const started = performance.now();
    const data = siteDataOf(snap, record);
    return install(snap, record, data, performance.now() - started);
  };
  const current = (): SitePlan => planNow().site;

  const view = (): View => {
    const snap = store.snapshot();
    const record = ledger();
    const key = keyOf(snap, record);
    if (viewCache?.key === key) return viewCache.view;
    let answer: View | undefined;
    if (planned?.key === key) answer = { site: planned.site, errors: planned.site.errors };
    else if (planned && planned.stamp === record.stamp) {
      const overlay = editOverlay(planned.site.data, planned.articles, snap.articles);
      // The banner counts the errors as they are now: an edit that breaks or mends a file shows at once.
      if (overlay) answer = { site: planned.site, errors: siteErrors(planned.site.data, [...snap.errors, ...record.value.errors], planned.site.plan), overlay };
    }
    if (!answer) {
      const full = planNow();
      answer = { site: full.site, errors: full.site.errors };
    }
    viewCache = { key, view: answer };
    return answer;
  };

  /**
   * The full plan, made again once edits pause, in two steps (site data,
   * then the plan) so that a save arriving in between is answered after
   * one step, not both; that save makes the work done so far stale, so it
   * is dropped and tried again after the next pause.
   */
  const settleInBackground = (): void => {
    settleTimer = undefined;
    if (closed || isSettled()) return release();
    // A save seen but not yet read: its report schedules this again.
    if (watcher.busy()) return;
    const snap = store.snapshot();
    const record = ledger();
    const started = performance.now();
    let data: SiteData;
    try {
      data = siteDataOf(snap, record);
    } catch (error) {
      // A bug, not the editor's doing: the next request plans again and answers with the error page.
      console.error(error);
      return;
    }
    const spent = performance.now() - started;
    setImmediate(() => {
      // A save that came while the site data was made is seen here (as events not yet reported): it goes first.
      if (closed || watcher.busy() || store.snapshot() !== snap || ledger().stamp !== record.stamp || isSettled()) return release();
      try {
        install(snap, record, data, spent);
      } catch (error) {
        console.error(error);
        return;
      }
      notify();
    });
  };
  const settleLater = (): void => {
    clearTimeout(settleTimer);
    settleTimer = setTimeout(settleInBackground, options.settleDelayMs ?? Math.min(MAX_SETTLE_DELAY_MS, plannedMs));
  };

  const warnings = (): readonly ContentError[] => store.snapshot().warnings;

  const clients = new Set<ServerResponse>();
  const notify = (): void => {
    for (const client of clients) client.write(`event: change\ndata: ${store.snapshot().version}\n\n`);
  };

  const send = (res: ServerResponse, status: number, type: string, body: OutputBody, extra: Readonly<Record<string, string>> = {}): void => {
    res.writeHead(status, { "content-type": type, "cache-control": "no-store", "x-content-type-options": "nosniff", ...extra });
    res.end(res.req.method === "HEAD" ? undefined : body);
  };

  const notFound = (res: ServerResponse, { site, errors }: View, shown: string): void => {
    const page = site.plan.get("404.html");
    const note = `<p class="preview-errors">${escapeHtml(t("preview.notFound", { path: shown }))}</p>`;
    const html = page ? decorate(String(page.body()), errors.length, warnings().length).replace(/<main([^>]*)>/, (tag) => `${tag}${note}`) : previewPage(t("preview.notFound", { path: shown }), note);
    send(res, 404, TYPES[".html"]!, html);
  };

  // Files of bundles the preview runs (see BundleProducer.preview), made once per plan.
  const bundleFiles = new WeakMap<SitePlan, Map<string, Promise<Map<string, OutputBody>>>>();
  const serveBundle = (res: ServerResponse, answer: View, bundle: BundleProducer<unknown>, file: string, shown: string): void => {
    const { site } = answer;
    let runs = bundleFiles.get(site);
    if (!runs) bundleFiles.set(site, (runs = new Map()));
    let files = runs.get(bundle.name);
    if (!files) {
      files = Promise.resolve(bundle.run(site.data)).then((made) => new Map([...made].map((f) => [f.path, f.contents])));
      runs.set(bundle.name, files);
    }
    files
      .then((made) => {
        const name = file === "" || file.endsWith("/") ? `${file}index.html` : file;
        const body = made.get(name);
        if (body === undefined) notFound(res, answer, shown);
        else send(res, 200, typeOf(name), body);
      })
      .catch((error: unknown) => {
        runs?.delete(bundle.name);
        console.error(error);
        if (!res.headersSent) send(res, 500, TYPES[".html"]!, previewPage(t("preview.internalError"), `<p>${escapeHtml(t("preview.internalError"))}</p>`));
      });
  };

  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    if (req.method !== "GET" && req.method !== "HEAD") {
      send(res, 405, TYPES[".txt"]!, `${t("preview.methodNotAllowed")}\n`, { allow: "GET, HEAD" });
      return;
    }
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? "/", "http://preview.invalid").pathname);
    } catch {
      send(res, 400, TYPES[".html"]!, previewPage(t("preview.badRequest"), `<p>${escapeHtml(t("preview.badRequest"))}</p>`));
      return;
    }
    if (/[\0-\x1f\\]/.test(pathname)) {
      send(res, 400, TYPES[".html"]!, previewPage(t("preview.badRequest"), `<p>${escapeHtml(t("preview.badRequest"))}</p>`));
      return;
    }

    // The preview's own addresses.
    if (pathname === `${PREVIEW}/events`) {
      res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-store", connection: "keep-alive" });
      res.write(": connected\n\n");
      clients.add(res);
      res.on("close", () => clients.delete(res));
      return;
    }
    if (pathname === `${PREVIEW}/reload.js`) return send(res, 200, TYPES[".js"]!, RELOAD_SCRIPT);
    if (pathname === `${PREVIEW}/preview.css`) return send(res, 200, TYPES[".css"]!, PREVIEW_CSS);
    const shown = view();
    const site = shown.site;
    if (pathname === `${PREVIEW}/errors/`) {
      const text = shown.errors.length > 0 ? formatContentErrors(shown.errors) : t("preview.noErrors");
      const warned = warnings();
      const warningPart = warned.length > 0 ? `<h2>${escapeHtml(t("preview.warningsTitle"))}</h2><pre>${escapeHtml(formatContentWarnings(warned))}</pre>` : "";
      const body = `<h1>${escapeHtml(t("preview.errorsTitle"))}</h1><pre>${escapeHtml(text)}</pre>${warningPart}<p><a href="${escapeHtml(`${base}/`)}">${escapeHtml(t("preview.backHome"))}</a></p>`;
      return send(res, 200, TYPES[".html"]!, previewPage(t("preview.errorsTitle"), body));
    }

    // The site, under its base path (SITE_URL with a path).
    if (base !== "" && (pathname === "/" || pathname === base)) return send(res, 302, TYPES[".txt"]!, "", { location: `${base}/` });
    if (base !== "" && !pathname.startsWith(`${base}/`)) return notFound(res, shown, pathname);
    const rel = pathname.slice(base.length);
    if (urlProblem(rel) !== undefined) return notFound(res, shown, pathname);
    // As a static host answers: the file itself, or the folder's index.html.
    const output: PlannedOutput | undefined = site.plan.get(rel.slice(1)) ?? site.plan.get(fileForUrl(rel.endsWith("/") ? rel : `${rel}/`));
    if (!output) {
      const bundle = site.plan.bundleAt(rel.slice(1));
      if (bundle?.preview) {
        serveBundle(res, shown, bundle, rel.slice(bundle.folder.length + 2), pathname);
        return;
      }
      if (bundle) return send(res, 404, TYPES[".txt"]!, `${t("preview.searchUnavailable")}\n`);
      return notFound(res, shown, pathname);
    }
    const type = typeOf(output.path);
    // An article edited since the last full plan: its page from the new parse (see edit-overlay.ts).
    const candidate = shown.overlay && output.producer === articlePages.name ? shown.overlay.pages.get(output.path) : undefined;
    // Only the article that holds the page (of two with one URL, the plan keeps the first: an error either way).
    const edited = candidate && output.source?.file === candidate.sourcePath ? candidate : undefined;
    const body = edited && shown.overlay ? renderArticle(edited, shown.overlay.data) : output.body();
    send(res, 200, type, type === TYPES[".html"] ? decorate(String(body), shown.errors.length, warnings().length) : body);
  };

  const server: Server = createServer((req, res) => {
    try {
      handle(req, res);
    } catch (error) {
      // A bug, not something the editor did: the details go to the terminal only.
      console.error(error);
      if (!res.headersSent) send(res, 500, TYPES[".html"]!, previewPage(t("preview.internalError"), `<p>${escapeHtml(t("preview.internalError"))}</p>`));
      else res.destroy();
    }
  });

  // The background plan blocks this process for a second or more at 10,000
  // articles; an idle keep-alive connection whose server-side timeout ran out
  // meanwhile would be closed just as the browser reuses it (a reset page).
  // Browsers drop idle connections well before a minute.
  server.keepAliveTimeout = 65_000;

  const watcher = new ContentWatcher(path.join(rootDir, store.contentDir), (changes: readonly FolderChange[]) => {
    try {
      let changed = false;
      for (const change of changes) changed = store.refreshFolder(store.relative(change.folder), change.touched.map((t) => store.relative(t))) || changed;
      if (changed) notify();
      // Also when nothing changed: a background plan may have given way to these events.
      if (!isSettled()) settleLater();
    } catch (error) {
      console.error(error);
    }
  });
  watcher.start();

  const port = options.port ?? 8080;
  const host = options.host ?? "127.0.0.1";
  try {
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, host, () => {
        server.off("error", reject);
        resolve();
      });
    });
  } catch (error) {
    watcher.close();
    if ((error as NodeJS.ErrnoException).code === "EADDRINUSE") throw new PreviewPortInUseError(port);
    throw error;
  }
  const address = server.address();
  const actualPort = typeof address === "object" && address ? address.port : port;
  return {
    url: `http://${host.includes(":") ? `[${host}]` : host}:${actualPort}`,
    store,
    current,
    settled: () =>
      new Promise<void>((resolve) => {
        waiting.push(resolve);
        if (settleTimer === undefined) settleLater();
        release();
      }),
    warnings,
    async close() {
      closed = true;
      clearTimeout(settleTimer);
      release();
      watcher.close();
      for (const c of clients) c.end();
      clients.clear();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

/**
 * The preview's route table, derived from the same page modules Eleventy
 * builds from (src/eleventy/pages/*.11ty.ts): each module's `data.pagination`
 * and `permalink` are evaluated the way Eleventy does for our simple cases
 * (size-1 pagination over a dotted path into the data, function or string
 * permalinks), so a page added for the build appears in the preview too.
 * Rendering is deferred to request time: only the page being viewed is built.
 */
import { readdirSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

type PageData = Record<string, unknown>;

/** What an 11ty.ts page module exports. */
interface PageModule {
  readonly data: {
    readonly pagination?: { readonly data: string; readonly size: number; readonly alias: string };
    readonly permalink: string | ((data: PageData) => string);
  };
  render(data: PageData): string;
}

function isPageModule(value: unknown): value is PageModule {
  if (typeof value !== "object" || value === null) return false;
  const mod = value as Record<string, unknown>;
  const data = mod["data"] as Record<string, unknown> | undefined;
  return typeof mod["render"] === "function" && typeof data === "object" && data !== null && (typeof data["permalink"] === "string" || typeof data["permalink"] === "function");
}

/** Imports every page module in `pagesDir`. */
export async function loadPageModules(pagesDir: string): Promise<PageModule[]> {
  const files = readdirSync(pagesDir).filter((f) => f.endsWith(".11ty.ts")).sort();
  const modules: PageModule[] = [];
  for (const file of files) {
    const mod: unknown = await import(pathToFileURL(path.join(pagesDir, file)).href);
    if (!isPageModule(mod)) throw new Error(`${file} does not export { data: { permalink }, render }`);
    modules.push(mod);
  }
  return modules;
}

function lookup(data: PageData, dotted: string): unknown {
  let current: unknown = data;
  for (const key of dotted.split(".")) {
    if (typeof current !== "object" || current === null) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/** A lazily rendered page. */
export type Route = () => string;

/** Maps every URL the modules would produce to a renderer, with `globals` as the data cascade. */
export function buildRoutes(modules: readonly PageModule[], globals: PageData): Map<string, Route> {
  const routes = new Map<string, Route>();
  for (const mod of modules) {
    const { pagination, permalink } = mod.data;
    const items = pagination ? lookup(globals, pagination.data) : [undefined];
    if (!Array.isArray(items)) throw new Error(`pagination data "${pagination?.data}" is not a list`);
    for (const item of items) {
      const data: PageData = pagination ? { ...globals, [pagination.alias]: item } : globals;
      const url = typeof permalink === "function" ? permalink(data) : permalink;
      routes.set(url, () => mod.render(data));
    }
  }
  return routes;
}

/** Finds the route for a request path: exact, or "/x/" for "/x/index.html" and "/x". */
export function matchRoute(routes: ReadonlyMap<string, Route>, pathname: string): Route | undefined {
  return routes.get(pathname) ?? routes.get(pathname.replace(/index\.html$/, "")) ?? routes.get(`${pathname}/`);
}

/**
 * Digests for incremental builds (src/build/incremental.ts).
 *
 * An output's fingerprint (OutputDeclaration.fingerprint) describes only its
 * own inputs: the article it shows, the items a list shows, its URL. What
 * every output depends on — the code that renders it, the site
 * configuration, the environment settings that change output, the Node
 * version (dates and numbers are formatted with its ICU data) — is the
 * *build digest*, combined with every fingerprint by the build: a change to
 * any of them renders everything again, which is what a cold build does.
 *
 * The code is digested from the files themselves (every file under src/ and
 * layouts/, .eleventy.js and package-lock.json, once per process: ~400 small
 * files, a few milliseconds), not from a version number someone must
 * remember to raise.
 */
import { createHash } from "node:crypto";
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import type { Article } from "../content/article.ts";
import type { SiteConfig } from "../site-config.ts";

/** The checkout (this file is src/build/build-digest.ts); not imported from site-data.ts, which imports the producers that use this module. */
const ROOT_DIR = path.resolve(import.meta.dirname, "../..");

/** Folders and files whose contents are the renderer's code. */
const CODE_PATHS = ["src", "layouts", ".eleventy.js", "package-lock.json"];

/** Environment variables that change what the build writes (SITE_URL, SITE_ADMIN, CMS_*, PUBLISH_ORIGINAL_IMAGES, GENERATED_SHARE_CARDS…). */
const OUTPUT_ENV = /^(?:SITE_|CMS_|PUBLISH_|GENERATED_)|^(?:ORIGIN|GIT_REPO_DIRECTORY)$/;

/** A short hex digest of text parts (SHA-1: collisions need an attacker who controls both sides, and then only make a stale page). */
export function digest(...parts: readonly string[]): string {
  const hash = createHash("sha1");
  for (const part of parts) hash.update(part).update("\0");
  return hash.digest("base64url");
}

let codeDigestMemo: string | undefined;

/** Digest of the code that renders the site (see the header), computed once per process. */
export function codeDigest(root: string = ROOT_DIR): string {
  if (codeDigestMemo !== undefined && root === ROOT_DIR) return codeDigestMemo;
  const hash = createHash("sha1");
  for (const entry of CODE_PATHS) {
    const full = path.join(root, entry);
    let files: string[];
    try {
      files = readdirSync(full, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => path.join(e.parentPath, e.name))
        .sort();
    } catch {
      files = [full];
    }
    for (const file of files) {
      hash.update(path.relative(root, file)).update("\0");
      try {
        hash.update(readFileSync(file));
      } catch {
        hash.update("(absent)");
      }
      hash.update("\0");
    }
  }
  const value = hash.digest("base64url");
  if (root === ROOT_DIR) codeDigestMemo = value;
  return value;
}

/** The build digest: code, configuration, output-changing environment, Node and ICU versions, and what else the caller names (asset URLs). */
export function buildDigest(config: SiteConfig, extra: readonly string[] = [], env: NodeJS.ProcessEnv = process.env): string {
  const settings = Object.keys(env)
    .filter((name) => OUTPUT_ENV.test(name))
    .sort()
    .map((name) => `${name}=${env[name] ?? ""}`);
  return digest(codeDigest(), JSON.stringify(config), ...settings, `node ${process.versions.node} icu ${process.versions.icu ?? ""} tz ${env["TZ"] ?? ""}`, ...extra);
}

/**
 * JSON.stringify replacer giving every plain object its keys in sorted
 * order: an article read from the parse cache has the same fields as a
 * freshly parsed one, but not always in the same order (measured: 91 of
 * 986 articles), and the digest must not depend on where it came from.
 */
function sortedKeys(_key: string, value: unknown): unknown {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return value;
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) return value;
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) sorted[key] = (value as Record<string, unknown>)[key];
  return sorted;
}

const articleDigests = new WeakMap<Article, string>();

/**
 * Digest of everything an article holds (every field, its rendered body and
 * text), once per article object: pages that show other articles (lists,
 * "Tin khác", feeds) combine their items' digests. Every field is included,
 * so a field added later is covered without anyone remembering to.
 */
export function articleDigest(article: Article): string {
  let value = articleDigests.get(article);
  if (value === undefined) {
    const { body, bodyText, ...rest } = article;
    value = digest(JSON.stringify(rest, sortedKeys), body.value, bodyText);
    articleDigests.set(article, value);
  }
  return value;
}

/** Thrown inside stableDigest's replacer: the value holds something it cannot describe. */
class NotDescribable extends Error {}

function isArticle(value: object): value is Article {
  const v = value as Partial<Article>;
  return typeof v.sourcePath === "string" && typeof v.bodyText === "string" && typeof v.body === "object" && v.body !== null && typeof (v.body as { value?: unknown }).value === "string";
}

/** JSON with articles as their digests, maps and sets as entry lists, keys sorted; a function or a cycle cannot be described. */
function describe(_key: string, value: unknown): unknown {
  if (typeof value === "function" || typeof value === "symbol" || typeof value === "bigint") throw new NotDescribable();
  if (value === null || typeof value !== "object") return value;
  if (isArticle(value)) return `article:${articleDigest(value)}`;
  if (value instanceof Map) return ["map", ...value.entries()];
  if (value instanceof Set) return ["set", ...value.values()];
  return sortedKeys(_key, value);
}

/**
 * Digest of a page's data (a list page, a person, a table): every field, any
 * article in it by its digest (see articleDigest). "" — unknown: render —
 * when the value holds a function, a cycle or anything JSON cannot show.
 */
export function stableDigest(...values: readonly unknown[]): string {
  try {
    return digest(...values.map((v) => (v === undefined ? "u" : JSON.stringify(v, describe))));
  } catch {
    return "";
  }
}

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

/** Thrown by the describer: the value holds something it cannot describe. */
class NotDescribable extends Error {}

function isArticle(value: object): value is Article {
  const v = value as Partial<Article>;
  return typeof v.sourcePath === "string" && typeof v.bodyText === "string" && typeof v.body === "object" && v.body !== null && typeof (v.body as { value?: unknown }).value === "string";
}

/**
 * Deeply frozen objects shared by many outputs (a province of the registry
 * is in every article) are described once: their text is kept by identity.
 * Frozen all the way down means it cannot change under the memo (a preview
 * server runs for hours).
 */
const frozenTexts = [new WeakMap<object, string>(), new WeakMap<object, string>()] as const;

/**
 * Appends a canonical description of `value` to `out`: plain objects with
 * their keys sorted (an article read from the parse cache has the same
 * fields as a freshly parsed one, but not always in the same order — 91 of
 * 986 measured — and the digest must not depend on where it came from),
 * properties holding `undefined` left out (as JSON does, so a cached
 * article without the key describes the same), maps and sets as entry
 * lists, `toJSON` honoured (dates), articles as their digest when
 * `articlesByDigest`.
 *
 * Hand-written rather than `JSON.stringify` with a replacer (the previous
 * version): the replacer copied every object to sort its keys and was
 * called for every value, ~14 s of a warm 10,000-article build's 18 s reuse
 * phase (`node --cpu-prof` of `npm run build`), most of it on tag pages.
 * @returns whether `value` is deeply frozen (its text may be kept)
 * @throws NotDescribable on a function, symbol, bigint or cycle
 */
function describeInto(out: string[], value: unknown, articlesByDigest: boolean, stack: Set<object>): boolean {
  switch (typeof value) {
    case "string":
      out.push(JSON.stringify(value));
      return true;
    case "number":
      out.push(Number.isFinite(value) ? String(value) : "null");
      return true;
    case "boolean":
      out.push(value ? "true" : "false");
      return true;
    case "undefined":
      out.push("null");
      return true;
    case "object":
      break;
    default:
      throw new NotDescribable();
  }
  if (value === null) {
    out.push("null");
    return true;
  }
  if (articlesByDigest && isArticle(value)) {
    out.push("article:", articleDigest(value));
    return false;
  }
  const memo = frozenTexts[articlesByDigest ? 1 : 0];
  const known = memo.get(value);
  if (known !== undefined) {
    out.push(known);
    return true;
  }
  if (stack.has(value)) throw new NotDescribable();
  stack.add(value);
  const start = out.length;
  // Deeply frozen: this object and everything in it (then its text may be kept).
  let frozen = Object.isFrozen(value);
  if (Array.isArray(value)) {
    out.push("[");
    for (const item of value as unknown[]) {
      frozen = describeInto(out, item, articlesByDigest, stack) && frozen;
      out.push(",");
    }
    out.push("]");
  } else if (value instanceof Map) {
    frozen = false;
    out.push("map[");
    for (const [k, v] of value) {
      describeInto(out, k, articlesByDigest, stack);
      out.push(":");
      describeInto(out, v, articlesByDigest, stack);
      out.push(",");
    }
    out.push("]");
  } else if (value instanceof Set) {
    frozen = false;
    out.push("set[");
    for (const item of value) {
      describeInto(out, item, articlesByDigest, stack);
      out.push(",");
    }
    out.push("]");
  } else if (typeof (value as { toJSON?: unknown }).toJSON === "function") {
    frozen = false;
    describeInto(out, (value as { toJSON: () => unknown }).toJSON(), articlesByDigest, stack);
  } else {
    const record = value as Record<string, unknown>;
    out.push("{");
    for (const key of Object.keys(record).sort()) {
      const v = record[key];
      if (v === undefined) continue;
      out.push(JSON.stringify(key), ":");
      frozen = describeInto(out, v, articlesByDigest, stack) && frozen;
      out.push(",");
    }
    out.push("}");
  }
  stack.delete(value);
  if (frozen) memo.set(value, out.slice(start).join(""));
  return frozen;
}

/** The canonical text of `value` (see describeInto). */
function describe(value: unknown, articlesByDigest: boolean): string {
  const out: string[] = [];
  describeInto(out, value, articlesByDigest, new Set());
  return out.join("");
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
    value = digest(describe(rest, false), body.value, bodyText);
    articleDigests.set(article, value);
  }
  return value;
}

/**
 * Digest of a page's data (a list page, a person, a table): every field, any
 * article in it by its digest (see articleDigest). "" — unknown: render —
 * when the value holds a function, a cycle or anything else it cannot
 * describe. Everything reachable is described: give a page's own inputs,
 * not an object that links to the whole site (a tag with all its articles).
 */
export function stableDigest(...values: readonly unknown[]): string {
  try {
    return digest(...values.map((v) => (v === undefined ? "u" : describe(v, true))));
  } catch {
    return "";
  }
}

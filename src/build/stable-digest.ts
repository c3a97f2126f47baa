/**
 * Digests of values, for incremental builds (src/build/incremental.ts) and
 * the parse cache: a canonical description of a page's inputs (stableDigest)
 * and of an article (articleDigest). Pure and free of file access, so the
 * load workers (src/content/load-worker-task.ts) compute each article's
 * digest where it is parsed, and the parse cache keeps it: a build from the
 * cache no longer digests 10,000 articles' bodies and texts on its main
 * thread (~1.0 s of a one-article build at 10,000 articles, `node
 * --cpu-prof`, load ~13).
 */
import { createHash } from "node:crypto";
import type { Article } from "../content/article.ts";
/** A short hex digest of text parts (SHA-1: collisions need an attacker who controls both sides, and then only make a stale page). */
export function digest(...parts: readonly string[]): string {
  const hash = createHash("sha1");
  for (const part of parts) hash.update(part).update("\0");
  return hash.digest("base64url");
}

/**
 * The value of {@link digest}`(...parts)` (each part
 * followed by "\0"), hashed as one string: a hash's input is the
 * concatenation of its updates, and a "\0" between parts keeps every
 * character's UTF-8 bytes the same. One update instead of two per part:
 * 24,080 person pages give ~700,000 updates at 10,000 articles, 1.0 s of a
 * profiled cold build (`node --cpu-prof`, load ~12–18).
 */
export function joinedDigest(parts: readonly string[]): string {
  return createHash("sha1")
    .update(parts.length === 0 ? "" : `${parts.join("\0")}\0`)
    .digest("base64url");
}

/** Thrown by the describer: the value holds something it cannot describe. */
class NotDescribable extends Error {}

/**
 * Whether `value` is an article: one whose digest is known (every loaded
 * article's is, from the load workers), else by its shape. The known case
 * comes first and touches nothing else: a loaded article's body and text
 * are read from the body store (src/content/body-store.ts) when asked for,
 * and pages' fingerprints meet articles tens of thousands of times.
 */
function isArticle(value: object): value is Article {
  if (articleDigests.has(value as Article)) return true;
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

/** Stands for an absent optional field in a fingerprint written field by field (person pages, award tables): no text of a field is it. */
export const NO_VALUE = "\u0001";

/** The shape of {@link digest}'s output (SHA-1, base64url). */
export const DIGEST_PATTERN = /^[A-Za-z0-9_-]{27}$/;

/** Takes `value` as the digest of `article` (computed by {@link articleDigest} in the load worker that parsed it, and kept in the parse cache). */
export function rememberArticleDigest(article: Article, value: string): void {
  articleDigests.set(article, value);
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

/**
 * The published-URL record: every article URL the site has ever published,
 * with the short code printed in its QR code. Committed to git
 * (`published-urls.json`), so the build can tell when a change would break a
 * link on paper, and so a short code never changes once assigned — whatever
 * happens to the article's title, file name, folder or URL later.
 *
 * An article keeps its entry by keeping every URL the entry lists resolving:
 * as its canonical URL or as one of its `aliases`. A renamed article
 * therefore needs its old URL as an alias, which is what keeps old links
 * working anyway; the build says so when it is missing.
 */
import { z } from "zod";
import type { Article } from "../content/article.ts";
import type { ContentError } from "../content/errors.ts";
import { isShortCode, newShortCode } from "./short-code.ts";

export const LEDGER_FILE = "published-urls.json";

const entrySchema = z.strictObject({
  code: z.string().refine(isShortCode, "must be a short code"),
  /** Every canonical URL the article has had, oldest first. */
  urls: z.array(z.string().regex(/^\//)).min(1),
  /** Title when first published, for people reading diffs. */
  title: z.string().optional(),
  /** Set by an editor when an article is removed on purpose: shown to readers of old links. */
  withdrawn: z.string().min(1).optional(),
});

const ledgerSchema = z.strictObject({
  about: z.string().optional(),
  entries: z.array(entrySchema),
  // Person pages (src/people/person-record.ts checks and plans this list; it only passes through here).
  people: z.array(z.unknown()).optional(),
});

export type LedgerEntry = z.output<typeof entrySchema>;
export interface Ledger {
  readonly entries: readonly LedgerEntry[];
  /** The record's `people` list, unchecked: src/people/person-record.ts owns it. */
  readonly people?: readonly unknown[];
}

const ABOUT = "Every URL this site has published, with the short code printed in its QR code. Updated by `npm run build`; commit it with your content. Never delete entries: to remove an article on purpose, add \"withdrawn\": \"<reason shown to readers>\" to its entry.";

export const EMPTY_LEDGER: Ledger = { entries: [] };

/** Parses the ledger file; errors name the file and what to do. */
export function parseLedger(text: string): { ledger: Ledger } | { errors: ContentError[] } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { errors: [{ file: LEDGER_FILE, message: `is not valid JSON: ${error instanceof Error ? error.message : String(error)}`, fix: "restore it from git (git checkout -- published-urls.json) and build again" }] };
  }
  const parsed = ledgerSchema.safeParse(json);
  if (!parsed.success) {
    return {
      errors: parsed.error.issues.map((issue) => ({
        file: LEDGER_FILE,
        field: issue.path.join("."),
        message: issue.message,
        expected: "entries of { code, urls, title?, withdrawn? }",
        fix: "restore the file from git; edit only the \"withdrawn\" field by hand",
      })),
    };
  }
  const seen = new Set<string>();
  const errors: ContentError[] = [];
  for (const entry of parsed.data.entries) {
    if (seen.has(entry.code)) errors.push({ file: LEDGER_FILE, line: lineOf(text, entry.code), message: `lists the code ${entry.code} twice`, fix: "restore the file from git" });
    seen.add(entry.code);
  }
  return errors.length > 0 ? { errors } : { ledger: { entries: parsed.data.entries, ...(parsed.data.people ? { people: parsed.data.people } : {}) } };
}

/** Stable text form: entries sorted by first URL, so diffs are small and builds reproducible. */
export function serializeLedger(ledger: Ledger): string {
  const entries = [...ledger.entries]
    .sort((a, b) => (a.urls[0]! < b.urls[0]! ? -1 : a.urls[0]! > b.urls[0]! ? 1 : a.code < b.code ? -1 : 1))
    .map((e) => ({ code: e.code, urls: e.urls, ...(e.title ? { title: e.title } : {}), ...(e.withdrawn ? { withdrawn: e.withdrawn } : {}) }));
  return `${JSON.stringify({ about: ABOUT, entries, ...(ledger.people ? { people: ledger.people } : {}) }, null, 2)}\n`;
}

function lineOf(text: string, code: string): number | undefined {
  const at = text.indexOf(`"code": "${code}"`);
  return at < 0 ? undefined : text.slice(0, at).split("\n").length;
}

/** The outcome of matching the articles against the record. */
export interface LinkPlan {
  /** Short codes of each article, its primary (oldest) code first. */
  readonly codesOf: ReadonlyMap<Article, readonly string[]>;
  /** Entries withdrawn on purpose: their URLs and codes lead to an explanation page. */
  readonly withdrawn: readonly LedgerEntry[];
  /** The record after this build (new articles added, moves recorded). */
  readonly ledger: Ledger;
  /** True when the record must be rewritten. */
  readonly changed: boolean;
  /** New articles recorded by this build. */
  readonly added: number;
  /** Articles whose canonical URL changed (the new URL is recorded). */
  readonly moved: number;
  readonly errors: readonly ContentError[];
}

/**
 * Matches articles to the record, assigns codes to new articles and reports
 * every previously published URL that would stop resolving.
 * @param ledgerText the record's text, for line numbers in errors
 */
export function planLinks(articles: readonly Article[], ledger: Ledger, ledgerText = ""): LinkPlan {
  const resolves = new Map<string, Article>();
  for (const a of articles) {
    resolves.set(a.url, a);
    for (const alias of a.aliases) if (!resolves.has(alias)) resolves.set(alias, a);
  }
  const codesOf = new Map<Article, string[]>();
  const withdrawn: LedgerEntry[] = [];
  const errors: ContentError[] = [];
  const entries: LedgerEntry[] = [];
  const lost: LedgerEntry[] = [];
  let moved = 0;

  for (const entry of ledger.entries) {
    if (entry.withdrawn) {
      withdrawn.push(entry);
      entries.push(entry);
      continue;
    }
    const targets = entry.urls.map((url) => resolves.get(url));
    const found = targets.find((t): t is Article => t !== undefined);
    const shortLink = `/q/${entry.code}/`;
    if (!found) {
      lost.push(entry);
      entries.push(entry);
      continue;
    }
    const missing = entry.urls.filter((_, i) => targets[i] === undefined);
    const elsewhere = entry.urls.filter((_, i) => targets[i] !== undefined && targets[i] !== found);
    for (const url of missing) {
      errors.push({
        file: found.sourcePath,
        field: "aliases",
        message: `the previously published URL ${url} (QR code ${shortLink}) would stop resolving`,
        expected: "old URLs of this article listed in aliases",
        fix: `add "${url}" to aliases in ${found.sourcePath}`,
      });
    }
    for (const url of elsewhere) {
      errors.push({
        file: resolves.get(url)!.sourcePath,
        message: `takes the URL ${url}, which was published for another article (${found.sourcePath}, QR code ${shortLink})`,
        expected: "a published URL to keep leading to the same article",
        fix: `remove "${url}" from this article (rename the file or drop the alias)`,
      });
    }
    const codes = codesOf.get(found) ?? [];
    codes.push(entry.code);
    codesOf.set(found, codes);
    if (!entry.urls.includes(found.url)) {
      entries.push({ ...entry, urls: [...entry.urls, found.url] });
      moved++;
    } else entries.push(entry);
  }

  const fresh = articles.filter((a) => !codesOf.has(a)).sort((a, b) => (a.url < b.url ? -1 : 1));
  for (const entry of lost) {
    const last = entry.urls[entry.urls.length - 1]!;
    // A renamed article shows up as a new one; the likeliest candidates share the province and year.
    const prefix = last.split("/").slice(0, 3).join("/");
    const candidates = fresh.filter((a) => a.url.startsWith(`${prefix}/`)).slice(0, 3);
    const aliasLine = `aliases: ["${last}"]`;
    errors.push({
      file: LEDGER_FILE,
      line: lineOf(ledgerText, entry.code),
      message: `the article published at ${last} (QR code /q/${entry.code}/${entry.title ? `, "${entry.title}"` : ""}) no longer exists in content/`,
      expected: "every published URL to keep leading to its article",
      fix: `${candidates.length > 0 ? `if it is now ${candidates.map((c) => c.sourcePath).join(" or ")}, add to its front matter: ${aliasLine}` : `if you renamed or moved the article, add to its front matter: ${aliasLine}`}; if it was removed on purpose, add "withdrawn": "<reason for readers>" to this entry`,
    });
  }
  const taken = new Set(ledger.entries.map((e) => e.code));
  for (const article of fresh) {
    const code = newShortCode(article.url, taken);
    taken.add(code);
    codesOf.set(article, [code]);
    entries.push({ code, urls: [article.url], title: article.title });
  }
  return { codesOf, withdrawn, ledger: { entries }, changed: moved + fresh.length > 0, added: fresh.length, moved, errors };
}

/**
 * `npm run build`: validate all content, generate the site into a fresh
 * folder, and only then replace the output folder. A failed build leaves
 * the previous site untouched and no half-written folder behind.
 *
 *   tsx scripts/build.ts [--out _site] [--root .] [--drafts]
 */
import { parseArgs } from "node:util";
import path from "node:path";
import { buildSite } from "../src/build/build-site.ts";
import { ContentValidationError, formatContentWarnings } from "../src/content/errors.ts";
import { OutputDirError } from "../src/build/output-dir.ts";
import { resolveLanguage, setLanguage } from "../src/messages/index.ts";

const { values } = parseArgs({
  options: {
    out: { type: "string", default: "_site" },
    root: { type: "string" },
    drafts: { type: "boolean", default: false },
    timings: { type: "boolean", default: false },
    "frozen-ledger": { type: "boolean", default: false },
    lang: { type: "string" },
  },
});
setLanguage(resolveLanguage(values.lang));

const started = performance.now();
try {
  const result = await buildSite({
    outDir: path.resolve(values.out),
    ...(values.root ? { rootDir: path.resolve(values.root) } : {}),
    includeDrafts: values.drafts,
    // Drafts are not published, so a draft build must not record their URLs.
    ledger: values["frozen-ledger"] ? "frozen" : values.drafts ? "read-only" : "record",
  });
  if (result.warnings.length > 0) console.warn(`${formatContentWarnings(result.warnings)}\n`);
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  if (values.timings) console.log(Object.entries(result.timings).map(([k, v]) => `${k} ${v} ms`).join(", "));
  if (result.ledgerChanges > 0) console.log(`published-urls.json: ${result.ledgerChanges} new or moved article(s) recorded. Commit this file with your content.`);
  console.log(`Built ${result.articleCount} articles, ${result.fileCount} files into ${path.relative(process.cwd(), result.outDir) || "."} in ${seconds} s`);
} catch (error) {
  if (error instanceof ContentValidationError) {
    console.error(`Build failed: the content has errors. Nothing was published; the previous site is unchanged.\n\n${error.message}`);
  } else if (error instanceof OutputDirError) {
    console.error(error.message);
  } else {
    console.error(`Build failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  }
  process.exitCode = 1;
}

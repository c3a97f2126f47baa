/**
 * Fills the message examples of the editor's guide (docs/huong-dan-bien-tap.md)
 * from the real check (src/check/editor-guide.ts):
 *
 *   npx tsx scripts/editor-guide.ts          # rewrite the examples in place
 *   npx tsx scripts/editor-guide.ts --check  # exit 1 when they are out of date
 *
 * A developer tool: its own output is for developers, in English.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { fillGuide } from "../src/check/editor-guide.ts";

const { values } = parseArgs({ options: { check: { type: "boolean", default: false } } });
const file = path.resolve(import.meta.dirname, "../docs/huong-dan-bien-tap.md");
const current = readFileSync(file, "utf8");
const filled = await fillGuide(current);
if (values.check) {
  if (filled !== current) {
    console.error("docs/huong-dan-bien-tap.md: message examples are out of date; run npx tsx scripts/editor-guide.ts");
    process.exit(1);
  }
} else if (filled !== current) {
  writeFileSync(file, filled);
  console.log("docs/huong-dan-bien-tap.md: examples updated");
}

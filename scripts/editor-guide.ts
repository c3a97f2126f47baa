/**
 * Fills the message examples of the editor's guide (docs/huong-dan-bien-tap.md)
 * from the real check (src/check/editor-guide.ts):
 *
 *   npx tsx scripts/editor-guide.ts          # rewrite the examples in place
 *   npx tsx scripts/editor-guide.ts --check  # exit 1 when they are out of date
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fillGuide } from "../src/check/editor-guide.ts";
import { defineCommand, runCommandLine } from "../src/cli/command-line.ts";
import { t } from "../src/messages/index.ts";

const values = runCommandLine(
  defineCommand({
    invocation: "npx tsx scripts/editor-guide.ts",
    summary: "check.command.editorGuide",
    options: { check: { type: "boolean", help: "check.option.guideCheck" } },
  }),
);
const shown = "docs/huong-dan-bien-tap.md";
const file = path.resolve(import.meta.dirname, "../docs/huong-dan-bien-tap.md");
const current = readFileSync(file, "utf8");
const filled = await fillGuide(current);
if (values.check) {
  if (filled !== current) {
    console.error(t("check.guide.outdated", { file: shown }));
    process.exit(1);
  }
} else if (filled !== current) {
  writeFileSync(file, filled);
  console.log(t("check.guide.updated", { file: shown }));
}

/**
 * CI's commit-back after a deploy: adds what the deploying build recorded
 * (`--from FILE`, the published-urls.json it wrote) to the published-urls.json
 * of the checkout (the main branch as it is now, which may have moved on
 * since the deployed commit: a newer push, an editor's "withdrawn"). Nothing
 * on main is removed or changed; only new entries and new URLs are added.
 * Writes the file only when something was added.
 *
 *   npx tsx scripts/merge-published-urls.ts --from "$RUNNER_TEMP/deployed/published-urls.json" [--root .]
 */
import path from "node:path";
import { defineCommand, exitWithErrors, runCommandLine } from "../src/cli/command-line.ts";
import { ContentValidationError } from "../src/content/errors.ts";
import { mergeLedgers } from "../src/links/ledger.ts";
import { readLedger, readLedgerFile, writeLedger } from "../src/links/ledger-file.ts";
import { getLanguage, t } from "../src/messages/index.ts";
import { LEDGER_FILE } from "../src/links/ledger.ts";
import { mergePersonRecords, parsePersonRecord, serializePersonRecord, type PersonRecord } from "../src/people/person-record.ts";

/** The checked `people` list of a record, or the errors that stop the merge. */
function personRecordOf(raw: readonly unknown[] | undefined, text: string): PersonRecord {
  const parsed = parsePersonRecord(raw, LEDGER_FILE, text);
  if ("errors" in parsed) throw new ContentValidationError(parsed.errors);
  return parsed.record;
}

const args = runCommandLine(
  defineCommand({
    invocation: "npx tsx scripts/merge-published-urls.ts",
    summary: "cli.command.mergePublishedUrls",
    options: {
      from: { type: "string", value: "file", required: true, example: "deployed/published-urls.json", help: "cli.option.from" },
      root: { type: "string", value: "dir", default: ".", help: "cli.option.mergeRoot" },
    },
  }),
);

try {
  // The deployed record is read with the same checks as the project's: a regular file, bounded, valid.
  const deployed = readLedgerFile(path.resolve(args.from), { missing: "error" }).ledger;
  const root = path.resolve(args.root);
  const current = readLedger(root);
  const merge = mergeLedgers(current.ledger, deployed, getLanguage());
  for (const note of merge.notes) console.log(note);
  // The record's `people` list (person pages, src/people/person-record.ts) is merged the same way.
  const people = mergePersonRecords(personRecordOf(current.ledger.people, current.text), personRecordOf(deployed.people, ""));
  if (merge.added + merge.extended + people.added + people.extended > 0) writeLedger(root, { ...merge.ledger, people: serializePersonRecord(people.record) });
  console.log(t("ledger.merged", { added: merge.added + people.added, extended: merge.extended + people.extended }));
} catch (error) {
  if (error instanceof ContentValidationError) exitWithErrors(error.errors);
  throw error;
}

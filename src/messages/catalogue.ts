/**
 * The one catalogue of messages an editor can see: validation errors and
 * warnings, command output, the preview's banner. Each area keeps its
 * messages in its own file under areas/ (so unrelated changes do not edit
 * the same lines); this module joins them, and the type system and
 * test/messages.test.ts make sure every message exists in both languages.
 *
 * Reader-facing site text is not here: it lives in src/ui-strings.ts.
 */
import { CHECK_MESSAGES } from "./areas/check.ts";
import { CONTENT_MESSAGES } from "./areas/content.ts";
import { CLI_MESSAGES } from "./areas/cli.ts";
import { CONTENT_FIELD_MESSAGES } from "./areas/content-fields.ts";
import { CMS_MESSAGES } from "./areas/cms.ts";
import { BENCH_MESSAGES } from "./areas/bench.ts";
import { GENERAL_MESSAGES } from "./areas/general.ts";
import { IMPORT_MESSAGES } from "./areas/import.ts";
import { LEDGER_MESSAGES } from "./areas/ledger.ts";
import { NEW_MESSAGES } from "./areas/new.ts";
import { OUTPUT_MESSAGES } from "./areas/output.ts";
import { OUTPUT_DIR_MESSAGES } from "./areas/output-dir.ts";
import { PREVIEW_MESSAGES } from "./areas/preview.ts";
import { MEDIA_MESSAGES } from "./areas/media.ts";
import { PEOPLE_MESSAGES } from "./areas/people.ts";
import { READERS_MESSAGES } from "./areas/readers.ts";
import { WORKERS_MESSAGES } from "./areas/workers.ts";
import { SEARCH_MESSAGES } from "./areas/search.ts";
import type { MessageDef, Params } from "./define.ts";

export const CATALOGUE = {
  ...GENERAL_MESSAGES,
  ...OUTPUT_MESSAGES,
  ...CONTENT_MESSAGES,
  ...CONTENT_FIELD_MESSAGES,
  ...IMPORT_MESSAGES,
  ...NEW_MESSAGES,
  ...OUTPUT_MESSAGES,
  ...OUTPUT_DIR_MESSAGES,
  ...PREVIEW_MESSAGES,
  ...MEDIA_MESSAGES,
  ...PEOPLE_MESSAGES,
  ...CLI_MESSAGES,
  ...LEDGER_MESSAGES,
  ...CMS_MESSAGES,
  ...READERS_MESSAGES,
  ...BENCH_MESSAGES,
  ...WORKERS_MESSAGES,
  ...CHECK_MESSAGES,
  ...SEARCH_MESSAGES,
} as const;

export type MessageKey = keyof typeof CATALOGUE;

/** The parameters message `K` takes. */
export type ParamsOf<K extends MessageKey> = (typeof CATALOGUE)[K] extends MessageDef<infer P> ? P : never;

/** Every entry, for tests and documentation. */
export function catalogueEntries(): [MessageKey, MessageDef<Params>][] {
  return Object.entries(CATALOGUE) as [MessageKey, MessageDef<Params>][];
}

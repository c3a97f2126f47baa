/**
 * The producers `npm run check` plans the site with: the build's own list
 * (src/plan/site-outputs.ts), except producers whose files cannot take part
 * in any error, which keep their reservations and declare nothing.
 *
 * Why: declaring the open-data files builds every dataset (all articles,
 * people and awards serialised as JSON, split by size) to learn the files'
 * names — measured at 10,000 articles, 2.5 s of a warm check's ~6 s of CPU,
 * for no error a check can report.
 *
 * Why the errors stay exactly the build's: a producer listed here declares
 * only files of the site itself (no content file behind them), all inside
 * folders it reserves for itself alone (no other producer allowed in). In
 * planOutputs, a claim by any other producer inside a reserved folder is
 * refused by the reservation before it is compared with the files already
 * claimed, so whether those files were declared changes nothing; and a
 * conflict among the producer's own files is a producer bug, thrown by the
 * build's planning of the same site, never a content error. The check's
 * tests hold every producer listed here to that rule on a full site
 * (test/check.test.ts).
 */
import { openDataFiles } from "../open-data/open-data-producers.ts";
import type { Producer } from "../plan/output-plan.ts";
import { SITE_PRODUCERS } from "../plan/site-outputs.ts";
import type { SiteData } from "../site-data.ts";

/** Producers whose declarations the check skips (see the header for the rule they follow). */
export const RESERVATION_ONLY: readonly Producer<SiteData>[] = [openDataFiles];

/** `producer` with its reservations and no declarations. */
function reservationOnly(producer: Producer<SiteData>): Producer<SiteData> {
  return { name: producer.name, renderer: "direct", ...(producer.reserves ? { reserves: producer.reserves } : {}), declare: () => [] };
}

/** The build's producers, as the check plans with them. */
export const CHECK_PRODUCERS: readonly Producer<SiteData>[] = SITE_PRODUCERS.map((p) => (RESERVATION_ONLY.includes(p) ? reservationOnly(p) : p));

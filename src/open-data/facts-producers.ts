/** Every producer of people, awards and open data, for the site's list (src/plan/site-outputs.ts). */
import { awardCsvStep, awardTablePages, awardYearPages, awardsIndexPage } from "../awards/award-pages.ts";
import { peopleDirectoryPage, peopleLinksStep, personPages } from "../people/people-pages.ts";
import type { Producer } from "../plan/output-plan.ts";
import type { SiteData } from "../site-data.ts";
import { openDataFiles, openDataPage } from "./open-data-producers.ts";

export const FACTS_PRODUCERS: readonly Producer<SiteData>[] = [personPages, peopleDirectoryPage, peopleLinksStep, awardTablePages, awardYearPages, awardsIndexPage, awardCsvStep, openDataPage, openDataFiles];

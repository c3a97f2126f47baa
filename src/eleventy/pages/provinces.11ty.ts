/** The province directory. */
import { renderProvinceDirectory } from "../../../layouts/province-directory.ts";
import type { SiteData } from "../site-data.ts";

export const data = { permalink: "/tinh-thanh/", eleventyExcludeFromCollections: true };

export function render(d: { readonly site: SiteData }): string {
  return renderProvinceDirectory(d.site.layout, d.site.model);
}

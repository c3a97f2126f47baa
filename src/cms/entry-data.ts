/**
 * What the editor's form holds, turned into what an article file holds.
 *
 * Decap keeps a field the editor typed into and then emptied as "" (and a
 * removed image as "", a list with no items as [], a cleared number as ""),
 * and writes them to the file as `agency: ""`. The loader reads an empty
 * optional field as "must not be empty": an article saved from the editor
 * would fail the build. So before saving, empty values are removed, the
 * way an editor who writes YAML by hand leaves the line out. Pure, so the
 * admin (preSave) and the tests use the same function.
 */

/** A value with everything empty removed, or undefined when nothing is left. */
export function withoutEmpty(value: unknown): unknown {
  if (value === null || value === undefined) return undefined;
  if (typeof value === "string") return value.trim() === "" ? undefined : value;
  if (typeof value === "number") return Number.isNaN(value) ? undefined : value;
  if (Array.isArray(value)) {
    const items = value.map(withoutEmpty).filter((item) => item !== undefined);
    return items.length > 0 ? items : undefined;
  }
  if (typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    const entries = Object.entries(value).map(([k, v]) => [k, withoutEmpty(v)] as const).filter(([, v]) => v !== undefined);
    return entries.length > 0 ? Object.fromEntries(entries) : undefined;
  }
  return value;
}

/** The entry's fields with empty values removed (the body, "body", included). */
export function cleanEntryData(data: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const cleaned = withoutEmpty(data);
  return cleaned && typeof cleaned === "object" && !Array.isArray(cleaned) ? (cleaned as Record<string, unknown>) : {};
}

/** The file an entry is saved as, for one Decap has not named yet (a new article): the same convention (content/<province>/<date>-<slug>.md). */
export function previewPath(data: Readonly<Record<string, unknown>>, slug: (text: string) => string): string {
  const province = typeof data["province"] === "string" ? data["province"] : "tinh";
  const day = typeof data["date"] === "string" ? data["date"].slice(0, 10) : "0000-00-00";
  const name = slug(typeof data["title"] === "string" ? data["title"] : "") || "bai-moi";
  return `content/${province}/${day}-${name}.md`;
}

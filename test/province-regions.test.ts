/** The directory's regions (src/province-regions.ts) cover each of the 34 current units exactly once. */
import { describe, expect, it } from "vitest";
import { PROVINCE_REGIONS } from "../src/province-regions.ts";
import { CURRENT_PROVINCES } from "../src/provinces.ts";

describe("PROVINCE_REGIONS", () => {
  it("six regions, every current unit in exactly one, no former or unknown id", () => {
    expect(PROVINCE_REGIONS).toHaveLength(6);
    const listed = PROVINCE_REGIONS.flatMap((r) => r.units);
    expect(listed).toHaveLength(34);
    expect([...listed].sort()).toEqual(CURRENT_PROVINCES.map((p) => p.id).sort());
    for (const region of PROVINCE_REGIONS) expect(region.id).toMatch(/^[a-z]+(-[a-z]+)*$/);
  });
});

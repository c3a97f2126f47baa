import { describe, it, expect } from "vitest";
import {
  CURRENT_PROVINCES,
  PROVINCES,
  PROVINCES_63,
  UnknownProvinceError,
  currentUnitOf,
  formerUnitsOf,
  getProvince,
  isProvinceId,
  listingProvinceIds,
  provinceFullName,
  provinceLabel,
  suggestProvinceIds,
  type ProvinceUnit,
} from "../src/provinces.ts";
import { slugify } from "../src/slug.ts";

/** Resolution 202/2025/QH15: surviving unit ← absorbed units (names as in the Resolution). */
const MERGERS: ReadonlyArray<readonly [string, readonly string[]]> = [
  ["Tuyên Quang", ["Hà Giang"]],
  ["Lào Cai", ["Yên Bái"]],
  ["Thái Nguyên", ["Bắc Kạn"]],
  ["Phú Thọ", ["Vĩnh Phúc", "Hòa Bình"]],
  ["Bắc Ninh", ["Bắc Giang"]],
  ["Hưng Yên", ["Thái Bình"]],
  ["Ninh Bình", ["Hà Nam", "Nam Định"]],
  ["Quảng Trị", ["Quảng Bình"]],
  ["Quảng Ngãi", ["Kon Tum"]],
  ["Gia Lai", ["Bình Định"]],
  ["Khánh Hòa", ["Ninh Thuận"]],
  ["Lâm Đồng", ["Đắk Nông", "Bình Thuận"]],
  ["Đắk Lắk", ["Phú Yên"]],
  ["Đồng Nai", ["Bình Phước"]],
  ["Tây Ninh", ["Long An"]],
  ["Vĩnh Long", ["Bến Tre", "Trà Vinh"]],
  ["Đồng Tháp", ["Tiền Giang"]],
  ["Cà Mau", ["Bạc Liêu"]],
  ["An Giang", ["Kiên Giang"]],
  ["Hải Phòng", ["Hải Dương"]],
  ["Đà Nẵng", ["Quảng Nam"]],
  ["Hồ Chí Minh", ["Bình Dương", "Bà Rịa – Vũng Tàu"]],
  ["Cần Thơ", ["Sóc Trăng", "Hậu Giang"]],
];

const UNCHANGED = [
  "Hà Nội",
  "Huế",
  "Lai Châu",
  "Điện Biên",
  "Sơn La",
  "Lạng Sơn",
  "Quảng Ninh",
  "Thanh Hóa",
  "Nghệ An",
  "Hà Tĩnh",
  "Cao Bằng",
];

const CITIES_34 = ["Hà Nội", "Huế", "Hải Phòng", "Đà Nẵng", "Hồ Chí Minh", "Cần Thơ"];

const ABSORBED_CASES = MERGERS.flatMap(([survivor, absorbed]) =>
  absorbed.map((name) => ({ name, survivor })),
);

function byName(name: string): ProvinceUnit {
  const unit = PROVINCES.find((u) => u.name === name);
  if (!unit) throw new Error(`no unit named ${name}`);
  return unit;
}

describe("registry counts", () => {
  it("has exactly 63 units on 2025-06-30: 57 tỉnh + 6 thành phố", () => {
    const in63 = PROVINCES.filter((u) => u.in63);
    expect(in63).toHaveLength(63);
    expect(PROVINCES_63).toEqual(in63);
    expect(in63.filter((u) => u.kind === "tinh")).toHaveLength(57);
    expect(in63.filter((u) => u.kind === "thanh-pho").map((u) => u.name).sort()).toEqual(
      [...CITIES_34].sort(),
    );
  });

  it("has exactly 34 current units: 28 tỉnh + 6 thành phố", () => {
    const current = PROVINCES.filter((u) => u.current);
    expect(current).toHaveLength(34);
    expect(CURRENT_PROVINCES).toEqual(current);
    expect(current.filter((u) => u.kind === "tinh")).toHaveLength(28);
    expect(current.filter((u) => u.kind === "thanh-pho").map((u) => u.name).sort()).toEqual(
      [...CITIES_34].sort(),
    );
  });

  it("every current unit existed among the 63", () => {
    for (const unit of CURRENT_PROVINCES) expect(unit.in63, unit.id).toBe(true);
  });

  it("has 64 units in all: the 63 plus Thừa Thiên Huế", () => {
    expect(PROVINCES).toHaveLength(64);
    expect(PROVINCES.filter((u) => !u.in63).map((u) => u.id)).toEqual(["thua-thien-hue"]);
  });

  it("the merger table accounts for 23 survivors + 29 absorbed + 11 unchanged = 63", () => {
    expect(MERGERS).toHaveLength(23);
    expect(ABSORBED_CASES).toHaveLength(29);
    const names = new Set([...UNCHANGED, ...MERGERS.map(([s]) => s), ...ABSORBED_CASES.map((c) => c.name)]);
    expect(names.size).toBe(63);
    expect([...names].sort()).toEqual(PROVINCES_63.map((u) => u.name).sort());
  });
});

describe("names and ids", () => {
  it("all names are NFC", () => {
    for (const unit of PROVINCES) expect(unit.name, unit.id).toBe(unit.name.normalize("NFC"));
  });

  it("ids are unique and equal slugify(name)", () => {
    expect(new Set(PROVINCES.map((u) => u.id)).size).toBe(PROVINCES.length);
    for (const unit of PROVINCES) expect(unit.id).toBe(slugify(unit.name));
  });

  it("uses the expected ids for tricky names", () => {
    for (const id of [
      "dak-lak",
      "dak-nong",
      "ba-ria-vung-tau",
      "ho-chi-minh",
      "thua-thien-hue",
      "hue",
      "ha-tinh",
      "hai-phong",
      "binh-duong",
      "hoa-binh",
      "thanh-hoa",
      "khanh-hoa",
      "bac-kan",
    ]) {
      expect(isProvinceId(id), id).toBe(true);
    }
    expect(getProvince("ba-ria-vung-tau")?.name).toBe("Bà Rịa – Vũng Tàu");
    expect(getProvince("hoa-binh")?.name).toBe("Hòa Bình");
    expect(getProvince("thanh-hoa")?.name).toBe("Thanh Hóa");
    expect(getProvince("khanh-hoa")?.name).toBe("Khánh Hòa");
  });

  it("is sorted by Vietnamese collation of name", () => {
    const collator = new Intl.Collator("vi");
    const names = PROVINCES.map((u) => u.name);
    expect(names).toEqual([...names].sort(collator.compare));
    // Đ is a separate letter after D, not a variant of it.
    expect(names.slice(12, 16)).toEqual(["Cao Bằng", "Cần Thơ", "Đà Nẵng", "Đắk Lắk"]);
    expect(names[0]).toBe("An Giang");
    expect(names[names.length - 1]).toBe("Yên Bái");
  });

  it("exports frozen data", () => {
    expect(Object.isFrozen(PROVINCES)).toBe(true);
    expect(Object.isFrozen(CURRENT_PROVINCES)).toBe(true);
    expect(Object.isFrozen(PROVINCES[0])).toBe(true);
  });
});

describe("successors", () => {
  it.each(ABSORBED_CASES)("$name was merged into $survivor on 2025-07-01", ({ name, survivor }) => {
    const unit = byName(name);
    const target = byName(survivor);
    expect(unit.in63).toBe(true);
    expect(unit.current).toBe(false);
    expect(unit.kind).toBe("tinh");
    expect(unit.successor).toBe(target.id);
    expect(unit.successorSince).toBe("2025-07-01");
    expect(unit.change).toBe("merged");
    expect(target.current).toBe(true);
    expect(currentUnitOf(unit.id)).toBe(target);
  });

  it.each([...UNCHANGED, ...MERGERS.map(([s]) => s)])("%s is current with no successor", (name) => {
    const unit = byName(name);
    expect(unit.current).toBe(true);
    expect(unit.in63).toBe(true);
    expect(unit.successor).toBeUndefined();
    expect(unit.successorSince).toBeUndefined();
    expect(unit.change).toBeUndefined();
  });

  it("Thừa Thiên Huế was renamed to Huế on 2025-01-01", () => {
    const tth = getProvince("thua-thien-hue");
    expect(tth).toMatchObject({
      name: "Thừa Thiên Huế",
      kind: "tinh",
      current: false,
      in63: false,
      successor: "hue",
      successorSince: "2025-01-01",
      change: "renamed",
    });
    expect(getProvince("hue")).toMatchObject({ name: "Huế", kind: "thanh-pho", current: true, in63: true });
  });
});

describe("currentUnitOf", () => {
  it("follows successor links", () => {
    expect(currentUnitOf("thua-thien-hue").id).toBe("hue");
    expect(currentUnitOf("binh-duong").id).toBe("ho-chi-minh");
    expect(currentUnitOf("ba-ria-vung-tau").id).toBe("ho-chi-minh");
    expect(currentUnitOf("hau-giang").id).toBe("can-tho");
    expect(currentUnitOf("dak-nong").id).toBe("lam-dong");
  });

  it("returns a current unit unchanged", () => {
    expect(currentUnitOf("gia-lai")).toBe(getProvince("gia-lai"));
    expect(currentUnitOf("hue")).toBe(getProvince("hue"));
  });

  it("maps every unit to one of the 34", () => {
    for (const unit of PROVINCES) expect(currentUnitOf(unit.id).current, unit.id).toBe(true);
  });

  it("throws on an unknown id, with suggestions", () => {
    expect(() => currentUnitOf("gia-lia")).toThrow(UnknownProvinceError);
    expect(() => currentUnitOf("gia-lia")).toThrow(/Did you mean: gia-lai\?/);
    expect(() => currentUnitOf("")).toThrow(UnknownProvinceError);
  });
});

describe("formerUnitsOf", () => {
  const ids = (units: readonly ProvinceUnit[]) => units.map((u) => u.id);

  it("lists former units sorted by name", () => {
    expect(ids(formerUnitsOf("hue"))).toEqual(["thua-thien-hue"]);
    expect(ids(formerUnitsOf("gia-lai"))).toEqual(["binh-dinh"]);
    expect(ids(formerUnitsOf("ho-chi-minh"))).toEqual(["ba-ria-vung-tau", "binh-duong"]);
    expect(ids(formerUnitsOf("can-tho"))).toEqual(["hau-giang", "soc-trang"]);
    expect(ids(formerUnitsOf("lam-dong"))).toEqual(["binh-thuan", "dak-nong"]);
    expect(ids(formerUnitsOf("phu-tho"))).toEqual(["hoa-binh", "vinh-phuc"]);
    expect(ids(formerUnitsOf("ninh-binh"))).toEqual(["ha-nam", "nam-dinh"]);
  });

  it("is empty for unchanged, former and unknown ids", () => {
    expect(formerUnitsOf("ha-noi")).toEqual([]);
    expect(formerUnitsOf("binh-dinh")).toEqual([]);
    expect(formerUnitsOf("nowhere")).toEqual([]);
  });

  it("covers every former unit exactly once", () => {
    const all = CURRENT_PROVINCES.flatMap((u) => ids(formerUnitsOf(u.id)));
    expect(all).toHaveLength(30);
    expect(new Set(all).size).toBe(30);
  });
});

describe("provinceFullName and provinceLabel", () => {
  const unit = (id: string): ProvinceUnit => {
    const u = getProvince(id);
    if (!u) throw new Error(id);
    return u;
  };

  it("builds official full names", () => {
    expect(provinceFullName(unit("gia-lai"))).toBe("Tỉnh Gia Lai");
    expect(provinceFullName(unit("hai-phong"))).toBe("Thành phố Hải Phòng");
    expect(provinceFullName(unit("ho-chi-minh"))).toBe("Thành phố Hồ Chí Minh");
    expect(provinceFullName(unit("hue"))).toBe("Thành phố Huế");
    expect(provinceFullName(unit("thua-thien-hue"))).toBe("Tỉnh Thừa Thiên Huế");
    expect(provinceFullName(unit("ba-ria-vung-tau"))).toBe("Tỉnh Bà Rịa – Vũng Tàu");
  });

  it("labels current, merged and renamed units", () => {
    expect(provinceLabel(unit("gia-lai"))).toBe("Gia Lai");
    expect(provinceLabel(unit("binh-dinh"))).toBe("Bình Định, nay thuộc Gia Lai");
    expect(provinceLabel(unit("thua-thien-hue"))).toBe("Thừa Thiên Huế, nay là Huế");
    expect(provinceLabel(unit("ba-ria-vung-tau"))).toBe("Bà Rịa – Vũng Tàu, nay thuộc Hồ Chí Minh");
    expect(provinceLabel(unit("quang-nam"))).toBe("Quảng Nam, nay thuộc Đà Nẵng");
  });

  it("labels unit objects that are not from the registry", () => {
    expect(provinceLabel({ ...unit("binh-dinh") })).toBe("Bình Định, nay thuộc Gia Lai");
    expect(provinceLabel({ ...unit("gia-lai") })).toBe("Gia Lai");
  });

  it("labels are NFC", () => {
    for (const u of PROVINCES) expect(provinceLabel(u)).toBe(provinceLabel(u).normalize("NFC"));
  });
});

describe("suggestProvinceIds", () => {
  it("corrects typos by edit distance", () => {
    expect(suggestProvinceIds("gia-lia")[0]).toBe("gia-lai");
    expect(suggestProvinceIds("dak-lac")[0]).toBe("dak-lak");
    expect(suggestProvinceIds("ha-tin")[0]).toBe("ha-tinh");
    expect(suggestProvinceIds("bac-can")[0]).toBe("bac-kan");
    expect(suggestProvinceIds("quang-nag")[0]).toBe("quang-nam");
  });

  it("matches names, hyphen-less forms and prefixes exactly", () => {
    expect(suggestProvinceIds("Gia Lai")).toEqual(["gia-lai"]);
    expect(suggestProvinceIds("gialai")).toEqual(["gia-lai"]);
    expect(suggestProvinceIds("Hồ Chí Minh")).toEqual(["ho-chi-minh"]);
    expect(suggestProvinceIds("Thành phố Hồ Chí Minh")).toEqual(["ho-chi-minh"]);
    expect(suggestProvinceIds("tp-ho-chi-minh")).toEqual(["ho-chi-minh"]);
    expect(suggestProvinceIds("Tỉnh Đắk Lắk")).toEqual(["dak-lak"]);
    expect(suggestProvinceIds("Bà Rịa - Vũng Tàu")).toEqual(["ba-ria-vung-tau"]);
    // Decomposed (NFD) input works too.
    expect(suggestProvinceIds("Thừa Thiên Huế".normalize("NFD"))).toEqual(["thua-thien-hue"]);
  });

  it("knows common aliases", () => {
    expect(suggestProvinceIds("hcm")).toEqual(["ho-chi-minh"]);
    expect(suggestProvinceIds("TP.HCM")).toEqual(["ho-chi-minh"]);
    expect(suggestProvinceIds("TPHCM")).toEqual(["ho-chi-minh"]);
    expect(suggestProvinceIds("Sài Gòn")).toEqual(["ho-chi-minh"]);
  });

  it("falls back to id prefixes", () => {
    // Shortest completions first.
    expect(suggestProvinceIds("quang")).toEqual(["quang-nam", "quang-tri", "quang-binh"]);
    expect(suggestProvinceIds("dak")).toEqual(["dak-lak", "dak-nong"]);
  });

  it("returns at most 3 known ids, and nothing for garbage", () => {
    for (const input of ["quang", "binh", "ha-n", "xyz", "dak"]) {
      const out = suggestProvinceIds(input);
      expect(out.length).toBeLessThanOrEqual(3);
      for (const id of out) expect(isProvinceId(id)).toBe(true);
    }
    expect(suggestProvinceIds("")).toEqual([]);
    expect(suggestProvinceIds("!!!")).toEqual([]);
    expect(suggestProvinceIds("completely-unrelated-text")).toEqual([]);
  });
});

describe("listingProvinceIds", () => {
  it("lists a unit under itself and every successor", () => {
    expect(listingProvinceIds("gia-lai")).toEqual(["gia-lai"]);
    expect(listingProvinceIds("binh-dinh")).toEqual(["binh-dinh", "gia-lai"]);
    expect(listingProvinceIds("thua-thien-hue")).toEqual(["thua-thien-hue", "hue"]);
    expect(listingProvinceIds("binh-duong")).toEqual(["binh-duong", "ho-chi-minh"]);
  });

  it("returns the same frozen array on every call", () => {
    expect(listingProvinceIds("binh-dinh")).toBe(listingProvinceIds("binh-dinh"));
    expect(Object.isFrozen(listingProvinceIds("binh-dinh"))).toBe(true);
  });

  it("throws on an unknown id", () => {
    expect(() => listingProvinceIds("binh-dihn")).toThrow(/Did you mean: binh-dinh/);
  });

  it("ends every listing with a current unit", () => {
    for (const unit of PROVINCES) {
      const ids = listingProvinceIds(unit.id);
      expect(ids[0]).toBe(unit.id);
      expect(getProvince(ids[ids.length - 1] ?? "")?.current).toBe(true);
    }
  });
});

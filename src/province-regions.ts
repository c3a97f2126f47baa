/**
 * The six socio-economic regions of the national master plan (Resolution
 * 81/2023/QH15), applied to the 34 provincial units in force since
 * 1 July 2025: how the province directory groups its units. Former units
 * appear under their current unit, so only current ids are listed here; a
 * test checks that every current unit is in exactly one region.
 */

export interface ProvinceRegion {
  /** Kebab-case, used as a fragment id on the directory page ("#tay-nguyen"). */
  readonly id: string;
  /** Vietnamese name as a heading shows it. */
  readonly name: string;
  /** Current unit ids, north to south as the master plan lists them. */
  readonly units: readonly string[];
}

export const PROVINCE_REGIONS: readonly ProvinceRegion[] = Object.freeze([
  { id: "trung-du-mien-nui-phia-bac", name: "Trung du và miền núi phía Bắc", units: ["lai-chau", "dien-bien", "son-la", "lao-cai", "tuyen-quang", "cao-bang", "lang-son", "thai-nguyen", "phu-tho"] },
  { id: "dong-bang-song-hong", name: "Đồng bằng sông Hồng", units: ["ha-noi", "hai-phong", "quang-ninh", "bac-ninh", "hung-yen", "ninh-binh"] },
  { id: "bac-trung-bo-duyen-hai-mien-trung", name: "Bắc Trung Bộ và duyên hải miền Trung", units: ["thanh-hoa", "nghe-an", "ha-tinh", "quang-tri", "hue", "da-nang", "quang-ngai", "khanh-hoa"] },
  { id: "tay-nguyen", name: "Tây Nguyên", units: ["gia-lai", "dak-lak", "lam-dong"] },
  { id: "dong-nam-bo", name: "Đông Nam Bộ", units: ["ho-chi-minh", "dong-nai", "tay-ninh"] },
  { id: "dong-bang-song-cuu-long", name: "Đồng bằng sông Cửu Long", units: ["can-tho", "vinh-long", "dong-thap", "an-giang", "ca-mau"] },
]);

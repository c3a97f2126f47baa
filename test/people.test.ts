/**
 * People: who is who (normal names, provinces, pinned ids), Vietnamese name
 * order, role history, permanent addresses from the published-URL record,
 * and the directory's filter script.
 */
import path from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import type { Article } from "../src/content/article.ts";
import { compareNewestFirst } from "../src/content/article.ts";
import { buildPeopleIndex } from "../src/people/identity.ts";
import { compareVietnameseNames, normaliseName } from "../src/people/names.ts";
import { digest, joinedDigest } from "../src/build/stable-digest.ts";
import { MENTION_FINGERPRINT_FIELDS, PERSON_FINGERPRINT_FIELDS, personFingerprint } from "../src/people/people-pages.ts";
import { buildPeopleSite } from "../src/people/people-site.ts";
import { renderPersonPage } from "../layouts/person-page.ts";
import { siteConfigFromEnv } from "../src/site-config.ts";
import { EMPTY_PERSON_RECORD, mergePersonRecords, parsePersonRecord, planPersonUrls, serializePersonRecord, type PersonRecord } from "../src/people/person-record.ts";
import { foldVietnamese } from "../src/search/fold.ts";
import { mdFile, parseErrors, parseOk } from "./helpers.ts";

let n = 0;
/** An article in `province` on `date` naming `officials` (YAML list items). */
function article(province: string, date: string, officials: string): Article {
  return parseOk(mdFile(`title: Hội nghị ${n}\ndate: ${date}\nprovince: ${province}\nofficials:\n${officials}`), `content/${province}/${date}-hoi-nghi-${n++}.md`);
}

const official = (name: string, extra = ""): string => `  - name: "${name}"${extra}`;
const newestFirst = (...articles: Article[]): Article[] => [...articles].sort(compareNewestFirst);

describe("names", () => {
  it("are one name whatever the Unicode form, spacing, case, honorific or title written inside", () => {
    const forms = ["Nguyễn Dũng", "Nguyễn Dũng".normalize("NFD"), "  Nguyễn\u00A0 Dũng ", "NGUYỄN DŨNG", "Ông Nguyễn Dũng", "ông  Nguyễn Dũng", "Đồng chí Nguyễn Dũng", "Đ/c Nguyễn Dũng", "TS. Nguyễn Dũng", "PGS.TS Nguyễn Dũng", "Nguyễn\u200B Dũng,"];
    const keys = new Set(forms.map((f) => normaliseName(f).key));
    expect([...keys]).toEqual(["nguyễn dũng"]);
    expect(normaliseName("Ông Nguyễn Dũng")).toEqual({ display: "Nguyễn Dũng", key: "nguyễn dũng", honorific: "Ông" });
    expect(normaliseName("Bà Trần Thị Bích Thủy".normalize("NFD")).display).toBe("Trần Thị Bích Thủy");
  });

  it("keeps a word that only starts like an honorific, and never strips a name to one word", () => {
    expect(normaliseName("Bàng Văn Bá").display).toBe("Bàng Văn Bá");
    expect(normaliseName("Ông Minh").display).toBe("Ông Minh");
    expect(normaliseName("Tsering Dorje").display).toBe("Tsering Dorje");
  });

  it("Node's ICU has Vietnamese collation (a < ă < â, d < đ, o < ô < ơ, u < ư), unlike the root order", () => {
    expect(new Intl.Collator("vi").resolvedOptions().locale).toBe("vi");
    expect(["Âm", "Ăn", "Az", "Đa", "Dz", "Ơa", "Ôz", "Ưa", "Uz"].sort(new Intl.Collator("vi").compare)).toEqual(["Az", "Ăn", "Âm", "Dz", "Đa", "Ôz", "Ơa", "Uz", "Ưa"]);
    expect(["Âm", "Ăn", "Az"].sort(new Intl.Collator("en").compare)).not.toEqual(["Az", "Ăn", "Âm"]);
  });

  it("sort by given name, then family name, then middle names, the Vietnamese way", () => {
    const names = ["Trần Thị Bích Thủy", "Nguyễn Văn An", "Đặng Minh Hưng", "Lê Hưng", "Nguyễn Đức", "Nguyễn Dũng", "Ngô An", "Nguyễn Thị An", "Phan Ăn"];
    expect([...names].sort(compareVietnameseNames)).toEqual(["Ngô An", "Nguyễn Thị An", "Nguyễn Văn An", "Phan Ăn", "Nguyễn Dũng", "Nguyễn Đức", "Đặng Minh Hưng", "Lê Hưng", "Trần Thị Bích Thủy"]);
  });
});

describe("identity", () => {
  it("joins the same name in the same province written in different forms into one person", () => {
    const articles = newestFirst(
      article("gia-lai", "2016-11-29", official("Nguyễn Dũng", "\n    honorific: Ông\n    role: Phó Giám đốc")),
      article("gia-lai", "2019-01-10", official("Ông Nguyễn Dũng".normalize("NFD"), "\n    role: Giám đốc")),
      article("gia-lai", "2018-01-10", official("nguyễn  dũng")),
    );
    const { persons, errors } = buildPeopleIndex(articles);
    expect(errors).toEqual([]);
    expect(persons).toHaveLength(1);
    expect(persons[0]).toMatchObject({ name: "Nguyễn Dũng", honorific: "Ông", keys: ["gia-lai/nguyễn dũng"], naturalSlug: "nguyen-dung-gia-lai" });
    expect(persons[0]?.mentions.map((m) => m.article.date.day)).toEqual(["2019-01-10", "2018-01-10", "2016-11-29"]);
  });

  it("counts a person named twice in one article once, and links both", () => {
    const a = article("gia-lai", "2016-11-29", `${official("Nguyễn Dũng", "\n    role: Giám đốc")}\n${official("Ông Nguyễn Dũng", "\n    role: Bí thư Chi bộ")}`);
    const site = buildPeopleSite([a]);
    expect(site.pages).toHaveLength(1);
    expect(site.pages[0]?.person.mentions.map((m) => m.role)).toEqual(["Giám đốc"]);
    expect(site.officialUrls(a)).toEqual(["/nhan-vat/nguyen-dung-gia-lai/", "/nhan-vat/nguyen-dung-gia-lai/"]);
  });

  it("keeps the same name in two provinces as two people", () => {
    const { persons } = buildPeopleIndex(newestFirst(article("gia-lai", "2016-11-29", official("Nguyễn Dũng")), article("ha-tinh", "2016-12-01", official("Nguyễn Dũng"))));
    expect(persons.map((p) => p.identity).sort()).toEqual(["name:gia-lai/nguyễn dũng", "name:ha-tinh/nguyễn dũng"]);
  });

  it("joins people across provinces and spellings by a pinned id; unpinned mentions of that name there join too", () => {
    const articles = newestFirst(
      article("binh-dinh", "2020-01-10", official("Nguyễn Văn An", "\n    id: nguyen-van-an\n    role: Phó Giám đốc Sở")),
      article("binh-dinh", "2021-01-10", official("Nguyễn Văn An", "\n    role: Giám đốc Sở")),
      article("gia-lai", "2025-12-20", official("Nguyễn V. An", "\n    id: nguyen-van-an\n    role: Giám đốc Sở")),
      article("gia-lai", "2025-12-30", official("Nguyễn Văn An", "\n    role: Chánh Văn phòng")),
    );
    const { persons, errors } = buildPeopleIndex(articles);
    expect(errors).toEqual([]);
    // The Gia Lai "Nguyễn Văn An" has no id there and no id was pinned on that name in Gia Lai: a person of their own.
    expect(persons.map((p) => [p.identity, p.mentions.length])).toEqual([
      ["id:nguyen-van-an", 3],
      ["name:gia-lai/nguyễn văn an", 1],
    ]);
    expect(persons[0]?.provinces.map((p) => p.id)).toEqual(["gia-lai", "binh-dinh"]);
    expect(persons[0]?.naturalSlug).toBe("nguyen-van-an");
  });

  it("refuses an unpinned mention of a name that editors told apart into two people in that province", () => {
    const articles = newestFirst(
      article("ha-noi", "2020-01-10", official("Nguyễn Văn Hùng", "\n    id: nguyen-van-hung-so-tttt")),
      article("ha-noi", "2020-02-10", official("Nguyễn Văn Hùng", "\n    id: nguyen-van-hung-ubnd")),
      article("ha-noi", "2020-03-10", `${official("Trần Văn Ba")}\n${official("Nguyễn Văn Hùng")}`),
    );
    const { persons, errors } = buildPeopleIndex(articles);
    expect(persons.map((p) => p.identity).sort()).toEqual(["id:nguyen-van-hung-so-tttt", "id:nguyen-van-hung-ubnd", "name:ha-noi/trần văn ba"]);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ file: articles[0]?.sourcePath, field: "officials #2.id", value: '"Nguyễn Văn Hùng"', code: "people.ambiguousName" });
    expect(errors[0]?.message).toContain("nguyen-van-hung-so-tttt, nguyen-van-hung-ubnd");
    expect(errors[0]?.fix).toContain("id: nguyen-van-hung-so-tttt");
  });

  it("validates the id field of an official", () => {
    const [bad] = parseErrors(mdFile(`title: T\ndate: 2016-11-29\nprovince: gia-lai\nofficials:\n  - name: A B\n    id: Nguyễn Dũng`));
    expect(bad).toMatchObject({ field: "officials #1.id", message: "is not a valid person id: lowercase letters without accents, digits and single hyphens between words only", line: 7 });
    expect(bad?.fix).toContain("id: nguyen-dung-gia-lai");
    const [long] = parseErrors(mdFile(`title: T\ndate: 2016-11-29\nprovince: gia-lai\nofficials:\n  - name: A B\n    id: ${"a".repeat(81)}`));
    expect(long?.message).toBe("is too long (at most 80 characters)");
    expect(parseOk(mdFile(`title: T\ndate: 2016-11-29\nprovince: gia-lai\nofficials:\n  - name: A B\n    id: a-b-2`)).officials[0]).toEqual({ name: "A B", id: "a-b-2" });
  });
});

describe("a person's roles", () => {
  it("lists every mention grouped by province, the newest province first, newest mention first, and the roles held over the years", () => {
    const articles = newestFirst(
      article("binh-dinh", "2016-01-10", official("Lê Văn Cường", "\n    id: le-van-cuong\n    role: Phó Giám đốc")),
      article("binh-dinh", "2017-01-10", official("Lê Văn Cường", "\n    role: Phó Giám đốc")),
      article("binh-dinh", "2019-01-10", official("Lê Văn Cường", "\n    role: Giám đốc")),
      article("gia-lai", "2025-12-01", official("Lê Văn Cường", "\n    id: le-van-cuong\n    role: Phó Chủ tịch UBND tỉnh")),
    );
    const site = buildPeopleSite(articles);
    const page = site.pages[0]!;
    expect(page.groups.map((g) => [g.province.id, g.mentions.map((m) => `${m.article.date.day} ${m.role ?? ""}`)])).toEqual([
      ["gia-lai", ["2025-12-01 Phó Chủ tịch UBND tỉnh"]],
      ["binh-dinh", ["2019-01-10 Giám đốc", "2017-01-10 Phó Giám đốc", "2016-01-10 Phó Giám đốc"]],
    ]);
    expect(page.roles.map((r) => `${r.role} ${r.province.id} ${r.from}-${r.to}`)).toEqual(["Phó Chủ tịch UBND tỉnh gia-lai 2025-2025", "Giám đốc binh-dinh 2019-2019", "Phó Giám đốc binh-dinh 2016-2017"]);
    // Each official on each article page points at the person's page.
    for (const a of articles) expect(site.officialUrls(a)).toEqual(["/nhan-vat/le-van-cuong/"]);
  });

  it("orders the directory by province (registry order) and Vietnamese name order inside", () => {
    const site = buildPeopleSite(newestFirst(article("ha-tinh", "2016-01-10", `${official("Trần Thị Bích Thủy")}\n${official("Nguyễn Văn An")}\n${official("Đặng Minh Hưng")}`), article("gia-lai", "2016-01-10", official("Phan Ăn"))));
    expect(site.directory.map((g) => [g.province.id, g.pages.map((p) => p.person.name)])).toEqual([
      ["gia-lai", ["Phan Ăn"]],
      ["ha-tinh", ["Nguyễn Văn An", "Đặng Minh Hưng", "Trần Thị Bích Thủy"]],
    ]);
  });
});

describe("a person page's fingerprint (incremental builds)", () => {
  const pinned = (extra: string): string => official("Ông Lê Văn Cường", `\n    id: le-van-cuong\n    role: Giám đốc${extra}`);
  const build = (articles: Article[]): Map<string, string> => new Map(buildPeopleSite(newestFirst(...articles)).pages.map((p) => [p.url, personFingerprint(p)]));

  it("describes every field a person, a mention and a page have (a new field must be added to it)", () => {
    const a = article("binh-dinh", "2016-01-10", pinned("\n    honorific: Ông"));
    const page = buildPeopleSite([a]).pages[0]!;
    expect(page.person.pinnedId).toBe("le-van-cuong");
    expect(page.person.honorific).toBe("Ông");
    expect(Object.keys(page.person).sort()).toEqual([...PERSON_FINGERPRINT_FIELDS].sort());
    expect(Object.keys(page.person.mentions[0]!).sort()).toEqual([...MENTION_FINGERPRINT_FIELDS].sort());
    // Groups and roles are made from the mentions; the rest is described directly.
    expect(Object.keys(page).sort()).toEqual(["formerUrls", "groups", "person", "roles", "url"]);
  });

  it("changes with an article that names the person, and only for the people it names", () => {
    const a = article("binh-dinh", "2016-01-10", pinned(""));
    const b = article("binh-dinh", "2017-01-10", official("Trần Văn Bình", "\n    role: Phó Giám đốc"));
    const before = build([a, b]);
    // The same article edited (a new object from the parser, as a rebuild gives): only its people change.
    const edited = { ...b, title: `${b.title} (sửa)` };
    const after = build([a, edited]);
    expect(after.get("/nhan-vat/le-van-cuong/")).toBe(before.get("/nhan-vat/le-van-cuong/"));
    expect(after.get("/nhan-vat/tran-van-binh-binh-dinh/")).not.toBe(before.get("/nhan-vat/tran-van-binh-binh-dinh/"));
    // A role, an honorific or the address changes it too.
    const role = build([article("binh-dinh", "2016-01-10", official("Ông Lê Văn Cường", "\n    id: le-van-cuong\n    role: Phó Giám đốc")), b]);
    expect(role.get("/nhan-vat/le-van-cuong/")).not.toBe(before.get("/nhan-vat/le-van-cuong/"));
    const honorific = build([article("binh-dinh", "2016-01-10", official("Lê Văn Cường", "\n    id: le-van-cuong\n    role: Giám đốc\n    honorific: Bà")), b]);
    expect(honorific.get("/nhan-vat/le-van-cuong/")).not.toBe(before.get("/nhan-vat/le-van-cuong/"));
    const page = buildPeopleSite([a]).pages[0]!;
    expect(personFingerprint({ ...page, formerUrls: ["/nhan-vat/cu/"] })).not.toBe(personFingerprint(page));
    expect(personFingerprint({ ...page, url: "/nhan-vat/khac/" })).not.toBe(personFingerprint(page));
    expect(personFingerprint(page)).toMatch(/^[A-Za-z0-9_-]{20,}$/);
  });

  it("hashes its parts as one text with the value digest(...parts) gives (manifests stay valid), parts still told apart", () => {
    // A lone surrogate at a part's edge: encoded alone in each update, the joined text must not pair it with the next part.
    const cases: string[][] = [[], [""], ["a"], ["a", "b"], ["ab", ""], ["Nguyễn Dũng", "\u0001", "x\u0000y"], ["\ud83d", "\ude00"], ["\ud83d\ude00"]];
    for (const parts of cases) expect(joinedDigest(parts)).toBe(digest(...parts));
    expect(joinedDigest(["ab", ""])).not.toBe(joinedDigest(["a", "b"]));
  });
});

describe("a person page", () => {
  it("links each article under the site path of the configuration it is rendered with (fragments made once per article and path)", () => {
    const a = article("gia-lai", "2019-01-10", official("Nguyễn Dũng", "\n    role: Giám đốc"));
    const page = buildPeopleSite([a]).pages[0]!;
    const render = (siteUrl: string): string => renderPersonPage({ config: siteConfigFromEnv({ SITE_URL: siteUrl }), stylesheetUrl: "/site.css" }, page);
    const link = `href="${a.url}"`;
    expect(render("https://example.gov.vn")).toContain(link);
    // Rendered again under a path after a first render without one: a fragment kept from the first must not be reused.
    expect(render("https://example.gov.vn/tin")).toContain(`href="/tin${a.url}"`);
    expect(render("https://example.gov.vn/tin")).not.toContain(` ${link}`);
    expect(render("https://example.gov.vn")).toContain(link);
  });
});

describe("permanent person addresses", () => {
  const FILE = "published-urls.json";
  /** Builds, then returns the record as it would be written and read back. */
  function record(articles: readonly Article[], previous: PersonRecord = EMPTY_PERSON_RECORD): PersonRecord {
    const site = buildPeopleSite(articles, previous);
    expect(site.errors).toEqual([]);
    const parsed = parsePersonRecord(JSON.parse(JSON.stringify(serializePersonRecord(site.record))), FILE);
    if ("errors" in parsed) throw new Error(JSON.stringify(parsed.errors));
    return parsed.record;
  }

  it("gives new people their natural address, resolves slug collisions deterministically, and keeps addresses once recorded", () => {
    const a = article("gia-lai", "2016-01-10", official("Nguyễn Dũng"));
    const b = article("gia-lai", "2016-01-11", official("Nguyễn Dung"));
    const first = buildPeopleSite(newestFirst(a, b));
    expect(first.pages.map((p) => p.url)).toEqual(["/nhan-vat/nguyen-dung-gia-lai/", "/nhan-vat/nguyen-dung-gia-lai-2/"]);
    expect(buildPeopleSite(newestFirst(b, a)).pages.map((p) => p.url)).toEqual(first.pages.map((p) => p.url));
    // Display order decides: "Nguyễn Dung" sorts before "Nguyễn Dũng" and got the plain address.
    expect(first.pages.map((p) => p.person.name)).toEqual(["Nguyễn Dung", "Nguyễn Dũng"]);
    // Once "Nguyễn Dũng" holds -2 in the record, it keeps it, even when "Nguyễn Dung" is withdrawn.
    const rec = record(newestFirst(a, b));
    const withdrawn: PersonRecord = { entries: rec.entries.map((e) => (e.keys[0] === "gia-lai/nguyễn dung" ? { ...e, withdrawn: "Gỡ theo yêu cầu." } : e)) };
    const later = buildPeopleSite([a], withdrawn);
    expect(later.errors).toEqual([]);
    expect(later.pages.map((p) => p.url)).toEqual(["/nhan-vat/nguyen-dung-gia-lai-2/"]);
    expect(later.withdrawn.map((e) => e.urls)).toEqual([["/nhan-vat/nguyen-dung-gia-lai/"]]);
    expect(later.recordChanged).toBe(false);
  });

  it("joins two published people under one id: one address, the other redirects", () => {
    const gl = article("gia-lai", "2016-01-10", official("Nguyễn Văn An"));
    const bd = article("binh-dinh", "2017-01-10", official("Nguyễn Văn An"));
    const rec = record(newestFirst(gl, bd));
    expect(rec.entries.map((e) => e.urls)).toEqual([["/nhan-vat/nguyen-van-an-binh-dinh/"], ["/nhan-vat/nguyen-van-an-gia-lai/"]]);
    const gl2 = article("gia-lai", "2016-01-10", official("Nguyễn Văn An", "\n    id: nguyen-van-an"));
    const bd2 = article("binh-dinh", "2017-01-10", official("Nguyễn Văn An", "\n    id: nguyen-van-an"));
    const site = buildPeopleSite(newestFirst(gl2, bd2), rec);
    expect(site.errors).toEqual([]);
    expect(site.pages.map((p) => [p.url, p.formerUrls])).toEqual([["/nhan-vat/nguyen-van-an/", ["/nhan-vat/nguyen-van-an-binh-dinh/", "/nhan-vat/nguyen-van-an-gia-lai/"]]]);
    expect(site.redirects.map((r) => `${r.from} → ${r.to}`)).toEqual(["/nhan-vat/nguyen-van-an-binh-dinh/ → /nhan-vat/nguyen-van-an/", "/nhan-vat/nguyen-van-an-gia-lai/ → /nhan-vat/nguyen-van-an/"]);
    expect(site.recordChanged).toBe(true);
    const merged = serializePersonRecord(site.record);
    expect(merged).toHaveLength(1);
    expect(merged[0]).toMatchObject({ id: "nguyen-van-an", keys: ["binh-dinh/nguyễn văn an", "gia-lai/nguyễn văn an"] });
    // Taking the id away again: each province's person returns to its old address, and the joint one lists both.
    const joint = record(newestFirst(gl2, bd2), rec);
    const back = buildPeopleSite(newestFirst(gl, bd), joint);
    expect(back.errors).toEqual([]);
    expect(back.pages.map((p) => [p.url, p.formerUrls])).toEqual([
      ["/nhan-vat/nguyen-van-an-binh-dinh/", []],
      ["/nhan-vat/nguyen-van-an-gia-lai/", []],
    ]);
    expect(back.shared.map((s) => [s.urls, s.pages.map((p) => p.url)])).toEqual([[["/nhan-vat/nguyen-van-an/"], ["/nhan-vat/nguyen-van-an-binh-dinh/", "/nhan-vat/nguyen-van-an-gia-lai/"]]]);
    // …and stays so on the next build (the record now holds the split).
    const again = buildPeopleSite(newestFirst(gl, bd), record(newestFirst(gl, bd), joint));
    expect(again.shared.map((s) => s.urls)).toEqual([["/nhan-vat/nguyen-van-an/"]]);
    expect(again.pages.map((p) => p.url)).toEqual(back.pages.map((p) => p.url));
  });

  it("turns the address of one name told apart into several people into a page listing them", () => {
    const rec = record([article("ha-noi", "2016-01-10", official("Nguyễn Văn Hùng"))]);
    const site = buildPeopleSite(newestFirst(article("ha-noi", "2016-01-10", official("Nguyễn Văn Hùng", "\n    id: nvh-a")), article("ha-noi", "2017-01-10", official("Nguyễn Văn Hùng", "\n    id: nvh-b"))), rec);
    expect(site.errors).toEqual([]);
    expect(site.shared.map((s) => [s.urls, s.pages.map((p) => p.url)])).toEqual([[["/nhan-vat/nguyen-van-hung-ha-noi/"], ["/nhan-vat/nvh-a/", "/nhan-vat/nvh-b/"]]]);
    // An editor can give the old address to one of them instead: add its slug as that person's id.
    const kept = buildPeopleSite(newestFirst(article("ha-noi", "2016-01-10", official("Nguyễn Văn Hùng", "\n    id: nguyen-van-hung-ha-noi")), article("ha-noi", "2017-01-10", official("Nguyễn Văn Hùng", "\n    id: nvh-b"))), rec);
    expect(kept.shared).toEqual([]);
    expect(kept.pages.map((p) => p.url).sort()).toEqual(["/nhan-vat/nguyen-van-hung-ha-noi/", "/nhan-vat/nvh-b/"]);
  });

  it("refuses to lose a published person, naming the likely new spelling and both ways out", () => {
    const old = article("gia-lai", "2016-01-10", official("Nguyễn Dủng"));
    const rec = record([old]);
    const fixed = article("gia-lai", "2016-01-10", official("Nguyễn Dũng"));
    const text = JSON.stringify({ people: serializePersonRecord(rec) }, null, 2);
    const site = buildPeopleSite([fixed], rec, FILE, text);
    expect(site.errors).toHaveLength(1);
    expect(site.errors[0]).toMatchObject({ file: FILE, field: "people", code: "people.lostNear", line: 5 });
    expect(site.errors[0]?.message).toBe("the person page /nhan-vat/nguyen-dung-gia-lai/ (Nguyễn Dủng, Gia Lai) was published, but no article names this person any more");
    expect(site.errors[0]?.fix).toContain(`if this is now Nguyễn Dũng (${fixed.sourcePath}), add id: nguyen-dung-gia-lai to that official`);
    expect(site.errors[0]?.fix).toContain('"withdrawn"');
    // Following the fix keeps the old address for the corrected name.
    const pinned = buildPeopleSite([article("gia-lai", "2016-01-10", official("Nguyễn Dũng", "\n    id: nguyen-dung-gia-lai"))], rec);
    expect(pinned.errors).toEqual([]);
    expect(pinned.pages.map((p) => p.url)).toEqual(["/nhan-vat/nguyen-dung-gia-lai/"]);
  });

  it("withdraws a person named only in articles that were withdrawn", () => {
    const a = article("gia-lai", "2016-01-10", official("Nguyễn Dũng"));
    const codes = { codeOf: (x: Article) => (x === a ? "abcde" : undefined), isWithdrawn: () => false, sourceOf: () => undefined };
    const site = buildPeopleSite([a], EMPTY_PERSON_RECORD, FILE, "", codes);
    expect(serializePersonRecord(site.record)[0]?.articles).toEqual(["abcde"]);
    const after = planPersonUrls([], site.record, FILE, "", { ...codes, isWithdrawn: (c) => c === "abcde" });
    expect(after.errors).toEqual([]);
    expect(after.withdrawnWithArticles.map((e) => e.urls)).toEqual([["/nhan-vat/nguyen-dung-gia-lai/"]]);
  });

  it("rejects a damaged people list, naming the field", () => {
    const bad = parsePersonRecord([{ urls: ["/elsewhere/x/"], keys: [] }], FILE);
    expect("errors" in bad && bad.errors[0]).toMatchObject({ file: FILE, field: "people.0.urls.0", code: "people.recordInvalid" });
    const twice = parsePersonRecord([{ urls: ["/nhan-vat/a/"], keys: [] }, { urls: ["/nhan-vat/a/"], keys: [] }], FILE, '{\n"people": [\n{"urls": ["/nhan-vat/a/"]},\n{"urls": ["/nhan-vat/a/"]}\n]}');
    expect("errors" in twice && twice.errors[0]).toMatchObject({ code: "people.recordDuplicateUrl", line: 4 });
    expect("errors" in parsePersonRecord("people", FILE)).toBe(true);
    // Text from the record reaches the terminal in errors: no control characters (escape sequences).
    expect("errors" in parsePersonRecord([{ urls: ["/nhan-vat/a/"], keys: ["gia-lai/a"], name: "\u001b[2J\u001b[31mA" }], FILE)).toBe(true);
    expect("errors" in parsePersonRecord([{ urls: ["/nhan-vat/a/"], keys: ["gia-lai/a"], name: "Nguyễn A", withdrawn: "Gỡ." }], FILE)).toBe(false);
  });

  it("keeps hostile names out of addresses: only [a-z0-9-] reaches a path", () => {
    const a = article("gia-lai", "2016-01-10", `${official("<script>alert(1)</script>")}\n${official("../../etc/passwd")}\n${official("阮文")}\n${official("– –")}`);
    const site = buildPeopleSite([a]);
    for (const page of site.pages) expect(page.url).toMatch(/^\/nhan-vat\/[a-z0-9]+(?:-[a-z0-9]+)*\/$/);
    expect(site.pages.map((p) => p.url).sort()).toEqual(["/nhan-vat/etc-passwd-gia-lai/", "/nhan-vat/nguoi-gia-lai/", "/nhan-vat/script-alert-1-script-gia-lai/"]);
    // A name of punctuation only is nobody: no page, no link.
    expect(site.officialUrls(a)[3]).toBeUndefined();
  });
});

describe("the directory's filter script (layouts/assets/people-filter.js)", () => {
  interface FilterScript {
    foldVietnamese(text: string): string;
    queryWords(text: string): string[];
    matchesName(folded: string, words: readonly string[]): boolean;
  }
  const load = (): Promise<FilterScript> => import(pathToFileURL(path.resolve(import.meta.dirname, "../layouts/assets/people-filter.js")).href) as Promise<FilterScript>;

  it("folds like the search index (src/search/fold.ts), đ included", async () => {
    const script = await load();
    for (const sample of ["Đặng Minh Hưng", "Nguyễn Dũng".normalize("NFD"), "Trần Thị Bích Thủy", "ĐÀO ĐỨC", "Ðoàn"]) expect(script.foldVietnamese(sample)).toBe(foldVietnamese(sample));
  });

  it("matches names without diacritics, word starts in any order", async () => {
    const { foldVietnamese: fold, matchesName, queryWords } = await load();
    const name = fold("Đặng Minh Hưng");
    expect(matchesName(name, queryWords("dang"))).toBe(true);
    expect(matchesName(name, queryWords("hung dang"))).toBe(true);
    expect(matchesName(name, queryWords("Đặng Hưng"))).toBe(true);
    expect(matchesName(name, queryWords("ang"))).toBe(false);
    expect(matchesName(name, queryWords("dung"))).toBe(false);
  });
});

describe("merging the people list after a deploy", () => {
  const entry = (urls: string[], keys: string[], articles?: string[]) => ({ urls, keys, ...(articles ? { articles } : {}) });
  it("adds new people and new addresses, keys and articles, and never removes or moves what main has", () => {
    const main = { entries: [entry(["/nhan-vat/a-gia-lai/"], ["gia-lai/a"], ["aaaaa"]), entry(["/nhan-vat/b/"], ["gia-lai/b"])] };
    const deployed = {
      entries: [
        entry(["/nhan-vat/a-gia-lai/", "/nhan-vat/a/"], ["gia-lai/a", "binh-dinh/a"], ["aaaaa", "bbbbb"]),
        entry(["/nhan-vat/c/"], ["ha-noi/c"]),
        // Main has since given /nhan-vat/b/ to its own entry: it stays there.
        entry(["/nhan-vat/b/"], ["ha-noi/b"]),
      ],
    };
    const { record, added, extended } = mergePersonRecords(main, deployed);
    expect([added, extended]).toEqual([1, 2]);
    expect(record.entries).toEqual([
      entry(["/nhan-vat/a-gia-lai/", "/nhan-vat/a/"], ["gia-lai/a", "binh-dinh/a"], ["aaaaa", "bbbbb"]),
      entry(["/nhan-vat/b/"], ["gia-lai/b", "ha-noi/b"]),
      entry(["/nhan-vat/c/"], ["ha-noi/c"]),
    ]);
    expect(mergePersonRecords(record, deployed)).toMatchObject({ added: 0, extended: 0 });
  });
});

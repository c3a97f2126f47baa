import { afterEach, describe, expect, it } from "vitest";
import { formatShortDate, formatVietnameseDate, parseArticleDate } from "../src/dates.ts";
import { parseOk, mdFile } from "./helpers.ts";

const originalTz = process.env["TZ"];
afterEach(() => {
  if (originalTz === undefined) delete process.env["TZ"];
  else process.env["TZ"] = originalTz;
});

describe("parseArticleDate", () => {
  it("reads a date-only value as local midnight in Vietnam", () => {
    const d = parseArticleDate("2016-11-29");
    expect(d).toMatchObject({ iso: "2016-11-29T00:00:00+07:00", day: "2016-11-29", year: 2016, hasTime: false });
    expect(d?.timestamp).toBe(Date.UTC(2016, 10, 28, 17, 0, 0));
  });

  it("reads a date-time without offset as Vietnam local time", () => {
    expect(parseArticleDate("2016-11-29T14:00")?.iso).toBe("2016-11-29T14:00:00+07:00");
    expect(parseArticleDate("2016-01-18T14:07:38")?.iso).toBe("2016-01-18T14:07:38+07:00");
    expect(parseArticleDate("2016-01-18 14:07")?.iso).toBe("2016-01-18T14:07:00+07:00");
  });

  it("converts a date-time with an offset to Vietnam time, keeping the instant", () => {
    expect(parseArticleDate("2016-11-29T14:00+07:00")?.iso).toBe("2016-11-29T14:00:00+07:00");
    const utc = parseArticleDate("2016-11-29T20:30:00Z");
    expect(utc?.iso).toBe("2016-11-30T03:30:00+07:00");
    expect(utc?.day).toBe("2016-11-30");
    expect(parseArticleDate("2016-11-29T09:00:00-05:00")?.iso).toBe("2016-11-29T21:00:00+07:00");
  });

  it("rejects impossible and malformed dates", () => {
    for (const bad of ["2016-02-30", "2016-13-01", "2016-11-29T24:30", "29/11/2016", "2016-11-29T14", "", "2016-11-29T14:00+25:00"]) {
      expect(parseArticleDate(bad), bad).toBeUndefined();
    }
  });

  it("gives +07:00 before 1975 too, as README promises (not the IANA zone's +08:00 or +07:06)", () => {
    expect(parseArticleDate("1970-01-01")?.iso).toBe("1970-01-01T00:00:00+07:00");
    expect(parseArticleDate("1945-09-02T10:00")?.iso).toBe("1945-09-02T10:00:00+07:00");
    expect(parseArticleDate("1975-06-14")?.iso).toBe("1975-06-14T00:00:00+07:00");
    expect(parseArticleDate("1960-06-01T00:00:00Z")?.iso).toBe("1960-06-01T07:00:00+07:00");
  });

  it("accepts 29 February in a leap year only", () => {
    expect(parseArticleDate("2016-02-29")?.day).toBe("2016-02-29");
    expect(parseArticleDate("2017-02-29")).toBeUndefined();
  });

  it.each(["UTC", "America/Los_Angeles", "Pacific/Kiritimati", "Asia/Ho_Chi_Minh", "Pacific/Pago_Pago"])(
    "gives the same day and instant when the build machine runs in %s",
    (tz) => {
      process.env["TZ"] = tz;
      const d = parseArticleDate("2016-11-29");
      expect(d?.day).toBe("2016-11-29");
      expect(d?.iso).toBe("2016-11-29T00:00:00+07:00");
      expect(formatVietnameseDate(d!)).toBe("Thứ Ba, 29/11/2016");
      const article = parseOk(mdFile("title: X\ndate: 2016-11-29\nprovince: gia-lai"));
      expect(article.date.day).toBe("2016-11-29");
      expect(article.url).toBe("/gia-lai/2016/hoi-nghi/");
    },
  );

  it("keeps a New Year's Eve evening in the old year and a UTC late evening in the next", () => {
    expect(parseArticleDate("2016-12-31T23:30")?.year).toBe(2016);
    expect(parseArticleDate("2016-12-31T20:00:00Z")?.year).toBe(2017);
  });
});

describe("Vietnamese formatting", () => {
  it("formats weekday and date as the portals do", () => {
    expect(formatVietnameseDate(parseArticleDate("2016-11-29")!)).toBe("Thứ Ba, 29/11/2016");
    expect(formatVietnameseDate(parseArticleDate("2019-01-26")!)).toBe("Thứ Bảy, 26/01/2019");
    expect(formatVietnameseDate(parseArticleDate("2015-12-06")!)).toBe("Chủ Nhật, 06/12/2015");
  });

  it("adds the time when the editor gave one", () => {
    expect(formatVietnameseDate(parseArticleDate("2016-01-18T14:07:38")!)).toBe("Thứ Hai, 18/01/2016, 14:07");
  });

  it("short form is dd/MM/yyyy", () => {
    expect(formatShortDate(parseArticleDate("2017-01-06")!)).toBe("06/01/2017");
  });
});

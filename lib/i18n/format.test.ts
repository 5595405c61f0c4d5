import { describe, expect, it } from "vitest";
import { formatDateTime, formatDay, formatNumber, localizeValues } from "./format";

const ISO_DAY_IN_TEXT = /\b\d{4}-\d{2}-\d{2}\b/;
const SLASHED_DATE = /\b\d{1,2}\/\d{1,2}\/\d{2,4}\b/;

describe("dates and numbers in the reader's language", () => {
  it("writes a due day the way each language does, never as 2026-12-23 or 12/23/26", () => {
    expect(formatDay("en", "2026-12-23")).toBe("December 23, 2026");
    expect(formatDay("ru", "2026-12-23")).toBe("23 декабря 2026 г.");
    expect(formatDay("kk", "2026-12-23")).toBe("2026 ж. 23 желтоқсан");
    for (const locale of ["kk", "ru", "en"]) {
      for (const style of ["long", "medium"] as const) {
        const text = formatDay(locale, "2026-01-02", style);
        expect(text).not.toMatch(ISO_DAY_IN_TEXT);
        expect(text).not.toMatch(SLASHED_DATE);
        expect(text).toContain("2026");
      }
    }
  });

  it("keeps the Almaty day: a late evening in Almaty is not yesterday or tomorrow", () => {
    // 23:30 in Almaty (UTC+5) on 31 December is 18:30 UTC the same day.
    expect(formatDay("en", new Date("2026-12-31T18:30:00Z"))).toBe("December 31, 2026");
    expect(formatDateTime("ru", new Date("2026-12-31T18:30:00Z"))).toBe("31 декабря 2026 г. в 23:30");
  });

  it("groups thousands as each language does, so 1340 never stands beside 1,340", () => {
    expect(formatNumber("en", 1340)).toBe("1,340");
    expect(formatNumber("ru", 1340)).toBe("1\u00a0340");
    expect(formatNumber("kk", 12345)).toBe("12\u00a0345");
  });

  it("turns the ISO days and moments among a message's values into words, and leaves the rest alone", () => {
    const values = { title: "Build a bridge", due: "2027-01-04", count: 1340, url: "https://birge.kz/petitions/2026-12-23" };
    expect(localizeValues("kk", values)).toEqual({ ...values, due: "2027 ж. 4 қаңтар" });
    expect(localizeValues("en", { title: "x" })).toEqual({ title: "x" });
    expect(localizeValues("ru", { startsAt: "2026-03-10T10:00:00.000Z" })).toEqual({ startsAt: "10 марта 2026 г. в 15:00" });
  });
});

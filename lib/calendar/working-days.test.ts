import { describe, it, expect } from "vitest";
import { HOLIDAYS } from "../../db/seed/holidays";
import {
  WorkingCalendar,
  addCalendarDays,
  dayOfWeek,
  isDayString,
  parseDay,
  toDayString,
  type CalendarException,
} from "./working-days";

// The seed in the shape the app loads it: one name, here the English one.
function calendarFromSeed(): WorkingCalendar {
  return new WorkingCalendar(HOLIDAYS.map((row) => ({ day: row.day, kind: row.kind, name: row.nameEn })));
}

const seeded = calendarFromSeed();
const plainWeek = new WorkingCalendar([]);

function daysOfYear(year: number): string[] {
  const days: string[] = [];
  for (let day = `${year}-01-01`; day.startsWith(String(year)); day = addCalendarDays(day, 1)) days.push(day);
  return days;
}

describe("day helpers", () => {
  it("parses and validates 'YYYY-MM-DD'", () => {
    expect(parseDay("2026-03-21")).toEqual({ year: 2026, month: 3, dayOfMonth: 21 });
    expect(isDayString("2028-02-29")).toBe(true);
    for (const bad of ["2026-02-30", "2027-02-29", "2026-13-01", "2026-3-21", "21.03.2026", "2026-03-21T00:00", "", " 2026-03-21"]) {
      expect(isDayString(bad), bad).toBe(false);
      expect(() => parseDay(bad), bad).toThrow(/expected a calendar day as 'YYYY-MM-DD'/);
    }
  });

  it("does calendar arithmetic across month, year and leap-day boundaries", () => {
    expect(addCalendarDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addCalendarDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addCalendarDays("2026-03-01", -1)).toBe("2026-02-28");
    expect(dayOfWeek("2026-03-21")).toBe(6); // Saturday
    expect(dayOfWeek("2026-03-22")).toBe(0); // Sunday
    expect(dayOfWeek("1969-12-31")).toBe(3); // Wednesday, before the epoch
  });

  it("takes the calendar day of an instant in Almaty (UTC+5), not the server's", () => {
    expect(toDayString(new Date("2026-03-01T18:59:59Z"))).toBe("2026-03-01");
    expect(toDayString(new Date("2026-03-01T19:00:00Z"))).toBe("2026-03-02");
    expect(toDayString(new Date("2026-03-01T19:00:00Z"), "UTC")).toBe("2026-03-01");
    expect(() => toDayString(new Date("not a date"))).toThrow(/Invalid date/);
  });
});

describe("WorkingCalendar", () => {
  it("treats Saturday and Sunday as days off and weekdays as working days", () => {
    expect(plainWeek.isWorkingDay("2026-02-06")).toBe(true); // Friday
    expect(plainWeek.isWorkingDay("2026-02-07")).toBe(false); // Saturday
    expect(plainWeek.isWorkingDay("2026-02-08")).toBe(false); // Sunday
    expect(plainWeek.addWorkingDays("2026-02-06", 1)).toBe("2026-02-09");
    expect(plainWeek.addWorkingDays("2026-02-07", 1)).toBe("2026-02-09");
  });

  it("returns the start itself for zero working days, even on a day off", () => {
    expect(seeded.addWorkingDays("2026-03-21", 0)).toBe("2026-03-21");
  });

  it("skips fixed holidays", () => {
    expect(seeded.isWorkingDay("2026-12-16")).toBe(false);
    expect(seeded.addWorkingDays("2026-12-15", 1)).toBe("2026-12-17");
    expect(seeded.addWorkingDays("2025-12-31", 1)).toBe("2026-01-05"); // 1–2 Jan, then the weekend
  });

  it("skips Nauryz 21–25 March 2026, including the days carried over from the weekend", () => {
    for (const day of ["2026-03-21", "2026-03-22", "2026-03-23", "2026-03-24", "2026-03-25"]) {
      expect(seeded.isWorkingDay(day), day).toBe(false);
    }
    expect(seeded.addWorkingDays("2026-03-20", 1)).toBe("2026-03-26");
  });

  it("skips a day off moved from a weekend holiday (11 May 2026 for Victory Day on Saturday)", () => {
    expect(seeded.isWorkingDay("2026-05-09")).toBe(false);
    expect(seeded.isWorkingDay("2026-05-11")).toBe(false);
    expect(seeded.addWorkingDays("2026-05-08", 1)).toBe("2026-05-12");
  });

  it("counts a Saturday made a working day by decree", () => {
    const bridged = new WorkingCalendar([
      { day: "2026-06-12", kind: "moved_day_off", name: "Test bridging Friday" },
      { day: "2026-06-20", kind: "working_weekend", name: "Test working Saturday" },
    ]);
    expect(bridged.isWorkingDay("2026-06-12")).toBe(false);
    expect(bridged.isWorkingDay("2026-06-20")).toBe(true);
    expect(bridged.addWorkingDays("2026-06-19", 1)).toBe("2026-06-20");
    expect(bridged.explainDeadline("2026-06-11", 6)).toEqual({
      start: "2026-06-11",
      workingDays: 6,
      due: "2026-06-20",
      skipped: [
        { day: "2026-06-12", reason: "moved_day_off", name: "Test bridging Friday" },
        { day: "2026-06-13", reason: "weekend" },
        { day: "2026-06-14", reason: "weekend" },
      ],
      workedWeekends: [{ day: "2026-06-20", name: "Test working Saturday" }],
    });
  });

  it("counts working days between two days, negative when overdue", () => {
    expect(seeded.countWorkingDaysBetween("2026-03-20", "2026-03-26")).toBe(1);
    expect(seeded.countWorkingDaysBetween("2026-03-26", "2026-03-20")).toBe(-1);
    expect(seeded.countWorkingDaysBetween("2026-03-02", "2026-03-02")).toBe(0);
    // A span of days off only is zero, not -0.
    expect(seeded.countWorkingDaysBetween("2026-03-25", "2026-03-21")).toBe(0);
    expect(plainWeek.countWorkingDaysBetween("2026-02-16", "2026-02-09")).toBe(-5);
  });

  it("counting is the inverse of adding", () => {
    for (const start of ["2025-12-30", "2026-03-02", "2026-05-06", "2026-08-28"]) {
      for (const n of [0, 1, 5, 15, 30]) {
        const due = seeded.addWorkingDays(start, n);
        expect(seeded.countWorkingDaysBetween(start, due), `${start}+${n}`).toBe(n);
      }
    }
  });

  it("rejects malformed input with a clear error", () => {
    expect(() => seeded.isWorkingDay("2026/03/21")).toThrow(/Invalid day "2026\/03\/21"/);
    expect(() => seeded.addWorkingDays("2026-02-30", 1)).toThrow(/Invalid start day/);
    expect(() => seeded.countWorkingDaysBetween("2026-03-02", "tomorrow")).toThrow(/Invalid to day/);
    expect(() => seeded.addWorkingDays("2026-03-02", -1)).toThrow(RangeError);
    expect(() => seeded.addWorkingDays("2026-03-02", 1.5)).toThrow(RangeError);
    const bad: CalendarException[] = [{ day: "2026-3-8", kind: "holiday", name: "x" }];
    expect(() => new WorkingCalendar(bad)).toThrow(/Invalid calendar exception day/);
    const twice: CalendarException[] = [
      { day: "2026-03-09", kind: "holiday", name: "a" },
      { day: "2026-03-09", kind: "moved_day_off", name: "b" },
    ];
    expect(() => new WorkingCalendar(twice)).toThrow(/listed twice for 2026-03-09/);
  });
});

describe("holiday seed", () => {
  it("gives 2026 exactly the days off published in kazakhstan-rules.md", () => {
    const weekdaysOff = daysOfYear(2026).filter((day) => dayOfWeek(day) % 6 !== 0 && !seeded.isWorkingDay(day));
    expect(weekdaysOff).toEqual([
      "2026-01-01", "2026-01-02", "2026-01-07",
      "2026-03-09",
      "2026-03-23", "2026-03-24", "2026-03-25",
      "2026-05-01", "2026-05-07", "2026-05-11", "2026-05-27",
      "2026-07-06", "2026-08-31", "2026-10-26", "2026-12-16",
    ]);
    const workedWeekends = daysOfYear(2026).filter((day) => dayOfWeek(day) % 6 === 0 && seeded.isWorkingDay(day));
    expect(workedWeekends).toEqual([]);
  });

  it("lists days off only on weekdays and working days only on weekends, in date order", () => {
    for (const row of HOLIDAYS) {
      const weekend = dayOfWeek(row.day) % 6 === 0;
      expect(weekend, `${row.day} ${row.kind}`).toBe(row.kind === "working_weekend");
      expect(row.nameKk && row.nameRu && row.nameEn, row.day).toBeTruthy();
    }
    const days = HOLIDAYS.map((row) => row.day);
    expect(days).toEqual([...days].sort());
  });

  it("keeps the 2025 decree swap: Friday 3 January off, Saturday 5 July worked", () => {
    expect(seeded.isWorkingDay("2025-01-03")).toBe(false);
    expect(seeded.isWorkingDay("2025-07-05")).toBe(true);
    expect(seeded.isWorkingDay("2025-07-07")).toBe(false); // Capital Day, a Sunday, carried over
  });

  it("computes and explains 40 working days after 2 March 2026", () => {
    const explanation = seeded.explainDeadline("2026-03-02", 40);
    expect(explanation.due).toBe("2026-05-04");
    expect(explanation.workingDays).toBe(40);
    expect(explanation.workedWeekends).toEqual([]);
    expect(explanation.skipped.filter((skip) => skip.reason !== "weekend")).toEqual([
      { day: "2026-03-09", reason: "moved_day_off", name: "International Women's Day (day off carried over from 08.03)" },
      { day: "2026-03-23", reason: "holiday", name: "Nauryz" },
      { day: "2026-03-24", reason: "moved_day_off", name: "Nauryz (day off carried over from 21.03)" },
      { day: "2026-03-25", reason: "moved_day_off", name: "Nauryz (day off carried over from 22.03)" },
      { day: "2026-05-01", reason: "holiday", name: "Unity Day of the People of Kazakhstan" },
    ]);
    // 18 Saturdays and Sundays from 7 March to 3 May; 63 calendar days = 40 worked + 23 skipped.
    expect(explanation.skipped.filter((skip) => skip.reason === "weekend")).toHaveLength(18);
    expect(explanation.skipped).toHaveLength(23);
  });
});

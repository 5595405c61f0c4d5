import { describe, expect, it } from "vitest";
import { WorkingCalendar, type CalendarException } from "@/lib/calendar/working-days";
import { alertFor, latestNoticeDay, overdueState, recomputedDeadline, summarizeSkipped, workingDaysLeft } from "./deadlines";

// Nauryz 2026 as published: 21–22 March fall on a weekend, 23 March is a holiday, and the two
// weekend days are carried over to Tuesday 24 and Wednesday 25 (moved days off).
const NAURYZ_2026: CalendarException[] = [
  { day: "2026-03-21", kind: "holiday", name: "Nauryz" },
  { day: "2026-03-22", kind: "holiday", name: "Nauryz" },
  { day: "2026-03-23", kind: "holiday", name: "Nauryz" },
  { day: "2026-03-24", kind: "moved_day_off", name: "Nauryz (for 21.03)" },
  { day: "2026-03-25", kind: "moved_day_off", name: "Nauryz (for 22.03)" },
];
const nauryz = new WorkingCalendar(NAURYZ_2026);
// A decree that bridges Friday 27 March to the weekend and makes Saturday 28 March a working day.
const decree = new WorkingCalendar([
  ...NAURYZ_2026,
  { day: "2026-03-27", kind: "moved_day_off", name: "Bridge day" },
  { day: "2026-03-28", kind: "working_weekend", name: "Working Saturday" },
]);

describe("a deadline counted in working days", () => {
  it("skips Nauryz and its moved days off, and explains each skipped day", () => {
    const explanation = nauryz.explainDeadline("2026-03-20", 3);
    expect(explanation.due).toBe("2026-03-30");
    expect(explanation.skipped).toEqual([
      { day: "2026-03-21", reason: "holiday", name: "Nauryz" },
      { day: "2026-03-22", reason: "holiday", name: "Nauryz" },
      { day: "2026-03-23", reason: "holiday", name: "Nauryz" },
      { day: "2026-03-24", reason: "moved_day_off", name: "Nauryz (for 21.03)" },
      { day: "2026-03-25", reason: "moved_day_off", name: "Nauryz (for 22.03)" },
      { day: "2026-03-28", reason: "weekend" },
      { day: "2026-03-29", reason: "weekend" },
    ]);
    expect(summarizeSkipped(explanation)).toEqual({ weekendDays: 2, namedDays: explanation.skipped.slice(0, 5) });
  });

  it("counts a Saturday made a working day by decree and skips the bridged Friday", () => {
    const explanation = decree.explainDeadline("2026-03-20", 2);
    expect(explanation.due).toBe("2026-03-28");
    expect(explanation.workedWeekends).toEqual([{ day: "2026-03-28", name: "Working Saturday" }]);
    expect(explanation.skipped.map((day) => day.day)).toContain("2026-03-27");
  });

  it("gives the working days left, zero on the due day and negative once overdue", () => {
    expect(workingDaysLeft(nauryz, "2026-03-20", "2026-03-30")).toBe(3);
    expect(workingDaysLeft(nauryz, "2026-03-30", "2026-03-30")).toBe(0);
    expect(workingDaysLeft(nauryz, "2026-03-31", "2026-03-30")).toBe(-1);
    expect(workingDaysLeft(nauryz, "2026-04-02", "2026-03-30")).toBe(-3);
    // Over the holidays only two working days stand between Friday 20 and Friday 27 March.
    expect(workingDaysLeft(nauryz, "2026-03-20", "2026-03-27")).toBe(2);
  });
});

describe("the public overdue state", () => {
  it("is none without a clock or once answered, overdue only after the due day", () => {
    expect(overdueState(null, "2026-03-30", false)).toBe("none");
    expect(overdueState("2026-03-30", "2026-04-10", true)).toBe("none");
    expect(overdueState("2026-03-30", "2026-03-20", false)).toBe("running");
    expect(overdueState("2026-03-30", "2026-03-30", false)).toBe("due_today");
    expect(overdueState("2026-03-30", "2026-03-31", false)).toBe("overdue");
  });
});

describe("escalation alerts", () => {
  it("warns within the set number of working days, on the due day, and when overdue", () => {
    expect(alertFor(nauryz, "2026-03-20", "2026-03-30", 3)).toBe("before");
    expect(alertFor(nauryz, "2026-03-20", "2026-03-30", 2)).toBeNull();
    // On a Saturday the next working day is what is left: still a warning.
    expect(alertFor(nauryz, "2026-03-28", "2026-03-30", 3)).toBe("before");
    expect(alertFor(nauryz, "2026-03-30", "2026-03-30", 3)).toBe("due");
    expect(alertFor(nauryz, "2026-03-31", "2026-03-30", 3)).toBe("overdue");
  });
});

describe("the latest day to announce a hearing", () => {
  it("leaves the full notice in working days before the answer is due", () => {
    // Wednesday 18 March + 3 working days = Thursday 26 March (19, 20, then 26 after Nauryz).
    expect(latestNoticeDay(nauryz, "2026-03-26", 3)).toBe("2026-03-18");
    expect(nauryz.addWorkingDays("2026-03-19", 3)).toBe("2026-03-27");
    expect(latestNoticeDay(new WorkingCalendar([]), "2026-03-26", 3)).toBe("2026-03-23");
  });
});

describe("recomputing a running clock after a calendar edit", () => {
  const clock = { startDay: "2026-03-20", workingDays: 3, dueOn: "2026-03-30" };

  it("changes nothing when the edit does not touch the clock's days", () => {
    expect(recomputedDeadline(nauryz, clock)).toBeNull();
  });

  it("moves the due day later when a day off is added, earlier when one is removed", () => {
    const withBridge = new WorkingCalendar([...NAURYZ_2026, { day: "2026-03-27", kind: "moved_day_off", name: "Bridge day" }]);
    expect(recomputedDeadline(withBridge, clock)?.due).toBe("2026-03-31");
    expect(recomputedDeadline(new WorkingCalendar([]), clock)?.due).toBe("2026-03-25");
  });
});

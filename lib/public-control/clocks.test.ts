import { describe, expect, it } from "vitest";
import { HOLIDAYS } from "../../db/seed/holidays";
import { WorkingCalendar } from "../calendar/working-days";
import {
  answerDeadline,
  clockStatus,
  earliestHearingDay,
  finalDocumentDeadline,
  informationRequestDeadline,
  isOverdue,
  needsFinalDocumentReminder,
  workingDaysLeft,
} from "./clocks";
import { PUBLIC_CONTROL_SETTING_DEFAULTS as settings } from "./settings";

const calendar = new WorkingCalendar(HOLIDAYS.map((row) => ({ day: row.day, kind: row.kind, name: row.nameEn })));
const plainWeek = new WorkingCalendar([]);

describe("the final document's clock", () => {
  it("is 7 working days after completion, skipping the weekend", () => {
    // Wednesday 4 February 2026 → Friday 13 February (no holidays in between).
    expect(finalDocumentDeadline(calendar, "2026-02-04", settings).due).toBe("2026-02-13");
  });

  it("skips public holidays and says which ones", () => {
    // Completed Thursday 19 March 2026: Nauryz (23 March) and its carry-overs (24, 25 March) do not count.
    const explained = finalDocumentDeadline(calendar, "2026-03-19", settings);
    expect(explained.due).toBe("2026-04-02");
    expect(explained.skipped.map((d) => d.day)).toEqual(expect.arrayContaining(["2026-03-23", "2026-03-24", "2026-03-25"]));
    expect(explained.workingDays).toBe(7);
  });

  it("follows the setting", () => {
    expect(finalDocumentDeadline(plainWeek, "2026-02-02", { ...settings, finalDocumentWorkingDays: 1 }).due).toBe("2026-02-03");
  });
});

describe("the object's answer clock and the information-request clock", () => {
  it("gives the object 10 working days from sending", () => {
    // Sent Monday 2 February 2026 → Monday 16 February.
    expect(answerDeadline(calendar, "2026-02-02", settings).due).toBe("2026-02-16");
  });

  it("gives 15 working days for an information request", () => {
    // Asked Monday 2 February 2026 → Monday 23 February.
    expect(informationRequestDeadline(calendar, "2026-02-02", settings).due).toBe("2026-02-23");
  });

  it("requires a hearing to be at least 3 working days after its notice", () => {
    // Notified Thursday 5 February → earliest Tuesday 10 February.
    expect(earliestHearingDay(calendar, "2026-02-05", settings)).toBe("2026-02-10");
  });
});

describe("overdue and reminders", () => {
  it("is on time on the due day itself and overdue the day after", () => {
    expect(isOverdue("2026-02-13", "2026-02-13")).toBe(false);
    expect(isOverdue("2026-02-13", "2026-02-14")).toBe(true);
    expect(isOverdue(null, "2026-02-14")).toBe(false);
  });

  it("counts working days left, negative once overdue", () => {
    expect(workingDaysLeft(plainWeek, "2026-02-09", "2026-02-13")).toBe(4);
    expect(workingDaysLeft(plainWeek, "2026-02-16", "2026-02-13")).toBe(-1);
  });

  it("reminds from 2 working days before the due day, on it, and every day after", () => {
    const due = "2026-02-13"; // a Friday
    expect(clockStatus(plainWeek, "2026-02-10", due, 2)).toBe("on_time");
    expect(needsFinalDocumentReminder(plainWeek, "2026-02-10", due, settings)).toBe(false);
    expect(clockStatus(plainWeek, "2026-02-11", due, 2)).toBe("due_soon");
    expect(needsFinalDocumentReminder(plainWeek, "2026-02-11", due, settings)).toBe(true);
    expect(clockStatus(plainWeek, "2026-02-13", due, 2)).toBe("due_today");
    expect(clockStatus(plainWeek, "2026-02-16", due, 2)).toBe("overdue");
    expect(needsFinalDocumentReminder(plainWeek, "2026-02-20", due, settings)).toBe(true);
  });
});

describe("settings", () => {
  it("moves the information-request clock when an admin changes the working days", () => {
    expect(informationRequestDeadline(plainWeek, "2026-02-02", { ...settings, informationRequestWorkingDays: 5 }).due).toBe("2026-02-09");
  });
});

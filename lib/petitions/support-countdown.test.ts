import { describe, expect, it } from "vitest";
import { WorkingCalendar } from "@/lib/calendar/working-days";
import { supportCountdown } from "./support-countdown";

describe("the support countdown", () => {
  const calendar = new WorkingCalendar([{ day: "2027-03-08", kind: "holiday", name: "International Women's Day" }]);
  const petition = { supportThreshold: 50, supportDeadline: "2027-03-12" };

  it("counts the working days left up to and including the deadline, skipping holidays", () => {
    // Thursday 4 March: Fri 5, (Mon 8 is a holiday), Tue 9 … Fri 12.
    expect(supportCountdown(petition, 12, calendar, "2027-03-04")).toEqual({ supporters: 12, threshold: 50, deadline: "2027-03-12", workingDaysLeft: 5 });
  });

  it("is zero on the last day and below zero after it", () => {
    expect(supportCountdown(petition, 0, calendar, "2027-03-12")?.workingDaysLeft).toBe(0);
    expect(supportCountdown(petition, 0, calendar, "2027-03-15")?.workingDaysLeft).toBe(-1);
  });

  it("has nothing to count for a petition without a support clock", () => {
    expect(supportCountdown({ supportThreshold: null, supportDeadline: null }, 3, calendar, "2027-03-04")).toBeNull();
  });
});

import { describe, expect, it } from "vitest";
import { WorkingCalendar } from "@/lib/calendar/working-days";
import { computeScorecard, median, type ScorecardEvent } from "./compute-scorecard";
import { isRanked, onTimeShare } from "./measures";

const calendar = new WorkingCalendar([{ day: "2026-02-10", kind: "holiday", name: "A holiday" }]);
let nextId = 1;

function event(entityType: string, entityId: string, action: string, at: string, data: Record<string, unknown> = {}, toState: string | null = null): ScorecardEvent {
  return { id: nextId++, entityType, entityId, action, toState, data, occurredAt: new Date(`${at}T06:00:00Z`) };
}

describe("the median", () => {
  it("takes the middle value, or the mean of the two middle ones", () => {
    expect(median([])).toBeNull();
    expect(median([7])).toBe(7);
    expect(median([10, 3, 9])).toBe(9);
    expect(median([22, 3, 10, 9])).toBe(9.5);
  });
});

describe("an agency's scorecard from its events", () => {
  it("counts answers on time and late, open and overdue items, and working days with the holiday skipped", () => {
    const figures = computeScorecard(
      [
        event("petition", "p1", "threshold_reached", "2026-02-02", { responseDueOn: "2026-02-16" }),
        event("petition", "p1", "responded", "2026-02-12", {}, "responded"),
        event("information_request", "r1", "asked", "2026-02-02", { dueOn: "2026-02-06" }),
        event("information_request", "r1", "refused", "2026-02-09"),
        event("information_request", "r2", "asked", "2026-02-02", { dueOn: "2026-02-06" }),
        event("activity", "a1", "final_document_sent", "2026-02-02", { answerDueOn: "2026-02-17" }),
      ],
      calendar,
      "2026-02-09",
    );
    expect(figures).toMatchObject({
      itemsDue: 4,
      answered: 2,
      answeredOnTime: 1,
      openNow: 2,
      overdueNow: 1,
      petitionsAnswered: 1,
      informationRequestsAnswered: 1,
      informationRequestsRefused: 1,
    });
    // p1: 3, 4, 5, 6, 9, 11, 12 February (the 10th is a holiday) = 7; r1: 3, 4, 5, 6, 9 = 5.
    expect(figures.medianWorkingDaysToAnswer).toBe(6);
    expect(onTimeShare(figures)).toBeCloseTo(1 / 3);
    expect(isRanked(figures)).toBe(false);
  });

  it("reads the recommendations' tally and each recommendation's follow-up once", () => {
    const figures = computeScorecard(
      [
        event("activity", "a1", "final_document_sent", "2026-02-02", { answerDueOn: "2026-02-17" }),
        event("activity", "a1", "answered", "2026-02-05", { accepted: 2, partially_accepted: 1, rejected: 1 }),
        event("activity", "a1", "implementation_marked", "2026-03-02", { recommendationId: "x", implementation: "implemented" }),
        event("activity", "a1", "implementation_marked", "2026-03-02", { recommendationId: "y", implementation: "not_implemented" }),
        event("activity", "a1", "implementation_marked", "2026-03-03", { recommendationId: "y", implementation: "not_implemented" }),
      ],
      calendar,
      "2026-03-10",
    );
    expect(figures).toMatchObject({
      answered: 1,
      answeredOnTime: 1,
      recommendationsTotal: 4,
      recommendationsAccepted: 3,
      recommendationsImplemented: 1,
      recommendationsNotImplemented: 1,
    });
  });

  it("leaves out hidden petitions, and counts a petition answered before its threshold only as answered", () => {
    const figures = computeScorecard(
      [
        event("petition", "hidden", "threshold_reached", "2026-02-02", { responseDueOn: "2026-02-16" }),
        event("petition", "hidden", "hidden", "2026-02-03"),
        event("petition", "early", "responded", "2026-02-04", {}, "responded"),
      ],
      calendar,
      "2026-03-10",
    );
    expect(figures).toMatchObject({ itemsDue: 0, answered: 0, overdueNow: 0, petitionsAnswered: 1, medianWorkingDaysToAnswer: null });
    expect(onTimeShare(figures)).toBeNull();
  });

  it("takes the due day from the item's row when the clock's event does not carry it", () => {
    const started = { ...event("petition", "old", "threshold_reached", "2026-02-02"), entityDueOn: "2026-03-02" };
    const answered = { ...event("petition", "old", "responded", "2026-02-12", {}, "responded"), entityDueOn: "2026-03-02" };
    expect(computeScorecard([started, answered], calendar, "2026-03-10")).toMatchObject({ answered: 1, answeredOnTime: 1 });
    expect(computeScorecard([started], calendar, "2026-03-10")).toMatchObject({ openNow: 1, overdueNow: 1 });
  });

  it("moves a running clock's due day when the calendar changed, and judges an answer against the day in force", () => {
    const figures = computeScorecard(
      [
        event("information_request", "r1", "asked", "2026-02-02", { dueOn: "2026-02-06" }),
        event("information_request", "r1", "deadline_recomputed", "2026-02-04", { previousDueOn: "2026-02-06", dueOn: "2026-02-09" }),
        event("information_request", "r1", "answered", "2026-02-09"),
        event("information_request", "r2", "asked", "2026-02-02", { dueOn: "2026-02-06" }),
        event("information_request", "r2", "deadline_recomputed", "2026-02-04", { previousDueOn: "2026-02-06", dueOn: "2026-02-11" }),
      ],
      calendar,
      "2026-02-11",
    );
    expect(figures).toMatchObject({ answered: 1, answeredOnTime: 1, openNow: 1, overdueNow: 0 });
  });

  it("keeps the highest event id as the figures' watermark", () => {
    const events = [event("petition", "p", "threshold_reached", "2026-02-02", { responseDueOn: "2026-02-16" })];
    expect(computeScorecard(events, calendar, "2026-02-03").eventWatermark).toBe(events[0].id);
    expect(computeScorecard([], calendar, "2026-02-03").eventWatermark).toBe(0);
  });
});

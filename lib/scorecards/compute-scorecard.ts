// How an agency's scorecard follows from its event history. Pure: no database, no "now" (the
// caller passes today's Almaty day), so the rules are unit-tested and the refresh job only
// loads events and writes the result.

import { isDayString, toDayString, type WorkingCalendar } from "@/lib/calendar/working-days";
import { ZERO_SCORECARD_FIGURES, type StoredScorecardFigures } from "./measures";

/**
 * The history the scorecard reads, per kind of item: the event that starts the clock, those
 * that settle it, and deadline_recomputed (data.dueOn), which moves a running clock's due day
 * after an admin edits the holiday calendar (lib/agency/recompute-deadlines.ts).
 */
export const SCORECARD_EVENTS = {
  /** threshold_reached starts the clock (data.responseDueOn); the published answer moves the petition to "responded"; hidden takes it off the record. */
  petition: ["threshold_reached", "responded", "hidden", "deadline_recomputed"],
  /** final_document_sent starts the clock (data.answerDueOn); answered carries the tally of decisions; implementation_marked is the follow-up. */
  activity: ["final_document_sent", "answered", "implementation_marked", "deadline_recomputed"],
  /** asked starts the clock (data.dueOn); answered or refused settles it. */
  information_request: ["asked", "answered", "refused", "deadline_recomputed"],
} as const;

export type ScorecardEntityType = keyof typeof SCORECARD_EVENTS;

/** One event as the computation needs it. */
export interface ScorecardEvent {
  id: number;
  entityType: string;
  entityId: string;
  action: string;
  toState: string | null;
  data: Record<string, unknown>;
  occurredAt: Date;
  /** The due day on the item's own row, used when the clock's event does not carry it (older or seeded data). */
  entityDueOn?: string | null;
}

/** The figures stored in agency_scorecards, with the last event they include. */
export interface ScorecardFigures extends StoredScorecardFigures {
  eventWatermark: number;
}

/** Something the agency must answer, once its clock has started. */
interface Item {
  kind: ScorecardEntityType;
  startDay: string | null;
  dueDay: string | null;
  answerDay: string | null;
  refused: boolean;
  /** A hidden petition is unlawful content: it leaves the public record and the scorecard. */
  voided: boolean;
}

const FOLLOWED_UP_COUNTS = ["accepted", "partially_accepted"] as const;

function dayFrom(value: unknown): string | null {
  return isDayString(value) ? value : null;
}

/** The day a clock started: the one the deadline was counted from, else the event's own Almaty day. */
function clockStartDay(event: ScorecardEvent): string {
  const explanation = event.data.explanation as { start?: unknown } | undefined;
  return dayFrom(explanation?.start) ?? toDayString(event.occurredAt);
}

function count(value: unknown): number {
  const n = Number(value);
  return Number.isFinite(n) && n > 0 ? Math.floor(n) : 0;
}

/** The median of whole numbers, halves kept (two middle values averaged); null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** The figures of one agency from all its scorecard events (any order), as of `today` (Almaty). */
export function computeScorecard(events: readonly ScorecardEvent[], calendar: WorkingCalendar, today: string): ScorecardFigures {
  const ordered = [...events].sort((a, b) => a.id - b.id);
  const items = new Map<string, Item>();
  const itemFor = (event: ScorecardEvent) => {
    const key = `${event.entityType}:${event.entityId}`;
    let item = items.get(key);
    if (!item) {
      item = { kind: event.entityType as ScorecardEntityType, startDay: null, dueDay: null, answerDay: null, refused: false, voided: false };
      items.set(key, item);
    }
    return item;
  };
  // Per activity: the latest tally of decisions. Per recommendation: its (final) follow-up mark.
  const tallies = new Map<string, { accepted: number; partially_accepted: number; rejected: number }>();
  const marks = new Map<string, string>();
  let watermark = 0;

  for (const event of ordered) {
    watermark = Math.max(watermark, event.id);
    const { action, data } = event;
    if (action === "deadline_recomputed") {
      const item = itemFor(event);
      // Only a running clock moves; an answer already given is judged against the day it had.
      if (item.startDay && !item.answerDay) item.dueDay = dayFrom(data.dueOn) ?? item.dueDay;
      continue;
    }
    if (event.entityType === "petition") {
      const item = itemFor(event);
      if (action === "threshold_reached" && !item.startDay) {
        item.startDay = clockStartDay(event);
        item.dueDay = dayFrom(data.responseDueOn) ?? dayFrom(event.entityDueOn);
      } else if ((action === "responded" || event.toState === "responded") && !item.answerDay) {
        item.answerDay = toDayString(event.occurredAt);
      } else if (action === "hidden") {
        item.voided = true;
      }
    } else if (event.entityType === "activity") {
      if (action === "final_document_sent") {
        const item = itemFor(event);
        if (!item.startDay) {
          item.startDay = clockStartDay(event);
          item.dueDay = dayFrom(data.answerDueOn) ?? dayFrom(event.entityDueOn);
        }
      } else if (action === "answered") {
        const item = itemFor(event);
        item.answerDay ??= toDayString(event.occurredAt);
        tallies.set(event.entityId, { accepted: count(data.accepted), partially_accepted: count(data.partially_accepted), rejected: count(data.rejected) });
      } else if (action === "implementation_marked" && typeof data.recommendationId === "string") {
        marks.set(data.recommendationId, String(data.implementation));
      }
    } else if (event.entityType === "information_request") {
      const item = itemFor(event);
      if (action === "asked" && !item.startDay) {
        item.startDay = clockStartDay(event);
        item.dueDay = dayFrom(data.dueOn) ?? dayFrom(event.entityDueOn);
      } else if ((action === "answered" || action === "refused") && !item.answerDay) {
        item.answerDay = toDayString(event.occurredAt);
        item.refused = action === "refused";
      }
    }
  }

  const figures: ScorecardFigures = { ...ZERO_SCORECARD_FIGURES, eventWatermark: watermark };
  const workingDays: number[] = [];
  for (const item of items.values()) {
    if (item.voided) continue;
    if (item.answerDay && item.kind === "petition") figures.petitionsAnswered++;
    if (item.answerDay && item.kind === "information_request") {
      figures.informationRequestsAnswered++;
      if (item.refused) figures.informationRequestsRefused++;
    }
    // An answer given before any clock started (a petition answered below its threshold) is
    // counted above but is not a deadline kept or missed.
    if (!item.startDay) continue;
    figures.itemsDue++;
    if (item.answerDay) {
      figures.answered++;
      if (item.dueDay && item.answerDay <= item.dueDay) figures.answeredOnTime++;
      workingDays.push(Math.max(0, calendar.countWorkingDaysBetween(item.startDay, item.answerDay)));
    } else {
      figures.openNow++;
      if (item.dueDay && item.dueDay < today) figures.overdueNow++;
    }
  }
  figures.medianWorkingDaysToAnswer = median(workingDays);

  for (const tally of tallies.values()) {
    figures.recommendationsTotal += tally.accepted + tally.partially_accepted + tally.rejected;
    figures.recommendationsAccepted += FOLLOWED_UP_COUNTS.reduce((sum, key) => sum + tally[key], 0);
  }
  for (const mark of marks.values()) {
    if (mark === "implemented") figures.recommendationsImplemented++;
    else if (mark === "not_implemented") figures.recommendationsNotImplemented++;
  }
  return figures;
}

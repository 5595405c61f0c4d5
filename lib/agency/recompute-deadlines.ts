import { and, eq, gte, inArray, isNotNull, lt, type SQL } from "drizzle-orm";
import { activities, events, informationRequests, petitions } from "@/db/schema";
import type { Database, Executor } from "@/db/client";
import { loadCalendar } from "@/lib/calendar/load-calendar";
import { addCalendarDays, toDayString, type DeadlineExplanation } from "@/lib/calendar/working-days";
import { enqueueJob } from "@/lib/jobs/queue";
import { recordEvent } from "@/lib/events/record-event";
import { readPetitionSettings } from "@/lib/petitions/settings";
import { readPublicControlSettings } from "@/lib/public-control/settings";
import { recomputedDeadline } from "./deadlines";

export const RECOMPUTE_DEADLINES_QUEUE = "clocks.recompute-deadlines";

/**
 * Called by the calendar's admin functions in their transaction: the clocks are recomputed once
 * the edit has committed. No singleton key on purpose: a run already under way may have read
 * the calendar before this edit, so every edit gets a run of its own (runs are idempotent).
 */
export async function enqueueDeadlineRecompute(tx: Executor, day: string): Promise<void> {
  await enqueueJob(tx, RECOMPUTE_DEADLINES_QUEUE, { day });
}

/**
 * One running statutory clock: where it started, how many working days it runs, its stored due day.
 * A petition runs three clocks in turn: support (gathering supporters), moderation, response.
 */
interface RunningClock {
  entityType: "petition" | "activity" | "information_request";
  /** Which of a petition's clocks; the others have one each. */
  petitionClock?: "support" | "moderation" | "response";
  id: string;
  startDay: string;
  workingDays: number;
  dueOn: string;
}

/** The working days a clock was started with, as its starting event explained them. */
function workingDaysOf(data: Record<string, unknown> | undefined): number | null {
  const explanation = data?.explanation as Partial<DeadlineExplanation> | undefined;
  const value = explanation?.workingDays;
  return typeof value === "number" && Number.isInteger(value) && value >= 0 ? value : null;
}

async function startingEvents(db: Executor, entityType: string, action: string, ids: string[]): Promise<Map<string, Record<string, unknown>>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ entityId: events.entityId, data: events.data })
    .from(events)
    .where(and(eq(events.entityType, entityType), eq(events.action, action), inArray(events.entityId, ids)))
    .orderBy(events.id);
  return new Map(rows.map((row) => [row.entityId, row.data]));
}

/**
 * The clocks still running — petitions awaiting their answer, final documents under
 * consideration, pending requests — narrowed, when `days` are given, to those whose counted
 * days (after the start day, up to the due day) include one of them: an edit elsewhere cannot
 * move their due day.
 */
async function runningClocks(db: Database, days: readonly string[] | null): Promise<RunningClock[]> {
  const [settings, petitionSettings] = await Promise.all([readPublicControlSettings(db), readPetitionSettings(db)]);
  const sorted = days ? [...days].sort() : null;
  // A coarse index-friendly window; the exact per-clock check follows below.
  const window = (startedAt: Parameters<typeof lt>[0], dueOn: Parameters<typeof gte>[0]): SQL[] =>
    sorted ? [gte(dueOn, sorted[0]), lt(startedAt, new Date(`${addCalendarDays(sorted.at(-1)!, 1)}T00:00:00+05:00`))] : [];
  const [petitionRows, activityRows, requestRows, supportRows, moderationRows] = await Promise.all([
    db
      .select({ id: petitions.id, startedAt: petitions.thresholdReachedAt, workingDays: petitions.responseWorkingDays, dueOn: petitions.responseDueOn })
      .from(petitions)
      .where(
        and(
          inArray(petitions.state, ["open", "closed"]),
          isNotNull(petitions.thresholdReachedAt),
          isNotNull(petitions.responseDueOn),
          ...window(petitions.thresholdReachedAt, petitions.responseDueOn),
        ),
      ),
    db
      .select({ id: activities.id, startedAt: activities.sentAt, dueOn: activities.answerDueOn })
      .from(activities)
      .where(
        and(
          inArray(activities.state, ["under_consideration", "hearing"]),
          isNotNull(activities.sentAt),
          isNotNull(activities.answerDueOn),
          ...window(activities.sentAt, activities.answerDueOn),
        ),
      ),
    db
      .select({ id: informationRequests.id, startedAt: informationRequests.askedAt, dueOn: informationRequests.dueOn })
      .from(informationRequests)
      .where(and(eq(informationRequests.state, "pending"), ...window(informationRequests.askedAt, informationRequests.dueOn))),
    // The clocks before a petition is public count working days too: its creator and the moderators see their due days.
    db
      .select({ id: petitions.id, startedAt: petitions.submittedAt, dueOn: petitions.supportDeadline })
      .from(petitions)
      .where(
        and(
          eq(petitions.state, "gathering_support"),
          isNotNull(petitions.submittedAt),
          isNotNull(petitions.supportDeadline),
          ...window(petitions.submittedAt, petitions.supportDeadline),
        ),
      ),
    db
      .select({ id: petitions.id, startedAt: petitions.moderationQueuedAt, dueOn: petitions.moderationDueOn })
      .from(petitions)
      .where(
        and(
          eq(petitions.state, "awaiting_moderation"),
          isNotNull(petitions.moderationQueuedAt),
          isNotNull(petitions.moderationDueOn),
          ...window(petitions.moderationQueuedAt, petitions.moderationDueOn),
        ),
      ),
  ]);
  const [sent, asked, reached, submitted, supported] = await Promise.all([
    startingEvents(db, "activity", "final_document_sent", activityRows.map((row) => row.id)),
    startingEvents(db, "information_request", "asked", requestRows.map((row) => row.id)),
    startingEvents(db, "petition", "threshold_reached", petitionRows.filter((row) => row.workingDays === null).map((row) => row.id)),
    startingEvents(db, "petition", "submitted", supportRows.map((row) => row.id)),
    startingEvents(db, "petition", "support_reached", moderationRows.map((row) => row.id)),
  ]);
  const clocks: RunningClock[] = [
    ...supportRows.map((row) => ({
      entityType: "petition" as const,
      petitionClock: "support" as const,
      id: row.id,
      startDay: toDayString(row.startedAt!),
      workingDays: workingDaysOf(submitted.get(row.id)) ?? petitionSettings.supportWorkingDays,
      dueOn: row.dueOn!,
    })),
    ...moderationRows.map((row) => ({
      entityType: "petition" as const,
      petitionClock: "moderation" as const,
      id: row.id,
      startDay: toDayString(row.startedAt!),
      workingDays: workingDaysOf(supported.get(row.id)) ?? petitionSettings.moderationWorkingDays,
      dueOn: row.dueOn!,
    })),
    ...petitionRows.map((row) => ({
      entityType: "petition" as const,
      petitionClock: "response" as const,
      id: row.id,
      startDay: toDayString(row.startedAt!),
      workingDays: row.workingDays ?? workingDaysOf(reached.get(row.id)) ?? 20,
      dueOn: row.dueOn!,
    })),
    ...activityRows.map((row) => ({
      entityType: "activity" as const,
      id: row.id,
      startDay: toDayString(row.startedAt!),
      workingDays: workingDaysOf(sent.get(row.id)) ?? settings.answerWorkingDays,
      dueOn: row.dueOn!,
    })),
    ...requestRows.map((row) => ({
      entityType: "information_request" as const,
      id: row.id,
      startDay: toDayString(row.startedAt),
      workingDays: workingDaysOf(asked.get(row.id)) ?? settings.informationRequestWorkingDays,
      dueOn: row.dueOn,
    })),
  ];
  return sorted ? clocks.filter((clock) => sorted.some((day) => clock.startDay < day && day <= clock.dueOn)) : clocks;
}

/** Writes the new due day only if the stored one is still the one we read (a concurrent answer or run wins). */
async function moveDueDay(tx: Executor, clock: RunningClock, due: string): Promise<boolean> {
  switch (clock.entityType) {
    case "petition":
      if (clock.petitionClock === "support") {
        const moved = await tx
          .update(petitions)
          .set({ supportDeadline: due, updatedAt: new Date() })
          .where(and(eq(petitions.id, clock.id), eq(petitions.supportDeadline, clock.dueOn), eq(petitions.state, "gathering_support")))
          .returning({ id: petitions.id });
        return moved.length > 0;
      }
      if (clock.petitionClock === "moderation") {
        const moved = await tx
          .update(petitions)
          .set({ moderationDueOn: due, updatedAt: new Date() })
          .where(and(eq(petitions.id, clock.id), eq(petitions.moderationDueOn, clock.dueOn), eq(petitions.state, "awaiting_moderation")))
          .returning({ id: petitions.id });
        return moved.length > 0;
      }
      return (
        (
          await tx
            .update(petitions)
            .set({ responseDueOn: due, updatedAt: new Date() })
            .where(and(eq(petitions.id, clock.id), eq(petitions.responseDueOn, clock.dueOn), inArray(petitions.state, ["open", "closed"])))
            .returning({ id: petitions.id })
        ).length > 0
      );
    case "activity":
      return (
        (
          await tx
            .update(activities)
            .set({ answerDueOn: due, updatedAt: new Date() })
            .where(and(eq(activities.id, clock.id), eq(activities.answerDueOn, clock.dueOn), inArray(activities.state, ["under_consideration", "hearing"])))
            .returning({ id: activities.id })
        ).length > 0
      );
    case "information_request":
      return (
        (
          await tx
            .update(informationRequests)
            .set({ dueOn: due })
            .where(and(eq(informationRequests.id, clock.id), eq(informationRequests.dueOn, clock.dueOn), eq(informationRequests.state, "pending")))
            .returning({ id: informationRequests.id })
        ).length > 0
      );
  }
}

/**
 * The rule of README "Statutory clocks": after an admin edits the working-day calendar, every
 * clock still running gets the due day its start day and working days give under the calendar
 * now in force — later when a day off was added, earlier when one was removed. Answered items
 * keep theirs. Each move is an event "deadline_recomputed" on the item's own entity, with the
 * old and new day and the new explanation. Job "clocks.recompute-deadlines", one per edited day:
 * only clocks that count that day can move, so only those are looked at.
 */
export async function recomputeDeadlines(options: {
  db: Database;
  now?: Date;
  /** The edited days (the job's payload); without them every running clock is checked. */
  days?: readonly string[];
}): Promise<{ recomputed: number }> {
  const { db, now = new Date() } = options;
  const calendar = await loadCalendar(db);
  let recomputed = 0;
  for (const clock of await runningClocks(db, options.days ?? null)) {
    const explanation = recomputedDeadline(calendar, clock);
    if (!explanation) continue;
    const moved = await db.transaction(async (tx) => {
      if (!(await moveDueDay(tx, clock, explanation.due))) return false;
      await recordEvent(tx, {
        entityType: clock.entityType,
        entityId: clock.id,
        actorId: null,
        action: "deadline_recomputed",
        reason: "calendar_changed",
        data: { previousDueOn: clock.dueOn, dueOn: explanation.due, explanation, ...(clock.petitionClock && clock.petitionClock !== "response" ? { clock: clock.petitionClock } : {}) },
        occurredAt: now,
      });
      return true;
    });
    if (moved) recomputed++;
  }
  return { recomputed };
}

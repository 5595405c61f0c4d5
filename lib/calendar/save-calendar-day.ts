import { eq } from "drizzle-orm";
import { calendarDays, type CalendarDay } from "@/db/schema";
import type { Database } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { assertAdmin } from "@/lib/auth/permissions";
import { DomainError } from "@/lib/errors";
import { recordEvent } from "@/lib/events/record-event";
import { enqueueDeadlineRecompute } from "@/lib/agency/recompute-deadlines";
import { fieldErrorsOf } from "@/lib/validation/field-errors";
import { calendarDaySchema, type CalendarDayInput } from "./schema";

/**
 * An admin adds an exception to the five-day week or changes the one listed for that day.
 * Deadlines computed later use it, and the edit enqueues `clocks.recompute-deadlines` in the same
 * transaction, which moves the due day of every clock still running (README "Statutory clocks").
 * Events (entity "calendar_day", id = the day): "calendar_day_created" or "calendar_day_updated".
 */
export async function saveCalendarDay(options: { db: Database; actor: Actor | null; input: CalendarDayInput }): Promise<{ created: boolean; changed: boolean }> {
  const { db, actor } = options;
  assertAdmin(actor);
  // Checked here as well as in the action: the weekday rule must hold whoever calls.
  const parsed = calendarDaySchema.safeParse(options.input);
  if (!parsed.success) throw new DomainError("validation", "invalidInput", fieldErrorsOf(parsed.error));
  const input = parsed.data;
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(calendarDays).where(eq(calendarDays.day, input.day)).for("update");
    if (current && sameDay(current, input)) return { created: false, changed: false };
    await tx
      .insert(calendarDays)
      .values({ ...input, updatedAt: new Date() })
      .onConflictDoUpdate({
        target: calendarDays.day,
        set: { kind: input.kind, nameKk: input.nameKk, nameRu: input.nameRu, nameEn: input.nameEn, updatedAt: new Date() },
      });
    await recordEvent(tx, {
      entityType: "calendar_day",
      entityId: input.day,
      actorId: actor.id,
      action: current ? "calendar_day_updated" : "calendar_day_created",
      fromState: current?.kind ?? null,
      toState: input.kind,
      data: {
        names: { kk: input.nameKk, ru: input.nameRu, en: input.nameEn },
        ...(current ? { previousNames: { kk: current.nameKk, ru: current.nameRu, en: current.nameEn } } : {}),
      },
    });
    await enqueueDeadlineRecompute(tx, input.day);
    return { created: !current, changed: true };
  });
}

function sameDay(row: CalendarDay, input: CalendarDayInput): boolean {
  return row.kind === input.kind && row.nameKk === input.nameKk && row.nameRu === input.nameRu && row.nameEn === input.nameEn;
}

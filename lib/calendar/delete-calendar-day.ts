import { eq } from "drizzle-orm";
import { calendarDays } from "@/db/schema";
import type { Database } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { assertAdmin } from "@/lib/auth/permissions";
import { DomainError } from "@/lib/errors";
import { recordEvent } from "@/lib/events/record-event";
import { enqueueDeadlineRecompute } from "@/lib/agency/recompute-deadlines";
import { isDayString } from "./working-days";

/**
 * An admin removes an exception, so the day follows the five-day week again. The event keeps
 * what was removed ("calendar_day_deleted", entity "calendar_day", id = the day).
 */
export async function deleteCalendarDay(options: { db: Database; actor: Actor | null; day: string }): Promise<void> {
  const { db, actor, day } = options;
  assertAdmin(actor);
  if (!isDayString(day)) throw new DomainError("validation", "invalidInput", { day: ["date"] });
  await db.transaction(async (tx) => {
    const [removed] = await tx.delete(calendarDays).where(eq(calendarDays.day, day)).returning();
    if (!removed) throw new DomainError("not_found", "notFound");
    await recordEvent(tx, {
      entityType: "calendar_day",
      entityId: day,
      actorId: actor.id,
      action: "calendar_day_deleted",
      fromState: removed.kind,
      toState: null,
      data: { names: { kk: removed.nameKk, ru: removed.nameRu, en: removed.nameEn } },
    });
    await enqueueDeadlineRecompute(tx, day);
  });
}

import type { Activity } from "@/db/schema";
import type { Database } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { DomainError } from "@/lib/errors";
import { scheduleConsiderationHearing } from "@/lib/public-control/schedule-consideration-hearing";
import { fieldErrorsOf } from "@/lib/validation/field-errors";
import { lockItemForWork } from "./item-source";
import { moveItemStatus } from "./move-item-status";
import { almatyInstant, hearingSchema, type HearingInput } from "./schema";

/**
 * Staff schedule the optional hearing on a final document from the dashboard, through
 * lib/public-control scheduleConsiderationHearing (at least 3 working days' notice, setting; the
 * subject is notified), in one transaction with the dashboard's row. The answer clock keeps
 * running. Event: "scheduled" on entity "agency_item", besides the activity's "hearing_scheduled".
 */
export async function scheduleHearing(options: {
  db: Database;
  actor: Actor | null;
  agencyId: string;
  activityId: string;
  input: HearingInput;
  now?: Date;
}): Promise<Activity> {
  const { db, actor, agencyId, activityId, now = new Date() } = options;
  return db.transaction(async (tx) => {
    const { state } = await lockItemForWork(tx, actor, { agencyId, kind: "hearing", itemId: activityId }, { open: true });
    const parsed = hearingSchema.safeParse(options.input);
    if (!parsed.success) throw new DomainError("validation", "invalidInput", fieldErrorsOf(parsed.error));
    const startsAt = almatyInstant(parsed.data.day, parsed.data.time);
    let scheduled: Activity;
    try {
      scheduled = await scheduleConsiderationHearing({ db: tx as unknown as Database, actor, activityId, startsAt, place: parsed.data.place, now });
    } catch (error) {
      // The shared function blames "startsAt"; the dashboard's form asks for the day.
      if (error instanceof DomainError && error.fieldErrors?.startsAt) throw new DomainError(error.code, error.message, { day: error.fieldErrors.startsAt });
      throw error;
    }
    await moveItemStatus(tx, state, { actorId: actor!.id, action: "scheduled", to: "published", data: { agencyId, startsAt: startsAt.toISOString() }, now });
    return scheduled;
  });
}

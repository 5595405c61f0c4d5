import { eq } from "drizzle-orm";
import { activities, type Activity } from "@/db/schema";
import type { Database } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { assertSignedIn } from "@/lib/auth/permissions";
import { recordEvent } from "@/lib/events/record-event";
import { assertActiveAgency } from "./create-activity";
import { lockActivityForSubject } from "./lock-activity";
import type { ActivityFormInput } from "./schema";
import { EDITABLE } from "./states";

/**
 * The subject edits the plan while it is a draft. The subject itself (citizen or organization)
 * is fixed at creation: `input.organizationId` is ignored.
 */
export async function updateActivity(options: {
  db: Database;
  actor: Actor | null;
  activityId: string;
  input: ActivityFormInput;
  now?: Date;
}): Promise<Activity> {
  const { db, actor, activityId, input, now = new Date() } = options;
  assertSignedIn(actor);
  await assertActiveAgency(db, input.agencyId);
  return db.transaction(async (tx) => {
    await lockActivityForSubject(tx, actor, activityId, EDITABLE);
    const [updated] = await tx
      .update(activities)
      .set({
        agencyId: input.agencyId,
        forms: input.forms,
        title: input.title,
        subjectMatter: input.subjectMatter,
        goals: input.goals,
        plannedStart: input.plannedStart,
        plannedEnd: input.plannedEnd,
        updatedAt: now,
      })
      .where(eq(activities.id, activityId))
      .returning();
    await recordEvent(tx, { entityType: "activity", entityId: activityId, actorId: actor.id, action: "updated", occurredAt: now });
    return updated;
  });
}

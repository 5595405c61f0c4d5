import { eq } from "drizzle-orm";
import { activities, type Activity } from "@/db/schema";
import type { Database } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { assertSignedIn } from "@/lib/auth/permissions";
import { recordEvent } from "@/lib/events/record-event";
import { lockActivityForSubject } from "./lock-activity";
import { assertTransition } from "./states";

/** The subject starts the announced activity: the forms' work is recorded from now on. */
export async function startActivity(options: { db: Database; actor: Actor | null; activityId: string; now?: Date }): Promise<Activity> {
  const { db, actor, activityId, now = new Date() } = options;
  assertSignedIn(actor);
  return db.transaction(async (tx) => {
    const activity = await lockActivityForSubject(tx, actor, activityId, ["announced"]);
    assertTransition(activity.state, "in_progress");
    const [started] = await tx
      .update(activities)
      .set({ state: "in_progress", startedAt: now, updatedAt: now })
      .where(eq(activities.id, activityId))
      .returning();
    await recordEvent(tx, { entityType: "activity", entityId: activityId, actorId: actor.id, action: "started", fromState: "announced", toState: "in_progress", occurredAt: now });
    return started;
  });
}

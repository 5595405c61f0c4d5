import type { Activity } from "@/db/schema";
import type { Database } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { assertSignedIn } from "@/lib/auth/permissions";
import { lockActivityForSubject } from "./lock-activity";
import { moveActivityState } from "./move-activity-state";
import { assertTransition } from "./states";

/** The subject starts the announced activity: the forms' work is recorded from now on. */
export async function startActivity(options: { db: Database; actor: Actor | null; activityId: string; now?: Date }): Promise<Activity> {
  const { db, actor, activityId, now = new Date() } = options;
  assertSignedIn(actor);
  return db.transaction(async (tx) => {
    const activity = await lockActivityForSubject(tx, actor, activityId, ["announced"]);
    assertTransition(activity.state, "in_progress");
    const started = await moveActivityState(tx, activity, { actorId: actor.id, action: "started", to: "in_progress", columns: { startedAt: now }, now });
    return started;
  });
}

import { and, eq, inArray, isNull } from "drizzle-orm";
import { recommendations, type Activity } from "@/db/schema";
import type { Database, Executor } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { assertSignedIn } from "@/lib/auth/permissions";
import { DomainError } from "@/lib/errors";
import { lockActivityForSubject } from "./lock-activity";
import { moveActivityState } from "./move-activity-state";
import { assertTransition, FOLLOWED_UP_DECISIONS } from "./states";

/** How many accepted (or partially accepted) recommendations still wait for the subject's follow-up mark. */
export async function countUnmarkedFollowUps(tx: Executor, activityId: string): Promise<number> {
  const rows = await tx
    .select({ id: recommendations.id })
    .from(recommendations)
    .where(and(eq(recommendations.activityId, activityId), inArray(recommendations.decision, [...FOLLOWED_UP_DECISIONS]), isNull(recommendations.implementation)));
  return rows.length;
}

/** Writes answered → closed with its event; the caller holds the activity's lock and checked the follow-up. */
export async function writeClosed(tx: Executor, activity: Activity, actorId: string | null, now: Date): Promise<Activity> {
  assertTransition(activity.state, "closed");
  return moveActivityState(tx, activity, { actorId, action: "closed", to: "closed", columns: { closedAt: now }, now });
}

/**
 * The subject closes an answered activity once every accepted recommendation is marked
 * implemented or not. The last mark closes it by itself; this is for an activity whose
 * recommendations were all rejected, where there is nothing to follow up.
 */
export async function closeActivity(options: { db: Database; actor: Actor | null; activityId: string; now?: Date }): Promise<Activity> {
  const { db, actor, activityId, now = new Date() } = options;
  assertSignedIn(actor);
  return db.transaction(async (tx) => {
    const activity = await lockActivityForSubject(tx, actor, activityId, ["answered"]);
    if ((await countUnmarkedFollowUps(tx, activityId)) > 0) throw new DomainError("invalid_transition", "followUpPending");
    return writeClosed(tx, activity, actor.id, now);
  });
}

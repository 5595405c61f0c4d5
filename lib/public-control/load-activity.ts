import { and, eq, inArray } from "drizzle-orm";
import { activities, type Activity } from "@/db/schema";
import type { Executor } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { DomainError } from "@/lib/errors";
import type { ActivityState } from "./states";
import { canViewActivity } from "./subject";
import { isSerialNumber } from "@/lib/validation/numbers";

/**
 * Loads and locks an activity for a change, only if it is in one of `states`; otherwise the
 * refusal says whether it does not exist or is in the wrong state.
 */
export async function lockActivityIn(tx: Executor, activityId: string, states: readonly ActivityState[]): Promise<Activity> {
  const [activity] = await tx
    .select()
    .from(activities)
    .where(and(eq(activities.id, activityId), inArray(activities.state, [...states])))
    .for("update");
  if (activity) return activity;
  const [exists] = await tx.select({ id: activities.id }).from(activities).where(eq(activities.id, activityId));
  throw exists ? new DomainError("invalid_transition", "invalidTransition") : new DomainError("not_found", "notFound");
}

export async function activityByNumber(db: Executor, number: number): Promise<Activity | null> {
  // Beyond int4 no activity has the number, and Postgres would refuse the comparison with a 500.
  if (!isSerialNumber(number)) return null;
  const [activity] = await db.select().from(activities).where(eq(activities.number, number));
  return activity ?? null;
}

export async function activityById(db: Executor, id: string): Promise<Activity | null> {
  const [activity] = await db.select().from(activities).where(eq(activities.id, id));
  return activity ?? null;
}

/** The activity as a viewer may see it: null when it does not exist or is someone else's draft. */
export async function visibleActivityByNumber(db: Executor, number: number, actor: Actor | null): Promise<Activity | null> {
  const activity = await activityByNumber(db, number);
  return activity && canViewActivity(actor, activity) ? activity : null;
}

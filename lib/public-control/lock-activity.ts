import { eq } from "drizzle-orm";
import { activities, type Activity } from "@/db/schema";
import type { Executor } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { assertAgencyRole } from "@/lib/auth/permissions";
import { DomainError } from "@/lib/errors";
import type { ActivityState } from "./states";
import { assertActsForSubject } from "./subject";

/**
 * For the subject's changes: locks the activity, checks that the actor acts for its subject,
 * then that it is in one of `states`. Permission first, so someone else always hears
 * "not found" (a draft) or "forbidden", never which state the activity is in.
 */
export async function lockActivityForSubject(
  tx: Executor,
  actor: Actor | null,
  activityId: string,
  states: readonly ActivityState[],
): Promise<Activity> {
  const [activity] = await tx.select().from(activities).where(eq(activities.id, activityId)).for("update");
  if (!activity) throw new DomainError("not_found", "notFound");
  assertActsForSubject(actor, activity);
  if (!states.includes(activity.state)) throw new DomainError("invalid_transition", "invalidTransition");
  return activity;
}

/**
 * For the object's changes (agency dashboard): locks the activity, checks that the actor is
 * staff of its object agency (anyone else: not_found), then that it is in one of `states`.
 */
export async function lockActivityForAgency(
  tx: Executor,
  actor: Actor | null,
  activityId: string,
  states: readonly ActivityState[],
): Promise<Activity> {
  const [activity] = await tx.select().from(activities).where(eq(activities.id, activityId)).for("update");
  if (!activity || activity.state === "draft") throw new DomainError("not_found", "notFound");
  assertAgencyRole(actor, activity.agencyId);
  if (!states.includes(activity.state)) throw new DomainError("invalid_transition", "invalidTransition");
  return activity;
}

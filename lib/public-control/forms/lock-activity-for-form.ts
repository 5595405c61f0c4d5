import { eq } from "drizzle-orm";
import { activities, type Activity } from "@/db/schema";
import type { Executor } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { DomainError } from "@/lib/errors";
import type { ActivityForm, ActivityState } from "../states";
import { assertActsForSubject } from "../subject";

/**
 * Loads an activity for a change by its subject through one of its forms, and refuses unless:
 * the actor acts for the subject (others get not_found on a draft, forbidden otherwise), the
 * activity lists one of `forms`, and it is in one of `states`. With `lock` the row is held
 * (FOR UPDATE, or FOR SHARE when many may add at once) until the transaction ends; without,
 * it is a check before work that must not happen for a refused actor, such as writing files.
 */
export async function loadActivityForForm(
  tx: Executor,
  options: {
    activityId: string;
    actor: Actor | null;
    forms: readonly ActivityForm[];
    states: readonly ActivityState[];
    lock?: "update" | "share";
  },
): Promise<Activity> {
  const query = tx.select().from(activities).where(eq(activities.id, options.activityId));
  const [activity] = options.lock ? await query.for(options.lock) : await query;
  if (!activity) throw new DomainError("not_found", "notFound");
  assertActsForSubject(options.actor, activity);
  assertFormUsed(activity, options.forms);
  if (!options.states.includes(activity.state)) throw new DomainError("invalid_transition", "invalidTransition");
  return activity;
}

/** Refuses a form the activity's plan does not list. */
export function assertFormUsed(activity: Pick<Activity, "forms">, forms: readonly ActivityForm[]): void {
  if (!forms.some((form) => activity.forms.includes(form))) throw new DomainError("invalid_transition", "formNotUsed");
}

/** A refusal of the input, with the field to blame. */
export function invalidField(field: string, key: string): DomainError {
  return new DomainError("validation", key, { [field]: [key] });
}

// Who acts for an activity's subject, pure: the activity row and the actor in, yes or no out.
import type { Actor } from "@/lib/auth/actor";
import { assertSignedIn, organizationRoleOf } from "@/lib/auth/permissions";
import { DomainError } from "@/lib/errors";
import type { ActivityState, SubjectType } from "./states";

/** The fields of an activity that decide who may act for its subject. */
export interface ActivitySubject {
  subjectType: SubjectType;
  subjectUserId: string;
  organizationId: string | null;
  state: ActivityState;
}

/**
 * True when the actor acts for the subject: any member (or owner) of the subject organization,
 * or the citizen who runs a citizen activity. Nobody else, whatever their platform role.
 */
export function actsForSubject(actor: Actor | null, activity: ActivitySubject): boolean {
  if (!actor) return false;
  if (activity.subjectType === "organization") {
    return !!activity.organizationId && organizationRoleOf(actor, activity.organizationId) !== null;
  }
  return activity.subjectUserId === actor.id;
}

/**
 * Throws unless the actor acts for the subject. A draft is invisible to everyone else, so they
 * get not_found; on a public activity they get forbidden.
 */
export function assertActsForSubject(actor: Actor | null, activity: ActivitySubject): asserts actor is Actor {
  assertSignedIn(actor);
  if (actsForSubject(actor, activity)) return;
  if (activity.state === "draft") throw new DomainError("not_found", "notFound");
  throw new DomainError("forbidden", "forbidden");
}

/** Whether a viewer may see the activity at all: anything public, or a draft of their own. */
export function canViewActivity(actor: Actor | null, activity: ActivitySubject): boolean {
  return activity.state !== "draft" || actsForSubject(actor, activity);
}

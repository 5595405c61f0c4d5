import { and, count, eq, max } from "drizzle-orm";
import { activityTeamMembers, type ActivityTeamMember } from "@/db/schema";
import type { Database } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { assertSignedIn } from "@/lib/auth/permissions";
import { DomainError } from "@/lib/errors";
import { recordEvent } from "@/lib/events/record-event";
import { lockActivityForSubject } from "./lock-activity";
import type { TeamMemberInput } from "./schema";
import { EDITABLE } from "./states";

/** The most team members one activity lists. */
export const MAX_TEAM_MEMBERS = 30;

/**
 * The subject adds a team member with their conflict-of-interest declaration, while the plan is
 * a draft: from the announcement on, the team and the declarations are public and fixed.
 */
export async function addTeamMember(options: {
  db: Database;
  actor: Actor | null;
  activityId: string;
  input: TeamMemberInput;
  now?: Date;
}): Promise<ActivityTeamMember> {
  const { db, actor, activityId, input, now = new Date() } = options;
  assertSignedIn(actor);
  return db.transaction(async (tx) => {
    await lockActivityForSubject(tx, actor, activityId, EDITABLE);
    const [{ last, total }] = await tx
      .select({ last: max(activityTeamMembers.position), total: count() })
      .from(activityTeamMembers)
      .where(eq(activityTeamMembers.activityId, activityId));
    if (Number(total) >= MAX_TEAM_MEMBERS) throw new DomainError("validation", "validation", { name: ["tooMany"] });
    const [member] = await tx
      .insert(activityTeamMembers)
      .values({ activityId, position: (last ?? 0) + 1, ...input, declaredAt: now })
      .returning();
    await recordEvent(tx, { entityType: "activity", entityId: activityId, actorId: actor.id, action: "team_member_added", data: { memberId: member.id }, occurredAt: now });
    return member;
  });
}

/** The subject removes a team member while the plan is a draft. */
export async function removeTeamMember(options: { db: Database; actor: Actor | null; activityId: string; memberId: string; now?: Date }): Promise<void> {
  const { db, actor, activityId, memberId, now = new Date() } = options;
  assertSignedIn(actor);
  await db.transaction(async (tx) => {
    await lockActivityForSubject(tx, actor, activityId, EDITABLE);
    const removed = await tx
      .delete(activityTeamMembers)
      .where(and(eq(activityTeamMembers.id, memberId), eq(activityTeamMembers.activityId, activityId)))
      .returning({ id: activityTeamMembers.id });
    if (!removed.length) throw new DomainError("not_found", "notFound");
    await recordEvent(tx, { entityType: "activity", entityId: activityId, actorId: actor.id, action: "team_member_removed", data: { memberId }, occurredAt: now });
  });
}

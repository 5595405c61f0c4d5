import { and, eq } from "drizzle-orm";
import { organizationMemberships } from "@/db/schema";
import type { Database } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { assertOrganizationRole } from "@/lib/auth/permissions";
import { DomainError } from "@/lib/errors";
import { recordEvent } from "@/lib/events/record-event";
import { lockOrganization } from "./lock-organization";

/**
 * The owner removes a member: from the next request on they no longer act for the organization.
 * An owner cannot be removed this way, so an organization always keeps one.
 */
export async function removeMember(options: { db: Database; actor: Actor | null; organizationId: string; userId: string; now?: Date }): Promise<void> {
  const { db, actor, organizationId, userId, now = new Date() } = options;
  assertOrganizationRole(actor, organizationId, "owner");
  await db.transaction(async (tx) => {
    await lockOrganization(tx, organizationId);
    const [membership] = await tx
      .select()
      .from(organizationMemberships)
      .where(and(eq(organizationMemberships.organizationId, organizationId), eq(organizationMemberships.userId, userId)));
    if (!membership) throw new DomainError("not_found", "notFound");
    if (membership.role === "owner") throw new DomainError("invalid_transition", "cannotRemoveOwner");
    await tx.delete(organizationMemberships).where(and(eq(organizationMemberships.organizationId, organizationId), eq(organizationMemberships.userId, userId)));
    await recordEvent(tx, { entityType: "organization", entityId: organizationId, actorId: actor.id, action: "member_removed", data: { userId }, occurredAt: now });
  });
}

import { eq } from "drizzle-orm";
import { organizations, type Organization } from "@/db/schema";
import type { Database } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { assertModerator } from "@/lib/auth/permissions";
import { siteUrl } from "@/lib/config";
import { DomainError } from "@/lib/errors";
import { recordEvent } from "@/lib/events/record-event";
import { lockOrganization, mailOrganizationOwners } from "./lock-organization";
import { assertTransition, VERIFIABLE } from "./states";

/** A moderator verifies a pending organization: from now on it may announce activities. */
export async function verifyOrganization(options: { db: Database; actor: Actor | null; organizationId: string; now?: Date }): Promise<Organization> {
  const { db, actor, organizationId, now = new Date() } = options;
  assertModerator(actor);
  return db.transaction(async (tx) => {
    const organization = await lockOrganization(tx, organizationId);
    if (!VERIFIABLE.includes(organization.state)) throw new DomainError("invalid_transition", "invalidTransition");
    assertTransition(organization.state, "verified");
    const [verified] = await tx
      .update(organizations)
      .set({ state: "verified", verifiedAt: now, verifiedBy: actor.id, refusalReason: null, updatedAt: now })
      .where(eq(organizations.id, organizationId))
      .returning();
    await recordEvent(tx, { entityType: "organization", entityId: organizationId, actorId: actor.id, action: "verified", fromState: "pending", toState: "verified", occurredAt: now });
    await mailOrganizationOwners(tx, organizationId, "mailControl.organizationVerified", { name: verified.name, url: `${siteUrl()}/organizations/${verified.slug}` });
    return verified;
  });
}

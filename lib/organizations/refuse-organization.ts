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

/** A moderator refuses a pending organization, with a reason its owners are told. */
export async function refuseOrganization(options: {
  db: Database;
  actor: Actor | null;
  organizationId: string;
  reason: string;
  now?: Date;
}): Promise<Organization> {
  const { db, actor, organizationId, now = new Date() } = options;
  const reason = options.reason.trim();
  assertModerator(actor);
  if (reason.length < 10) throw new DomainError("validation", "validation", { reason: [reason ? "tooShort" : "required"] });
  return db.transaction(async (tx) => {
    const organization = await lockOrganization(tx, organizationId);
    if (!VERIFIABLE.includes(organization.state)) throw new DomainError("invalid_transition", "invalidTransition");
    assertTransition(organization.state, "refused");
    const [refused] = await tx
      .update(organizations)
      .set({ state: "refused", refusalReason: reason, refusedAt: now, updatedAt: now })
      .where(eq(organizations.id, organizationId))
      .returning();
    await recordEvent(tx, {
      entityType: "organization",
      entityId: organizationId,
      actorId: actor.id,
      action: "refused",
      fromState: "pending",
      toState: "refused",
      reason,
      occurredAt: now,
    });
    await mailOrganizationOwners(tx, organizationId, "mailControl.organizationRefused", { name: refused.name, reason, url: `${siteUrl()}/organizations/${refused.slug}` });
    return refused;
  });
}

import { createHash, randomBytes } from "node:crypto";
import { and, eq, isNull, sql } from "drizzle-orm";
import { organizationInvitations, organizationMemberships, organizations, users, type OrganizationInvitation } from "@/db/schema";
import type { Database } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { assertOrganizationRole, assertSignedIn } from "@/lib/auth/permissions";
import { siteUrl } from "@/lib/config";
import { DomainError } from "@/lib/errors";
import { recordEvent } from "@/lib/events/record-event";
import { isLocale } from "@/lib/i18n/locales";
import { queueMail } from "@/lib/mail/queue-mail";
import { readPublicControlSettings } from "@/lib/public-control/settings";
import { lockOrganization } from "./lock-organization";

/** The invitation link carries the token; the database keeps only its hash. */
export function hashInvitationToken(token: string): string {
  return createHash("sha256").update(`organization-invitation:${token}`).digest("hex");
}

export function invitationUrl(token: string): string {
  return `${siteUrl()}/organizations/join/${token}`;
}

/**
 * The owner invites a person by e-mail. An earlier open invitation to the same address is
 * revoked, so only the newest link works. Returns the token for the link (mailed, never stored).
 */
export async function inviteMember(options: {
  db: Database;
  actor: Actor | null;
  organizationId: string;
  email: string;
  locale?: string;
  now?: Date;
}): Promise<{ invitation: OrganizationInvitation; token: string }> {
  const { db, actor, organizationId, now = new Date() } = options;
  const email = options.email.trim().toLowerCase();
  assertOrganizationRole(actor, organizationId, "owner");
  return db.transaction(async (tx) => {
    const organization = await lockOrganization(tx, organizationId);
    const [member] = await tx
      .select({ userId: organizationMemberships.userId })
      .from(organizationMemberships)
      .innerJoin(users, eq(users.id, organizationMemberships.userId))
      .where(and(eq(organizationMemberships.organizationId, organizationId), sql`lower(${users.email}) = ${email}`));
    if (member) throw new DomainError("validation", "validation", { email: ["alreadyMember"] });
    await tx
      .update(organizationInvitations)
      .set({ revokedAt: now })
      .where(
        and(
          eq(organizationInvitations.organizationId, organizationId),
          eq(organizationInvitations.email, email),
          isNull(organizationInvitations.acceptedAt),
          isNull(organizationInvitations.revokedAt),
        ),
      );
    const token = randomBytes(24).toString("base64url");
    const [invitation] = await tx
      .insert(organizationInvitations)
      .values({ organizationId, email, tokenHash: hashInvitationToken(token), invitedBy: actor.id, createdAt: now })
      .returning();
    await recordEvent(tx, { entityType: "organization", entityId: organizationId, actorId: actor.id, action: "member_invited", data: { invitationId: invitation.id }, occurredAt: now });
    // The invitee may have no account yet: their language is unknown, so the inviter's is used.
    const [invitee] = await tx.select({ locale: users.locale }).from(users).where(sql`lower(${users.email}) = ${email}`);
    const locale = isLocale(invitee?.locale) ? invitee.locale : isLocale(options.locale) ? options.locale : "kk";
    await queueMail(tx, {
      to: email,
      template: "mailControl.invitation",
      locale,
      params: { organization: organization.name, inviter: actor.name || actor.email, url: invitationUrl(token) },
    });
    return { invitation, token };
  });
}

/** The owner withdraws an invitation that has not been accepted. */
export async function revokeInvitation(options: { db: Database; actor: Actor | null; invitationId: string; now?: Date }): Promise<void> {
  const { db, actor, invitationId, now = new Date() } = options;
  assertSignedIn(actor);
  await db.transaction(async (tx) => {
    const [invitation] = await tx.select().from(organizationInvitations).where(eq(organizationInvitations.id, invitationId)).for("update");
    if (!invitation) throw new DomainError("not_found", "notFound");
    assertOrganizationRole(actor, invitation.organizationId, "owner");
    if (invitation.acceptedAt || invitation.revokedAt) throw new DomainError("invalid_transition", "invalidTransition");
    await tx.update(organizationInvitations).set({ revokedAt: now }).where(eq(organizationInvitations.id, invitationId));
    await recordEvent(tx, { entityType: "organization", entityId: invitation.organizationId, actorId: actor.id, action: "invitation_revoked", data: { invitationId }, occurredAt: now });
  });
}

/** What the invitation page shows before the person accepts; null for an unknown or used link. */
export async function previewInvitation(db: Database, token: string): Promise<{ organizationName: string; organizationSlug: string; email: string; expired: boolean } | null> {
  const settings = await readPublicControlSettings(db);
  const [row] = await db
    .select({ invitation: organizationInvitations, name: organizations.name, slug: organizations.slug })
    .from(organizationInvitations)
    .innerJoin(organizations, eq(organizations.id, organizationInvitations.organizationId))
    .where(eq(organizationInvitations.tokenHash, hashInvitationToken(token)));
  if (!row || row.invitation.acceptedAt || row.invitation.revokedAt) return null;
  return { organizationName: row.name, organizationSlug: row.slug, email: row.invitation.email, expired: isExpired(row.invitation, settings.invitationValidDays, new Date()) };
}

function isExpired(invitation: OrganizationInvitation, validDays: number, now: Date): boolean {
  return now.getTime() - invitation.createdAt.getTime() > validDays * 86_400_000;
}

/**
 * The invited person, signed in with the invited address, accepts and becomes a member. A link
 * that is unknown, used or revoked is not_found; an expired one is refused.
 */
export async function acceptInvitation(options: { db: Database; actor: Actor | null; token: string; now?: Date }): Promise<{ organizationId: string; slug: string }> {
  const { db, actor, token, now = new Date() } = options;
  assertSignedIn(actor);
  const settings = await readPublicControlSettings(db);
  return db.transaction(async (tx) => {
    const [invitation] = await tx.select().from(organizationInvitations).where(eq(organizationInvitations.tokenHash, hashInvitationToken(token))).for("update");
    if (!invitation || invitation.acceptedAt || invitation.revokedAt) throw new DomainError("not_found", "invitationInvalid");
    if (isExpired(invitation, settings.invitationValidDays, now)) throw new DomainError("invalid_transition", "invitationExpired");
    if (actor.email.trim().toLowerCase() !== invitation.email) throw new DomainError("forbidden", "invitationOtherEmail");
    const organization = await lockOrganization(tx, invitation.organizationId);
    await tx
      .insert(organizationMemberships)
      .values({ organizationId: organization.id, userId: actor.id, role: "member", createdAt: now })
      .onConflictDoNothing();
    await tx.update(organizationInvitations).set({ acceptedAt: now, acceptedBy: actor.id }).where(eq(organizationInvitations.id, invitation.id));
    await recordEvent(tx, { entityType: "organization", entityId: organization.id, actorId: actor.id, action: "member_joined", data: { invitationId: invitation.id }, occurredAt: now });
    return { organizationId: organization.id, slug: organization.slug };
  });
}

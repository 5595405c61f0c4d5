import { and, asc, desc, eq, inArray, isNull } from "drizzle-orm";
import { organizationInvitations, organizationMemberships, organizations, users, type Organization } from "@/db/schema";
import type { Executor } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";

/** The members of an organization with their names, owners first (for its owner's page). */
export async function listMembers(db: Executor, organizationId: string) {
  return db
    .select({ userId: users.id, name: users.name, email: users.email, role: organizationMemberships.role, since: organizationMemberships.createdAt })
    .from(organizationMemberships)
    .innerJoin(users, eq(users.id, organizationMemberships.userId))
    .where(eq(organizationMemberships.organizationId, organizationId))
    .orderBy(desc(organizationMemberships.role), asc(organizationMemberships.createdAt));
}

/** Invitations not yet accepted or revoked. */
export async function listOpenInvitations(db: Executor, organizationId: string) {
  return db
    .select({ id: organizationInvitations.id, email: organizationInvitations.email, createdAt: organizationInvitations.createdAt })
    .from(organizationInvitations)
    .where(and(eq(organizationInvitations.organizationId, organizationId), isNull(organizationInvitations.acceptedAt), isNull(organizationInvitations.revokedAt)))
    .orderBy(desc(organizationInvitations.createdAt));
}

/** The organizations the actor belongs to, for choosing the subject of a new activity. */
export async function listActorOrganizations(db: Executor, actor: Actor): Promise<Organization[]> {
  const ids = actor.organizations.map((m) => m.organizationId);
  if (!ids.length) return [];
  return db.select().from(organizations).where(inArray(organizations.id, ids)).orderBy(asc(organizations.name));
}

/** Organizations waiting for a moderator, the longest-waiting first. */
export async function listPendingOrganizations(db: Executor) {
  return db
    .select({ organization: organizations, registrantName: users.name, registrantEmail: users.email })
    .from(organizations)
    .leftJoin(users, eq(users.id, organizations.registeredBy))
    .where(eq(organizations.state, "pending"))
    .orderBy(asc(organizations.createdAt))
    .limit(200);
}

/** Verified organizations, by name: the public directory and the activity list's filter. */
export async function listVerifiedOrganizations(db: Executor) {
  return db
    .select({ id: organizations.id, slug: organizations.slug, name: organizations.name, verifiedAt: organizations.verifiedAt })
    .from(organizations)
    .where(eq(organizations.state, "verified"))
    .orderBy(asc(organizations.name))
    .limit(500);
}

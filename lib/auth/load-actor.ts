import { eq } from "drizzle-orm";
import { agencyMemberships, organizationMemberships, users } from "@/db/schema";
import type { Executor } from "@/db/client";
import type { Actor } from "./actor";

/** Loads a person with their memberships: three indexed reads. */
export async function loadActor(db: Executor, userId: string): Promise<Actor | null> {
  const [user] = await db.select().from(users).where(eq(users.id, userId));
  if (!user) return null;
  const [agencies, organizations] = await Promise.all([
    db.select({ agencyId: agencyMemberships.agencyId, role: agencyMemberships.role }).from(agencyMemberships).where(eq(agencyMemberships.userId, userId)),
    db
      .select({ organizationId: organizationMemberships.organizationId, role: organizationMemberships.role })
      .from(organizationMemberships)
      .where(eq(organizationMemberships.userId, userId)),
  ]);
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    emailVerified: !!user.emailVerified,
    platformRoles: user.platformRoles,
    agencies,
    organizations,
  };
}

// Test data made per test: unique e-mails and slugs so tests never collide, even on a
// shared Postgres database.
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { agencies, agencyMemberships, organizationMemberships, organizations, regions, users } from "@/db/schema";
import type { AgencyLevel, AgencyRole, OrganizationRole, PlatformRole } from "@/db/schema";
import { loadActor } from "@/lib/auth/load-actor";
import type { Actor } from "@/lib/auth/actor";

export function unique(prefix = "t"): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

export async function createUser(options: { platformRoles?: PlatformRole[]; name?: string; verified?: boolean } = {}) {
  const [user] = await getDb()
    .insert(users)
    .values({
      email: `${unique("person")}@example.kz`,
      name: options.name ?? "Test Person",
      platformRoles: options.platformRoles ?? [],
      emailVerified: options.verified === false ? null : new Date(),
    })
    .returning();
  return user;
}

export async function actorFor(userId: string): Promise<Actor> {
  const actor = await loadActor(getDb(), userId);
  if (!actor) throw new Error("no such user");
  return actor;
}

/** A person with the admin role, signed in. */
export async function anAdmin(name = "Aigerim Admin"): Promise<Actor> {
  return actorFor((await createUser({ platformRoles: ["admin"], name })).id);
}

/** A person with the moderator role, signed in. */
export async function aModerator(name = "Madina Moderator"): Promise<Actor> {
  return actorFor((await createUser({ platformRoles: ["moderator"], name })).id);
}

export async function ensureRegion(code = "test-region", residents = 1_000_000) {
  await getDb()
    .insert(regions)
    .values({ code, kind: "region", nameKk: code, nameRu: code, nameEn: code, residents, residentsAsOf: "2025-01-01" })
    .onConflictDoNothing();
  return code;
}

export async function createAgency(options: { level?: AgencyLevel; regionCode?: string | null; requiresApproval?: boolean } = {}) {
  const slug = unique("agency");
  const [agency] = await getDb()
    .insert(agencies)
    .values({
      slug,
      nameKk: `Агенттік ${slug}`,
      nameRu: `Ведомство ${slug}`,
      nameEn: `Agency ${slug}`,
      level: options.level ?? "national_body",
      regionCode: options.regionCode ?? null,
      requiresApproval: options.requiresApproval ?? true,
    })
    .returning();
  return agency;
}

export async function addAgencyMember(agencyId: string, userId: string, role: AgencyRole) {
  await getDb().insert(agencyMemberships).values({ agencyId, userId, role });
}

export async function createOrganization(ownerId: string, state: "pending" | "verified" = "verified") {
  const slug = unique("org");
  const [organization] = await getDb()
    .insert(organizations)
    .values({ slug, name: `NGO ${slug}`, bin: String(Math.floor(1e11 + Math.random() * 9e11)), contactEmail: `${slug}@example.kz`, state })
    .returning();
  await addOrganizationMember(organization.id, ownerId, "owner");
  return organization;
}

export async function addOrganizationMember(organizationId: string, userId: string, role: OrganizationRole) {
  await getDb().insert(organizationMemberships).values({ organizationId, userId, role });
}

export async function userByEmail(email: string) {
  const [user] = await getDb().select().from(users).where(eq(users.email, email));
  return user;
}

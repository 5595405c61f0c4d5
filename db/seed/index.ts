// Demo data: the regions, a realistic set of agencies, the working-day calendar and one
// invented account per role. Idempotent: running it twice changes nothing.
import { count, eq } from "drizzle-orm";
import { getDb, type Database } from "../client";
import { agencies, agencyMemberships, calendarDays, organizationMemberships, organizations, regions, users } from "../schema";
import { REGIONS } from "./regions";
import { AGENCIES } from "./agencies";
import { HOLIDAYS } from "./holidays";
import { DEMO_ORGANIZATIONS, DEMO_PEOPLE } from "./demo-people";
import { seedDemoPetitions } from "./petitions";
import { seedDemoActivities } from "./activities";
import { seedLivedInActivities } from "./lived-in";

export async function seedDemoData(db: Database = getDb(), now: Date = new Date()): Promise<void> {
  await seedBaseData(db);
  await seedDemoPetitions(db, now);
  await seedDemoActivities(db, now);
  await seedLivedInActivities(db, now);
}

/** Regions, agencies, the calendar and the demo accounts, without any petitions. */
export async function seedBaseData(db: Database = getDb()): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.insert(regions).values(REGIONS).onConflictDoNothing();
    await tx.insert(agencies).values(AGENCIES).onConflictDoNothing({ target: agencies.slug });
    await tx.insert(calendarDays).values(HOLIDAYS).onConflictDoNothing();
    await tx.insert(organizations).values(DEMO_ORGANIZATIONS).onConflictDoNothing();
    for (const person of DEMO_PEOPLE) {
      await tx
        .insert(users)
        .values({
          email: person.email,
          name: person.name,
          locale: person.locale,
          platformRoles: person.platformRoles,
          emailVerified: new Date(),
        })
        .onConflictDoNothing({ target: users.email });
      const [user] = await tx.select({ id: users.id }).from(users).where(eq(users.email, person.email));
      if (person.agency) {
        const [agency] = await tx.select({ id: agencies.id }).from(agencies).where(eq(agencies.slug, person.agency.slug));
        await tx.insert(agencyMemberships).values({ agencyId: agency.id, userId: user.id, role: person.agency.role }).onConflictDoNothing();
      }
      if (person.organization) {
        const [organization] = await tx
          .select({ id: organizations.id })
          .from(organizations)
          .where(eq(organizations.slug, person.organization.slug));
        await tx
          .insert(organizationMemberships)
          .values({ organizationId: organization.id, userId: user.id, role: person.organization.role })
          .onConflictDoNothing();
      }
    }
  });
}

/** Seeds when the database has no regions yet; returns whether it did. */
export async function seedIfEmpty(db: Database = getDb()): Promise<boolean> {
  const [{ n }] = await db.select({ n: count() }).from(regions);
  if (n > 0) return false;
  await seedDemoData(db);
  return true;
}


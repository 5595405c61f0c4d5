import { and, asc, count, desc, eq, ilike, or, type SQL } from "drizzle-orm";
import { agencies, agencyMemberships, regions, users } from "@/db/schema";
import type { Executor } from "@/db/client";
import type { AdminAgencySearch } from "./schema";

// Reads for the admin pages. Unlike the public directory they include inactive agencies.

export const ADMIN_AGENCIES_PAGE_SIZE = 50;

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Agencies by name (any language) or slug, active, inactive or both. Two queries. */
export async function searchAgenciesForAdmin(db: Executor, search: AdminAgencySearch) {
  const conditions: SQL[] = [];
  if (search.q) {
    const pattern = `%${escapeLike(search.q)}%`;
    conditions.push(
      or(ilike(agencies.slug, pattern), ilike(agencies.nameKk, pattern), ilike(agencies.nameRu, pattern), ilike(agencies.nameEn, pattern))!,
    );
  }
  if (search.status !== "all") conditions.push(eq(agencies.active, search.status === "active"));
  const where = conditions.length ? and(...conditions) : undefined;
  const [rows, [{ total }]] = await Promise.all([
    db
      .select({ agency: agencies, region: regions })
      .from(agencies)
      .leftJoin(regions, eq(regions.code, agencies.regionCode))
      .where(where)
      .orderBy(asc(agencies.nameEn))
      .limit(ADMIN_AGENCIES_PAGE_SIZE)
      .offset((search.page - 1) * ADMIN_AGENCIES_PAGE_SIZE),
    db.select({ total: count() }).from(agencies).where(where),
  ]);
  return { rows, total, pageCount: Math.max(1, Math.ceil(total / ADMIN_AGENCIES_PAGE_SIZE)) };
}

export async function agencyById(db: Executor, id: string) {
  const [agency] = await db.select().from(agencies).where(eq(agencies.id, id));
  return agency ?? null;
}

/** The people of one agency with their role, supervisors first. One query. */
export async function listAgencyMembers(db: Executor, agencyId: string) {
  return db
    .select({ userId: users.id, name: users.name, email: users.email, role: agencyMemberships.role })
    .from(agencyMemberships)
    .innerJoin(users, eq(users.id, agencyMemberships.userId))
    .where(eq(agencyMemberships.agencyId, agencyId))
    .orderBy(desc(agencyMemberships.role), asc(users.email));
}

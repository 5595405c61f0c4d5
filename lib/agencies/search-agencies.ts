import { and, asc, count, eq, ilike, or, type SQL } from "drizzle-orm";
import { agencies, regions } from "@/db/schema";
import type { Executor } from "@/db/client";
import type { AgencySearch } from "./schema";

export const AGENCIES_PAGE_SIZE = 25;

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** The public directory: search in all three languages, filter by level and region. Two queries. */
export async function searchAgencies(db: Executor, search: AgencySearch) {
  const conditions: SQL[] = [eq(agencies.active, true)];
  if (search.q) {
    const pattern = `%${escapeLike(search.q)}%`;
    conditions.push(or(ilike(agencies.nameKk, pattern), ilike(agencies.nameRu, pattern), ilike(agencies.nameEn, pattern))!);
  }
  if (search.level) conditions.push(eq(agencies.level, search.level));
  if (search.region) conditions.push(eq(agencies.regionCode, search.region));
  const where = and(...conditions);
  const [rows, [{ total }]] = await Promise.all([
    db
      .select({ agency: agencies, region: regions })
      .from(agencies)
      .leftJoin(regions, eq(regions.code, agencies.regionCode))
      .where(where)
      .orderBy(asc(agencies.level), asc(agencies.nameEn))
      .limit(AGENCIES_PAGE_SIZE)
      .offset((search.page - 1) * AGENCIES_PAGE_SIZE),
    db.select({ total: count() }).from(agencies).where(where),
  ]);
  return { rows, total, pageCount: Math.max(1, Math.ceil(total / AGENCIES_PAGE_SIZE)) };
}

export async function listRegions(db: Executor) {
  return db.select().from(regions).orderBy(asc(regions.kind), asc(regions.nameEn));
}

export async function agencyBySlug(db: Executor, slug: string) {
  const [row] = await db
    .select({ agency: agencies, region: regions })
    .from(agencies)
    .leftJoin(regions, eq(regions.code, agencies.regionCode))
    .where(eq(agencies.slug, slug));
  return row ?? null;
}

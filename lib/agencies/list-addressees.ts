import { asc, eq } from "drizzle-orm";
import { agencies } from "@/db/schema";
import type { Executor } from "@/db/client";

/** Every active agency, for choosing a petition's addressee. */
export async function listAddressees(db: Executor) {
  return db
    .select({ id: agencies.id, nameKk: agencies.nameKk, nameRu: agencies.nameRu, nameEn: agencies.nameEn, level: agencies.level, regionCode: agencies.regionCode })
    .from(agencies)
    .where(eq(agencies.active, true))
    .orderBy(asc(agencies.level), asc(agencies.nameEn));
}

import { desc, eq } from "drizzle-orm";
import { agencies, petitions } from "@/db/schema";
import type { Executor } from "@/db/client";
import { readCounts } from "./counts";

/** A creator's own petitions in every state, with counts: two queries. */
export async function listMyPetitions(db: Executor, creatorId: string) {
  const rows = await db
    .select({ petition: petitions, agency: agencies })
    .from(petitions)
    .innerJoin(agencies, eq(agencies.id, petitions.agencyId))
    .where(eq(petitions.creatorId, creatorId))
    .orderBy(desc(petitions.createdAt));
  const counts = await readCounts(db, rows.map((r) => r.petition.id));
  return rows.map((r) => ({ ...r, confirmed: counts.get(r.petition.id)?.confirmed ?? 0 }));
}

import { asc, eq } from "drizzle-orm";
import { agencyResponseTemplates, type AgencyResponseTemplate } from "@/db/schema";
import type { Executor } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { assertAgencyRole } from "@/lib/auth/permissions";

/** An agency's response templates, by kind and title; for its staff only (anyone else: not_found). */
export async function listResponseTemplates(db: Executor, actor: Actor | null, agencyId: string): Promise<AgencyResponseTemplate[]> {
  assertAgencyRole(actor, agencyId);
  return db
    .select()
    .from(agencyResponseTemplates)
    .where(eq(agencyResponseTemplates.agencyId, agencyId))
    .orderBy(asc(agencyResponseTemplates.kind), asc(agencyResponseTemplates.title));
}

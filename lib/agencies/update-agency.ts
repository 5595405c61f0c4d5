import { and, eq, ne } from "drizzle-orm";
import { agencies, type Agency } from "@/db/schema";
import type { Database } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { assertAdmin } from "@/lib/auth/permissions";
import { DomainError } from "@/lib/errors";
import { recordEvent } from "@/lib/events/record-event";
import { checkAgencyInput, slugTaken } from "./check-agency-input";
import { isUniqueViolation } from "./is-unique-violation";
import type { AgencyForm } from "./schema";

const EDITABLE_FIELDS = ["slug", "nameKk", "nameRu", "nameEn", "level", "regionCode", "website", "requiresApproval"] as const;

/**
 * An admin edits an agency's details (`input`), deactivates or reactivates it (`active`), or
 * both. Each kind of change writes its own event: "agency_updated" with the changed fields
 * (old and new), "agency_deactivated" / "agency_reactivated". Nothing changed → nothing written.
 */
export async function updateAgency(options: {
  db: Database;
  actor: Actor | null;
  agencyId: string;
  input?: AgencyForm;
  active?: boolean;
}): Promise<Agency> {
  const { db, actor, agencyId, active } = options;
  assertAdmin(actor);
  const input = options.input ? await checkAgencyInput(db, options.input) : undefined;
  try {
    return await db.transaction(async (tx) => {
      const [current] = await tx.select().from(agencies).where(eq(agencies.id, agencyId)).for("update");
      if (!current) throw new DomainError("not_found", "notFound");
      if (input && input.slug !== current.slug) {
        const [other] = await tx
          .select({ id: agencies.id })
          .from(agencies)
          .where(and(eq(agencies.slug, input.slug), ne(agencies.id, agencyId)));
        if (other) throw slugTaken();
      }
      const changed: Record<string, { from: unknown; to: unknown }> = {};
      if (input) {
        for (const field of EDITABLE_FIELDS) {
          if (current[field] !== input[field]) changed[field] = { from: current[field], to: input[field] };
        }
      }
      const activeChanged = active !== undefined && active !== current.active;
      if (Object.keys(changed).length === 0 && !activeChanged) return current;
      const [agency] = await tx
        .update(agencies)
        .set({ ...(input ?? {}), ...(activeChanged ? { active } : {}) })
        .where(eq(agencies.id, agencyId))
        .returning();
      if (Object.keys(changed).length > 0) {
        await recordEvent(tx, { entityType: "agency", entityId: agencyId, actorId: actor.id, action: "agency_updated", data: { changed } });
      }
      if (activeChanged) {
        await recordEvent(tx, {
          entityType: "agency",
          entityId: agencyId,
          actorId: actor.id,
          action: active ? "agency_reactivated" : "agency_deactivated",
          fromState: current.active ? "active" : "inactive",
          toState: active ? "active" : "inactive",
        });
      }
      return agency;
    });
  } catch (error) {
    if (isUniqueViolation(error, "agencies_slug_unique")) throw slugTaken();
    throw error;
  }
}

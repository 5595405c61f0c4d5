import { and, eq } from "drizzle-orm";
import { agencyResponseTemplates } from "@/db/schema";
import type { Database } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { assertAgencyRole } from "@/lib/auth/permissions";
import { DomainError } from "@/lib/errors";
import { recordEvent } from "@/lib/events/record-event";

/** A supervisor removes one of the agency's response templates. Event: "deleted" (entity "agency_response_template"). */
export async function deleteResponseTemplate(options: { db: Database; actor: Actor | null; agencyId: string; templateId: string; now?: Date }): Promise<void> {
  const { db, actor, agencyId, templateId, now = new Date() } = options;
  assertAgencyRole(actor, agencyId, "supervisor");
  await db.transaction(async (tx) => {
    const [removed] = await tx
      .delete(agencyResponseTemplates)
      .where(and(eq(agencyResponseTemplates.id, templateId), eq(agencyResponseTemplates.agencyId, agencyId)))
      .returning();
    if (!removed) throw new DomainError("not_found", "notFound");
    await recordEvent(tx, {
      entityType: "agency_response_template",
      entityId: templateId,
      actorId: actor.id,
      action: "deleted",
      data: { agencyId, kind: removed.kind, title: removed.title },
      occurredAt: now,
    });
  });
}

import { and, eq } from "drizzle-orm";
import { agencyResponseTemplates, type AgencyResponseTemplate } from "@/db/schema";
import type { Database } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { assertAgencyRole } from "@/lib/auth/permissions";
import { DomainError } from "@/lib/errors";
import { recordEvent } from "@/lib/events/record-event";
import { fieldErrorsOf } from "@/lib/validation/field-errors";
import { templateSchema, type TemplateInput } from "./schema";

/**
 * A supervisor adds a response template for the agency's staff (no `templateId`) or changes one.
 * Events (entity "agency_response_template"): "created" / "updated".
 */
export async function saveResponseTemplate(options: {
  db: Database;
  actor: Actor | null;
  agencyId: string;
  templateId?: string | null;
  input: TemplateInput;
  now?: Date;
}): Promise<AgencyResponseTemplate> {
  const { db, actor, agencyId, templateId, now = new Date() } = options;
  assertAgencyRole(actor, agencyId, "supervisor");
  const parsed = templateSchema.safeParse(options.input);
  if (!parsed.success) throw new DomainError("validation", "invalidInput", fieldErrorsOf(parsed.error));
  const input = parsed.data;
  return db.transaction(async (tx) => {
    let template: AgencyResponseTemplate;
    if (templateId) {
      const [updated] = await tx
        .update(agencyResponseTemplates)
        .set({ ...input, updatedAt: now })
        .where(and(eq(agencyResponseTemplates.id, templateId), eq(agencyResponseTemplates.agencyId, agencyId)))
        .returning();
      if (!updated) throw new DomainError("not_found", "notFound");
      template = updated;
    } else {
      [template] = await tx
        .insert(agencyResponseTemplates)
        .values({ agencyId, ...input, createdBy: actor.id, createdAt: now, updatedAt: now })
        .returning();
    }
    await recordEvent(tx, {
      entityType: "agency_response_template",
      entityId: template.id,
      actorId: actor.id,
      action: templateId ? "updated" : "created",
      data: { agencyId, kind: input.kind, title: input.title },
      occurredAt: now,
    });
    return template;
  });
}

import { eq } from "drizzle-orm";
import { draftActs, type DraftAct } from "@/db/schema";
import type { Database } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { assertSignedIn } from "@/lib/auth/permissions";
import { DomainError } from "@/lib/errors";
import { recordEvent } from "@/lib/events/record-event";
import { insertFileRow } from "@/lib/files/store-upload";
import { fieldErrorsOf } from "@/lib/validation/field-errors";
import { WORKING } from "../states";
import { invalidField, loadActivityForForm } from "./lock-activity-for-form";
import { preparePdfUpload } from "./prepare-pdf-upload";
import { draftActSchema, type DraftActInput } from "./schema";

/**
 * The subject of a public expertise sets the draft act under review: a title and its text, a
 * PDF of it, or both. Saving again replaces the text and, when a new PDF comes, the PDF.
 * Event "draft_act_saved".
 */
export async function saveDraftAct(options: {
  db: Database;
  actor: Actor | null;
  activityId: string;
  input: DraftActInput;
  file?: File | null;
  now?: Date;
}): Promise<DraftAct> {
  const { db, actor, activityId, file, now = new Date() } = options;
  assertSignedIn(actor);
  const parsed = draftActSchema.safeParse(options.input);
  if (!parsed.success) throw new DomainError("validation", "invalidInput", fieldErrorsOf(parsed.error));
  const input = parsed.data;
  const access = { activityId, actor, forms: ["expertise"], states: WORKING } as const;
  await loadActivityForForm(db, access);
  const prepared = await preparePdfUpload(file);

  return db.transaction(async (tx) => {
    await loadActivityForForm(tx, { ...access, lock: "update" });
    const [existing] = await tx.select().from(draftActs).where(eq(draftActs.activityId, activityId));
    const fileId = prepared
      ? (await insertFileRow(tx, { prepared, uploadedBy: actor.id, purpose: "draft_act", activityId, now })).id
      : (existing?.fileId ?? null);
    if (!input.text && !fileId) throw invalidField("text", "textOrFile");
    const values = { title: input.title, text: input.text, fileId, updatedBy: actor.id, updatedAt: now };
    const [saved] = existing
      ? await tx.update(draftActs).set(values).where(eq(draftActs.id, existing.id)).returning()
      : await tx.insert(draftActs).values({ ...values, activityId, createdAt: now }).returning();
    await recordEvent(tx, {
      entityType: "activity",
      entityId: activityId,
      actorId: actor.id,
      action: "draft_act_saved",
      data: { draftActId: saved.id, title: saved.title, fileId, replaced: !!existing },
      occurredAt: now,
    });
    return saved;
  });
}

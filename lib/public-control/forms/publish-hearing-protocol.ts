import { eq } from "drizzle-orm";
import { hearings, type Hearing } from "@/db/schema";
import type { Database } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { assertSignedIn } from "@/lib/auth/permissions";
import { DomainError } from "@/lib/errors";
import { recordEvent } from "@/lib/events/record-event";
import { insertFileRow } from "@/lib/files/store-upload";
import { fieldErrorsOf } from "@/lib/validation/field-errors";
import type { ActivityState } from "../states";
import { invalidField, loadActivityForForm } from "./lock-activity-for-form";
import { preparePdfUpload } from "./prepare-pdf-upload";
import { hearingProtocolSchema } from "./schema";

/** A protocol comes after the hearing, which may be after the activity itself completed. */
export const PROTOCOL_STATES: readonly ActivityState[] = ["announced", "in_progress", "completed"];

/**
 * After the hearing has begun, the subject publishes its protocol: the text, a PDF, or both.
 * Publishing again replaces it. Event "hearing_protocol_published".
 */
export async function publishHearingProtocol(options: {
  db: Database;
  actor: Actor | null;
  hearingId: string;
  input: { protocol?: string | null };
  file?: File | null;
  now?: Date;
}): Promise<Hearing> {
  const { db, actor, hearingId, file, now = new Date() } = options;
  assertSignedIn(actor);
  const parsed = hearingProtocolSchema.safeParse(options.input);
  if (!parsed.success) throw new DomainError("validation", "invalidInput", fieldErrorsOf(parsed.error));
  const { protocol } = parsed.data;
  const [found] = await db.select({ activityId: hearings.activityId, kind: hearings.kind }).from(hearings).where(eq(hearings.id, hearingId));
  if (!found) throw new DomainError("not_found", "notFound");
  const forms = [found.kind === "public_hearing" ? "hearing" : "report_hearing"] as const;
  const access = { activityId: found.activityId, actor, forms, states: PROTOCOL_STATES };
  await loadActivityForForm(db, access);
  const prepared = await preparePdfUpload(file);

  return db.transaction(async (tx) => {
    await loadActivityForForm(tx, { ...access, lock: "update" });
    const [hearing] = await tx.select().from(hearings).where(eq(hearings.id, hearingId)).for("update");
    if (hearing.startsAt > now) throw invalidField("protocol", "protocolBeforeHearing");
    const fileId = prepared
      ? (await insertFileRow(tx, { prepared, uploadedBy: actor.id, purpose: "protocol", activityId: hearing.activityId, now })).id
      : hearing.protocolFileId;
    if (!protocol && !fileId) throw invalidField("protocol", "textOrFile");
    const [published] = await tx
      .update(hearings)
      .set({ protocol, protocolFileId: fileId, protocolPublishedAt: now })
      .where(eq(hearings.id, hearingId))
      .returning();
    await recordEvent(tx, {
      entityType: "activity",
      entityId: hearing.activityId,
      actorId: actor.id,
      action: "hearing_protocol_published",
      data: { hearingId, fileId, republished: !!hearing.protocolPublishedAt },
      occurredAt: now,
    });
    return published;
  });
}

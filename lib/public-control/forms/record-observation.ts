import { observationFiles, observations, type Observation } from "@/db/schema";
import type { Database } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { assertSignedIn } from "@/lib/auth/permissions";
import { toDayString } from "@/lib/calendar/working-days";
import { DomainError } from "@/lib/errors";
import { recordEvent } from "@/lib/events/record-event";
import { insertFileRow, prepareUpload, type PreparedUpload } from "@/lib/files/store-upload";
import { fieldErrorsOf } from "@/lib/validation/field-errors";
import { WORKING } from "../states";
import { invalidField, loadActivityForForm } from "./lock-activity-for-form";
import { FORM_LIMITS, observationSchema, type ObservationInput } from "./schema";

/**
 * The subject records what it saw during public monitoring: the day (not in the future), the
 * place, the text and up to ten evidence files (images or PDF, checked by content). Event
 * "observation_recorded".
 */
export async function recordObservation(options: {
  db: Database;
  actor: Actor | null;
  activityId: string;
  input: ObservationInput;
  files?: File[];
  now?: Date;
}): Promise<Observation> {
  const { db, actor, activityId, files = [], now = new Date() } = options;
  assertSignedIn(actor);
  const parsed = observationSchema.safeParse(options.input);
  if (!parsed.success) throw new DomainError("validation", "invalidInput", fieldErrorsOf(parsed.error));
  const input = parsed.data;
  if (input.observedOn > toDayString(now)) throw invalidField("observedOn", "dateInFuture");
  if (files.length > FORM_LIMITS.evidenceFiles) throw invalidField("evidence", "tooManyFiles");
  const access = { activityId, actor, forms: ["monitoring"], states: WORKING } as const;
  // Checked before any byte is written to disk.
  await loadActivityForForm(db, access);
  const prepared: PreparedUpload[] = [];
  for (const file of files) prepared.push(await prepareUpload(file, { field: "evidence" }));

  return db.transaction(async (tx) => {
    await loadActivityForForm(tx, { ...access, lock: "share" });
    const [observation] = await tx
      .insert(observations)
      .values({ activityId, observedOn: input.observedOn, place: input.place, text: input.text, authorId: actor.id, createdAt: now })
      .returning();
    const fileIds: string[] = [];
    for (const upload of prepared) {
      const { id } = await insertFileRow(tx, { prepared: upload, uploadedBy: actor.id, purpose: "evidence", activityId, now });
      fileIds.push(id);
    }
    if (fileIds.length) {
      await tx.insert(observationFiles).values(fileIds.map((fileId, position) => ({ observationId: observation.id, fileId, position })));
    }
    await recordEvent(tx, {
      entityType: "activity",
      entityId: activityId,
      actorId: actor.id,
      action: "observation_recorded",
      data: { observationId: observation.id, observedOn: input.observedOn, fileIds },
      occurredAt: now,
    });
    return observation;
  });
}

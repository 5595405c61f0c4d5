import { eq } from "drizzle-orm";
import { activities, informationRequests, type InformationRequest } from "@/db/schema";
import type { Database, Executor } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { assertAgencyRole, assertSignedIn } from "@/lib/auth/permissions";
import { toDayString } from "@/lib/calendar/working-days";
import { DomainError } from "@/lib/errors";
import { recordEvent } from "@/lib/events/record-event";
import { insertFileRow, prepareUpload, type PreparedUpload } from "@/lib/files/store-upload";
import { isOverdue } from "./clocks";
import { activityUrl, mailActivitySubject } from "./notify";
import type { InformationAnswerInput } from "./schema";

/**
 * Called from the agency dashboard: the object's staff answer a pending information request,
 * with attachments, or refuse it on a legal ground. Either is final and public.
 */
export async function answerInformationRequest(options: {
  db: Database;
  actor: Actor | null;
  requestId: string;
  input: InformationAnswerInput;
  attachments?: File[];
  now?: Date;
}): Promise<InformationRequest> {
  const { db, actor, requestId, input, attachments = [], now = new Date() } = options;
  assertSignedIn(actor);
  if (!input.answerText === !input.refusalGround) throw new DomainError("validation", "validation", { answerText: ["answerOrRefusal"] });
  if (input.refusalGround && attachments.length) throw new DomainError("validation", "validation", { attachments: ["noAttachmentsWithRefusal"] });
  // Check who is answering before writing any bytes to disk; the transaction checks again.
  const preview = await requestWithAgency(db, requestId);
  assertAgencyRole(actor, preview.agencyId);
  const prepared: PreparedUpload[] = [];
  for (const file of attachments) prepared.push(await prepareUpload(file, { field: "attachments" }));

  return db.transaction(async (tx) => {
    const { request, activity } = await requestWithAgency(tx, requestId, true);
    assertAgencyRole(actor, activity.agencyId);
    if (request.state !== "pending") throw new DomainError("invalid_transition", "invalidTransition");
    const fileIds: string[] = [];
    for (const upload of prepared) {
      fileIds.push((await insertFileRow(tx, { prepared: upload, uploadedBy: actor.id, purpose: "information_answer", activityId: activity.id, now })).id);
    }
    const state = input.answerText ? "answered" : "refused";
    const [answered] = await tx
      .update(informationRequests)
      .set({
        state,
        answerText: input.answerText,
        refusalGround: input.refusalGround,
        answerFileIds: fileIds,
        answeredAt: now,
        answeredBy: actor.id,
      })
      .where(eq(informationRequests.id, requestId))
      .returning();
    const late = isOverdue(request.dueOn, toDayString(now));
    await recordEvent(tx, {
      entityType: "information_request",
      entityId: requestId,
      actorId: actor.id,
      action: state,
      fromState: "pending",
      toState: state,
      reason: input.refusalGround,
      data: { activityId: activity.id, number: request.number, dueOn: request.dueOn, late, attachments: fileIds.length },
      occurredAt: now,
    });
    await mailActivitySubject(tx, activity, state === "answered" ? "mailControl.informationAnswered" : "mailControl.informationRefused", {
      title: activity.title,
      number: request.number,
      url: activityUrl(activity),
    });
    return answered;
  });
}

async function requestWithAgency(db: Executor, requestId: string, lock = false) {
  const query = db
    .select({ request: informationRequests, activity: activities })
    .from(informationRequests)
    .innerJoin(activities, eq(activities.id, informationRequests.activityId))
    .where(eq(informationRequests.id, requestId));
  const [row] = lock ? await query.for("update", { of: informationRequests }) : await query;
  if (!row) throw new DomainError("not_found", "notFound");
  return { ...row, agencyId: row.activity.agencyId };
}

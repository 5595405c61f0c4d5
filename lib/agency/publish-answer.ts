import { readFile } from "node:fs/promises";
import { and, eq, inArray } from "drizzle-orm";
import { agencyAnswerDrafts, files } from "@/db/schema";
import type { Database, Executor } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { DomainError } from "@/lib/errors";
import { requestScorecardRefresh } from "@/lib/scorecards/refresh-scorecards";
import { blobPath } from "@/lib/files/storage";
import { answerInformationRequest } from "@/lib/public-control/answer-information-request";
import { answerRecommendations } from "@/lib/public-control/answer-recommendations";
import { checkAnswer } from "./check-answer";
import { assertItemOfAgency, lockItemForWork } from "./item-source";
import { moveItemStatus } from "./move-item-status";
import { publishPetitionResponse } from "./publish-petition-response";
import { ANSWERED_KINDS, assertTransition, mayPublish, type AgencyItemKind, type AgencyItemStatus } from "./states";

/**
 * Publishes the answer of an item from its draft, under the agency's approval rule: where the
 * agency requires approval, staff publish only an answer a supervisor approved (a supervisor's
 * own publication is their approval); elsewhere any member of staff publishes directly.
 *
 * The publication itself is the item's own domain function, run in this transaction (as a
 * savepoint), so the approval check, the answer and the dashboard's "published" commit together:
 * - petition: petition_responses + "responded" (and every confirmed signer is told, in batches);
 * - final document: lib/public-control answerRecommendations — refused while any recommendation
 *   is unanswered;
 * - information request: lib/public-control answerInformationRequest, with the draft's files.
 * Event: "published" on entity "agency_item", besides the item's own event.
 */
export async function publishAnswer(options: {
  db: Database;
  actor: Actor | null;
  agencyId: string;
  kind: AgencyItemKind;
  itemId: string;
  now?: Date;
}): Promise<{ status: AgencyItemStatus }> {
  const { db, actor, agencyId, kind, itemId, now = new Date() } = options;
  // Permission and address first: an outsider hears not_found whatever they ask for.
  await assertItemOfAgency(db, actor, { agencyId, kind, itemId });
  if (!ANSWERED_KINDS.includes(kind)) throw new DomainError("validation", "invalidInput");
  return db.transaction(async (tx) => {
    const { state, agency, role } = await lockItemForWork(tx, actor, { agencyId, kind, itemId }, { open: true });
    if (!mayPublish({ requiresApproval: agency.requiresApproval, role, status: state.status })) {
      throw new DomainError("forbidden", "approvalRequired");
    }
    assertTransition(state.status, "published");
    const [draft] = await tx
      .select()
      .from(agencyAnswerDrafts)
      .where(and(eq(agencyAnswerDrafts.itemKind, kind), eq(agencyAnswerDrafts.itemId, itemId)));
    const checked = await checkAnswer(tx, kind, itemId, draft?.content ?? {});
    // The public-control functions open their own transaction; on a transaction it is a savepoint.
    const nested = tx as unknown as Database;
    switch (checked.kind) {
      case "petition":
        await publishPetitionResponse(tx, { actor: actor!, agencyId, petitionId: itemId, answer: checked.answer, now });
        break;
      case "final_document":
        await answerRecommendations({ db: nested, actor, activityId: itemId, answers: checked.answers, now });
        break;
      case "information_request":
        await answerInformationRequest({
          db: nested,
          actor,
          requestId: itemId,
          input: checked.answer,
          attachments: await draftFiles(tx, checked.attachmentIds),
          now,
        });
        break;
    }
    const approvedBy = draft?.approvedBy ?? (agency.requiresApproval ? actor!.id : null);
    if (draft && !draft.approvedBy && agency.requiresApproval) {
      await tx
        .update(agencyAnswerDrafts)
        .set({ approvedBy: actor!.id, approvedAt: now })
        .where(and(eq(agencyAnswerDrafts.itemKind, kind), eq(agencyAnswerDrafts.itemId, itemId)));
    }
    await moveItemStatus(tx, state, {
      actorId: actor!.id,
      action: "published",
      to: "published",
      data: { agencyId, requiresApproval: agency.requiresApproval, approvedBy },
      now,
    });
    // The public scorecard picks the answer up within seconds, not at the next periodic refresh.
    await requestScorecardRefresh(tx);
    return { status: "published" as const };
  });
}

/** The draft's uploaded files as File objects again, for the publishing function to attach. */
async function draftFiles(tx: Executor, ids: readonly string[]): Promise<File[]> {
  if (ids.length === 0) return [];
  const rows = await tx.select().from(files).where(inArray(files.id, [...ids]));
  const byId = new Map(rows.map((row) => [row.id, row]));
  const result: File[] = [];
  for (const id of ids) {
    const row = byId.get(id);
    const bytes = row ? await readFile(blobPath(row.sha256)).catch(() => null) : null;
    if (!row || !bytes) throw new DomainError("validation", "attachmentMissing", { attachments: ["attachmentMissing"] });
    result.push(new File([new Uint8Array(bytes)], row.originalName, { type: row.mimeType }));
  }
  return result;
}

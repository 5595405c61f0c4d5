import { and, eq } from "drizzle-orm";
import { agencyAnswerDrafts } from "@/db/schema";
import type { Database } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { DomainError } from "@/lib/errors";
import { checkAnswer } from "./check-answer";
import { lockItemForWork } from "./item-source";
import { moveItemStatus } from "./move-item-status";
import { itemUrl, mailPeople, supervisorIds } from "./notify";
import { SUBMITTABLE, assertTransition, type AgencyItemKind, type AgencyItemStatus } from "./states";

/**
 * Staff hand a finished draft to the supervisors for approval. The draft must be complete (the
 * same check as publishing); the supervisors are told by e-mail. Event: "submitted_for_approval".
 */
export async function submitAnswer(options: {
  db: Database;
  actor: Actor | null;
  agencyId: string;
  kind: AgencyItemKind;
  itemId: string;
  now?: Date;
}): Promise<{ status: AgencyItemStatus }> {
  const { db, actor, agencyId, kind, itemId, now = new Date() } = options;
  return db.transaction(async (tx) => {
    const { source, state } = await lockItemForWork(tx, actor, { agencyId, kind, itemId }, { open: true });
    if (!SUBMITTABLE.includes(state.status)) throw new DomainError("invalid_transition", "invalidTransition");
    assertTransition(state.status, "awaiting_approval");
    const [draft] = await tx
      .select()
      .from(agencyAnswerDrafts)
      .where(and(eq(agencyAnswerDrafts.itemKind, kind), eq(agencyAnswerDrafts.itemId, itemId)));
    await checkAnswer(tx, kind, itemId, draft?.content ?? {});
    await tx
      .update(agencyAnswerDrafts)
      .set({ submittedBy: actor!.id, submittedForApprovalAt: now, approvedBy: null, approvedAt: null })
      .where(and(eq(agencyAnswerDrafts.itemKind, kind), eq(agencyAnswerDrafts.itemId, itemId)));
    await moveItemStatus(tx, state, { actorId: actor!.id, action: "submitted_for_approval", to: "awaiting_approval", data: { agencyId }, now });
    const supervisors = (await supervisorIds(tx, agencyId)).filter((id) => id !== actor!.id);
    await mailPeople(tx, supervisors, "mailAgency.approvalRequested", {
      kind,
      title: source.title,
      due: source.dueOn ?? "",
      url: itemUrl(agencyId, kind, itemId),
    });
    return { status: "awaiting_approval" as const };
  });
}

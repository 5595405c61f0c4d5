import { and, eq } from "drizzle-orm";
import { agencyAnswerDrafts } from "@/db/schema";
import type { Database } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { DomainError } from "@/lib/errors";
import { checkAnswer } from "./check-answer";
import { lockItemForWork } from "./item-source";
import { moveItemStatus } from "./move-item-status";
import { itemUrl, mailPeople } from "./notify";
import { APPROVABLE, assertTransition, type AgencyItemKind, type AgencyItemStatus } from "./states";

/**
 * A supervisor approves a submitted answer as it stands; any member of staff may then publish
 * it. Event: "approved". The person who submitted it and the assignee are told.
 */
export async function approveAnswer(options: {
  db: Database;
  actor: Actor | null;
  agencyId: string;
  kind: AgencyItemKind;
  itemId: string;
  now?: Date;
}): Promise<{ status: AgencyItemStatus }> {
  const { db, actor, agencyId, kind, itemId, now = new Date() } = options;
  return db.transaction(async (tx) => {
    const { source, state } = await lockItemForWork(tx, actor, { agencyId, kind, itemId }, { role: "supervisor", open: true });
    if (!APPROVABLE.includes(state.status)) throw new DomainError("invalid_transition", "invalidTransition");
    assertTransition(state.status, "approved");
    const [draft] = await tx
      .select()
      .from(agencyAnswerDrafts)
      .where(and(eq(agencyAnswerDrafts.itemKind, kind), eq(agencyAnswerDrafts.itemId, itemId)));
    // A supervisor may have edited it since it was submitted: approve only a complete answer.
    await checkAnswer(tx, kind, itemId, draft?.content ?? {});
    await tx
      .update(agencyAnswerDrafts)
      .set({ approvedBy: actor!.id, approvedAt: now })
      .where(and(eq(agencyAnswerDrafts.itemKind, kind), eq(agencyAnswerDrafts.itemId, itemId)));
    await moveItemStatus(tx, state, { actorId: actor!.id, action: "approved", to: "approved", data: { agencyId }, now });
    await mailPeople(
      tx,
      [draft?.submittedBy, state.assigneeId].filter((id) => id !== actor!.id),
      "mailAgency.approved",
      { kind, title: source.title, url: itemUrl(agencyId, kind, itemId) },
    );
    return { status: "approved" as const };
  });
}

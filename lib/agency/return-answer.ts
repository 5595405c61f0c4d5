import { and, eq } from "drizzle-orm";
import { agencyAnswerDrafts, agencyItemNotes } from "@/db/schema";
import type { Database } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { DomainError } from "@/lib/errors";
import { fieldErrorsOf } from "@/lib/validation/field-errors";
import { lockItemForWork } from "./item-source";
import { moveItemStatus } from "./move-item-status";
import { itemUrl, mailPeople } from "./notify";
import { noteSchema } from "./schema";
import { RETURNABLE, assertTransition, type AgencyItemKind, type AgencyItemStatus } from "./states";

/**
 * A supervisor sends a submitted (or approved) answer back to staff for changes, optionally
 * saying why in an internal note. Event: "returned". The submitter and the assignee are told.
 */
export async function returnAnswer(options: {
  db: Database;
  actor: Actor | null;
  agencyId: string;
  kind: AgencyItemKind;
  itemId: string;
  note?: string | null;
  now?: Date;
}): Promise<{ status: AgencyItemStatus }> {
  const { db, actor, agencyId, kind, itemId, now = new Date() } = options;
  return db.transaction(async (tx) => {
    const { source, state } = await lockItemForWork(tx, actor, { agencyId, kind, itemId }, { role: "supervisor", open: true });
    if (!RETURNABLE.includes(state.status)) throw new DomainError("invalid_transition", "invalidTransition");
    assertTransition(state.status, "in_progress");
    let noteId: string | null = null;
    if (options.note?.trim()) {
      const parsed = noteSchema.safeParse({ body: options.note });
      if (!parsed.success) throw new DomainError("validation", "invalidInput", fieldErrorsOf(parsed.error));
      const [note] = await tx
        .insert(agencyItemNotes)
        .values({ itemKind: kind, itemId, agencyId, authorId: actor!.id, body: parsed.data.body, createdAt: now })
        .returning({ id: agencyItemNotes.id });
      noteId = note.id;
    }
    const [draft] = await tx
      .update(agencyAnswerDrafts)
      .set({ submittedForApprovalAt: null, approvedBy: null, approvedAt: null })
      .where(and(eq(agencyAnswerDrafts.itemKind, kind), eq(agencyAnswerDrafts.itemId, itemId)))
      .returning();
    await moveItemStatus(tx, state, { actorId: actor!.id, action: "returned", to: "in_progress", data: { agencyId, noteId }, now });
    await mailPeople(
      tx,
      [draft?.submittedBy, state.assigneeId].filter((id) => id !== actor!.id),
      "mailAgency.returned",
      { kind, title: source.title, url: itemUrl(agencyId, kind, itemId) },
    );
    return { status: "in_progress" as const };
  });
}

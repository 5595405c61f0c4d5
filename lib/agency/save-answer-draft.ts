import { and, eq } from "drizzle-orm";
import { agencyAnswerDrafts, type AgencyAnswerDraft } from "@/db/schema";
import type { Database, Executor } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { DomainError } from "@/lib/errors";
import { insertFileRow, prepareUpload, type PreparedUpload } from "@/lib/files/store-upload";
import { fieldErrorsOf } from "@/lib/validation/field-errors";
import { assertItemOfAgency, lockItemForWork } from "./item-source";
import { moveItemStatus } from "./move-item-status";
import { draftSchemaFor, readDraft } from "./schema";
import { ANSWERED_KINDS, assertTransition, type AgencyItemKind, type AgencyItemStatus } from "./states";

/** Most files one information answer carries. */
export const MAX_ATTACHMENTS = 10;

export interface SavedDraft {
  draft: AgencyAnswerDraft;
  status: AgencyItemStatus;
  /** False when the content was the same as stored (nothing written). */
  changed: boolean;
}

/**
 * Saves the answer being written, as typed (the editor calls it after each pause). Loose: a
 * half-written answer is fine; it is checked in full when submitted or published.
 * - The first save moves the item from new to in progress ("draft_started").
 * - A change by staff after submitting or after approval takes the answer back to in progress
 *   ("submission_withdrawn" / "approval_voided"): a supervisor approves exactly what is published.
 *   A supervisor's own change keeps the status: their approval covers it.
 * - Information answers may carry files (`newAttachments`), kept with the draft (readable by their
 *   uploader only) and attached to the answer when it is published.
 */
export async function saveAnswerDraft(options: {
  db: Database;
  actor: Actor | null;
  agencyId: string;
  kind: AgencyItemKind;
  itemId: string;
  content: unknown;
  newAttachments?: File[];
  now?: Date;
}): Promise<SavedDraft> {
  const { db, actor, agencyId, kind, itemId, newAttachments = [], now = new Date() } = options;
  const schema = draftSchemaFor(kind);
  // Permission and address first: an outsider hears not_found whatever they send.
  await assertItemOfAgency(db, actor, { agencyId, kind, itemId });
  if (!schema || !ANSWERED_KINDS.includes(kind)) throw new DomainError("validation", "invalidInput");
  const parsed = schema.safeParse(options.content ?? {});
  if (!parsed.success) throw new DomainError("validation", "invalidInput", fieldErrorsOf(parsed.error));
  if (newAttachments.length && kind !== "information_request") throw new DomainError("validation", "invalidInput", { attachments: ["noAttachments"] });
  // Bytes are checked and written before the transaction; a refused save leaves only an unreferenced blob.
  const prepared: PreparedUpload[] = [];
  for (const file of newAttachments) prepared.push(await prepareUpload(file, { field: "attachments" }));

  return db.transaction(async (tx) => {
    const { state, role } = await lockItemForWork(tx, actor, { agencyId, kind, itemId }, { open: true });
    const [existing] = await tx
      .select()
      .from(agencyAnswerDrafts)
      .where(and(eq(agencyAnswerDrafts.itemKind, kind), eq(agencyAnswerDrafts.itemId, itemId)));
    let content = parsed.data as Record<string, unknown>;
    if (kind === "information_request") content = await withAttachments(tx, content, existing, prepared, actor!.id, now);
    const changed = !existing || JSON.stringify(readDraft(kind, existing.content)) !== JSON.stringify(content);
    if (!changed) return { draft: existing, status: state.status, changed: false };

    let status = state.status;
    let action: string | null = null;
    const clearsApproval = role !== "supervisor" && (status === "awaiting_approval" || status === "approved");
    if (status === "new" || clearsApproval) {
      action = status === "new" ? "draft_started" : status === "approved" ? "approval_voided" : "submission_withdrawn";
      assertTransition(status, "in_progress");
      status = "in_progress";
    }
    const values = {
      content,
      updatedBy: actor!.id,
      updatedAt: now,
      ...(clearsApproval ? { submittedBy: null, submittedForApprovalAt: null, approvedBy: null, approvedAt: null } : {}),
    };
    const [draft] = await tx
      .insert(agencyAnswerDrafts)
      .values({ itemKind: kind, itemId, agencyId, createdAt: now, ...values })
      .onConflictDoUpdate({ target: [agencyAnswerDrafts.itemKind, agencyAnswerDrafts.itemId], set: values })
      .returning();
    if (action) {
      await moveItemStatus(tx, state, { actorId: actor!.id, action, to: status, data: { agencyId }, now });
    }
    return { draft, status, changed: true };
  });
}

/**
 * The draft's attachments: those it already had that the form kept (an id the draft never held
 * is ignored, so no one attaches somebody else's file by its id), then the new uploads.
 */
async function withAttachments(
  tx: Executor,
  content: Record<string, unknown>,
  existing: AgencyAnswerDraft | undefined,
  prepared: PreparedUpload[],
  uploadedBy: string,
  now: Date,
): Promise<Record<string, unknown>> {
  const held = new Set(existing ? readDraft("information_request", existing.content).attachmentIds : []);
  const kept = ((content.attachmentIds as string[] | undefined) ?? []).filter((id) => held.has(id));
  const added: string[] = [];
  for (const upload of prepared) {
    added.push((await insertFileRow(tx, { prepared: upload, uploadedBy, purpose: "information_answer", now })).id);
  }
  const attachmentIds = [...new Set([...kept, ...added])];
  if (attachmentIds.length > MAX_ATTACHMENTS) throw new DomainError("validation", "tooManyFiles", { attachments: ["tooManyFiles"] });
  return { ...content, attachmentIds };
}

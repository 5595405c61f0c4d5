import { eq, sql } from "drizzle-orm";
import { expertiseComments, type ExpertiseComment } from "@/db/schema";
import type { Database } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { assertSignedIn } from "@/lib/auth/permissions";
import { DomainError } from "@/lib/errors";
import { recordEvent } from "@/lib/events/record-event";
import { fieldErrorsOf } from "@/lib/validation/field-errors";
import { WORKING } from "../states";
import { loadActivityForForm } from "./lock-activity-for-form";
import { expertiseCommentSchema, type ExpertiseCommentInput } from "./schema";

/**
 * The subject of a public expertise adds one clause-by-clause remark to its conclusion: the
 * clause, the words quoted, the comment and what it recommends. Remarks are numbered in the
 * order added. Event "expertise_comment_added".
 */
export async function addExpertiseComment(options: {
  db: Database;
  actor: Actor | null;
  activityId: string;
  input: ExpertiseCommentInput;
  now?: Date;
}): Promise<ExpertiseComment> {
  const { db, actor, activityId, now = new Date() } = options;
  assertSignedIn(actor);
  const parsed = expertiseCommentSchema.safeParse(options.input);
  if (!parsed.success) throw new DomainError("validation", "invalidInput", fieldErrorsOf(parsed.error));
  const input = parsed.data;
  return db.transaction(async (tx) => {
    // FOR UPDATE: two remarks added at once must not take the same number.
    await loadActivityForForm(tx, { activityId, actor, forms: ["expertise"], states: WORKING, lock: "update" });
    const [{ next }] = await tx
      .select({ next: sql<number>`coalesce(max(${expertiseComments.position}), 0) + 1` })
      .from(expertiseComments)
      .where(eq(expertiseComments.activityId, activityId));
    const [comment] = await tx
      .insert(expertiseComments)
      .values({ activityId, ...input, position: Number(next), authorId: actor.id, createdAt: now })
      .returning();
    await recordEvent(tx, {
      entityType: "activity",
      entityId: activityId,
      actorId: actor.id,
      action: "expertise_comment_added",
      data: { expertiseCommentId: comment.id, position: comment.position, clause: comment.clause },
      occurredAt: now,
    });
    return comment;
  });
}

import { eq, sql } from "drizzle-orm";
import { commentReports, discussionComments } from "@/db/schema";
import type { Database } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { assertSignedIn } from "@/lib/auth/permissions";
import { DomainError } from "@/lib/errors";
import { recordEvent } from "@/lib/events/record-event";
import { hitRateLimit } from "@/lib/rate-limit/hit-rate-limit";
import { fieldErrorsOf } from "@/lib/validation/field-errors";
import { loadDiscussionComment } from "./load-discussion-section";
import { reportCommentSchema } from "./schema";

/**
 * A signed-in person reports a visible comment to the moderators, with a reason. Each person
 * counts once per comment: a second report is accepted and changes nothing (`counted: false`).
 * Event "comment_reported".
 */
export async function reportComment(options: {
  db: Database;
  actor: Actor | null;
  commentId: string;
  reason: string;
  now?: Date;
}): Promise<{ counted: boolean }> {
  const { db, actor, commentId, now = new Date() } = options;
  assertSignedIn(actor);
  const parsed = reportCommentSchema.safeParse({ reason: options.reason });
  if (!parsed.success) throw new DomainError("validation", "invalidInput", fieldErrorsOf(parsed.error));
  if (!(await hitRateLimit(db, { key: `comment-report:user:${actor.id}`, limit: 30, windowSeconds: 3600 }, now))) {
    throw new DomainError("rate_limited", "rateLimited");
  }
  return db.transaction(async (tx) => {
    const { comment, activity } = await loadDiscussionComment(tx, commentId, actor, { lockComment: true });
    if (comment.state !== "visible") throw new DomainError("invalid_transition", "commentAlreadyHidden");
    const inserted = await tx
      .insert(commentReports)
      .values({ commentId, reporterId: actor.id, reason: parsed.data.reason, createdAt: now })
      .onConflictDoNothing()
      .returning({ id: commentReports.id });
    if (inserted.length === 0) return { counted: false };
    await tx
      .update(discussionComments)
      .set({ reportCount: sql`${discussionComments.reportCount} + 1` })
      .where(eq(discussionComments.id, commentId));
    await recordEvent(tx, {
      entityType: "activity",
      entityId: activity.id,
      actorId: actor.id,
      action: "comment_reported",
      data: { commentId },
      occurredAt: now,
    });
    return { counted: true };
  });
}

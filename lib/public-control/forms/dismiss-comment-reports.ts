import { eq } from "drizzle-orm";
import { discussionComments } from "@/db/schema";
import type { Database } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { assertModerator } from "@/lib/auth/permissions";
import { DomainError } from "@/lib/errors";
import { recordEvent } from "@/lib/events/record-event";
import { loadDiscussionComment } from "./load-discussion-section";

/**
 * A moderator finds a reported comment lawful and clears it from the queue; the reports stay
 * on record and the same people cannot report it again. Event "comment_reports_dismissed".
 */
export async function dismissCommentReports(options: { db: Database; actor: Actor | null; commentId: string; now?: Date }): Promise<void> {
  const { db, actor, commentId, now = new Date() } = options;
  assertModerator(actor);
  await db.transaction(async (tx) => {
    const { comment, activity } = await loadDiscussionComment(tx, commentId, actor, { lockComment: true });
    if (comment.state !== "visible" || comment.reportCount === 0) throw new DomainError("invalid_transition", "invalidTransition");
    await tx.update(discussionComments).set({ reportCount: 0 }).where(eq(discussionComments.id, commentId));
    await recordEvent(tx, {
      entityType: "activity",
      entityId: activity.id,
      actorId: actor.id,
      action: "comment_reports_dismissed",
      data: { commentId, reports: comment.reportCount },
      occurredAt: now,
    });
  });
}

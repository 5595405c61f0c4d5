import { eq } from "drizzle-orm";
import { discussionComments, type DiscussionComment } from "@/db/schema";
import type { Database } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { assertModerator } from "@/lib/auth/permissions";
import { siteUrl } from "@/lib/config";
import { DomainError } from "@/lib/errors";
import { recordEvent } from "@/lib/events/record-event";
import { mailUser } from "@/lib/petitions/notify-people";
import { fieldErrorsOf } from "@/lib/validation/field-errors";
import { loadDiscussionComment } from "./load-discussion-section";
import { hideCommentSchema } from "./schema";

/**
 * A moderator hides a discussion comment, with a reason that is shown in its place and mailed
 * to its author. Event "comment_hidden" (reason in the event's reason).
 */
export async function hideComment(options: {
  db: Database;
  actor: Actor | null;
  commentId: string;
  reason: string;
  now?: Date;
}): Promise<DiscussionComment> {
  const { db, actor, commentId, now = new Date() } = options;
  assertModerator(actor);
  const parsed = hideCommentSchema.safeParse({ reason: options.reason });
  if (!parsed.success) throw new DomainError("validation", "invalidInput", fieldErrorsOf(parsed.error));
  const reason = parsed.data.reason;
  return db.transaction(async (tx) => {
    const { comment, activity } = await loadDiscussionComment(tx, commentId, actor, { lockComment: true });
    if (comment.state !== "visible") throw new DomainError("invalid_transition", "commentAlreadyHidden");
    const [hidden] = await tx
      .update(discussionComments)
      .set({ state: "hidden", hiddenReason: reason, hiddenBy: actor.id, hiddenAt: now })
      .where(eq(discussionComments.id, commentId))
      .returning();
    await recordEvent(tx, {
      entityType: "activity",
      entityId: activity.id,
      actorId: actor.id,
      action: "comment_hidden",
      reason,
      data: { commentId, from: "visible", to: "hidden", reports: comment.reportCount },
      occurredAt: now,
    });
    await mailUser(tx, comment.authorId, "activityForms.mail.commentHidden", {
      title: activity.title,
      reason,
      url: `${siteUrl()}/activities/${activity.number}/forms/discussion`,
    });
    return hidden;
  });
}

import { eq } from "drizzle-orm";
import { activities, discussionComments, discussionDrafts, discussionSections, type Activity, type DiscussionComment, type DiscussionDraft, type DiscussionSection } from "@/db/schema";
import type { Executor } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { DomainError } from "@/lib/errors";
import { canViewActivity } from "../subject";

/**
 * A discussion section with its draft and its activity, the activity held FOR SHARE: many
 * people may comment at once, while a change of the activity's state waits for them. A draft
 * activity's section is not_found for anyone but its subject.
 */
export async function loadDiscussionSection(
  tx: Executor,
  sectionId: string,
  actor: Actor | null,
): Promise<{ section: DiscussionSection; draft: DiscussionDraft; activity: Activity }> {
  const [found] = await tx
    .select({ section: discussionSections, draft: discussionDrafts })
    .from(discussionSections)
    .innerJoin(discussionDrafts, eq(discussionDrafts.id, discussionSections.draftId))
    .where(eq(discussionSections.id, sectionId));
  if (!found) throw new DomainError("not_found", "notFound");
  const [activity] = await tx.select().from(activities).where(eq(activities.id, found.draft.activityId)).for("share");
  if (!activity || !canViewActivity(actor, activity)) throw new DomainError("not_found", "notFound");
  return { ...found, activity };
}

/** A discussion comment with its activity (held FOR SHARE), or not_found when the activity is not visible. */
export async function loadDiscussionComment(
  tx: Executor,
  commentId: string,
  actor: Actor | null,
  options: { lockComment?: boolean } = {},
): Promise<{ comment: DiscussionComment; activity: Activity }> {
  const query = tx.select().from(discussionComments).where(eq(discussionComments.id, commentId));
  const [comment] = options.lockComment ? await query.for("update") : await query;
  if (!comment) throw new DomainError("not_found", "notFound");
  const [activity] = await tx.select().from(activities).where(eq(activities.id, comment.activityId)).for("share");
  if (!activity || !canViewActivity(actor, activity)) throw new DomainError("not_found", "notFound");
  return { comment, activity };
}

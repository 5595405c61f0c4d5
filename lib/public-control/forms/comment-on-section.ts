import { discussionComments, type DiscussionComment } from "@/db/schema";
import type { Database } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { assertSignedIn } from "@/lib/auth/permissions";
import { toDayString } from "@/lib/calendar/working-days";
import { DomainError } from "@/lib/errors";
import { recordEvent } from "@/lib/events/record-event";
import { hitRateLimit } from "@/lib/rate-limit/hit-rate-limit";
import { fieldErrorsOf } from "@/lib/validation/field-errors";
import { assertFormUsed } from "./lock-activity-for-form";
import { loadDiscussionSection } from "./load-discussion-section";
import { discussionCommentSchema, type DiscussionCommentInput } from "./schema";

/** How many comments one person may post in an hour, across all discussions. */
export const COMMENT_RATE_LIMIT = { limit: 20, windowSeconds: 3600 } as const;

/** Whether a discussion takes comments on `today`: its activity in progress, the day within its period, no summary yet. */
export function isDiscussionOpen(
  draft: { opensOn: string; closesOn: string; summaryPublishedAt: Date | null },
  activityState: string,
  today: string,
): boolean {
  return activityState === "in_progress" && !draft.summaryPublishedAt && draft.opensOn <= today && today <= draft.closesOn;
}

/**
 * A signed-in person comments on one section of a public discussion, or proposes new wording
 * for it, while the discussion is open. Limited per person (COMMENT_RATE_LIMIT).
 * Event "discussion_comment_added".
 */
export async function commentOnSection(options: {
  db: Database;
  actor: Actor | null;
  sectionId: string;
  input: DiscussionCommentInput;
  now?: Date;
}): Promise<DiscussionComment> {
  const { db, actor, sectionId, now = new Date() } = options;
  assertSignedIn(actor);
  const parsed = discussionCommentSchema.safeParse(options.input);
  if (!parsed.success) throw new DomainError("validation", "invalidInput", fieldErrorsOf(parsed.error));
  const input = parsed.data;
  const allowed = await hitRateLimit(db, { key: `discussion-comment:user:${actor.id}`, ...COMMENT_RATE_LIMIT }, now);
  if (!allowed) throw new DomainError("rate_limited", "rateLimited");

  return db.transaction(async (tx) => {
    const { section, draft, activity } = await loadDiscussionSection(tx, sectionId, actor);
    assertFormUsed(activity, ["discussion"]);
    if (!isDiscussionOpen(draft, activity.state, toDayString(now))) throw new DomainError("invalid_transition", "discussionNotOpen");
    const [comment] = await tx
      .insert(discussionComments)
      .values({
        sectionId,
        activityId: activity.id,
        authorId: actor.id,
        kind: input.kind,
        body: input.body,
        proposedText: input.proposedText,
        createdAt: now,
      })
      .returning();
    await recordEvent(tx, {
      entityType: "activity",
      entityId: activity.id,
      actorId: actor.id,
      action: "discussion_comment_added",
      data: { commentId: comment.id, sectionId, sectionPosition: section.position, kind: comment.kind },
      occurredAt: now,
    });
    return comment;
  });
}

import { and, eq, inArray } from "drizzle-orm";
import { discussionComments, discussionDrafts, type DiscussionDraft } from "@/db/schema";
import type { Database } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { assertSignedIn } from "@/lib/auth/permissions";
import { toDayString } from "@/lib/calendar/working-days";
import { DomainError } from "@/lib/errors";
import { recordEvent } from "@/lib/events/record-event";
import { fieldErrorsOf } from "@/lib/validation/field-errors";
import type { ActivityState } from "../states";
import { invalidField, loadActivityForForm } from "./lock-activity-for-form";
import { discussionSummarySchema, type DiscussionSummaryInput } from "./schema";

/** A summary comes after the discussion closes, which may be after the activity itself completed. */
export const SUMMARY_STATES: readonly ActivityState[] = ["announced", "in_progress", "completed"];

/**
 * Once the discussion period is over, the subject publishes a summary of what was proposed and
 * what was taken, and may mark each proposal taken, partly taken or not taken. Publishing again
 * corrects it. Event "discussion_summary_published".
 */
export async function publishDiscussionSummary(options: {
  db: Database;
  actor: Actor | null;
  activityId: string;
  input: DiscussionSummaryInput;
  now?: Date;
}): Promise<DiscussionDraft> {
  const { db, actor, activityId, now = new Date() } = options;
  assertSignedIn(actor);
  const parsed = discussionSummarySchema.safeParse(options.input);
  if (!parsed.success) throw new DomainError("validation", "invalidInput", fieldErrorsOf(parsed.error));
  const { summary, outcomes } = parsed.data;
  return db.transaction(async (tx) => {
    await loadActivityForForm(tx, { activityId, actor, forms: ["discussion"], states: SUMMARY_STATES, lock: "update" });
    const [draft] = await tx.select().from(discussionDrafts).where(eq(discussionDrafts.activityId, activityId)).for("update");
    if (!draft) throw new DomainError("not_found", "notFound");
    if (toDayString(now) <= draft.closesOn) throw invalidField("summary", "summaryBeforeClose");
    const proposalIds = Object.keys(outcomes);
    if (proposalIds.length) {
      const proposals = await tx
        .select({ id: discussionComments.id })
        .from(discussionComments)
        .where(and(eq(discussionComments.activityId, activityId), eq(discussionComments.kind, "proposal"), inArray(discussionComments.id, proposalIds)));
      if (proposals.length !== proposalIds.length) throw invalidField("outcomes", "invalidInput");
      for (const [id, outcome] of Object.entries(outcomes)) {
        await tx.update(discussionComments).set({ outcome }).where(eq(discussionComments.id, id));
      }
    }
    const [published] = await tx
      .update(discussionDrafts)
      .set({ summary, summaryPublishedAt: now })
      .where(eq(discussionDrafts.id, draft.id))
      .returning();
    const taken = Object.values(outcomes).filter((o) => o === "taken").length;
    const partlyTaken = Object.values(outcomes).filter((o) => o === "partly_taken").length;
    await recordEvent(tx, {
      entityType: "activity",
      entityId: activityId,
      actorId: actor.id,
      action: "discussion_summary_published",
      data: { draftId: draft.id, republished: !!draft.summaryPublishedAt, outcomes: proposalIds.length, taken, partlyTaken },
      occurredAt: now,
    });
    return published;
  });
}

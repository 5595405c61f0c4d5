import { eq } from "drizzle-orm";
import { discussionDrafts, discussionSections, type DiscussionDraft, type DiscussionSection } from "@/db/schema";
import type { Database } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { assertSignedIn } from "@/lib/auth/permissions";
import { toDayString } from "@/lib/calendar/working-days";
import { DomainError } from "@/lib/errors";
import { recordEvent } from "@/lib/events/record-event";
import { fieldErrorsOf } from "@/lib/validation/field-errors";
import { WORKING } from "../states";
import { invalidField, loadActivityForForm } from "./lock-activity-for-form";
import { FORM_LIMITS, discussionSectionSchema, openDiscussionSchema, type OpenDiscussionInput } from "./schema";
import { splitDraftText } from "./split-draft-text";

/**
 * The subject publishes a draft text for public discussion between two days (the first not
 * in the past), split into sections that people comment on one by one: the sections given,
 * or the pasted text split on headings or blank lines. One discussion per activity.
 * Event "discussion_opened".
 */
export async function openDiscussion(options: {
  db: Database;
  actor: Actor | null;
  activityId: string;
  input: OpenDiscussionInput;
  now?: Date;
}): Promise<{ draft: DiscussionDraft; sections: DiscussionSection[] }> {
  const { db, actor, activityId, now = new Date() } = options;
  assertSignedIn(actor);
  const parsed = openDiscussionSchema.safeParse(options.input);
  if (!parsed.success) throw new DomainError("validation", "invalidInput", fieldErrorsOf(parsed.error));
  const input = parsed.data;
  if (input.opensOn < toDayString(now)) throw invalidField("opensOn", "dateInPast");
  const sections = input.sections?.length ? input.sections : splitDraftText(input.text ?? "");
  if (sections.length === 0) throw invalidField("text", "required");
  if (sections.length > FORM_LIMITS.sections) throw invalidField("text", "tooManySections");
  // Split sections are checked like given ones, so a pasted text cannot bypass the limits.
  if (sections.some((section) => !discussionSectionSchema.safeParse(section).success)) throw invalidField("text", "sectionTooLong");

  return db.transaction(async (tx) => {
    await loadActivityForForm(tx, { activityId, actor, forms: ["discussion"], states: WORKING, lock: "update" });
    const [existing] = await tx.select({ id: discussionDrafts.id }).from(discussionDrafts).where(eq(discussionDrafts.activityId, activityId));
    if (existing) throw new DomainError("conflict", "discussionExists");
    const [draft] = await tx
      .insert(discussionDrafts)
      .values({ activityId, title: input.title, opensOn: input.opensOn, closesOn: input.closesOn, createdBy: actor.id, createdAt: now })
      .returning();
    const rows = await tx
      .insert(discussionSections)
      .values(sections.map((section, index) => ({ draftId: draft.id, position: index + 1, heading: section.heading.trim(), body: section.body.trim() })))
      .returning();
    await recordEvent(tx, {
      entityType: "activity",
      entityId: activityId,
      actorId: actor.id,
      action: "discussion_opened",
      data: { draftId: draft.id, title: draft.title, opensOn: draft.opensOn, closesOn: draft.closesOn, sections: rows.length },
      occurredAt: now,
    });
    return { draft, sections: rows.sort((a, b) => a.position - b.position) };
  });
}

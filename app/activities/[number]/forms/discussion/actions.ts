"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { PROPOSAL_OUTCOMES, type ProposalOutcome } from "@/db/schema/activity-forms";
import { currentActor } from "@/lib/auth/current-actor";
import { commentOnSection } from "@/lib/public-control/forms/comment-on-section";
import { openDiscussion } from "@/lib/public-control/forms/open-discussion";
import { publishDiscussionSummary } from "@/lib/public-control/forms/publish-discussion-summary";
import { reportComment } from "@/lib/public-control/forms/report-comment";
import { discussionCommentSchema, discussionSummarySchema, openDiscussionSchema, reportCommentSchema } from "@/lib/public-control/forms/schema";
import { fieldErrorsOf } from "@/lib/validation/field-errors";
import { formValues, refused, type FormState } from "../_shared/form-state";

function revalidate() {
  revalidatePath("/activities/[number]/forms/discussion", "page");
}

const activityIdOf = (formData: FormData) => String(formData.get("activityId") ?? "");

export async function openDiscussionAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData, ["title", "opensOn", "closesOn", "text"]);
  const parsed = openDiscussionSchema.safeParse(values);
  if (!parsed.success) return { values, fieldErrors: fieldErrorsOf(parsed.error) };
  try {
    await openDiscussion({ db: getDb(), actor: await currentActor(), activityId: activityIdOf(formData), input: parsed.data });
  } catch (error) {
    return refused(error, values);
  }
  revalidate();
  return { notice: "discussionOpened", values: {} };
}

export async function commentOnSectionAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData, ["kind", "body", "proposedText"]);
  const parsed = discussionCommentSchema.safeParse(values);
  if (!parsed.success) return { values, fieldErrors: fieldErrorsOf(parsed.error) };
  try {
    await commentOnSection({ db: getDb(), actor: await currentActor(), sectionId: String(formData.get("sectionId") ?? ""), input: parsed.data });
  } catch (error) {
    return refused(error, values);
  }
  revalidate();
  return { notice: "commentPosted", values: { kind: values.kind } };
}

export async function reportCommentAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData, ["reason"]);
  const parsed = reportCommentSchema.safeParse(values);
  if (!parsed.success) return { values, fieldErrors: fieldErrorsOf(parsed.error) };
  try {
    await reportComment({ db: getDb(), actor: await currentActor(), commentId: String(formData.get("commentId") ?? ""), reason: parsed.data.reason });
  } catch (error) {
    return refused(error, values);
  }
  return { notice: "commentReported", values: {} };
}

export async function publishSummaryAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData, ["summary"]);
  const outcomes: Record<string, ProposalOutcome> = {};
  for (const [name, value] of formData.entries()) {
    if (!name.startsWith("outcome-") || typeof value !== "string") continue;
    values[name] = value;
    if ((PROPOSAL_OUTCOMES as readonly string[]).includes(value)) outcomes[name.slice("outcome-".length)] = value as ProposalOutcome;
  }
  const parsed = discussionSummarySchema.safeParse({ summary: values.summary, outcomes });
  if (!parsed.success) return { values, fieldErrors: fieldErrorsOf(parsed.error) };
  try {
    await publishDiscussionSummary({ db: getDb(), actor: await currentActor(), activityId: activityIdOf(formData), input: parsed.data });
  } catch (error) {
    return refused(error, values);
  }
  revalidate();
  return { notice: "summaryPublished", values };
}

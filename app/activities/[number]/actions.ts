"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { currentActor } from "@/lib/auth/current-actor";
import { isChosenFile } from "@/lib/files/store-upload";
import { announceActivity } from "@/lib/public-control/announce-activity";
import { askInformationRequest } from "@/lib/public-control/ask-information-request";
import { closeActivity } from "@/lib/public-control/close-activity";
import { completeActivity } from "@/lib/public-control/complete-activity";
import { activityByNumber } from "@/lib/public-control/load-activity";
import { markRecommendationImplementation } from "@/lib/public-control/mark-implementation";
import { saveFinalDocument } from "@/lib/public-control/save-final-document";
import { finalDocumentSchema, followUpSchema, informationRequestSchema, teamMemberSchema } from "@/lib/public-control/schema";
import { sendFinalDocument } from "@/lib/public-control/send-final-document";
import { startActivity } from "@/lib/public-control/start-activity";
import { addTeamMember, removeTeamMember } from "@/lib/public-control/team-members";
import { toActionError } from "@/lib/validation/action-error";
import { fieldErrorsOf } from "@/lib/validation/field-errors";
import { formValues, refused, type AreaFormState } from "../_shared/form-state";

// Thin: parse, call the domain function (which checks who may), report. Every action is a public
// endpoint; nothing here decides permissions.

const STEPS = {
  announce: announceActivity,
  start: startActivity,
  complete: completeActivity,
  send: sendFinalDocument,
  close: closeActivity,
} as const;
type Step = keyof typeof STEPS;

function numberOf(formData: FormData): number {
  const number = Number(formData.get("number"));
  return Number.isSafeInteger(number) && number > 0 ? number : 0;
}

/** The subject's lifecycle buttons: announce, start, complete, send, close. Redirects back with a notice or an error key. */
export async function activityStepAction(formData: FormData): Promise<void> {
  const number = numberOf(formData);
  const step = String(formData.get("step") ?? "") as Step;
  if (!number || !(step in STEPS)) redirect("/activities");
  const activity = await activityByNumber(getDb(), number);
  if (!activity) redirect("/activities");
  try {
    await STEPS[step]({ db: getDb(), actor: await currentActor(), activityId: activity.id });
  } catch (error) {
    const { message } = toActionError(error);
    redirect(`/activities/${number}?error=${encodeURIComponent(message)}#status`);
  }
  revalidatePath(`/activities/${number}`);
  redirect(`/activities/${number}?notice=${step}#status`);
}

async function activityIdOf(formData: FormData): Promise<{ id: string; number: number } | null> {
  const number = numberOf(formData);
  const activity = number ? await activityByNumber(getDb(), number) : null;
  return activity ? { id: activity.id, number } : null;
}

const TEAM_FIELDS = ["name", "role", "conflictOfInterestDeclaration"] as const;

export async function addTeamMemberAction(_state: AreaFormState, formData: FormData): Promise<AreaFormState> {
  const values = formValues(formData, TEAM_FIELDS);
  const parsed = teamMemberSchema.safeParse(values);
  if (!parsed.success) return { values, fieldErrors: fieldErrorsOf(parsed.error), submittedAt: Date.now() };
  const activity = await activityIdOf(formData);
  if (!activity) return { message: "notFound", values };
  try {
    await addTeamMember({ db: getDb(), actor: await currentActor(), activityId: activity.id, input: parsed.data });
  } catch (error) {
    return refused(error, values);
  }
  revalidatePath(`/activities/${activity.number}`);
  return { notice: "teamMemberAdded", submittedAt: Date.now() };
}

export async function removeTeamMemberAction(formData: FormData): Promise<void> {
  const activity = await activityIdOf(formData);
  if (!activity) redirect("/activities");
  try {
    await removeTeamMember({ db: getDb(), actor: await currentActor(), activityId: activity.id, memberId: String(formData.get("memberId") ?? "") });
  } catch (error) {
    const { message } = toActionError(error);
    redirect(`/activities/${activity.number}?error=${encodeURIComponent(message)}#team`);
  }
  revalidatePath(`/activities/${activity.number}`);
  redirect(`/activities/${activity.number}?notice=teamMemberRemoved#team`);
}

export async function askInformationRequestAction(_state: AreaFormState, formData: FormData): Promise<AreaFormState> {
  const values = formValues(formData, ["question"]);
  const parsed = informationRequestSchema.safeParse(values);
  if (!parsed.success) return { values, fieldErrors: fieldErrorsOf(parsed.error), submittedAt: Date.now() };
  const activity = await activityIdOf(formData);
  if (!activity) return { message: "notFound", values };
  try {
    await askInformationRequest({ db: getDb(), actor: await currentActor(), activityId: activity.id, input: parsed.data });
  } catch (error) {
    return refused(error, values);
  }
  revalidatePath(`/activities/${activity.number}`);
  return { notice: "requestSent", submittedAt: Date.now() };
}

export async function saveFinalDocumentAction(_state: AreaFormState, formData: FormData): Promise<AreaFormState> {
  const texts = formData.getAll("recommendation").map(String);
  const ids = formData.getAll("recommendationId").map(String);
  const values = { factsFound: String(formData.get("factsFound") ?? ""), recommendations: JSON.stringify(texts.map((text, i) => ({ id: ids[i] ?? "", text }))) };
  const parsed = finalDocumentSchema.safeParse({ factsFound: values.factsFound, recommendations: texts.map((text, i) => ({ id: ids[i] ?? "", text })) });
  if (!parsed.success) {
    // "recommendations.2.text" → "recommendation-3", the id of that textarea.
    const fieldErrors: Record<string, string[]> = {};
    for (const [path, keys] of Object.entries(fieldErrorsOf(parsed.error))) {
      const match = /^recommendations\.(\d+)/.exec(path);
      fieldErrors[match ? `recommendation-${Number(match[1]) + 1}` : path] = keys;
    }
    return { values, fieldErrors, submittedAt: Date.now() };
  }
  const activity = await activityIdOf(formData);
  if (!activity) return { message: "notFound", values };
  let savedIds: string[];
  try {
    const saved = await saveFinalDocument({ db: getDb(), actor: await currentActor(), activityId: activity.id, input: parsed.data });
    savedIds = saved.recommendations.map((r) => r.id);
  } catch (error) {
    return refused(error, values);
  }
  revalidatePath(`/activities/${activity.number}`);
  // The editor learns the ids of new recommendations, so the next save keeps them.
  return { notice: "finalDocumentSaved", values: { savedIds: JSON.stringify(savedIds) }, submittedAt: Date.now() };
}

export async function markImplementationAction(_state: AreaFormState, formData: FormData): Promise<AreaFormState> {
  const values = formValues(formData, ["implementation", "note"]);
  const parsed = followUpSchema.safeParse(values);
  if (!parsed.success) return { values, fieldErrors: fieldErrorsOf(parsed.error), submittedAt: Date.now() };
  const number = numberOf(formData);
  const evidence = formData.get("evidence");
  try {
    await markRecommendationImplementation({
      db: getDb(),
      actor: await currentActor(),
      recommendationId: String(formData.get("recommendationId") ?? ""),
      input: parsed.data,
      evidence: isChosenFile(evidence) ? evidence : null,
    });
  } catch (error) {
    return refused(error, values);
  }
  revalidatePath(`/activities/${number}`);
  return { notice: "implementationMarked", submittedAt: Date.now() };
}

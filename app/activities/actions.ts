"use server";

import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { currentActor } from "@/lib/auth/current-actor";
import { createActivity } from "@/lib/public-control/create-activity";
import { activityByNumber } from "@/lib/public-control/load-activity";
import { activityFormSchema } from "@/lib/public-control/schema";
import { updateActivity } from "@/lib/public-control/update-activity";
import { fieldErrorsOf } from "@/lib/validation/field-errors";
import { formValues, refused, type AreaFormState } from "./_shared/form-state";

const TEXT_FIELDS = ["title", "subjectMatter", "goals", "agencyId", "organizationId", "plannedStart", "plannedEnd"] as const;

function parse(formData: FormData) {
  const values = { ...formValues(formData, TEXT_FIELDS), forms: formData.getAll("forms").map(String).join(",") };
  const parsed = activityFormSchema.safeParse({ ...values, forms: formData.getAll("forms").map(String) });
  return { values, parsed };
}

/** Drafts a new activity and opens its page. */
export async function createActivityAction(_state: AreaFormState, formData: FormData): Promise<AreaFormState> {
  const { values, parsed } = parse(formData);
  if (!parsed.success) return { values, fieldErrors: fieldErrorsOf(parsed.error), submittedAt: Date.now() };
  let number: number;
  try {
    number = (await createActivity({ db: getDb(), actor: await currentActor(), input: parsed.data })).number;
  } catch (error) {
    return refused(error, values);
  }
  redirect(`/activities/${number}?notice=created`);
}

/** Saves the edited plan of a draft. */
export async function updateActivityAction(activityNumber: number, _state: AreaFormState, formData: FormData): Promise<AreaFormState> {
  const { values, parsed } = parse(formData);
  if (!parsed.success) return { values, fieldErrors: fieldErrorsOf(parsed.error), submittedAt: Date.now() };
  try {
    const activity = await activityByNumber(getDb(), activityNumber);
    if (!activity) return { message: "notFound", values };
    await updateActivity({ db: getDb(), actor: await currentActor(), activityId: activity.id, input: parsed.data });
  } catch (error) {
    return refused(error, values);
  }
  redirect(`/activities/${activityNumber}?notice=updated`);
}

"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { currentActor } from "@/lib/auth/current-actor";
import { approvePetition } from "@/lib/petitions/approve-petition";
import { hidePetition } from "@/lib/petitions/hide-petition";
import { rejectPetition } from "@/lib/petitions/reject-petition";
import { rejectPetitionSchema } from "@/lib/petitions/schema";
import { fieldErrorsOf } from "@/lib/validation/field-errors";
import { formValues, refused, type ModerationFormState } from "../../form-state";

// Thin: parse, call the domain function (which checks the moderator role and the state),
// then back to the queue with a notice. redirect() stays outside try, as it throws.

function petitionIdOf(formData: FormData): string {
  return String(formData.get("petitionId") ?? "");
}

function backToQueue(done: "approved" | "rejected" | "hidden", number: number): never {
  revalidatePath("/moderation");
  revalidatePath(`/petitions/${number}`);
  redirect(`/moderation?done=${done}&number=${number}`);
}

export async function approvePetitionAction(_previous: ModerationFormState, formData: FormData): Promise<ModerationFormState> {
  let number: number;
  try {
    ({ number } = await approvePetition({ db: getDb(), actor: await currentActor(), petitionId: petitionIdOf(formData) }));
  } catch (error) {
    return refused(error);
  }
  backToQueue("approved", number);
}

const REJECT_FIELDS = ["reason", "note", "suggestedAgencyId"] as const;

export async function rejectPetitionAction(_previous: ModerationFormState, formData: FormData): Promise<ModerationFormState> {
  const values = formValues(formData, REJECT_FIELDS);
  const parsed = rejectPetitionSchema.safeParse({
    reason: values.reason || undefined,
    note: values.note,
    suggestedAgencyId: values.suggestedAgencyId,
  });
  if (!parsed.success) return { values, fieldErrors: fieldErrorsOf(parsed.error), message: "invalidInput" };
  let number: number;
  try {
    ({ number } = await rejectPetition({ db: getDb(), actor: await currentActor(), petitionId: petitionIdOf(formData), input: parsed.data }));
  } catch (error) {
    return refused(error, values);
  }
  backToQueue("rejected", number);
}

export async function hidePetitionAction(_previous: ModerationFormState, formData: FormData): Promise<ModerationFormState> {
  const values = formValues(formData, ["reason"]);
  let number: number;
  try {
    ({ number } = await hidePetition({ db: getDb(), actor: await currentActor(), petitionId: petitionIdOf(formData), reason: values.reason }));
  } catch (error) {
    return refused(error, values);
  }
  backToQueue("hidden", number);
}

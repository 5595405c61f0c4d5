"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { currentActor } from "@/lib/auth/current-actor";
import { createPetition } from "@/lib/petitions/create-petition";
import { petitionByNumber } from "@/lib/petitions/load-petition";
import { petitionFormSchema } from "@/lib/petitions/schema";
import { submitPetition } from "@/lib/petitions/submit-petition";
import { updatePetition } from "@/lib/petitions/update-petition";
import { toActionError } from "@/lib/validation/action-error";
import { fieldErrorsOf } from "@/lib/validation/field-errors";

export interface PetitionFormState {
  fieldErrors?: Record<string, string[]>;
  message?: string;
}

function parse(formData: FormData) {
  return petitionFormSchema.safeParse({
    title: formData.get("title") ?? "",
    request: formData.get("request") ?? "",
    reasons: formData.get("reasons") ?? "",
    agencyId: formData.get("agencyId") ?? "",
    regionCode: formData.get("regionCode") ?? "",
  });
}

export async function createPetitionAction(_state: PetitionFormState, formData: FormData): Promise<PetitionFormState> {
  const parsed = parse(formData);
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error) };
  let number: number;
  try {
    number = (await createPetition({ db: getDb(), actor: await currentActor(), input: parsed.data })).number;
  } catch (error) {
    return toActionError(error);
  }
  redirect(`/my/petitions/${number}`);
}

export async function updatePetitionAction(petitionNumber: number, _state: PetitionFormState, formData: FormData): Promise<PetitionFormState> {
  const parsed = parse(formData);
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error) };
  try {
    const petition = await petitionByNumber(getDb(), petitionNumber);
    if (!petition) return { message: "notFound" };
    await updatePetition({ db: getDb(), actor: await currentActor(), petitionId: petition.id, input: parsed.data });
  } catch (error) {
    return toActionError(error);
  }
  redirect(`/my/petitions/${petitionNumber}`);
}

export async function submitPetitionAction(formData: FormData): Promise<void> {
  const number = Number(formData.get("number"));
  const petition = await petitionByNumber(getDb(), number);
  if (!petition) redirect("/my/petitions");
  try {
    await submitPetition({ db: getDb(), actor: await currentActor(), petitionId: petition.id });
  } catch (error) {
    const { message } = toActionError(error);
    redirect(`/my/petitions/${number}?error=${encodeURIComponent(message)}`);
  }
  revalidatePath(`/my/petitions/${number}`);
  redirect(`/my/petitions/${number}?submitted=1`);
}

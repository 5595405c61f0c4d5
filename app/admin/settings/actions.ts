"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { currentActor } from "@/lib/auth/current-actor";
import { PETITION_SETTINGS_FORM_FIELDS, petitionSettingsFormSchema, petitionSettingsToFormValues } from "@/lib/petitions/settings-schema";
import { updatePetitionSettings } from "@/lib/petitions/update-petition-settings";
import { fieldErrorsOf } from "@/lib/validation/field-errors";
import { formValues, refused, type AdminFormState } from "../form-state";

export async function updatePetitionSettingsAction(_previous: AdminFormState, formData: FormData): Promise<AdminFormState> {
  const values = formValues(formData, PETITION_SETTINGS_FORM_FIELDS);
  const parsed = petitionSettingsFormSchema.safeParse(values);
  if (!parsed.success) return { values, fieldErrors: fieldErrorsOf(parsed.error) };
  let changed: boolean;
  try {
    ({ changed } = await updatePetitionSettings({ db: getDb(), actor: await currentActor(), input: parsed.data }));
  } catch (error) {
    return refused(error, values);
  }
  // Petition pages, the moderation queue and the signing form all read these rules.
  revalidatePath("/", "layout");
  // Show the rules as stored ("2,5" becomes "2.5"), which is what now applies.
  return { saved: true, notice: changed ? "settings.saved" : "settings.unchanged", values: petitionSettingsToFormValues(parsed.data) };
}

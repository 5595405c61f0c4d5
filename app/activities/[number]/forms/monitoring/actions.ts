"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { currentActor } from "@/lib/auth/current-actor";
import { isChosenFile } from "@/lib/files/store-upload";
import { maxUploadBytes } from "@/lib/files/storage";
import { recordObservation } from "@/lib/public-control/forms/record-observation";
import { observationSchema } from "@/lib/public-control/forms/schema";
import { fieldErrorsOf } from "@/lib/validation/field-errors";
import { formValues, refused, type FormState } from "../_shared/form-state";

const FIELDS = ["observedOn", "place", "text"] as const;

export async function recordObservationAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData, FIELDS);
  const parsed = observationSchema.safeParse(values);
  if (!parsed.success) return { values, fieldErrors: fieldErrorsOf(parsed.error) };
  const files = formData.getAll("evidence").filter(isChosenFile);
  try {
    await recordObservation({ db: getDb(), actor: await currentActor(), activityId: String(formData.get("activityId") ?? ""), input: parsed.data, files });
  } catch (error) {
    return refused(error, values, { megabytes: Math.floor(maxUploadBytes() / 1024 / 1024) });
  }
  revalidatePath("/activities/[number]/forms/monitoring", "page");
  return { notice: "observationRecorded", values: {} };
}

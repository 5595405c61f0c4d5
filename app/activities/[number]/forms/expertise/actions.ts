"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { currentActor } from "@/lib/auth/current-actor";
import { isChosenFile } from "@/lib/files/store-upload";
import { maxUploadBytes } from "@/lib/files/storage";
import { addExpertiseComment } from "@/lib/public-control/forms/add-expertise-comment";
import { saveDraftAct } from "@/lib/public-control/forms/save-draft-act";
import { draftActSchema, expertiseCommentSchema } from "@/lib/public-control/forms/schema";
import { fieldErrorsOf } from "@/lib/validation/field-errors";
import { formValues, refused, type FormState } from "../_shared/form-state";

function revalidate() {
  revalidatePath("/activities/[number]/forms/expertise", "page");
}

export async function saveDraftActAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData, ["title", "text"]);
  const parsed = draftActSchema.safeParse(values);
  if (!parsed.success) return { values, fieldErrors: fieldErrorsOf(parsed.error) };
  const file = formData.get("file");
  try {
    await saveDraftAct({
      db: getDb(),
      actor: await currentActor(),
      activityId: String(formData.get("activityId") ?? ""),
      input: parsed.data,
      file: isChosenFile(file) ? file : null,
    });
  } catch (error) {
    return refused(error, values, { megabytes: Math.floor(maxUploadBytes() / 1024 / 1024) });
  }
  revalidate();
  return { notice: "draftActSaved", values };
}

export async function addExpertiseCommentAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData, ["clause", "quotedText", "comment", "recommendation"]);
  const parsed = expertiseCommentSchema.safeParse(values);
  if (!parsed.success) return { values, fieldErrors: fieldErrorsOf(parsed.error) };
  try {
    await addExpertiseComment({ db: getDb(), actor: await currentActor(), activityId: String(formData.get("activityId") ?? ""), input: parsed.data });
  } catch (error) {
    return refused(error, values);
  }
  revalidate();
  return { notice: "expertiseCommentAdded", values: {} };
}

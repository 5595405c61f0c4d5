"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { deleteResponseTemplate } from "@/lib/agency/delete-response-template";
import { saveResponseTemplate } from "@/lib/agency/save-response-template";
import { templateSchema } from "@/lib/agency/schema";
import { currentActor } from "@/lib/auth/current-actor";
import { fieldErrorsOf } from "@/lib/validation/field-errors";
import { formValues, refused, type ItemFormState } from "../items/[kind]/[id]/form-state";

const text = (form: FormData, name: string) => String(form.get(name) ?? "");

/** Adds a template (no templateId) or changes one; the domain function checks the supervisor role. */
export async function saveTemplateAction(_previous: ItemFormState, form: FormData): Promise<ItemFormState> {
  const agencyId = text(form, "agencyId");
  const templateId = text(form, "templateId") || null;
  const values = formValues(form, ["kind", "title", "body"]);
  const parsed = templateSchema.safeParse(values);
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error), values, at: Date.now() };
  try {
    await saveResponseTemplate({ db: getDb(), actor: await currentActor(), agencyId, templateId, input: parsed.data });
  } catch (error) {
    return refused(error, { values });
  }
  revalidatePath(`/agency/${agencyId}/templates`);
  return { saved: true, notice: templateId ? "templateSaved" : "templateAdded", at: Date.now() };
}

export async function deleteTemplateAction(_previous: ItemFormState, form: FormData): Promise<ItemFormState> {
  const agencyId = text(form, "agencyId");
  try {
    await deleteResponseTemplate({ db: getDb(), actor: await currentActor(), agencyId, templateId: text(form, "templateId") });
  } catch (error) {
    return refused(error);
  }
  revalidatePath(`/agency/${agencyId}/templates`);
  return { saved: true, notice: "templateDeleted", at: Date.now() };
}

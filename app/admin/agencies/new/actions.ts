"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { createAgency } from "@/lib/agencies/create-agency";
import { currentActor } from "@/lib/auth/current-actor";
import { fieldErrorsOf } from "@/lib/validation/field-errors";
import { readAgencyForm } from "../agency-form-values";
import { refused, type AdminFormState } from "../../form-state";

export async function createAgencyAction(_previous: AdminFormState, formData: FormData): Promise<AdminFormState> {
  const { values, parsed } = readAgencyForm(formData);
  if (!parsed.success) return { values, fieldErrors: fieldErrorsOf(parsed.error) };
  let agencyId: string;
  try {
    agencyId = (await createAgency({ db: getDb(), actor: await currentActor(), input: parsed.data })).id;
  } catch (error) {
    return refused(error, values);
  }
  revalidatePath("/admin/agencies");
  revalidatePath("/agencies");
  redirect(`/admin/agencies/${agencyId}?created=1`);
}

"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { addAgencyMember } from "@/lib/agencies/add-agency-member";
import { removeAgencyMember } from "@/lib/agencies/remove-agency-member";
import { agencyActiveSchema, agencyMemberRemovalSchema, agencyMembershipSchema } from "@/lib/agencies/schema";
import { updateAgency } from "@/lib/agencies/update-agency";
import { currentActor } from "@/lib/auth/current-actor";
import { fieldErrorsOf } from "@/lib/validation/field-errors";
import { formValues, refused, type AdminFormState } from "../../form-state";
import { readAgencyForm } from "../agency-form-values";

function agencyIdOf(formData: FormData): string {
  return String(formData.get("agencyId") ?? "");
}

function revalidateAgency(agencyId: string) {
  revalidatePath(`/admin/agencies/${agencyId}`);
  revalidatePath("/admin/agencies");
  // The public directory and agency pages show names, levels and the active flag.
  revalidatePath("/agencies", "layout");
}

export async function updateAgencyAction(_previous: AdminFormState, formData: FormData): Promise<AdminFormState> {
  const agencyId = agencyIdOf(formData);
  const { values, parsed } = readAgencyForm(formData);
  if (!parsed.success) return { values, fieldErrors: fieldErrorsOf(parsed.error) };
  try {
    await updateAgency({ db: getDb(), actor: await currentActor(), agencyId, input: parsed.data });
  } catch (error) {
    return refused(error, values);
  }
  revalidateAgency(agencyId);
  return { saved: true, values };
}

export async function setAgencyActiveAction(_previous: AdminFormState, formData: FormData): Promise<AdminFormState> {
  const parsed = agencyActiveSchema.safeParse(formValues(formData, ["agencyId", "active"]));
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error), message: "invalidInput" };
  const { agencyId, active } = parsed.data;
  try {
    await updateAgency({ db: getDb(), actor: await currentActor(), agencyId, active });
  } catch (error) {
    return refused(error);
  }
  revalidateAgency(agencyId);
  return { saved: true, notice: active ? "agency.reactivated" : "agency.deactivated" };
}

/** Adds a person, or changes the role of one already there (the same domain function). */
export async function saveAgencyMemberAction(_previous: AdminFormState, formData: FormData): Promise<AdminFormState> {
  const agencyId = agencyIdOf(formData);
  const values = formValues(formData, ["email", "role"]);
  const parsed = agencyMembershipSchema.safeParse(values);
  if (!parsed.success) return { values, fieldErrors: fieldErrorsOf(parsed.error) };
  let notice: string;
  try {
    const change = await addAgencyMember({ db: getDb(), actor: await currentActor(), agencyId, ...parsed.data });
    notice = !change.changed ? "members.unchanged" : change.previousRole ? "members.roleChanged" : "members.added";
  } catch (error) {
    return refused(error, values);
  }
  revalidatePath(`/admin/agencies/${agencyId}`);
  // Cleared on success so the next person can be typed straight away; the role is kept.
  return { saved: true, notice, values: { email: "", role: parsed.data.role } };
}

export async function removeAgencyMemberAction(_previous: AdminFormState, formData: FormData): Promise<AdminFormState> {
  const parsed = agencyMemberRemovalSchema.safeParse(formValues(formData, ["agencyId", "userId"]));
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error), message: "invalidInput" };
  try {
    await removeAgencyMember({ db: getDb(), actor: await currentActor(), ...parsed.data });
  } catch (error) {
    return refused(error);
  }
  revalidatePath(`/admin/agencies/${parsed.data.agencyId}`);
  // The row (and its form) disappears, so the confirmation is shown by the page instead.
  redirect(`/admin/agencies/${parsed.data.agencyId}?notice=memberRemoved#members`);
}

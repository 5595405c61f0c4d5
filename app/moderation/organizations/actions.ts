"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { currentActor } from "@/lib/auth/current-actor";
import { refuseOrganization } from "@/lib/organizations/refuse-organization";
import { refuseOrganizationSchema } from "@/lib/organizations/schema";
import { verifyOrganization } from "@/lib/organizations/verify-organization";
import { toActionError } from "@/lib/validation/action-error";
import { fieldErrorsOf } from "@/lib/validation/field-errors";
import { refused, type AreaFormState } from "../../activities/_shared/form-state";

// Thin: the domain functions check the moderator role themselves.

export async function verifyOrganizationAction(formData: FormData): Promise<void> {
  const organizationId = String(formData.get("organizationId") ?? "");
  const name = String(formData.get("name") ?? "");
  try {
    await verifyOrganization({ db: getDb(), actor: await currentActor(), organizationId });
  } catch (error) {
    redirect(`/moderation/organizations?error=${encodeURIComponent(toActionError(error).message)}`);
  }
  revalidatePath("/moderation/organizations");
  redirect(`/moderation/organizations?done=verified&name=${encodeURIComponent(name)}`);
}

export async function refuseOrganizationAction(_state: AreaFormState, formData: FormData): Promise<AreaFormState> {
  const values = { reason: String(formData.get("reason") ?? "") };
  const parsed = refuseOrganizationSchema.safeParse(values);
  if (!parsed.success) return { values, fieldErrors: fieldErrorsOf(parsed.error), submittedAt: Date.now() };
  const name = String(formData.get("name") ?? "");
  try {
    await refuseOrganization({ db: getDb(), actor: await currentActor(), organizationId: String(formData.get("organizationId") ?? ""), reason: parsed.data.reason });
  } catch (error) {
    return refused(error, values);
  }
  revalidatePath("/moderation/organizations");
  redirect(`/moderation/organizations?done=refused&name=${encodeURIComponent(name)}`);
}

"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { currentActor } from "@/lib/auth/current-actor";
import { acceptInvitation, inviteMember, revokeInvitation } from "@/lib/organizations/invitations";
import { registerOrganization } from "@/lib/organizations/register-organization";
import { removeMember } from "@/lib/organizations/remove-member";
import { inviteMemberSchema, organizationFormSchema } from "@/lib/organizations/schema";
import { getLocale } from "next-intl/server";
import { toActionError } from "@/lib/validation/action-error";
import { fieldErrorsOf } from "@/lib/validation/field-errors";
import { formValues, refused, type AreaFormState } from "../activities/_shared/form-state";

// Thin: parse, call the domain function (which checks who may), report.

const FIELDS = ["name", "bin", "contactEmail", "phone", "website", "address"] as const;

/** A signed-in citizen registers an NGO with its founding document. */
export async function registerOrganizationAction(_state: AreaFormState, formData: FormData): Promise<AreaFormState> {
  const values = formValues(formData, FIELDS);
  const parsed = organizationFormSchema.safeParse(values);
  if (!parsed.success) return { values, fieldErrors: fieldErrorsOf(parsed.error), submittedAt: Date.now() };
  const document = formData.get("foundingDocument");
  let slug: string;
  try {
    const organization = await registerOrganization({
      db: getDb(),
      actor: await currentActor(),
      input: parsed.data,
      foundingDocument: document instanceof File ? document : null,
    });
    slug = organization.slug;
  } catch (error) {
    return refused(error, values);
  }
  redirect(`/organizations/${slug}?notice=registered`);
}

function organizationIdOf(formData: FormData): string {
  return String(formData.get("organizationId") ?? "");
}

/** The owner invites a person by e-mail. */
export async function inviteMemberAction(_state: AreaFormState, formData: FormData): Promise<AreaFormState> {
  const values = formValues(formData, ["email"]);
  const parsed = inviteMemberSchema.safeParse(values);
  if (!parsed.success) return { values, fieldErrors: fieldErrorsOf(parsed.error), submittedAt: Date.now() };
  try {
    await inviteMember({ db: getDb(), actor: await currentActor(), organizationId: organizationIdOf(formData), email: parsed.data.email, locale: await getLocale() });
  } catch (error) {
    return refused(error, values);
  }
  revalidatePath(`/organizations/${String(formData.get("slug") ?? "")}/members`);
  return { notice: "invited", submittedAt: Date.now() };
}

async function memberChange(formData: FormData, change: () => Promise<void>, notice: string): Promise<void> {
  const slug = String(formData.get("slug") ?? "");
  const path = `/organizations/${encodeURIComponent(slug)}/members`;
  try {
    await change();
  } catch (error) {
    redirect(`${path}?error=${encodeURIComponent(toActionError(error).message)}`);
  }
  revalidatePath(path);
  redirect(`${path}?notice=${notice}`);
}

export async function removeMemberAction(formData: FormData): Promise<void> {
  const actor = await currentActor();
  await memberChange(
    formData,
    () => removeMember({ db: getDb(), actor, organizationId: organizationIdOf(formData), userId: String(formData.get("userId") ?? "") }),
    "memberRemoved",
  );
}

export async function revokeInvitationAction(formData: FormData): Promise<void> {
  const actor = await currentActor();
  await memberChange(formData, () => revokeInvitation({ db: getDb(), actor, invitationId: String(formData.get("invitationId") ?? "") }), "invitationRevoked");
}

/** The invited person accepts and lands on the organization's page. */
export async function acceptInvitationAction(formData: FormData): Promise<void> {
  const token = String(formData.get("token") ?? "");
  let slug: string;
  try {
    slug = (await acceptInvitation({ db: getDb(), actor: await currentActor(), token })).slug;
  } catch (error) {
    redirect(`/organizations/join/${encodeURIComponent(token)}?error=${encodeURIComponent(toActionError(error).message)}`);
  }
  redirect(`/organizations/${slug}?notice=joined`);
}

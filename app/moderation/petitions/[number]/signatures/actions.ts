"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { currentActor } from "@/lib/auth/current-actor";
import { invalidateSignatures } from "@/lib/petitions/invalidate-signatures";
import { formValues, refused, type ModerationFormState } from "../../../form-state";

const FIELDS = ["petitionId", "number", "emailDomain", "ipRange", "reason"] as const;

/** Confirms a previewed invalidation; the domain function validates the criteria and the reason. */
export async function invalidateSignaturesAction(_previous: ModerationFormState, formData: FormData): Promise<ModerationFormState> {
  const values = formValues(formData, FIELDS);
  const number = /^\d{1,9}$/.test(values.number) ? Number(values.number) : null;
  if (!number) return { message: "invalidInput", values };
  let count: number;
  try {
    ({ count } = await invalidateSignatures({
      db: getDb(),
      actor: await currentActor(),
      petitionId: values.petitionId,
      criteria: { emailDomain: values.emailDomain, ipRange: values.ipRange },
      reason: values.reason,
    }));
  } catch (error) {
    return refused(error, values);
  }
  revalidatePath(`/petitions/${number}`);
  revalidatePath(`/moderation/petitions/${number}`);
  redirect(`/moderation/petitions/${number}/signatures?invalidated=${count}`);
}

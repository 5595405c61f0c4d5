"use server";

import { cookies } from "next/headers";
import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { currentActor } from "@/lib/auth/current-actor";
import { profileSchema } from "@/lib/auth/schema";
import { LOCALE_COOKIE } from "@/lib/i18n/locales";
import { updateProfile } from "@/lib/users/update-profile";
import { fieldErrorsOf } from "@/lib/validation/field-errors";
import { toActionError } from "@/lib/validation/action-error";

export interface ProfileState {
  saved?: boolean;
  fieldErrors?: Record<string, string[]>;
  message?: string;
  values?: { name: string; locale: string };
}

export async function updateProfileAction(_previous: ProfileState, formData: FormData): Promise<ProfileState> {
  const values = { name: String(formData.get("name") ?? ""), locale: String(formData.get("locale") ?? "") };
  const parsed = profileSchema.safeParse(values);
  if (!parsed.success) return { values, fieldErrors: fieldErrorsOf(parsed.error) };
  try {
    await updateProfile({ db: getDb(), actor: await currentActor(), input: parsed.data });
  } catch (error) {
    return { values, ...toActionError(error) };
  }
  (await cookies()).set(LOCALE_COOKIE, parsed.data.locale, { path: "/", maxAge: 365 * 24 * 3600, sameSite: "lax" });
  revalidatePath("/", "layout");
  return { saved: true, values };
}

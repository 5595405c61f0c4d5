"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { currentActor } from "@/lib/auth/current-actor";
import { setPlatformRole } from "@/lib/users/grant-platform-role";
import { platformRoleChangeSchema } from "@/lib/users/schema";
import { fieldErrorsOf } from "@/lib/validation/field-errors";
import { formValues, refused, type AdminFormState } from "../form-state";

export async function changePlatformRoleAction(_previous: AdminFormState, formData: FormData): Promise<AdminFormState> {
  const parsed = platformRoleChangeSchema.safeParse(formValues(formData, ["userId", "role", "change"]));
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error), message: "invalidInput" };
  const { userId, role, change } = parsed.data;
  try {
    await setPlatformRole({ db: getDb(), actor: await currentActor(), userId, role, granted: change === "grant" });
  } catch (error) {
    return refused(error);
  }
  revalidatePath("/admin/users");
  return { saved: true, notice: change === "grant" ? "users.granted" : "users.revoked" };
}

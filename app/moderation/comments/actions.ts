"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { currentActor } from "@/lib/auth/current-actor";
import { dismissCommentReports } from "@/lib/public-control/forms/dismiss-comment-reports";
import { hideComment } from "@/lib/public-control/forms/hide-comment";
import { hideCommentSchema } from "@/lib/public-control/forms/schema";
import { fieldErrorsOf } from "@/lib/validation/field-errors";
import { formValues, refused, type FormState } from "@/app/activities/[number]/forms/_shared/form-state";

// Thin: parse, call the domain function (which checks the moderator role), back to the queue.

function backToQueue(done: "hidden" | "kept"): never {
  revalidatePath("/moderation/comments");
  revalidatePath("/activities/[number]/forms/discussion", "page");
  redirect(`/moderation/comments?done=${done}`);
}

export async function hideCommentAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData, ["reason"]);
  const parsed = hideCommentSchema.safeParse(values);
  if (!parsed.success) return { values, fieldErrors: fieldErrorsOf(parsed.error) };
  try {
    await hideComment({ db: getDb(), actor: await currentActor(), commentId: String(formData.get("commentId") ?? ""), reason: parsed.data.reason });
  } catch (error) {
    return refused(error, values);
  }
  backToQueue("hidden");
}

export async function dismissReportsAction(_previous: FormState, formData: FormData): Promise<FormState> {
  try {
    await dismissCommentReports({ db: getDb(), actor: await currentActor(), commentId: String(formData.get("commentId") ?? "") });
  } catch (error) {
    return refused(error);
  }
  backToQueue("kept");
}

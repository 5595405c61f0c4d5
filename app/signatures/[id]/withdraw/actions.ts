"use server";

import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { withdrawSignature } from "@/lib/petitions/withdraw-signature";
import { toActionError } from "@/lib/validation/action-error";

export async function withdrawSignatureAction(formData: FormData): Promise<void> {
  const id = Number(formData.get("id"));
  const token = String(formData.get("t") ?? "");
  let destination: string;
  try {
    await withdrawSignature({ db: getDb(), signatureId: id, token });
    destination = `/signatures/${id}/withdraw?t=${encodeURIComponent(token)}&done=1`;
  } catch (error) {
    destination = `/signatures/${Number.isSafeInteger(id) ? id : 0}/withdraw?t=${encodeURIComponent(token)}&error=${encodeURIComponent(toActionError(error).message)}`;
  }
  redirect(destination);
}

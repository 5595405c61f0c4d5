"use server";

import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { isDomainError, loggable } from "@/lib/errors";
import { unsubscribeLinkSchema, unsubscribeSigner } from "@/lib/petitions/unsubscribe-signer";

/**
 * The unsubscribe button. Whatever happens it returns to the page, which reads the signature
 * again and shows the outcome: unsubscribed, an invalid link, or (failed=1) our own error.
 */
export async function unsubscribeAction(formData: FormData): Promise<void> {
  const rawId = String(formData.get("signatureId") ?? "");
  const rawToken = String(formData.get("token") ?? "");
  const back = (failed = false) =>
    `/signatures/${encodeURIComponent(rawId)}/unsubscribe?t=${encodeURIComponent(rawToken)}${failed ? "&failed=1" : ""}`;
  const parsed = unsubscribeLinkSchema.safeParse({ signatureId: rawId, token: rawToken });
  // The page shows a bad id or token as an invalid link.
  if (!parsed.success) redirect(back());
  let failed = false;
  try {
    await unsubscribeSigner({ db: getDb(), signatureId: parsed.data.signatureId, token: parsed.data.token });
  } catch (error) {
    if (!isDomainError(error)) {
      console.error("[unsubscribe] failed:", loggable(error));
      failed = true;
    }
  }
  redirect(back(failed));
}

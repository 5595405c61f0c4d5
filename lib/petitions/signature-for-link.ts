import { eq } from "drizzle-orm";
import { petitions, signatures } from "@/db/schema";
import type { Executor } from "@/db/client";
import { verifySignatureToken, type SignatureLinkPurpose } from "./tokens";

/** What a confirm/withdraw page shows, if the link is genuine; null otherwise. */
export async function signatureForLink(db: Executor, signatureId: number, purpose: SignatureLinkPurpose, token: string) {
  if (!Number.isSafeInteger(signatureId) || !token || !verifySignatureToken(signatureId, purpose, token)) return null;
  const [row] = await db
    .select({
      state: signatures.state,
      petitionNumber: petitions.number,
      petitionTitle: petitions.title,
      petitionState: petitions.state,
      petitionSupportToken: petitions.supportToken,
    })
    .from(signatures)
    .innerJoin(petitions, eq(petitions.id, signatures.petitionId))
    .where(eq(signatures.id, signatureId));
  if (!row) return null;
  const { petitionSupportToken, ...shown } = row;
  // The way back to a petition that is not public yet is its private link, which the signer came through.
  const privateLink = row.petitionState === "gathering_support" || row.petitionState === "awaiting_moderation";
  return { ...shown, petitionPath: `/petitions/${row.petitionNumber}${privateLink ? `?support=${encodeURIComponent(petitionSupportToken)}` : ""}` };
}

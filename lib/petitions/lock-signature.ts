import { eq } from "drizzle-orm";
import { petitions, signatures } from "@/db/schema";
import type { Transaction } from "@/db/client";
import { DomainError } from "@/lib/errors";
import { verifySignatureToken, type SignatureLinkPurpose } from "./tokens";

/** The signature and its petition, locked, if the link's token is right for this purpose. */
export async function lockSignature(tx: Transaction, signatureId: number, token: string, purpose: SignatureLinkPurpose) {
  if (!Number.isSafeInteger(signatureId) || !verifySignatureToken(signatureId, purpose, token)) {
    throw new DomainError("not_found", "signatureLinkInvalid");
  }
  const [row] = await tx
    .select({ signature: signatures, petitionState: petitions.state, petitionNumber: petitions.number })
    .from(signatures)
    .innerJoin(petitions, eq(petitions.id, signatures.petitionId))
    .where(eq(signatures.id, signatureId))
    .for("update", { of: signatures });
  if (!row) throw new DomainError("not_found", "signatureLinkInvalid");
  return row;
}

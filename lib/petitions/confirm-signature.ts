import type { Database } from "@/db/client";
import { DomainError } from "@/lib/errors";
import { confirmMany } from "./hot-path/confirm-many";
import { verifySignatureToken } from "./tokens";

/**
 * The signer presses "Confirm my signature". Pressing twice is harmless; the count moves
 * once, in the same transaction as the signature. The hot path batches many presses through
 * the same `confirmMany`.
 */
export async function confirmSignature(options: { db: Database; signatureId: number; token: string; now?: Date }) {
  const { db, signatureId, token, now = new Date() } = options;
  if (!Number.isSafeInteger(signatureId) || !verifySignatureToken(signatureId, "confirm", token)) {
    throw new DomainError("not_found", "signatureLinkInvalid");
  }
  const [outcome] = await db.transaction((tx) => confirmMany(tx, [signatureId], now));
  if (!outcome.ok) throw outcome.error;
  return outcome.value;
}

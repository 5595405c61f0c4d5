import { eq } from "drizzle-orm";
import { signatures } from "@/db/schema";
import type { Database } from "@/db/client";
import { DomainError } from "@/lib/errors";
import { applyCountDeltas, countDay } from "./counts";
import { reachThresholds } from "./reach-thresholds";
import { lockSignature } from "./lock-signature";
import { SIGNABLE } from "./states";

/**
 * The signer presses "Confirm my signature". Pressing twice is harmless; the count moves
 * once, in the same transaction as the signature.
 */
export async function confirmSignature(options: { db: Database; signatureId: number; token: string; now?: Date }) {
  const { db, signatureId, token, now = new Date() } = options;
  return db.transaction(async (tx) => {
    const { signature, petitionState, petitionNumber } = await lockSignature(tx, signatureId, token, "confirm");
    if (signature.state === "confirmed") return { petitionNumber, result: "already_confirmed" as const };
    if (signature.state !== "pending") throw new DomainError("invalid_transition", "signatureNotPending");
    if (!SIGNABLE.includes(petitionState)) throw new DomainError("invalid_transition", "petitionNotSignable");
    await tx.update(signatures).set({ state: "confirmed", confirmedAt: now }).where(eq(signatures.id, signatureId));
    await applyCountDeltas(tx, [{ petitionId: signature.petitionId, regionCode: signature.regionCode, day: countDay(now), confirmed: 1 }]);
    await reachThresholds(tx, [signature.petitionId], now);
    return { petitionNumber, result: "confirmed" as const };
  });
}

import { eq } from "drizzle-orm";
import { signatures } from "@/db/schema";
import type { Database } from "@/db/client";
import { DomainError } from "@/lib/errors";
import { applyCountDeltas, countDay } from "./counts";
import { lockSignature } from "./lock-signature";
import { WITHDRAWABLE } from "./states";

/** The signer withdraws while signatures are still collected; a confirmed one leaves the count. */
export async function withdrawSignature(options: { db: Database; signatureId: number; token: string; now?: Date }) {
  const { db, signatureId, token, now = new Date() } = options;
  return db.transaction(async (tx) => {
    const { signature, petitionState, petitionNumber } = await lockSignature(tx, signatureId, token, "withdraw");
    if (signature.state === "withdrawn") return { petitionNumber, result: "already_withdrawn" as const };
    if (signature.state === "invalidated") throw new DomainError("invalid_transition", "signatureNotPending");
    if (!WITHDRAWABLE.includes(petitionState)) throw new DomainError("invalid_transition", "petitionNotWithdrawable");
    await tx.update(signatures).set({ state: "withdrawn", withdrawnAt: now }).where(eq(signatures.id, signatureId));
    if (signature.state === "confirmed") {
      await applyCountDeltas(tx, [
        { petitionId: signature.petitionId, regionCode: signature.regionCode, day: countDay(signature.confirmedAt ?? now), confirmed: -1 },
      ]);
    }
    return { petitionNumber, result: "withdrawn" as const };
  });
}

import { eq } from "drizzle-orm";
import { z } from "zod";
import { petitions, signatures } from "@/db/schema";
import type { Database, Executor } from "@/db/client";
import { lockSignature } from "./lock-signature";
import { PUBLIC } from "./states";
import { verifySignatureToken } from "./tokens";

/** What the unsubscribe form posts: the signature and the link's token. */
export const unsubscribeLinkSchema = z.object({
  signatureId: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  token: z.string().min(1).max(200),
});

/** What the unsubscribe page shows for a valid link. */
export interface UnsubscribeLink {
  petitionNumber: number;
  /** Null when the petition is not public (hidden), so its title is not shown. */
  petitionTitle: string | null;
  /** False once the signer has unsubscribed. */
  notify: boolean;
}

/** Reads what the link points at without changing anything; null when the link is not valid. */
export async function readUnsubscribeLink(options: { db: Executor; signatureId: number; token: string }): Promise<UnsubscribeLink | null> {
  const { db, signatureId, token } = options;
  if (!Number.isSafeInteger(signatureId) || signatureId <= 0 || !verifySignatureToken(signatureId, "unsubscribe", token)) return null;
  const [row] = await db
    .select({ notify: signatures.notify, number: petitions.number, title: petitions.title, state: petitions.state })
    .from(signatures)
    .innerJoin(petitions, eq(petitions.id, signatures.petitionId))
    .where(eq(signatures.id, signatureId));
  if (!row) return null;
  return { petitionNumber: row.number, petitionTitle: PUBLIC.includes(row.state) ? row.title : null, notify: row.notify };
}

/**
 * The signer stops all further e-mail about this petition (threshold, closing, answer).
 * The link's HMAC token is the authorization: it was mailed only to the signer's address.
 * Throws DomainError("not_found", "signatureLinkInvalid") for a wrong id or token.
 */
export async function unsubscribeSigner(options: {
  db: Database;
  signatureId: number;
  token: string;
}): Promise<{ petitionNumber: number; result: "unsubscribed" | "already_unsubscribed" }> {
  const { db, signatureId, token } = options;
  return db.transaction(async (tx) => {
    const { signature, petitionNumber } = await lockSignature(tx, signatureId, token, "unsubscribe");
    if (!signature.notify) return { petitionNumber, result: "already_unsubscribed" as const };
    await tx.update(signatures).set({ notify: false }).where(eq(signatures.id, signatureId));
    return { petitionNumber, result: "unsubscribed" as const };
  });
}

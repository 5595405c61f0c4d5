import { and, eq, inArray } from "drizzle-orm";
import { petitions, type Petition } from "@/db/schema";
import type { Executor } from "@/db/client";
import { DomainError } from "@/lib/errors";
import type { PetitionState } from "./states";
import { isSerialNumber } from "@/lib/validation/numbers";

/**
 * Loads and locks a petition for a change, only if it is in one of `states`; otherwise the
 * refusal says whether it does not exist or is in the wrong state.
 */
export async function lockPetitionIn(tx: Executor, petitionId: string, states: readonly PetitionState[]): Promise<Petition> {
  const [petition] = await tx
    .select()
    .from(petitions)
    .where(and(eq(petitions.id, petitionId), inArray(petitions.state, [...states])))
    .for("update");
  if (petition) return petition;
  const [exists] = await tx.select({ id: petitions.id }).from(petitions).where(eq(petitions.id, petitionId));
  throw exists ? new DomainError("invalid_transition", "invalidTransition") : new DomainError("not_found", "notFound");
}

export async function petitionByNumber(db: Executor, number: number): Promise<Petition | null> {
  // Beyond int4 no petition has the number, and Postgres would refuse the comparison with a 500.
  if (!isSerialNumber(number)) return null;
  const [petition] = await db.select().from(petitions).where(eq(petitions.number, number));
  return petition ?? null;
}

import { and, eq, inArray, sql } from "drizzle-orm";
import { petitions, signatures } from "@/db/schema";
import type { Executor } from "@/db/client";
import { DomainError } from "@/lib/errors";
import { applyCountDeltas, countDay, type CountDelta } from "../counts";
import { reachThresholds } from "../reach-thresholds";
import { SIGNABLE } from "../states";
import type { ItemResult } from "./micro-batcher";
import { sortDeltas } from "./sign-many";

/** `id = any(…)` with the ids as one parameter: a thousand placeholders cost more to build than to run. */
const idIn = (ids: readonly number[]) => sql`${signatures.id} = any(string_to_array(${ids.join(",")}, ',')::bigint[])`;

/** What a confirmation answers: the petition to go back to, and whether this press counted. */
export interface ConfirmResult {
  petitionNumber: number;
  result: "confirmed" | "already_confirmed";
}

/**
 * Confirms many signatures (whose links were already checked) in the caller's transaction:
 * one conditional UPDATE … WHERE state = 'pending' RETURNING — so of two presses, or two
 * batches, exactly one moves a signature — then the count deltas and the threshold check
 * once for the batch. The same id twice in a batch: the first confirms, the rest are
 * "already confirmed".
 */
export async function confirmMany(tx: Executor, signatureIds: readonly number[], now: Date = new Date()): Promise<ItemResult<ConfirmResult>[]> {
  if (signatureIds.length === 0) return [];
  const ids = [...new Set(signatureIds)];
  const moved = await tx
    .update(signatures)
    .set({ state: "confirmed", confirmedAt: now })
    .from(petitions)
    .where(
      and(
        idIn(ids),
        eq(signatures.state, "pending"),
        eq(petitions.id, signatures.petitionId),
        inArray(petitions.state, [...SIGNABLE]),
      ),
    )
    .returning({ id: signatures.id, petitionId: signatures.petitionId, regionCode: signatures.regionCode, petitionNumber: petitions.number });
  const confirmed = new Map(moved.map((row) => [row.id, row]));

  const others = ids.filter((id) => !confirmed.has(id));
  const current = new Map<number, { state: string; petitionState: string; petitionNumber: number }>();
  if (others.length) {
    const rows = await tx
      .select({ id: signatures.id, state: signatures.state, petitionState: petitions.state, petitionNumber: petitions.number })
      .from(signatures)
      .innerJoin(petitions, eq(petitions.id, signatures.petitionId))
      .where(idIn(others));
    for (const row of rows) current.set(row.id, row);
  }

  const deltas: CountDelta[] = moved.map((row) => ({ petitionId: row.petitionId, regionCode: row.regionCode, day: countDay(now), confirmed: 1 }));
  if (deltas.length) {
    await applyCountDeltas(tx, sortDeltas(deltas));
    await reachThresholds(tx, [...new Set(moved.map((row) => row.petitionId))], now);
  }

  const answered = new Set<number>();
  return signatureIds.map((id): ItemResult<ConfirmResult> => {
    const mine = confirmed.get(id);
    if (mine) {
      const first = !answered.has(id);
      answered.add(id);
      return { ok: true, value: { petitionNumber: mine.petitionNumber, result: first ? "confirmed" : "already_confirmed" } };
    }
    const row = current.get(id);
    if (!row) return { ok: false, error: new DomainError("not_found", "signatureLinkInvalid") };
    if (row.state === "confirmed") return { ok: true, value: { petitionNumber: row.petitionNumber, result: "already_confirmed" } };
    if (row.state !== "pending") return { ok: false, error: new DomainError("invalid_transition", "signatureNotPending") };
    return { ok: false, error: new DomainError("invalid_transition", "petitionNotSignable") };
  });
}

import { and, eq, inArray, sql } from "drizzle-orm";
import { petitions, signatures } from "@/db/schema";
import type { Executor } from "@/db/client";
import { DomainError } from "@/lib/errors";
import { applyCountDeltas, countDay, readCounts, type CountDelta } from "../counts";
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
    .returning({
      id: signatures.id,
      petitionId: signatures.petitionId,
      regionCode: signatures.regionCode,
      petitionNumber: petitions.number,
      petitionState: petitions.state,
      supportThreshold: petitions.supportThreshold,
      responseThreshold: petitions.responseThreshold,
      thresholdReachedAt: petitions.thresholdReachedAt,
    });
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
    await reachThresholdsIfCrossed(tx, moved, now);
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

/**
 * reachThresholds, called only when a petition of the batch may have crossed one: one read of
 * the counts instead of the full check on every batch. Same race as reachThresholds itself
 * (two batches committing at once each miss the other's count), with the same safety net:
 * the sweep job re-checks every minute.
 */
export async function reachThresholdsIfCrossed(
  tx: Executor,
  petitions: ReadonlyArray<{ petitionId: string; petitionState: string; supportThreshold: number | null; responseThreshold: number | null; thresholdReachedAt: Date | null }>,
  now: Date,
): Promise<void> {
  const thresholds = new Map<string, number>();
  for (const p of petitions) {
    if (p.petitionState === "gathering_support" && p.supportThreshold !== null) thresholds.set(p.petitionId, p.supportThreshold);
    if (p.petitionState === "open" && p.thresholdReachedAt === null && p.responseThreshold !== null) thresholds.set(p.petitionId, p.responseThreshold);
  }
  if (thresholds.size === 0) return;
  const counts = await readCounts(tx, [...thresholds.keys()]);
  const crossed = [...thresholds].filter(([id, threshold]) => (counts.get(id)?.confirmed ?? 0) >= threshold).map(([id]) => id);
  if (crossed.length) await reachThresholds(tx, crossed, now);
}

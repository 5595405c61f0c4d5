import { and, asc, eq, gt, inArray, isNull, lte, sql } from "drizzle-orm";
import { events, petitions, SIGNATURE_STATES, signatures } from "@/db/schema";
import type { Database } from "@/db/client";
import { recordEvent } from "@/lib/events/record-event";
import { readPetitionSettings } from "./settings";
import type { PetitionState } from "./states";

export const ANONYMIZE_QUEUE = "petitions.anonymize";

/** Rows changed per UPDATE statement; each statement commits on its own. */
export const ANONYMIZE_BATCH_SIZE = 5_000;

/** Petitions that no longer collect signatures; their signers' data has a retention period. */
const FINISHED: readonly PetitionState[] = ["closed", "responded", "rejected", "expired"];

/** The name written over a signer's name once their personal data is anonymized. */
export const ANONYMIZED_NAME = "Anonymized";

export interface AnonymizeResult {
  /** Signatures anonymized in this run. */
  anonymized: number;
  /** Petitions whose signatures are now all anonymized (an event is written for each). */
  petitionsCompleted: number;
  /** False when the run stopped at `maxRows` with work left: run it again. */
  done: boolean;
}

/**
 * Anonymizes the signers of petitions that stopped collecting more than
 * settings.anonymizeAfterMonths ago: name, e-mail, IP address and IIN hash are overwritten
 * and the name leaves the public list of signers (shown as "not named"); the rows (and so every count) stay. Batched and resumable: each batch commits on its own,
 * only rows with anonymized_at null are touched, and a petition is marked done (event
 * "signatures_anonymized") only once none of its signatures is left.
 */
export async function anonymizeSignatures(options: {
  db: Database;
  now?: Date;
  batchSize?: number;
  /** Stop after about this many rows so one job stays well inside the worker's lock. */
  maxRows?: number;
}): Promise<AnonymizeResult> {
  const { db, now = new Date(), batchSize = ANONYMIZE_BATCH_SIZE, maxRows = 100_000 } = options;
  const settings = await readPetitionSettings(db);
  const cutoff = monthsBefore(now, settings.anonymizeAfterMonths);
  // When collection stopped: closing, an answer to a still-open petition, or the decision.
  const endedAt = sql`case ${petitions.state}
      when 'closed' then ${petitions.closedAt}
      when 'responded' then coalesce(${petitions.closedAt}, ${petitions.respondedAt})
      else ${petitions.updatedAt} end`;
  const due = await db
    .select({ id: petitions.id })
    .from(petitions)
    .where(
      and(
        inArray(petitions.state, [...FINISHED]),
        sql`${endedAt} < ${cutoff.toISOString()}::timestamptz`,
        sql`not exists (select 1 from ${events} where ${events.entityType} = 'petition'
              and ${events.entityId} = ${petitions.id} and ${events.action} = 'signatures_anonymized')`,
      ),
    )
    .orderBy(asc(petitions.id));

  const result: AnonymizeResult = { anonymized: 0, petitionsCompleted: 0, done: true };
  for (const { id: petitionId } of due) {
    if (result.anonymized >= maxRows) {
      result.done = false;
      break;
    }
    const finished = await anonymizePetitionSignatures(db, petitionId, now, batchSize, maxRows - result.anonymized, result);
    if (!finished) {
      result.done = false;
      break;
    }
    if (await markPetitionAnonymized(db, petitionId, now)) result.petitionsCompleted += 1;
  }
  return result;
}

/** Walks one petition's signatures state by state in id order (the (petition_id, state, id) index). */
async function anonymizePetitionSignatures(
  db: Database,
  petitionId: string,
  now: Date,
  batchSize: number,
  budget: number,
  result: AnonymizeResult,
): Promise<boolean> {
  let spent = 0;
  for (const state of SIGNATURE_STATES) {
    let afterId = 0;
    for (;;) {
      if (spent >= budget) return false;
      const page = await db
        .select({ id: signatures.id })
        .from(signatures)
        .where(and(eq(signatures.petitionId, petitionId), eq(signatures.state, state), gt(signatures.id, afterId)))
        .orderBy(asc(signatures.id))
        .offset(batchSize - 1)
        .limit(1);
      const upTo = page[0]?.id;
      const changed = await db
        .update(signatures)
        .set({
          fullName: ANONYMIZED_NAME,
          // The public list of signers must not show even the placeholder name as someone's.
          nameDisplay: "hidden",
          // Still unique per petition, and .invalid can never receive mail.
          email: sql`'anonymized+' || ${signatures.id} || '@invalid'`,
          emailNormalized: sql`'anonymized+' || ${signatures.id} || '@invalid'`,
          ipAddress: null,
          iinHash: null,
          anonymizedAt: now,
        })
        .where(
          and(
            eq(signatures.petitionId, petitionId),
            eq(signatures.state, state),
            gt(signatures.id, afterId),
            upTo === undefined ? undefined : lte(signatures.id, upTo),
            isNull(signatures.anonymizedAt),
          ),
        )
        .returning({ id: signatures.id });
      spent += changed.length;
      result.anonymized += changed.length;
      if (upTo === undefined) break;
      afterId = upTo;
    }
  }
  return true;
}

/** Records that a petition's signers are anonymized, once, after checking none is left. */
async function markPetitionAnonymized(db: Database, petitionId: string, now: Date): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [petition] = await tx.select({ state: petitions.state }).from(petitions).where(eq(petitions.id, petitionId)).for("update");
    if (!petition) return false;
    const [already] = await tx
      .select({ id: events.id })
      .from(events)
      .where(and(eq(events.entityType, "petition"), eq(events.entityId, petitionId), eq(events.action, "signatures_anonymized")))
      .limit(1);
    if (already) return false;
    // A signature that changed state while we walked the others would have been missed.
    const [left] = await tx
      .select({ id: signatures.id })
      .from(signatures)
      .where(and(eq(signatures.petitionId, petitionId), isNull(signatures.anonymizedAt)))
      .limit(1);
    if (left) return false;
    await recordEvent(tx, {
      entityType: "petition",
      entityId: petitionId,
      actorId: null,
      action: "signatures_anonymized",
      fromState: petition.state,
      toState: petition.state,
      occurredAt: now,
    });
    return true;
  });
}

/** The same instant `months` calendar months earlier (UTC), the day clamped to the month's length. */
export function monthsBefore(now: Date, months: number): Date {
  const year = now.getUTCFullYear();
  const month = now.getUTCMonth() - months;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const result = new Date(now);
  result.setUTCFullYear(year, month, Math.min(now.getUTCDate(), lastDay));
  return result;
}

import { sql, type SQL } from "drizzle-orm";
import { PgTransaction } from "drizzle-orm/pg-core";
import { executePrepared, type Database, type Executor } from "@/db/client";
import { DomainError } from "@/lib/errors";
import { countDay, countUpserts } from "../counts";
import { reachThresholds } from "../reach-thresholds";
import { confirmRefusal } from "../confirm-refusal";
import type { PetitionState } from "../states";
import type { ItemResult } from "./micro-batcher";

/** What a confirmation answers: the petition to go back to, and whether this press counted. */
export interface ConfirmResult {
  petitionNumber: number;
  result: "confirmed" | "already_confirmed";
  /**
   * The private link's secret while the petition is not public yet (gathering support, or
   * awaiting moderation): the signer came through that link, and the page after confirming
   * must be reachable through it. For the redirect only — not sent in JSON answers.
   */
  supportToken?: string;
  /** While gathering support: this confirmation made the petition's Nth supporter. */
  supporterNumber?: number;
}

/** One row of the confirming statement: a signature it moved, or one it found otherwise. */
interface ConfirmRow {
  moved: boolean;
  id: string | number;
  state: string;
  petition_id: string;
  petition_number: number;
  petition_state: string;
  support_token: string;
  support_threshold: number | null;
  response_threshold: number | null;
  threshold_reached_at: Date | string | null;
  /** The petition's confirmed count before this statement, for the threshold check. */
  count_before: string | number | null;
}

/**
 * Confirms many signatures (whose links were already checked) in ONE statement: a
 * conditional UPDATE … WHERE state = 'pending' RETURNING — so of two presses, or two batches,
 * exactly one moves a signature — the count upserts fed by the rows it moved (countUpserts),
 * and a look at the signatures it did not move, to say why. Atomic on its own, so the hot
 * path runs it without BEGIN/COMMIT, prepared; confirmSignature passes its transaction.
 * The same id twice in a batch: the first confirms, the rest are "already confirmed".
 *
 * Then, only when a petition of the batch may have crossed its threshold, reachThresholds
 * runs (in the caller's transaction, or a transaction of its own): the sweep job re-checks
 * every minute, so a failure there loses no threshold.
 */
export async function confirmMany(db: Executor, signatureIds: readonly number[], now: Date = new Date()): Promise<ItemResult<ConfirmResult>[]> {
  if (signatureIds.length === 0) return [];
  const ids = [...new Set(signatureIds)];
  const rows = await executePrepared<ConfirmRow>(db, confirmingStatement(ids, now), "confirm");
  const confirmed = new Map(rows.filter((row) => row.moved).map((row) => [Number(row.id), row]));
  const current = new Map(rows.filter((row) => !row.moved).map((row) => [Number(row.id), row]));

  if (confirmed.size) {
    const movedPerPetition = new Map<string, number>();
    for (const row of confirmed.values()) movedPerPetition.set(row.petition_id, (movedPerPetition.get(row.petition_id) ?? 0) + 1);
    const crossed = [...confirmed.values()]
      .filter((row) => {
        const threshold =
          row.petition_state === "gathering_support" ? row.support_threshold : row.threshold_reached_at === null ? row.response_threshold : null;
        return threshold !== null && Number(row.count_before) + movedPerPetition.get(row.petition_id)! >= threshold;
      })
      .map((row) => row.petition_id);
    if (crossed.length) {
      const unique = [...new Set(crossed)];
      if (db instanceof PgTransaction) await reachThresholds(db, unique, now);
      else await (db as Database).transaction((tx) => reachThresholds(tx, unique, now));
    }
  }

  const answered = new Set<number>();
  const placed = new Map<string, number>();
  return signatureIds.map((id): ItemResult<ConfirmResult> => {
    const mine = confirmed.get(id);
    if (mine) {
      const first = !answered.has(id);
      answered.add(id);
      const value: ConfirmResult = { petitionNumber: Number(mine.petition_number), result: first ? "confirmed" : "already_confirmed", ...privateLinkOf(mine) };
      if (first && mine.petition_state === "gathering_support") {
        // Counted before this statement, plus this one's place among the batch's moves on its petition.
        const place = (placed.get(mine.petition_id) ?? 0) + 1;
        placed.set(mine.petition_id, place);
        value.supporterNumber = Number(mine.count_before) + place;
      }
      return { ok: true, value };
    }
    const row = current.get(id);
    if (!row) return { ok: false, error: new DomainError("not_found", "signatureLinkInvalid") };
    const petitionNumber = Number(row.petition_number);
    if (row.state === "confirmed") return { ok: true, value: { petitionNumber, result: "already_confirmed", ...privateLinkOf(row) } };
    // Not pending (withdrawn, invalidated), or pending in this statement's snapshot yet not
    // moved: either its petition cannot be signed, or another batch confirmed it a moment ago
    // (the UPDATE waited for it, then skipped it). The signer is told which.
    const refusal = confirmRefusal(row.state, row.petition_state as PetitionState);
    if (refusal) return { ok: false, error: new DomainError("invalid_transition", refusal) };
    return { ok: true, value: { petitionNumber, result: "already_confirmed", ...privateLinkOf(row) } };
  });
}

/** The private link's secret, for a petition that is reachable only through it. */
function privateLinkOf(row: ConfirmRow): { supportToken?: string } {
  return row.petition_state === "gathering_support" || row.petition_state === "awaiting_moderation" ? { supportToken: row.support_token } : {};
}

/**
 * The confirming statement for signature ids, as confirmMany runs it (exported for the test
 * of the plans Postgres keeps for it: tests/hot-path-plans.test.ts).
 */
export function confirmingStatement(signatureIds: readonly number[], now: Date): SQL {
  const ids = signatureIds.join(",");
  return sql`
      with moved as (
        -- Only the signatures table in FROM, and the state compared in the "C" collation (the
        -- same answer for these plain words), so that the primary key is the only index that
        -- serves this UPDATE whatever the statistics say: joined to petitions, or with the
        -- state indexable, a plan kept from an empty table walked every pending signature
        -- by (petition_id, state, id) on each batch (tests/hot-path-plans.test.ts).
        update signatures s set state = 'confirmed', confirmed_at = ${now.toISOString()}::timestamptz
        where s.id = any(string_to_array(${ids}, ',')::bigint[]) and s.state collate "C" = 'pending'
          and (select p.state from petitions p where p.id = s.petition_id limit 1) in ('gathering_support', 'open')
        returning s.id, s.petition_id, s.region_code
      ),
      d as (
        select petition_id, region_code, ${countDay(now)}::date as day, 1 as confirmed, 0 as invalidated from moved
      ),
      ${countUpserts()}
      -- Every other read a LIMITed lateral probe by primary key, which the planner cannot turn
      -- into a join that walks a table (as a plain join to petitions did, planned while
      -- petitions was analysed as empty).
      select true as moved, m.id, 'confirmed' as state, m.petition_id, p.number as petition_number, p.state as petition_state,
        p.support_token, p.support_threshold, p.response_threshold, p.threshold_reached_at,
        (select coalesce(sum(t.confirmed), 0) from petition_totals t where t.petition_id = m.petition_id) as count_before
      from moved m
      cross join lateral (
        select number, state, support_token, support_threshold, response_threshold, threshold_reached_at from petitions where id = m.petition_id limit 1
      ) p
      union all
      select false, s.id, s.state, s.petition_id, p.number, p.state, p.support_token, null, null, null, null
      from unnest(string_to_array(${ids}, ',')::bigint[]) as wanted(id)
      cross join lateral (select id, state, petition_id from signatures where id = wanted.id limit 1) s
      cross join lateral (select number, state, support_token from petitions where id = s.petition_id limit 1) p
      where wanted.id not in (select id from moved)`;
}

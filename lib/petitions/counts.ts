import { and, eq, inArray, sql, type SQL } from "drizzle-orm";
import { petitionCountShards, petitionDailyCounts, petitionRegionCounts } from "@/db/schema";
import type { Executor } from "@/db/client";
import { toDayString } from "@/lib/calendar/working-days";

/** Counter rows per petition; a change picks one at random so writers rarely wait on each other. */
export const COUNT_SHARDS = 16;

/** A change to the confirmed count of one petition, in one region, on one day. */
export interface CountDelta {
  petitionId: string;
  regionCode: string;
  /** The Almaty calendar day the signature was confirmed on. */
  day: string;
  /** +1 per confirmation; −1 per withdrawal or invalidation. */
  confirmed: number;
  /** +1 per invalidation (the public count of invalidated signatures). */
  invalidated?: number;
}

/**
 * The upserts that apply count changes, as CTEs reading a preceding CTE named `d`
 * (petition_id, region_code, day, confirmed, invalidated): one upsert per (petition) into a
 * random shard and into the petition's total (petitionTotals, for "most signed" lists), per
 * (petition, region) and per (petition, day) — never one write per signature on a shared row —
 * in a fixed row order so that two batches take the counter rows' locks in the same order.
 * applyCountDeltas feeds it from JSON; confirmMany from the signatures its UPDATE moved, in
 * the same statement.
 */
export function countUpserts(): SQL {
  return sql`
    batch as (select floor(random() * ${sql.raw(String(COUNT_SHARDS))})::smallint as shard),
    totals as (
      -- Every petition has its row (a trigger makes it): an upsert only for its ORDER BY, which
      -- an UPDATE … FROM cannot have, so the rows are locked in the same order as the others.
      -- The petition's number by a LIMITed probe of its key: never a join that walks petitions.
      insert into petition_totals (petition_id, number, confirmed)
      select g.petition_id, (select p.number from petitions p where p.id = g.petition_id limit 1), g.confirmed
      from (select petition_id, sum(confirmed) as confirmed from d group by petition_id having sum(confirmed) <> 0) g
      order by g.petition_id
      on conflict (petition_id) do update set confirmed = petition_totals.confirmed + excluded.confirmed
      returning 1
    ),
    shards as (
      insert into petition_count_shards (petition_id, shard, confirmed, invalidated)
      select petition_id, floor(random() * ${sql.raw(String(COUNT_SHARDS))})::smallint, sum(confirmed), sum(invalidated)
      from d group by petition_id order by petition_id
      on conflict (petition_id, shard) do update
        set confirmed = petition_count_shards.confirmed + excluded.confirmed,
            invalidated = petition_count_shards.invalidated + excluded.invalidated
      returning 1
    ),
    by_region as (
      insert into petition_region_counts (petition_id, region_code, shard, confirmed)
      select petition_id, region_code, (select shard from batch), sum(confirmed) from d
      group by petition_id, region_code having sum(confirmed) <> 0 order by petition_id, region_code
      on conflict (petition_id, region_code, shard) do update set confirmed = petition_region_counts.confirmed + excluded.confirmed
      returning 1
    ),
    by_day as (
      insert into petition_daily_counts (petition_id, day, shard, confirmed)
      select petition_id, day, (select shard from batch), sum(confirmed) from d
      group by petition_id, day having sum(confirmed) <> 0 order by petition_id, day
      on conflict (petition_id, day, shard) do update set confirmed = petition_daily_counts.confirmed + excluded.confirmed
      returning 1
    )`;
}

/**
 * Applies count changes in the caller's transaction (or as one statement of its own): the
 * upserts of countUpserts are one statement, one round trip.
 */
export async function applyCountDeltas(tx: Executor, deltas: readonly CountDelta[]): Promise<void> {
  if (deltas.length === 0) return;
  const rows = deltas.map((d) => ({ petition_id: d.petitionId, region_code: d.regionCode, day: d.day, confirmed: d.confirmed, invalidated: d.invalidated ?? 0 }));
  await tx.execute(sql`
    with d as (
      select * from json_to_recordset(${JSON.stringify(rows)}::json)
        as x(petition_id text, region_code text, day date, confirmed int, invalidated int)
    ),
    ${countUpserts()}
    select (select count(*) from shards) as shards, (select count(*) from by_region) as regions, (select count(*) from by_day) as days`);
}

/** The day a count change belongs to. */
export function countDay(at: Date): string {
  return toDayString(at);
}

/** Confirmed and invalidated totals of some petitions: one indexed read of at most 16 rows each. */
export async function readCounts(db: Executor, petitionIds: readonly string[]): Promise<Map<string, { confirmed: number; invalidated: number }>> {
  const result = new Map<string, { confirmed: number; invalidated: number }>();
  for (const id of petitionIds) result.set(id, { confirmed: 0, invalidated: 0 });
  if (petitionIds.length === 0) return result;
  const rows = await db
    .select({
      petitionId: petitionCountShards.petitionId,
      confirmed: sql<number>`sum(${petitionCountShards.confirmed})::int`,
      invalidated: sql<number>`sum(${petitionCountShards.invalidated})::int`,
    })
    .from(petitionCountShards)
    .where(inArray(petitionCountShards.petitionId, [...petitionIds]))
    .groupBy(petitionCountShards.petitionId);
  for (const row of rows) result.set(row.petitionId, { confirmed: Number(row.confirmed), invalidated: Number(row.invalidated) });
  return result;
}

export async function readCount(db: Executor, petitionId: string): Promise<{ confirmed: number; invalidated: number }> {
  return (await readCounts(db, [petitionId])).get(petitionId)!;
}

/** Confirmed signatures per region (the sum of each region's shards), largest first; regions at 0 left out. */
export async function readRegionCounts(db: Executor, petitionId: string): Promise<Array<{ regionCode: string; confirmed: number }>> {
  const total = sql<number>`sum(${petitionRegionCounts.confirmed})::int`;
  return db
    .select({ regionCode: petitionRegionCounts.regionCode, confirmed: total })
    .from(petitionRegionCounts)
    .where(eq(petitionRegionCounts.petitionId, petitionId))
    .groupBy(petitionRegionCounts.regionCode)
    .having(sql`sum(${petitionRegionCounts.confirmed}) > 0`)
    .orderBy(sql`sum(${petitionRegionCounts.confirmed}) desc`, petitionRegionCounts.regionCode);
}

/** Net confirmed signatures per day (the sum of each day's shards), oldest first. */
export async function readDailyCounts(db: Executor, petitionId: string): Promise<Array<{ day: string; confirmed: number }>> {
  return db
    .select({ day: petitionDailyCounts.day, confirmed: sql<number>`sum(${petitionDailyCounts.confirmed})::int` })
    .from(petitionDailyCounts)
    .where(eq(petitionDailyCounts.petitionId, petitionId))
    .groupBy(petitionDailyCounts.day)
    .orderBy(petitionDailyCounts.day);
}

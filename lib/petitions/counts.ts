import { and, eq, inArray, sql } from "drizzle-orm";
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
 * Applies count changes in the caller's transaction, grouped so that a batch of many
 * signatures costs one upsert per (petition), (petition, region) and (petition, day) —
 * never one write per signature on a shared row.
 */
export async function applyCountDeltas(tx: Executor, deltas: readonly CountDelta[]): Promise<void> {
  if (deltas.length === 0) return;
  const byPetition = new Map<string, { confirmed: number; invalidated: number }>();
  const byRegion = new Map<string, number>();
  const byDay = new Map<string, number>();
  for (const d of deltas) {
    const p = byPetition.get(d.petitionId) ?? { confirmed: 0, invalidated: 0 };
    p.confirmed += d.confirmed;
    p.invalidated += d.invalidated ?? 0;
    byPetition.set(d.petitionId, p);
    const regionKey = `${d.petitionId}\u0000${d.regionCode}`;
    byRegion.set(regionKey, (byRegion.get(regionKey) ?? 0) + d.confirmed);
    const dayKey = `${d.petitionId}\u0000${d.day}`;
    byDay.set(dayKey, (byDay.get(dayKey) ?? 0) + d.confirmed);
  }
  const shardRows = [...byPetition].map(([petitionId, v]) => ({
    petitionId,
    shard: Math.floor(Math.random() * COUNT_SHARDS),
    confirmed: v.confirmed,
    invalidated: v.invalidated,
  }));
  await tx
    .insert(petitionCountShards)
    .values(shardRows)
    .onConflictDoUpdate({
      target: [petitionCountShards.petitionId, petitionCountShards.shard],
      set: {
        confirmed: sql`${petitionCountShards.confirmed} + excluded.confirmed`,
        invalidated: sql`${petitionCountShards.invalidated} + excluded.invalidated`,
      },
    });
  const regionRows = [...byRegion].filter(([, n]) => n !== 0).map(([key, confirmed]) => {
    const [petitionId, regionCode] = key.split("\u0000");
    return { petitionId, regionCode, confirmed };
  });
  if (regionRows.length) {
    await tx
      .insert(petitionRegionCounts)
      .values(regionRows)
      .onConflictDoUpdate({
        target: [petitionRegionCounts.petitionId, petitionRegionCounts.regionCode],
        set: { confirmed: sql`${petitionRegionCounts.confirmed} + excluded.confirmed` },
      });
  }
  const dayRows = [...byDay].filter(([, n]) => n !== 0).map(([key, confirmed]) => {
    const [petitionId, day] = key.split("\u0000");
    return { petitionId, day, confirmed };
  });
  if (dayRows.length) {
    await tx
      .insert(petitionDailyCounts)
      .values(dayRows)
      .onConflictDoUpdate({
        target: [petitionDailyCounts.petitionId, petitionDailyCounts.day],
        set: { confirmed: sql`${petitionDailyCounts.confirmed} + excluded.confirmed` },
      });
  }
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

export async function readRegionCounts(db: Executor, petitionId: string) {
  return db
    .select({ regionCode: petitionRegionCounts.regionCode, confirmed: petitionRegionCounts.confirmed })
    .from(petitionRegionCounts)
    .where(and(eq(petitionRegionCounts.petitionId, petitionId), sql`${petitionRegionCounts.confirmed} > 0`))
    .orderBy(sql`${petitionRegionCounts.confirmed} desc`);
}

export async function readDailyCounts(db: Executor, petitionId: string) {
  return db
    .select({ day: petitionDailyCounts.day, confirmed: petitionDailyCounts.confirmed })
    .from(petitionDailyCounts)
    .where(eq(petitionDailyCounts.petitionId, petitionId))
    .orderBy(petitionDailyCounts.day);
}

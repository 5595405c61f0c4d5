import { eq, sql } from "drizzle-orm";
import { petitionCountShards, petitions } from "@/db/schema";
import type { Executor } from "@/db/client";
import { PUBLIC } from "../states";
import { isSerialNumber } from "@/lib/validation/numbers";

/** What GET /api/v1/petitions/{number}/count answers. */
export interface PublicCount {
  number: number;
  confirmed: number;
  invalidated: number;
  /** The response threshold the count moves towards (null when the addressee has none). */
  threshold: number | null;
  /** When these figures were read from the database. */
  updatedAt: string;
}

/** One indexed read: the petition by number and its 16 counter shards. */
export async function readPublicCount(db: Executor, petitionNumber: number, now: Date = new Date()): Promise<PublicCount | null> {
  if (!isSerialNumber(petitionNumber)) return null;
  const [row] = await db
    .select({
      state: petitions.state,
      threshold: petitions.responseThreshold,
      confirmed: sql<number>`coalesce(sum(${petitionCountShards.confirmed}), 0)::int`,
      invalidated: sql<number>`coalesce(sum(${petitionCountShards.invalidated}), 0)::int`,
    })
    .from(petitions)
    .leftJoin(petitionCountShards, eq(petitionCountShards.petitionId, petitions.id))
    .where(eq(petitions.number, petitionNumber))
    .groupBy(petitions.id);
  if (!row || !PUBLIC.includes(row.state)) return null;
  return {
    number: petitionNumber,
    confirmed: Number(row.confirmed),
    invalidated: Number(row.invalidated),
    threshold: row.threshold,
    updatedAt: now.toISOString(),
  };
}

/**
 * Counts kept in memory for at most `maxAgeMs`: a crowd polling the count costs one query
 * per petition per interval, not one per request. Requests that find the figure too old
 * wait for one shared refresh, so no answer is older than maxAgeMs plus one query.
 */
export function createCountCache(db: Executor, maxAgeMs: number, maxEntries = 10_000) {
  const entries = new Map<number, { value: PublicCount | null; at: number; pending: Promise<PublicCount | null> | null }>();
  return {
    get(petitionNumber: number): Promise<PublicCount | null> {
      const entry = entries.get(petitionNumber);
      if (entry && Date.now() - entry.at < maxAgeMs) return Promise.resolve(entry.value);
      if (entry?.pending) return entry.pending;
      if (!entry && entries.size >= maxEntries) entries.clear();
      const requestedAt = Date.now();
      const slot = entry ?? { value: null, at: 0, pending: null };
      slot.pending = readPublicCount(db, petitionNumber)
        .then((value) => {
          // Stamp with the time the read started: that is how old the figure may be.
          slot.value = value;
          slot.at = requestedAt;
          return value;
        })
        .finally(() => {
          slot.pending = null;
        });
      entries.set(petitionNumber, slot);
      return slot.pending;
    },
  };
}

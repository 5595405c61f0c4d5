import { lt, sql } from "drizzle-orm";
import { rateLimitBuckets } from "@/db/schema";
import type { Database, Executor } from "@/db/client";

export interface RateLimitRule {
  /** What is limited and for whom, e.g. "sign-in:email:ann@example.kz". */
  key: string;
  limit: number;
  windowSeconds: number;
}

/**
 * Counts one hit in the current fixed window and says whether it is within the limit.
 * Kept in the database so the limit holds across processes and restarts.
 */
export async function hitRateLimit(db: Executor, rule: RateLimitRule, now: Date = new Date()): Promise<boolean> {
  const windowMs = rule.windowSeconds * 1000;
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  const [row] = await db
    .insert(rateLimitBuckets)
    .values({ key: rule.key, windowStart, hits: 1 })
    .onConflictDoUpdate({
      target: [rateLimitBuckets.key, rateLimitBuckets.windowStart],
      set: { hits: sql`${rateLimitBuckets.hits} + 1` },
    })
    .returning({ hits: rateLimitBuckets.hits });
  return row.hits <= rule.limit;
}

/** Drops windows older than a day. */
export async function pruneRateLimitBuckets(db: Database, now: Date): Promise<void> {
  await db.delete(rateLimitBuckets).where(lt(rateLimitBuckets.windowStart, new Date(now.getTime() - 86_400_000)));
}

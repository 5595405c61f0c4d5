import { sql } from "drizzle-orm";
import { rowsOf, type Database } from "@/db/client";

/** How long a finished job stays in the table, for whoever looks into what the worker did. */
export const FINISHED_JOBS_KEPT_DAYS = 7;
/** Rows removed per statement: short transactions, however large the backlog. */
const PRUNE_CHUNK = 5_000;
export const PRUNE_JOBS_QUEUE = "maintenance.prune-jobs";

/**
 * Removes jobs that finished well (state "done") more than FINISHED_JOBS_KEPT_DAYS ago, a
 * chunk at a time. A viral petition leaves a delivery job per signing batch — hundreds a second
 * — so without this the table grows by millions of rows a day. Failed jobs stay: someone has
 * to look at them. Returns how many were removed.
 */
export async function pruneFinishedJobs(db: Database, now: Date, options: { maxChunks?: number } = {}): Promise<number> {
  const cutoff = new Date(now.getTime() - FINISHED_JOBS_KEPT_DAYS * 86_400_000).toISOString();
  let removed = 0;
  for (let chunk = 0; chunk < (options.maxChunks ?? 200); chunk++) {
    const rows = rowsOf<{ n: number | string }>(
      await db.execute(sql`
        with gone as (
          delete from jobs where id in (
            -- A job is due before it finishes, so run_at < cutoff holds for every row wanted:
            -- it lets (state, run_at) find them without reading every finished job.
            select id from jobs where state = 'done' and run_at < ${cutoff}::timestamptz and finished_at < ${cutoff}::timestamptz
            limit ${PRUNE_CHUNK})
          returning 1)
        select count(*) as n from gone`),
    );
    const n = Number(rows[0]?.n ?? 0);
    removed += n;
    if (n < PRUNE_CHUNK) break;
  }
  return removed;
}

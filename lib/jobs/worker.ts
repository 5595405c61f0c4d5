import { and, eq, lte, sql } from "drizzle-orm";
import { jobs, jobSchedules } from "@/db/schema";
import { getDb, rowsOf, type Database } from "@/db/client";
import { jobHandlers, SCHEDULES } from "./registry";
import { enqueueJob } from "./queue";
import { loggable } from "@/lib/errors";

interface ClaimedJob {
  id: number;
  queue: string;
  payload: Record<string, unknown>;
  attempts: number;
  max_attempts: number;
}

/** What a handler receives besides its payload: the clock, the database and its own job's id. */
export interface JobContext {
  now: Date;
  db: Database;
  jobId: number;
}

export type JobHandler = (payload: Record<string, unknown>, context: JobContext) => Promise<void>;

const LOCK_SECONDS = 300;

/** Seconds to wait before retry number `attempt` (1-based): 10 s, 40 s, 160 s, … capped at an hour. */
export function retryDelaySeconds(attempt: number): number {
  return Math.min(3600, 10 * 4 ** (attempt - 1));
}

/** Brings the recurring schedules into the table and enqueues those that are due. */
export async function enqueueDueSchedules(db: Database, now: Date): Promise<void> {
  for (const schedule of SCHEDULES) {
    await db
      .insert(jobSchedules)
      .values({ name: schedule.name, queue: schedule.queue, everySeconds: schedule.everySeconds, nextRunAt: now })
      .onConflictDoUpdate({ target: jobSchedules.name, set: { queue: schedule.queue, everySeconds: schedule.everySeconds } });
  }
  const due = await db.select().from(jobSchedules).where(lte(jobSchedules.nextRunAt, now));
  for (const schedule of due) {
    await db.transaction(async (tx) => {
      const next = new Date(now.getTime() + schedule.everySeconds * 1000);
      const moved = await tx
        .update(jobSchedules)
        .set({ nextRunAt: next })
        .where(and(eq(jobSchedules.name, schedule.name), eq(jobSchedules.nextRunAt, schedule.nextRunAt)))
        .returning({ name: jobSchedules.name });
      // Another worker moved it first: it enqueues this run, not us.
      if (moved.length === 0) return;
      await enqueueJob(tx, schedule.queue, { scheduledFor: now.toISOString() }, { singletonKey: `schedule:${schedule.name}` });
    });
  }
}

/** Claims up to `limit` due jobs (or jobs whose worker died) and runs them. Returns how many ran. */
export async function runDueJobs(options: { db?: Database; now?: Date; limit?: number } = {}): Promise<number> {
  const db = options.db ?? getDb();
  const now = options.now ?? new Date();
  const nowIso = now.toISOString();
  const claimed = rowsOf<ClaimedJob>(
    await db.execute(sql`
      update jobs set state = 'active', attempts = attempts + 1,
        locked_until = ${nowIso}::timestamptz + make_interval(secs => ${LOCK_SECONDS})
      where id in (
        select id from jobs
        where (state = 'queued' and run_at <= ${nowIso}::timestamptz)
           or (state = 'active' and locked_until < ${nowIso}::timestamptz)
        order by run_at, id
        limit ${options.limit ?? 20}
        for update skip locked)
      returning id, queue, payload, attempts, max_attempts`),
  );
  for (const job of claimed) {
    const handler = jobHandlers[job.queue];
    try {
      if (!handler) throw new Error(`no handler for queue ${job.queue}`);
      await handler(job.payload, { now, db, jobId: Number(job.id) });
      await db.update(jobs).set({ state: "done", finishedAt: new Date(), lockedUntil: null }).where(eq(jobs.id, job.id));
    } catch (error) {
      // Its first line: never a failed query's parameters (see loggable).
      const message = loggable(error).split("\n")[0];
      const exhausted = job.attempts >= job.max_attempts;
      console.error(`[jobs] ${job.queue}#${job.id} attempt ${job.attempts} failed: ${message}`);
      await db
        .update(jobs)
        .set({
          state: exhausted ? "failed" : "queued",
          lastError: message.slice(0, 2000),
          lockedUntil: null,
          runAt: new Date(now.getTime() + retryDelaySeconds(job.attempts) * 1000),
          finishedAt: exhausted ? new Date() : null,
        })
        .where(eq(jobs.id, job.id));
    }
  }
  return claimed.length;
}

/** Runs every due job until none is left; for tests and for the one-shot CLI. */
export async function drainJobs(options: { db?: Database; now?: Date } = {}): Promise<number> {
  let total = 0;
  for (;;) {
    const ran = await runDueJobs({ ...options, limit: 50 });
    total += ran;
    if (ran === 0) return total;
  }
}

/** Starts polling in this process; returns a function that stops it after the current round. */
export function startWorker(options: { intervalMs?: number } = {}): () => Promise<void> {
  const interval = options.intervalMs ?? Number(process.env.BIRGE_WORKER_INTERVAL_MS || 1000);
  let stopped = false;
  let round: Promise<void> = Promise.resolve();
  const tick = async () => {
    if (stopped) return;
    try {
      const db = getDb();
      const now = new Date();
      await enqueueDueSchedules(db, now);
      while (!stopped && (await runDueJobs({ db, now: new Date() })) > 0) {
        /* keep going while there is work */
      }
    } catch (error) {
      console.error("[jobs] worker round failed:", loggable(error));
    }
  };
  const timer = setInterval(() => {
    round = round.then(tick);
  }, interval);
  return async () => {
    stopped = true;
    clearInterval(timer);
    await round;
  };
}

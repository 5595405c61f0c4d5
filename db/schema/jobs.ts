import { bigserial, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";

export const JOB_STATES = ["queued", "active", "done", "failed"] as const;

/** A durable job. Enqueued in the caller's transaction, so a job exists iff its cause committed. */
export const jobs = pgTable(
  "jobs",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    queue: text("queue").notNull(),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull().default({}),
    state: text("state", { enum: JOB_STATES }).notNull().default("queued"),
    runAt: timestamp("run_at", { withTimezone: true }).notNull().defaultNow(),
    attempts: integer("attempts").notNull().default(0),
    maxAttempts: integer("max_attempts").notNull().default(5),
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
    lastError: text("last_error"),
    /** At most one queued or active job per key (e.g. one run of a schedule per slot). */
    singletonKey: text("singleton_key"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (t) => [
    index("jobs_ready_idx").on(t.state, t.runAt),
    uniqueIndex("jobs_singleton_idx")
      .on(t.singletonKey)
      .where(sql`${t.singletonKey} is not null and ${t.state} in ('queued', 'active')`),
  ],
);

/** A recurring job: the worker enqueues it every `everySeconds`. */
export const jobSchedules = pgTable("job_schedules", {
  name: text("name").primaryKey(),
  queue: text("queue").notNull(),
  everySeconds: integer("every_seconds").notNull(),
  nextRunAt: timestamp("next_run_at", { withTimezone: true }).notNull().defaultNow(),
});

export type Job = typeof jobs.$inferSelect;

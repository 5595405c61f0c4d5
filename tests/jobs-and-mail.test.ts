import { describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { getDb, rowsOf } from "@/db/client";
import { jobs, mailMessages } from "@/db/schema";
import { enqueueJob } from "@/lib/jobs/queue";
import { drainJobs, enqueueDueSchedules, retryDelaySeconds, runDueJobs } from "@/lib/jobs/worker";
import { pruneFinishedJobs, PRUNE_JOBS_QUEUE } from "@/lib/jobs/prune-jobs";
import { SCHEDULES } from "@/lib/jobs/registry";
import { queueMail } from "@/lib/mail/queue-mail";
import { unique } from "./support/factories";

describe("the outbox and the job worker", () => {
  it("keeps a sign-in e-mail in the mailbox and marks it delivered once the worker runs", async () => {
    const db = getDb();
    const to = `${unique("reader")}@example.kz`;
    const id = await db.transaction((tx) => queueMail(tx, { to, template: "mail.signIn", locale: "en", params: { url: "http://localhost/x" } }));
    const [queued] = await db.select().from(mailMessages).where(eq(mailMessages.id, id));
    expect(queued.subject).toBe("Your sign-in link for Birge");
    expect(queued.textBody).toContain("http://localhost/x");
    expect(queued.sentAt).toBeNull();

    await drainJobs({ db });
    const [delivered] = await db.select().from(mailMessages).where(eq(mailMessages.id, id));
    expect(delivered.sentAt).not.toBeNull();
    expect(delivered.transport).toBe("mailbox");
  });

  it("writes e-mail in the reader's language", async () => {
    const db = getDb();
    const id = await queueMail(db, { to: `${unique()}@example.kz`, template: "mail.signIn", locale: "ru", params: { url: "http://x" } });
    const [message] = await db.select().from(mailMessages).where(eq(mailMessages.id, id));
    expect(message.subject).not.toBe("Your sign-in link for Birge");
    expect(message.htmlBody).toContain('lang="ru"');
  });

  it("sends nothing for a change that rolled back", async () => {
    const db = getDb();
    const to = `${unique("ghost")}@example.kz`;
    await expect(
      db.transaction(async (tx) => {
        await queueMail(tx, { to, template: "mail.signIn", locale: "en", params: { url: "http://x" } });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    const rows = await db.select().from(mailMessages).where(eq(mailMessages.toAddress, to));
    expect(rows).toHaveLength(0);
  });

  it("retries a failing job with backoff and gives up after its attempts", async () => {
    const db = getDb();
    const key = unique("job");
    await enqueueJob(db, "no-such-queue", { key }, { maxAttempts: 2 });
    const find = async () => (await db.select().from(jobs).where(sql`${jobs.payload}->>'key' = ${key}`))[0];

    const start = new Date();
    await runDueJobs({ db, now: start });
    let job = await find();
    expect(job.state).toBe("queued");
    expect(job.attempts).toBe(1);
    expect(job.lastError).toContain("no handler");
    expect(job.runAt.getTime()).toBe(start.getTime() + retryDelaySeconds(1) * 1000);

    await runDueJobs({ db, now: new Date(start.getTime() + 5_000) });
    expect((await find()).attempts).toBe(1);

    await runDueJobs({ db, now: new Date(start.getTime() + 60_000) });
    job = await find();
    expect(job.state).toBe("failed");
    expect(job.attempts).toBe(2);
  });

  it("does not enqueue a second copy of a singleton job while the first is pending", async () => {
    const db = getDb();
    const singletonKey = unique("single");
    await enqueueJob(db, "maintenance.prune-rate-limits", {}, { singletonKey });
    await enqueueJob(db, "maintenance.prune-rate-limits", {}, { singletonKey });
    const pending = await db.select().from(jobs).where(eq(jobs.singletonKey, singletonKey));
    expect(pending).toHaveLength(1);
    await drainJobs({ db });
    await enqueueJob(db, "maintenance.prune-rate-limits", {}, { singletonKey });
    expect(await db.select().from(jobs).where(eq(jobs.singletonKey, singletonKey))).toHaveLength(2);
  });

  it("enqueues a scheduled job once per period", async () => {
    const db = getDb();
    const now = new Date(Date.now() + 365 * 86_400_000);
    await enqueueDueSchedules(db, now);
    await enqueueDueSchedules(db, now);
    const count = async () =>
      rowsOf<{ n: number }>(
        await db.execute(sql`select count(*)::int as n from jobs where singleton_key = 'schedule:prune-rate-limits'`),
      )[0].n;
    const afterFirst = await count();
    expect(afterFirst).toBeGreaterThanOrEqual(1);
    await enqueueDueSchedules(db, new Date(now.getTime() + 10_000));
    expect(await count()).toBe(afterFirst);
  });
  it("removes jobs that finished well more than a week ago, and keeps newer, failed and waiting ones", async () => {
    const db = getDb();
    const queue = unique("prune");
    const now = new Date();
    const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000);
    const [old, recent, failed, waiting] = await db
      .insert(jobs)
      .values([
        { queue, state: "done", runAt: daysAgo(8), finishedAt: daysAgo(8) },
        { queue, state: "done", runAt: daysAgo(6), finishedAt: daysAgo(6) },
        { queue, state: "failed", finishedAt: daysAgo(30) },
        // Due in a month, so that no other test's worker run claims it meanwhile.
        { queue, state: "queued", runAt: daysAgo(-30) },
      ])
      .returning({ id: jobs.id });
    expect(await pruneFinishedJobs(db, now)).toBeGreaterThanOrEqual(1);
    const left = await db.select({ id: jobs.id }).from(jobs).where(eq(jobs.queue, queue));
    expect(left.map((job) => job.id).sort()).toEqual([recent.id, failed.id, waiting.id].sort());
    expect(left.map((job) => job.id)).not.toContain(old.id);
    expect(SCHEDULES).toContainEqual({ name: "prune-jobs", queue: PRUNE_JOBS_QUEUE, everySeconds: 3600 });
    await db.delete(jobs).where(eq(jobs.queue, queue));
  });
});

import { jobs } from "@/db/schema";
import type { Executor } from "@/db/client";

export interface EnqueueOptions {
  runAt?: Date;
  maxAttempts?: number;
  /** While a job with this key is queued or active, another enqueue is a no-op. */
  singletonKey?: string;
}

/**
 * Enqueues a job. Pass the transaction of the change that causes it: the job is then
 * durable exactly when the change is, and nothing is sent for a change that rolled back.
 */
export async function enqueueJob(
  tx: Executor,
  queue: string,
  payload: Record<string, unknown>,
  options: EnqueueOptions = {},
): Promise<void> {
  await tx
    .insert(jobs)
    .values({
      queue,
      payload,
      runAt: options.runAt ?? new Date(),
      maxAttempts: options.maxAttempts ?? 5,
      singletonKey: options.singletonKey ?? null,
    })
    .onConflictDoNothing();
}

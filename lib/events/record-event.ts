import { events } from "@/db/schema";
import type { Executor } from "@/db/client";

/** One state change, as written to the append-only history. */
export interface EventInput {
  entityType: string;
  entityId: string;
  actorId: string | null;
  action: string;
  fromState?: string | null;
  toState?: string | null;
  reason?: string | null;
  data?: Record<string, unknown>;
  occurredAt?: Date;
}

/**
 * Writes the event row. Call it with the transaction that makes the change, so the change
 * and its history commit together or not at all.
 */
export async function recordEvent(tx: Executor, input: EventInput): Promise<void> {
  await tx.insert(events).values({
    entityType: input.entityType,
    entityId: input.entityId,
    actorId: input.actorId,
    action: input.action,
    fromState: input.fromState ?? null,
    toState: input.toState ?? null,
    reason: input.reason ?? null,
    data: input.data ?? {},
    ...(input.occurredAt ? { occurredAt: input.occurredAt } : {}),
  });
}

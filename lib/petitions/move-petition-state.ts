import { eq } from "drizzle-orm";
import { petitions, type Petition } from "@/db/schema";
import type { Executor } from "@/db/client";
import { recordEvent } from "@/lib/events/record-event";
import type { PetitionState } from "./states";

/** One lifecycle step of a petition: who takes it, to what state, what else it sets, and its event. */
export interface PetitionStateMove {
  /** Null for a step the platform takes by itself (closing, expiring). */
  actorId: string | null;
  /** The event's action, e.g. "submitted", "approved", "rejected". */
  action: string;
  to: PetitionState;
  /** Columns written with the state, e.g. the step's timestamp and the clocks it starts. */
  columns?: Partial<Omit<typeof petitions.$inferInsert, "state" | "updatedAt">>;
  reason?: string | null;
  data?: Record<string, unknown>;
  now: Date;
}

/**
 * Sets the petition's state (with `columns` and updatedAt) and records the "petition" event.
 * `current` is the petition's row as the caller locked it in this transaction, after checking
 * the transition: its state is the event's from-state. Call it in that transaction, so the
 * change and its event commit together. Returns the updated row.
 */
export async function movePetitionState(tx: Executor, current: Petition, move: PetitionStateMove): Promise<Petition> {
  const [moved] = await tx
    .update(petitions)
    .set({ ...move.columns, state: move.to, updatedAt: move.now })
    .where(eq(petitions.id, current.id))
    .returning();
  await recordEvent(tx, {
    entityType: "petition",
    entityId: current.id,
    actorId: move.actorId,
    action: move.action,
    fromState: current.state,
    toState: move.to,
    reason: move.reason,
    data: move.data,
    occurredAt: move.now,
  });
  return moved;
}

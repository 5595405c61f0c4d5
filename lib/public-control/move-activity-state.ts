import { eq } from "drizzle-orm";
import { activities, type Activity } from "@/db/schema";
import type { Executor } from "@/db/client";
import { recordEvent } from "@/lib/events/record-event";
import type { ActivityState } from "./states";

/** One lifecycle step of an activity: who takes it, to what state, what else it sets, and its event. */
export interface ActivityStateMove {
  actorId: string | null;
  /** The event's action, e.g. "started", "completed", "final_document_sent". */
  action: string;
  to: ActivityState;
  /** Columns written with the state, e.g. the step's timestamp and the clock it starts. */
  columns?: Partial<Omit<typeof activities.$inferInsert, "state" | "updatedAt">>;
  data?: Record<string, unknown>;
  now: Date;
}

/**
 * Sets the activity's state (with `columns` and updatedAt) and records the "activity" event.
 * `current` is the activity's row as the caller locked it in this transaction, after checking
 * the transition: its state is the event's from-state. Call it in that transaction, so the
 * change and its event commit together. Returns the updated row.
 */
export async function moveActivityState(tx: Executor, current: Activity, move: ActivityStateMove): Promise<Activity> {
  const [moved] = await tx
    .update(activities)
    .set({ ...move.columns, state: move.to, updatedAt: move.now })
    .where(eq(activities.id, current.id))
    .returning();
  await recordEvent(tx, {
    entityType: "activity",
    entityId: current.id,
    actorId: move.actorId,
    action: move.action,
    fromState: current.state,
    toState: move.to,
    data: move.data,
    occurredAt: move.now,
  });
  return moved;
}

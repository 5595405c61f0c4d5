import { and, eq } from "drizzle-orm";
import { agencyItemStates, type AgencyItemState } from "@/db/schema";
import type { Executor } from "@/db/client";
import { recordEvent } from "@/lib/events/record-event";
import { itemEntityId, type AgencyItemStatus } from "./states";

/** One status change of a dashboard item: who made it, to what, and the event it writes. */
export interface ItemStatusMove {
  actorId: string;
  /** The event's action, e.g. "submitted_for_approval", "approved", "published", "returned". */
  action: string;
  to: AgencyItemStatus;
  data: Record<string, unknown>;
  now: Date;
}

/**
 * Sets the item's status in agency_item_states and records the "agency_item" event. `state` is
 * the item's row as lockItemForWork locked it in this transaction: it names the item, and its
 * status is the event's from-state, the one the caller checked the transition from. Call it in
 * that transaction, after the check, so the change and its event commit together.
 */
export async function moveItemStatus(tx: Executor, state: AgencyItemState, move: ItemStatusMove): Promise<void> {
  const { itemKind: kind, itemId } = state;
  await tx
    .update(agencyItemStates)
    .set({ status: move.to, updatedAt: move.now })
    .where(and(eq(agencyItemStates.itemKind, kind), eq(agencyItemStates.itemId, itemId)));
  await recordEvent(tx, {
    entityType: "agency_item",
    entityId: itemEntityId(kind, itemId),
    actorId: move.actorId,
    action: move.action,
    fromState: state.status,
    toState: move.to,
    data: move.data,
    occurredAt: move.now,
  });
}

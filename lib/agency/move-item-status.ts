import { and, eq } from "drizzle-orm";
import { agencyItemStates } from "@/db/schema";
import type { Executor } from "@/db/client";
import { recordEvent } from "@/lib/events/record-event";
import { itemEntityId, type AgencyItemKind, type AgencyItemStatus } from "./states";

/** One status change of a dashboard item, with the event it writes. */
export interface ItemStatusMove {
  kind: AgencyItemKind;
  itemId: string;
  actorId: string;
  /** The event's action, e.g. "submitted_for_approval", "approved", "published", "returned". */
  action: string;
  from: AgencyItemStatus;
  to: AgencyItemStatus;
  data: Record<string, unknown>;
  now: Date;
}

/**
 * Sets the item's status in agency_item_states and records the "agency_item" event. Call it in
 * the caller's transaction, after the transition was checked, so both commit together.
 */
export async function moveItemStatus(tx: Executor, move: ItemStatusMove): Promise<void> {
  const { kind, itemId, now } = move;
  await tx
    .update(agencyItemStates)
    .set({ status: move.to, updatedAt: now })
    .where(and(eq(agencyItemStates.itemKind, kind), eq(agencyItemStates.itemId, itemId)));
  await recordEvent(tx, {
    entityType: "agency_item",
    entityId: itemEntityId(kind, itemId),
    actorId: move.actorId,
    action: move.action,
    fromState: move.from,
    toState: move.to,
    data: move.data,
    occurredAt: now,
  });
}

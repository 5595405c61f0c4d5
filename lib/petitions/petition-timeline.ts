import { and, asc, eq, inArray } from "drizzle-orm";
import { events } from "@/db/schema";
import type { Executor } from "@/db/client";
import { PETITION_STATES, REJECTION_REASONS, type PetitionState, type RejectionReason } from "./states";

/** The petition events a visitor may see, in the words the public timeline has for them. */
export const TIMELINE_ACTIONS = [
  "created",
  "submitted",
  "support_reached",
  "approved",
  "rejected",
  "hidden",
  "threshold_reached",
  "closed",
  "expired",
  "responded",
  "signatures_invalidated",
] as const;
export type TimelineAction = (typeof TIMELINE_ACTIONS)[number];

/**
 * One step of a petition's public history. Deliberately without the actor: the timeline says
 * what happened and when, never who (no e-mails, no names of staff or moderators).
 */
export interface TimelineEntry {
  id: number;
  action: TimelineAction;
  occurredAt: Date;
  fromState: PetitionState | null;
  toState: PetitionState | null;
  /** A rejection reason code from the public list, when the reason is one. */
  rejectionReason: RejectionReason | null;
  /** A public free-text reason (e.g. why signatures were invalidated), when there is one. */
  reason: string | null;
  /** Numbers worth showing: signatures at the threshold, signatures invalidated, the due day. */
  signatures: number | null;
  invalidatedCount: number | null;
  responseDueOn: string | null;
}

function asState(value: string | null): PetitionState | null {
  return value && (PETITION_STATES as readonly string[]).includes(value) ? (value as PetitionState) : null;
}

function isRejectionReason(value: unknown): value is RejectionReason {
  return typeof value === "string" && (REJECTION_REASONS as readonly string[]).includes(value);
}

function asNumber(value: unknown): number | null {
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

/** Reads a petition's history from the event log, oldest first: one indexed query. */
export async function readPetitionTimeline(db: Executor, petitionId: string): Promise<TimelineEntry[]> {
  const rows = await db
    .select({
      id: events.id,
      action: events.action,
      occurredAt: events.occurredAt,
      fromState: events.fromState,
      toState: events.toState,
      reason: events.reason,
      data: events.data,
    })
    .from(events)
    .where(and(eq(events.entityType, "petition"), eq(events.entityId, petitionId), inArray(events.action, [...TIMELINE_ACTIONS])))
    .orderBy(asc(events.id));
  return rows.map((row) => {
    const data = row.data ?? {};
    const code = [row.reason, data.rejectionReason, data.reason].find(isRejectionReason) ?? null;
    return {
      id: Number(row.id),
      action: row.action as TimelineAction,
      occurredAt: row.occurredAt,
      fromState: asState(row.fromState),
      toState: asState(row.toState),
      rejectionReason: code,
      reason: code === row.reason ? null : row.reason,
      signatures: asNumber(data.signatures) ?? asNumber(data.supporters),
      invalidatedCount: asNumber(data.invalidated) ?? asNumber(data.count) ?? asNumber(data.invalidatedCount),
      responseDueOn: typeof data.responseDueOn === "string" ? data.responseDueOn : null,
    };
  });
}

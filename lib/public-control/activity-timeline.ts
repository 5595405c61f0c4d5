import { and, asc, eq, inArray, notInArray, or } from "drizzle-orm";
import { events, informationRequests } from "@/db/schema";
import type { Executor } from "@/db/client";

/**
 * Kept in the history, left off the public timeline: the draft's editing, moderation's
 * internals, and each public comment (they are on the discussion page; here they would drown the rest).
 */
const PRIVATE_ACTIONS = ["updated", "team_member_added", "team_member_removed", "comment_reported", "comment_reports_dismissed", "discussion_comment_added"];

/**
 * One step of an activity's public history. Without the actor: the timeline says what happened
 * and when, never which member or which staff member did it.
 */
export interface ActivityTimelineEntry {
  id: number;
  /** "activity" for the activity's own steps (and the forms' work), "information_request" for requests. */
  entityType: string;
  action: string;
  occurredAt: Date;
  fromState: string | null;
  toState: string | null;
  reason: string | null;
  data: Record<string, unknown>;
}

/**
 * An activity's history, oldest first: its own events and those of its information requests.
 * Two indexed queries.
 */
export async function readActivityTimeline(db: Executor, activityId: string): Promise<ActivityTimelineEntry[]> {
  const requestIds = (await db.select({ id: informationRequests.id }).from(informationRequests).where(eq(informationRequests.activityId, activityId))).map(
    (r) => r.id,
  );
  const own = and(eq(events.entityType, "activity"), eq(events.entityId, activityId));
  const rows = await db
    .select({
      id: events.id,
      entityType: events.entityType,
      action: events.action,
      occurredAt: events.occurredAt,
      fromState: events.fromState,
      toState: events.toState,
      reason: events.reason,
      data: events.data,
    })
    .from(events)
    .where(
      and(
        requestIds.length ? or(own, and(eq(events.entityType, "information_request"), inArray(events.entityId, requestIds))) : own,
        notInArray(events.action, PRIVATE_ACTIONS),
      ),
    )
    .orderBy(asc(events.occurredAt), asc(events.id));
  return rows.map((row) => ({ ...row, id: Number(row.id), data: row.data ?? {} }));
}

import { and, desc, eq, inArray, isNotNull, lt, sql } from "drizzle-orm";
import { activities, agencies, informationRequests, petitions, type Agency } from "@/db/schema";
import type { Executor } from "@/db/client";
import { addCalendarDays } from "@/lib/calendar/working-days";
import { readActivityTimeline } from "@/lib/public-control/activity-timeline";
import { PUBLIC as PUBLIC_ACTIVITY_STATES } from "@/lib/public-control/states";
import { awaitingResponseCondition } from "@/lib/petitions/list-petitions";

// What the three Atom feeds list, read with a fixed number of queries each. The words around
// these facts are the caller's (app/feeds/*), in the reader's language.

/** Entries per feed: enough for a reader polling daily, small enough to stay cheap. */
export const FEED_LIMIT = 50;

/** The instant a due day has passed: the next day's midnight in Almaty. */
export function overdueFrom(dueOn: string): Date {
  return new Date(`${addCalendarDays(dueOn, 1)}T00:00:00+05:00`);
}

/** A petition's step in a feed: it opened for signatures, or its addressee answered. */
export interface PetitionFeedItem {
  kind: "opened" | "answered";
  number: number;
  title: string;
  request: string;
  at: Date;
}

/** Newly opened and newly answered petitions, newest first. Two queries. */
export async function petitionFeedItems(db: Executor, limit = FEED_LIMIT): Promise<PetitionFeedItem[]> {
  const columns = { number: petitions.number, title: petitions.title, request: petitions.request, openedAt: petitions.openedAt, respondedAt: petitions.respondedAt };
  const [opened, answered] = await Promise.all([
    db
      .select(columns)
      .from(petitions)
      .where(and(inArray(petitions.state, ["open", "closed", "responded"]), isNotNull(petitions.openedAt)))
      .orderBy(desc(petitions.openedAt), desc(petitions.number))
      .limit(limit),
    db
      .select(columns)
      .from(petitions)
      .where(and(eq(petitions.state, "responded"), isNotNull(petitions.respondedAt)))
      .orderBy(desc(petitions.respondedAt), desc(petitions.number))
      .limit(limit),
  ]);
  return [
    ...opened.map((row) => ({ kind: "opened" as const, number: row.number, title: row.title, request: row.request, at: row.openedAt! })),
    ...answered.map((row) => ({ kind: "answered" as const, number: row.number, title: row.title, request: row.request, at: row.respondedAt! })),
  ]
    .sort((a, b) => b.at.getTime() - a.at.getTime() || b.number - a.number)
    .slice(0, limit);
}

/** One thing an agency did or owes: an answer it published, or an item past its due day. */
export interface AgencyFeedItem {
  kind: "petition_answered" | "petition_overdue" | "activity_answered" | "activity_overdue" | "request_overdue";
  /** The petition's or the activity's public number. */
  number: number;
  title: string;
  /** The information request's number within its activity. */
  requestNumber?: number;
  dueOn?: string;
  at: Date;
}

export async function agencyBySlugForFeed(db: Executor, slug: string): Promise<Agency | null> {
  // Slugs are lowercase words and dashes; anything else cannot name an agency and is not looked up.
  if (!/^[a-z0-9][a-z0-9-]{0,99}$/.test(slug)) return null;
  const [agency] = await db.select().from(agencies).where(and(eq(agencies.slug, slug), eq(agencies.active, true)));
  return agency ?? null;
}

/** An agency's published answers and its overdue items, newest first. Five queries. */
export async function agencyFeedItems(db: Executor, agencyId: string, today: string, limit = FEED_LIMIT): Promise<AgencyFeedItem[]> {
  const publicActivity = inArray(activities.state, [...PUBLIC_ACTIVITY_STATES]);
  const [answeredPetitions, overduePetitions, answeredActivities, overdueActivities, overdueRequests] = await Promise.all([
    db
      .select({ number: petitions.number, title: petitions.title, at: petitions.respondedAt })
      .from(petitions)
      .where(and(eq(petitions.agencyId, agencyId), eq(petitions.state, "responded"), isNotNull(petitions.respondedAt)))
      .orderBy(desc(petitions.respondedAt))
      .limit(limit),
    db
      .select({ number: petitions.number, title: petitions.title, dueOn: petitions.responseDueOn })
      .from(petitions)
      .where(and(eq(petitions.agencyId, agencyId), awaitingResponseCondition(), lt(petitions.responseDueOn, today)))
      .orderBy(desc(petitions.responseDueOn))
      .limit(limit),
    db
      .select({ number: activities.number, title: activities.title, at: activities.answeredAt })
      .from(activities)
      .where(and(eq(activities.agencyId, agencyId), publicActivity, isNotNull(activities.answeredAt)))
      .orderBy(desc(activities.answeredAt))
      .limit(limit),
    db
      .select({ number: activities.number, title: activities.title, dueOn: activities.answerDueOn })
      .from(activities)
      .where(and(eq(activities.agencyId, agencyId), inArray(activities.state, ["under_consideration", "hearing"]), lt(activities.answerDueOn, today)))
      .orderBy(desc(activities.answerDueOn))
      .limit(limit),
    db
      .select({ number: activities.number, title: activities.title, requestNumber: informationRequests.number, dueOn: informationRequests.dueOn })
      .from(informationRequests)
      .innerJoin(activities, eq(activities.id, informationRequests.activityId))
      .where(and(eq(activities.agencyId, agencyId), publicActivity, eq(informationRequests.state, "pending"), lt(informationRequests.dueOn, today)))
      .orderBy(desc(informationRequests.dueOn), sql`${informationRequests.number} desc`)
      .limit(limit),
  ]);
  return [
    ...answeredPetitions.map((row) => ({ kind: "petition_answered" as const, number: row.number, title: row.title, at: row.at! })),
    ...overduePetitions.map((row) => ({ kind: "petition_overdue" as const, number: row.number, title: row.title, dueOn: row.dueOn!, at: overdueFrom(row.dueOn!) })),
    ...answeredActivities.map((row) => ({ kind: "activity_answered" as const, number: row.number, title: row.title, at: row.at! })),
    ...overdueActivities.map((row) => ({ kind: "activity_overdue" as const, number: row.number, title: row.title, dueOn: row.dueOn!, at: overdueFrom(row.dueOn!) })),
    ...overdueRequests.map((row) => ({
      kind: "request_overdue" as const,
      number: row.number,
      title: row.title,
      requestNumber: row.requestNumber,
      dueOn: row.dueOn,
      at: overdueFrom(row.dueOn),
    })),
  ]
    .sort((a, b) => b.at.getTime() - a.at.getTime() || b.number - a.number)
    .slice(0, limit);
}

/** A public activity's timeline, newest first. */
export async function activityFeedItems(db: Executor, activityId: string, limit = FEED_LIMIT) {
  const timeline = await readActivityTimeline(db, activityId);
  return timeline.reverse().slice(0, limit);
}

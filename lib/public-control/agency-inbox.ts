import { and, asc, eq, inArray } from "drizzle-orm";
import { activities, informationRequests } from "@/db/schema";
import type { Executor } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { assertAgencyRole } from "@/lib/auth/permissions";
import { isOverdue } from "./clocks";
import { ANSWERABLE } from "./states";

/** One thing the object owes, for the agency dashboard's inbox, soonest due first. */
export type AgencyInboxItem =
  | { kind: "information_request"; activityId: string; activityNumber: number; activityTitle: string; requestId: string; requestNumber: number; dueOn: string; overdue: boolean }
  | { kind: "final_document"; activityId: string; activityNumber: number; activityTitle: string; dueOn: string; overdue: boolean; hearing: boolean };

/**
 * For the agency dashboard: the information requests awaiting an answer and the final
 * documents awaiting answers to their recommendations, of one agency. Staff of that agency only.
 */
export async function listAgencyPublicControlInbox(options: { db: Executor; actor: Actor | null; agencyId: string; today: string }): Promise<AgencyInboxItem[]> {
  const { db, actor, agencyId, today } = options;
  assertAgencyRole(actor, agencyId);
  const [requests, documents] = await Promise.all([
    db
      .select({ request: informationRequests, number: activities.number, title: activities.title })
      .from(informationRequests)
      .innerJoin(activities, eq(activities.id, informationRequests.activityId))
      .where(and(eq(activities.agencyId, agencyId), eq(informationRequests.state, "pending")))
      .orderBy(asc(informationRequests.dueOn)),
    db
      .select()
      .from(activities)
      .where(and(eq(activities.agencyId, agencyId), inArray(activities.state, [...ANSWERABLE])))
      .orderBy(asc(activities.answerDueOn)),
  ]);
  const items: AgencyInboxItem[] = [
    ...requests.map(({ request, number, title }) => ({
      kind: "information_request" as const,
      activityId: request.activityId,
      activityNumber: number,
      activityTitle: title,
      requestId: request.id,
      requestNumber: request.number,
      dueOn: request.dueOn,
      overdue: isOverdue(request.dueOn, today),
    })),
    ...documents.flatMap((activity) =>
      activity.answerDueOn
        ? [
            {
              kind: "final_document" as const,
              activityId: activity.id,
              activityNumber: activity.number,
              activityTitle: activity.title,
              dueOn: activity.answerDueOn,
              overdue: isOverdue(activity.answerDueOn, today),
              hearing: activity.state === "hearing",
            },
          ]
        : [],
    ),
  ];
  return items.sort((a, b) => a.dueOn.localeCompare(b.dueOn));
}

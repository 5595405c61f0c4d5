import { z } from "zod";
import { apiSearchText, plainString } from "@/lib/validation/text";
import { siteUrl } from "@/lib/config";
import { listPageJson } from "@/lib/open-data/pagination";
import { namesJson } from "@/lib/open-data/petition-json";
import { parseStrictQuery, type InvalidQuery } from "@/lib/open-data/strict-query";
import type { ActivityDetails } from "./load-activity-details";
import type { ActivityListFilters, ActivityListItem, ActivityListPage } from "./list-activities";
import { ACTIVITY_FORMS, PUBLIC } from "./states";

// The JSON of /api/v1/activities. Field names are a public contract described in
// lib/open-data/activities-openapi.ts: change both together, and only by adding.

const iso = (value: Date | null) => (value ? value.toISOString() : null);

/** Query parameters the list endpoint accepts, nothing else. */
export const ACTIVITY_API_PARAMETERS = ["q", "agency", "organization", "form", "state", "page", "perPage"] as const;

const apiQuerySchema = z.strictObject({
  q: apiSearchText(200).optional().default(""),
  agency: plainString().trim().max(100).optional(),
  organization: plainString().trim().max(100).optional(),
  form: z.enum(ACTIVITY_FORMS).optional(),
  state: z.enum(PUBLIC as unknown as [string, ...string[]]).optional(),
  page: z.coerce.number().int().min(1).max(10_000).optional().default(1),
  perPage: z.coerce.number().int().min(1).max(100).optional().default(20),
});

export type ParsedActivityQuery = { ok: true; filters: ActivityListFilters } | InvalidQuery;

/** The API refuses a bad query with 400 (the page forgives it); see parseStrictQuery. */
export function parseActivityApiQuery(url: URL): ParsedActivityQuery {
  const parsed = parseStrictQuery(url, apiQuerySchema, ACTIVITY_API_PARAMETERS);
  return parsed.ok ? { ok: true, filters: parsed.query } : parsed;
}

export function activityApiPath(number: number): string {
  return `/api/v1/activities/${number}`;
}

/** An activity in a list. */
export function activitySummaryJson(item: ActivityListItem) {
  const origin = siteUrl();
  return {
    number: item.number,
    title: item.title,
    subjectMatter: item.subjectMatter,
    state: item.state,
    forms: item.forms,
    subject:
      item.subjectType === "organization" && item.organization
        ? { type: "organization" as const, organization: { slug: item.organization.slug, name: item.organization.name, html: `${origin}/organizations/${item.organization.slug}` } }
        : { type: "citizen" as const, name: item.citizenName },
    object: { slug: item.agency.slug, name: namesJson(item.agency) },
    plannedStart: item.plannedStart,
    plannedEnd: item.plannedEnd,
    announcedAt: iso(item.announcedAt),
    completedAt: iso(item.completedAt),
    finalDocumentDueOn: item.finalDocumentDueOn,
    sentAt: iso(item.sentAt),
    answerDueOn: item.answerDueOn,
    answeredAt: iso(item.answeredAt),
    closedAt: iso(item.closedAt),
    overdueInformationRequests: item.overdueRequests,
    links: { self: `${origin}${activityApiPath(item.number)}`, html: `${origin}/activities/${item.number}` },
  };
}

/** The body of GET /api/v1/activities. */
export function activityListJson(url: URL, result: ActivityListPage) {
  return listPageJson(url, result, activitySummaryJson);
}

/** The body of GET /api/v1/activities/{number}: the summary plus goals, team, requests, final document with answers, history. */
export function activityDetailJson(details: ActivityDetails, overdueRequests: number) {
  const { activity, agency, organization } = details;
  const origin = siteUrl();
  const fileUrl = (id: string) => `${origin}/files/${id}`;
  return {
    data: {
      ...activitySummaryJson({
        ...activity,
        citizenName: details.citizenName,
        organization: organization ? { slug: organization.slug, name: organization.name } : null,
        agency,
        overdueRequests,
      }),
      goals: activity.goals,
      team: details.team.map((member) => ({
        name: member.name,
        role: member.role,
        conflictOfInterestDeclaration: member.conflictOfInterestDeclaration,
        declaredAt: member.declaredAt.toISOString(),
      })),
      considerationHearing: activity.considerationHearingAt
        ? { startsAt: activity.considerationHearingAt.toISOString(), place: activity.considerationHearingPlace }
        : null,
      informationRequests: details.requests.map((request) => ({
        number: request.number,
        question: request.question,
        askedAt: request.askedAt.toISOString(),
        dueOn: request.dueOn,
        state: request.state,
        overdue: request.overdue,
        answerText: request.answerText,
        refusalGround: request.refusalGround,
        answeredAt: iso(request.answeredAt),
        attachments: request.attachments.map((file) => ({ name: file.name, mimeType: file.mimeType, size: file.size, url: fileUrl(file.id) })),
      })),
      finalDocument: details.finalDocument?.sentAt ? { factsFound: details.finalDocument.factsFound, sentAt: details.finalDocument.sentAt.toISOString() } : null,
      recommendations: details.finalDocument?.sentAt
        ? details.recommendations.map((r) => ({
            number: r.position,
            text: r.text,
            answer: r.decision
              ? { decision: r.decision, reasons: r.answerReasons, measures: r.measures, measuresDueOn: r.measuresDueOn, answeredAt: iso(r.answeredAt) }
              : null,
            implementation: r.implementation
              ? { state: r.implementation, note: r.implementationNote, markedAt: iso(r.implementationMarkedAt), evidence: r.evidence ? fileUrl(r.evidence.id) : null }
              : null,
          }))
        : [],
      timeline: details.timeline.map((entry) => ({
        entity: entry.entityType,
        action: entry.action,
        occurredAt: entry.occurredAt.toISOString(),
        fromState: entry.fromState,
        toState: entry.toState,
      })),
    },
  };
}

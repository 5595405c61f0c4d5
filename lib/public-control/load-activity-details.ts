import { asc, eq, inArray } from "drizzle-orm";
import {
  activityTeamMembers,
  agencies,
  finalDocuments,
  files,
  informationRequests,
  organizations,
  recommendations,
  users,
  type Activity,
  type Agency,
  type FinalDocument,
  type InformationRequest,
  type Recommendation,
  type ActivityTeamMember,
} from "@/db/schema";
import type { Executor } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { readActivityTimeline, type ActivityTimelineEntry } from "./activity-timeline";
import { isOverdue } from "./clocks";
import { actsForSubject } from "./subject";

/** A file as the page links to it. */
export interface LinkedFile {
  id: string;
  name: string;
  mimeType: string;
  size: number;
}

/** Everything the activity page and the detail API show about one activity. */
export interface ActivityDetails {
  activity: Activity;
  agency: Agency;
  organization: { id: string; slug: string; name: string; state: string } | null;
  citizenName: string | null;
  team: ActivityTeamMember[];
  requests: Array<InformationRequest & { overdue: boolean; attachments: LinkedFile[] }>;
  /** The final document: public once sent; before that only its subject sees it. */
  finalDocument: FinalDocument | null;
  recommendations: Array<Recommendation & { evidence: LinkedFile | null }>;
  timeline: ActivityTimelineEntry[];
  viewerActsForSubject: boolean;
}

/**
 * Loads an activity's public picture (plus the unsent final document for its subject). The
 * caller has checked that the viewer may see the activity at all. A fixed number of queries.
 */
export async function loadActivityDetails(db: Executor, activity: Activity, actor: Actor | null, today: string): Promise<ActivityDetails> {
  const viewerActsForSubject = actsForSubject(actor, activity);
  const [[agency], organizationRows, [subjectUser], team, requestRows, [document], recommendationRows, timeline] = await Promise.all([
    db.select().from(agencies).where(eq(agencies.id, activity.agencyId)),
    activity.organizationId
      ? db
          .select({ id: organizations.id, slug: organizations.slug, name: organizations.name, state: organizations.state })
          .from(organizations)
          .where(eq(organizations.id, activity.organizationId))
      : Promise.resolve([]),
    db.select({ name: users.name }).from(users).where(eq(users.id, activity.subjectUserId)),
    db.select().from(activityTeamMembers).where(eq(activityTeamMembers.activityId, activity.id)).orderBy(asc(activityTeamMembers.position)),
    db.select().from(informationRequests).where(eq(informationRequests.activityId, activity.id)).orderBy(asc(informationRequests.number)),
    db.select().from(finalDocuments).where(eq(finalDocuments.activityId, activity.id)),
    db.select().from(recommendations).where(eq(recommendations.activityId, activity.id)).orderBy(asc(recommendations.position)),
    readActivityTimeline(db, activity.id),
  ]);
  const showDocument = !!document && (!!document.sentAt || viewerActsForSubject);
  const fileIds = [
    ...requestRows.flatMap((r) => r.answerFileIds),
    ...(showDocument ? recommendationRows.flatMap((r) => (r.implementationEvidenceFileId ? [r.implementationEvidenceFileId] : [])) : []),
  ];
  const fileRows = fileIds.length
    ? await db.select({ id: files.id, name: files.originalName, mimeType: files.mimeType, size: files.size }).from(files).where(inArray(files.id, fileIds))
    : [];
  const fileById = new Map(fileRows.map((f) => [f.id, f]));
  return {
    activity,
    agency,
    organization: organizationRows[0] ?? null,
    citizenName: activity.subjectType === "citizen" ? (subjectUser?.name ?? null) : null,
    team,
    requests: requestRows.map((r) => ({
      ...r,
      overdue: r.state === "pending" && isOverdue(r.dueOn, today),
      attachments: r.answerFileIds.flatMap((id) => (fileById.has(id) ? [fileById.get(id)!] : [])),
    })),
    finalDocument: showDocument ? document : null,
    recommendations: showDocument
      ? recommendationRows.map((r) => ({ ...r, evidence: r.implementationEvidenceFileId ? (fileById.get(r.implementationEvidenceFileId) ?? null) : null }))
      : [],
    timeline,
    viewerActsForSubject,
  };
}

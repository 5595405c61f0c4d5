// Read models for the form pages: a fixed number of queries per page, whatever its length.
import { and, asc, desc, eq, gt, inArray, sql } from "drizzle-orm";
import {
  activities,
  commentReports,
  discussionComments,
  discussionDrafts,
  discussionSections,
  draftActs,
  expertiseComments,
  files,
  hearings,
  observationFiles,
  observations,
  users,
  type DiscussionComment,
  type DiscussionDraft,
  type DiscussionSection,
  type DraftAct,
  type ExpertiseComment,
  type Hearing,
  type Observation,
} from "@/db/schema";
import type { Executor } from "@/db/client";

/** What a page shows of a file: enough to link to /files/<id>. */
export interface FileSummary {
  id: string;
  mimeType: string;
  originalName: string;
  size: number;
}

const fileColumns = { id: files.id, mimeType: files.mimeType, originalName: files.originalName, size: files.size };

async function fileSummaries(db: Executor, ids: Array<string | null>): Promise<Map<string, FileSummary>> {
  const wanted = ids.filter((id): id is string => !!id);
  if (!wanted.length) return new Map();
  const rows = await db.select(fileColumns).from(files).where(inArray(files.id, wanted));
  return new Map(rows.map((row) => [row.id, row]));
}

export type ObservationWithFiles = Observation & { authorName: string | null; files: FileSummary[] };

/** Observations of a monitoring, the most recent day first, each with its evidence. */
export async function listObservations(db: Executor, activityId: string): Promise<ObservationWithFiles[]> {
  const rows = await db
    .select({ observation: observations, authorName: users.name })
    .from(observations)
    .innerJoin(users, eq(users.id, observations.authorId))
    .where(eq(observations.activityId, activityId))
    .orderBy(desc(observations.observedOn), desc(observations.createdAt));
  if (!rows.length) return [];
  const attached = await db
    .select({ observationId: observationFiles.observationId, ...fileColumns })
    .from(observationFiles)
    .innerJoin(files, eq(files.id, observationFiles.fileId))
    .where(inArray(observationFiles.observationId, rows.map((row) => row.observation.id)))
    .orderBy(asc(observationFiles.position));
  return rows.map(({ observation, authorName }) => ({
    ...observation,
    authorName,
    files: attached.filter((file) => file.observationId === observation.id).map(({ observationId: _, ...file }) => file),
  }));
}

/** The draft act under review (with its PDF) and the remarks of the conclusion in order. */
export async function loadExpertise(
  db: Executor,
  activityId: string,
): Promise<{ draftAct: (DraftAct & { file: FileSummary | null }) | null; comments: ExpertiseComment[] }> {
  const [[draftAct], comments] = await Promise.all([
    db.select().from(draftActs).where(eq(draftActs.activityId, activityId)),
    db.select().from(expertiseComments).where(eq(expertiseComments.activityId, activityId)).orderBy(asc(expertiseComments.position)),
  ]);
  const fileMap = await fileSummaries(db, [draftAct?.fileId ?? null]);
  return { draftAct: draftAct ? { ...draftAct, file: draftAct.fileId ? (fileMap.get(draftAct.fileId) ?? null) : null } : null, comments };
}

export type PublicComment = Pick<DiscussionComment, "id" | "sectionId" | "kind" | "state" | "createdAt" | "outcome" | "hiddenReason" | "authorId"> & {
  authorName: string | null;
  /** Null once hidden: the text of a hidden comment never leaves the server. */
  body: string | null;
  proposedText: string | null;
};

export interface DiscussionView {
  draft: DiscussionDraft;
  sections: Array<DiscussionSection & { comments: PublicComment[] }>;
  counts: { comments: number; proposals: number; hidden: number; taken: number; partlyTaken: number; notTaken: number };
}

/** A discussion with its sections and their comments (hidden ones as placeholders with the reason). */
export async function loadDiscussion(db: Executor, activityId: string): Promise<DiscussionView | null> {
  const [draft] = await db.select().from(discussionDrafts).where(eq(discussionDrafts.activityId, activityId));
  if (!draft) return null;
  const [sections, comments] = await Promise.all([
    db.select().from(discussionSections).where(eq(discussionSections.draftId, draft.id)).orderBy(asc(discussionSections.position)),
    db
      .select({ comment: discussionComments, authorName: users.name })
      .from(discussionComments)
      .innerJoin(users, eq(users.id, discussionComments.authorId))
      .where(eq(discussionComments.activityId, activityId))
      .orderBy(asc(discussionComments.createdAt)),
  ]);
  const visible = (c: DiscussionComment) => c.state === "visible";
  const publicComments: PublicComment[] = comments.map(({ comment, authorName }) => ({
    id: comment.id,
    sectionId: comment.sectionId,
    kind: comment.kind,
    state: comment.state,
    createdAt: comment.createdAt,
    outcome: comment.outcome,
    hiddenReason: comment.hiddenReason,
    authorId: comment.authorId,
    authorName: visible(comment) ? authorName : null,
    body: visible(comment) ? comment.body : null,
    proposedText: visible(comment) ? comment.proposedText : null,
  }));
  const all = comments.map((row) => row.comment);
  return {
    draft,
    sections: sections.map((section) => ({ ...section, comments: publicComments.filter((c) => c.sectionId === section.id) })),
    counts: {
      comments: all.filter((c) => visible(c) && c.kind === "comment").length,
      proposals: all.filter((c) => visible(c) && c.kind === "proposal").length,
      hidden: all.filter((c) => !visible(c)).length,
      taken: all.filter((c) => c.outcome === "taken").length,
      partlyTaken: all.filter((c) => c.outcome === "partly_taken").length,
      notTaken: all.filter((c) => c.outcome === "not_taken").length,
    },
  };
}

export type HearingWithProtocol = Hearing & { protocolFile: FileSummary | null };

/** Hearings of an activity, the soonest first, each with its protocol PDF if any. */
export async function listHearings(db: Executor, activityId: string): Promise<HearingWithProtocol[]> {
  const rows = await db.select().from(hearings).where(eq(hearings.activityId, activityId)).orderBy(asc(hearings.startsAt));
  const fileMap = await fileSummaries(db, rows.map((row) => row.protocolFileId));
  return rows.map((row) => ({ ...row, protocolFile: row.protocolFileId ? (fileMap.get(row.protocolFileId) ?? null) : null }));
}

export interface ReportedComment {
  id: string;
  kind: DiscussionComment["kind"];
  body: string;
  proposedText: string | null;
  reportCount: number;
  createdAt: Date;
  authorName: string | null;
  activityNumber: number;
  activityTitle: string;
  sectionPosition: number;
  sectionHeading: string;
  reasons: string[];
}

/** The moderators' queue: visible comments with open reports, the most reported first. */
export async function listReportedComments(db: Executor, options: { page: number; perPage?: number }): Promise<{ entries: ReportedComment[]; total: number; pageCount: number }> {
  const perPage = options.perPage ?? 20;
  const where = and(eq(discussionComments.state, "visible"), gt(discussionComments.reportCount, 0));
  const [[{ total }], rows] = await Promise.all([
    db.select({ total: sql<number>`count(*)::int` }).from(discussionComments).where(where),
    db
      .select({
        id: discussionComments.id,
        kind: discussionComments.kind,
        body: discussionComments.body,
        proposedText: discussionComments.proposedText,
        reportCount: discussionComments.reportCount,
        createdAt: discussionComments.createdAt,
        authorName: users.name,
        activityNumber: activities.number,
        activityTitle: activities.title,
        sectionPosition: discussionSections.position,
        sectionHeading: discussionSections.heading,
      })
      .from(discussionComments)
      .innerJoin(users, eq(users.id, discussionComments.authorId))
      .innerJoin(activities, eq(activities.id, discussionComments.activityId))
      .innerJoin(discussionSections, eq(discussionSections.id, discussionComments.sectionId))
      .where(where)
      .orderBy(desc(discussionComments.reportCount), asc(discussionComments.createdAt))
      .limit(perPage)
      .offset((options.page - 1) * perPage),
  ]);
  const reasons = rows.length
    ? await db
        .select({ commentId: commentReports.commentId, reason: commentReports.reason })
        .from(commentReports)
        .where(inArray(commentReports.commentId, rows.map((row) => row.id)))
        .orderBy(desc(commentReports.createdAt))
    : [];
  return {
    entries: rows.map((row) => ({ ...row, reasons: reasons.filter((r) => r.commentId === row.id).map((r) => r.reason).slice(0, 5) })),
    total: Number(total),
    pageCount: Math.max(1, Math.ceil(Number(total) / perPage)),
  };
}

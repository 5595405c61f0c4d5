import { and, asc, desc, eq, inArray } from "drizzle-orm";
import {
  agencies,
  agencyAnswerDrafts,
  agencyItemNotes,
  agencyItemStates,
  agencyMemberships,
  agencyResponseTemplates,
  activities,
  events,
  finalDocuments,
  files,
  informationRequests,
  organizations,
  petitionResponses,
  petitions,
  recommendations,
  users,
  type AgencyRole,
  type Recommendation,
} from "@/db/schema";
import type { Executor } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { agencyRoleOf, assertAgencyRole } from "@/lib/auth/permissions";
import { loadCalendar } from "@/lib/calendar/load-calendar";
import { toDayString, type DeadlineExplanation } from "@/lib/calendar/working-days";
import { DomainError } from "@/lib/errors";
import { localized, type Locale } from "@/lib/i18n/locales";
import { readCount } from "@/lib/petitions/counts";
import type { ResponseDecision } from "@/lib/petitions/states";
import { earliestHearingDay } from "@/lib/public-control/clocks";
import { readPublicControlSettings } from "@/lib/public-control/settings";
import { latestNoticeDay, overdueState, workingDaysLeft, type OverdueState } from "./deadlines";
import { findItemSource, type ItemSource } from "./item-source";
import { readDraft, type DraftContent } from "./schema";
import { ANSWERED_KINDS, itemEntityId, mayPublish, TEMPLATE_KINDS, type AgencyItemKind, type AgencyItemStatus, type TemplateKind } from "./states";

/** A person as the dashboard names them. */
export interface PersonRef {
  id: string;
  name: string | null;
  email: string;
}

export interface PetitionDetails {
  kind: "petition";
  request: string;
  reasons: string;
  signatures: number;
  response: { decision: ResponseDecision; reasons: string; measures: Array<{ text: string; dueOn: string | null }>; publishedAt: Date } | null;
}

export interface FinalDocumentDetails {
  kind: "final_document";
  subjectName: string;
  factsFound: string;
  recommendations: Recommendation[];
  hearing: { at: Date; place: string | null } | null;
}

export interface InformationRequestDetails {
  kind: "information_request";
  requestNumber: number;
  question: string;
  subjectName: string;
  answerText: string | null;
  refusalGround: string | null;
  answeredAt: Date | null;
  /** Files of the published answer. */
  answerFiles: Array<{ id: string; name: string }>;
  /** Files kept with the draft, attached when the answer is published. */
  draftFiles: Array<{ id: string; name: string; size: number }>;
}

export interface HearingDetails {
  kind: "hearing";
  subjectName: string;
  noticeWorkingDays: number;
  /** The earliest day a hearing announced today may be held. */
  earliestDay: string;
  /** The last day to announce it so that it is held by the answer's due day. */
  latestNoticeDay: string | null;
  hearing: { at: Date; place: string | null } | null;
}

export type ItemDetails = PetitionDetails | FinalDocumentDetails | InformationRequestDetails | HearingDetails;

/** Everything the dashboard's item page shows. Internal: for the agency's staff only. */
export interface AgencyItemView {
  agency: { id: string; slug: string; name: string; requiresApproval: boolean };
  role: AgencyRole;
  source: ItemSource;
  status: AgencyItemStatus;
  assignee: PersonRef | null;
  clock: {
    startDay: string | null;
    workingDays: number | null;
    dueOn: string | null;
    /** How the due day is computed under the calendar in force now (names in the reader's language). */
    explanation: DeadlineExplanation | null;
    workingDaysLeft: number | null;
    overdue: OverdueState;
    /** A calendar edit moved the due day and the recomputation job has not run yet. */
    recomputePending: boolean;
  };
  details: ItemDetails;
  draft: {
    content: DraftContent;
    updatedAt: Date;
    updatedBy: PersonRef | null;
    submittedAt: Date | null;
    submittedBy: PersonRef | null;
    approvedAt: Date | null;
    approvedBy: PersonRef | null;
  } | null;
  notes: Array<{ id: string; body: string; createdAt: Date; author: PersonRef | null }>;
  history: Array<{ id: number; action: string; occurredAt: Date; actor: PersonRef | null; fromState: string | null; toState: string | null }>;
  staff: Array<PersonRef & { role: AgencyRole }>;
  templates: Array<{ id: string; title: string; body: string }>;
  /** Whether this person may publish now under the agency's approval rule. */
  mayPublish: boolean;
  today: string;
}

/** The working days a clock was started with, from its starting event; null when it says nothing. */
function workingDaysFromEvent(data: Record<string, unknown> | undefined): number | null {
  const value = (data?.explanation as { workingDays?: unknown } | undefined)?.workingDays;
  return typeof value === "number" && Number.isInteger(value) ? value : null;
}

async function startingEventData(db: Executor, entityType: string, action: string, entityId: string) {
  const [row] = await db
    .select({ data: events.data })
    .from(events)
    .where(and(eq(events.entityType, entityType), eq(events.action, action), eq(events.entityId, entityId)))
    .orderBy(desc(events.id))
    .limit(1);
  return row?.data;
}

async function subjectNameOf(db: Executor, activityId: string): Promise<string> {
  const [row] = await db
    .select({ organization: organizations.name, person: users.name, email: users.email })
    .from(activities)
    .leftJoin(organizations, eq(organizations.id, activities.organizationId))
    .innerJoin(users, eq(users.id, activities.subjectUserId))
    .where(eq(activities.id, activityId));
  return row?.organization ?? row?.person ?? "";
}

async function peopleByIds(db: Executor, ids: Array<string | null | undefined>): Promise<Map<string, PersonRef>> {
  const wanted = [...new Set(ids.filter((id): id is string => !!id))];
  if (wanted.length === 0) return new Map();
  const rows = await db.select({ id: users.id, name: users.name, email: users.email }).from(users).where(inArray(users.id, wanted));
  return new Map(rows.map((row) => [row.id, row]));
}

/**
 * Loads one item of an agency for its staff. Anyone who is not staff of `agencyId` hears
 * not_found, and so does anyone asking for an item addressed to another agency — another
 * agency's staff cannot tell such an item from one that does not exist.
 */
export async function loadAgencyItem(options: {
  db: Executor;
  actor: Actor | null;
  agencyId: string;
  kind: AgencyItemKind;
  itemId: string;
  locale?: Locale;
  now?: Date;
}): Promise<AgencyItemView> {
  const { db, actor, agencyId, kind, itemId, locale = "en", now = new Date() } = options;
  assertAgencyRole(actor, agencyId);
  const source = await findItemSource(db, kind, itemId);
  if (!source || source.agencyId !== agencyId) throw new DomainError("not_found", "notFound");
  const today = toDayString(now);

  const [[agency], [state], [draftRow], noteRows, historyRows, staffRows, templateRows, calendar, controlSettings] = await Promise.all([
    db.select().from(agencies).where(eq(agencies.id, agencyId)),
    db.select().from(agencyItemStates).where(and(eq(agencyItemStates.itemKind, kind), eq(agencyItemStates.itemId, itemId))),
    db.select().from(agencyAnswerDrafts).where(and(eq(agencyAnswerDrafts.itemKind, kind), eq(agencyAnswerDrafts.itemId, itemId))),
    db.select().from(agencyItemNotes).where(and(eq(agencyItemNotes.itemKind, kind), eq(agencyItemNotes.itemId, itemId))).orderBy(asc(agencyItemNotes.createdAt)),
    db
      .select()
      .from(events)
      .where(and(eq(events.entityType, "agency_item"), eq(events.entityId, itemEntityId(kind, itemId))))
      .orderBy(asc(events.id)),
    db
      .select({ id: users.id, name: users.name, email: users.email, role: agencyMemberships.role })
      .from(agencyMemberships)
      .innerJoin(users, eq(users.id, agencyMemberships.userId))
      .where(eq(agencyMemberships.agencyId, agencyId))
      .orderBy(asc(users.name), asc(users.email)),
    (TEMPLATE_KINDS as readonly string[]).includes(kind)
      ? db
          .select({ id: agencyResponseTemplates.id, title: agencyResponseTemplates.title, body: agencyResponseTemplates.body })
          .from(agencyResponseTemplates)
          .where(and(eq(agencyResponseTemplates.agencyId, agencyId), eq(agencyResponseTemplates.kind, kind as TemplateKind)))
          .orderBy(asc(agencyResponseTemplates.title))
      : Promise.resolve([]),
    loadCalendar(db, locale),
    readPublicControlSettings(db),
  ]);

  const status: AgencyItemStatus = source.answered ? "published" : (state?.status ?? "new");
  const people = await peopleByIds(db, [
    state?.assigneeId,
    draftRow?.updatedBy,
    draftRow?.submittedBy,
    draftRow?.approvedBy,
    ...noteRows.map((note) => note.authorId),
    ...historyRows.map((event) => event.actorId),
  ]);
  const person = (id: string | null | undefined) => (id ? (people.get(id) ?? null) : null);

  // The clock: where it started, how many working days it runs, and how that gives the due day.
  let workingDays: number | null = null;
  let details: ItemDetails;
  switch (kind) {
    case "petition": {
      const [[petition], [response], count] = await Promise.all([
        db.select().from(petitions).where(eq(petitions.id, itemId)),
        db.select().from(petitionResponses).where(eq(petitionResponses.petitionId, itemId)),
        readCount(db, itemId),
      ]);
      workingDays = petition.responseWorkingDays ?? workingDaysFromEvent(await startingEventData(db, "petition", "threshold_reached", itemId));
      details = {
        kind,
        request: petition.request,
        reasons: petition.reasons,
        signatures: count.confirmed,
        response:
          response?.publishedAt
            ? { decision: response.decision, reasons: response.reasons, measures: response.measures ?? [], publishedAt: response.publishedAt }
            : null,
      };
      break;
    }
    case "final_document":
    case "hearing": {
      const [[activity], [document], recommendationRows, subjectName, sentData] = await Promise.all([
        db.select().from(activities).where(eq(activities.id, itemId)),
        db.select().from(finalDocuments).where(eq(finalDocuments.activityId, itemId)),
        db.select().from(recommendations).where(eq(recommendations.activityId, itemId)).orderBy(asc(recommendations.position)),
        subjectNameOf(db, itemId),
        startingEventData(db, "activity", "final_document_sent", itemId),
      ]);
      workingDays = workingDaysFromEvent(sentData) ?? controlSettings.answerWorkingDays;
      const hearing = activity.considerationHearingAt ? { at: activity.considerationHearingAt, place: activity.considerationHearingPlace } : null;
      if (kind === "final_document") {
        details = { kind, subjectName, factsFound: document?.factsFound ?? "", recommendations: recommendationRows, hearing };
      } else {
        const noticeWorkingDays = controlSettings.hearingNoticeWorkingDays;
        details = {
          kind,
          subjectName,
          noticeWorkingDays,
          earliestDay: earliestHearingDay(calendar, today, controlSettings),
          latestNoticeDay: activity.answerDueOn ? latestNoticeDay(calendar, activity.answerDueOn, noticeWorkingDays) : null,
          hearing,
        };
      }
      break;
    }
    case "information_request": {
      const [[request], subjectName, askedData] = await Promise.all([
        db.select().from(informationRequests).where(eq(informationRequests.id, itemId)),
        subjectNameOf(db, source.activityId!),
        startingEventData(db, "information_request", "asked", itemId),
      ]);
      workingDays = workingDaysFromEvent(askedData) ?? controlSettings.informationRequestWorkingDays;
      const draftIds = draftRow ? readDraft("information_request", draftRow.content).attachmentIds : [];
      const fileRows = await (request.answerFileIds.length || draftIds.length
        ? db
            .select({ id: files.id, name: files.originalName, size: files.size })
            .from(files)
            .where(inArray(files.id, [...request.answerFileIds, ...draftIds]))
        : Promise.resolve([]));
      const fileById = new Map(fileRows.map((file) => [file.id, file]));
      details = {
        kind,
        requestNumber: request.number,
        question: request.question,
        subjectName,
        answerText: request.answerText,
        refusalGround: request.refusalGround,
        answeredAt: request.answeredAt,
        answerFiles: request.answerFileIds.flatMap((id) => (fileById.has(id) ? [{ id, name: fileById.get(id)!.name }] : [])),
        draftFiles: draftIds.flatMap((id) => (fileById.has(id) ? [fileById.get(id)!] : [])),
      };
      break;
    }
  }

  const startDay = source.receivedAt ? toDayString(source.receivedAt) : null;
  const explanation = startDay && workingDays !== null ? calendar.explainDeadline(startDay, workingDays) : null;
  const role = agencyRoleOf(actor, agencyId)!;
  const answered = source.answered;
  const clocked = kind !== "hearing";

  return {
    agency: { id: agency.id, slug: agency.slug, name: localized(agency, locale), requiresApproval: agency.requiresApproval },
    role,
    source,
    status,
    assignee: person(state?.assigneeId),
    clock: {
      startDay,
      workingDays,
      dueOn: source.dueOn,
      explanation,
      workingDaysLeft: source.dueOn && !answered ? workingDaysLeft(calendar, today, source.dueOn) : null,
      overdue: clocked ? overdueState(source.dueOn, today, answered) : "none",
      recomputePending: !answered && !!explanation && !!source.dueOn && explanation.due !== source.dueOn,
    },
    details,
    draft: draftRow
      ? {
          content: readDraft(kind, draftRow.content),
          updatedAt: draftRow.updatedAt,
          updatedBy: person(draftRow.updatedBy),
          submittedAt: draftRow.submittedForApprovalAt,
          submittedBy: person(draftRow.submittedBy),
          approvedAt: draftRow.approvedAt,
          approvedBy: person(draftRow.approvedBy),
        }
      : null,
    notes: noteRows.map((note) => ({ id: note.id, body: note.body, createdAt: note.createdAt, author: person(note.authorId) })),
    history: historyRows
      .filter((event) => event.action !== "note_added")
      .map((event) => ({ id: event.id, action: event.action, occurredAt: event.occurredAt, actor: person(event.actorId), fromState: event.fromState, toState: event.toState })),
    staff: staffRows,
    templates: templateRows,
    mayPublish: ANSWERED_KINDS.includes(kind) && mayPublish({ requiresApproval: agency.requiresApproval, role, status }),
    today,
  };
}

/** The agencies a person works for, with their role, for the dashboard's front door. */
export async function listMyAgencies(db: Executor, actor: Actor | null, locale: Locale = "en"): Promise<Array<{ id: string; name: string; role: AgencyRole }>> {
  if (!actor || actor.agencies.length === 0) return [];
  const rows = await db.select().from(agencies).where(inArray(agencies.id, actor.agencies.map((m) => m.agencyId)));
  return rows
    .map((agency) => ({ id: agency.id, name: localized(agency, locale), role: agencyRoleOf(actor, agency.id)! }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** One agency's name and settings for a dashboard page header; not_found for anyone but its staff. */
export async function loadDashboardAgency(db: Executor, actor: Actor | null, agencyId: string, locale: Locale = "en") {
  assertAgencyRole(actor, agencyId);
  const [agency] = await db.select().from(agencies).where(eq(agencies.id, agencyId));
  if (!agency) throw new DomainError("not_found", "notFound");
  const staff = await db
    .select({ id: users.id, name: users.name, email: users.email, role: agencyMemberships.role })
    .from(agencyMemberships)
    .innerJoin(users, eq(users.id, agencyMemberships.userId))
    .where(eq(agencyMemberships.agencyId, agencyId))
    .orderBy(asc(users.name), asc(users.email));
  return { id: agency.id, slug: agency.slug, name: localized(agency, locale), requiresApproval: agency.requiresApproval, role: agencyRoleOf(actor, agencyId)!, staff };
}

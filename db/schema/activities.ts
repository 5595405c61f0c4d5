import { sql } from "drizzle-orm";
import { customType, date, index, integer, pgTable, serial, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import {
  ACTIVITY_FORMS,
  ACTIVITY_STATES,
  IMPLEMENTATION_STATES,
  INFORMATION_REQUEST_STATES,
  RECOMMENDATION_DECISIONS,
  SUBJECT_TYPES,
} from "../../lib/public-control/states";
import { users } from "./auth";
import { agencies } from "./agencies";
import { organizations } from "./organizations";

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

/**
 * A public-control activity: a subject (a citizen, or a verified organization acting through
 * one of its members) examines an object (an agency) in one or more forms.
 */
export const activities = pgTable(
  "activities",
  {
    id: text("id").primaryKey().$defaultFn(() => crypto.randomUUID()),
    /** Short public number shown to people and used in URLs: /activities/17. */
    number: serial("number").notNull().unique(),
    subjectType: text("subject_type", { enum: SUBJECT_TYPES }).notNull(),
    /** The citizen running it alone, or the member who created it for the organization. */
    subjectUserId: text("subject_user_id").notNull().references(() => users.id),
    organizationId: text("organization_id").references(() => organizations.id),
    /** The object of public control. */
    agencyId: text("agency_id").notNull().references(() => agencies.id),
    forms: text("forms", { enum: ACTIVITY_FORMS }).array().notNull(),
    title: text("title").notNull(),
    subjectMatter: text("subject_matter").notNull(),
    goals: text("goals").notNull(),
    plannedStart: date("planned_start", { mode: "string" }).notNull(),
    plannedEnd: date("planned_end", { mode: "string" }).notNull(),
    state: text("state", { enum: ACTIVITY_STATES }).notNull().default("draft"),
    announcedAt: timestamp("announced_at", { withTimezone: true }),
    startedAt: timestamp("started_at", { withTimezone: true }),
    completedAt: timestamp("completed_at", { withTimezone: true }),
    /** Completion day + 7 working days (Law "On Public Control" art. 13). */
    finalDocumentDueOn: date("final_document_due_on", { mode: "string" }),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    /** Sending day + 10 working days. */
    answerDueOn: date("answer_due_on", { mode: "string" }),
    answeredAt: timestamp("answered_at", { withTimezone: true }),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    /** The object's hearing on the final document (DOMAIN "hearing"), scheduled from the agency dashboard. */
    considerationHearingAt: timestamp("consideration_hearing_at", { withTimezone: true }),
    considerationHearingPlace: text("consideration_hearing_place"),
    /** The last day the final-document reminder was mailed, so a rerun of the daily job mails nobody twice. */
    finalDocumentRemindedOn: date("final_document_reminded_on", { mode: "string" }),
    searchVector: tsvector("search_vector").generatedAlwaysAs(
      sql`to_tsvector('simple', coalesce(title, '') || ' ' || coalesce(subject_matter, '') || ' ' || coalesce(goals, ''))`,
    ),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("activities_state_idx").on(t.state, t.announcedAt),
    index("activities_agency_idx").on(t.agencyId, t.state),
    index("activities_organization_idx").on(t.organizationId, t.state),
    index("activities_subject_user_idx").on(t.subjectUserId),
    index("activities_forms_idx").using("gin", t.forms),
    index("activities_search_idx").using("gin", t.searchVector),
  ],
);

/** A member of the activity's team with a public conflict-of-interest declaration. */
export const activityTeamMembers = pgTable(
  "activity_team_members",
  {
    id: text("id").primaryKey().$defaultFn(() => crypto.randomUUID()),
    activityId: text("activity_id").notNull().references(() => activities.id, { onDelete: "cascade" }),
    position: integer("position").notNull().default(0),
    name: text("name").notNull(),
    role: text("role").notNull(),
    conflictOfInterestDeclaration: text("conflict_of_interest_declaration").notNull(),
    declaredAt: timestamp("declared_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("activity_team_members_activity_idx").on(t.activityId, t.position)],
);

/** The subject asks the object for information; the object answers or refuses on a legal ground. */
export const informationRequests = pgTable(
  "information_requests",
  {
    id: text("id").primaryKey().$defaultFn(() => crypto.randomUUID()),
    activityId: text("activity_id").notNull().references(() => activities.id),
    /** 1, 2, 3… within the activity. */
    number: integer("number").notNull(),
    question: text("question").notNull(),
    askedBy: text("asked_by").notNull().references(() => users.id),
    askedAt: timestamp("asked_at", { withTimezone: true }).notNull().defaultNow(),
    /** Asked day + 15 working days (setting). */
    dueOn: date("due_on", { mode: "string" }).notNull(),
    state: text("state", { enum: INFORMATION_REQUEST_STATES }).notNull().default("pending"),
    answerText: text("answer_text"),
    refusalGround: text("refusal_ground"),
    /** Files attached to the answer (ids in the files table). */
    answerFileIds: text("answer_file_ids").array().notNull().default(sql`'{}'::text[]`),
    answeredAt: timestamp("answered_at", { withTimezone: true }),
    answeredBy: text("answered_by").references(() => users.id),
  },
  (t) => [
    uniqueIndex("information_requests_number_idx").on(t.activityId, t.number),
    index("information_requests_due_idx").on(t.state, t.dueOn),
  ],
);

/** The final document of an activity: facts found; recommendations are rows below. */
export const finalDocuments = pgTable("final_documents", {
  activityId: text("activity_id")
    .primaryKey()
    .references(() => activities.id),
  factsFound: text("facts_found").notNull().default(""),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  sentAt: timestamp("sent_at", { withTimezone: true }),
});

/** One numbered recommendation of a final document, with the object's answer and the follow-up. */
export const recommendations = pgTable(
  "recommendations",
  {
    id: text("id").primaryKey().$defaultFn(() => crypto.randomUUID()),
    activityId: text("activity_id").notNull().references(() => activities.id),
    /** 1, 2, 3… as numbered in the final document. */
    position: integer("position").notNull(),
    text: text("text").notNull(),
    decision: text("decision", { enum: RECOMMENDATION_DECISIONS }),
    answerReasons: text("answer_reasons"),
    measures: text("measures"),
    measuresDueOn: date("measures_due_on", { mode: "string" }),
    answeredAt: timestamp("answered_at", { withTimezone: true }),
    answeredBy: text("answered_by").references(() => users.id),
    implementation: text("implementation", { enum: IMPLEMENTATION_STATES }),
    implementationNote: text("implementation_note"),
    implementationEvidenceFileId: text("implementation_evidence_file_id"),
    implementationMarkedAt: timestamp("implementation_marked_at", { withTimezone: true }),
    implementationMarkedBy: text("implementation_marked_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("recommendations_activity_idx").on(t.activityId, t.position)],
);

export type Activity = typeof activities.$inferSelect;
export type ActivityTeamMember = typeof activityTeamMembers.$inferSelect;
export type InformationRequest = typeof informationRequests.$inferSelect;
export type FinalDocument = typeof finalDocuments.$inferSelect;
export type Recommendation = typeof recommendations.$inferSelect;

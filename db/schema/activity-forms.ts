import { date, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { activities } from "./activities";
import { files } from "./files";

// The work of an activity's forms (DOMAIN.md "Public control"): what the subject records while
// the activity is announced or in progress, and what the public says in a discussion.

/** Public monitoring: one thing seen, when and where, with evidence files. */
export const observations = pgTable(
  "observations",
  {
    id: text("id").primaryKey().$defaultFn(() => crypto.randomUUID()),
    activityId: text("activity_id").notNull().references(() => activities.id),
    observedOn: date("observed_on", { mode: "string" }).notNull(),
    place: text("place").notNull(),
    text: text("text").notNull(),
    authorId: text("author_id").notNull().references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("observations_activity_idx").on(t.activityId, t.observedOn)],
);

export const observationFiles = pgTable(
  "observation_files",
  {
    observationId: text("observation_id").notNull().references(() => observations.id, { onDelete: "cascade" }),
    fileId: text("file_id").notNull().references(() => files.id),
    position: integer("position").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.observationId, t.fileId] })],
);

/** Public expertise: the draft act under review, as text or a PDF (one per activity). */
export const draftActs = pgTable("draft_acts", {
  id: text("id").primaryKey().$defaultFn(() => crypto.randomUUID()),
  activityId: text("activity_id")
    .notNull()
    .unique()
    .references(() => activities.id),
  title: text("title").notNull(),
  text: text("text"),
  fileId: text("file_id").references(() => files.id),
  updatedBy: text("updated_by").notNull().references(() => users.id),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** One clause-by-clause remark of the expert conclusion. */
export const expertiseComments = pgTable(
  "expertise_comments",
  {
    id: text("id").primaryKey().$defaultFn(() => crypto.randomUUID()),
    activityId: text("activity_id").notNull().references(() => activities.id),
    /** Which clause, as the act numbers it: "Art. 5, p. 2". */
    clause: text("clause").notNull(),
    quotedText: text("quoted_text"),
    comment: text("comment").notNull(),
    recommendation: text("recommendation"),
    position: integer("position").notNull(),
    authorId: text("author_id").notNull().references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("expertise_comments_activity_idx").on(t.activityId, t.position)],
);

/** Public discussion: a draft text open for comments between two days (one per activity). */
export const discussionDrafts = pgTable("discussion_drafts", {
  id: text("id").primaryKey().$defaultFn(() => crypto.randomUUID()),
  activityId: text("activity_id")
    .notNull()
    .unique()
    .references(() => activities.id),
  title: text("title").notNull(),
  opensOn: date("opens_on", { mode: "string" }).notNull(),
  closesOn: date("closes_on", { mode: "string" }).notNull(),
  summary: text("summary"),
  summaryPublishedAt: timestamp("summary_published_at", { withTimezone: true }),
  createdBy: text("created_by").notNull().references(() => users.id),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

export const discussionSections = pgTable(
  "discussion_sections",
  {
    id: text("id").primaryKey().$defaultFn(() => crypto.randomUUID()),
    draftId: text("draft_id")
      .notNull()
      .references(() => discussionDrafts.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    heading: text("heading").notNull(),
    body: text("body").notNull(),
  },
  (t) => [uniqueIndex("discussion_sections_position_idx").on(t.draftId, t.position)],
);

export const DISCUSSION_COMMENT_KINDS = ["comment", "proposal"] as const;
export type DiscussionCommentKind = (typeof DISCUSSION_COMMENT_KINDS)[number];
export const DISCUSSION_COMMENT_STATES = ["visible", "hidden"] as const;
/** What the subject did with a proposal, as published with the summary. */
export const PROPOSAL_OUTCOMES = ["taken", "partly_taken", "not_taken"] as const;
export type ProposalOutcome = (typeof PROPOSAL_OUTCOMES)[number];

/** A citizen's comment on, or proposed wording for, one section. */
export const discussionComments = pgTable(
  "discussion_comments",
  {
    id: text("id").primaryKey().$defaultFn(() => crypto.randomUUID()),
    sectionId: text("section_id")
      .notNull()
      .references(() => discussionSections.id),
    /** Denormalized so a discussion's comments and the moderation queue are one indexed read. */
    activityId: text("activity_id")
      .notNull()
      .references(() => activities.id),
    authorId: text("author_id").notNull().references(() => users.id),
    kind: text("kind", { enum: DISCUSSION_COMMENT_KINDS }).notNull(),
    body: text("body").notNull(),
    proposedText: text("proposed_text"),
    state: text("state", { enum: DISCUSSION_COMMENT_STATES }).notNull().default("visible"),
    hiddenReason: text("hidden_reason"),
    hiddenBy: text("hidden_by").references(() => users.id),
    hiddenAt: timestamp("hidden_at", { withTimezone: true }),
    reportCount: integer("report_count").notNull().default(0),
    outcome: text("outcome", { enum: PROPOSAL_OUTCOMES }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("discussion_comments_section_idx").on(t.sectionId, t.createdAt),
    index("discussion_comments_activity_idx").on(t.activityId, t.createdAt),
    index("discussion_comments_reported_idx").on(t.state, t.reportCount),
  ],
);

/** One person's report of a comment; a person reports a comment once. */
export const commentReports = pgTable(
  "comment_reports",
  {
    id: text("id").primaryKey().$defaultFn(() => crypto.randomUUID()),
    commentId: text("comment_id")
      .notNull()
      .references(() => discussionComments.id),
    reporterId: text("reporter_id").notNull().references(() => users.id),
    reason: text("reason").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("comment_reports_one_per_reporter_idx").on(t.commentId, t.reporterId)],
);

export const HEARING_KINDS = ["public_hearing", "report_hearing"] as const;
export type HearingKind = (typeof HEARING_KINDS)[number];

/** A public hearing or a hearing of the object's report: announced ahead, protocol after. */
export const hearings = pgTable(
  "hearings",
  {
    id: text("id").primaryKey().$defaultFn(() => crypto.randomUUID()),
    activityId: text("activity_id")
      .notNull()
      .references(() => activities.id),
    kind: text("kind", { enum: HEARING_KINDS }).notNull(),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    place: text("place"),
    videoUrl: text("video_url"),
    agenda: text("agenda").notNull(),
    noticeGivenAt: timestamp("notice_given_at", { withTimezone: true }).notNull(),
    /** The earliest day the notice allowed (notice day + 3 working days), kept with the hearing. */
    earliestAllowedOn: date("earliest_allowed_on", { mode: "string" }).notNull(),
    scheduledBy: text("scheduled_by").notNull().references(() => users.id),
    protocol: text("protocol"),
    protocolFileId: text("protocol_file_id").references(() => files.id),
    protocolPublishedAt: timestamp("protocol_published_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("hearings_activity_idx").on(t.activityId, t.startsAt)],
);

export type Observation = typeof observations.$inferSelect;
export type DraftAct = typeof draftActs.$inferSelect;
export type ExpertiseComment = typeof expertiseComments.$inferSelect;
export type DiscussionDraft = typeof discussionDrafts.$inferSelect;
export type DiscussionSection = typeof discussionSections.$inferSelect;
export type DiscussionComment = typeof discussionComments.$inferSelect;
export type Hearing = typeof hearings.$inferSelect;

import { date, index, integer, jsonb, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import { AGENCY_ALERT_KINDS, AGENCY_ITEM_KINDS, AGENCY_ITEM_STATUSES, TEMPLATE_KINDS } from "../../lib/agency/states";
import { users } from "./auth";
import { agencies } from "./agencies";

// The agency dashboard's own side of the work (DOMAIN.md "The agency dashboard"). The items
// themselves — petitions, final documents, information requests — stay in their own tables;
// the inbox is a query over them joined with these rows, keyed by (item kind, item id).

/** Who works on an item and how far the answer has got. No row = new and unassigned. */
export const agencyItemStates = pgTable(
  "agency_item_states",
  {
    itemKind: text("item_kind", { enum: AGENCY_ITEM_KINDS }).notNull(),
    itemId: text("item_id").notNull(),
    agencyId: text("agency_id")
      .notNull()
      .references(() => agencies.id),
    assigneeId: text("assignee_id").references(() => users.id, { onDelete: "set null" }),
    assignedBy: text("assigned_by").references(() => users.id, { onDelete: "set null" }),
    assignedAt: timestamp("assigned_at", { withTimezone: true }),
    status: text("status", { enum: AGENCY_ITEM_STATUSES }).notNull().default("new"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.itemKind, t.itemId] }),
    index("agency_item_states_assignee_idx").on(t.agencyId, t.assigneeId),
    index("agency_item_states_status_idx").on(t.agencyId, t.status),
  ],
);

/** An internal note on an item: seen by the agency's staff only, never published. */
export const agencyItemNotes = pgTable(
  "agency_item_notes",
  {
    id: text("id").primaryKey().$defaultFn(() => crypto.randomUUID()),
    itemKind: text("item_kind", { enum: AGENCY_ITEM_KINDS }).notNull(),
    itemId: text("item_id").notNull(),
    agencyId: text("agency_id")
      .notNull()
      .references(() => agencies.id),
    authorId: text("author_id")
      .notNull()
      .references(() => users.id),
    body: text("body").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("agency_item_notes_item_idx").on(t.itemKind, t.itemId, t.createdAt)],
);

/** The answer being written, saved as staff type; published through the item's own domain function. */
export const agencyAnswerDrafts = pgTable(
  "agency_answer_drafts",
  {
    itemKind: text("item_kind", { enum: AGENCY_ITEM_KINDS }).notNull(),
    itemId: text("item_id").notNull(),
    agencyId: text("agency_id")
      .notNull()
      .references(() => agencies.id),
    /** The form's fields, shaped per kind (lib/agency/schema.ts); loose until submitted or published. */
    content: jsonb("content").$type<Record<string, unknown>>().notNull().default({}),
    updatedBy: text("updated_by").references(() => users.id, { onDelete: "set null" }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    submittedBy: text("submitted_by").references(() => users.id, { onDelete: "set null" }),
    submittedForApprovalAt: timestamp("submitted_for_approval_at", { withTimezone: true }),
    approvedBy: text("approved_by").references(() => users.id, { onDelete: "set null" }),
    approvedAt: timestamp("approved_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.itemKind, t.itemId] })],
);

/** A reusable answer text of one agency, for one kind of item. */
export const agencyResponseTemplates = pgTable(
  "agency_response_templates",
  {
    id: text("id").primaryKey().$defaultFn(() => crypto.randomUUID()),
    agencyId: text("agency_id")
      .notNull()
      .references(() => agencies.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: TEMPLATE_KINDS }).notNull(),
    title: text("title").notNull(),
    body: text("body").notNull(),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("agency_response_templates_agency_idx").on(t.agencyId, t.kind, t.title)],
);

/**
 * One escalation alert sent: at most one per item, kind and due day, so a rerun of the daily job
 * alerts nobody twice, while a due day moved by a calendar edit is alerted afresh.
 */
export const agencyAlertsSent = pgTable(
  "agency_alerts_sent",
  {
    itemKind: text("item_kind", { enum: AGENCY_ITEM_KINDS }).notNull(),
    itemId: text("item_id").notNull(),
    alertKind: text("alert_kind", { enum: AGENCY_ALERT_KINDS }).notNull(),
    dueOn: date("due_on", { mode: "string" }).notNull(),
    sentOn: date("sent_on", { mode: "string" }).notNull(),
    recipients: integer("recipients").notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.itemKind, t.itemId, t.alertKind, t.dueOn] })],
);

export type AgencyItemState = typeof agencyItemStates.$inferSelect;
export type AgencyItemNote = typeof agencyItemNotes.$inferSelect;
export type AgencyAnswerDraft = typeof agencyAnswerDrafts.$inferSelect;
export type AgencyResponseTemplate = typeof agencyResponseTemplates.$inferSelect;

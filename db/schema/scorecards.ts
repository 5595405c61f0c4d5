import { bigint, date, integer, numeric, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { agencies } from "./agencies";

/**
 * Each agency's public scorecard: a maintained aggregate recomputed from the event history by
 * the "scorecards.refresh" job (lib/scorecards/refresh-scorecards.ts), so pages and the
 * open-data API read one row per agency and never scan events on a request.
 */
export const agencyScorecards = pgTable("agency_scorecards", {
  agencyId: text("agency_id")
    .primaryKey()
    .references(() => agencies.id, { onDelete: "cascade" }),
  /** Answerable items whose statutory clock started: petitions past their threshold, final documents sent, information requests asked. */
  itemsDue: integer("items_due").notNull().default(0),
  /** Of those, answered (an information request refused on a legal ground counts as answered). */
  answered: integer("answered").notNull().default(0),
  /** Answered on or before the due day. */
  answeredOnTime: integer("answered_on_time").notNull().default(0),
  /** Median working days from the clock's start day to the answer day; null before the first answer. */
  medianWorkingDaysToAnswer: numeric("median_working_days_to_answer", { precision: 7, scale: 1, mode: "number" }),
  /** Clock started, not yet answered, as of `computedAt`. */
  openNow: integer("open_now").notNull().default(0),
  /** Open with the due day already past (Almaty), as of `computedAt`. */
  overdueNow: integer("overdue_now").notNull().default(0),
  /** Recommendations the agency answered (accepted, partially accepted or rejected). */
  recommendationsTotal: integer("recommendations_total").notNull().default(0),
  /** Accepted or partially accepted. */
  recommendationsAccepted: integer("recommendations_accepted").notNull().default(0),
  /** Accepted ones the subject marked implemented. */
  recommendationsImplemented: integer("recommendations_implemented").notNull().default(0),
  /** Accepted ones the subject marked not implemented. */
  recommendationsNotImplemented: integer("recommendations_not_implemented").notNull().default(0),
  petitionsAnswered: integer("petitions_answered").notNull().default(0),
  /** Information requests answered or refused. */
  informationRequestsAnswered: integer("information_requests_answered").notNull().default(0),
  informationRequestsRefused: integer("information_requests_refused").notNull().default(0),
  /** When these figures were last recomputed and found different (a rerun that changes nothing leaves the row alone). */
  computedAt: timestamp("computed_at", { withTimezone: true }).notNull().defaultNow(),
  /** The highest event id these figures include (0 when the agency has none). */
  eventWatermark: bigint("event_watermark", { mode: "number" }).notNull().default(0),
});

/** The refresh job's bookmark in the event history; one row, named "events". */
export const scorecardRefreshState = pgTable("scorecard_refresh_state", {
  name: text("name").primaryKey(),
  /** Events up to this id have been read (a short overlap is read again, see refresh-scorecards.ts). */
  eventWatermark: bigint("event_watermark", { mode: "number" }).notNull().default(0),
  /** The Almaty day of the last full recomputation of every agency. */
  fullRefreshOn: date("full_refresh_on", { mode: "string" }),
  refreshedAt: timestamp("refreshed_at", { withTimezone: true }),
});

export type AgencyScorecard = typeof agencyScorecards.$inferSelect;

import { sql } from "drizzle-orm";
import {
  bigserial,
  boolean,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { PETITION_STATES, REJECTION_REASONS, RESPONSE_DECISIONS } from "../../lib/petitions/states";
import { users } from "./auth";
import { agencies, regions } from "./agencies";

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

/** A petition to one agency. Counts live in the count tables below, never on this row. */
export const petitions = pgTable(
  "petitions",
  {
    id: text("id").primaryKey().$defaultFn(() => crypto.randomUUID()),
    /** Short public number shown to people and used in URLs: /petitions/1042. */
    number: serial("number").notNull().unique(),
    creatorId: text("creator_id").notNull().references(() => users.id),
    agencyId: text("agency_id").notNull().references(() => agencies.id),
    regionCode: text("region_code").references(() => regions.code),
    title: text("title").notNull(),
    request: text("request").notNull(),
    reasons: text("reasons").notNull(),
    state: text("state", { enum: PETITION_STATES }).notNull().default("draft"),
    /** The private link's secret while gathering support. */
    supportToken: text("support_token").notNull().unique(),
    supportThreshold: integer("support_threshold"),
    supportDeadline: date("support_deadline", { mode: "string" }),
    responseThreshold: integer("response_threshold"),
    responseWorkingDays: integer("response_working_days"),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    moderationQueuedAt: timestamp("moderation_queued_at", { withTimezone: true }),
    moderationDueOn: date("moderation_due_on", { mode: "string" }),
    openedAt: timestamp("opened_at", { withTimezone: true }),
    closesOn: date("closes_on", { mode: "string" }),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    thresholdReachedAt: timestamp("threshold_reached_at", { withTimezone: true }),
    responseDueOn: date("response_due_on", { mode: "string" }),
    respondedAt: timestamp("responded_at", { withTimezone: true }),
    rejectionReason: text("rejection_reason", { enum: REJECTION_REASONS }),
    moderationNote: text("moderation_note"),
    suggestedAgencyId: text("suggested_agency_id").references(() => agencies.id),
    searchVector: tsvector("search_vector").generatedAlwaysAs(
      sql`to_tsvector('simple', coalesce(title, '') || ' ' || coalesce(request, '') || ' ' || coalesce(reasons, ''))`,
    ),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("petitions_state_idx").on(t.state, t.openedAt),
    index("petitions_agency_idx").on(t.agencyId, t.state),
    index("petitions_creator_idx").on(t.creatorId),
    index("petitions_search_idx").using("gin", t.searchVector),
    index("petitions_title_trgm_idx").using("gin", sql`${t.title} gin_trgm_ops`),
  ],
);

export const SIGNATURE_STATES = ["pending", "confirmed", "withdrawn", "invalidated"] as const;
export type SignatureState = (typeof SIGNATURE_STATES)[number];

/** How a signer's name may appear publicly. */
export const NAME_DISPLAYS = ["initials", "full", "hidden"] as const;

/** One person's signature. Unique per petition by normalized e-mail (and by IIN hash when given). */
export const signatures = pgTable(
  "signatures",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    // Belongs to a petition, checked once per statement rather than by a row-by-row foreign
    // key (migration 0010, README "Counting signatures and the hot path"): a row FK locks the
    // hot petition's row FOR KEY SHARE for every signature of every concurrent batch.
    petitionId: text("petition_id").notNull(),
    fullName: text("full_name").notNull(),
    nameDisplay: text("name_display", { enum: NAME_DISPLAYS }).notNull().default("initials"),
    email: text("email").notNull(),
    emailNormalized: text("email_normalized").notNull(),
    emailDomain: text("email_domain").notNull(),
    regionCode: text("region_code").notNull(),
    iinHash: text("iin_hash"),
    userId: text("user_id"),
    locale: text("locale").notNull().default("kk"),
    state: text("state", { enum: SIGNATURE_STATES }).notNull().default("pending"),
    ipAddress: text("ip_address"),
    notify: boolean("notify").notNull().default(true),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    confirmedAt: timestamp("confirmed_at", { withTimezone: true }),
    withdrawnAt: timestamp("withdrawn_at", { withTimezone: true }),
    invalidatedAt: timestamp("invalidated_at", { withTimezone: true }),
    invalidationId: integer("invalidation_id"),
    anonymizedAt: timestamp("anonymized_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("signatures_one_per_email_idx").on(t.petitionId, t.emailNormalized),
    uniqueIndex("signatures_one_per_iin_idx").on(t.petitionId, t.iinHash).where(sql`${t.iinHash} is not null`),
    index("signatures_petition_state_idx").on(t.petitionId, t.state, t.id),
    index("signatures_domain_idx").on(t.petitionId, t.emailDomain),
  ],
);

/**
 * Confirmed-signature counts, sharded: each change adds to one of COUNT_SHARDS rows chosen
 * at random, so concurrent confirmations on a viral petition do not queue on one row lock.
 * The count is the sum of the shards. See README "Counting signatures".
 */
export const petitionCountShards = pgTable(
  "petition_count_shards",
  {
    petitionId: text("petition_id").notNull().references(() => petitions.id),
    shard: smallint("shard").notNull(),
    confirmed: integer("confirmed").notNull().default(0),
    invalidated: integer("invalidated").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.petitionId, t.shard] })],
);

/**
 * A petition's confirmed count in one row, for ordering lists by "most signed" straight from
 * an index (summing 16 shards of every petition per list request does not scale). Every
 * petition has its row from the moment it is created (a trigger, migration 0009), with its
 * number for the tie-break, so a list is an index scan in (confirmed, number) order. Moved by
 * the same statement as the shards (countUpserts), once per batch: a viral petition's row is
 * written ~100 times a second, never once per signature. Pages and the API show the shards.
 */
export const petitionTotals = pgTable(
  "petition_totals",
  {
    petitionId: text("petition_id")
      .primaryKey()
      .references(() => petitions.id),
    number: integer("number").notNull(),
    confirmed: integer("confirmed").notNull().default(0),
  },
  (t) => [index("petition_totals_most_signed_idx").on(t.confirmed.desc(), t.number.desc())],
);

/**
 * Confirmed signatures per region, maintained with the shards and sharded the same way (one
 * random shard per batch): otherwise every confirming batch of a viral petition would queue on
 * its regions' rows. A region's count is the sum of its shards.
 */
export const petitionRegionCounts = pgTable(
  "petition_region_counts",
  {
    petitionId: text("petition_id").notNull().references(() => petitions.id),
    regionCode: text("region_code").notNull(),
    shard: smallint("shard").notNull().default(0),
    confirmed: integer("confirmed").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.petitionId, t.regionCode, t.shard] })],
);

/** Net confirmed signatures per Almaty calendar day, for the chart over time; sharded like the region counts. */
export const petitionDailyCounts = pgTable(
  "petition_daily_counts",
  {
    petitionId: text("petition_id").notNull().references(() => petitions.id),
    day: date("day", { mode: "string" }).notNull(),
    shard: smallint("shard").notNull().default(0),
    confirmed: integer("confirmed").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.petitionId, t.day, t.shard] })],
);

/**
 * The last support digest mailed to a petition's creator while it gathers support: the
 * count it reported and when. The digest job (lib/petitions/send-support-digests.ts) mails
 * again only when the count differs and an hour has passed — the confirming hot path never
 * writes here.
 */
export const petitionSupportDigests = pgTable("petition_support_digests", {
  petitionId: text("petition_id")
    .primaryKey()
    .references(() => petitions.id),
  lastCount: integer("last_count").notNull(),
  lastSentAt: timestamp("last_sent_at", { withTimezone: true }).notNull(),
});

/** A moderator's bulk invalidation of fraudulent signatures; the count is public. */
export const signatureInvalidations = pgTable("signature_invalidations", {
  id: serial("id").primaryKey(),
  petitionId: text("petition_id").notNull().references(() => petitions.id),
  moderatorId: text("moderator_id").notNull(),
  criteria: jsonb("criteria").$type<{ emailDomain?: string; ipRange?: string }>().notNull(),
  reason: text("reason").notNull(),
  invalidatedCount: integer("invalidated_count").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/** The addressee's published answer to a petition (written in the agency dashboard). */
export const petitionResponses = pgTable("petition_responses", {
  petitionId: text("petition_id").primaryKey().references(() => petitions.id),
  decision: text("decision", { enum: RESPONSE_DECISIONS }).notNull(),
  reasons: text("reasons").notNull(),
  measures: jsonb("measures").$type<Array<{ text: string; dueOn: string | null }>>().notNull().default([]),
  publishedAt: timestamp("published_at", { withTimezone: true }),
  publishedBy: text("published_by"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export type Petition = typeof petitions.$inferSelect;
export type Signature = typeof signatures.$inferSelect;

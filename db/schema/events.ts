import { bigserial, index, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * The append-only history of every state change. Timelines, deadlines, notifications
 * and scorecards are derived from it; rows are never updated or deleted.
 */
export const events = pgTable(
  "events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    entityType: text("entity_type").notNull(),
    entityId: text("entity_id").notNull(),
    /** Who did it; null for the system (scheduled jobs). */
    actorId: text("actor_id"),
    action: text("action").notNull(),
    fromState: text("from_state"),
    toState: text("to_state"),
    reason: text("reason"),
    data: jsonb("data").$type<Record<string, unknown>>().notNull().default({}),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("events_entity_idx").on(t.entityType, t.entityId, t.id)],
);

export type EventRow = typeof events.$inferSelect;

import { date, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Kinds of calendar day that differ from the plain five-day week:
 * a day off on a weekday (holiday or a day off moved by decree), or a working Saturday/Sunday.
 */
export const CALENDAR_DAY_KINDS = ["holiday", "moved_day_off", "working_weekend"] as const;
export type CalendarDayKind = (typeof CALENDAR_DAY_KINDS)[number];

/** The working-day calendar kept as data, editable by an admin. */
export const calendarDays = pgTable("calendar_days", {
  day: date("day", { mode: "string" }).primaryKey(),
  kind: text("kind", { enum: CALENDAR_DAY_KINDS }).notNull(),
  nameKk: text("name_kk").notNull(),
  nameRu: text("name_ru").notNull(),
  nameEn: text("name_en").notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export type CalendarDay = typeof calendarDays.$inferSelect;

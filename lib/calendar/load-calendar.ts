import { asc } from "drizzle-orm";
import { calendarDays } from "@/db/schema";
import type { Executor } from "@/db/client";
import type { Locale } from "@/lib/i18n/locales";
import { localized } from "@/lib/i18n/locales";
import { WorkingCalendar } from "./working-days";

/**
 * The working-day calendar as the database holds it now. Deadlines are computed with the
 * calendar in force when they are computed; see README "Statutory clocks".
 */
export async function loadCalendar(db: Executor, locale: Locale = "en"): Promise<WorkingCalendar> {
  const rows = await db.select().from(calendarDays).orderBy(asc(calendarDays.day));
  return new WorkingCalendar(rows.map((row) => ({ day: row.day, kind: row.kind, name: localized(row, locale) })));
}

import { and, asc, gte, lte } from "drizzle-orm";
import { calendarDays } from "@/db/schema";
import type { Executor } from "@/db/client";

/** Every exception to the five-day week listed for one year, in date order. One query. */
export async function listCalendarDays(db: Executor, year: number) {
  return db
    .select()
    .from(calendarDays)
    .where(and(gte(calendarDays.day, `${year}-01-01`), lte(calendarDays.day, `${year}-12-31`)))
    .orderBy(asc(calendarDays.day));
}

import { and, gte, lt } from "drizzle-orm";
import { getDb } from "@/db/client";
import { calendarDays } from "@/db/schema";

const claimed = new Set<number>();

/**
 * A far-future year, between `from` and `to` inclusive, that no test in this process has
 * claimed and that holds no calendar day yet — so a test that edits the calendar in it never
 * meets another test's day, neither from this run nor from an earlier run on the same database.
 */
export async function aFreshYear(from: number, to: number): Promise<number> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const year = from + Math.floor(Math.random() * (to - from + 1));
    if (claimed.has(year)) continue;
    claimed.add(year);
    const [taken] = await getDb()
      .select({ day: calendarDays.day })
      .from(calendarDays)
      .where(and(gte(calendarDays.day, `${year}-01-01`), lt(calendarDays.day, `${year + 1}-01-01`)))
      .limit(1);
    if (!taken) return year;
  }
  throw new Error(`no free year left between ${from} and ${to}: clear the test database's calendar_days`);
}

// Reference data every test database has, as a deployment would: the working-day calendar.
import type { Database } from "@/db/client";
import { calendarDays } from "@/db/schema";
import { HOLIDAYS } from "@/db/seed/holidays";

export async function insertReferenceData(db: Database): Promise<void> {
  await db.insert(calendarDays).values(HOLIDAYS).onConflictDoNothing();
}

import { and, eq, isNotNull, isNull, lt, or } from "drizzle-orm";
import { activities } from "@/db/schema";
import type { Database } from "@/db/client";
import { loadCalendar } from "@/lib/calendar/load-calendar";
import { toDayString } from "@/lib/calendar/working-days";
import { isOverdue, needsFinalDocumentReminder, workingDaysLeft } from "./clocks";
import { activityUrl, mailActivitySubject } from "./notify";
import { readPublicControlSettings } from "./settings";

export const REMIND_FINAL_DOCUMENTS_QUEUE = "public-control.remind-final-documents";

/**
 * The daily reminder: mails the subject of every completed activity whose final document is due
 * within 2 working days (setting), due today, or overdue. At most once a day per activity, so
 * the job may run again after a restart without mailing twice.
 */
export async function remindFinalDocuments(options: { db: Database; now?: Date }): Promise<{ reminded: number }> {
  const { db, now = new Date() } = options;
  const today = toDayString(now);
  const [settings, calendar] = await Promise.all([readPublicControlSettings(db), loadCalendar(db)]);
  const candidates = await db
    .select({ id: activities.id, dueOn: activities.finalDocumentDueOn })
    .from(activities)
    .where(
      and(
        eq(activities.state, "completed"),
        isNotNull(activities.finalDocumentDueOn),
        or(isNull(activities.finalDocumentRemindedOn), lt(activities.finalDocumentRemindedOn, today)),
      ),
    );
  let reminded = 0;
  for (const candidate of candidates) {
    if (!candidate.dueOn || !needsFinalDocumentReminder(calendar, today, candidate.dueOn, settings)) continue;
    await db.transaction(async (tx) => {
      // Re-read under lock: it may have been sent, or reminded by a parallel run, meanwhile.
      const [activity] = await tx.select().from(activities).where(eq(activities.id, candidate.id)).for("update");
      if (!activity || activity.state !== "completed" || !activity.finalDocumentDueOn) return;
      if (activity.finalDocumentRemindedOn && activity.finalDocumentRemindedOn >= today) return;
      const overdue = isOverdue(activity.finalDocumentDueOn, today);
      await mailActivitySubject(tx, activity, overdue ? "mailControl.finalDocumentOverdue" : "mailControl.finalDocumentDueSoon", {
        title: activity.title,
        due: activity.finalDocumentDueOn,
        days: Math.max(0, workingDaysLeft(calendar, today, activity.finalDocumentDueOn)),
        url: activityUrl(activity),
      });
      await tx.update(activities).set({ finalDocumentRemindedOn: today }).where(eq(activities.id, activity.id));
      reminded++;
    });
  }
  return { reminded };
}

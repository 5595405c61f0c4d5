import { eq } from "drizzle-orm";
import { activities, type Activity } from "@/db/schema";
import type { Database } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { assertSignedIn } from "@/lib/auth/permissions";
import { loadCalendar } from "@/lib/calendar/load-calendar";
import { toDayString } from "@/lib/calendar/working-days";
import { recordEvent } from "@/lib/events/record-event";
import { finalDocumentDeadline } from "./clocks";
import { lockActivityForSubject } from "./lock-activity";
import { activityUrl, mailActivitySubject } from "./notify";
import { readPublicControlSettings } from "./settings";
import { assertTransition } from "./states";

/**
 * The subject completes the work. The final document's clock starts: it must be sent within
 * 7 working days (setting) of the completion day.
 */
export async function completeActivity(options: { db: Database; actor: Actor | null; activityId: string; now?: Date }): Promise<Activity> {
  const { db, actor, activityId, now = new Date() } = options;
  assertSignedIn(actor);
  const [settings, calendar] = await Promise.all([readPublicControlSettings(db), loadCalendar(db)]);
  return db.transaction(async (tx) => {
    const activity = await lockActivityForSubject(tx, actor, activityId, ["in_progress"]);
    assertTransition(activity.state, "completed");
    const explanation = finalDocumentDeadline(calendar, toDayString(now), settings);
    const [completed] = await tx
      .update(activities)
      .set({ state: "completed", completedAt: now, finalDocumentDueOn: explanation.due, updatedAt: now })
      .where(eq(activities.id, activityId))
      .returning();
    await recordEvent(tx, {
      entityType: "activity",
      entityId: activityId,
      actorId: actor.id,
      action: "completed",
      fromState: "in_progress",
      toState: "completed",
      data: { finalDocumentDueOn: explanation.due, explanation },
      occurredAt: now,
    });
    await mailActivitySubject(tx, completed, "mailControl.completed", { title: completed.title, due: explanation.due, url: activityUrl(completed) });
    return completed;
  });
}

import type { Activity } from "@/db/schema";
import type { Database } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { assertSignedIn } from "@/lib/auth/permissions";
import { loadCalendar } from "@/lib/calendar/load-calendar";
import { toDayString } from "@/lib/calendar/working-days";
import { finalDocumentDeadline } from "./clocks";
import { lockActivityForSubject } from "./lock-activity";
import { moveActivityState } from "./move-activity-state";
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
    const completed = await moveActivityState(tx, activity, {
      actorId: actor.id,
      action: "completed",
      to: "completed",
      columns: { completedAt: now, finalDocumentDueOn: explanation.due },
      data: { finalDocumentDueOn: explanation.due, explanation },
      now,
    });
    await mailActivitySubject(tx, completed, "mailControl.completed", { title: completed.title, due: explanation.due, url: activityUrl(completed) });
    return completed;
  });
}

import type { Activity } from "@/db/schema";
import type { Database } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { assertSignedIn } from "@/lib/auth/permissions";
import { loadCalendar } from "@/lib/calendar/load-calendar";
import { toDayString } from "@/lib/calendar/working-days";
import { DomainError } from "@/lib/errors";
import { earliestHearingDay } from "./clocks";
import { lockActivityForAgency } from "./lock-activity";
import { moveActivityState } from "./move-activity-state";
import { activityUrl, mailActivitySubject } from "./notify";
import { readPublicControlSettings } from "./settings";
import { assertTransition } from "./states";

/**
 * Called from the agency dashboard: the object schedules a hearing on the final document. The
 * subject must be notified at least 3 working days (setting) before it (art. 13), so an earlier
 * day is refused. The answer clock keeps running.
 */
export async function scheduleConsiderationHearing(options: {
  db: Database;
  actor: Actor | null;
  activityId: string;
  startsAt: Date;
  place: string;
  now?: Date;
}): Promise<Activity> {
  const { db, actor, activityId, startsAt, now = new Date() } = options;
  const place = options.place.trim();
  assertSignedIn(actor);
  if (!place) throw new DomainError("validation", "validation", { place: ["required"] });
  if (Number.isNaN(startsAt.getTime())) throw new DomainError("validation", "validation", { startsAt: ["date"] });
  const [settings, calendar] = await Promise.all([readPublicControlSettings(db), loadCalendar(db)]);
  return db.transaction(async (tx) => {
    const activity = await lockActivityForAgency(tx, actor, activityId, ["under_consideration"]);
    assertTransition(activity.state, "hearing");
    const earliest = earliestHearingDay(calendar, toDayString(now), settings);
    const day = toDayString(startsAt);
    if (day < earliest) throw new DomainError("validation", "hearingNoticeTooShort", { startsAt: ["hearingNoticeTooShort"] });
    const scheduled = await moveActivityState(tx, activity, {
      actorId: actor.id,
      action: "consideration_hearing_scheduled",
      to: "hearing",
      columns: { considerationHearingAt: startsAt, considerationHearingPlace: place },
      data: { startsAt: startsAt.toISOString(), place, earliestDay: earliest, noticeWorkingDays: settings.hearingNoticeWorkingDays },
      now,
    });
    await mailActivitySubject(tx, scheduled, "mailControl.hearingScheduled", { title: scheduled.title, day, place, url: activityUrl(scheduled) });
    return scheduled;
  });
}

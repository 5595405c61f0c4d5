import { hearings, type Hearing } from "@/db/schema";
import type { Database } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { assertSignedIn } from "@/lib/auth/permissions";
import { loadCalendar } from "@/lib/calendar/load-calendar";
import { toDayString, type WorkingCalendar } from "@/lib/calendar/working-days";
import { siteUrl } from "@/lib/config";
import { DomainError } from "@/lib/errors";
import { recordEvent } from "@/lib/events/record-event";
import { mailAgencyStaff } from "@/lib/petitions/notify-people";
import { fieldErrorsOf } from "@/lib/validation/field-errors";
import { WORKING, type ActivityForm } from "../states";
import { almatyLocalToDate } from "./almaty-time";
import { loadActivityForForm } from "./lock-activity-for-form";
import { hearingSchema, type HearingInput } from "./schema";

/** Working days of notice a hearing needs (Law "On Public Control" art. 13). */
export const HEARING_NOTICE_WORKING_DAYS = 3;

/** The form of the activity's plan that each kind of hearing belongs to. */
const FORM_OF_KIND: Record<Hearing["kind"], ActivityForm> = { public_hearing: "hearing", report_hearing: "report_hearing" };

/** The first day a hearing announced on `today` may take place. */
export function earliestHearingDay(calendar: WorkingCalendar, today: string): string {
  return calendar.addWorkingDays(today, HEARING_NOTICE_WORKING_DAYS);
}

/** A hearing set too soon; `earliestAllowedOn` is the first day the notice allows. */
export class HearingTooSoonError extends DomainError {
  constructor(readonly earliestAllowedOn: string) {
    super("validation", "hearingTooSoon", { startsAt: ["hearingTooSoon"] });
  }
}

/**
 * The subject announces a public hearing, or the hearing of the object's report: when (wall
 * clock in Almaty), where or by which video link, and the agenda. It must be at least three
 * working days after the day of the notice, counted with the holiday calendar. The object's
 * staff are mailed. Event "hearing_scheduled" with the earliest day and how it was counted.
 */
export async function scheduleHearing(options: {
  db: Database;
  actor: Actor | null;
  activityId: string;
  input: HearingInput;
  now?: Date;
}): Promise<Hearing> {
  const { db, actor, activityId, now = new Date() } = options;
  assertSignedIn(actor);
  const parsed = hearingSchema.safeParse(options.input);
  if (!parsed.success) throw new DomainError("validation", "invalidInput", fieldErrorsOf(parsed.error));
  const input = parsed.data;
  const startsAt = almatyLocalToDate(input.startsAt);
  const calendar = await loadCalendar(db);
  const today = toDayString(now);
  const earliestAllowedOn = earliestHearingDay(calendar, today);

  return db.transaction(async (tx) => {
    const activity = await loadActivityForForm(tx, { activityId, actor, forms: [FORM_OF_KIND[input.kind]], states: WORKING, lock: "update" });
    if (toDayString(startsAt) < earliestAllowedOn) throw new HearingTooSoonError(earliestAllowedOn);
    const [hearing] = await tx
      .insert(hearings)
      .values({
        activityId,
        kind: input.kind,
        startsAt,
        place: input.place,
        videoUrl: input.videoUrl,
        agenda: input.agenda,
        noticeGivenAt: now,
        earliestAllowedOn,
        scheduledBy: actor.id,
        createdAt: now,
      })
      .returning();
    await recordEvent(tx, {
      entityType: "activity",
      entityId: activityId,
      actorId: actor.id,
      action: "hearing_scheduled",
      data: {
        hearingId: hearing.id,
        kind: hearing.kind,
        startsAt: startsAt.toISOString(),
        earliestAllowedOn,
        explanation: calendar.explainDeadline(today, HEARING_NOTICE_WORKING_DAYS),
      },
      occurredAt: now,
    });
    await mailAgencyStaff(tx, activity.agencyId, "activityForms.mail.hearingScheduled", {
      title: activity.title,
      // An instant: each reader's mail writes it out in their language, in Almaty time.
      startsAt: startsAt.toISOString(),
      where: [hearing.place, hearing.videoUrl].filter(Boolean).join(" — "),
      url: `${siteUrl()}/activities/${activity.number}/forms/hearings`,
    });
    return hearing;
  });
}

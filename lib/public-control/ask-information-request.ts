import { eq, max } from "drizzle-orm";
import { informationRequests, type InformationRequest } from "@/db/schema";
import type { Database } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { assertSignedIn } from "@/lib/auth/permissions";
import { loadCalendar } from "@/lib/calendar/load-calendar";
import { toDayString } from "@/lib/calendar/working-days";
import { recordEvent } from "@/lib/events/record-event";
import { mailAgencyStaff } from "@/lib/petitions/notify-people";
import { informationRequestDeadline } from "./clocks";
import { lockActivityForSubject } from "./lock-activity";
import { activityUrl } from "./notify";
import type { InformationRequestInput } from "./schema";
import { readPublicControlSettings } from "./settings";
import { REQUESTABLE } from "./states";

/**
 * The subject asks the object for information. The object must answer, or refuse on a legal
 * ground, within 15 working days (setting) of the asking day.
 */
export async function askInformationRequest(options: {
  db: Database;
  actor: Actor | null;
  activityId: string;
  input: InformationRequestInput;
  now?: Date;
}): Promise<InformationRequest> {
  const { db, actor, activityId, input, now = new Date() } = options;
  assertSignedIn(actor);
  const [settings, calendar] = await Promise.all([readPublicControlSettings(db), loadCalendar(db)]);
  return db.transaction(async (tx) => {
    // The activity's row lock also serializes the numbering of its requests.
    const activity = await lockActivityForSubject(tx, actor, activityId, REQUESTABLE);
    const [{ last }] = await tx.select({ last: max(informationRequests.number) }).from(informationRequests).where(eq(informationRequests.activityId, activityId));
    const explanation = informationRequestDeadline(calendar, toDayString(now), settings);
    const [request] = await tx
      .insert(informationRequests)
      .values({ activityId, number: (last ?? 0) + 1, question: input.question, askedBy: actor.id, askedAt: now, dueOn: explanation.due })
      .returning();
    await recordEvent(tx, {
      entityType: "information_request",
      entityId: request.id,
      actorId: actor.id,
      action: "asked",
      toState: "pending",
      data: { activityId, number: request.number, dueOn: explanation.due, explanation },
      occurredAt: now,
    });
    await mailAgencyStaff(tx, activity.agencyId, "mailControl.informationRequested", {
      title: activity.title,
      number: request.number,
      due: explanation.due,
      url: activityUrl(activity),
    });
    return request;
  });
}

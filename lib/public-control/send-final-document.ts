import { count, eq } from "drizzle-orm";
import { finalDocuments, recommendations, type Activity } from "@/db/schema";
import type { Database } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { assertSignedIn } from "@/lib/auth/permissions";
import { loadCalendar } from "@/lib/calendar/load-calendar";
import { toDayString } from "@/lib/calendar/working-days";
import { DomainError } from "@/lib/errors";
import { mailAgencyStaff } from "@/lib/petitions/notify-people";
import { answerDeadline, isOverdue } from "./clocks";
import { lockActivityForSubject } from "./lock-activity";
import { moveActivityState } from "./move-activity-state";
import { activityUrl } from "./notify";
import { readPublicControlSettings } from "./settings";
import { assertTransition } from "./states";

/**
 * The subject sends the final document of a completed activity to the object. It becomes public
 * and the object's clock starts: every recommendation answered within 10 working days (setting).
 * Sending late is allowed (the law's duty is the subject's), and recorded as late.
 */
export async function sendFinalDocument(options: { db: Database; actor: Actor | null; activityId: string; now?: Date }): Promise<Activity> {
  const { db, actor, activityId, now = new Date() } = options;
  assertSignedIn(actor);
  const [settings, calendar] = await Promise.all([readPublicControlSettings(db), loadCalendar(db)]);
  return db.transaction(async (tx) => {
    const activity = await lockActivityForSubject(tx, actor, activityId, ["completed"]);
    assertTransition(activity.state, "under_consideration");
    const [document] = await tx.select().from(finalDocuments).where(eq(finalDocuments.activityId, activityId));
    const [{ total }] = await tx.select({ total: count() }).from(recommendations).where(eq(recommendations.activityId, activityId));
    const problems: Record<string, string[]> = {};
    if (!document?.factsFound.trim()) problems.factsFound = ["factsRequired"];
    if (Number(total) === 0) problems.recommendations = ["recommendationsRequired"];
    if (Object.keys(problems).length) throw new DomainError("validation", "finalDocumentIncomplete", problems);

    const today = toDayString(now);
    const explanation = answerDeadline(calendar, today, settings);
    const late = isOverdue(activity.finalDocumentDueOn, today);
    await tx.update(finalDocuments).set({ sentAt: now, updatedAt: now }).where(eq(finalDocuments.activityId, activityId));
    const sent = await moveActivityState(tx, activity, {
      actorId: actor.id,
      action: "final_document_sent",
      to: "under_consideration",
      columns: { sentAt: now, answerDueOn: explanation.due },
      data: { answerDueOn: explanation.due, explanation, finalDocumentDueOn: activity.finalDocumentDueOn, late, recommendations: Number(total) },
      now,
    });
    await mailAgencyStaff(tx, activity.agencyId, "mailControl.finalDocumentSent", {
      title: sent.title,
      count: Number(total),
      due: explanation.due,
      url: activityUrl(sent),
    });
    return sent;
  });
}

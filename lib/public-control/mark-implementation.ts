import { and, eq } from "drizzle-orm";
import { activities, recommendations, type Activity, type Recommendation } from "@/db/schema";
import type { Database } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { assertSignedIn } from "@/lib/auth/permissions";
import { toDayString } from "@/lib/calendar/working-days";
import { DomainError } from "@/lib/errors";
import { recordEvent } from "@/lib/events/record-event";
import { insertFileRow, prepareUpload, type PreparedUpload } from "@/lib/files/store-upload";
import { countUnmarkedFollowUps, writeClosed } from "./close-activity";
import { lockActivityForSubject } from "./lock-activity";
import type { FollowUpInput } from "./schema";
import { FOLLOWED_UP_DECISIONS, FOLLOW_UP } from "./states";
import { assertActsForSubject } from "./subject";

/**
 * The subject marks an accepted recommendation implemented or not, with a note and optionally
 * an evidence file, on or after the day the object set for its measures. The last mark closes
 * the activity. A mark is final.
 */
export async function markRecommendationImplementation(options: {
  db: Database;
  actor: Actor | null;
  recommendationId: string;
  input: FollowUpInput;
  evidence?: File | null;
  now?: Date;
}): Promise<{ recommendation: Recommendation; activity: Activity }> {
  const { db, actor, recommendationId, input, evidence, now = new Date() } = options;
  assertSignedIn(actor);
  const [found] = await db.select({ activity: activities }).from(recommendations).innerJoin(activities, eq(activities.id, recommendations.activityId)).where(eq(recommendations.id, recommendationId));
  if (!found) throw new DomainError("not_found", "notFound");
  // Check who is marking before any bytes are written; the transaction checks everything again.
  assertActsForSubject(actor, found.activity);
  const prepared: PreparedUpload | null = evidence ? await prepareUpload(evidence, { field: "evidence" }) : null;

  return db.transaction(async (tx) => {
    const activity = await lockActivityForSubject(tx, actor, found.activity.id, FOLLOW_UP);
    const [recommendation] = await tx
      .select()
      .from(recommendations)
      .where(and(eq(recommendations.id, recommendationId), eq(recommendations.activityId, activity.id)))
      .for("update");
    if (!recommendation?.decision || !FOLLOWED_UP_DECISIONS.includes(recommendation.decision)) throw new DomainError("invalid_transition", "notAccepted");
    if (recommendation.implementation) throw new DomainError("invalid_transition", "alreadyMarked");
    const today = toDayString(now);
    if (recommendation.measuresDueOn && today < recommendation.measuresDueOn) {
      throw new DomainError("validation", "beforeMeasuresDue", { implementation: ["beforeMeasuresDue"] });
    }
    const fileId = prepared
      ? (await insertFileRow(tx, { prepared, uploadedBy: actor.id, purpose: "implementation_evidence", activityId: activity.id, now })).id
      : null;
    const [marked] = await tx
      .update(recommendations)
      .set({
        implementation: input.implementation,
        implementationNote: input.note,
        implementationEvidenceFileId: fileId,
        implementationMarkedAt: now,
        implementationMarkedBy: actor.id,
      })
      .where(eq(recommendations.id, recommendationId))
      .returning();
    await recordEvent(tx, {
      entityType: "activity",
      entityId: activity.id,
      actorId: actor.id,
      action: "implementation_marked",
      reason: input.note,
      data: { recommendationId, position: marked.position, implementation: input.implementation, measuresDueOn: marked.measuresDueOn, evidenceFileId: fileId },
      occurredAt: now,
    });
    const after = (await countUnmarkedFollowUps(tx, activity.id)) === 0 ? await writeClosed(tx, activity, actor.id, now) : activity;
    return { recommendation: marked, activity: after };
  });
}

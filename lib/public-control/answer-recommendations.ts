import { and, eq, inArray } from "drizzle-orm";
import { recommendations, type Activity } from "@/db/schema";
import type { Database } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { assertSignedIn } from "@/lib/auth/permissions";
import { toDayString } from "@/lib/calendar/working-days";
import { DomainError } from "@/lib/errors";
import { isOverdue } from "./clocks";
import { lockActivityForAgency } from "./lock-activity";
import { moveActivityState } from "./move-activity-state";
import { activityUrl, mailActivitySubject } from "./notify";
import type { RecommendationAnswerInput } from "./schema";
import { ANSWERABLE, assertTransition } from "./states";

/**
 * Called from the agency dashboard: the object answers every recommendation separately
 * (accepted / partially accepted / rejected, with reasons; measures and a due day unless
 * rejected). All at once: while any recommendation would stay unanswered nothing is written.
 * The activity moves from under consideration (or hearing) to answered.
 */
export async function answerRecommendations(options: {
  db: Database;
  actor: Actor | null;
  activityId: string;
  answers: RecommendationAnswerInput[];
  now?: Date;
}): Promise<Activity> {
  const { db, actor, activityId, answers, now = new Date() } = options;
  assertSignedIn(actor);
  return db.transaction(async (tx) => {
    const activity = await lockActivityForAgency(tx, actor, activityId, ANSWERABLE);
    assertTransition(activity.state, "answered");
    const all = await tx.select().from(recommendations).where(eq(recommendations.activityId, activityId));
    const byId = new Map(answers.map((answer) => [answer.recommendationId, answer]));
    const problems: Record<string, string[]> = {};
    for (const answer of answers) {
      if (!all.some((r) => r.id === answer.recommendationId)) throw new DomainError("not_found", "notFound");
      if (answer.decision !== "rejected" && (!answer.measures || !answer.dueOn)) problems[answer.recommendationId] = ["measuresRequired"];
    }
    const unanswered = all.filter((r) => !r.decision && !byId.has(r.id));
    for (const r of unanswered) problems[r.id] = ["answerEveryRecommendation"];
    if (Object.keys(problems).length) throw new DomainError("validation", "answerEveryRecommendation", problems);

    for (const answer of answers) {
      const accepted = answer.decision !== "rejected";
      await tx
        .update(recommendations)
        .set({
          decision: answer.decision,
          answerReasons: answer.reasons,
          measures: accepted ? answer.measures : null,
          measuresDueOn: accepted ? answer.dueOn : null,
          answeredAt: now,
          answeredBy: actor.id,
        })
        .where(and(eq(recommendations.id, answer.recommendationId), eq(recommendations.activityId, activityId)));
    }
    const decisions = await tx
      .select({ decision: recommendations.decision })
      .from(recommendations)
      .where(and(eq(recommendations.activityId, activityId), inArray(recommendations.decision, ["accepted", "partially_accepted", "rejected"])));
    const tally = { accepted: 0, partially_accepted: 0, rejected: 0 };
    for (const row of decisions) if (row.decision) tally[row.decision]++;
    const answered = await moveActivityState(tx, activity, {
      actorId: actor.id,
      action: "answered",
      to: "answered",
      columns: { answeredAt: now },
      data: { ...tally, answerDueOn: activity.answerDueOn, late: isOverdue(activity.answerDueOn, toDayString(now)) },
      now,
    });
    await mailActivitySubject(tx, answered, "mailControl.recommendationsAnswered", {
      title: answered.title,
      accepted: tally.accepted + tally.partially_accepted,
      rejected: tally.rejected,
      url: activityUrl(answered),
    });
    return answered;
  });
}

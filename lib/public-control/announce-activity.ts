import { count, eq } from "drizzle-orm";
import { activityTeamMembers, organizations, type Activity } from "@/db/schema";
import type { Database } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { assertSignedIn } from "@/lib/auth/permissions";
import { DomainError } from "@/lib/errors";
import { mailAgencyStaff } from "@/lib/petitions/notify-people";
import { lockActivityForSubject } from "./lock-activity";
import { moveActivityState } from "./move-activity-state";
import { activityUrl } from "./notify";
import { assertTransition } from "./states";

/**
 * The subject announces the draft: plan, team and declarations become public and the object's
 * staff are told. Only a verified organization may announce; the team must list someone.
 */
export async function announceActivity(options: { db: Database; actor: Actor | null; activityId: string; now?: Date }): Promise<Activity> {
  const { db, actor, activityId, now = new Date() } = options;
  assertSignedIn(actor);
  return db.transaction(async (tx) => {
    const activity = await lockActivityForSubject(tx, actor, activityId, ["draft"]);
    assertTransition(activity.state, "announced");
    let subjectName = actor.name ?? "";
    if (activity.subjectType === "organization") {
      // Read in the transaction: a moderator's decision made a moment ago counts.
      const [organization] = await tx
        .select({ state: organizations.state, name: organizations.name })
        .from(organizations)
        .where(eq(organizations.id, activity.organizationId!));
      if (organization?.state !== "verified") throw new DomainError("forbidden", "organizationNotVerified");
      subjectName = organization.name;
    }
    const [{ team }] = await tx.select({ team: count() }).from(activityTeamMembers).where(eq(activityTeamMembers.activityId, activityId));
    if (Number(team) === 0) throw new DomainError("validation", "teamRequired", { team: ["teamRequired"] });
    const announced = await moveActivityState(tx, activity, {
      actorId: actor.id,
      action: "announced",
      to: "announced",
      columns: { announcedAt: now },
      data: { agencyId: activity.agencyId, forms: activity.forms },
      now,
    });
    await mailAgencyStaff(tx, activity.agencyId, "mailControl.announced", {
      title: announced.title,
      subject: subjectName,
      start: announced.plannedStart,
      end: announced.plannedEnd,
      url: activityUrl(announced),
    });
    return announced;
  });
}

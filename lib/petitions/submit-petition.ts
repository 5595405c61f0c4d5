import type { Petition } from "@/db/schema";
import type { Database } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { assertSignedIn } from "@/lib/auth/permissions";
import { loadCalendar } from "@/lib/calendar/load-calendar";
import { toDayString } from "@/lib/calendar/working-days";
import { siteUrl } from "@/lib/config";
import { DomainError } from "@/lib/errors";
import { lockPetitionIn } from "./load-petition";
import { movePetitionState } from "./move-petition-state";
import { mailUser } from "./notify-people";
import { readPetitionSettings } from "./settings";
import { assertTransition, PETITION_STATES } from "./states";

/** The private link the creator shares while gathering support. */
export function supportLink(petition: Pick<Petition, "number" | "supportToken">): string {
  return `${siteUrl()}/petitions/${petition.number}?support=${petition.supportToken}`;
}

/**
 * The creator submits the draft: it starts gathering support through the private link,
 * with a deadline of N working days.
 */
export async function submitPetition(options: { db: Database; actor: Actor | null; petitionId: string; now?: Date }): Promise<Petition> {
  const { db, actor, petitionId, now = new Date() } = options;
  assertSignedIn(actor);
  const [settings, calendar] = await Promise.all([readPetitionSettings(db), loadCalendar(db)]);
  return db.transaction(async (tx) => {
    const petition = await lockPetitionIn(tx, petitionId, PETITION_STATES);
    if (petition.creatorId !== actor.id) throw new DomainError("not_found", "notFound");
    if (petition.state !== "draft") throw new DomainError("invalid_transition", "invalidTransition");
    assertTransition(petition.state, "gathering_support");
    const supportDeadline = calendar.addWorkingDays(toDayString(now), settings.supportWorkingDays);
    const submitted = await movePetitionState(tx, petition, {
      actorId: actor.id,
      action: "submitted",
      to: "gathering_support",
      columns: { submittedAt: now, supportThreshold: settings.supportThreshold, supportDeadline },
      data: { supportThreshold: settings.supportThreshold, supportDeadline, explanation: calendar.explainDeadline(toDayString(now), settings.supportWorkingDays) },
      now,
    });
    await mailUser(tx, actor.id, "mailPetitions.submitted", {
      title: submitted.title,
      url: supportLink(submitted),
      supporters: settings.supportThreshold,
      deadline: supportDeadline,
    });
    return submitted;
  });
}

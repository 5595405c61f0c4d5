import { eq } from "drizzle-orm";
import { agencies, type Petition } from "@/db/schema";
import type { Database } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { assertModerator } from "@/lib/auth/permissions";
import { siteUrl } from "@/lib/config";
import { DomainError } from "@/lib/errors";
import { localized } from "@/lib/i18n/locales";
import { queueMail } from "@/lib/mail/queue-mail";
import { creatorOf, lockPetitionForDecision } from "./approve-petition";
import { movePetitionState } from "./move-petition-state";
import type { RejectPetitionInput } from "./schema";
import { MODERATABLE, REJECTION_REASONS } from "./states";

/**
 * A moderator rejects a petition awaiting moderation with a public reason code, an optional
 * note and optionally the addressee it should have gone to. Event "rejected" (reason = the
 * code); the creator is told why, in their language.
 */
export async function rejectPetition(options: {
  db: Database;
  actor: Actor | null;
  petitionId: string;
  input: RejectPetitionInput;
  now?: Date;
}): Promise<Petition> {
  const { db, actor, petitionId, input, now = new Date() } = options;
  assertModerator(actor);
  // The input is typed, but callers other than the form exist (tests, the API): check the code anyway.
  if (!REJECTION_REASONS.includes(input.reason)) throw new DomainError("validation", "invalidInput", { reason: ["choose"] });
  return db.transaction(async (tx) => {
    const current = await lockPetitionForDecision(tx, petitionId, MODERATABLE, "rejected");
    const suggested = input.suggestedAgencyId
      ? (await tx.select().from(agencies).where(eq(agencies.id, input.suggestedAgencyId)))[0]
      : null;
    if (input.suggestedAgencyId && !suggested) {
      throw new DomainError("validation", "invalidInput", { suggestedAgencyId: ["choose"] });
    }
    const rejected = await movePetitionState(tx, current, {
      actorId: actor.id,
      action: "rejected",
      to: "rejected",
      columns: { rejectionReason: input.reason, moderationNote: input.note, suggestedAgencyId: suggested?.id ?? null },
      reason: input.reason,
      data: { note: input.note, suggestedAgencyId: suggested?.id ?? null },
      now,
    });
    const creator = await creatorOf(tx, current.creatorId);
    await queueMail(tx, {
      to: creator.email,
      template: "mailModeration.rejected",
      locale: creator.locale,
      params: {
        title: rejected.title,
        number: rejected.number,
        url: `${siteUrl()}/petitions/${rejected.number}`,
        reason: input.reason,
        hasNote: input.note ? "yes" : "no",
        note: input.note ?? "",
        hasSuggestion: suggested ? "yes" : "no",
        suggestedAgency: suggested ? localized(suggested, creator.locale) : "",
      },
    });
    return rejected;
  });
}

import { z } from "zod";
import { plainString } from "@/lib/validation/text";
import type { Petition } from "@/db/schema";
import type { Database } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { assertModerator } from "@/lib/auth/permissions";
import { DomainError } from "@/lib/errors";
import { queueMail } from "@/lib/mail/queue-mail";
import { fieldErrorsOf } from "@/lib/validation/field-errors";
import { creatorOf, lockPetitionForDecision } from "./approve-petition";
import { movePetitionState } from "./move-petition-state";
import { HIDEABLE } from "./states";

/** Why a petition is hidden: written for the history and the creator, never shown publicly. */
export const hideReasonSchema = plainString({ message: "required" })
  .transform((v) => v.replace(/\r\n?/g, "\n").trim())
  .pipe(z.string().min(1, "required").max(1000, "tooLong"));

/**
 * A moderator hides a petition whose content is unlawful: it leaves every public page for
 * good. The reason is required; event "hidden" carries it, and the creator is told.
 */
export async function hidePetition(options: {
  db: Database;
  actor: Actor | null;
  petitionId: string;
  reason: string;
  now?: Date;
}): Promise<Petition> {
  const { db, actor, petitionId, now = new Date() } = options;
  assertModerator(actor);
  const parsed = hideReasonSchema.safeParse(options.reason);
  if (!parsed.success) {
    throw new DomainError("validation", "invalidInput", { reason: fieldErrorsOf(parsed.error)._form ?? ["required"] });
  }
  const reason = parsed.data;
  return db.transaction(async (tx) => {
    const current = await lockPetitionForDecision(tx, petitionId, HIDEABLE, "hidden");
    const hidden = await movePetitionState(tx, current, { actorId: actor.id, action: "hidden", to: "hidden", reason, now });
    const creator = await creatorOf(tx, current.creatorId);
    await queueMail(tx, {
      to: creator.email,
      template: "mailModeration.hidden",
      locale: creator.locale,
      params: { title: hidden.title, number: hidden.number, reason },
    });
    return hidden;
  });
}

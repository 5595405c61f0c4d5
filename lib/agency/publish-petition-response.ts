import { and, eq, isNull } from "drizzle-orm";
import { petitionResponses, signatures, users } from "@/db/schema";
import type { Executor } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { toDayString } from "@/lib/calendar/working-days";
import { siteUrl } from "@/lib/config";
import { DomainError } from "@/lib/errors";
import { movePetitionState } from "@/lib/petitions/move-petition-state";
import { lockPetitionIn } from "@/lib/petitions/load-petition";
import { normalizeEmail } from "@/lib/petitions/normalize-email";
import { mailUser } from "@/lib/petitions/notify-people";
import { startSignerNotification } from "@/lib/petitions/notify-signers";
import { ANSWERABLE, assertTransition } from "@/lib/petitions/states";
import type { PetitionAnswerInput } from "./schema";

/**
 * Publishes an agency's answer to a petition, inside the caller's transaction (publishAnswer's):
 * writes petition_responses (public from publishedAt), moves the petition open|closed →
 * responded with its "responded" event, and starts telling every confirmed signer — in batches,
 * by the job queue, each mail with its unsubscribe link. The creator is told too, unless they
 * signed and will hear as a signer.
 */
export async function publishPetitionResponse(
  tx: Executor,
  options: { actor: Actor; agencyId: string; petitionId: string; answer: PetitionAnswerInput; now: Date },
): Promise<void> {
  const { actor, agencyId, petitionId, answer, now } = options;
  const petition = await lockPetitionIn(tx, petitionId, ANSWERABLE);
  if (petition.agencyId !== agencyId || !petition.thresholdReachedAt) throw new DomainError("not_found", "notFound");
  assertTransition(petition.state, "responded");
  const measures = answer.measures.map((measure) => ({ text: measure.text, dueOn: measure.dueOn }));
  await tx
    .insert(petitionResponses)
    .values({ petitionId, decision: answer.decision, reasons: answer.reasons, measures, publishedAt: now, publishedBy: actor.id, createdAt: now, updatedAt: now })
    .onConflictDoUpdate({
      target: petitionResponses.petitionId,
      set: { decision: answer.decision, reasons: answer.reasons, measures, publishedAt: now, publishedBy: actor.id, updatedAt: now },
    });
  const today = toDayString(now);
  await movePetitionState(tx, petition, {
    actorId: actor.id,
    action: "responded",
    to: "responded",
    columns: { respondedAt: now },
    data: {
      agencyId,
      decision: answer.decision,
      measures: measures.length,
      responseDueOn: petition.responseDueOn,
      late: !!petition.responseDueOn && today > petition.responseDueOn,
    },
    now,
  });
  await startSignerNotification(tx, petitionId, "responded");

  const [creator] = await tx.select({ email: users.email }).from(users).where(eq(users.id, petition.creatorId));
  const [signedAsCreator] = creator
    ? await tx
        .select({ id: signatures.id })
        .from(signatures)
        .where(
          and(
            eq(signatures.petitionId, petitionId),
            eq(signatures.emailNormalized, normalizeEmail(creator.email)),
            eq(signatures.state, "confirmed"),
            eq(signatures.notify, true),
            isNull(signatures.anonymizedAt),
          ),
        )
        .limit(1)
    : [];
  if (creator && !signedAsCreator) {
    await mailUser(tx, petition.creatorId, "mailAgency.petitionAnsweredToCreator", {
      title: petition.title,
      url: `${siteUrl()}/petitions/${petition.number}`,
    });
  }
}

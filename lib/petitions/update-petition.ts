import { eq } from "drizzle-orm";
import { petitions, type Petition } from "@/db/schema";
import type { Database } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { assertSignedIn } from "@/lib/auth/permissions";
import { DomainError } from "@/lib/errors";
import { resolveAddressee } from "./create-petition";
import { lockPetitionIn } from "./load-petition";
import type { PetitionForm } from "./schema";
import { EDITABLE, PETITION_STATES } from "./states";

/** The creator edits their draft; nobody else can, and not after it is submitted. */
export async function updatePetition(options: {
  db: Database;
  actor: Actor | null;
  petitionId: string;
  input: PetitionForm;
  now?: Date;
}): Promise<Petition> {
  const { db, actor, petitionId, input, now = new Date() } = options;
  assertSignedIn(actor);
  const addressee = await resolveAddressee(db, input);
  return db.transaction(async (tx) => {
    const petition = await lockPetitionIn(tx, petitionId, PETITION_STATES);
    // Someone else's petition looks the same as no petition.
    if (petition.creatorId !== actor.id) throw new DomainError("not_found", "notFound");
    if (!EDITABLE.includes(petition.state)) throw new DomainError("invalid_transition", "invalidTransition");
    const [updated] = await tx
      .update(petitions)
      .set({ title: input.title, request: input.request, reasons: input.reasons, ...addressee, updatedAt: now })
      .where(eq(petitions.id, petitionId))
      .returning();
    return updated;
  });
}

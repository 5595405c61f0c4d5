// Petitions made for tests, through the same domain functions people use.
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { petitions, type Petition } from "@/db/schema";
import { createPetition } from "@/lib/petitions/create-petition";
import { submitPetition } from "@/lib/petitions/submit-petition";
import type { Actor } from "@/lib/auth/actor";
import type { SignatureForm } from "@/lib/petitions/schema";
import { actorFor, createAgency, createUser, ensureRegion, unique } from "./factories";

export async function draftPetition(options: { creator?: Actor; agencyId?: string } = {}) {
  const creator = options.creator ?? (await actorFor((await createUser()).id));
  const agencyId = options.agencyId ?? (await createAgency({ level: "city_akimat", regionCode: await ensureRegion() })).id;
  const petition = await createPetition({
    db: getDb(),
    actor: creator,
    input: {
      title: `Build a footbridge ${unique()}`,
      request: "Build a pedestrian footbridge over the ring road near school 45.",
      reasons: "Children cross six lanes of traffic every morning; two were hurt this year.",
      agencyId,
      regionCode: null,
    },
  });
  return { petition, creator };
}

/** Sets a petition's state and fields directly, to start a test from a given point. */
export async function forcePetition(id: string, values: Partial<Petition>): Promise<Petition> {
  const [row] = await getDb().update(petitions).set(values).where(eq(petitions.id, id)).returning();
  return row;
}

export async function submittedPetition(options: { creator?: Actor } = {}) {
  const { petition, creator } = await draftPetition(options);
  const submitted = await submitPetition({ db: getDb(), actor: creator, petitionId: petition.id });
  return { petition: submitted, creator };
}

export function signatureInput(overrides: Partial<{ fullName: string; email: string; regionCode: string; iin: string }> = {}): SignatureForm {
  return {
    iin: undefined,
    fullName: "Asel Nurlanovna",
    email: `${unique("signer")}@example.kz`,
    regionCode: "test-region",
    nameDisplay: "initials" as const,
    consent: true as const,
    notify: true,
    ...overrides,
  };
}

import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { agencies, petitions, regions, type Petition } from "@/db/schema";
import type { Database } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { assertSignedIn } from "@/lib/auth/permissions";
import { DomainError } from "@/lib/errors";
import { recordEvent } from "@/lib/events/record-event";
import { hitRateLimit } from "@/lib/rate-limit/hit-rate-limit";
import type { PetitionForm } from "./schema";
import { readPetitionSettings } from "./settings";

/** Checks the addressee and the region; a regional addressee fixes the petition's region. */
export async function resolveAddressee(db: Database, input: PetitionForm): Promise<{ agencyId: string; regionCode: string | null }> {
  const [agency] = await db.select().from(agencies).where(eq(agencies.id, input.agencyId));
  if (!agency || !agency.active) throw new DomainError("validation", "validation", { agencyId: ["chooseAgency"] });
  if (agency.regionCode) return { agencyId: agency.id, regionCode: agency.regionCode };
  if (input.regionCode) {
    const [region] = await db.select({ code: regions.code }).from(regions).where(eq(regions.code, input.regionCode));
    if (!region) throw new DomainError("validation", "validation", { regionCode: ["chooseRegion"] });
  }
  return { agencyId: agency.id, regionCode: input.regionCode };
}

/** A signed-in citizen starts a petition as a draft. */
export async function createPetition(options: { db: Database; actor: Actor | null; input: PetitionForm; now?: Date }): Promise<Petition> {
  const { db, actor, input, now = new Date() } = options;
  assertSignedIn(actor);
  const settings = await readPetitionSettings(db);
  const allowed = await hitRateLimit(db, { key: `petition-create:${actor.id}`, limit: settings.petitionsPerCreatorPerDay, windowSeconds: 86_400 }, now);
  if (!allowed) throw new DomainError("rate_limited", "rateLimited");
  const addressee = await resolveAddressee(db, input);
  return db.transaction(async (tx) => {
    const [petition] = await tx
      .insert(petitions)
      .values({
        creatorId: actor.id,
        agencyId: addressee.agencyId,
        regionCode: addressee.regionCode,
        title: input.title,
        request: input.request,
        reasons: input.reasons,
        supportToken: randomBytes(18).toString("base64url"),
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await recordEvent(tx, { entityType: "petition", entityId: petition.id, actorId: actor.id, action: "created", toState: "draft", occurredAt: now });
    return petition;
  });
}

import { eq } from "drizzle-orm";
import { agencies, type Agency } from "@/db/schema";
import type { Database } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { assertAdmin } from "@/lib/auth/permissions";
import { recordEvent } from "@/lib/events/record-event";
import { checkAgencyInput, slugTaken } from "./check-agency-input";
import { isUniqueViolation } from "./is-unique-violation";
import type { AgencyForm } from "./schema";

/** An admin adds a state body to the directory; recorded as "agency_created". */
export async function createAgency(options: { db: Database; actor: Actor | null; input: AgencyForm }): Promise<Agency> {
  const { db, actor } = options;
  assertAdmin(actor);
  const input = await checkAgencyInput(db, options.input);
  try {
    return await db.transaction(async (tx) => {
      const [existing] = await tx.select({ id: agencies.id }).from(agencies).where(eq(agencies.slug, input.slug));
      if (existing) throw slugTaken();
      const [agency] = await tx.insert(agencies).values(input).returning();
      await recordEvent(tx, {
        entityType: "agency",
        entityId: agency.id,
        actorId: actor.id,
        action: "agency_created",
        toState: "active",
        data: { ...input },
      });
      return agency;
    });
  } catch (error) {
    // Two admins choosing the same slug at once: the unique index decides, after the check above.
    if (isUniqueViolation(error, "agencies_slug_unique")) throw slugTaken();
    throw error;
  }
}

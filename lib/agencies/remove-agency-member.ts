import { and, eq } from "drizzle-orm";
import { agencyMemberships } from "@/db/schema";
import type { Database } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { assertAdmin } from "@/lib/auth/permissions";
import { DomainError } from "@/lib/errors";
import { recordEvent } from "@/lib/events/record-event";

/** An admin removes a person from an agency; recorded as "member_removed" with the role they held. */
export async function removeAgencyMember(options: { db: Database; actor: Actor | null; agencyId: string; userId: string }): Promise<void> {
  const { db, actor, agencyId, userId } = options;
  assertAdmin(actor);
  await db.transaction(async (tx) => {
    const [removed] = await tx
      .delete(agencyMemberships)
      .where(and(eq(agencyMemberships.agencyId, agencyId), eq(agencyMemberships.userId, userId)))
      .returning({ role: agencyMemberships.role });
    if (!removed) throw new DomainError("not_found", "notFound");
    await recordEvent(tx, {
      entityType: "agency",
      entityId: agencyId,
      actorId: actor.id,
      action: "member_removed",
      fromState: removed.role,
      toState: null,
      data: { userId, role: removed.role },
    });
  });
}

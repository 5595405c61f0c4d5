import { eq } from "drizzle-orm";
import { users, type PlatformRole } from "@/db/schema";
import type { Database } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { assertAdmin } from "@/lib/auth/permissions";
import { DomainError } from "@/lib/errors";
import { recordEvent } from "@/lib/events/record-event";

/** An admin grants or revokes moderator/admin; recorded in the history. */
export async function setPlatformRole(options: {
  db: Database;
  actor: Actor | null;
  userId: string;
  role: PlatformRole;
  granted: boolean;
}): Promise<void> {
  const { db, actor, userId, role, granted } = options;
  assertAdmin(actor);
  // An admin removing their own admin role could leave the platform with none.
  if (!granted && role === "admin" && userId === actor.id) throw new DomainError("conflict", "cannotRevokeOwnAdmin");
  await db.transaction(async (tx) => {
    const [user] = await tx.select().from(users).where(eq(users.id, userId)).for("update");
    if (!user) throw new DomainError("not_found", "notFound");
    const had = user.platformRoles.includes(role);
    if (had === granted) return;
    const next = granted ? [...user.platformRoles, role] : user.platformRoles.filter((r) => r !== role);
    await tx.update(users).set({ platformRoles: next }).where(eq(users.id, userId));
    await recordEvent(tx, {
      entityType: "user",
      entityId: userId,
      actorId: actor.id,
      action: granted ? "role_granted" : "role_revoked",
      data: { role },
    });
  });
}

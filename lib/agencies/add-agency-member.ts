import { and, eq, sql } from "drizzle-orm";
import { agencies, agencyMemberships, users, type AgencyRole } from "@/db/schema";
import type { Database } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { assertAdmin } from "@/lib/auth/permissions";
import { DomainError } from "@/lib/errors";
import { recordEvent } from "@/lib/events/record-event";
import { fieldErrorsOf } from "@/lib/validation/field-errors";
import { agencyMembershipSchema } from "./schema";

/** What adding did: a new member, a changed role, or nothing (same role already held). */
export type MembershipChange = { userId: string; role: AgencyRole; previousRole: AgencyRole | null; changed: boolean };

/**
 * An admin makes a person (who must already have an account) staff or supervisor of an
 * agency. Adding someone who is already a member changes their role, so this is also the
 * "change role" operation. Events: "member_added" or "member_role_changed".
 */
export async function addAgencyMember(options: {
  db: Database;
  actor: Actor | null;
  agencyId: string;
  email: string;
  role: AgencyRole;
}): Promise<MembershipChange> {
  const { db, actor, agencyId } = options;
  assertAdmin(actor);
  const parsed = agencyMembershipSchema.safeParse({ email: options.email, role: options.role });
  if (!parsed.success) throw new DomainError("validation", "invalidInput", fieldErrorsOf(parsed.error));
  const { email, role } = parsed.data;
  return db.transaction(async (tx) => {
    const [agency] = await tx.select({ id: agencies.id }).from(agencies).where(eq(agencies.id, agencyId));
    if (!agency) throw new DomainError("not_found", "notFound");
    // Addresses are stored as typed at sign-in; compare case-insensitively.
    const [user] = await tx.select({ id: users.id }).from(users).where(sql`lower(${users.email}) = ${email}`).limit(1);
    if (!user) throw new DomainError("not_found", "userNotFound", { email: ["userNotFound"] });
    const [existing] = await tx
      .select({ role: agencyMemberships.role })
      .from(agencyMemberships)
      .where(and(eq(agencyMemberships.agencyId, agencyId), eq(agencyMemberships.userId, user.id)))
      .for("update");
    const previousRole = existing?.role ?? null;
    if (previousRole === role) return { userId: user.id, role, previousRole, changed: false };
    await tx
      .insert(agencyMemberships)
      .values({ agencyId, userId: user.id, role })
      .onConflictDoUpdate({ target: [agencyMemberships.agencyId, agencyMemberships.userId], set: { role } });
    await recordEvent(tx, {
      entityType: "agency",
      entityId: agencyId,
      actorId: actor.id,
      action: previousRole ? "member_role_changed" : "member_added",
      fromState: previousRole,
      toState: role,
      data: { userId: user.id, role },
    });
    return { userId: user.id, role, previousRole, changed: true };
  });
}

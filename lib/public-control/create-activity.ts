import { eq } from "drizzle-orm";
import { activities, agencies, organizations, type Activity } from "@/db/schema";
import type { Database, Executor } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { assertOrganizationRole, assertSignedIn } from "@/lib/auth/permissions";
import { DomainError } from "@/lib/errors";
import { recordEvent } from "@/lib/events/record-event";
import type { ActivityFormInput } from "./schema";

/** The object must be an active agency. */
export async function assertActiveAgency(db: Executor, agencyId: string): Promise<void> {
  const [agency] = await db.select({ active: agencies.active }).from(agencies).where(eq(agencies.id, agencyId));
  if (!agency?.active) throw new DomainError("validation", "validation", { agencyId: ["chooseAgency"] });
}

/**
 * A signed-in citizen drafts an activity, alone or for an organization they are a member of.
 * An organization still awaiting verification may draft; only a verified one may announce.
 */
export async function createActivity(options: { db: Database; actor: Actor | null; input: ActivityFormInput; now?: Date }): Promise<Activity> {
  const { db, actor, input, now = new Date() } = options;
  assertSignedIn(actor);
  if (input.organizationId) {
    assertOrganizationRole(actor, input.organizationId);
    const [organization] = await db.select({ state: organizations.state }).from(organizations).where(eq(organizations.id, input.organizationId));
    if (!organization) throw new DomainError("validation", "validation", { organizationId: ["choose"] });
    if (organization.state === "refused") throw new DomainError("validation", "validation", { organizationId: ["organizationRefused"] });
  }
  await assertActiveAgency(db, input.agencyId);
  return db.transaction(async (tx) => {
    const [activity] = await tx
      .insert(activities)
      .values({
        subjectType: input.organizationId ? "organization" : "citizen",
        subjectUserId: actor.id,
        organizationId: input.organizationId,
        agencyId: input.agencyId,
        forms: input.forms,
        title: input.title,
        subjectMatter: input.subjectMatter,
        goals: input.goals,
        plannedStart: input.plannedStart,
        plannedEnd: input.plannedEnd,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await recordEvent(tx, {
      entityType: "activity",
      entityId: activity.id,
      actorId: actor.id,
      action: "created",
      toState: "draft",
      data: { subjectType: activity.subjectType, organizationId: activity.organizationId },
      occurredAt: now,
    });
    return activity;
  });
}

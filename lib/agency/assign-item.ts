import { and, eq } from "drizzle-orm";
import { agencyItemStates, agencyMemberships, type AgencyItemState } from "@/db/schema";
import type { Database } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { DomainError } from "@/lib/errors";
import { recordEvent } from "@/lib/events/record-event";
import { lockItemForWork } from "./item-source";
import { itemUrl, mailPeople } from "./notify";
import { itemEntityId, type AgencyItemKind } from "./states";

/**
 * A supervisor puts an open item on a staff member's desk (or takes it off everyone's with
 * `assigneeId: null`). The assignee must work for the same agency; they are told by e-mail.
 * Event: "assigned" / "unassigned" on entity "agency_item".
 */
export async function assignItem(options: {
  db: Database;
  actor: Actor | null;
  agencyId: string;
  kind: AgencyItemKind;
  itemId: string;
  assigneeId: string | null;
  now?: Date;
}): Promise<AgencyItemState> {
  const { db, actor, agencyId, kind, itemId, assigneeId, now = new Date() } = options;
  return db.transaction(async (tx) => {
    const { source, state } = await lockItemForWork(tx, actor, { agencyId, kind, itemId }, { role: "supervisor", open: true });
    if (assigneeId) {
      const [member] = await tx
        .select({ userId: agencyMemberships.userId })
        .from(agencyMemberships)
        .where(and(eq(agencyMemberships.agencyId, agencyId), eq(agencyMemberships.userId, assigneeId)));
      if (!member) throw new DomainError("validation", "notStaff", { assigneeId: ["notStaff"] });
    }
    if (state.assigneeId === assigneeId) return state;
    const [updated] = await tx
      .update(agencyItemStates)
      .set({ assigneeId, assignedBy: assigneeId ? actor!.id : null, assignedAt: assigneeId ? now : null, updatedAt: now })
      .where(and(eq(agencyItemStates.itemKind, kind), eq(agencyItemStates.itemId, itemId)))
      .returning();
    await recordEvent(tx, {
      entityType: "agency_item",
      entityId: itemEntityId(kind, itemId),
      actorId: actor!.id,
      action: assigneeId ? "assigned" : "unassigned",
      data: { agencyId, assigneeId, previousAssigneeId: state.assigneeId },
      occurredAt: now,
    });
    if (assigneeId && assigneeId !== actor!.id) {
      await mailPeople(tx, [assigneeId], "mailAgency.assigned", {
        kind,
        title: source.title,
        due: source.dueOn ?? "",
        url: itemUrl(agencyId, kind, itemId),
      });
    }
    return updated;
  });
}
